"""Match sentences to claims: normalised tokens with numbers masked, an inverted index for
candidates, rapidfuzz for the score, and frame compatibility for figures.

The index maps (topic, token) and (topic, counted kind) to claim ids, so a sentence looks at
the few claims sharing its words instead of scanning them all.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import fuzz, process

from bot.core.counted import find_periods, find_phrases
from bot.core.lexicon import COUNTED, ENTITIES, MEASURES, STOPWORDS, SYNONYMS
from bot.core.model import ClaimSpec, Figure

_K = TypeVar("_K")

MAX_CANDIDATES = 50
MAX_POOL = 2_000  # claims counting one quantity in a topic scored for a figure
MAX_POSTING = 5_000  # tokens shared by more claims than this are too common to pick candidates
WORD_MATCH = 85  # rapidfuzz ratio for two words to count as the same ("troop", "troops")
EVENT_NEEDS_TEXT = 0.6  # a figure without an event matches an eventful claim only this similar
NUMBERLESS_SCORE = 0.6  # a sentence without a figure must say this much of the claim
NUMBERLESS_WORDS = 3  # ... and share at least this many of its words
SENTENCE_MEMO = 512  # sentences whose word memo the index keeps


_TOKEN = re.compile(r"[a-z_]+(?:'[a-z]+)?|\d[\d,.]*")


def tokens(text: str) -> list[str]:
    """Lower-case content words, entities joined, synonyms folded, numbers masked as '#'."""
    low = text.lower()
    pieces: list[str] = []
    last = 0
    for hit in find_phrases(text, ENTITIES):
        pieces.append(low[last : hit.start])
        pieces.append(f" {hit.value} ")
        last = hit.end
    pieces.append(low[last:])
    out: list[str] = []
    for word in _TOKEN.findall("".join(pieces)):
        if word[0].isdigit():
            out.append("#")
            continue
        word = word.removesuffix("'s")
        if word in STOPWORDS or len(word) < 2:
            continue
        out.append(SYNONYMS.get(word, word))
    return out


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
    return tuple(sys.intern(w) for w in dict.fromkeys(text_masked.split()) if w != "#")


class SentenceWords:
    """A sentence's masked words, and which other words it says (exactly, or within
    WORD_MATCH): scoring many claims against one sentence asks about each word once."""

    __slots__ = ("_listed", "_said", "masked", "words")

    def __init__(self, sentence_masked: str) -> None:
        self.masked = sentence_masked
        self.words = frozenset(words_of(sentence_masked))
        self._listed = list(self.words)
        self._said: dict[str, bool] = {}

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


@dataclass(frozen=True, slots=True)
class IndexedClaim:
    spec: ClaimSpec
    reference: Figure | None  # the figure the claim's own text states
    masked: str
    words: tuple[str, ...] = ()  # words_of(masked): what similarity compares

    def word_set(self) -> tuple[str, ...]:
        return self.words or words_of(self.masked)


def quantity_key(figure: Figure) -> str | None:
    """What a figure is a figure of: the counted kind of a count, the measure of a percentage
    or an amount of money ("inflation", "deficit"); None when the sentence does not say."""
    return figure.counted if figure.unit == "count" else figure.measure


def frame_compatible(figure: Figure, reference: Figure, text_score: float) -> bool:
    """Same quantity? what is counted (or measured), unit, period, event, actor and recipient
    must not conflict."""
    if _frame_conflict(figure, reference):
        return False
    return figure.event == reference.event or text_score >= EVENT_NEEDS_TEXT


def _frame_conflict(figure: Figure, reference: Figure) -> bool:
    """`frame_compatible` is False whatever the text score: all its tests but the one of a
    figure without an event against an eventful claim (which asks for the text score)."""
    if figure.unit != reference.unit:
        return True
    key = quantity_key(figure)
    if key is None or key != quantity_key(reference):
        return True
    if figure.period and reference.period and figure.period != reference.period:
        return True
    if figure.scope != reference.scope:
        return True  # "nationwide" is another quantity than the march itself
    if figure.event != reference.event and figure.event is not None:
        return True
    mine, theirs = figure.actor, reference.actor
    if mine is not None and theirs is not None and mine != theirs:
        return True
    mine, theirs = figure.recipient, reference.recipient
    return mine is not None and theirs is not None and mine != theirs


def frame_agreement(figure: Figure, reference: Figure) -> int:
    """How many optional frame fields agree (a tie-breaker between compatible claims)."""
    period, event, actor, recipient = figure.period, figure.event, figure.actor, figure.recipient
    return (
        (period is not None and period == reference.period)
        + (event is not None and event == reference.event)
        + (actor is not None and actor == reference.actor)
        + (recipient is not None and recipient == reference.recipient)
    )


def _post(index: dict[_K, list[str]], key: _K, claim_id: str, again: bool) -> None:
    """Add `claim_id` to the posting of `key` (checking for it only when `again`)."""
    posting = index.get(key)
    if posting is None:
        index[key] = [claim_id]
    elif not again or claim_id not in posting:
        posting.append(claim_id)


class ClaimIndex:
    """Claims by topic, with inverted indexes over tokens and counted kinds.

    Postings are lists of distinct claim ids (a set costs three times the memory, and a
    hundred thousand claims make half a million postings, most of one or two ids)."""

    def __init__(self) -> None:
        self._claims: dict[str, IndexedClaim] = {}
        self._by_token: dict[str, dict[str, list[str]]] = defaultdict(dict)  # topic, token
        self._by_counted: dict[tuple[str, str, str], list[str]] = {}
        self._by_key: dict[tuple[str, str], list[str]] = {}
        # recent sentences scored, with their word memos (a story's sentences come back once
        # for each topic it is about)
        self._sentences: dict[str, SentenceWords] = {}

    def add(self, spec: ClaimSpec, reference: Figure | None) -> IndexedClaim:
        text_masked = masked(spec.text)
        claim = IndexedClaim(spec, reference, text_masked, words_of(text_masked))
        again = spec.id in self._claims  # its old postings stay: only add what is missing
        self._claims[spec.id] = claim
        tokens = self._by_token[spec.topic]
        for token in claim.words:
            _post(tokens, token, spec.id, again)
        key = quantity_key(reference) if reference is not None else None
        if reference is not None and key:
            _post(self._by_counted, (spec.topic, key, reference.unit), spec.id, again)
            _post(self._by_key, (spec.topic, key), spec.id, again)
        return claim

    def remove(self, claim_id: str) -> IndexedClaim | None:
        """Forget a claim: it is no longer a candidate for any sentence."""
        claim = self._claims.pop(claim_id, None)
        if claim is None:
            return None
        postings = [*self._by_counted.values(), *self._by_key.values()]
        for tokens in self._by_token.values():
            postings.extend(tokens.values())
        for posting in postings:
            if claim_id in posting:
                posting.remove(claim_id)
        return claim

    def get(self, claim_id: str) -> IndexedClaim | None:
        return self._claims.get(claim_id)

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._claims

    def all(self) -> list[IndexedClaim]:
        return list(self._claims.values())

    def by_counted(self, topic: str, counted: str, unit: str) -> list[IndexedClaim]:
        ids = sorted(self._by_counted.get((topic, counted, unit), ()))
        return [self._claims[i] for i in ids]

    def candidates(self, topic: str, sentence_tokens: Iterable[str]) -> list[IndexedClaim]:
        """Claims of `topic` sharing the most tokens with the sentence (at most 50)."""
        return [self._claims[claim_id] for claim_id in self._nearest(topic, sentence_tokens)]

    def _nearest(
        self,
        topic: str,
        sentence_tokens: Iterable[str],
        among: set[str] | None = None,
        limit: int = MAX_CANDIDATES,
    ) -> list[str]:
        """Ids of the claims of `topic` (of `among`, if given) sharing the most tokens with
        the sentence, most first, then by id."""
        counts: Counter[str] = Counter()
        tokens = self._by_token.get(topic, {})
        for token in set(sentence_tokens) - {"#"}:
            posting = tokens.get(token)
            if posting and len(posting) <= MAX_POSTING:
                counts.update(posting if among is None else [i for i in posting if i in among])
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [claim_id for claim_id, _ in best]

    def _words(self, sentence_masked: str) -> SentenceWords:
        sentence = self._sentences.get(sentence_masked)
        if sentence is None:
            if len(self._sentences) >= SENTENCE_MEMO:
                self._sentences.clear()
            sentence = self._sentences[sentence_masked] = SentenceWords(sentence_masked)
        return sentence

    def best_for_words(
        self, topic: str, text: str, sentence_masked: str
    ) -> tuple[IndexedClaim, float] | None:
        """The claim a sentence without a figure speaks of: the one whose words it says most
        (at least NUMBERLESS_SCORE of them, NUMBERLESS_WORDS or more), else the one claim counting
        what the sentence names ("retracted its January jobs figure", "no information about
        prisoners of war"), its period not in conflict."""
        sentence = self._words(sentence_masked)
        words = sentence.words
        best: tuple[tuple[float, int], IndexedClaim] | None = None
        for claim in self.candidates(topic, words):
            claim_words = claim.word_set()
            shared = sum(1 for word in claim_words if word in words)
            if shared < NUMBERLESS_WORDS:
                continue  # too few words in common, whatever the fuzzy score
            score = sentence.share(claim_words)
            rank = (score, shared)
            if score >= NUMBERLESS_SCORE and (best is None or rank > best[0]):
                best = (rank, claim)
        if best is not None:
            return best[1], best[0][0]
        keys = {h.value for h in find_phrases(text, COUNTED)}
        keys |= {h.value for h in find_phrases(text, MEASURES)}
        periods = {h.value for h in find_periods(text)}
        named = [
            claim
            for key in sorted(keys)
            for claim in map(self._claims.__getitem__, sorted(self._by_key.get((topic, key), ())))
            if claim.reference is not None
            and (not periods or not claim.reference.period or claim.reference.period in periods)
        ]
        if len(named) != 1:
            return None  # nothing named, or several claims count it: too unsure to say
        return named[0], NUMBERLESS_SCORE

    def best_for_figure(
        self, topic: str, figure: Figure, sentence_masked: str
    ) -> tuple[IndexedClaim, float] | None:
        """The claim this figure is a figure for, with the text score; None if no claim fits.

        Every claim of the topic counting the same quantity is scored (up to MAX_POOL of them,
        else those sharing the most words with the sentence), so the best one is never cut off
        by a candidate limit; ties go to the claim agreeing on more of the frame, then the
        higher score, then the smaller id."""
        key = quantity_key(figure)
        if key is None:
            return None
        pool: Collection[str] = self._by_counted.get((topic, key, figure.unit), ())
        if not pool:
            return None
        sentence = self._words(sentence_masked)
        if len(pool) > MAX_POOL:  # a huge pool: let the words choose
            pool = self._nearest(topic, sentence.words, among=set(pool), limit=MAX_POOL)
        best: tuple[tuple[int, float, str], IndexedClaim] | None = None
        for claim_id in pool:
            claim = self._claims[claim_id]
            reference = claim.reference
            assert reference is not None
            if _frame_conflict(figure, reference):
                continue  # incompatible whatever the words say
            agreement = -frame_agreement(figure, reference)
            if best is not None and agreement > best[0][0]:
                continue  # agrees on less of the frame than the best so far: cannot win
            score = sentence.share(claim.word_set())
            if figure.event != reference.event and score < EVENT_NEEDS_TEXT:
                continue  # the rest of frame_compatible
            rank = (agreement, -score, claim_id)  # smallest wins
            if best is None or rank < best[0]:
                best = (rank, claim)
        return None if best is None else (best[1], -best[0][1])
