"""What a figure counts: the counted kind, the event, the actor and the recipient.

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
from functools import cache, lru_cache

from bot.core.lexicon import (
    ACTOR_PREPOSITIONS,
    CASUALTY_KINDS,
    CASUALTY_VERBS,
    COMMODITIES,
    COUNTED,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    CUSTODY_EVENTS,
    ENTITIES,
    EVENTS,
    FUNCTION_WORDS,
    GENERAL_PEOPLE,
    GENERIC_MEASURES,
    HEAD_NOUNS,
    MATERIAL_KINDS,
    MEASURE_UNITS,
    MEASURES,
    MODIFIER_EVENTS,
    MONTH_PERIODS,
    MUNITION_EVENTS,
    MUNITION_GROUPS,
    MUNITION_SCOPES,
    PEOPLE_EVENTS,
    PEOPLE_KINDS,
    PERIODS,
    RECIPIENT_PREPOSITIONS,
    ROLE_KINDS,
    SCOPES,
    SUBGROUPS,
    UNIT_GROUPS,
    UNSENT_KINDS,
)
from bot.core.model import Figure
from bot.core.quantity import (
    _AMOUNT_WORDS,
    _NOT_NOUNS,
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
from bot.core.trie import trie_pattern


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


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    value: str
    phrase: str = ""


@cache
def _phrase_regex(table: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + trie_pattern(table) + r")(?![\w])")


_TABLE_REGEX: dict[int, tuple[dict[str, str], int, re.Pattern[str]]] = {}


def _table_regex(table: dict[str, str]) -> re.Pattern[str]:
    """`_phrase_regex` of a table, found by the table's identity (the lexicon's tables are
    constants; hashing their keys on every call cost more than the search)."""
    known = _TABLE_REGEX.get(id(table))
    if known is not None and known[0] is table and known[1] == len(table):
        return known[2]
    rx = _phrase_regex(tuple(table))
    _TABLE_REGEX[id(table)] = (table, len(table), rx)
    return rx


def find_phrases(text: str, table: dict[str, str]) -> list[Hit]:
    """Whole-phrase matches of `table`'s keys in `text` (case-insensitive), longest first."""
    low = text.lower()
    for i, scanned in enumerate(_SCANNED):
        if scanned is table:
            return list(_scan(low)[i])
    return _find_lowered(low, table)


def _find_lowered(low: str, table: dict[str, str]) -> list[Hit]:
    """`find_phrases` of a text already lower-cased."""
    return [Hit(m.start(), m.end(), table[m[0]], m[0]) for m in _table_regex(table).finditer(low)]


# The tables `frames_for` searches in every sentence (the matcher and `words.tokens` search some
# of them in the same sentences), found in one pass: `_scan(low)[i]` is `_find_lowered(low,
# _SCANNED[i])`.
_SCANNED: tuple[dict[str, str], ...] = (COUNTED, EVENTS, ENTITIES, MEASURES, PERIODS, SCOPES)
_TABLE_INDEXES = tuple(range(len(_SCANNED)))
SCAN_CACHE = 1024  # sentences whose phrases are remembered: those of the story being read


def _combined_regex(tables: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """A zero-width match at each position where a phrase of some table starts (whole words),
    with one group per table: that table's longest phrase there, or None."""
    anyone = trie_pattern({phrase for table in tables for phrase in table})
    groups = "".join(r"(?:(?=(" + trie_pattern(table) + r")(?![\w]))|)" for table in tables)
    return re.compile(r"(?<![\w])(?=(?:" + anyone + r")(?![\w]))" + groups)


_COMBINED: list[tuple[tuple[int, ...], re.Pattern[str]]] = []


def _scan_regex() -> re.Pattern[str]:
    sizes = tuple(len(table) for table in _SCANNED)
    if not _COMBINED or _COMBINED[0][0] != sizes:  # the lexicon's tables are constants
        _COMBINED[:] = [(sizes, _combined_regex(tuple(tuple(t) for t in _SCANNED)))]
    return _COMBINED[0][1]


@lru_cache(maxsize=SCAN_CACHE)
def _scan(low: str) -> tuple[list[Hit], ...]:
    """Each `_SCANNED` table's matches in `low`, as `finditer` of its own regex finds them: at
    each start the longest phrase, the next one searched for from the end of the last. The
    lists are shared by every caller of the same text: read them, never change them."""
    tables = _SCANNED
    found: tuple[list[Hit], ...] = tuple([] for _ in tables)
    ends = [0] * len(tables)
    for m in _scan_regex().finditer(low):
        at = m.start()
        phrases = m.groups()
        for i in _TABLE_INDEXES:
            phrase = phrases[i]
            if phrase is not None and at >= ends[i]:
                end = at + len(phrase)
                found[i].append(Hit(at, end, tables[i][phrase], phrase))
                ends[i] = end
    return found


def find_entities(text: str) -> list[Hit]:
    return _entities(text, text.lower())


def _entities(text: str, low: str) -> list[Hit]:
    hits = []
    for hit in _scan(low)[2]:
        if hit.phrase == "us" and text[hit.start : hit.end] != "US":  # the pronoun, not the country
            continue
        hits.append(hit)
    return hits


_CLAUSE_BREAK = re.compile(
    r";|\s[—–-]\s|\s(?:and|but)\s+that\b"
    r"|,\s+(?:while|whereas|but|although|though|compared with)\b|c(?<=\bc)ompared with\b"
)  # "c(?<=\bc)ompared": the matches of "\bcompared", found faster (no branch starts with \b)
_MAX_GAP_WORDS = 4
_PUNCTUATION = re.compile(r"[,.;:()]")  # what ends a noun phrase
_STOPS = re.compile(r"[.;:()]")  # the same, a comma allowed
_LOW_WORD = re.compile(r"[a-z']+")
_CASUALTY_GAP = re.compile(
    r"^\s*(?:of\s+(?:them|whom|those|these)\s+)?"
    r"(?:(?:have|has|had|were|was|been|being|are|is|reportedly|already|so|far|now|who|still|"
    r"feared|believed|thought|reported|remain|remained|remaining|confirmed|found|declared|"
    r"presumed|listed|officially|known|to|be|likely|probably|all)\s+)*$"
)
# Words that end the number's noun phrase: "36 after strikers blocked" does not count strikers.
_GAP_BREAK = re.compile(
    r"\b(?:after|before|when|while|because|since|following|during|until|as|than|if|in|on|at|"
    r"for|by|from|with|who|which|that)\b",
    re.I,
)
_LIST_GAP = re.compile(r"^[\s,]*(?:(?:and|or|later|then|now|rising|rose|up|down|from|to)[\s,]+)*$")


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
        verb = _VERB_BEFORE.search(low, max(0, start - 24), start)
        if verb and kind is None and noun is not None and is_animal(noun.split()[-1]):
            dead_things, verb = True, None  # "killed 1,150 seabirds": a toll of animals
        if verb and (kind is None or kind in PEOPLE_KINDS):
            kind = CASUALTY_VERBS[verb.group(1)]  # "killed 320 people"
        if kind in PEOPLE_KINDS and _WHOSE_BODIES.match(low, noun_end):
            kind = "killed"  # "12 miners whose bodies were recovered" are dead
        noun_span = (end, noun_end)
        if kind is None and noun is None and not _own_noun(sentence, end, hi):
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
        same_unit = not units or units[i] == units[i - 1]
        listed = _LIST_GAP.match(sentence[spans[i - 1][1] : start]) if i else None
        period = _nearest(_within(all_periods, lo, hi), start, end)
        scope = _nearest(_within(all_scopes, lo, hi), start, end)
        confirmed = _CONFIRMED_BEFORE.search(low, max(0, start - 30), start)
        if (
            kind is None
            and i
            and same_unit
            and (listed or is_increment(sentence, start) or _unnamed(sentence, end, hi))
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


_NAMED_PEOPLE = ROLE_KINDS | PEOPLE_KINDS
# People sent back out of a country, by a verb before them: "forced about 1,200 people back",
# "pushing migrants back", "deported 640 of them", "expelled 300".
_SENT_BACK = re.compile(
    r"\b(?:(?P<pushed>(?:forced|forcing|forces|force|pushed|pushing|pushes|push|turned|turning|"
    r"turns|turn|sent|sending|sends|send|drove|driven|driving|drives|drive|escorted|escorting|"
    r"escorts|escort|marched|marching|bused|bussed|busing|bussing|shipped|shipping|flown|flew|"
    r"flying|herded|herding|returned|returning)\s+(?:[\w,-]+\s+){0,4}?back)|deported|"
    r"deporting|deports|deport|expelled|expelling|expels|expel)\b"
)


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|are|is|be|get|got)\s+$")


def _passive(low: str, verb: tuple[str, int]) -> bool:
    """Whether the verb sending people back is in the passive, after them: "2,000 people had
    been flown back", "300 were deported"."""
    return bool(_PASSIVE_BEFORE.search(low, max(0, verb[1] - 8), verb[1]))


def sent_back_in(low: str, lo: int = 0, hi: int | None = None) -> tuple[str, int] | None:
    """The event and place of a verb sending people back out of a country in `low[lo:hi]`:
    "pushed_back" ("forced about 1,200 people back"), "deported" ("deported 640 of them")."""
    m = _SENT_BACK.search(low, lo, len(low) if hi is None else hi)
    if m is None:
        return None
    return ("pushed_back" if m.group("pushed") else "deported"), m.start()


_FREE_EVENTS = PEOPLE_EVENTS - CUSTODY_EVENTS  # what befalls people, but prisoners may escape
# An amount given to the cent, with no scale word ("€29.99", "$5.82"): the price of one thing.
# Totals (a cost of damage, a fine, an appeal) are given in round thousands or millions.
_CENTS = re.compile(r"(?<![\d,.])\d{1,4}\.\d\d$")
CURRENCY_CODES: frozenset[str] = frozenset(CURRENCY_PREFIX.values()) | frozenset(
    CURRENCY_WORDS.values()
)


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


_MONTH = re.compile(r"\b(?:" + "|".join(MONTH_PERIODS) + r")\b")
_ANY_MONTH = re.compile("|".join(MONTH_PERIODS))  # plain words: a quick test that none is there


def find_periods(text: str) -> list[Hit]:
    """Periods named in `text` ("January", "from the previous month"), in order."""
    return _periods(text, text.lower())


def _periods(text: str, low: str) -> list[Hit]:
    months = _months(text)
    if not months:
        return list(_scan(low)[4])  # already in order
    return sorted([*_scan(low)[4], *months], key=lambda h: h.start)


# A month that is a point in time, not the period a figure is for: a date ("31 October",
# "October 31") or the start or end of a span ("since late July", "until March").
_DATE_BEFORE = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?|\b(?:since|until|till|by|before|after)\s+"
    r"(?:(?:early|mid|late|mid-)\s*)?)$",
    re.I,
)
_DATE_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?\b")


def _months(sentence: str) -> list[Hit]:
    if _ANY_MONTH.search(sentence) is None:
        return []
    return [
        Hit(m.start(), m.end(), MONTH_PERIODS[m.group(0)], m.group(0))
        for m in _MONTH.finditer(sentence)
        if not _DATE_BEFORE.search(sentence, max(0, m.start() - 24), m.start())
        and not _DATE_AFTER.match(sentence, m.end())
    ]


def _nearest(hits: list[Hit], start: int, end: int) -> str | None:
    def distance(hit: Hit) -> int:
        return start - hit.end if hit.end <= start else hit.start - end

    return min(hits, key=distance).value if hits else None


def _measure(
    sentence: str, measures: list[Hit], lo: int, hi: int, start: int, end: int
) -> str | None:
    """What an amount or a percentage measures: a measure word in the figure's own window, else
    one earlier in its clause with no comma in between ("the deficit to reach €22bn")."""
    own = [h for h in _within(measures, lo, hi) if not start <= h.start < end]
    specific = [h for h in own if h.value not in GENERIC_MEASURES]
    if own:
        return _nearest(specific or own, start, end)
    earlier = [h for h in measures if h.end <= start and "," not in sentence[h.end : start]]
    return earlier[-1].value if earlier else None


_OF_THE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?")


def _share_of(low: str, counted: list[Hit], end: int, hi: int) -> str | None:
    """ "27% of the survivors": a percentage of a counted group, with nothing else saying what
    it measures, measures a share of that group ("share_people")."""
    m = _OF_THE.match(low, end, hi)
    if m is None:
        return None
    hit = next((h for h in counted if h.start == m.end()), None)
    return f"share_{hit.value}" if hit else None


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


_THAN = re.compile(r"\s+than\b")


def _comparative(low: str, hit: Hit) -> bool:
    """ "far more than the 10,000 it reported": a comparison, not the modifier of "30,000 more
    troops" (an event word that is a modifier, followed by "than")."""
    return hit.phrase in MODIFIER_EVENTS and bool(_THAN.match(low, hit.end))


_MODIFIER_VALUES = frozenset(EVENTS[m] for m in MODIFIER_EVENTS if m in EVENTS)
# Verbs of a diagnosis just before a number of people: the cases are confirmed ones.
_CONFIRMED_BEFORE = re.compile(
    r"\b(?:confirmed|diagnosed|verified)\s+(?:(?:another|a further|an additional)\s+)?$"
)
_WHOSE_BODIES = re.compile(r"\s*(?:,\s*)?whose (?:bodies|remains)\b")
_VERB_BEFORE = re.compile(r"\b(" + "|".join(CASUALTY_VERBS) + r")\s+$")
_INCREMENT = re.compile(r"\b(?:a further|another|an additional|an extra|a fresh)\s+$", re.I)
REACH = 300


_PARTITIVE = re.compile(
    r"\b(?:rest|remainder|balance|bulk|majority|most|half|all|some|many|none|each|one|two|three|"
    r"\d+%?)\s+of\s+(?:the|its|their|those|these)\s+"
    r"(?:(?:about|around|some|roughly|approximately|nearly|almost|estimated|reported)\s+)?$",
    re.I,
)


def is_partitive(sentence: str, start: int) -> bool:
    """ "the rest of the roughly 4,000 casualties were wounded": a total named as the whole a
    part is taken from, already known, not stated anew."""
    return bool(_PARTITIVE.search(sentence, max(0, start - 60), start))


# What a thing could hold, not what happened: "can carry up to 600 passengers and 150 cars".
_CAPACITY = re.compile(
    r"\b(?:can|could|is able to|are able to|designed to|built to|licensed to|certified to)\s+"
    r"(?:carry|hold|seat|accommodate|take|transport|house|host|serve|treat|handle|process)\b"
    r"[^.;:]*$"
    r"|\bcapacity\s+(?:of|for)\s+(?:up to\s+|about\s+|some\s+)?$",
    re.I,
)


# How many a poll or a study asked: its method, not a quantity of the news ("a survey of 1,204
# people", "2,000 adults were polled", "1,500 respondents").
_SAMPLE_BEFORE = re.compile(
    r"\b(?:survey|poll|opinion poll|sample|study|questionnaire|panel|focus group)s?\s+"
    r"(?:of|among|with|questioning|asking|interviewing)\s+"
    r"(?:(?:about|around|some|roughly|nearly|almost|more than|over|just over|just under)\s+)?$",
    re.I,
)
_SAMPLE_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+){0,3}?(?:respondents\b|(?:(?:were|was|had been|being)\s+)?"
    r"(?:surveyed|polled|questioned|interviewed|sampled)\b)",
    re.I,
)


def is_sample(sentence: str, start: int, end: int) -> bool:
    """ "a survey of 1,204 people": the size of a poll's sample, which no story's claim counts."""
    return bool(
        _SAMPLE_BEFORE.search(sentence, max(0, start - 60), start)
        or _SAMPLE_AFTER.match(sentence[end : end + 60])
    )


_POLL = re.compile(r"\b(?:survey|surveys|poll|polls|polled|pollster|pollsters|questioned)\b", re.I)


def is_poll_share(sentence: str, figure_unit: str) -> bool:
    """A percentage in a sentence reporting a survey or a poll ("58% of adults would vote for
    ..., according to a survey"): what people answered, not a figure of the event."""
    return figure_unit == "percent" and bool(_POLL.search(sentence))


def is_capacity(sentence: str, start: int) -> bool:
    """ "The ferry can carry up to 600 passengers and 150 cars": a capacity, no event."""
    return bool(_CAPACITY.search(sentence, max(0, start - 80), start))


def is_increment(sentence: str, start: int) -> bool:
    """ "a further 4,000": a figure that adds to an earlier one."""
    return bool(
        _INCREMENT.search(sentence, max(0, start - 20), start)
    )  # characters around a figure that can say what it counts


def _within(hits: list[Hit], lo: int, hi: int) -> list[Hit]:
    """The hits starting in [lo, hi) (hits are sorted by start)."""
    if not hits:
        return []
    if lo <= hits[0].start and hits[-1].start < hi:
        return hits[:]  # the whole sentence's hits, most often: a short sentence is one clause
    first = bisect_left(hits, lo, key=lambda h: h.start)
    last = bisect_left(hits, hi, key=lambda h: h.start)
    return hits[first:last]


def _words(text: str) -> int:
    return len(text.split())


def _counted_after(sentence: str, counted: list[Hit], end: int, hi: int) -> tuple[str | None, int]:
    """The counted noun after the number, with a casualty cue overriding a people noun."""
    first: Hit | None = None
    for hit in counted:
        if hit.start < end or hit.start >= hi:
            continue
        gap = sentence[end : hit.start]
        if hit.value in ROLE_KINDS and _CASUALTY_GAP.match(gap):
            first = hit
            break
        if (
            _words(gap) <= _MAX_GAP_WORDS
            and not _PUNCTUATION.search(gap)
            and not _GAP_BREAK.search(gap)
        ):
            first = hit
            break
        return None, end
    if first is None:
        return None, end
    if first.value in PEOPLE_KINDS:
        for hit in counted:
            if (
                hit.start >= first.end
                and hit.start < hi
                and hit.value in ROLE_KINDS
                and _role_gap(sentence[first.end : hit.start])
            ):
                return hit.value, hit.end
    return first.value, first.end


# Where the people live or come from, between them and what happened to them: "3,500 residents
# of Alba and Torre have been evacuated", "40 workers at the depot were injured".
_POST_MODIFIER = re.compile(
    r"^\s*(?:of|from|in|at|near|around|across|along|on)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+(?:and\s+|or\s+)?){1,4}?(?=(?:have|has|had|were|was|are|been|being)\b)",
    re.I,
)


def _kind_event(
    kind: str | None, event: str | None, sentence: str, counted: list[Hit], noun_end: int, hi: int
) -> str | None:
    """What the counted kind makes of the event word found near the number."""
    if kind == "prisoners" and event in CUSTODY_EVENTS:
        return event  # "40 prisoners escaped": got away, not taken; two quantities of prisoners
    if kind in CASUALTY_KINDS or (kind == "units" and _suffered(sentence, counted, noun_end, hi)):
        return "casualties"  # "4,000 killed"; "40,000 cattle, sheep and goats have died"
    if kind in UNSENT_KINDS:
        return None  # a turnout or an area is never sent: "the plan to raise" is another's
    if kind in MATERIAL_KINDS and event == "sent":
        return "supplied"
    return event


def _suffered(sentence: str, counted: list[Hit], noun_end: int, hi: int) -> bool:
    """Things or animals a toll befell: a casualty word after their noun in the same phrase
    ("40,000 cattle, sheep and goats have died"), so that the toll is its own quantity."""
    for hit in counted:
        if hit.start < noun_end or hit.start >= hi or hit.value not in CASUALTY_KINDS:
            continue
        gap = sentence[noun_end : hit.start]
        return (
            _words(gap) <= 2 * _MAX_GAP_WORDS
            and not _STOPS.search(gap)
            and not _GAP_BREAK.search(gap)
        )
    return False


# The same, set off by commas: "900 residents, from the streets south of the ring road, had".
_ASIDE = re.compile(
    r"^\s*,\s*(?:of|from|in|at|near|around|across|along|on)\s[^,.;:()]{1,80},\s*", re.I
)


def _role_gap(gap: str) -> bool:
    """Words between a people noun and a role ("were", "have been", "of them"), after at most
    a short phrase saying where the people are from."""
    if _CASUALTY_GAP.match(gap):
        return True
    aside = _ASIDE.match(gap)  # "900 residents, from the streets of ..., had been moved out"
    if aside is not None:
        return bool(_CASUALTY_GAP.match(gap[aside.end() :]))
    modifier = _POST_MODIFIER.match(gap)
    return modifier is not None and bool(_CASUALTY_GAP.match(gap[modifier.end() :]))


def _group(
    counted: list[Hit], span: tuple[int, int], kind: str | None, event: str | None
) -> str | None:
    """Which people a figure counts, when they are a group of their own: a trade, whatever
    happened to it ("1,200 firefighters", "12 officers were injured"); for a plain count of
    people with no event, the noun that names them ("60 passengers", "12 miners"), unless it
    is just the people of the place ("people", "residents"). An event says which people
    already ("30 miners trapped" and "30 people trapped" are one quantity)."""
    start, end = span
    if kind in ("units", "shells"):  # "7,500 bags" and "420 flights" are two quantities
        items = [h for h in counted if start <= h.start < end and h.value == kind]
        groups = UNIT_GROUPS if kind == "units" else MUNITION_GROUPS
        return groups.get(items[0].phrase) if items else None
    if kind == "protesters":
        return None  # a turnout is one quantity, whoever walked out ("nurses", "staff")
    for hit in counted:
        if start <= hit.start < end and hit.value == "troops" and kind in CASUALTY_KINDS:
            return "troops"  # "killing 200 soldiers": a toll of soldiers, not of the city
        if not start <= hit.start < end or hit.value != "people":
            continue
        if hit.phrase in SUBGROUPS:
            return SUBGROUPS[hit.phrase]
        if kind == "people" and event is None and hit.phrase not in GENERAL_PEOPLE:
            return hit.phrase
        return None
    return None


_MEMBERS = re.compile(r"\s+of\s+(?:its|their)\s+(?:own\s+)?members\b")
_GUILD = re.compile(
    r"\b((?:[A-Z][\w'’-]*\s+){1,4})(?:Union|Association|Federation|Guild|Society|Syndicate)\b"
)


def _members(sentence: str, end: int, kind: str | None) -> str | None:
    """A body of a trade counts its members as that trade: "the Prison Officers' Union said 20
    of its members were hurt" counts prison officers, as "20 prison officers were hurt" would."""
    if kind not in _NAMED_PEOPLE or not _MEMBERS.match(sentence, end):
        return None
    for name in _GUILD.finditer(sentence):
        groups = find_phrases(name.group(1).replace("’", "'").replace("'", " "), SUBGROUPS)
        if groups:
            return groups[0].value
    return None


_PLURAL_AFTER = re.compile(r"\s+([a-z]{3,}s)\b")


def _own_noun(sentence: str, end: int, hi: int) -> bool:
    """A figure followed by a plural noun that counts nothing we know ("from four villages",
    "17 goals") counts that noun, not a counted word earlier in the sentence."""
    m = _PLURAL_AFTER.match(sentence, end, hi)
    if m is None:
        return False
    word = m.group(1)
    return not (word in _NOT_NOUNS or word.endswith(("ss", "us", "is")) or word in COUNTED)


# Verbs of things made, sold, shipped, recalled or damaged: what they count are items (units),
# whatever the item ("450,000 space heaters", "3,000 phone chargers").
_ITEM_VERBS = re.compile(
    r"\b(?:recall|recalls|recalled|recalling|sold|sells|selling|shipped|ships|shipping|"
    r"produced|produces|manufactured|installed|fitted|delivered|ordered|returned|replaced|"
    r"repaired|damaged|destroyed|affected|covered|covers|stolen|seized|built)\b",
    re.I,
)
_ITEM_AFTER = re.compile(r"(?:\s+[A-Za-z][\w'-]*){0,2}?\s+([a-z][a-z-]{2,}s)\b")
_ITEM_VERB_BEFORE = re.compile(
    _ITEM_VERBS.pattern + r"\s+(?:(?:about|around|some|roughly|nearly|almost|more than|over|"
    r"at least|up to|another|a further|an additional|an estimated)\s+)?$",
    re.I,
)
_ITEM_VERB_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is|have|has|had|been|being|already|also)\s+)*" + _ITEM_VERBS.pattern,
    re.I,
)


def _items(sentence: str, start: int, end: int, hi: int) -> bool:
    """Things made, sold, shipped, recalled or damaged, whatever they are: the verb just
    before the number ("recalling about 450,000 space heaters") or just after its noun ("1
    million Kora heaters were affected")."""
    noun_end = _item_noun(sentence, end, hi)
    if noun_end is None:
        return False
    if _ITEM_VERB_BEFORE.search(sentence, max(0, start - 40), start):
        return True
    return bool(_ITEM_VERB_AFTER.match(sentence, noun_end))


def _item_noun(sentence: str, end: int, hi: int) -> int | None:
    """Where a plural noun within three words of the number ends ("450,000 space heaters",
    "1 million Kora heaters"), when it is not a unit of measure or a word counted otherwise."""
    m = _ITEM_AFTER.match(sentence, end, hi)
    if m is None or _PUNCTUATION.search(sentence[end : m.start(1)]):
        return None
    word = m.group(1)
    if (
        word in _NOT_NOUNS
        or word.endswith(("ss", "us", "is"))
        or word in COUNTED
        or word in MEASURE_UNITS
        or word in _AMOUNT_WORDS
        or word in FUNCTION_WORDS
    ):
        return None
    return m.end(1)


# Tallies of choices or scores and counts of acts, not things: README maps "17 goals" and
# votes to no kind; "52 reports of overheating" count what people did, not what they hold.
TALLIES = frozenset(
    {"vote", "ballot cast", "goal", "point", "seat", "run", "wicket", "mark", "signature"}
    | {"report", "complaint", "incident", "call", "request", "attempt", "claim"}
    | {"visit", "trip", "journey", "step", "message", "post", "view", "click", "search", "try"}
)


KNOWN_GROUPS = frozenset(UNIT_GROUPS.values())


def is_open(figure: Figure) -> bool:
    """Whether a figure counts a thing the lexicon does not know, told only by its noun
    (`open_noun`): "12 guards", "1.8 million copies"."""
    return (
        figure.unit == "count"
        and figure.counted == "units"
        and figure.scope is not None
        and figure.scope not in KNOWN_GROUPS
    )


TALLY_UNITS = frozenset({"votes", "seats"})
_HEDGE_WORDS = frozenset(
    {"about", "around", "some", "roughly", "nearly", "almost", "over", "under", "up", "at"}
    | {"more", "fewer", "less", "between", "approximately", "only", "just", "exactly"}
)
_PROPER = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?\b")
_NOT_WINNERS = frozenset(
    {"The", "A", "An", "It", "He", "She", "They", "His", "Her", "Its", "Their", "President"}
    | {"Prime", "Minister", "Former", "Leader", "Opposition", "Mr", "Mrs", "Ms", "Dr"}
    | {"January", "February", "March", "April", "May", "June", "July", "August", "September"}
    | {"October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday"}
    | {"Friday", "Saturday", "Sunday"}
)


def _winner(
    sentence: str, clause_lo: int, start: int, excluded: Sequence[tuple[int, int]]
) -> str | None:
    """Whose votes or seats a tally counts: the nearest name before it in its clause ("Anton
    Velisar won 2,841,306 votes", "gave Korvath 2,602,115 votes"), not the speaker's; None
    when the clause names nobody (precision first: one candidate's votes are not another's)."""
    names = [
        m
        for m in _PROPER.finditer(sentence, clause_lo, start)
        if m.group(0).removesuffix("'s").removesuffix("’s") not in _NOT_WINNERS
        and m.group(0).lower() not in FUNCTION_WORDS
        and m.group(0).lower() not in _HEDGE_WORDS
        and not any(s <= m.start() < e for s, e in excluded)
    ]
    if not names:
        return None
    return names[-1].group(0).lower().removesuffix("'s").removesuffix("’s")


_COMMODITY = re.compile(r"\b(" + "|".join(sorted(COMMODITIES, key=len, reverse=True)) + r")\b")


def _commodity(low: str, lo: int, start: int) -> str | None:
    """What a weight without an "of" phrase measures: the goods named earlier in its clause
    ("the grain harvest would come in at about 1.8 million tonnes")."""
    found = list(_COMMODITY.finditer(low, lo, start))
    return found[-1].group(1) if found else None


_PROTEST = re.compile(
    r"\b(?:march|marches|marched|marching|protest|protests|protested|protesting|rally|rallies|"
    r"rallied|demonstration|demonstrations|demonstrated|turnout|sit-ins?|took to the streets)\b"
)
_SHOW = re.compile(  # a crowd at a match, a concert or a festival is people, not protesters
    r"\b(?:match|game|stadium|league|fans|concert|festival|goal|season|club|cup|final|race)\b",
    re.I,
)
_GENERIC_PEOPLE = re.compile(
    r"\b(?:people|persons|citizens|participants|attendees|workers|employees|staff|members|"
    r"crowds?)\b",
    re.I,
)
_ACTION = re.compile(  # what protesters and strikers do
    r"\s+(?:(?:have|had|has|were|are|was|is|remained|remain|stayed|reportedly|also|then|now|"
    r"already|all)\s+)*"
    r"(?:walked out|walk out|went on strike|on strike|stopped work|downed tools|"
    r"took to the streets|"
    r"(?:joined|join|took part|taken part|take part|participated|turned out)(?P<object>[^,.;]*))",
    re.I,
)
_PROTEST_OBJECT = re.compile(
    r"\b(?:strikes?|walkouts?|march|marches|protests?|rall(?:y|ies)|demonstrations?|sit-ins?|"
    r"pickets?|stoppages?)\b",
    re.I,
)


def _crowd(
    sentence: str, counted: list[Hit], span: tuple[int, int], clause: tuple[int, int]
) -> bool:
    """People counted as a crowd of protesters or strikers: a generic people noun ("people",
    "workers", "the crowd") that walked out, joined a strike or a march (or "took part" in
    nothing named), or sits in a clause about a protest; a crowd anywhere but at a show."""
    start, noun_end = span
    lo, hi = clause
    if noun_end > start:  # the noun after the number ("200,000 people")
        nouns = [h for h in counted if h.end == noun_end]
    else:  # the noun before it ("the crowd at about 40,000")
        nouns = [h for h in counted if h.end <= start and h.start >= lo][-1:]
    nouns = [h for h in nouns if h.value == "people"]
    if not nouns:
        return False
    generic = bool(_GENERIC_PEOPLE.fullmatch(nouns[0].phrase))
    action = _ACTION.match(sentence, nouns[0].end)
    if action:  # any people who walked out or joined a strike are strikers ("9,500 nurses")
        thing = action.group("object")
        if thing is None:
            return True
        return generic if not thing.strip() else bool(_PROTEST_OBJECT.search(thing))
    if not generic:
        return False
    if _PROTEST.search(sentence, lo, hi):
        return True
    crowd = any(h.phrase.startswith("crowd") for h in nouns)
    return crowd and not _SHOW.search(sentence, lo, hi)


_PROTEST_BEFORE = re.compile(
    r"\b(?:march|marches|protest|protests|rally|rallies|demonstration|demonstrations|"
    r"turnout)(?:\s+(?:estimate|figure|count|size|tally))?\s+(?:at|to|of|as)\s+"
    r"(?:(?:about|around|some|roughly|nearly|almost|more than|over|up to|at least|less than|"
    r"fewer than|between|as many as)\s+)?$",
    re.I,
)
_PROTEST_AFTER = re.compile(
    r"\s+(?:at|in|on|joined|attended)\s+(?:the\s+|a\s+|[A-Z]\w*['’]s\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:march|marches|protest|protests|rally|rallies|demonstration|"
    r"demonstrations)\b",
    re.I,
)


def _sized_protest(sentence: str, lo: int, start: int, end: int, hi: int) -> bool:
    """A bare number given as the size of a march or a rally: "police put the march at about
    40,000", "the organisers' march estimate to 250,000", "about 40,000 at the pension march".
    """
    before = _PROTEST_BEFORE.search(sentence, max(lo, start - 60), start)
    if before and not _SHOW.search(sentence, before.start(), start):
        return True
    return bool(_PROTEST_AFTER.match(sentence, end, hi))


def _after_item(sentence: str, end: int, hi: int) -> int:
    """Where the noun after a number ends, for a noun we do not count ("8,000 dockers"), else
    the number's own end."""
    noun_end = _item_noun(sentence, end, hi)
    return end if noun_end is None else noun_end


def _befell(sentence: str, events: list[Hit], end: int, hi: int) -> bool:
    """A bare number followed by what befalls only people ("61,000 stranded", "300 had been
    on board")."""
    for hit in events:
        if hit.start < end or hit.start >= hi:
            continue
        return hit.value in PEOPLE_EVENTS and bool(_CASUALTY_GAP.match(sentence[end : hit.start]))
    return False


def _walked_out(sentence: str, end: int) -> bool:
    """A bare number that walked out, or joined (took part in) a strike or a march."""
    action = _ACTION.match(sentence, end)
    if action is None:
        return False
    thing = action.group("object")
    return thing is None or bool(_PROTEST_OBJECT.search(thing))


def _counted_before(sentence: str, counted: list[Hit], lo: int, start: int) -> str | None:
    before = [h for h in counted if h.end <= start and h.start >= lo]
    if not before:
        return None
    hit = before[-1]
    gap = sentence[hit.end : start]
    if _words(gap) <= 6 and not _STOPS.search(gap):
        return hit.value
    if _words(gap) <= HEAD_REACH and not _PUNCTUATION.search(gap) and _is_head(sentence, hit):
        return hit.value  # "the death toll from Sunday's earthquake ... rose to 410"
    return None


_NUMBER_OF = re.compile(r"\bnumber of\b", re.I)


def _head_end(sentence: str, lo: int, start: int) -> int:
    """Where the last "number of" before the figure ends (the noun phrase it heads starts)."""
    heads = list(_NUMBER_OF.finditer(sentence, lo, start))
    return heads[-1].end() if heads else lo


def _counted_by_head(
    sentence: str, counted: list[Hit], lo: int, start: int
) -> tuple[str | None, int]:
    """ "the number of police officers injured in scuffles ... had risen to 19": the noun phrase
    after "the number of" says what the figure counts, however far the figure comes."""
    heads = list(_NUMBER_OF.finditer(sentence, lo, start))
    if not heads:
        return None, start
    head = heads[-1]
    gap = sentence[head.end() : start]
    if _words(gap) > HEAD_REACH + 2 or _PUNCTUATION.search(gap):
        return None, start
    return _counted_after(sentence, counted, head.end(), start)


HEAD_REACH = 12  # words between a head noun ("the death toll") and its figure


def _is_head(sentence: str, hit: Hit) -> bool:
    low = sentence.lower()
    return hit.phrase in HEAD_NOUNS or any(
        low[max(0, hit.start - len(head) - 1) : hit.start].strip() == head for head in HEAD_NOUNS
    )


_WORD_AFTER = re.compile(r"\s*([A-Za-z][\w'-]*)")


def _unnamed(sentence: str, end: int, hi: int) -> bool:
    """A figure with no noun of its own ("the government's figure of 587 too high", "the
    corrected 21,000 for January"): followed by punctuation or a function word, it speaks of
    the quantity an earlier figure of the sentence counted."""
    m = _WORD_AFTER.match(sentence, end, hi)
    return m is None or m.group(1).lower() in FUNCTION_WORDS


def _event(
    events: list[Hit],
    lo: int,
    hi: int,
    clause_lo: int,
    start: int,
    end: int,
    follows: int | None = None,
) -> str | None:
    """The event of the figure at `start`-`end`: the nearest verb around it in its reach
    (`lo`-`hi`), else a modifier, else the last verb earlier in its clause. A verb just before
    the next figure (at `follows`) is that figure's own ("fired 38 missiles and 126 drones, and
    had shot down 31": shot down is the 31's, the drones were fired)."""

    def distance(hit: Hit) -> int:
        return start - hit.end if hit.end <= start else hit.start - end

    inside = [
        h
        for h in events
        if lo <= h.start
        and h.end <= hi
        and not start <= h.start < end
        and not (follows is not None and h.start >= end and follows - h.end <= _OWN_VERB_GAP)
    ]
    verbs = [h for h in inside if _is_verb(h)]
    if verbs:
        return min(verbs, key=distance).value
    earlier = [h for h in events if clause_lo <= h.start and h.end <= lo and _is_verb(h)]
    modifiers = [h for h in inside if not _is_verb(h) and _modifies(h, start, end)]
    if modifiers:
        return min(modifiers, key=distance).value
    if earlier:
        return earlier[-1].value
    return None


_OWN_VERB_GAP = 2  # characters between a verb and the number it takes as its object: "down 31"
# Modifiers saying a number is on top of another ("30,000 more troops", "an additional 4,000"):
# they modify a number next to them, not one a clause away ("..., and more were expected").
_ADDED = frozenset({"more", "additional", "extra", "further", "fresh"})


def _modifies(hit: Hit, start: int, end: int) -> bool:
    if hit.phrase not in _ADDED:
        return True
    return 0 <= hit.start - end <= _OWN_VERB_GAP or 0 <= start - hit.end <= _OWN_VERB_GAP


def _is_verb(hit: Hit) -> bool:
    return hit.phrase not in MODIFIER_EVENTS


def _parties(
    sentence: str,
    entities: list[Hit],
    clause: tuple[int, int],
    window: tuple[int, int],
    start: int,
    noun_end: int,
) -> tuple[str | None, str | None]:
    """(actor, recipient) among the clause's entities; "by X" only in the figure's window."""
    low = sentence  # _preposition_before lowers its own window
    lo, hi = clause
    inside = [h for h in entities if lo <= h.start < hi and start < h.start < noun_end]
    actor: str | None = inside[-1].value if inside else None  # "11,000 North Korean troops"
    after: list[str] = []
    before: list[str] = []
    doers: list[str] = []  # "by X", "from X"
    subjects: list[str] = []  # entities before the number without a preposition
    for hit in entities:
        if not lo <= hit.start < hi or start <= hit.start < noun_end:
            continue
        prep = _preposition_before(low, hit.start)
        if prep in RECIPIENT_PREPOSITIONS:
            (after if hit.start > start else before).append(hit.value)
        elif prep in ACTOR_PREPOSITIONS:
            if window[0] <= hit.start < window[1]:
                doers.append(hit.value)
        elif hit.start < start:
            subjects.append(hit.value)
    if actor is None:
        actor = doers[0] if doers else (subjects[-1] if subjects else None)
    recipient = after[0] if after else (before[-1] if before else None)
    if actor is not None and actor == recipient:
        recipient = None
    return actor, recipient


def _preposition_before(low: str, pos: int) -> str:
    words = _LOW_WORD.findall(low[max(0, pos - 30) : pos].lower())
    if words and words[-1] == "the":
        words.pop()
    return words[-1] if words else ""
