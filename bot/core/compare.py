"""Compare a new figure with what a claim already knows, and explain the verdict.

Two figures for the same quantity agree when their *core* intervals overlap. The core of a
one-sided figure is the part the writer means: "up to 30,000" is a large number near 30,000
(not "any number from zero"), "more than 11,000" is a little over 11,000.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache

from bot.core.attribution import same_source, speaker
from bot.core.enum_members import ABOUT as _ABOUT
from bot.core.enum_members import ALMOST as _ALMOST
from bot.core.enum_members import AT_LEAST as _AT_LEAST
from bot.core.enum_members import CONTRADICTION as _CONTRADICTION
from bot.core.enum_members import CORROBORATION as _CORROBORATION
from bot.core.enum_members import DISPUTE as _DISPUTE
from bot.core.enum_members import DISPUTES as _DISPUTES
from bot.core.enum_members import FEWER_THAN as _FEWER_THAN
from bot.core.enum_members import NEW_CLAIM as _NEW_CLAIM
from bot.core.enum_members import NEW_FIGURE as _NEW_FIGURE
from bot.core.enum_members import REFUTES as _REFUTES
from bot.core.enum_members import SUPPORTS as _SUPPORTS
from bot.core.enum_members import UP_TO as _UP_TO
from bot.core.lexicon import CUMULATIVE_EVENTS, CUMULATIVE_KINDS, SHRINKING_KINDS
from bot.core.model import Figure, FindingKind, Sighting, Stance
from bot.core.record import record

BASELINE_PREFIX = "claim:"  # the origin key of a configured claim's own figure (a note)
UP_TO_CORE = 0.5  # "up to N" means somewhere in [0.5 N, N]: "up to €120m" agrees with €85m
AT_LEAST_CORE = 1.25  # "more than N" means somewhere in [N, 1.25 N]


def core(figure: Figure) -> tuple[float, float]:
    if figure.hedge in (_UP_TO, _FEWER_THAN):
        return figure.high * UP_TO_CORE, figure.high
    if figure.hedge is _AT_LEAST and math.isinf(figure.high):
        return figure.low, figure.low * AT_LEAST_CORE
    return figure.low, figure.high


def figures_agree(a: Figure, b: Figure) -> bool:
    a_low, a_high = core(a)
    b_low, b_high = core(b)
    return a_low <= b_high and b_low <= a_high


def timestamp(when: datetime | None) -> float | None:
    """Seconds since the epoch; naive datetimes are taken as UTC."""
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def has_figure(sighting: Sighting) -> bool:
    """Sightings of numberless statements carry a placeholder figure with empty text."""
    return bool(sighting.figure.text)


@record
class Verdict:
    kind: FindingKind
    stance: Stance
    previous: Sighting | None
    may_be_update: bool = False


def judge(
    figure: Figure | None,
    cue: Stance,
    known: list[Sighting],
    published: datetime | None,
    *,
    update_cue: bool = False,
    own_source: bool = False,
    framed: bool = False,
    added_to: Figure | None = None,
    running: bool = False,
    remaining: bool = False,
) -> Verdict:
    """The finding for a statement about a claim whose current figure is the latest of `known`.

    A refutation is a contradiction; doubt, or a contrast ("rather than", "too high"), is a
    dispute. A figure that agrees with the current one corroborates it. One that does not is a
    new figure when it is plausibly an update (README rule 3): the current figure's own source
    gives another one, the text revises ("corrected", "up from", "a further"), or it is a
    growing quantity (a toll, a burned area) counted higher on a later day, or a figure `framed`
    against an older one ("more than the estimate of") on a later day. Otherwise another source
    gives an alternative at about the same time: a dispute (rule 4).
    `previous` is the claim's first known figure, except for a new figure (the latest).
    `added_to` is the figure an increment was added to ("a further 96" on top of "more than
    400"): when that is the claim's latest figure, the total is a new figure however wide the
    hedges (README rule 7). `running`: the claim counts a running total ("since the crossing
    reopened"), which only grows. `remaining`: the figure counts those still in the claim's
    state ("4,500 homes were still without power"), which only shrinks as the state ends.
    """
    references = [s for s in known if s.stance is _SUPPORTS and has_figure(s)]
    first = references[0] if references else None
    if cue is _REFUTES:
        return Verdict(_CONTRADICTION, _REFUTES, first)
    if cue is _DISPUTES or figure is None:
        return Verdict(_DISPUTE, _DISPUTES, first)
    if added_to is not None and _middle(figure) > _middle(added_to):  # "Some 86%, up from 78%"
        latest = _latest(references)
        if latest is not None and figures_agree(added_to, latest.figure):
            later = is_later(published, latest.published)
            return Verdict(_NEW_FIGURE, _SUPPORTS, latest, later)
    low, high = core(figure)  # figures_agree, with the new figure's core worked out once
    for s in references:
        their_low, their_high = core(s.figure)
        if low <= their_high and their_low <= high:
            return Verdict(_CORROBORATION, _SUPPORTS, s)
    latest = _latest(references)
    if latest is None:
        return Verdict(_NEW_CLAIM, _SUPPORTS, None)
    latest_low, latest_high = core(latest.figure)
    higher = low > latest_high
    lower = high < latest_low
    later = is_later(published, latest.published)
    moved = (higher and (running or is_cumulative(figure))) or (
        lower and (remaining or is_shrinking(figure))
    )
    if own_source or update_cue or (later and (framed or moved)):
        return Verdict(_NEW_FIGURE, _SUPPORTS, latest, later and higher)
    return Verdict(_DISPUTE, _DISPUTES, first)


# A count said to run from a start or to sum everything so far: it only grows
_RUNNING = re.compile(r"\b(?:since|so far|to date|in total|a total of|in all|altogether)\b")


@lru_cache(maxsize=8192)
def counts_running(claim_text: str) -> bool:
    """Whether a claim counts a running total, by its own words: "212 aid trucks have entered
    the enclave since the crossing reopened", "a total of 40 arrests so far". A later, higher
    figure for it is the count moving on (README rule 3), not another source's alternative."""
    low = claim_text.lower()
    return (  # a word every `_RUNNING` phrase holds first (most claims have none)
        "since" in low
        or "so far" in low
        or "to date" in low
        or "total" in low
        or "in all" in low
        or "altogether" in low
    ) and bool(_RUNNING.search(low))


# A count said to be fuller or newer than those before it: "the provincial government's first
# full count", "its final tally", "the latest count". Given on a later day, it is the count
# moving on (README rule 3), as "more than the estimate of" is
_FULLER = re.compile(
    r"\b(?:full|fuller|final|complete|updated|revised|latest)\s+(?:count|tally|toll|total)\b"
)


def counts_fuller(text: str) -> bool:
    """Whether a sentence calls its figure a fuller or newer count than those before it ("giving
    the provincial government's first full count of the motorists trapped")."""
    low = text.lower()
    return (  # a word every `_FULLER` phrase holds first (most sentences have none)
        "full" in low
        or "final" in low
        or "complete" in low
        or "updated" in low
        or "revised" in low
        or "latest" in low
    ) and bool(_FULLER.search(low))


# Those still in a state, said of what a figure counts: "4,500 homes were still without power",
# "the 300 passengers who remain aboard", "the remaining 40 families"
_STILL = re.compile(r"\b(?:still|remain|remains|remained|remaining)\b")
_STILL_AFTER = 60  # characters after a figure its clause is read in
_STILL_BEFORE = 25  # ... and before it ("the remaining 40 families")
_CLAUSE_MARK = re.compile(r"[,;:()]")


def counts_remaining(text: str, figure: Figure) -> bool:
    """Whether a figure's clause counts those still in a state ("On Wednesday about 4,500 homes
    were still without electricity"): later, a lower count of them is the state ending for the
    rest (README rule 3), as for the missing, not another source's alternative."""
    before, after = _clause_around(text, figure, _STILL_BEFORE, _STILL_AFTER)
    return bool(_STILL.search(f"{before} {after}".lower()))


def _clause_around(
    text: str, figure: Figure, reach_before: int, reach_after: int
) -> tuple[str, str]:
    """The words of a figure's clause before it and after it, each read up to its reach and cut
    at the nearest clause mark."""
    start, end = figure.span
    after = text[end : end + reach_after]
    cut = _CLAUSE_MARK.search(after)
    if cut is not None:
        after = after[: cut.start()]
    before = text[max(0, start - reach_before) : start]
    marks = list(_CLAUSE_MARK.finditer(before))
    if marks:
        before = before[marks[-1].end() :]
    return before, after


# The count as it stands now, said in the figure's clause: "about 310 bodies have now been
# exhumed", "Varnia has now shipped more than 6 million shells". Not a time before this one
# ("until now", "by now") nor a time ahead ("from now on", "for now")
_NOW = re.compile(
    r"\b(?<!until )(?<!up to )(?<!till )(?<!by )(?<!for )(?<!from )now\b(?!-)"
    # ... nor what a source now says ("Seoul now says 60,000": its estimate, not the count's)
    r"(?!\s+(?:says?|said|estimates?|puts?|believes?|expects?|thinks?|reports?|claims?|"
    r"calculates?|reckons?)\b)"
)
_NOW_AFTER = 45  # characters after a figure its clause is read in ("have now fallen ill")
_NOW_BEFORE = 30  # ... and before it ("has now shipped more than")


def counts_now(text: str, figure: Figure) -> bool:
    """Whether a figure's clause gives the count as it stands now ("Some 650 pupils have now
    fallen ill"): on a later day, a count of where a quantity has got to is the count moving on
    (README rule 3), not another source's alternative to the earlier one."""
    if "now" not in text:  # most sentences have none
        return False
    before, after = _clause_around(text, figure, _NOW_BEFORE, _NOW_AFTER)
    return bool(_NOW.search(f"{before} | {after}".lower()))


# A figure said to lie between earlier ones ("a figure that falls between the union's 6,200 and
# the authority's 2,312", "well below the €90m the union claimed but more than the ministry had
# suggested", "between the rival counts"): news prose frames so the count that answers a
# disagreement, as it frames a fuller count. Not a range the figure itself states ("more than
# 200 but fewer than 300 people": no earlier figure named after the comparison), nor a place
# or a time ("the fire now sits between the two highways, and 8,200 ...", "the cabins that lay
# between the car deck and the bridge, 40 metres below", "a pay gap that lies between the
# union's 8% demand and the ministry's 3% offer"): what falls between is a figure, a count or
# "which"/"it", and what it falls between is named before any comma. Each side of "below ...
# but above ..." names an earlier figure: a count word, a number, what someone said, or a
# bare possessive ("above the mayor's"); not "over the weekend, but under the health code",
# "more than the rescue cage can lift but fewer than the mine's plan allows"
_FIGURE_WORD = r"(?:figures?|counts?|estimates?|tall(?:y|ies)|totals?|claims?|numbers?|tolls?)"
_OWNER = r"(?:the|its|their|[a-z]+['’]s|[a-z]+s['’])"
_EARLIER = (
    r"(?:what\b"
    rf"|{_OWNER}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_FIGURE_WORD}\b|[€$£]?\d)"
    r"|the\s+(?:[\w'’-]+\s+){1,3}?(?:had\s+|has\s+|have\s+)?(?:said|claimed|suggested|admitted"
    r"|reported|estimated|announced|stated|given|put\s+it)\b"
    r"|the\s+(?:[a-z-]+\s+)?[a-z]+(?:['’]s|s['’])(?=\s*(?:[,.;]|$)))"
)
_BELOW = r"(?:below|under|lower\s+than|less\s+than|fewer\s+than|short\s+of)"
_ABOVE = r"(?:above|over|more\s+than|higher\s+than|greater\s+than)"
_BUT = r"[^.;]{1,80}?\bbut\s+(?:well\s+|far\s+|still\s+|slightly\s+)?"
_BETWEEN = re.compile(
    rf"\b(?:{_FIGURE_WORD}|which|it)\s+(?:that\s+|which\s+)?(?:now\s+)?"
    r"(?:falls?|fell|lies|lay|sits?)\s+(?:somewhere\s+|roughly\s+|midway\s+|halfway\s+)?"
    r"between\s+(?:the|their|its|[a-z]+['’]s)\b(?:(?!,\s)[^.;]){0,40}?(?:\d|\b(?:counts?|estimates?"
    r"|figures?|tall(?:y|ies)|totals?)\b)"
    r"|\bbetween\s+(?:the\s+)?(?:two\s+)?(?:rival|competing|earlier|conflicting)\s+"
    r"(?:counts|estimates|figures|tallies)\b"
    rf"|\b{_BELOW}\s+{_EARLIER}{_BUT}{_ABOVE}\s+{_EARLIER}"
    rf"|\b{_ABOVE}\s+{_EARLIER}{_BUT}{_BELOW}\s+{_EARLIER}"
)


def settles_between(text: str) -> bool:
    """Whether a sentence places its figure between earlier ones, as the answer to their
    disagreement ("a figure that falls between the union's 6,200 and the port authority's
    2,312"): given on a later day, it is the count moving on (README rule 3), not a third
    rival estimate."""
    low = text.lower()
    return ("between" in low or " but " in low) and bool(_BETWEEN.search(low))


# Work done that stays done, said in the figure's clause as finished: "85% of the grid was back
# in service", "1.2 million people have been vaccinated", "crews had reconnected 40,000 homes".
# Not what is yet to be done ("would be restored by Friday", "hoped to reopen 30 schools")
_DONE_VERBS = (
    r"(?:restored|reconnected|repaired|reopened|rebuilt|vaccinated|inoculated|immuni[sz]ed|"
    r"inspected|demined|harvested|sprayed|treated\s+with|decontaminated|rehoused|"
    r"reunited|identified|exhumed|processed|registered)"
)
# A present passive is done only with "now" or "already": bare, it is what is done each year
# ("About 3 million children are vaccinated each year": a rate, not a count that only grows)
_DONE_AFTER = re.compile(
    r"\b(?:(?:ha(?:ve|s|d)(?:\s+(?:now|already))?(?:\s+been)?|(?:was|were)"
    r"(?:\s+(?:now|already))?|(?:is|are)\s+(?:now|already))\s+" + _DONE_VERBS + r"|"
    r"(?:was|were|is|are)(?:\s+(?:now|already))?"
    r"\s+back\s+(?:in\s+(?:service|operation|use)|online|on\b|up\b))"
)
# Another clause between a figure and a verb of work done, whose verb it is: one a conjunction
# opens ("45,000 fell ill although 2 million had been vaccinated", "The port has reopened but
# 800 containers remain"), another figure's ("9,000 homes were flooded and 2,000 have been
# repaired"), or a relative clause the verb is the first word of ("€7m of damage to the church
# that was restored in 2015"). Not a relative clause on the figure's own noun ("300 homes that
# lost power have been reconnected"), nor a preposition ("80 schools closed after the quake",
# "roads shut since the floods", "homes and businesses")
_OTHER_CLAUSE = re.compile(
    r"\b(?:when|while|whereas|although|though|because|unless|if|but)\b"
    r"|\b(?:and|or)\s+(?:\S+\s+){0,2}?\d"
    r"|\b(?:that|which|who|whom|whose|where)\s*$"
)
# What may stand between a verb of work done and the figure it counts, its object: hedges only.
# Not a cost or a time ("was rebuilt at a cost of €12m", "were vaccinated at a cost of €6m",
# "was restored within 48 hours"), another clause ("has reopened but 800 containers remain"),
# nor a known set's size ("inspected the 5,000 schools damaged": the damage's count)
_DONE_OBJECT = re.compile(
    r"\s*(?:(?:some|about|around|roughly|nearly|almost|over|more\s+than|at\s+least|a\s+further|"
    r"another|an\s+estimated|a\s+total\s+of|just|only)\s+)*$"
)
# Work said not done ("crews had not yet reconnected some 55,000 homes"): no count of work done
_NOT_DONE = re.compile(r"\b(?:not|never|no\s+longer|yet\s+to|failed\s+to)\b|n't\b")
# ... or before it, of the doer: "crews had reconnected 40,000 homes", "Varkelia restores 85% of
# grid" (a headline's present is a thing done); not "registered" (before its figure it is a
# reading: "Unemployment registered 9.2%", "the quake registered 6.4")
_DONE_BEFORE = re.compile(
    r"\b(?:ha(?:ve|s|d)\s+(?:now\s+|already\s+)?)?(?:restored|reconnected|repaired|reopened|"
    r"rebuilt|vaccinated|inoculated|immuni[sz]ed|inspected|demined|harvested|sprayed|"
    r"treated\s+with|decontaminated|rehoused|reunited|identified|exhumed|processed|restores|"
    r"reconnects|repairs|reopens|rebuilds|vaccinates|inspects|harvests|sprays|exhumes|"
    r"identifies)\b(?!\s+to\b)"
)
_DONE_REACH = 80  # characters after a figure its clause is read in ("... was back in service")


def counts_done(text: str, figure: Figure) -> bool:
    """Whether a figure's clause counts work done that stays done ("About 85% of the grid was
    back in service", "some 40,000 homes have been reconnected", "crews had repaired 60
    bridges"): what has been restored, reopened or vaccinated only grows while the work goes
    on, so on a later day a higher count of it is the work moving on (README rule 3: "a later,
    higher containment %"), not another source's rival estimate. What is planned or hoped
    ("would be restored by Friday", "aims to vaccinate 2 million") is no count of work done,
    nor is work said not done ("had not yet reconnected"), done each year ("are vaccinated each
    year"), or done in another clause ("damage to the church that was restored in 2015", "the
    port has reopened but 800 containers remain")."""
    before, after = _clause_around(text, figure, _NOW_BEFORE, _DONE_REACH)
    done = _DONE_AFTER.search(after)
    if done is not None and not _OTHER_CLAUSE.search(after[: done.start()]):
        return True
    dones = list(_DONE_BEFORE.finditer(before))  # the verb nearest the figure, in its clause
    return (
        bool(dones)
        and not _NOT_DONE.search(before, 0, dones[-1].start())
        and bool(_DONE_OBJECT.match(before[dones[-1].end() :]))  # "had reconnected some 9,000"
    )


# A state that ends for those in it, said by a claim's own words: "46,000 homes were without
# power", "3,000 motorists stranded", "11 miners trapped". A learned claim's short text says
# none, so "still" never moves a claim whose state is not known (a crew "still ill" is not the
# people aboard)
_STATE = re.compile(
    r"\b(?:without|stranded|stuck|trapped|missing|displaced|homeless|ill|sick|infected|"
    r"hospitali[sz]ed|in\s+hospital|cut\s+off|detained|held|closed|evacuated|in\s+shelters?)\b"
)


@lru_cache(maxsize=8192)
def in_state(claim_text: str) -> bool:
    """Whether a claim's own words count those in a state that ends ("About 46,000 homes and
    businesses were without power"): a later, lower count of those still in it is an update."""
    return bool(_STATE.search(claim_text.lower()))


SCALE_RATIO = 100.0  # two figures of one quantity this far apart measure different things


def _middle(figure: Figure) -> float:
    low, high = core(figure)
    return (low + high) / 2


def out_of_scale(figure: Figure, current: Figure) -> bool:
    """Whether `figure` is orders of magnitude away from the claim's `current` figure: two counts
    of one quantity rarely differ a hundredfold, so "two" against 1.2 million birds culled, or
    19 against a crowd of 48,000, counts something else (a rescue, the dead), not the claim."""
    a, b = _middle(figure), _middle(current)
    if a <= 0 or b <= 0 or math.isinf(a) or math.isinf(b):
        return False
    return max(a, b) / min(a, b) >= SCALE_RATIO


SAME_TIME_HOURS = 12.0  # figures this close, or on the same (UTC) day, are given at one time


def is_later(now: datetime | None, then: datetime | None) -> bool:
    """Whether `now` is clearly later than `then`: another day, not the same news cycle. A
    figure without a date (a claim tracked without one) is older than any dated story."""
    a, b = timestamp(now), timestamp(then)
    if a is None:
        return False
    if b is None:
        return True
    same_day = datetime.fromtimestamp(a, UTC).date() == datetime.fromtimestamp(b, UTC).date()
    return a - b >= SAME_TIME_HOURS * 3600 and not same_day


def is_shrinking(figure: Figure) -> bool:
    """A quantity that falls over time as the count goes on: the missing, as they are found."""
    return figure.unit == "count" and figure.counted in SHRINKING_KINDS


def is_cumulative(figure: Figure) -> bool:
    """A quantity that grows over time: a toll, a burned area, a containment rate."""
    return figure.event in CUMULATIVE_EVENTS or (
        (figure.counted if figure.unit == "count" else figure.measure) in CUMULATIVE_KINDS
    )


def add_increment(base: Figure | None, increment: Figure, text: str) -> Figure:
    """ "a further 4,000" on top of 11,000: the total (15,000), citing the increment's words."""
    if base is None or math.isinf(base.high):
        return increment
    start = text.rfind(" ", 0, max(0, increment.span[0] - 1))
    start = text.rfind(" ", 0, max(0, start)) + 1  # "a further 4,000"
    return replace(
        increment,
        low=base.low + increment.low,
        high=base.high + increment.high,
        text=text[start : increment.span[1]],
        span=(start, increment.span[1]),
    )


_TOTAL_LEAD = re.compile(
    r"\b(?:bring|brings|bringing|brought|raise|raises|raising|raised|take|takes|taking|took|"
    r"push|pushes|pushing|pushed|lift|lifts|lifting|lifted)\b[^.;:]{0,100}?\bto\s+"
    r"(?:a\s+total\s+of\s+)?"
    r"(?:(?:about|around|some|roughly|nearly|almost|more than|over|at least)\s+)?(?:US\$|\$|€|£)?$"
    r"|\b(?:a|the)\s+total\s+(?:of\s+)?"
    r"(?:(?:about|around|some|roughly|nearly|almost|more than|over|at least)\s+)?(?:US\$|\$|€|£)?$",
    re.IGNORECASE,
)
_MORE_AFTER = re.compile(r"\s+more\b", re.IGNORECASE)


_TIME_WORDS = ("first", "initially", "originally", "earlier", "previously")
_TIME_WORD = r"(?:first|initially|originally|earlier|previously|at first)"
_CORRECTS_EARLIER = re.compile(
    r"\b(?:than|as)\s+(?:was\s+|were\s+|had\s+been\s+|it\s+had\s+|they\s+had\s+)?"
    + _TIME_WORD
    + r"\s+(?:thought|feared|estimated|believed|reported|stated|announced|counted|assumed|"
    r"expected|given|said|suggested|listed)\b",
    re.IGNORECASE,
)


def corrects_earlier(text: str) -> bool:
    """A figure said to replace an earlier count of the same thing: "18 vehicles, not about 10
    as first estimated", "118 homes, far more than first thought", "fewer than initially
    feared". The writer calls it a revision, whoever gives it (README rule 3)."""
    return any(word in text for word in _TIME_WORDS) and bool(_CORRECTS_EARLIER.search(text))


_AGREEMENT = re.compile(
    r"\b(?:matching|matches|matched|in line with|consistent with|the same as|agreeing with|"
    r"agrees with|agreed with|bearing out|bore out|confirming)\b",
    re.IGNORECASE,
)


def states_agreement(text: str) -> bool:
    """ "its own tally showed 1,137 detained, matching the figure given by prosecutors": the
    sentence says its figure agrees with another's, so a doubting word in it ("its own tally")
    is about method, not the figure; the figures decide (README rule 2)."""
    return (  # a letter run every `_AGREEMENT` phrase holds, whatever its case, first: most
        "atch" in text  # sentences have none (a chain of `in`: twice as fast as any())
        or "line with" in text
        or "onsistent" in text
        or "ame as" in text
        or "gree" in text
        or "earing" in text
        or "ore out" in text
        or "onfirm" in text
    ) and bool(_AGREEMENT.search(text))


def is_stated_total(text: str, increment: Figure, later: Figure) -> bool:
    """ "a further five bodies ..., raising the number killed to 26", "Two more died, bringing
    the toll to 16", "a further 300, a total of 1,100": the later figure is the total the
    increment was added to make (README rule 7 with its sum printed), not the base it was added
    to ("a further 96, a day after more than 400 were held")."""
    if later.span[0] < increment.span[1] or later.high < increment.low:
        return False
    return bool(_TOTAL_LEAD.search(text, increment.span[1], later.span[0]))


def is_more(text: str, figure: Figure) -> bool:
    """ "Two more bodies", "57 more passengers": a count of more of the same (an increment when
    a stated total follows it; alone it is the thing counted: "30,000 more troops")."""
    return bool(_MORE_AFTER.match(text, figure.span[1]))


def already_said(
    known: list[Sighting],
    who: str,
    figure: Figure,
    stance: Stance,
    since: datetime | None = None,
) -> bool:
    """Whether a sighting (not a configured claim's note) from the same speaker said the same
    thing: agreeing figures, or both without a figure (a denial of a figure after a denial
    without one is a new denial: what is denied is new). Only sightings from `since` on count: a
    denial of the claim's newer figure is news even when its source denied an older one. A
    disputing figure is never old news (README rule 2: disputes are unaffected); doubt
    without one is, when its source doubted the claim before."""
    after = timestamp(since)
    others: list[str] = []  # speakers who said the same thing, not named as `who` is
    for s in known:
        if s.origin_key.startswith(BASELINE_PREFIX) or s.stance is not stance:
            continue
        if after is not None and (timestamp(s.published) or 0.0) < after:
            continue
        if figure.text and stance is _DISPUTES:
            continue  # a disputing figure is news even from the same source (rule 2)
        if figure.text and not s.figure.text and stance is _REFUTES:
            continue  # denying a figure it never denied is a new denial, not the old one again
        if not figure.text or not s.figure.text or figures_agree(figure, s.figure):
            name = speaker(s.attribution, s.outlet)
            if same_source(name, who):
                return True
            others.append(name)
    return bool(others) and _named_between(known, who, others)


MAX_NAMES = 12  # a claim's speakers linked name to name (`_named_between`), most recent first


def _named_between(known: list[Sighting], who: str, others: list[str]) -> bool:
    """Whether `who` is one of `others` by way of the names the claim's sources went by: one
    source is named differently by different stories ("the regional government of Upper
    Serrach", "the Upper Serrach government", "the regional government"), and two names of it
    that share too little are each the same as a third. Names are linked one to another, as
    `same_source` links two, up to `MAX_NAMES` of the claim's latest speakers."""
    names: list[str] = []
    for s in reversed(known):
        if s.origin_key.startswith(BASELINE_PREFIX):
            continue
        name = speaker(s.attribution, s.outlet)
        if name not in names and name != who:
            names.append(name)
            if len(names) >= MAX_NAMES:
                break
    reached, frontier = {who}, [who]
    while frontier:
        name = frontier.pop()
        for other in names:
            if other not in reached and same_source(name, other):
                if other in others:
                    return True
                reached.add(other)
                frontier.append(other)
    return False


def _latest(sightings: list[Sighting]) -> Sighting | None:
    if not sightings:
        return None
    return max(
        enumerate(sightings), key=lambda pair: (timestamp(pair[1].published) or 0.0, pair[0])
    )[1]


HEDGE_WORDS = {
    _ABOUT: "about ",
    _UP_TO: "up to ",
    _ALMOST: "almost ",
    _AT_LEAST: "at least ",
    _FEWER_THAN: "fewer than ",
}


def figure_words(figure: Figure) -> str:
    """ "about 11,000": the number with its hedge."""
    return HEDGE_WORDS.get(figure.hedge, "") + figure.text


def describe(figure: Figure) -> str:
    """ "25,000 to 30,000 troops (to be sent)"."""
    what = (figure.counted or "").replace("_", " ")
    unit = "" if figure.unit in ("count", "percent") else f" {figure.unit}"
    event = ""
    if figure.event and figure.event != "casualties":
        event = f" ({figure.event.replace('_', ' ')})"
    return f"{figure_words(figure)}{unit} {what}".strip() + event


def describe_sighting(sighting: Sighting) -> str:
    """ "25,000 to 30,000 (Ukrainian intelligence, via CNN; The Guardian, 2025-07-02)"."""
    where = [str(sighting.attribution)]
    if sighting.outlet:
        where.append(sighting.outlet)
    if sighting.published:
        where.append(sighting.published.date().isoformat())
    shown = figure_words(sighting.figure) if sighting.figure.text else "no figure"
    return f"{shown} ({'; '.join(where)})"


def explain(
    verdict: Verdict,
    figure: Figure | None,
    said_by: str,
    evidence: str,
    sources: int,
) -> str:
    """One or two sentences a person can check against the story."""
    new = describe(figure) if figure else "no figure"
    known = describe_sighting(verdict.previous) if verdict.previous else "nothing yet"
    kind = verdict.kind
    if kind is _NEW_CLAIM:
        return f"New quantity: {new}, per {said_by}. No tracked claim covered it."
    if kind is _CORROBORATION:
        return (
            f"{new}, per {said_by}, agrees with the known {known}. "
            f"Independent sources now: {sources}."
        )
    if kind is _NEW_FIGURE and verdict.previous is None:
        return f"New figure {new}, per {said_by}, given as a change from an earlier figure."
    if kind is _NEW_FIGURE:
        update = " It is later and higher: it may be an update." if verdict.may_be_update else ""
        return f"New figure {new}, per {said_by}, vs the known {known}.{update}"
    if kind is _DISPUTE:
        why = f" ('{evidence}')" if evidence and not figure else ""
        return f"{new}, per {said_by}, does not agree with the known {known}{why}."
    cue = f" ('{evidence}')" if evidence else ""
    return f"{said_by} refutes the claim{cue}; the known figure is {known}."
