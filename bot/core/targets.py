"""Denial targets: the claim a numberless doubt or denial speaks of, found from what it says
(README rule 2; `Engine._process_sentence` asks them in this order). The current figure it
quotes ("the company's figure of about 40"), the quantity it names by what befell those counted
("how many had been crammed onto the boat") or the count it rejects ("the association's count
of people who had fled"), the claim whose words hold the denied proposition ("reports that
negotiators had paid the gunmen were untrue"), and the claim a refuted rumour's figure counts
("a report that 1 million had crossed was untrue"). Plain functions of the claim index (and of
the claims' current figures), each answering one claim with `NUMBERLESS_SCORE`, or None.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.core.events import sent_back_in
from bot.core.figures import extract_figures
from bot.core.lexicon import (
    CASUALTY_KINDS,
    COUNTED,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    EVENTS,
    GENERIC_MEASURES,
    MEASURES,
    MODIFIER_EVENTS,
    PEOPLE_EVENTS,
    SUBGROUPS,
)
from bot.core.matching import NUMBERLESS_SCORE, ClaimIndex, IndexedClaim, masked, quantity_key
from bot.core.model import Figure, Sighting
from bot.core.phrases import find_phrases
from bot.core.quantity import lemma
from bot.core.run import Reading
from bot.core.scopes import is_open
from bot.core.stance import cue_reaches
from bot.core.words import words_of

SAID_OF_SHARE = 0.6  # a denied proposition's words a claim must hold to be the one denied
SAID_OF_WORDS = 3  # ... and at least this many of them
_MEASURED_UNITS = (
    "percent",
    *sorted(set(CURRENCY_PREFIX.values()) | set(CURRENCY_WORDS.values())),
)

_WORD = re.compile(r"[a-z][a-z-]+")
# A group followed by an active verb did the act ("police had used", "troops fired"): the doer.
_DOER = re.compile(r"^\w*\s+(?:had\s+|have\s+|has\s+|did\s+)?(?!been\b)[a-z]+ed\b")
# "the association's count of people who had fled", "its estimate of how many had fallen ill"
_COUNT_OF = re.compile(
    r"\b(?:count|estimate|figure|number|tally|toll|total|account)s?\s+of\s+"
    r"(?:how\s+many|the\s+)?",
    re.IGNORECASE,
)


def quoted_current(
    index: ClaimIndex,
    current_of: Mapping[str, Sighting],
    topic_id: str,
    reading: Reading,
    start: int,
    end: int,
) -> tuple[IndexedClaim, float] | None:
    """The claim whose current figure a numberless doubt or denial quotes as what it doubts
    ("said the company's figure of about 40 sick crew members was far too low"): the old
    value in the cue's clause names the one claim holding that figure now."""
    for old in reading.figures:
        if old in reading.matched or not start <= old.span[0] < end:
            continue
        named = [
            claim
            for claim_id, current in current_of.items()
            if current.figure.text
            and (claim := index.get(claim_id)) is not None
            and claim.spec.topic == topic_id
            and (current.figure.low, current.figure.high, current.figure.unit)
            == (old.low, old.high, old.unit)
        ]
        if len(named) == 1:
            return named[0], NUMBERLESS_SCORE
    return _owned_claim(index, current_of, topic_id, reading.dateless[start:end])


# Whose statement a doubt or a denial judges: "rejecting the army's claim as untrue", "called
# the union's count exaggerated", "dismissed Voss's figure".
_OWNED_STATEMENT = re.compile(
    r"(?P<owner>(?:[A-Z][\w-]*\s+){0,3}[A-Za-z][\w-]*)['’]s?\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:claims?|figures?|estimates?|counts?|tally|account|assertion|allegations?)\b"
)
_NOT_OWNERS = frozenset({"it", "its", "their", "his", "her", "our", "own", "today", "yesterday"})


def _owned_claim(
    index: ClaimIndex, current_of: Mapping[str, Sighting], topic_id: str, clause: str
) -> tuple[IndexedClaim, float] | None:
    """The one claim a numberless doubt or denial names by whose it is ("rejecting the
    army's claim as untrue"): the claim first or now given by that speaker (every word of
    the owner's name is a word of the speaker's: "the army" is "the Ostranian army"). A
    speaker with two claims of the topic, or none, names none."""
    if "'" not in clause and "’" not in clause:
        return None
    m = _OWNED_STATEMENT.search(clause)
    if m is None:
        return None
    owner = _name_words(m.group("owner"))
    if not owner or owner <= _NOT_OWNERS:
        return None
    named = {
        claim.spec.id: claim
        for claim_id, current in current_of.items()
        if (claim := index.get(claim_id)) is not None
        and claim.spec.topic == topic_id
        and any(
            owner <= _name_words(who)
            for who in (claim.spec.source, current.attribution.source)
            if who
        )
    }
    return (next(iter(named.values())), NUMBERLESS_SCORE) if len(named) == 1 else None


def _name_words(name: str) -> set[str]:
    """The words of a speaker's name, lower-cased, without articles and possessives."""
    return {
        w
        for w in re.findall(r"[a-z][a-z-]*", name.lower().replace("’", "'").replace("'s", ""))
        if w not in ("the", "a", "an", "of", "s")
    }


def named_quantity(
    index: ClaimIndex, topic_id: str, scope: str
) -> tuple[IndexedClaim, float] | None:
    """The one claim a numberless clause names by what it says of the quantity: what befell
    the people ("how many had been crammed onto the boat": the number aboard), what a
    rate or an amount measures ("its flights were back on schedule": punctuality) or the
    noun of a thing the lexicon does not know ("no evidence of ballot stuffing"). More
    telling than shared words, which every claim of a story has ("the boat", "Kessa")."""
    events = {
        h.value for h in find_phrases(scope, EVENTS) if h.phrase not in MODIFIER_EVENTS
    } & PEOPLE_EVENTS
    sent_back = sent_back_in(scope.lower())
    if sent_back:
        events.add(sent_back[0])  # "pushing migrants back": the people pushed back
    measures = {h.value for h in find_phrases(scope, MEASURES)} - GENERIC_MEASURES
    named: list[IndexedClaim] = []
    for counted in ("people", "prisoners") if events else ():
        named += [
            c
            for c in index.by_counted(topic_id, counted, "count")
            if c.reference is not None and c.reference.event in events
        ]
    for measure in sorted(measures):
        for unit in _MEASURED_UNITS:
            named += index.by_counted(topic_id, measure, unit)
    groups = {h.value for h in find_phrases(scope, SUBGROUPS)}
    tolls = {h.value for h in find_phrases(scope, COUNTED)} & CASUALTY_KINDS if groups else set()
    for toll in sorted(tolls):  # "reports of guards' deaths": the guards killed, not others
        named += [
            c
            for c in index.by_counted(topic_id, toll, "count")
            if c.reference is not None and c.reference.scope in groups
        ]
    things = index.by_counted(topic_id, "units", "count")
    if things:  # "no evidence of ballot stuffing": the one claim counting ballots
        nouns = {lemma(w) for w in _WORD.findall(scope.lower())}
        named += [
            c
            for c in things
            if c.reference is not None
            and is_open(c.reference)
            and (c.reference.scope or "").split()[-1] in nouns
        ]
    if len(named) != 1:
        return None
    return named[0], NUMBERLESS_SCORE


def counted_of(index: ClaimIndex, topic_id: str, scope: str) -> tuple[IndexedClaim, float] | None:
    """The claim a numberless denial or doubt names by the count it rejects: "the
    association's count of people who had fled", "its estimate of how many people had
    fallen ill", "Dorland's account of the troops already sent": what those counted did
    names the quantity (fled: displaced; sent, not pledged); when it names only people,
    the topic's count of people naming no narrower group or event."""
    m = _COUNT_OF.search(scope)
    if m is None:
        return _compound_count(index, topic_id, scope)
    after = scope[m.end() : m.end() + 80]
    kinds = {h.value for h in find_phrases(after, COUNTED)}
    if len(kinds - {"people"}) == 1:
        kinds -= {"people"}
    if len(kinds) != 1:
        return None
    pool = index.by_counted(topic_id, kinds.pop(), "count")
    events = {h.value for h in find_phrases(after, EVENTS) if h.phrase not in MODIFIER_EVENTS}
    if events:  # "its account of the troops already sent": the troops sent, not pledged
        pool = [
            c
            for c in pool
            if c.reference is not None and c.reference.event in events and c.reference.scope is None
        ]
    elif len(pool) > 1:
        pool = [
            c
            for c in pool
            if c.reference is not None
            and c.reference.scope is None
            and c.reference.event in (None, "casualties")
            and c.reference.qualifier is None
        ]
    return (pool[0], NUMBERLESS_SCORE) if len(pool) == 1 else None


def said_of(
    index: ClaimIndex, topic_id: str, proposition: str
) -> tuple[IndexedClaim, float] | None:
    """The claim a denial without a figure takes back, by what it says is untrue: the one
    claim whose words hold most of the denied proposition's ("reports that negotiators had
    paid the gunmen were untrue": the claim learned from "negotiators paid the gunmen
    €2 million"), at least SAID_OF_SHARE of them and SAID_OF_WORDS or more, and more than
    any other claim, and measured as a figure it quotes is. A denial of something no claim
    says gives nothing."""
    words = set(words_of(masked(proposition)))
    pool = index.candidates(topic_id, words)  # asked once: `_scope_said` reads the same claims
    if not pool:
        return None
    units = {f.unit for f in extract_figures(proposition)}  # the rumour's figures, if any
    if len(words) < SAID_OF_WORDS:  # "denied that students were being called up": too few
        return _scope_said(pool, proposition, words, units)  # words; a group named
    ranked = sorted(
        (
            (len(words.intersection(claim.words)), claim.spec.id, claim)
            for claim in pool
            if _measured_alike(claim, units)
        ),
        key=lambda t: (-t[0], t[1]),
    )
    if not ranked or ranked[0][0] < max(SAID_OF_WORDS, SAID_OF_SHARE * len(words)):
        return _scope_said(pool, proposition, words, units)
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None  # two claims say it as much: too unsure to say which
    return ranked[0][2], NUMBERLESS_SCORE


def _measured_alike(claim: IndexedClaim, units: set[str]) -> bool:
    """Whether a denial quoting figures of `units` may take back `claim`: a rumour of
    "2,000 children" dead is no claim of a share of children vaccinated, nor of a sum."""
    return not units or claim.reference is None or claim.reference.unit in units


def _scope_said(
    pool: list[IndexedClaim], proposition: str, words: set[str], units: set[str]
) -> tuple[IndexedClaim, float] | None:
    """The one claim of `pool` (the topic's claims sharing the proposition's words) whose
    counted group the denied proposition names, as the ones the denied act befell, not as its
    doer: "hospitals had turned patients away" (the patients turned away), "2,000 workers
    were still trapped"; not "police had used live rounds" (the police acted: a count of
    injured police is not denied)."""
    scoped = [
        (c, c.reference.scope.split())
        for c in pool
        if c.reference is not None and c.reference.scope and _measured_alike(c, units)
    ]
    if not scoped:
        return None  # no claim of a named group: the proposition's words are never read
    low = proposition.lower()
    said = words | {lemma(w) for w in words}  # "the viaduct's piers": a claim's "pier"
    if any(w.endswith("ing") for w in words):
        said |= {w for w in words if w.endswith("ing")} | _gerund_stems(words)
    named = [
        c
        for c, scope in scoped
        if set(scope) <= said and not _DOER.search(low.split(scope[-1], 1)[-1][:40])
    ]
    return (named[0], NUMBERLESS_SCORE) if len(named) == 1 else None


def _gerund_stems(words: set[str]) -> set[str]:
    """The nouns a gerund names the work of: "quarrying" -> "quarry", "mining" -> "mine",
    "logging" -> "log", "drilling" -> "drill". A denial that any illegal quarrying took place
    takes back a count of illegal quarries; the stems are guesses, kept only when a claim's
    counted noun is one of them."""
    out: set[str] = set()
    for w in words:
        if len(w) >= 6 and w.endswith("ing"):
            stem = w[:-3]
            out |= {stem, stem + "e"}
            if len(stem) > 3 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # "logging" -> "log"
    return out


def refuted_quantity(
    index: ClaimIndex,
    topic_id: str,
    text: str,
    cue: str,
    figures: Sequence[Figure],
    hits: Sequence[tuple[IndexedClaim, float] | None],
) -> tuple[IndexedClaim, Figure] | None:
    """The claim a refuted figure that fits no claim's frame is a figure for ("a report that
    1 million migrants had crossed was untrue", "a report that 40 people had survived"): a
    rumour's figure carries its own words ("crossed", "survived"), so it is judged by what
    it counts: the one claim of the topic counting that thing, or, of several, the one
    naming no narrower group or event than the topic's own count."""
    for figure, hit in zip(figures, hits, strict=True):
        key = quantity_key(figure)
        if hit is not None or key is None or not cue_reaches(text, cue, figure.span[0]):
            continue
        pool = [c for c in index.by_counted(topic_id, key, figure.unit) if c.reference]
        if len(pool) > 1:
            pool = [
                c
                for c in pool
                if c.reference is not None
                and c.reference.scope in (None, figure.scope)
                and c.reference.event is None
                and c.reference.qualifier is None
            ]
        if len(pool) == 1:
            return pool[0], figure
    return None


# A count named by what it counts, as a compound noun: "the ministry's strike count", "the
# official turnout figure", "its own casualty tally". The noun before "count" is a word of the
# claim counting it.
_COMPOUND_COUNT = re.compile(
    r"\b(?:the|its|their|his|her|[\w-]+['’]s?)\s+(?:(?:new|latest|revised|official|own|final|"
    r"first|initial|earlier|previous|updated)\s+)*"
    r"(?!(?:new|latest|revised|official|own|final|first|initial|earlier|previous|updated)\s)"
    r"(?P<noun>[a-z]{3,})\s+(?:count|tally|figure|estimate|total)s?\b"
)


def _compound_count(
    index: ClaimIndex, topic_id: str, scope: str
) -> tuple[IndexedClaim, float] | None:
    """The one claim of a count (unit "count") whose words hold the noun a compound names
    the count by ("the transport ministry's strike count": the claim that 6,200 dockworkers
    joined the strike). Two such claims, or none, name none."""
    low = scope.lower()
    if not any(w in low for w in (" count", " tally", " figure", " estimate", " total")):
        return None
    m = _COMPOUND_COUNT.search(low)
    if m is None:
        return None
    noun = m.group("noun")
    nouns = {noun, lemma(noun)}
    pool = [
        c
        for c in index.candidates(topic_id, nouns)
        if c.reference is not None and c.reference.unit == "count" and not nouns.isdisjoint(c.words)
    ]
    return (pool[0], NUMBERLESS_SCORE) if len(pool) == 1 else None
