"""Phrases of the lexicon's tables in a sentence, found in one pass, and the hits near a figure."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from typing import NamedTuple

from bot.core.lexicon import COUNTED, ENTITIES, EVENTS, MEASURES, PERIODS, SCOPES
from bot.core.trie import trie_pattern


class Hit(NamedTuple):
    """A phrase of a table found in a text (an immutable typed tuple: a sentence has a dozen,
    and a tuple is made in half the time of a frozen dataclass)."""

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
SCAN_CACHE = 1024  # sentences whose phrases are remembered: those of the story being read


def _combined_regex(tables: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """A match of the one character before each position where a phrase of some table starts
    (whole words), searched in the text after a space; its group is the longest such phrase of
    any table there. The match starts where the phrase does in the text itself.

    A look back for a word character before the phrases would say the same, but a pattern
    opening with a character class lets `re` pass over the other characters in one loop instead
    of trying each."""
    anyone = trie_pattern({phrase for table in tables for phrase in table})
    return re.compile(r"[^\w](?=(" + anyone + r")(?![\w]))")


_COMBINED: list[tuple[tuple[int, ...], re.Pattern[str]]] = []
# What each table finds where the combined regex finds a phrase: every phrase of a table that
# matches there (whole words) is a prefix of the longest one of any table, followed in it by a
# non-word character; so the longest of them is known from that phrase alone. Filled as met.
_FOUND_IN: dict[str, tuple[tuple[int, str, str], ...]] = {}
_WORD_CHAR = re.compile(r"\w")


def _scan_regex() -> re.Pattern[str]:
    sizes = tuple(map(len, _SCANNED))
    if not _COMBINED or _COMBINED[0][0] != sizes:  # the lexicon's tables are constants
        _COMBINED[:] = [(sizes, _combined_regex(tuple(tuple(t) for t in _SCANNED)))]
        _FOUND_IN.clear()
    return _COMBINED[0][1]


def _found_in(longest: str) -> tuple[tuple[int, str, str], ...]:
    """(table index, phrase, value) for each table with a phrase where `longest` is found: the
    table's longest phrase that is a prefix of it ending at a word's end (or all of it), as
    that table's own regex finds there."""
    found = []
    for i, table in enumerate(_SCANNED):
        for size in range(len(longest), 0, -1):
            ends_word = size == len(longest) or not _WORD_CHAR.match(longest, size)
            if ends_word and longest[:size] in table:
                found.append((i, longest[:size], table[longest[:size]]))
                break
    return tuple(found)


@lru_cache(maxsize=SCAN_CACHE)
def _scan(low: str) -> tuple[list[Hit], ...]:
    """Each `_SCANNED` table's matches in `low`, as `finditer` of its own regex finds them: at
    each start the longest phrase, the next one searched for from the end of the last. The
    lists are shared by every caller of the same text: read them, never change them."""
    found: tuple[list[Hit], ...] = ([], [], [], [], [], [])  # one a table of `_SCANNED`
    ends = [0] * len(_SCANNED)
    known = _FOUND_IN
    for m in _scan_regex().finditer(" " + low):
        at = m.start()  # in `low`: the space before it shifts the character matched there
        longest = m[1]
        tables = known.get(longest)
        if tables is None:
            tables = known[longest] = _found_in(longest)
        for i, phrase, value in tables:
            if at >= ends[i]:
                end = ends[i] = at + len(phrase)
                found[i].append(Hit(at, end, value, phrase))
    return found


def entity_hits(low: str) -> list[Hit]:
    """`find_phrases(text, ENTITIES)` of a text already lower-cased, not copied: read it, never
    change it (the list is `_scan`'s, shared)."""
    return _scan(low)[2]


def find_entities(text: str) -> list[Hit]:
    return _entities(text, text.lower())


def _entities(text: str, low: str) -> list[Hit]:
    hits = []
    for hit in _scan(low)[2]:
        if hit.phrase == "us" and text[hit.start : hit.end] != "US":  # the pronoun, not the country
            continue
        hits.append(hit)
    return hits


def _nearest(hits: list[Hit], start: int, end: int) -> str | None:
    def distance(hit: Hit) -> int:
        return start - hit.end if hit.end <= start else hit.start - end

    return min(hits, key=distance).value if hits else None


def _within(hits: list[Hit], lo: int, hi: int) -> list[Hit]:
    """The hits starting in [lo, hi) (hits are sorted by start)."""
    if not hits:
        return []
    if lo <= hits[0].start and hits[-1].start < hi:
        return hits[:]  # the whole sentence's hits, most often: a short sentence is one clause
    first = bisect_left(hits, lo, key=lambda h: h.start)
    last = bisect_left(hits, hi, key=lambda h: h.start)
    return hits[first:last]
