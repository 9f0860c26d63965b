"""The words side of matching: a text's normalised tokens with numbers masked, rapidfuzz
similarity of two masked texts, and the vocabulary of claim words with the near matches of each
sentence word cached, so that most word comparisons are set lookups.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from bot.core.lexicon import STOPWORDS, SYNONYMS
from bot.core.phrases import entity_hits

WORD_MATCH = 85  # rapidfuzz ratio for two words to count as the same ("troop", "troops")
NEAR_MEMO = 200_000  # words whose near claim words the vocabulary keeps
PRIME_ROWS = 256  # vocabulary words compared with the whole vocabulary in one `cdist` call
PRIME_MAX = 20_000  # a larger vocabulary is not primed (about 3 s of cdist): asked word by word


_TOKEN = re.compile(r"[a-z_]+(?:'[a-z]+)?|\d[\d,.]*")
TOKEN_MEMO = 50_000  # words whose token `tokens` keeps (pure: the lexicon is fixed)
_TOKEN_MEMO: dict[str, str] = {}


def tokens(text: str) -> list[str]:
    """Lower-case content words, entities joined, synonyms folded, numbers masked as '#'."""
    low = text.lower()
    hits = entity_hits(low)
    if hits:
        pieces: list[str] = []
        last = 0
        for hit in hits:
            pieces.append(low[last : hit.start])
            pieces.append(f" {hit.value} ")
            last = hit.end
        pieces.append(low[last:])
        low = "".join(pieces)
    out: list[str] = []
    memo = _TOKEN_MEMO
    for word in _TOKEN.findall(low):
        token = memo.get(word)
        if token is None:
            token = _token(word)
            if len(memo) >= TOKEN_MEMO:
                memo.clear()
            memo[word] = token
        if token:
            out.append(token)
    return out


def _token(word: str) -> str:
    """What `tokens` keeps of one word: '#' for a number, its synonym, or "" for a stopword."""
    if word[0].isdigit():
        return "#"
    word = word.removesuffix("'s")
    if word in STOPWORDS or len(word) < 2:
        return ""
    return SYNONYMS.get(word, word)


def masked(text: str) -> str:
    return " ".join(tokens(text))


def similarity(claim_masked: str, sentence_masked: str) -> float:
    """0..1: the share of the claim's words the sentence says (numbers masked, fuzzy words).
    (`SentenceWords.share` is the same, for many claims against one sentence.)"""
    claim_words = set(claim_masked.split()) - {"#"}
    sentence_words = list(set(sentence_masked.split()) - {"#"})
    if not claim_words or not sentence_words:
        return 0.0
    exact = claim_words.intersection(sentence_words)
    said = len(exact) + sum(
        1
        for word in claim_words - exact
        if process.extractOne(word, sentence_words, scorer=fuzz.ratio, score_cutoff=WORD_MATCH)
    )
    return said / len(claim_words)


def words_of(text_masked: str) -> tuple[str, ...]:
    """The distinct words of a masked text, numbers left out, in order of first use."""
    distinct = dict.fromkeys(text_masked.split())
    distinct.pop("#", None)
    return tuple(map(sys.intern, distinct))


def _within(word: str, choices: list[str]) -> set[str]:
    """The choices within WORD_MATCH of `word` (fuzz.ratio is symmetric: the same pairs as
    asking of each choice whether `word` is within WORD_MATCH of it)."""
    found = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=WORD_MATCH, limit=None)
    return {choice for choice, _, _ in found}


def _may_match(a: int, b: int) -> bool:
    """Whether words of lengths `a` and `b` can be within WORD_MATCH: fuzz.ratio is at most
    200 * min / (a + b) (all of the shorter word in the longer), with a point to spare."""
    return 200 * min(a, b) >= (WORD_MATCH - 1) * (a + b)


class Vocabulary:
    """Every word of the indexed claims, and for each word a sentence has used, the claim words
    it says (itself, or within WORD_MATCH): a sentence's words become the set of claim words it
    says with a few dictionary lookups, and a claim's score is a set intersection.

    Words are only added (a forgotten claim's words stay: they are never asked about). A word
    is compared only with words of a length that can match, and when looked up again after the
    vocabulary grew, only with the new ones. The first time a claim word itself is looked up,
    every claim word not looked up yet is compared with the vocabulary at once (`_prime`:
    rapidfuzz's `cdist` over many words is about a third of the cost a pair of one `extract` a
    word), the same answers as one at a time."""

    __slots__ = ("_by_length", "_known", "_near", "_unprimed", "_words")

    def __init__(self) -> None:
        self._words: list[str] = []
        self._known: set[str] = set()
        self._by_length: dict[int, list[str]] = defaultdict(list)
        self._near: dict[str, tuple[frozenset[str], int]] = {}  # word -> (said, len(_words))
        self._unprimed: list[str] = []  # claim words added since the last `_prime`

    def __len__(self) -> int:
        return len(self._words)

    def add(self, words: Iterable[str]) -> None:
        known = self._known
        for word in words:
            if word not in known:
                known.add(word)
                self._words.append(word)
                self._by_length[len(word)].append(word)
                self._unprimed.append(word)

    def near(self, word: str) -> frozenset[str]:
        """The vocabulary's words `word` says."""
        size = len(self._words)
        entry = self._near.get(word)
        if entry is not None and entry[1] == size:
            return entry[0]
        length = len(word)
        if entry is None and self._unprimed and word in self._known:
            self._prime()
            primed = self._near.get(word)
            if primed is not None:
                return primed[0]
        if entry is None:
            said: set[str] = set()
            for other, choices in self._by_length.items():
                if _may_match(length, other):
                    said |= _within(word, choices)
            if len(self._near) >= NEAR_MEMO:
                self._near.clear()
            found = frozenset(said)
        else:
            added = [w for w in self._words[entry[1] :] if _may_match(length, len(w))]
            found = entry[0].union(_within(word, added)) if added else entry[0]
        self._near[word] = (found, size)
        return found

    def _prime(self) -> None:
        """`near` of every claim word added since the last call and not looked up yet, in bulk:
        the words of one length against the vocabulary's words of the lengths that can match,
        `PRIME_ROWS` at a time (a cell is nonzero exactly when `extract` would list the pair:
        the cutoff is applied to the score before it is stored). Skipped when the memo could
        not hold them or the vocabulary is over `PRIME_MAX` words (the words are then looked up
        one at a time, as before)."""
        pending = [w for w in self._unprimed if w not in self._near]
        self._unprimed = []
        if not pending or len(self._near) + len(pending) > NEAR_MEMO:
            return
        if len(self._words) > PRIME_MAX:
            return
        size = len(self._words)
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in pending:
            by_length[len(word)].append(word)
        for length, group in by_length.items():
            choices = [
                w for other, ws in self._by_length.items() if _may_match(length, other) for w in ws
            ]
            for start in range(0, len(group), PRIME_ROWS):
                rows = group[start : start + PRIME_ROWS]
                scores = process.cdist(
                    rows, choices, scorer=fuzz.ratio, score_cutoff=WORD_MATCH, dtype=np.uint8
                )
                for word, row in zip(rows, scores, strict=True):
                    found = frozenset(choices[i] for i in row.nonzero()[0])
                    self._near[word] = (found, size)

    def said(self, words: Iterable[str]) -> frozenset[str]:
        """The vocabulary's words a sentence of these words says."""
        size, memo = len(self._words), self._near
        out: set[str] = set()
        stale: dict[int, list[str]] = {}  # words known before the vocabulary grew, by its size
        for word in words:
            entry = memo.get(word)
            if entry is None:
                out.update(self.near(word))
            elif entry[1] == size:
                out.update(entry[0])
            else:
                stale.setdefault(entry[1], []).append(word)
        for since, group in stale.items():
            self._catch_up(group, since)
            for word in group:
                out.update(self.near(word))
        return frozenset(out)

    def _catch_up(self, group: list[str], since: int) -> None:
        """`near` of words last looked up when the vocabulary had `since` words, brought up
        to date with one comparison per word added since (not one per word of the group)."""
        gained: dict[str, set[str]] = defaultdict(set)
        for new in self._words[since:]:
            fits = [word for word in group if _may_match(len(new), len(word))]
            for word in _within(new, fits) if fits else ():
                gained[word].add(new)
        size = len(self._words)
        for word in group:
            entry = self._near.get(word)
            if entry is not None and entry[1] == since:
                more = gained.get(word)
                self._near[word] = (entry[0].union(more) if more else entry[0], size)


class SentenceWords:
    """A sentence's masked words, and which other words it says (exactly, or within
    WORD_MATCH): scoring many claims against one sentence asks about each word once. Given the
    index's vocabulary, the claim words it says are known at once (`share_known`)."""

    __slots__ = ("_known_said", "_listed", "_said", "_size", "_vocabulary", "masked", "words")

    def __init__(self, sentence_masked: str, vocabulary: Vocabulary | None = None) -> None:
        self.masked = sentence_masked
        self.words = frozenset(words_of(sentence_masked))
        self._listed = list(self.words)
        self._said: dict[str, bool] = {}
        self._vocabulary = vocabulary
        self._size = -1
        self._known_said: frozenset[str] = frozenset()

    @property
    def known_said(self) -> frozenset[str]:
        """The vocabulary's words the sentence says, as of the vocabulary's words now (it grows
        as claims are added); none without a vocabulary."""
        vocabulary = self._vocabulary
        if vocabulary is not None and len(vocabulary) != self._size:
            self._size = len(vocabulary)
            self._known_said = vocabulary.said(self._listed)
        return self._known_said

    def says(self, word: str) -> bool:
        said = self._said.get(word)
        if said is None:
            said = word in self.words or (
                process.extractOne(word, self._listed, scorer=fuzz.ratio, score_cutoff=WORD_MATCH)
                is not None
            )
            self._said[word] = said
        return said

    def share(self, claim_words: tuple[str, ...]) -> float:
        """`similarity` of a claim given by its `words_of`."""
        if not claim_words or not self._listed:
            return 0.0
        said = self._said
        count = 0
        for word in claim_words:
            hit = said.get(word)
            count += self.says(word) if hit is None else hit
        return count / len(claim_words)

    def share_known(self, claim_words: tuple[str, ...]) -> float:
        """`share` of words all in the vocabulary (an indexed claim's), as a set intersection."""
        if not claim_words or not self._listed:
            return 0.0
        return len(self.known_said.intersection(claim_words)) / len(claim_words)
