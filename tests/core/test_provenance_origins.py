"""The origin the index finds is the one the definition gives: among the stored stories whose
fingerprint and the new one's share at least CONTAINMENT of the smaller, the most contained,
then the oldest — however long or short the stored fingerprints are (the index looks only at
the stories found in the rarest shared shingles when that is enough)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from bot.core.model import Story
from bot.core.provenance import CONTAINMENT, MIN_SHINGLES, SyndicationIndex, fingerprint


def origin_by_the_book(
    stored: list[tuple[str, frozenset[int], str]], key: str, prints: frozenset[int]
) -> str:
    """``stored``: (key, fingerprint, origin) oldest first, as the index still holds them."""
    if len(prints) < MIN_SHINGLES:
        return key
    best: tuple[float, int, str] | None = None
    for age, (_, other, origin) in enumerate(stored):
        count = len(prints & other)
        containment = count / max(1, min(len(prints), len(other)))
        if count and containment >= CONTAINMENT:
            candidate = (containment, -age, origin)
            if best is None or candidate > best:
                best = candidate
    return best[2] if best else key


class RecordingIndex(SyndicationIndex):
    """Notes which way each origin was found: by the stories in the rarest shared shingles
    ("pruned"), or by counting every story that shares a shingle ("counted")."""

    def __init__(self, max_stories: int) -> None:
        super().__init__(max_stories)
        self.ways: Counter[str] = Counter()

    def _count_found(
        self, prints: frozenset[int], hits: list[str | set[str]], probe: int
    ) -> dict[str, int] | None:
        found = super()._count_found(prints, hits, probe)
        self.ways["pruned" if found is not None else "counted"] += 1
        return found


@pytest.mark.parametrize(
    ("words", "shortest", "way"),
    [(40, 1, "counted"), (3_000, 60, "pruned")],
    ids=["boilerplate-and-short-stories", "long-stories-only"],
)
def test_origins_match_the_definition_for_long_short_and_forgotten_stories(
    words: int, shortest: int, way: str
) -> None:
    """A small vocabulary: stories share many shingles by chance (boilerplate), and every
    third story is short; a large one and long stories only: the index counts just the
    stories found in the rarest shared shingles."""
    rng = random.Random(8)
    vocabulary = [f"w{i}" for i in range(words)]
    boilerplate = [rng.choice(vocabulary[:20]) for _ in range(80)]
    bases = [
        boilerplate[: rng.randrange(80)]
        + [rng.choice(vocabulary) for _ in range(rng.randint(60, 400))]
        for _ in range(12)
    ]
    index = RecordingIndex(max_stories=60)
    stored: list[tuple[str, frozenset[int], str]] = []
    copies = 0
    for n in range(400):
        text = list(rng.choice(bases))
        start = rng.randrange(len(text))
        if n % 3 == 0:  # a short story, often after a long run of long ones
            text = (text[start:] + text[:start])[: rng.randint(shortest, shortest + 30)]
        else:
            text = text[start:] + text[: rng.randrange(len(text))]
            for _ in range(rng.randint(0, 40)):  # edited
                text[rng.randrange(len(text))] = rng.choice(vocabulary)
        story = Story(f"s{n}", "f", "o", f"https://x.example/{n}", "", " ".join(text))
        prints = fingerprint(story)
        expected = origin_by_the_book(stored, story.key, prints)
        assert index.origin_of(story) == expected, n
        copies += expected != story.key
        stored.append((story.key, prints, expected))
        del stored[:-60]
    assert 50 < copies < 350  # both answers were asked for many times
    assert index.ways[way] > 50, index.ways
