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
from typing import NamedTuple

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
    people_leaving,
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
    FUNCTION_WORDS,
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
from bot.core.periods import PER_DAY, _periods
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
from bot.core.trie import trie_pattern


class Frame(NamedTuple):
    """What a figure counts and of what (an immutable typed tuple: one is made a figure, and a
    tuple is made in half the time of a frozen dataclass)."""

    counted: str | None = None
    event: str | None = None
    actor: str | None = None
    recipient: str | None = None
    measure: str | None = None
    period: str | None = None
    scope: str | None = None
    qualifier: str | None = None


_CLAUSE_BREAK = re.compile(
    r";|·|\s[—–-]\s|\s(?:and|but)\s+that\b"
    r"|,\s+(?:while|whereas|but|although|though|compared with)\b|c(?<=\bc)ompared with\b"
)  # "c(?<=\bc)ompared": the matches of "\bcompared", found faster (no branch starts with \b)


def _clause_breaks(low: str) -> list[int]:
    """Where `_CLAUSE_BREAK` matches in `low`. Each branch needs one of a few marks or words
    (";", "·", a dash, "that", "compared", or a comma with "while", "whereas", "but" or
    "though"): a sentence with none of them (most) has no break, and the regex need not run."""
    if not (
        ";" in low
        or "·" in low
        or "-" in low
        or "–" in low
        or "—" in low
        or "that" in low
        or "compared" in low
        or ("," in low and ("while" in low or "whereas" in low or "but" in low or "though" in low))
    ):
        return []
    return [m.start() for m in _CLAUSE_BREAK.finditer(low)]


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
    breaks = _clause_breaks(low)
    all_periods = _periods(sentence, low)
    away = "back" in low or "deport" in low or "expel" in low  # `sent_back_in` may find one
    # words the round-12c rules need, looked for once a sentence (most sentences have none)
    captive, died, victims = "captiv" in low, "died" in low, "victims" in low
    leaving = "depart" in low or "exodus" in low or "losses" in low or "outflow" in low
    carried, held = "carr" in low, "hold" in low or "held" in low
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
        # "and 12 farmers died": the figure names the people it counts (not a toll of animals)
        named_after = any(end <= h.start < noun_end and h.value in PEOPLE_KINDS for h in counted)
        if kind == "troops" and _MEN.match(low, end) and not MILITARY.search(sentence):
            kind = "people"  # "41 men were trapped": men are troops only in a war's sentence
        noun = open_noun(sentence, end, hi) if not units or units[i] == "count" else None
        if noun is None and kind is None and (not units or units[i] == "count"):
            part = _OF_THE.match(sentence, end, hi) or _NAMED_BEFORE_NOUN.match(sentence, end, hi)
            noun = open_noun(sentence, part.end(), hi) if part else None
        if noun is None and kind in CASUALTY_KINDS:
            noun = _animals_of(sentence, end, hi)  # "hundreds of oiled seabirds found dead"
        if noun is not None and kind is not None and kind not in _NAMED_PEOPLE:
            kind, noun_end = None, end  # "48,700 rejected ballots" are not the "ballots" after
        if noun is None and kind in CASUALTY_KINDS:
            dead = _DEAD_ANIMALS.match(low, end, hi)  # "5 million dead birds": animals
            noun = lemma(dead.group(1)) if dead and is_animal(lemma(dead.group(1))) else noun
        dead_things = (
            noun is not None
            and kind in CASUALTY_KINDS
            and (noun.split()[0] in _TOLL_MODIFIERS or is_animal(noun.split()[-1]))
            and noun.split()[-1] not in PEOPLE_NOUNS
        )
        if dead_things:
            kind, noun_end = None, end  # "1,150 dead seabirds": a toll of things, not people
        if victims and kind is None and _VICTIMS.match(low, end, hi) and _NAMED_DEAD.search(low):
            kind, noun = "killed", None  # "Coroner names all 14 victims": the dead
        verb = _VERB_BEFORE.search(low, max(0, start - 40), start)
        if verb and kind is None and noun is not None and is_animal(noun.split()[-1]):
            dead_things, verb = True, None  # "killed 1,150 seabirds": a toll of animals
        if verb and (kind is None or kind in PEOPLE_KINDS):
            kind = CASUALTY_VERBS[verb.group(1)]  # "killed 320 people"
        if kind in PEOPLE_KINDS and _WHOSE_BODIES.match(low, noun_end):
            kind = "killed"  # "12 miners whose bodies were recovered" are dead
        elif kind in PEOPLE_KINDS and _WHOSE_JOBS.match(low, noun_end):
            kind = "jobs"  # "8,000 employees whose jobs will go" count the jobs
        elif kind in ("people", "civilians") and _carried_out(low, noun_end, hi):
            kind = "displaced"  # "860 citizens had been flown out of the capital": evacuees
        if (
            kind is None
            and noun is None
            and (not units or units[i] == "count")
            and carried
            and _CARRIED_BEFORE.search(low, max(0, start - 30), start)
        ):
            kind = "people"  # "the jet carried 78": the people aboard
        if (
            kind is None
            and noun is None
            and _TIMES.match(low, end, hi)
            and _VIEWED_BEFORE.search(low, max(0, start - 30), start)
        ):
            kind = "units"  # "a video watched 4 million times": views, things counted
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
        if (
            kind is None
            and noun is None
            and (not units or units[i] == "count")
            and leaving
            and people_leaving(low, lo, start)
        ):
            kind = "people"  # "puts doctor departures at 4,112": the doctors who left
        if kind is None and noun is None and not baseline:
            kind = _tally_of(low, lo, start, end, hi)  # "shell deliveries at 250,000"
        if (
            kind is None
            and noun is None
            and not baseline
            and not _own_noun(sentence, end, hi)
            and not _befell(sentence, events, end, hi)  # "Twelve dead, 18 rescued": not dead
        ):
            kind, head_end = _counted_by_head(sentence, counted, lo, start)
            if kind is not None:
                noun_span = (_head_end(sentence, lo, start), head_end)
            else:
                kind = _counted_before(sentence, counted, lo, start)
                before = [h for h in counted if h.end <= start and h.start >= lo]
                if kind == "units" and before:
                    noun_span = (before[-1].start, before[-1].end)  # "the flights ... to 585"
        if (
            kind in CASUALTY_KINDS
            and noun is None
            and not named_after
            and _toll_of_animals(sentence, low, lo, start, i > 0)
        ):
            kind = "units"  # "whale toll rises to 151": animals are counted by head, as things
        if kind is None and noun is None and _OF_THEM.match(low, end, hi):
            earlier = [h for h in all_counted if h.end <= start]
            kind = earlier[-1].value if earlier else None  # "the rounds ..., hundreds of them"
        if (
            kind in PEOPLE_KINDS
            and i
            and frames[-1].counted in CASUALTY_KINDS
            and _INCLUDING.search(low, max(0, start - 20), start)
        ):
            kind = frames[-1].counted  # "the deaths of 88 civilians, including 14 children"
        if kind == "people" and _MOVED_TO_SHELTER.match(low, noun_end, clause_hi):
            kind = "displaced"  # "300 residents ... were moved to a school gym"
        elif kind == "displaced" and _TO_HOSPITAL.match(low, noun_end, hi):
            # "evacuated by ambulance to hospital": patients, not the displaced; a hospital
            # after the next figure is that figure's ("400 were evacuated and 41 taken to ...")
            kind = "people"
        if captive and kind in _CAPTIVE_KINDS and _IN_CAPTIVITY.match(low, max(end, noun_end), hi):
            kind = "prisoners"  # "1,100 soldiers and civilians remain in enemy captivity"
        elif held and kind == "troops" and _HOLDS.search(low, max(0, start - 20), start):
            kind = "prisoners"  # "Dorland now holds five Varnian soldiers": soldiers held
        if died and kind in _HURT and _DIED_SINCE.match(low, noun_end, clause_hi):
            kind = "killed"  # "Three more people wounded in the strike have died": now dead
        if kind == "injured" and _treated_for_illness(low, clause_lo, clause_hi):
            kind = "people"  # "treated 390 people for salmonella": an outbreak's cases
        charged = verb is not None and CASUALTY_VERBS[verb.group(1)] == "people"
        if (
            kind == "people"
            and not charged  # "charged 341 people over the protests" are no crowd
            and _crowd(sentence, counted, (end, noun_end), (clause_lo, clause_hi))
        ):
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
            period = PER_DAY  # "fire up to 20,000 a day": a rate, not a total
        scope = _nearest(_within(all_scopes, lo, hi), start, end)
        confirmed = _CONFIRMED_BEFORE.search(low, max(0, start - 30), start)
        if (
            kind is None
            and i
            and same_unit
            and (listed or baseline or is_increment(sentence, start) or _unnamed(sentence, end, hi))
        ):
            kept = frames[-1].scope if frames[-1].counted == "units" else None
            inherited = frames[-1]._replace(period=period or frames[-1].period, scope=scope or kept)
            if confirmed and inherited.counted == "people":
                inherited = inherited._replace(event="confirmed")  # "... and confirmed 389"
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
        if event == "recaptured" and _CAUGHT_ILLNESS.search(low, lo, hi):
            event = None  # "four nurses have caught bird flu": an illness, not a recapture
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


# Treated for an illness, not a hurt: the people treated are its cases (README: cases ->
# people). "Treated in hospital" alone says nothing of why, and stays the injured.
_TREATED_FOR_ILLNESS = re.compile(
    r"\btreat(?:ed|s|ing)\b[^,.;:]{0,40}?\b(?:for|with)\s+(?:[a-z0-9-]+\s+){0,2}?"
    r"(?:illness|sickness|diseases?|infections?|virus|viral|flu|influenza|h5n1|norovirus|"
    r"salmonella|cholera|measles|fever|covid(?:-19)?)\b"
)


def _treated_for_illness(low: str, lo: int, hi: int) -> bool:
    """People treated for an illness are its cases, not the injured of an accident: "about
    390 people had been treated for salmonella", "treating two patients with H5N1"."""
    return bool(_TREATED_FOR_ILLNESS.search(low, lo, hi))


# Victims named, identified or buried are the dead of a disaster: "Coroner names all 14
# victims", "36 typhoon victims identified", "Police identify all 17 crash victims".
_VICTIMS = re.compile(r"(?:\s+[a-z][\w'-]*){0,3}?\s+victims\b")
_NAMED_DEAD = re.compile(
    r"\b(?:identif(?:y|ies|ied|ying)|names|named|naming|coroners?|funerals?|buried|burial|"
    r"mourn(?:s|ed|ing)?)\b"
)
_DEAD_ANIMALS = re.compile(r"\s+(?:dead|culled|slaughtered)\s+([a-z]+)\b")
_CAUGHT_ILLNESS = re.compile(
    r"\bcaught\s+(?:the\s+)?(?:[a-z0-9-]+\s+){0,2}?(?:flu|influenza|virus|infection|disease|"
    r"illness|covid|h5n1|norovirus|measles|cholera|salmonella)\b"
    r"|\bcaught\s+up\b"  # "as doctors caught up with cases": reached, not recaptured
)
# People moved to a shelter have left their homes (README: moved out -> displaced).
_MOVED_TO_SHELTER = re.compile(
    r"[^,;:.]{0,80}?\b(?:were|was|have\s+been|had\s+been|being)\s+(?:moved|taken|bused|bussed|"
    r"relocated|sent)\s+(?:to|into)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}?(?:school|schools|gym|"
    r"gyms|halls?|shelters?|centres?|centers?|camps?|hotels?|church|churches|tents?)\b"
    # living there since: "512 people from the tower were now living in hotels"
    r"|[^,;:.]{0,80}?\b(?:living|staying|sleeping|housed)\s+in\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:hotels?|shelters?|(?:emergency|temporary)\s+(?:accommodation|housing))\b"
)
# ... but people evacuated to a hospital are patients, not the displaced.
_TO_HOSPITAL = re.compile(r"[^,;:.]{0,40}?\bto\s+(?:[a-z-]+\s+){0,3}?hospitals?\b")
# A number of "them": the things or people named earlier in the sentence.
_OF_THEM = re.compile(r"\s+of\s+them\b")
# A part of a toll named by who they were: "the deaths of 88 civilians, including 14 children".
_INCLUDING = re.compile(r"\b(?:including|among them|among whom|of whom)\s+$")
# People held captive are prisoners, whoever they were: "remain in Kalmorian captivity".
_CAPTIVE_KINDS = frozenset({None, "troops", "civilians", "people"})
_IN_CAPTIVITY = re.compile(
    r"[^,;:.]{0,60}?\b(?:in\s+(?:[a-z]+\s+){0,2}?captivity|held\s+captive|taken\s+captive)\b"
)
_HOLDS = re.compile(
    r"\b(?:hold|holds|held|holding)\s+(?:(?:about|around|some|at least|more than)\s+)?$"
)
_HURT = frozenset({"injured", "wounded"})
# The hurt who have since died count the dead: "Two more people injured in the crush have died
# in hospital" (the role names who they were, the verb what befell them), also when the
# sentence goes on to the new total ("..., bringing the toll to 19").
_DIED_SINCE = re.compile(
    r"[^,;:.]{0,80}?\b(?:have|has|had)\s+(?:since\s+|now\s+|also\s+|later\s+)?died\b"
)

_FREE_EVENTS = PEOPLE_EVENTS - CUSTODY_EVENTS  # what befalls people, but prisoners may escape


def _in_custody(frame: Frame) -> Frame:
    """People who escaped from custody, or were brought back to it, are prisoners (README:
    escaped and recaptured inmates -> prisoners); the event still tells the two apart."""
    if frame.counted == "people" and frame.event in CUSTODY_EVENTS:
        return frame._replace(counted="prisoners")
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
        frames[i] = whole._replace(event=event)
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
# "Severin Mining's figure of 41", "far more than the roughly 40 counted on Tuesday", "not 41",
# "against the 22 that the hospital reported".
_BASELINE = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell)\s+from"
    r"|\b(?:figure|count|estimate|tally|total|toll|reckoning)\s+(?:of|at)"
    r"|\b(?:than|not|against|instead\s+of|on\s+top\s+of))"
    r"\s+(?:(?:the|its|their|his|her|own|earlier|initial|first|previous|official|original|"
    r"corrected|revised)\s+)*$"
)
_MEN = re.compile(r"\s+(?:[a-z-]+\s+)?men\b")
# A count per day is a rate, another quantity than a total ("6,000 shells a day").
_RATE = re.compile(r"\s+(?:a|per|each|every)\s+day\b(?!\s+(?:earlier|later|before|after|ago))")
_WHOSE_JOBS = re.compile(r"\s*(?:,\s*)?whose jobs\b")


# People carried out of a place in an evacuation are the evacuated (README rule 16), told by the
# verb of their carrying: "860 citizens had been flown out of the capital", "786 nationals left
# on evacuation flights", "1,200 tourists were airlifted from the island". A verb of carrying
# out alone is travel ("3,000 holidaymakers were flown out of Gatwick"): only the sentence's word
# for an evacuation ("evacuation", "evacuated", "airlift") makes it one. Carried in, or out to a
# task ("200 firefighters were flown in to help the evacuation"), they are not the evacuated.
# Home is both ways ("2,000 residents were bussed home as the evacuation order was lifted",
# "60 people were taken home from hospital"), "pulled from" the water are the rescued, "taken
# from" the bank in handcuffs the arrested, and an evacuation plan or drill is no evacuation.
_CARRIED_OUT = re.compile(
    r"\s+(?:who\s+)?(?:(?:had|have|has|were|was|are|is|been|being|now|already|safely|so\s+far)\s+)*"
    r"(?:airlifted\b|(?:flown|ferried|bussed|shipped|driven)\s+from\b"
    r"|(?:flown|ferried|bussed|shipped|driven|taken|brought|got|gotten)\s+"
    r"(?:out\s+of|out\b(?!\s+(?:to|in|on)\b)|to\s+safety)"
    r"|left\b[^,;.]{0,40}?\b(?:on|aboard|by)\s+(?:the\s+)?evacuation\s+(?:flights?|planes?|"
    r"buses|convoys?|ships?|ferries|boats|trains?))"
)
_EVACUATION = re.compile(
    r"\b(?:evacuat(?!ion\s+(?:plans?|drills?|exercises?|procedures?)\b)|airlift)"
)


# A toll or a number of animals counts them by head, as things (README rule 15), whatever befell
# them: the animal named before "toll" ("Whale toll rises to 151", "the seal death toll reached
# 40") or after "the number of" ("the number of whales that have died rose to 176"). A toll named
# by a disease, an attack or a place ("bird flu toll", "shark attack toll", "flood toll") is
# still the dead: only an animal right before "toll" makes it one of animals.
_ANIMAL_TOLL = re.compile(
    r"\b([a-z]+)\s+(?:death\s+)?toll\b|\bnumber\s+of\s+(?:(?:dead|stranded|beached)\s+)?"
    r"([a-z]+)(?:\s+([a-z]+))?"
)


# ... and so does a fate said of the animals an earlier figure counts, before a bare figure:
# "151 whales had died and 96 had been refloated" (the 96 are whales, not the dead).
_EARLIER_ANIMALS = re.compile(r"\s+(?:(?:dead|stranded|beached)\s+)?([a-z]+)(?:\s+([a-z]+))?")


def _toll_of_animals(sentence: str, low: str, lo: int, start: int, after_figure: bool) -> bool:
    earlier = _EARLIER_ANIMALS.match(low, lo, start) if after_figure else None
    for m in (earlier, *_ANIMAL_TOLL.finditer(low, max(lo, start - 120), start)):
        if m is None:
            continue
        *before, first, second = m.groups()
        group = 1 if before and before[0] else len(m.groups()) - 1
        if second and second not in FUNCTION_WORDS and second.endswith("s"):
            first, group = second, len(m.groups())  # "the number of pilot whales", not "pet owners"
        if is_animal(lemma(before[0] if before and before[0] else first)) and not _named(
            sentence, m.start(group)
        ):
            return True
    return False


def _named(sentence: str, at: int) -> bool:
    """An animal's word written with a capital inside a sentence not in title case names a unit
    or a group of people: "Navy Seal death toll rises to 5", "the number of Tigers killed"."""
    if at == 0 or not sentence[at].isupper():
        return False
    words = sentence.split()
    return sum(w[:1].isupper() for w in words) <= len(words) // 2


def _carried_out(low: str, noun_end: int, hi: int) -> bool:
    return bool(_CARRIED_OUT.match(low, noun_end, hi)) and bool(_EVACUATION.search(low))


# A bare number fired or launched: munitions ("fire up to 20,000 a day", "launched 40 overnight").
_FIRED_BEFORE = re.compile(r"\b(?:fire|fires|fired|firing|launch|launches|launched|launching)\s+$")
# A part of a whole of things: "Nine of the outdoor warning sirens", "1,950 of the Aurelia
# Star's cabins" count the things (an open noun), as "nine sirens" would.
_OF_THE = re.compile(
    r"\s+of\s+(?:the|its|their|these|those)(?:\s+[A-Z][\w'’-]*){0,3}(?:\s+[a-z][\w-]*['’]s)?(?=\s)"
)
# Times a thing was watched, played or shared are its views: "watched more than 4 million times".
_TIMES = re.compile(r"\s+times\b")
_VIEWED_BEFORE = re.compile(
    r"\b(?:watched|viewed|played|streamed|shared|downloaded)\s+"
    r"(?:(?:more than|over|about|some|nearly|almost|at least|an estimated)\s+)?$"
)
# ... or named by a place before its noun: "six Vessen Viaduct piers" count piers.
_NAMED_BEFORE_NOUN = re.compile(r"(?:\s+[A-Z][\w'’-]*){1,3}(?=\s+[a-z])")
# A bare number carried by a craft: the people aboard ("the jet carried 78, not 71").
_CARRIED_BEFORE = re.compile(
    r"\b(?:carried|carrying|carries)\s+"
    r"(?:(?:about|around|some|roughly|nearly|almost|more than|over|at least|up to|an estimated|"
    r"as many as)\s+)?$"
)
_WHOSE_BODIES = re.compile(r"\s*(?:,\s*)?whose (?:bodies|remains)\b")
_VERB_BEFORE = re.compile(  # the verbs as a trie: one path tried a position, not one a verb
    r"\b(" + trie_pattern(CASUALTY_VERBS) + r")\s+"
    r"(?:(?:a\s+further|another|an\s+additional|all)\s+)?$"
)  # "recovered the bodies of a further four villagers"
