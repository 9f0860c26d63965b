"""Figures in a sentence: numbers that are counts (or percentages, or money), as intervals.

The pipeline is a row of small rules: find vague quantities ("tens of thousands") and numbers;
drop numbers that are not counts (years, dates, times, ages, calibres, model numbers, ordinals,
phone numbers, identifiers); join ranges ("25,000 to 30,000"); read the hedge ("up to", "some");
turn each into an interval; then ask `frames.frames_for` what each one counts.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from bot.core.attribution import attribution_span
from bot.core.cues import last_words
from bot.core.enum_members import ABOUT as _ABOUT
from bot.core.enum_members import ALMOST as _ALMOST
from bot.core.enum_members import AT_LEAST as _AT_LEAST
from bot.core.enum_members import EXACT as _EXACT
from bot.core.enum_members import FEWER_THAN as _FEWER_THAN
from bot.core.enum_members import RANGE as _RANGE
from bot.core.enum_members import UP_TO as _UP_TO
from bot.core.enum_members import VAGUE as _VAGUE
from bot.core.frames import frames_for
from bot.core.lexicon import (
    COUNTED,
    CURRENCY_CODES,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    FUNCTION_WORDS,
    IDENTIFIER_WORDS,
    MEASURE_UNITS,
    MONTHS,
    PARTICLE_UP_VERBS,
    PLACE_LABELS,
    PREFIX_HEDGES,
    SUFFIX_HEDGES,
    VAGUE_PHRASES,
)
from bot.core.model import Figure, Hedge
from bot.core.numbers import Number, find_numbers, has_digit, may_hold_number
from bot.core.traps import is_month, not_a_count, topical_preposition
from bot.core.trie import first_char_guard, trie_pattern

log = logging.getLogger(__name__)

ROUND_TOLERANCE = 0.02
ABOUT_TOLERANCE = 0.10
ALMOST_FLOOR = 0.95

_NOT_COUNT_SPANS = re.compile(  # each needs a digit: only searched in a text with one
    r"(?=[\d+(]|age)(?:"  # where one of these can start: a digit, "+", "(", "aged"/"ages"
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # 2025-07-02
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 02/07/2025
    r"|\b\d{1,2}/\d{1,2}\b"  # 7/2
    r"|\b\d{1,2}(?::\d{2}){1,2}\b"  # 10:30, 2:06:41
    r"|\+\d[\d\s().-]{6,}\d"  # +7 495 123-45-67
    r"|\(\d{2,4}\)\s?\d{3}[\s.-]\d{4}"  # (555) 123-4567
    r"|\b(?:\d{1,3}-)?\d{2,4}-\d{2,4}-\d{2,5}\b"  # 555-123-4567, 1-800-555-0147
    r"|(?<!\d[ ,.\u00a0\u202f\u2009])\b0\d{2,4}[ ]\d{3}[ ]\d{3,4}\b"  # 0800 555 0192
    r"|\b(?:19|20)\d{2}[-–/]\d{2}\b"  # 2025-26 (a season)
    # a score, "beat Japan 2-1": a pair of small numbers that does not rise (a range rises)
    r"|(?<![\d,.])(?:[1-9][-–]0|[2-9][-–]1|[3-9][-–]2|[4-9][-–]3|[5-9][-–]4|([0-9])[-–]\1)"
    r"(?![\d,.]*\d)"
    r"|\b(?:aged|ages)\s+(?:between\s+|from\s+)?\d+\s*(?:to|and|-|–)\s*\d+"  # aged 18 to 81
    r"|\bage\s+(?:from|between)\s+\d+\s*(?:to|and|-|–)\s*\d+"  # the pension age from 62 to 64
    r"|\b\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?\b"  # 198.51.100.23, 198.51.100.0/24: an address
    r"|\b\d{1,2}\.\d{1,2}\.\d{1,2}\b"  # 2.14.1: a version
    r")"
)
# What each `_NOT_COUNT_SPANS` branch needs besides digits: a mark ("-", "/", ":", "+", "(",
# "aged"), or digits around a dot or between spaces ("02.07.2025", "0800 555 0192"). A text with
# none of them (most, once the digits are found) holds no such span and the regex need not run.
_NOT_COUNT_MARKS = ("-", "–", "/", ":", "+", "(", "age")
_NOT_COUNT_DIGITS = re.compile(r"\d\.\d|\d \d{3} \d")


def _may_block(sentence: str) -> bool:
    """False when `_NOT_COUNT_SPANS` certainly finds nothing in `sentence` (one with a digit)."""
    return any(mark in sentence for mark in _NOT_COUNT_MARKS) or bool(
        _NOT_COUNT_DIGITS.search(sentence)
    )


_SUFFIX = re.compile(
    r"\s?("
    + "|".join(re.escape(k) for k in sorted(SUFFIX_HEDGES, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
_GLUED_AFTER = re.compile(
    r"(?:st|nd|rd|th|s)\b|[A-Za-z]"
    r"|-(?:[a-z]+-)?(?:year|month|week|day|hour|minute|second|mm|cm|km|kg|inch|metre|meter|mile"
    r"|kilometre|kilometer|foot|storey|story|floor|degree|watt|megawatt|kilowatt|gigawatt|volt"
    r"|kilovolt|magnitude|fold|tonne|ton)"  # "a 58,000-tonne bulk carrier": a ship's size
    r"|-\s+(?:to|and|or)\s+[\w.,]+-[a-z]"  # "25- to 34-year-olds": half a shared compound
)
_GLUED_BEFORE = re.compile(r"[A-Za-z]-?$|[#№]$")
_PERCENT_AFTER = re.compile(r"^\s?(?:%|percent\b|per cent\b|pc\b|percentage points?\b)")
_RANGE_JOIN = re.compile(
    r"^\s*(?:%|percent|per cent)?\s*(?:[-–]\s*(?:to|and)|to|and|[-–—]|or)\s*(?:some\s+|about\s+)?"
    r"(?:US\$|\$|€|£)?$",
    re.IGNORECASE,
)
_THOUSANDS_TAIL = re.compile(r"[,\u00a0\u202f\u2009 ]000$")  # "25-30,000": the 25 is 25,000
_PROPER_BEFORE = re.compile(r"(?<=\S)\s+([A-Z][a-z]+)\s$")  # "... Ranger 300": a model name
# "BW 1182": a flight code (not a country, nor a word of an all-capitals headline)
_CODE_BEFORE = re.compile(r"(?<![\w.])([A-Z]{2,4})\s(?:\d{2,5}\s)?$")
# "NV 4471 2290": a grid reference's second group is the code's too; "ATR 72", "COP 28": a model,
# an event. Not a currency ("DKK 900"), nor a word of an all-capitals headline ("OVER 300").
_NOT_CODES = frozenset({"us", "uk", "eu", "un"})
# "Leona Park, 52, said": an age in apposition to a name; "children under five": an age bound
_AGE_APPOSITION = re.compile(
    r"(?:[A-Z][a-z]+|\b(?:boy|girl|man|woman|son|daughter|mother|father|wife|husband|"
    r"teenager|pensioner)),\s$"  # "Girl, 8, and boy, 10, die": a person's age in apposition
)
_AGE_AFTER = re.compile(r",|\s+(?:said|says|told|who|from|of|and)\b|\.?$")
_AGE_BOUND = re.compile(
    r"\b(?:children|child|kids|infants|babies|boys|girls|minors|pupils)\s+"
    r"(?:aged\s+)?(?:under|below|over|above)\s+(?:the\s+age\s+of\s+)?$"
    # "aged" says the number after it is an age, whatever bound comes between: "most of them
    # aged over 70", "those aged about 30", "aged at least 65"
    r"|\baged\s+(?:(?:under|below|over|above|about|around|roughly|nearly|almost|at\s+least|"
    r"more\s+than|less\s+than|up\s+to)\s+)?$"
    r"|\bage\s+(?:of|from|to|at)\s+$",  # "up to the age of 45", "the pension age to 67"
    re.IGNORECASE,
)
# The words `_AGE_BOUND` can end with: where none ends the text, the regex need not run. The
# regex's `\b` may fall inside a word split at whitespace ("patients:aged 30"), so the gate
# looks at the last word's last run of word characters.
_NON_WORD = re.compile(r"\W")
_AGE_BOUND_LAST = frozenset(
    {
        "under",
        "below",
        "over",
        "above",
        "of",
        "aged",
        "about",
        "around",
        "roughly",
        "nearly",
        "almost",
        "least",
        "than",
        "to",
        "from",
        "at",
    }
)
# "The suspects, aged 24, 27 and 35": every age of a list after "aged" is an age.
_AGED_LIST = re.compile(r"\baged\s+\d{1,3}(?:,\s*\d{1,3})*(?:,\s*|,?\s+(?:and|or)\s+)$")
_RANGE_OPEN = re.compile(r"(?:\bbetween|\bfrom)\s+(?:US\$|\$|€|£)?$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(
    r"(" + "|".join(re.escape(c) for c in sorted(CURRENCY_PREFIX, key=len, reverse=True)) + r")$",
    re.IGNORECASE,
)


class _Raw(NamedTuple):
    """A figure before its frame is known (an immutable typed tuple: two or three are made a
    figure, and a tuple is made in half the time of a frozen dataclass)."""

    low: float
    high: float
    hedge: Hedge
    start: int  # the whole figure, hedge words included ("up to 30,000")
    end: int
    unit: str = "count"
    number: tuple[int, int] = (-1, -1)  # the number alone ("30,000"): Figure.text and span


SHORT_TEXT = 300  # characters: a claim's text, a learned claim's template, a short sentence
EXTRACT_CACHE = 2048  # short texts whose figures are remembered


def extract_figures(
    sentence: str, *, excluded: Sequence[tuple[int, int]] | None = None
) -> list[Figure]:
    """The figures of one sentence, in order of appearance. `excluded` is the spans of the
    attribution's names (`attribution_span`), when the caller has them already."""
    if excluded is None and len(sentence) <= SHORT_TEXT:
        return list(_short_text_figures(sentence))
    return _figures(sentence, excluded)


@lru_cache(maxsize=EXTRACT_CACHE)
def _short_text_figures(text: str) -> tuple[Figure, ...]:
    """A short text is often read again: a learned claim's text when it is indexed, a claim's
    text for each stance asked of it."""
    return tuple(_figures(text, None))


def _figures(sentence: str, excluded: Sequence[tuple[int, int]] | None) -> list[Figure]:
    raws = _raw_figures(sentence)
    if not raws:
        return []
    if excluded is None:
        _, excluded = attribution_span(sentence)
    frames = frames_for(
        sentence, [(r.start, r.end) for r in raws], excluded, [r.unit for r in raws]
    )
    return [
        Figure(
            low=r.low,
            high=r.high,
            hedge=r.hedge,
            text=sentence[r.number[0] : r.number[1]],
            counted=f.counted if r.unit == "count" else None,
            unit=r.unit,
            event=f.event,
            actor=f.actor,
            recipient=f.recipient,
            span=r.number,
            measure=f.measure,
            period=f.period,
            scope=f.scope,
            qualifier=f.qualifier if r.unit == "count" else None,
        )
        for r, f in zip(raws, frames, strict=True)
    ]


def _raw_figures(sentence: str) -> list[_Raw]:
    vague = _vague(sentence)
    digit = has_digit(sentence)
    if not vague and not digit and not may_hold_number(sentence, digit):
        return []  # no digit, no number word: nothing below would find a figure
    may_block = digit and _may_block(sentence)
    blocked = [m.span() for m in _NOT_COUNT_SPANS.finditer(sentence)] if may_block else []
    blocked += [(v.start, v.end) for v in vague]
    numbers = [
        n
        for n in find_numbers(sentence, digit)
        if not (blocked and _overlaps(n.start, n.end, blocked)) and _is_count(sentence, n)
    ]
    raws = [_with_hedge(sentence, _with_unit(sentence, r)) for r in _join_ranges(sentence, numbers)]
    if vague:
        raws += [
            _Raw(v.low, v.high, v.hedge, v.start, v.end, number=(v.start, v.end)) for v in vague
        ]
    raws.sort(key=lambda r: r.start)
    return raws


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


@cache
def _vague_regex() -> re.Pattern[str]:
    phrases = sorted(VAGUE_PHRASES, key=len, reverse=True)
    return re.compile(
        first_char_guard(phrases) + r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b",
        re.IGNORECASE,
    )


# Every vague phrase holds its longest word: an ASCII text holding none of them (lower-cased)
# holds no vague phrase.
_VAGUE_KEYS = tuple(sorted({max(p.lower().split(), key=len) for p in VAGUE_PHRASES}))


def _vague(sentence: str) -> list[_Raw]:
    out: list[_Raw] = []
    if sentence.isascii():
        lowered = sentence.lower()
        if not any(key in lowered for key in _VAGUE_KEYS):
            return out
    for m in _vague_regex().finditer(sentence):
        low, high = VAGUE_PHRASES[m.group(0).lower()]
        out.append(_Raw(low, high, _VAGUE, m.start(), m.end()))
    return out


_NEXT_WORD = re.compile(r"\s*([\w'./°%$€£-]+)")
# The word ending the text before a number, matched on that text reversed (one attempt at its
# start, not a search from every position): the same as `([\w'.#]+)\s*$` on the text.
_PREV_WORD_REVERSED = re.compile(r"\s*([\w'.#]+)")


def _next_word(sentence: str, end: int) -> str:
    m = _NEXT_WORD.match(sentence, end, end + 40)
    return m.group(1).lower().rstrip(".,;:") if m else ""


def _is_code(before: str) -> bool:
    """Whether the text before a number ends with a code of capitals ("BW 1182", "ATR 72")."""
    m = _CODE_BEFORE.search(before)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    return not (
        word in CURRENCY_CODES
        or low in _NOT_CODES
        or low in FUNCTION_WORDS
        or low in PREFIX_HEDGES
        or low in COUNTED
    )


def _capitalised_after(sentence: str, end: int) -> bool:
    """Whether the word after `end` is written with a capital ("May", not "may")."""
    m = _NEXT_WORD.match(sentence, end, end + 40)
    return m is not None and is_month(m.group(1))


# A unit before its number names a point ("at mile 20", "the km 12 marker"), but not after a word
# that makes it a stretch: "within a mile 300 homes burned", "every km 3 new cameras", "in the
# final mile 40 runners dropped out" (the number then counts what follows).
_UNIT_LABELS = frozenset({"km", "mile", "milepost"})
_A_STRETCH_BEFORE = re.compile(
    r"\b(?:a|an|one|half|every|each|per|final|last|first|next|another|that|this)\s+"
    r"(?:km|mile|milepost)\s+$",
    re.I,
)


def _prev_word(sentence: str, start: int) -> str:
    m = _PREV_WORD_REVERSED.match(sentence[max(0, start - 40) : start][::-1])
    return m.group(1)[::-1].lower() if m else ""


_WORDS = re.compile(r"[A-Za-z][\w'-]*")


@lru_cache(maxsize=8)  # asked of a sentence only when a name comes before one of its numbers
def _title_case(sentence: str) -> bool:
    """ "Quake Toll Rises To 410": most words capitalised, so a capital says nothing."""
    words = _WORDS.findall(sentence)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _capital_before(sentence: str, start: int) -> bool:
    """Whether the word before `start` begins with a capital, as `_PROPER_BEFORE` needs."""
    last = sentence[max(0, start - 30) : start].split()[-1:]
    return bool(last) and "A" <= last[0][0] <= "Z"


def _is_count(sentence: str, n: Number) -> bool:
    """False for years, dates, times, ages, measurements, model numbers, ordinals, ids."""
    after = sentence[n.end : n.end + 24]
    before = sentence[max(0, n.start - 12) : n.start]
    next_word = _next_word(sentence, n.end)
    prev_word = _prev_word(sentence, n.start)
    if prev_word in _UNIT_LABELS and _A_STRETCH_BEFORE.search(
        sentence, max(0, n.start - 40), n.start
    ):
        prev_word = ""  # "within a mile 300 homes", "in the final mile 40 runners": a stretch
    if next_word in _LOWER_MONTHS and not _capitalised_after(sentence, n.end):
        next_word = ""  # "300 may have died", "200,000 march": a verb, not a month
    if _is_age(sentence, n) or not_a_count(sentence, n, prev_word, next_word):
        return False
    if not n.digits:  # "six hundred", but not "two-day" or "one of"
        return (
            n.value >= 2
            and not after.startswith("-")
            # "the two companies": the ones already known; "the two deaths" is still a count
            and not (prev_word == "the" and n.value < 10 and next_word not in COUNTED)
            and _counts_in_context(prev_word, next_word)
        )
    if _GLUED_AFTER.match(after):
        return False  # 1st, 1990s, 152mm, 2S19, 25-year-old, 155-mm
    if _GLUED_BEFORE.search(before) and not _CURRENCY_BEFORE.search(before):
        return False  # KN-23, Su-25, F-16, #3
    if n.plain_int and n.text[0] == "0" and len(n.text) > 1:
        return False  # 0800: a phone prefix or a code
    if n.plain_int:
        proper = _capital_before(sentence, n.start) and _PROPER_BEFORE.search(
            sentence, max(0, n.start - 30), n.start
        )
        if (
            proper
            and proper.group(1).lower() not in PREFIX_HEDGES
            and not _title_case(sentence)  # in a headline a capital says nothing
        ):
            return False  # Ranger 300, Route 66: a name
        if not before[-4:].islower() and _is_code(before):  # needs capitals
            return False  # BW 1182, AF 447: a flight or other code
    if not _counts_in_context(prev_word, next_word):
        return False
    if next_word in ("years", "year-old", "yrs") or next_word == "old":
        return False
    if (prev_word in ("and", "or", "to") or before.endswith(", ")) and _in_label_list(
        sentence, n.start
    ):
        return False  # "gates 11 and 12": the second is a name too
    if prev_word in PLACE_LABELS and _LIST_AFTER.match(sentence, n.end, n.end + 20):
        return False  # "decks 5 to 9", "Lines 2 and 4": the first is a name too
    is_year = (
        n.plain_int
        and len(n.text) == 4
        and (1900 <= n.value <= 2100 or (1000 <= n.value < 1900 and prev_word in _YEAR_BEFORE))
    )  # "founded in 1897", "its first eruption since 1783"
    return not (is_year and next_word not in COUNTED)


_LOWER_MONTHS = frozenset({"may", "march"})
_YEAR_BEFORE = frozenset({"in", "since", "until", "till", "from", "before", "after"})
_LIST_AFTER = re.compile(r"(?:\s*,\s*\d+)*\s*(?:,|and|or|to|-|–)\s*\d")
_LABEL_LIST = re.compile(r"\b([A-Za-z]+)\s+\d+(?:\s*,\s*\d+)*\s*(?:,|and|or|to)\s*$")


def _in_label_list(sentence: str, start: int) -> bool:
    """Whether a number continues a list of numbered places ("gates 11 and 12")."""
    m = _LABEL_LIST.search(sentence, max(0, start - 40), start)
    return m is not None and m.group(1).lower() in PLACE_LABELS


def _is_age(sentence: str, n: Number) -> bool:
    """ "Leona Park, 52, said": a small number between commas after a name is an age; so is
    the bound of "children under five"."""
    before = sentence[max(0, n.start - 40) : n.start]
    last = last_words(before, 1)
    if (last is None or (last and _NON_WORD.split(last[0])[-1] in _AGE_BOUND_LAST)) and (
        _AGE_BOUND.search(before)
    ):
        return True
    if "aged" in before and _AGED_LIST.search(before):
        return True
    return (
        n.value < 120
        and (n.plain_int or not n.digits)
        and "," in before[-3:]  # every `_AGE_APPOSITION` match ends ",\s" (then "\n" or none)
        and bool(_AGE_APPOSITION.search(before))
        and bool(_AGE_AFTER.match(sentence, n.end, n.end + 8))
    )


def _counts_in_context(prev_word: str, next_word: str) -> bool:
    """False after an identifier word ("Resolution 2231"), before a unit, next to a month."""
    return not (
        next_word in MEASURE_UNITS
        or prev_word in MONTHS
        or next_word in MONTHS
        or prev_word in IDENTIFIER_WORDS
    )


_NON_LETTERS = re.compile(r"[^a-z]+")
_PERCENT_JOINT = re.compile(r"\s*(?:%|per)")


def _join_ranges(sentence: str, numbers: list[Number]) -> list[_Raw]:
    out: list[_Raw] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        if i + 1 < len(numbers):
            b = numbers[i + 1]
            joint = sentence[a.end : b.start]
            opened = _RANGE_OPEN.search(sentence[max(0, a.start - 12) : a.start])
            word = _NON_LETTERS.sub(" ", joint.lower()).split()
            percent = bool(_PERCENT_JOINT.match(joint))
            same_unit = not percent or bool(_PERCENT_AFTER.match(sentence[b.end : b.end + 12]))
            joined = bool(word) and word[0] in ("and", "or") and not opened
            if _RANGE_JOIN.match(joint) and same_unit and not joined:
                low = a.value
                if not a.scaled and b.scaled and a.value * b.scale <= b.value * 1.0001:
                    low = a.value * b.scale  # "25 to 30 thousand"
                elif a.plain_int and a.value < 1000 < b.value and _THOUSANDS_TAIL.search(b.text):
                    low = a.value * 1000  # "25-30,000"
                if low <= b.value:
                    start = opened.start() + max(0, a.start - 12) if opened else a.start
                    out.append(_Raw(low, b.value, _RANGE, start, b.end, number=(a.start, b.end)))
                    i += 2
                    continue
        out.append(_Raw(a.value, a.value, _EXACT, a.start, a.end))
        i += 1
    return out


@cache
def _hedge_regex() -> re.Pattern[str]:
    """A prefix hedge ending the text before a number ("up to", "about US$"), matched on that text
    reversed: the same hedge as searching `(?<!\\w)(hedge)\\s*(?:US\\$|\\$|€|£)?\\s*$` in the
    text (the longest phrase not glued to a word), in one attempt instead of one a position."""
    phrases = sorted((p[::-1] for p in PREFIX_HEDGES), key=len, reverse=True)
    return re.compile(
        r"\s*(?:\$SU|\$|€|£)?\s*(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w])",
        re.IGNORECASE,
    )


@cache
def _hedge_regex_low() -> re.Pattern[str]:
    """`_hedge_regex` for a text before a number that is ASCII, lower-cased (the same positions):
    the phrases as a trie, one path per attempt instead of one branch per phrase."""
    phrases = {p[::-1].lower() for p in PREFIX_HEDGES}
    return re.compile(r"\s*(?:\$su|\$|€|£)?\s*(" + trie_pattern(phrases) + r")(?![\w])")


def _hedge_before(sentence: str, start: int) -> re.Match[str] | None:
    """`_hedge_regex` matched on the 30 characters before `start`, reversed."""
    window = sentence[max(0, start - 30) : start][::-1]
    if window.isascii():
        return _hedge_regex_low().match(window.lower())
    return _hedge_regex().match(window)


def _with_hedge(sentence: str, raw: _Raw) -> _Raw:
    m = _hedge_before(sentence, raw.start)
    phrase = m.group(1)[::-1] if m else ""
    at = raw.start - m.end(1) if m else raw.start  # where the hedge starts
    start, end = raw.start, raw.end
    number = raw.number if raw.number[0] >= 0 else (raw.start, raw.end)
    hedge = raw.hedge
    if phrase and (_is_particle(sentence, at, phrase) or topical_preposition(sentence, at, phrase)):
        phrase = ""  # "revised ... up to 4.4%": a move; "a row over £2m": a topic; exact
    if phrase and hedge is _EXACT:
        hedge = PREFIX_HEDGES[phrase.lower()]
        start = at
    elif phrase and PREFIX_HEDGES[phrase.lower()] is _ABOUT:
        start = at
    suffix = _SUFFIX.match(sentence, end, end + 12) if hedge is _EXACT else None
    if suffix:
        hedge = SUFFIX_HEDGES[suffix.group(1).lower()]
        end = suffix.end()
    low, high = interval(raw.low, raw.high, hedge)
    return _Raw(low, high, hedge, start, end, raw.unit, number)


_CLAUSE_WORDS = re.compile(r"[\w']+|[,;:]")


def _is_particle(sentence: str, at: int, phrase: str) -> bool:
    """ "up to" after a verb of change in the same clause ("revised the rate up to")."""
    if phrase.lower() != "up to":
        return False
    for word in reversed(_CLAUSE_WORDS.findall(sentence[max(0, at - 80) : at])[-6:]):
        if word in ",;:" or word[0].isdigit():
            return False
        if word.lower() in PARTICLE_UP_VERBS:
            return True
    return False


def interval(low: float, high: float, hedge: Hedge) -> tuple[float, float]:
    """The interval a hedged number stands for."""
    if hedge is _EXACT:
        if _is_round(low):
            return low * (1 - ROUND_TOLERANCE), low * (1 + ROUND_TOLERANCE)
        return low, low
    if hedge is _ABOUT:
        return low * (1 - ABOUT_TOLERANCE), high * (1 + ABOUT_TOLERANCE)
    if hedge is _UP_TO or hedge is _FEWER_THAN:
        return 0.0, high
    if hedge is _ALMOST:
        return high * ALMOST_FLOOR, high
    if hedge is _AT_LEAST:
        return low, math.inf
    return low, high


ROUND_DIGITS = 2  # "4,000", "1.2 million", "7 500" are round; "18.5bn", "2,350" are precise


def _is_round(value: float) -> bool:
    if value < 100 or value != int(value):
        return False
    return len(str(int(value)).rstrip("0")) <= ROUND_DIGITS


# Units of mass: "1.8 million tonnes", "1,200 kilograms" are weights, not counts of things.
MASS_WORDS = {
    **dict.fromkeys(["tonnes", "tonne", "tons", "ton"], "tonnes"),
    **dict.fromkeys(["kilograms", "kilogram", "kilos", "kg", "kgs"], "kilograms"),
}
# Units of volume: "6,000 barrels" is an amount of a liquid, not a count of things.
VOLUME_WORDS = {
    **dict.fromkeys(["barrels", "barrel"], "barrels"),
    **dict.fromkeys(["litres", "litre", "liters", "liter"], "litres"),
    **dict.fromkeys(["gallons", "gallon"], "gallons"),
    **dict.fromkeys(["m3", "m³"], "cubic metres"),
}
# "40 million cubic metres of water": a volume in two words.
_CUBIC = re.compile(r"\s+cubic\s+(?:metres|meters|metre|meter)\b", re.I)
TALLY_WORDS = {"votes": "votes", "vote": "votes", "seats": "seats", "seat": "seats"}
_CURRENCY_PREFIXES = tuple(sorted(CURRENCY_PREFIX.items(), key=lambda kv: -len(kv[0])))
_ISO_BEFORE = re.compile(r"\b([A-Z]{3})\s$")  # "EUR 14m": a currency code, then a space


def _with_unit(sentence: str, raw: _Raw) -> _Raw:
    after = sentence[raw.end : raw.end + 24]
    m = _PERCENT_AFTER.match(after)
    if m:
        return _Raw(
            raw.low, raw.high, raw.hedge, raw.start, raw.end + m.end(), "percent", raw.number
        )
    text = sentence[raw.start : raw.end].lower()
    for symbol, code in _CURRENCY_PREFIXES:  # longest symbol first
        if symbol in text:
            return _Raw(raw.low, raw.high, raw.hedge, raw.start, raw.end, code, raw.number)
    before = sentence[max(0, raw.start - 4) : raw.start]
    m2 = _CURRENCY_BEFORE.search(before)
    if m2:
        unit = CURRENCY_PREFIX[m2.group(1).lower()]
        start = raw.start - len(m2.group(1))
        return _Raw(raw.low, raw.high, raw.hedge, start, raw.end, unit, raw.number)
    m3 = _ISO_BEFORE.search(before)
    if m3 and m3.group(1) in CURRENCY_CODES:
        start = raw.start - len(m3.group(0))
        return _Raw(raw.low, raw.high, raw.hedge, start, raw.end, m3.group(1), raw.number)
    word = _next_word(sentence, raw.end)
    if word in MASS_WORDS:  # "1.8 million tonnes": a weight, not a count
        unit = MASS_WORDS[word]
        return _Raw(raw.low, raw.high, raw.hedge, raw.start, raw.end, unit, raw.number)
    if word == "cubic" and _CUBIC.match(sentence, raw.end):
        return _Raw(raw.low, raw.high, raw.hedge, raw.start, raw.end, "cubic metres", raw.number)
    if word in VOLUME_WORDS:  # "6,000 barrels": a volume, not a count
        unit = VOLUME_WORDS[word]
        return _Raw(raw.low, raw.high, raw.hedge, raw.start, raw.end, unit, raw.number)
    if word in TALLY_WORDS:  # "2,841,306 votes": a tally won by someone, not things
        unit = TALLY_WORDS[word]
        return _Raw(raw.low, raw.high, raw.hedge, raw.start, raw.end, unit, raw.number)
    if word in CURRENCY_WORDS:
        unit = CURRENCY_WORDS[word]
        return _Raw(raw.low, raw.high, raw.hedge, raw.start, raw.end, unit, raw.number)
    return raw
