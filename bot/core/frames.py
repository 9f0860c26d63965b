"""A figure's frame: what it counts (the counted kind), the event, the actor, the recipient.

Each figure owns a window of the sentence: from the end of the previous figure to the start of
the next, clipped to its clause. The counted noun is looked for just after the number ("30,000
more troops"), then just before it ("the troop count to 30,000"), then inherited from the
previous figure of a list ("4,000 killed or wounded, later 6,000"). Verbs beat modifiers for
the event ("pledged 6,000 extra personnel" is pledged). Entities inside the attribution ("South
Korea's spy agency said ...") are never actors.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.core.counted import (
    MILITARY,
    TALLIES,
    _after_item,
    _befell,
    _counted_after,
    _counted_before,
    _counted_by_head,
    _crowd,
    _head_end,
    _items,
    _own_noun,
    _sized_protest,
    _tally_of,
    _unaccounted,
    _unnamed,
    _walked_out,
)
from bot.core.cues import is_increment
from bot.core.events import (
    _OWN_VERB_GAP,
    _comparative,
    _event,
    _is_verb,
    _kind_event,
    _passive,
    sent_back_in,
)
from bot.core.lexicon import (
    CASUALTY_KINDS,
    CASUALTY_VERBS,
    CUSTODY_EVENTS,
    EVENTS,
    MODIFIER_EVENTS,
    MUNITION_EVENTS,
    MUNITION_SCOPES,
    PEOPLE_EVENTS,
    PEOPLE_KINDS,
)
from bot.core.measures import (
    _CENTS,
    CURRENCY_CODES,
    TALLY_UNITS,
    _commodity,
    _measure,
    _share_of,
    _winner,
)
from bot.core.parties import _parties
from bot.core.periods import _periods
from bot.core.phrases import Hit, _entities, _nearest, _scan, _within
from bot.core.quantity import (
    _TOLL_MODIFIERS,
    MASS_UNIT_CODES,
    PEOPLE_NOUNS,
    VOLUME_UNIT_CODES,
    _animals_of,
    _open_measure,
    _open_share,
    is_animal,
    lemma,
    mass_of,
    open_noun,
    qualifier,
)
from bot.core.scopes import _NAMED_PEOPLE, _group, _members


@dataclass(frozen=True, slots=True)
class Frame:
    counted: str | None = None
    event: str | None = None
    actor: str | None = None
    recipient: str | None = None
    measure: str | None = None
    period: str | None = None
    scope: str | None = None
    qualifier: str | None = None


_CLAUSE_BREAK = re.compile(
    r";|\s[—–-]\s|\s(?:and|but)\s+that\b"
    r"|,\s+(?:while|whereas|but|although|though|compared with)\b|c(?<=\bc)ompared with\b"
)  # "c(?<=\bc)ompared": the matches of "\bcompared", found faster (no branch starts with \b)


_LIST_GAP = re.compile(r"^[\s,]*(?:(?:and|or|later|then|now|rising|rose|up|down|from|to)[\s,]+)*$")
REACH = 300  # characters around a figure that can say what it counts


def frames_for(
    sentence: str,
    spans: Sequence[tuple[int, int]],
    excluded: Sequence[tuple[int, int]] = (),
    units: Sequence[str] = (),
) -> list[Frame]:
    """One frame per figure span (in order) of `sentence`; `excluded` spans hold no actors.

    A figure with no counted noun of its own inherits the previous figure's frame when the two
    are a list of the same unit ("4,000 killed or wounded, later 6,000").
    """
    low = sentence.lower()
    all_counted, events_found, _, all_measures, _, all_scopes = _scan(low)
    all_events = [h for h in events_found if not _comparative(low, h)]
    all_entities = [
        h for h in _entities(sentence, low) if not any(s <= h.start < e for s, e in excluded)
    ]
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(low)]
    all_periods = _periods(sentence, low)
    away = "back" in low or "deport" in low or "expel" in low  # `sent_back_in` may find one
    frames: list[Frame] = []
    for i, (start, end) in enumerate(spans):
        at = bisect_left(breaks, start)
        clause_lo = max(breaks[at - 1] if at else 0, start - REACH)
        clause_hi = min(
            breaks[bisect_left(breaks, end)] if breaks[-1:] >= [end] else len(low), end + REACH
        )
        lo = max(spans[i - 1][1] if i else 0, clause_lo)
        hi = min(spans[i + 1][0] if i + 1 < len(spans) else len(sentence), clause_hi)
        counted = _within(all_counted, clause_lo, clause_hi)
        events = _within(all_events, clause_lo, clause_hi)
        entities = _within(all_entities, clause_lo, clause_hi)
        kind, noun_end = _counted_after(sentence, counted, end, hi)
        if kind == "troops" and _MEN.match(low, end) and not MILITARY.search(sentence):
            kind = "people"  # "41 men were trapped": men are troops only in a war's sentence
        noun = open_noun(sentence, end, hi) if not units or units[i] == "count" else None
        if noun is None and kind in CASUALTY_KINDS:
            noun = _animals_of(sentence, end, hi)  # "hundreds of oiled seabirds found dead"
        if noun is not None and kind is not None and kind not in _NAMED_PEOPLE:
            kind, noun_end = None, end  # "48,700 rejected ballots" are not the "ballots" after
        dead_things = (
            noun is not None
            and kind in CASUALTY_KINDS
            and (noun.split()[0] in _TOLL_MODIFIERS or is_animal(noun.split()[-1]))
            and noun.split()[-1] not in PEOPLE_NOUNS
        )
        if dead_things:
            kind, noun_end = None, end  # "1,150 dead seabirds": a toll of things, not people
        verb = _VERB_BEFORE.search(low, max(0, start - 40), start)
        if verb and kind is None and noun is not None and is_animal(noun.split()[-1]):
            dead_things, verb = True, None  # "killed 1,150 seabirds": a toll of animals
        if verb and (kind is None or kind in PEOPLE_KINDS):
            kind = CASUALTY_VERBS[verb.group(1)]  # "killed 320 people"
        if kind in PEOPLE_KINDS and _WHOSE_BODIES.match(low, noun_end):
            kind = "killed"  # "12 miners whose bodies were recovered" are dead
        elif kind in PEOPLE_KINDS and _WHOSE_JOBS.match(low, noun_end):
            kind = "jobs"  # "8,000 employees whose jobs will go" count the jobs
        if kind is None and noun is None and _FIRED_BEFORE.search(low, max(0, start - 12), start):
            kind = "shells"  # "forces fire up to 20,000 a day": what is fired are munitions
        noun_span = (end, noun_end)
        if (
            kind in (None, "people")
            and noun is None
            and (not units or units[i] == "count")
            and _unaccounted(low, start, noun_end, hi)
        ):
            kind = "missing"  # "50 people were buried under", "searching for nine people"
        same_unit = not units or units[i] == units[i - 1]
        baseline = (
            kind is None
            and noun is None
            and i > 0
            and same_unit
            and frames[-1].counted is not None
            and _BASELINE.search(low, max(0, start - 60), start) is not None
            and not _own_noun(sentence, end, hi)
        )  # "up from the 46 reported by ...", "Severin Mining's figure of 41"
        if kind is None and noun is None and not baseline:
            kind = _tally_of(low, lo, start, end, hi)  # "shell deliveries at 250,000"
        if kind is None and noun is None and not baseline and not _own_noun(sentence, end, hi):
            kind, head_end = _counted_by_head(sentence, counted, lo, start)
            if kind is not None:
                noun_span = (_head_end(sentence, lo, start), head_end)
            else:
                kind = _counted_before(sentence, counted, lo, start)
                before = [h for h in counted if h.end <= start and h.start >= lo]
                if kind == "units" and before:
                    noun_span = (before[-1].start, before[-1].end)  # "the flights ... to 585"
        if kind == "people" and _crowd(sentence, counted, (end, noun_end), (clause_lo, clause_hi)):
            kind = "protesters"  # "200,000 people took part in the march"
        elif kind is None and _walked_out(sentence, _after_item(sentence, end, hi)):
            kind = "protesters"  # "Ministry denies 48,000 joined rail strike", "8,000 dockers"
        elif (
            kind is None
            and (not units or units[i] == "count")
            and not _own_noun(sentence, end, hi)
            and _sized_protest(sentence, lo, start, end, hi)
        ):
            kind = "protesters"  # "police put the march at about 40,000"
        elif (
            kind is None and (not units or units[i] == "count") and _items(sentence, start, end, hi)
        ):
            kind = "units"  # "recalling 450,000 space heaters": things made, sold, recalled
        elif (
            kind is None
            and (not units or units[i] == "count")
            and not (noun is not None and is_animal(noun.split()[-1]))  # "80 stranded whales"
            and _befell(sentence, events, end, hi)
        ):
            kind = "people"  # "61,000 stranded", "41 rescued": what befell them says who
        sent_back = sent_back_in(low, max(lo, start - 40), min(hi, end + 40)) if away else None
        if kind in (None, "people") and (not units or units[i] == "count") and sent_back:
            kind = "people"  # "forced about 1,200 people back", "deported 640 of them"
        listed = _LIST_GAP.match(sentence[spans[i - 1][1] : start]) if i else None
        period = _nearest(_within(all_periods, lo, hi), start, end)
        if period is None and _RATE.match(low, max(end, noun_end), hi):
            period = "per_day"  # "fire up to 20,000 a day": a rate, not a total
        scope = _nearest(_within(all_scopes, lo, hi), start, end)
        confirmed = _CONFIRMED_BEFORE.search(low, max(0, start - 30), start)
        if (
            kind is None
            and i
            and same_unit
            and (listed or baseline or is_increment(sentence, start) or _unnamed(sentence, end, hi))
        ):
            kept = frames[-1].scope if frames[-1].counted == "units" else None
            inherited = replace(frames[-1], period=period or frames[-1].period, scope=scope or kept)
            if confirmed and inherited.counted == "people":
                inherited = replace(inherited, event="confirmed")  # "... and confirmed 389"
            frames.append(inherited)
            continue
        measure = None
        if units and units[i] in TALLY_UNITS:
            measure = _winner(sentence, clause_lo, start, excluded)
        elif units and units[i] != "count":
            measure = _measure(sentence, all_measures, lo, hi, start, end)
        if measure is None and units and units[i] == "percent":
            measure = _share_of(low, all_counted, end, hi) or _open_share(sentence, end, hi)
            if measure is None and frames and _OF_THOSE.match(low, end, hi):
                measure = _share_of_last(frames[-1], units[i - 1])  # "votes, or 50.8% of those"
        if measure is None and units and units[i] in CURRENCY_CODES:
            measure = _open_measure(sentence, end, hi)
        if units and units[i] in CURRENCY_CODES and _CENTS.search(sentence, start, end):
            measure = "price"  # "the game costs €29.99": one thing's price, not a total
        if kind not in PEOPLE_KINDS:
            only_people = _FREE_EVENTS if kind == "prisoners" else PEOPLE_EVENTS
            events = [h for h in events if h.value not in only_people]
        follows = spans[i + 1][0] if i + 1 < len(spans) else None
        event = _event(events, lo, hi, clause_lo, start, end, follows)
        increment = is_increment(sentence, start)
        if (units and units[i] != "count") or (increment and event in _MODIFIER_VALUES):
            event = None  # money has no event; "a further 800,000" adds, it is not a plan
        event = _kind_event(kind, event, sentence, counted, noun_end, hi)
        if confirmed and kind == "people" and event is None:
            event = "confirmed"  # "tests have confirmed 212 of the cases"
        if sent_back and kind == "people" and (sent_back[1] < start or _passive(low, sent_back)):
            event = sent_back[0]  # sent back out of the country: not those who came in
        actor, recipient = _parties(
            sentence, entities, (clause_lo, clause_hi), (lo, hi), start, noun_end
        )
        if units and units[i] != "count" and kind == "units":
            kind = None  # "71% of its flights": a share, whose flights are not its scope
        if kind is None and noun is not None and noun.split()[-1] not in TALLIES:
            kind, scope = "units", noun  # "48,700 rejected ballots": things, told by their noun
            if dead_things:
                event, scope = "casualties", noun.split()[-1]  # "dead seabird": the seabirds
        elif units and units[i] in MASS_UNIT_CODES:  # "1.8 million tonnes of grain"
            measure = mass_of(sentence, end, hi) or _commodity(low, clause_lo, start) or measure
        elif units and units[i] in VOLUME_UNIT_CODES:  # "6,000 barrels of crude"
            measure = units[i]
        scope = scope or _group(counted, noun_span, kind, event) or _members(sentence, end, kind)
        if kind == "units" and scope is None and noun is not None:
            scope = noun  # "sold 1.8 million copies": copies, not any units
        if event in MUNITION_EVENTS and kind != "shells" and scope not in MUNITION_SCOPES:
            event = None  # "fired 200 workers", "launched a recall": no munition's event
        where = qualifier(sentence, end, hi) if not units or units[i] == "count" else None
        if kind == "shells" or scope in MUNITION_SCOPES:
            where = None  # "fired 6 torpedoes at the convoy": a munition's "at" is its target
        frames.append(Frame(kind, event, actor, recipient, measure, period, scope, where))
    return [_in_custody(f) for f in _parts(sentence, spans, frames, all_events, breaks)]


_FREE_EVENTS = PEOPLE_EVENTS - CUSTODY_EVENTS  # what befalls people, but prisoners may escape


def _in_custody(frame: Frame) -> Frame:
    """People who escaped from custody, or were brought back to it, are prisoners (README:
    escaped and recaptured inmates -> prisoners); the event still tells the two apart."""
    if frame.counted == "people" and frame.event in CUSTODY_EVENTS:
        return replace(frame, counted="prisoners")
    return frame


_PART_OF = re.compile(r"\s+of\s+(?:(?:the|its|their|those|these)\s+)?$", re.I)


def _parts(
    sentence: str,
    spans: Sequence[tuple[int, int]],
    frames: list[Frame],
    events: list[Hit],
    breaks: list[int],
) -> list[Frame]:
    """A part of a whole ("88 of the 96 inmates who escaped had been recaptured") counts the
    whole's people or things, with what the clause's predicate says befell the part: the verb
    it is the object of ("shot down 31 of 38 missiles fired"), else its last event after the
    whole, "recaptured" (the whole, the old value, keeps "escaped")."""
    for i in range(len(frames) - 1):
        end = spans[i][1]
        whole = frames[i + 1]
        if frames[i].counted is not None or whole.counted is None:
            continue
        if not _PART_OF.match(sentence[end : spans[i + 1][0]]):
            continue
        at = bisect_left(breaks, spans[i + 1][1])
        clause_hi = breaks[at] if at < len(breaks) else len(sentence)
        after = [
            h
            for h in _within(events, spans[i + 1][1], clause_hi)
            if h.value in PEOPLE_EVENTS or whole.counted not in PEOPLE_KINDS
        ]
        event = after[-1].value if after else whole.event
        own = [
            h
            for h in events
            if 0 <= spans[i][0] - h.end <= _OWN_VERB_GAP
            and _is_verb(h)
            and (h.value in PEOPLE_EVENTS or whole.counted not in PEOPLE_KINDS)
        ]
        if own:
            event = own[-1].value  # "shot down 31 of 38 missiles fired": the verb it takes
        frames[i] = replace(whole, event=event)
    return frames


# "50.8% of those cast", "a third of those laid off": a share of what the figure before counts.
_OF_THOSE = re.compile(r"\s+of\s+(?:those|the\s+ones)\s+[a-z]+(?:ed|en|t)\b")


def _share_of_last(last: Frame, unit: str) -> str | None:
    """The share a percentage measures when its "of those" points back at the figure before:
    "2,841,306 votes, or 50.8% of those cast" -> "share_vote"."""
    if unit in TALLY_UNITS:
        return f"share_{lemma(unit)}"
    if unit == "count" and last.counted is not None:
        return f"share_{last.counted}"
    return None


_MODIFIER_VALUES = frozenset(EVENTS[m] for m in MODIFIER_EVENTS if m in EVENTS)
# Verbs of a diagnosis just before a number of people: the cases are confirmed ones.
_CONFIRMED_BEFORE = re.compile(
    r"\b(?:confirmed|diagnosed|verified)\s+(?:(?:another|a further|an additional)\s+)?$"
)
# What introduces a figure given as the reference point of the one before it, the same
# quantity's old or rival value (README rule 8): "up from the 46 reported by the fire service",
# "Severin Mining's figure of 41", "far more than the roughly 40 counted on Tuesday", "not 41".
_BASELINE = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell)\s+from"
    r"|\b(?:figure|count|estimate|tally|total|toll|reckoning)\s+(?:of|at)"
    r"|\b(?:than|not|instead\s+of|on\s+top\s+of))"
    r"\s+(?:(?:the|its|their|his|her|own|earlier|initial|first|previous|official|original|"
    r"corrected|revised)\s+)*$"
)
_MEN = re.compile(r"\s+(?:[a-z-]+\s+)?men\b")
# A count per day is a rate, another quantity than a total ("6,000 shells a day").
_RATE = re.compile(r"\s+(?:a|per|each|every)\s+day\b(?!\s+(?:earlier|later|before|after|ago))")
_WHOSE_JOBS = re.compile(r"\s*(?:,\s*)?whose jobs\b")
# A bare number fired or launched: munitions ("fire up to 20,000 a day", "launched 40 overnight").
_FIRED_BEFORE = re.compile(r"\b(?:fire|fires|fired|firing|launch|launches|launched|launching)\s+$")
_WHOSE_BODIES = re.compile(r"\s*(?:,\s*)?whose (?:bodies|remains)\b")
_VERB_BEFORE = re.compile(
    r"\b(" + "|".join(CASUALTY_VERBS) + r")\s+(?:(?:a\s+further|another|an\s+additional|all)\s+)?$"
)  # "recovered the bodies of a further four villagers"
