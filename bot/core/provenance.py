"""Syndication: near-duplicate stories are one source.

Each story is fingerprinted by a sample of hashed word shingles (stable blake2b hashes, never
Python's salted `hash`). A bounded index maps shingles to recent stories; a new story whose
shingles are mostly contained in an earlier one's is a copy of that story's origin.

The index is kept small, as it holds up to ``MAX_STORIES`` stories for as long as the bot runs:
a story's hashes as one packed array (8 bytes each, not a set of Python ints), and a shingle
seen in one story maps to that story's key itself, a set only once a second story shares it.

Finding the origin counts, for each stored story, the shingles it shares with the new one. When
every stored fingerprint is long, a copy must share at least ``least`` shingles, so it shares
one of the rarest ``shared - least + 1`` shared shingles (the prefix filter of set-similarity
joins): only the stories found there are counted, the same answer as counting them all.
"""

from __future__ import annotations

import hashlib
import math
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
_ASCII_WORD = re.compile(rb"\w+")  # `_WORD` in an ASCII text, over its bytes: the same words
# `_ASCII_WORD.findall` by one `translate` and `split`, a tenth of its cost: each byte that
# `_ASCII_WORD` does not match becomes a space, so the runs between spaces are its words
_NON_WORD_TO_SPACE = bytes(c if _ASCII_WORD.fullmatch(bytes((c,))) else 32 for c in range(256))
# The state of a blake2b of 8 bytes before any data: a copy of it, given a shingle, hashes it as
# `blake2b(shingle, digest_size=8)` does, in half the time (no parameters to read and set up).
_NO_DATA = hashlib.blake2b(digest_size=8)


def fingerprint(story: Story) -> frozenset[int]:
    text = f"{story.title} {story.text}".lower()
    # the runs of SHINGLE words, joined (zip stops at the shortest: none for a short text), as
    # UTF-8 bytes (those of an ASCII text are found as bytes: no shingle is encoded on its own)
    grams: set[bytes]
    if text.isascii():
        words = text.encode().translate(_NON_WORD_TO_SPACE).split()
        grams = set(map(b" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))
    else:
        found = _WORD.findall(text)
        joined = map(" ".join, zip(*(found[i:] for i in range(SHINGLE)), strict=False))
        grams = {gram.encode() for gram in joined}
    fresh, from_bytes = _NO_DATA.copy, int.from_bytes
    hashes: set[int] = set()
    for gram in grams:
        h = fresh()
        h.update(gram)
        hashes.add(from_bytes(h.digest()))
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
        self._lengths: Counter[int] = Counter()  # fingerprint sizes of the stored stories
        self._held = 0  # their sum

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
        if prints:
            self._lengths[len(prints)] += 1
            self._held += len(prints)
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
            if old_prints:
                self._held -= len(old_prints)
                self._lengths[len(old_prints)] -= 1
                if not self._lengths[len(old_prints)]:
                    del self._lengths[len(old_prints)]
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
        # most shingles of a new story are in no other: look only at the ones that are
        hits: list[str | set[str]] = [k for k in map(self._by_shingle.get, prints) if k]
        if not hits or not self._lengths:
            return None
        least = _least_shared(len(prints), min(self._lengths))
        probe = len(hits) - least + 1  # a copy shares one of any `probe` of the shared shingles
        if probe <= 0:
            return None
        shared = self._count_found(prints, hits, probe) if probe < len(hits) else None
        if shared is None:
            shared = self._count(hits)
        best: tuple[float, int, str] | None = None
        for key, count in shared.items():
            other, _, seq = self._stories[key]
            containment = count / max(1, min(len(prints), len(other)))
            if containment >= CONTAINMENT:
                candidate = (containment, -seq, key)
                if best is None or candidate > best:
                    best = candidate
        return self._stories[best[2]][1] if best else None

    def _count_found(
        self, prints: frozenset[int], hits: list[str | set[str]], probe: int
    ) -> dict[str, int] | None:
        """The shingles shared with each story found in the rarest ``probe`` shared shingles
        (every copy is among them), or None when counting them all is no more work."""
        sizes = sorted(map(_posting_size, hits))
        total = sum(sizes)  # what counting them all takes
        if 2 * sum(sizes[:probe]) > total:
            return None
        hits.sort(key=_posting_size)
        found: set[str] = set()
        for keys in hits[:probe]:
            if isinstance(keys, str):
                found.add(keys)
            else:
                found.update(keys)
        if len(found) * self._held > total * len(self._stories):  # at the mean length
            return None
        stories = self._stories
        return {key: len(prints.intersection(stories[key][0])) for key in found}

    @staticmethod
    def _count(hits: list[str | set[str]]) -> dict[str, int]:
        shared: Counter[str] = Counter()
        for keys in hits:
            if isinstance(keys, str):
                shared[keys] += 1
            else:
                shared.update(keys)
        return shared


def _posting_size(keys: str | set[str]) -> int:
    return 1 if isinstance(keys, str) else len(keys)


def _least_shared(size: int, shortest: int) -> int:
    """The fewest shingles a story of ``size`` shingles shares with any stored one it copies
    (the shortest stored has ``shortest``): the least count ``_find_origin`` accepts."""
    smaller = max(1, min(size, shortest))
    least = math.ceil(CONTAINMENT * smaller)
    while least > 0 and (least - 1) / smaller >= CONTAINMENT:  # the float test, exactly
        least -= 1
    while least / smaller < CONTAINMENT:
        least += 1
    return least
