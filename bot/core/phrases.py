"""Phrases of the lexicon's tables in a sentence, found in one pass, and the hits near a figure."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.core.lexicon import COUNTED, ENTITIES, EVENTS, MEASURES, PERIODS, SCOPES
from bot.core.trie import trie_pattern


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
    """A match of the one character before each position where a phrase of some table starts
    (whole words), searched in the text after a space, with one group per table: that table's
    longest phrase there, or None. The match starts where the phrase does in the text itself.

    A look back for a word character before the phrases would say the same, but a pattern
    opening with a character class lets `re` pass over the other characters in one loop instead
    of trying each."""
    anyone = trie_pattern({phrase for table in tables for phrase in table})
    groups = "".join(r"(?:(?=(" + trie_pattern(table) + r")(?![\w]))|)" for table in tables)
    return re.compile(r"[^\w](?=(?:" + anyone + r")(?![\w]))" + groups)


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
    for m in _scan_regex().finditer(" " + low):
        at = m.start()  # in `low`: the space before it shifts the character matched there
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
