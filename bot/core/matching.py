"""Match sentences to claims: normalised tokens with numbers masked, an inverted index for
candidates, rapidfuzz for the score, and frame compatibility for figures.

The index maps (topic, token) and (topic, counted kind) to claim ids, so a sentence looks at
the few claims sharing its words instead of scanning them all.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.counted import find_periods, find_phrases
from bot.core.lexicon import COUNTED, ENTITIES, MEASURES, STOPWORDS, SYNONYMS
from bot.core.model import ClaimSpec, Figure

MAX_CANDIDATES = 50
MAX_POSTING = 5_000  # tokens shared by more claims than this are too common to pick candidates
WORD_MATCH = 85  # rapidfuzz ratio for two words to count as the same ("troop", "troops")
EVENT_NEEDS_TEXT = 0.6  # a figure without an event matches an eventful claim only this similar
NUMBERLESS_SCORE = 0.6  # a sentence without a figure must say this much of the claim
NUMBERLESS_WORDS = 3  # ... and share at least this many of its words


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
    for word in re.findall(r"[a-z_]+(?:'[a-z]+)?|\d[\d,.]*", "".join(pieces)):
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
    """0..1: the share of the claim's words the sentence says (numbers masked, fuzzy words)."""
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


@dataclass(frozen=True, slots=True)
class IndexedClaim:
    spec: ClaimSpec
    reference: Figure | None  # the figure the claim's own text states
    masked: str


def quantity_key(figure: Figure) -> str | None:
    """What a figure is a figure of: the counted kind of a count, the measure of a percentage
    or an amount of money ("inflation", "deficit"); None when the sentence does not say."""
    return figure.counted if figure.unit == "count" else figure.measure


def frame_compatible(figure: Figure, reference: Figure, text_score: float) -> bool:
    """Same quantity? what is counted (or measured), unit, period, event, actor and recipient
    must not conflict."""
    if figure.unit != reference.unit:
        return False
    key = quantity_key(figure)
    if key is None or key != quantity_key(reference):
        return False
    if figure.period and reference.period and figure.period != reference.period:
        return False
    if figure.scope != reference.scope:
        return False  # "nationwide" is another quantity than the march itself
    if figure.event != reference.event and (
        figure.event is not None or text_score < EVENT_NEEDS_TEXT
    ):
        return False
    for mine, theirs in ((figure.actor, reference.actor), (figure.recipient, reference.recipient)):
        if mine is not None and theirs is not None and mine != theirs:
            return False
    return True


def frame_agreement(figure: Figure, reference: Figure) -> int:
    """How many optional frame fields agree (a tie-breaker between compatible claims)."""
    pairs = (
        (figure.period, reference.period),
        (figure.event, reference.event),
        (figure.actor, reference.actor),
        (figure.recipient, reference.recipient),
    )
    return sum(1 for a, b in pairs if a is not None and a == b)


class ClaimIndex:
    """Claims by topic, with inverted indexes over tokens and counted kinds."""

    def __init__(self) -> None:
        self._claims: dict[str, IndexedClaim] = {}
        self._by_token: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_counted: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        self._by_key: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(self, spec: ClaimSpec, reference: Figure | None) -> IndexedClaim:
        claim = IndexedClaim(spec, reference, masked(spec.text))
        self._claims[spec.id] = claim
        for token in set(claim.masked.split()) - {"#"}:
            self._by_token[(spec.topic, token)].add(spec.id)
        key = quantity_key(reference) if reference is not None else None
        if reference is not None and key:
            self._by_counted[(spec.topic, key, reference.unit)].add(spec.id)
            self._by_key[(spec.topic, key)].add(spec.id)
        return claim

    def remove(self, claim_id: str) -> IndexedClaim | None:
        """Forget a claim: it is no longer a candidate for any sentence."""
        claim = self._claims.pop(claim_id, None)
        if claim is None:
            return None
        for index in (self._by_token, self._by_counted, self._by_key):
            for posting in index.values():
                posting.discard(claim_id)
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
        counts: Counter[str] = Counter()
        for token in set(sentence_tokens) - {"#"}:
            posting = self._by_token.get((topic, token))
            if posting and len(posting) <= MAX_POSTING:
                counts.update(posting)
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
        return [self._claims[claim_id] for claim_id, _ in best]

    def best_for_words(
        self, topic: str, text: str, sentence_masked: str
    ) -> tuple[IndexedClaim, float] | None:
        """The claim a sentence without a figure speaks of: the one whose words it says most
        (at least NUMBERLESS_SCORE of them, NUMBERLESS_WORDS or more), else the one claim counting
        what the sentence names ("retracted its January jobs figure", "no information about
        prisoners of war"), its period not in conflict."""
        words = set(sentence_masked.split()) - {"#"}
        best: tuple[tuple[float, int], IndexedClaim] | None = None
        for claim in self.candidates(topic, words):
            score = similarity(claim.masked, sentence_masked)
            shared = len(words & set(claim.masked.split()))
            rank = (score, shared)
            enough = score >= NUMBERLESS_SCORE and shared >= NUMBERLESS_WORDS
            if enough and (best is None or rank > best[0]):
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
        """The claim this figure is a figure for, with the text score; None if no claim fits."""
        key = quantity_key(figure)
        if key is None:
            return None
        ranked: list[tuple[int, float, str, IndexedClaim]] = []
        pool = self.by_counted(topic, key, figure.unit)
        if len(pool) > MAX_CANDIDATES:  # many claims count the same thing: let the words choose
            near = {c.spec.id for c in self.candidates(topic, sentence_masked.split())}
            pool = [c for c in pool if c.spec.id in near]
        for claim in pool:
            assert claim.reference is not None
            score = similarity(claim.masked, sentence_masked)
            if frame_compatible(figure, claim.reference, score):
                agreement = frame_agreement(figure, claim.reference)
                ranked.append((agreement, score, claim.spec.id, claim))
        if not ranked:
            return None
        ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
        return ranked[0][3], ranked[0][1]
