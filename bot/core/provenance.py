"""Syndication: near-duplicate stories are one source.

Each story is fingerprinted by a sample of hashed word shingles (stable blake2b hashes, never
Python's salted `hash`). A bounded index maps shingles to recent stories; a new story whose
shingles are mostly contained in an earlier one's is a copy of that story's origin.

The index is kept small, as it holds up to ``MAX_STORIES`` stories for as long as the bot runs:
a story's hashes as one packed array (8 bytes each, not a set of Python ints), and a shingle
seen in one story maps to that story's key itself, a set only once a second story shares it.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter, OrderedDict

from bot.core.model import Story

SHINGLE = 5  # words per shingle
SAMPLE = 2  # keep shingles whose hash is 0 modulo this (all when the text is short)
SHORT = 40  # below this many shingles keep them all
CONTAINMENT = 0.6  # share of the smaller fingerprint found in the other: a copy
MIN_SHINGLES = 8  # texts shorter than this are never judged copies
MAX_STORIES = 20_000


_WORD = re.compile(r"\w+")


def fingerprint(story: Story) -> frozenset[int]:
    words = _WORD.findall(f"{story.title} {story.text}".lower())
    # the runs of SHINGLE words, joined (zip stops at the shortest: none for a short text)
    grams = set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    hashes = {from_bytes(blake2b(g.encode(), digest_size=8).digest()) for g in grams}
    if len(hashes) > SHORT:
        hashes = {h for h in hashes if not h % SAMPLE}
    return frozenset(hashes)


class SyndicationIndex:
    """A bounded index of recent story fingerprints."""

    def __init__(self, max_stories: int = MAX_STORIES) -> None:
        self._max = max_stories
        self._stories: OrderedDict[str, tuple[array[int], str, int]] = OrderedDict()
        self._by_shingle: dict[int, str | set[str]] = {}  # one key, or the keys sharing it
        self._seq = 0

    def __len__(self) -> int:
        return len(self._stories)

    def origin_of(self, story: Story) -> str:
        """The key of the story this one copies (its own key when original); remembers it."""
        if story.key in self._stories:
            return self._stories[story.key][1]
        prints = fingerprint(story)
        origin = self._find_origin(prints) or story.key
        self.remember(story.key, prints, origin)
        return origin

    def remember_story(self, story: Story, origin: str) -> None:
        if story.key not in self._stories:
            self.remember(story.key, fingerprint(story), origin)

    def remember(self, key: str, prints: frozenset[int], origin: str) -> None:
        self._seq += 1
        self._stories[key] = (array("Q", prints), origin, self._seq)
        by_shingle = self._by_shingle
        for h in prints:
            keys = by_shingle.get(h)
            if keys is None:
                by_shingle[h] = key
            elif isinstance(keys, str):
                if keys != key:
                    by_shingle[h] = {keys, key}
            else:
                keys.add(key)
        while len(self._stories) > self._max:
            old_key, (old_prints, _, _) = self._stories.popitem(last=False)
            for h in old_prints:
                self._forget(h, old_key)

    def _forget(self, shingle: int, key: str) -> None:
        keys = self._by_shingle.get(shingle)
        if keys == key:
            del self._by_shingle[shingle]
        elif isinstance(keys, set):
            keys.discard(key)
            if len(keys) == 1:
                self._by_shingle[shingle] = keys.pop()

    def _find_origin(self, prints: frozenset[int]) -> str | None:
        if len(prints) < MIN_SHINGLES:
            return None
        # most shingles of a new story are in no other: count only the ones that are
        shared: Counter[str] = Counter()
        for keys in filter(None, map(self._by_shingle.get, prints)):
            if isinstance(keys, str):
                shared[keys] += 1
            else:
                shared.update(keys)
        best: tuple[float, int, str] | None = None
        for key, count in shared.items():
            other, _, seq = self._stories[key]
            containment = count / max(1, min(len(prints), len(other)))
            if containment >= CONTAINMENT:
                candidate = (containment, -seq, key)
                if best is None or candidate > best:
                    best = candidate
        return self._stories[best[2]][1] if best else None
