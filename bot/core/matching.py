"""Match sentences to claims: normalised tokens with numbers masked, an inverted index for
candidates, rapidfuzz for the score, and frame compatibility for figures.

The index maps (topic, token) and (topic, counted kind) to claim ids, so a sentence looks at
the few claims sharing its words instead of scanning them all.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeAlias, TypeVar

from bot.core.lexicon import COUNTED, GENERAL_PEOPLE, MEASURES
from bot.core.model import ClaimSpec, Figure
from bot.core.periods import PER_DAY, find_periods
from bot.core.phrases import find_phrases
from bot.core.quantity import lemma
from bot.core.words import SentenceWords, Vocabulary, masked, similarity, tokens, words_of

__all__ = [  # the words side lives in bot/core/words.py; these names are imported from here too
    "ClaimIndex",
    "IndexedClaim",
    "SentenceWords",
    "Vocabulary",
    "deed",
    "departs_held",
    "departure",
    "figure_side",
    "frame_agreement",
    "frame_compatible",
    "masked",
    "planned_done",
    "quantity_key",
    "similarity",
    "tokens",
    "told_apart",
    "words_of",
]

_K = TypeVar("_K")

MAX_CANDIDATES = 50
MAX_POOL = 2_000  # claims counting one quantity in a topic scored for a figure
MAX_POSTING = 5_000  # tokens shared by more claims than this are too common to pick candidates
EVENT_NEEDS_TEXT = 0.6  # a figure without an event matches an eventful claim only this similar
NUMBERLESS_SCORE = 0.6  # a sentence without a figure must say this much of the claim
NUMBERLESS_WORDS = 3  # ... and share at least this many of its words
SENTENCE_MEMO = 512  # sentences whose word memo the index keeps
SHARED_VALUES = 100_000  # distinct numbers, texts and spans of references kept to share


@dataclass(frozen=True, slots=True)
class IndexedClaim:
    spec: ClaimSpec
    reference: Figure | None  # the figure the claim's own text states
    words: tuple[str, ...] = ()  # words_of(masked(spec.text)): what similarity compares

    @property
    def masked(self) -> str:
        """The claim's words, numbers left out: what `similarity` needs of its masked text."""
        return " ".join(self.words)

    def word_set(self) -> tuple[str, ...]:
        return self.words


# "told reporters", "briefing journalists": whom a speaker addresses is no quantity counted.
_AUDIENCE = re.compile(
    r"\b(?:told|tells|tell|telling|briefed|briefs|briefing|informed|informing|addressed|"
    r"addressing|warned|warning|assured|assuring|reminded|reminding|(?:spoke|speaking|speaks|"
    r"talked|talking|wrote|writing|said|explained|explaining)\s+to)\s+"
    r"(?:the\s+|a\s+|local\s+|foreign\s+|visiting\s+)?$",
    re.I,
)


def quantity_key(figure: Figure) -> str | None:
    """What a figure is a figure of: the counted kind of a count, the measure of a percentage
    or an amount of money ("inflation", "deficit"); None when the sentence does not say."""
    return figure.counted if figure.unit == "count" else figure.measure


RATE = PER_DAY  # the period of a rate ("500 trucks a day"), as `frames` reads it


def periods_conflict(period: str | None, theirs: str | None) -> bool:
    """Two periods that cannot be one quantity's: two different ones (January, February), or a
    rate and a count ("500 aid trucks a day" is not the 212 trucks that have entered so far:
    a rate is never a total, whatever the two count)."""
    return period != theirs and (bool(period and theirs) or RATE in (period, theirs))


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
    if periods_conflict(figure.period, reference.period):
        return True
    if figure.scope != reference.scope:
        return True  # "nationwide" is another quantity than the march itself
    if figure.event != reference.event and figure.event is not None:
        return True
    mine, theirs = figure.actor, reference.actor
    if mine is not None and theirs is not None and mine != theirs:
        return True
    mine, theirs = figure.recipient, reference.recipient
    if mine is not None and theirs is not None and mine != theirs:
        return True
    return bool(figure.qualifier and reference.qualifier) and not same_place(
        figure.qualifier or "", reference.qualifier, ()
    )


# Leaving or being let go, said of the things counted right after them ("2,900 passengers have
# now left the ship", "twelve ships were let through"): the opposite of being held or ill. Getting
# in is getting through too ("212 aid trucks have entered the enclave", "arrived in"): those that
# made it are not those stuck outside or still waiting
_DEPARTS = re.compile(
    r"\b(?:(?:left|leave|leaves|leaving)\s+(?:the\b|port\b|harbou?r\b|for\b|from\b|"
    r"(?-i:[A-Z])\w*)|(?:allowed|cleared|free)\s+(?:off|out|ashore|through|"
    r"to\s+(?:leave|go|sail|disembark|go\s+ashore))|let\s+(?:off|out|through|go|in)|"
    r"disembark(?:ed|ing)?|went\s+ashore|got\s+off|sailed|set\s+sail|departed|"
    r"passed\s+through|(?:were|was|been)\s+(?:released|freed|discharged)|sent\s+home|"
    r"went\s+home|entered|arrived|crossed\s+into|got\s+(?:in|into|through)|"
    r"made\s+it\s+(?:in|into|through))\b",
    re.I,
)
# What a claim of people or things held, stuck or ill says of them
_HELD = re.compile(
    r"\b(?:stranded|stuck|trapped|held|blocked|detained|ill|sick|infected|symptoms|on\s+board|"
    r"aboard|hospitali[sz]ed|admitted|hostages?|captive|waiting|queued|queuing|queueing)\b",
    # searched in lowercased text: faster than re.I
)
# ... unless the claim itself is of leaving ("the militants released 30 hostages")
_LET_GO = re.compile(
    r"\b(?:left|leave|leaving|released|freed|allowed|cleared|let|disembark\w*|ashore|sailed|"
    r"departed|discharged|passed|entered|arrived)\b",
    # searched in lowercased text
)
_CLAUSE_END = re.compile(
    r"[,;:()]|\s(?:said|says|according|when|as|after|before|while|because|since|until|which|"
    r"where|and|but)\b"
)  # "160 people had been crammed onto the boat when it left the port": the boat left
_DEPARTS_REACH = 90  # characters after a figure its own verb is looked for in


def _own_words(text: str, figure: Figure) -> str:
    """The words after a figure up to the end of its clause: what is said of what it counts."""
    end = figure.span[1]
    after = text[end : end + _DEPARTS_REACH]
    cut = _CLAUSE_END.search(after)
    return after if cut is None else after[: cut.start()]


def departure(text: str, figure: Figure) -> str | None:
    """The words saying that what the figure counts left or was let go ("were allowed off",
    "have now left the"), or None."""
    found = _DEPARTS.search(_own_words(text, figure))
    return None if found is None else found.group(0)


LEAVES, HELD = 1, 2  # `figure_side`: what a figure's own clause says of what it counts


def figure_side(text: str, figure: Figure) -> int:
    """LEAVES ("were allowed off"), HELD ("had fallen ill", "stranded") or 0 (neither)."""
    own = _own_words(text, figure)
    if not own.strip():
        return 0
    if _DEPARTS.search(own):
        return LEAVES
    return HELD if _HELD.search(own.lower()) else 0


@lru_cache(maxsize=8192)
def _claim_side(claim_text: str, start: int, end: int) -> tuple[bool, bool]:
    """Of a claim's text: (counts those held and not those let go, its figure's clause says
    they left); `start`-`end` is its reference figure's span (0, 0: none)."""
    lowered = claim_text.lower()
    held = bool(_HELD.search(lowered)) and not _LET_GO.search(lowered)
    if not 0 < end <= len(claim_text):
        return held, False
    after = claim_text[end : end + _DEPARTS_REACH]
    cut = _CLAUSE_END.search(after)
    own = after if cut is None else after[: cut.start()]
    return held, bool(_DEPARTS.search(own))


def departs_held(text: str, figure: Figure, claim: IndexedClaim, side: int | None = None) -> bool:
    """Whether the figure counts those who left or were let go ("About 2,000 passengers who
    had shown no symptoms were allowed off", "Twelve ships were let through") while the claim
    counts those held, stuck or ill ("passengers have fallen ill", "ships stranded"), or the
    other way round: leaving is the opposite event, another quantity, whatever words the two
    share. `side` is `figure_side(text, figure)` when the caller has it. The claim's side is
    asked first (cached): most claims are neither, and then the sentence is never read."""
    reference = claim.reference
    span = reference.span if reference is not None else (0, 0)
    held, leaves = _claim_side(claim.spec.text, span[0], span[1])
    if not (held or leaves):
        return False
    if side is None:
        side = figure_side(text, figure)
    return (held and side == LEAVES) or (leaves and side == HELD)


# What is still to be done with what a figure counts, said in its clause: a plan, a promise, a
# target or a forecast ("will call up 300,000 reservists", "300,000 would be called up", "plans
# to cut", "pledged"), and what has been done already ("have called up 193,460", "80,000 have
# been called up", "already sent", "so far"). README rule 6: to be sent, already sent and pledged
# are three quantities; what has been done is not a new value of what is planned.
_PLANNED = re.compile(
    r"\b(?:will|would|shall|(?:plans?|planning|planned|aims?|aiming|intends?|intending|set|"
    r"expected|going)\s+to|(?:is|are|was|were|due)\s+to\s+be|targets?|goal|ceiling|"
    r"pledged?|pledging|promised?|promising|vowed?)\b"
)
_DONE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:been\s+)?[a-z]+(?:ed|en|t)\b"
    r"|already|so\s+far|to\s+date|thus\s+far)"
)
_CLAUSE_START = re.compile(r"[,;:()\"“”]|\b(?:and|but|while|which|who|that|after|as)\s")
_PLAN_REACH = 60  # characters before a figure its clause's verb is looked for in
PLANNED, DONE = 1, 2  # `deed`: what a figure's clause says of what it counts


def _deed(before: str, after: str) -> int:
    """PLANNED, DONE or 0 (neither, or both) of a figure's clause, from the words before it
    (back to the clause's start) and its own words after it."""
    starts = list(_CLAUSE_START.finditer(before))
    if starts:
        before = before[starts[-1].end() :]
    words = f"{before} # {after}".lower()
    planned = bool(_PLANNED.search(words))
    done = bool(_DONE.search(words))
    return 0 if planned == done else (PLANNED if planned else DONE)


def deed(text: str, figure: Figure) -> int:
    """PLANNED ("Drevania will call up 300,000 reservists"), DONE ("80,000 reservists have been
    called up") or 0: what the figure's own clause says of what it counts."""
    start = figure.span[0]
    return _deed(text[max(0, start - _PLAN_REACH) : start], _own_words(text, figure))


@lru_cache(maxsize=8192)
def _claim_deed(claim_text: str, start: int, end: int) -> int:
    if not 0 < end <= len(claim_text):
        return 0
    after = claim_text[end : end + _DEPARTS_REACH]
    cut = _CLAUSE_END.search(after)
    own = after if cut is None else after[: cut.start()]
    return _deed(claim_text[max(0, start - _PLAN_REACH) : start], own)


def planned_done(text: str, figure: Figure, claim: IndexedClaim) -> bool:
    """Whether one of the figure and the claim's own figure is planned, promised or forecast
    and the other done already ("have called up 193,460 reservists since Tuesday" against
    "will call up 300,000 reservists"): another quantity (README rule 6), never an update or a
    dispute of the other. The claim's side is asked first (cached): most claims are neither."""
    reference = claim.reference
    if reference is None:
        return False
    theirs = _claim_deed(claim.spec.text, reference.span[0], reference.span[1])
    if not theirs:
        return False
    mine = deed(text, figure)
    return bool(mine) and mine != theirs


# Those a count passed over, said in a figure's clause: "were not counted", "had been left out
# of the census", "the number of people the census had missed", "went unregistered".
_LEFT_OUT = re.compile(
    r"\b(?:not\s+(?:been\s+|be\s+)?(?:counted|registered|included|recorded)|left\s+out|"
    r"left\s+off|missed|omitted|overlooked|uncounted|unregistered|unrecorded)\b"
)

# A piece of every `_LEFT_OUT` phrase, looked for in the lowered text before the clause is read
# (not with re.I: case-insensitive, an alternation of literals is tried at every position, and
# it cost 6M instructions a story).
_LEFT_OUT_HINT = re.compile(r"not |left o|missed|omitted|overlooked|uncounted|unre")


def _passed_over(before: str, after: str) -> bool:
    """Whether a figure's clause, the words before it back to the clause's start and its own
    words after it, says the count passed over what it counts."""
    if not (_LEFT_OUT_HINT.search(before.lower()) or _LEFT_OUT_HINT.search(after.lower())):
        return False  # most clauses: no word of `_LEFT_OUT` at all
    starts = list(_CLAUSE_START.finditer(before))
    if starts:
        before = before[starts[-1].end() :]
    return bool(_LEFT_OUT.search(f"{before} # {after}".lower()))


@lru_cache(maxsize=8192)
def _claim_left_out(claim_text: str, start: int, end: int) -> bool:
    if not 0 < end <= len(claim_text):
        return False
    after = claim_text[end : end + _DEPARTS_REACH]
    cut = _CLAUSE_END.search(after)
    own = after if cut is None else after[: cut.start()]
    return _passed_over(claim_text[max(0, start - _PLAN_REACH) : start], own)


def left_out(text: str, figure: Figure, claim: IndexedClaim, side: bool | None = None) -> bool:
    """Whether one of the figure and the claim's own figure counts those a count passed over
    ("About 210,000 people were not counted", "1.2 million people had been left out of the
    census", "the number the census had missed at about 350,000") and the other those it took
    in ("the census counted 14.6 million people"): the ones missed are another quantity, never
    a dispute or an update of the count, whatever words the two share (the census, the
    people, the country). `side` is `passed_over(text, figure)` when the caller has it."""
    reference = claim.reference
    span = reference.span if reference is not None else (0, 0)
    if side is None:
        side = passed_over(text, figure)
    return side != _claim_left_out(claim.spec.text, span[0], span[1])


def passed_over(text: str, figure: Figure) -> bool:
    """Whether the figure's clause says the count passed over what it counts ("were not
    counted", "had been left out of the census")."""
    start, end = figure.span
    if not _LEFT_OUT_HINT.search(text[max(0, start - _PLAN_REACH) : end + _DEPARTS_REACH].lower()):
        return False  # most figures: no word of `_LEFT_OUT` near
    return _passed_over(text[max(0, start - _PLAN_REACH) : start], _own_words(text, figure))


def told_apart(text: str, figure: Figure, claim: IndexedClaim) -> bool:
    """Whether the figure's own clause makes it another quantity than the claim's, whatever
    words the two share: leaving against being held (`departs_held`), done against planned
    (`planned_done`), passed over against counted (`left_out`)."""
    return (
        departs_held(text, figure, claim)
        or planned_done(text, figure, claim)
        or left_out(text, figure, claim)
    )


def _stems(words: Iterable[str]) -> set[str]:
    """Words cut to their first five letters, singular: "suppliers", "supplier" and
    "supply" meet; "crossing" and "crossed" do."""
    return {lemma(w)[:5] for w in words}


def same_place(
    qualifier: str,
    theirs: str | None,
    claim_words: Iterable[str],
    topic_stems: frozenset[str] = frozenset(),
) -> bool:
    """Whether things counted "at parts suppliers" (`qualifier`) can be the claim's: the same
    kind of place as the claim's own qualifier, one word in common ("parts makers"); for a
    claim that names none, every word of it said by the claim's text ("at its Brennick
    plant" for "closing its Brennick car plant") or by the topic's name and keywords, which
    every claim of the topic shares ("at the pension protests"). Another site is another
    quantity: "jobs at its gearbox plant" are not the car plant's jobs."""
    mine = _stems(qualifier.split())
    if theirs:
        return bool(mine & _stems(theirs.split()))
    return mine - topic_stems <= _stems(claim_words)


def frame_agreement(figure: Figure, reference: Figure) -> int:
    """How many optional frame fields agree (a tie-breaker between compatible claims)."""
    period, event, actor, recipient = figure.period, figure.event, figure.actor, figure.recipient
    return (
        (period is not None and period == reference.period)
        + (event is not None and event == reference.event)
        + (actor is not None and actor == reference.actor)
        + (recipient is not None and recipient == reference.recipient)
    )


# A posting is one claim id (most tokens of a topic belong to one claim) or a list of them.
_Posting: TypeAlias = str | list[str]


def _ids(posting: _Posting | None) -> Sequence[str]:
    if posting is None:
        return ()
    return (posting,) if isinstance(posting, str) else posting


def _post(index: dict[_K, _Posting], key: _K, claim_id: str, again: bool) -> None:
    """Add `claim_id` to the posting of `key` (checking for it only when `again`)."""
    posting = index.get(key)
    if posting is None:
        index[key] = claim_id
    elif isinstance(posting, str):
        if not again or posting != claim_id:
            index[key] = [posting, claim_id]
    elif not again or claim_id not in posting:
        posting.append(claim_id)


def _unpost(index: dict[_K, _Posting], claim_id: str) -> None:
    """Take `claim_id` out of every posting of `index` (a posting left empty goes)."""
    emptied = []
    for key, posting in index.items():
        if isinstance(posting, str):
            if posting == claim_id:
                emptied.append(key)
        elif claim_id in posting:
            posting.remove(claim_id)
            if not posting:
                emptied.append(key)
    for key in emptied:
        del index[key]


_PEOPLE_WORDS = GENERAL_PEOPLE


def fit_rank(
    figure: Figure, claim: IndexedClaim, text_score: float, topic_stems: frozenset[str]
) -> tuple[int, bool] | None:
    """`ClaimIndex.best_for_figure`'s rule for one claim, written out (the index inlines it in
    its hot loop): None when the claim cannot be the figure's, else its rank before the text
    score, smaller first: minus the frame fields agreeing, then whether the figure is counted
    elsewhere than the claim (another scope, or a place the claim doesn't name). The brute-force
    baselines (``claimwatch bench``, tests/core/test_claim_index.py) rank every claim by it."""
    reference = claim.reference
    if reference is None:
        return None
    scope = figure.scope
    if scope != reference.scope and not _either_toll(scope, reference, claim):
        return None
    if _frame_conflict(figure, replace(reference, scope=scope, qualifier=None)):
        return None
    if figure.event != reference.event and text_score < EVENT_NEEDS_TEXT:
        return None
    if figure.qualifier is not None and not same_place(
        figure.qualifier, reference.qualifier, claim.words, topic_stems
    ):
        return None
    elsewhere = (figure.qualifier is None and reference.qualifier is not None) or (
        scope != reference.scope
    )
    return -frame_agreement(figure, reference), elsewhere


def _either_toll(scope: str | None, reference: Figure, claim: IndexedClaim) -> bool:
    """A toll of soldiers ("killing 200 soldiers") and a toll naming no one ("4,000 killed or
    wounded") may be one quantity; a toll of soldiers is not the claim's when the claim
    counts the people of a place ("the attack killed 9 people"), nor theirs a soldiers' one."""
    theirs = reference.scope
    if {scope, theirs} != {"troops", None}:
        return False
    return theirs == "troops" or _PEOPLE_WORDS.isdisjoint(claim.words)


def _by_place(claims: list[IndexedClaim], text: str) -> list[IndexedClaim]:
    """Of claims counting one thing, those a text without a figure speaks of: the ones at a
    place it names ("jobs at parts suppliers"), else the one at no particular place ("the
    figure for job losses" is the closure's own, not the suppliers')."""
    if not any(c.reference is not None and c.reference.qualifier for c in claims):
        return claims  # none at a place of its own: nothing to choose by
    said = _stems(_LETTERS.findall(text.lower()))
    placed = [
        c
        for c in claims
        if c.reference is not None
        and c.reference.qualifier
        and _stems(c.reference.qualifier.split()) <= said
    ]
    if placed:
        return placed
    return [c for c in claims if c.reference is not None and not c.reference.qualifier]


_LETTERS = re.compile(r"[a-z][a-z-]+")


class ClaimIndex:
    """Claims by topic, with inverted indexes over tokens and counted kinds.

    Postings are one claim id, or a list of distinct ids (a set costs three times the memory,
    and a hundred thousand claims make half a million postings, most of one id). The words of
    every claim make the index's `Vocabulary`, so a sentence's fuzzy words are looked up once."""

    def __init__(self) -> None:
        self._claims: dict[str, IndexedClaim] = {}
        self._by_token: dict[str, dict[str, _Posting]] = defaultdict(dict)  # topic, token
        self._by_counted: dict[tuple[str, str, str], _Posting] = {}
        self._by_key: dict[tuple[str, str], _Posting] = {}
        self._vocabulary = Vocabulary()
        # equal numbers and spans of references, kept once
        self._figures: dict[Figure, Figure] = {}
        self._numbers: dict[float, float] = {}
        self._spans: dict[tuple[int, int], tuple[int, int]] = {}
        # recent sentences scored, with their word memos (a story's sentences come back once
        # for each topic it is about)
        self._sentences: dict[str, SentenceWords] = {}
        self._topic_stems: dict[str, frozenset[str]] = {}  # topic -> stems of its own words

    def name_topic(self, topic: str, names: Iterable[str]) -> None:
        """The words of a topic's name and keywords (`same_place` reads them)."""
        self._topic_stems[topic] = frozenset(_stems(" ".join(names).lower().split()))

    def topic_stems(self, topic: str) -> frozenset[str]:
        """The stems of a topic's name and keywords (where every claim of it is placed)."""
        return self._topic_stems.get(topic, frozenset())

    def _compact(self, figure: Figure) -> Figure:
        """An equal figure, shared with the other claims stating it, else its numbers, text and
        span shared with theirs (a hundred thousand claims repeat a few thousand figures)."""
        known = self._figures.get(figure)
        if known is not None:
            return known
        numbers, spans, figures = self._numbers, self._spans, self._figures
        if max(len(numbers), len(spans), len(figures)) >= SHARED_VALUES:
            numbers.clear()
            spans.clear()
            figures.clear()
        figures[figure] = compact = replace(
            figure,
            low=numbers.setdefault(figure.low, figure.low),
            high=numbers.setdefault(figure.high, figure.high),
            text=sys.intern(figure.text),
            span=spans.setdefault(figure.span, figure.span),
        )
        return compact

    def add(self, spec: ClaimSpec, reference: Figure | None) -> IndexedClaim:
        if reference is not None:
            reference = self._compact(reference)
        claim = IndexedClaim(spec, reference, words_of(masked(spec.text)))
        again = spec.id in self._claims  # its old postings stay: only add what is missing
        self._claims[spec.id] = claim
        self._vocabulary.add(claim.words)
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
        _unpost(self._by_counted, claim_id)
        _unpost(self._by_key, claim_id)
        for postings in self._by_token.values():
            _unpost(postings, claim_id)
        return claim

    def get(self, claim_id: str) -> IndexedClaim | None:
        return self._claims.get(claim_id)

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._claims

    def all(self) -> list[IndexedClaim]:
        return list(self._claims.values())

    def by_counted(self, topic: str, counted: str, unit: str) -> list[IndexedClaim]:
        ids = sorted(_ids(self._by_counted.get((topic, counted, unit))))
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
        counts: dict[str, int] = {}
        count = counts.get
        tokens = self._by_token.get(topic, {})
        for token in set(sentence_tokens) - {"#"}:
            posting = tokens.get(token)
            if posting is None:
                continue
            if isinstance(posting, str):
                if among is None or posting in among:
                    counts[posting] = count(posting, 0) + 1
            elif len(posting) <= MAX_POSTING:
                for claim_id in posting:
                    if among is None or claim_id in among:
                        counts[claim_id] = count(claim_id, 0) + 1
        # most shared first, then by id (ids are distinct: plain tuples sort the same, without
        # a key function called per claim)
        best = sorted([(-count, claim_id) for claim_id, count in counts.items()])[:limit]
        return [claim_id for _, claim_id in best]

    def _words(self, sentence_masked: str) -> SentenceWords:
        sentence = self._sentences.get(sentence_masked)
        if sentence is None:
            if len(self._sentences) >= SENTENCE_MEMO:
                self._sentences.clear()
            sentence = SentenceWords(sentence_masked, self._vocabulary)
            self._sentences[sentence_masked] = sentence
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
            claim_words = claim.words
            shared = len(words.intersection(claim_words))
            if shared < NUMBERLESS_WORDS:
                continue  # too few words in common, whatever the fuzzy score
            score = sentence.share_known(claim_words)
            rank = (score, shared)
            if score >= NUMBERLESS_SCORE and (best is None or rank > best[0]):
                best = (rank, claim)
        if best is not None:
            return best[1], best[0][0]
        keys = {
            h.value for h in find_phrases(text, COUNTED) if not _AUDIENCE.search(text, 0, h.start)
        }
        keys |= {h.value for h in find_phrases(text, MEASURES)}
        periods = {h.value for h in find_periods(text)}
        named = [
            claim
            for key in sorted(keys)
            for claim in map(self._claims.__getitem__, sorted(_ids(self._by_key.get((topic, key)))))
            if claim.reference is not None
            and (not periods or not claim.reference.period or claim.reference.period in periods)
        ]
        if len(named) > 1:
            named = _by_place(named, text)
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
        pool: Sequence[str] = _ids(self._by_counted.get((topic, key, figure.unit)))
        if not pool:
            return None
        sentence: SentenceWords | None = None
        if len(pool) > MAX_POOL:  # a huge pool: let the words choose
            sentence = self._words(sentence_masked)
            pool = self._nearest(topic, sentence.words, among=set(pool), limit=MAX_POOL)
        said: frozenset[str] | None = None  # the sentence's words, once a claim's frame fits
        spoken = False
        claims = self._claims
        unit, period, scope = figure.unit, figure.period, figure.scope
        event, actor, recipient = figure.event, figure.actor, figure.recipient
        qualifier = figure.qualifier
        best: tuple[tuple[int, bool, float, str], IndexedClaim] | None = None
        for claim_id in pool:
            claim = claims[claim_id]
            reference = claim.reference
            assert reference is not None
            # _frame_conflict and frame_agreement, inline (this loop is the index's hot spot)
            theirs = reference.period
            if (
                reference.unit != unit
                or (reference.counted if unit == "count" else reference.measure) != key
                or (period != theirs and (bool(period and theirs) or RATE in (period, theirs)))
                or (
                    scope != reference.scope
                    and not (
                        (scope == "troops" or reference.scope == "troops")  # soldiers' toll?
                        and _either_toll(scope, reference, claim)
                    )
                )
                or (event is not None and event != reference.event)
                or (actor is not None and reference.actor is not None and actor != reference.actor)
                or (
                    recipient is not None
                    and reference.recipient is not None
                    and recipient != reference.recipient
                )
            ):
                continue  # incompatible whatever the words say
            agreement = -(
                (period is not None and period == theirs)
                + (event is not None and event == reference.event)
                + (actor is not None and actor == reference.actor)
                + (recipient is not None and recipient == reference.recipient)
            )
            if best is not None and agreement > best[0][0]:
                continue  # agrees on less of the frame than the best so far: cannot win
            if said is None:
                sentence = sentence or self._words(sentence_masked)
                said, spoken = sentence.known_said, bool(sentence.words)
            words = claim.words  # sentence.share_known(words), inline
            score = len(said.intersection(words)) / len(words) if words and spoken else 0.0
            if figure.event != reference.event and score < EVENT_NEEDS_TEXT:
                continue  # the rest of frame_compatible
            if qualifier is not None and not same_place(
                qualifier, reference.qualifier, words, self._topic_stems.get(topic, frozenset())
            ):
                continue  # counted at another place than the claim's
            # a figure naming no place is the claim naming none, given the choice
            elsewhere = (qualifier is None and reference.qualifier is not None) or (
                scope != reference.scope
            )
            rank = (agreement, elsewhere, -score, claim_id)  # smallest wins
            if best is None or rank < best[0]:
                best = (rank, claim)
        return None if best is None else (best[1], -best[0][2])
