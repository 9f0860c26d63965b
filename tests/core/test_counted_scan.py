"""The one-pass phrase scan of `phrases` finds what one search per table finds."""

from __future__ import annotations

import random
import re

import pytest

from bot.core.frames import _CLAUSE_BREAK
from bot.core.lexicon import COUNTED, ENTITIES, EVENTS, MEASURES, SUBGROUPS
from bot.core.periods import _months, find_periods
from bot.core.phrases import _SCANNED, _find_lowered, _scan, find_phrases

SENTENCES = [
    "North Korea will send 25,000 to 30,000 more troops to Russia, officials said.",
    "The U.S. said 600 soldiers were killed or wounded; us and them, the US said.",
    "The death toll rose to 410 nationwide, up from 380 the previous month.",
    "About 40,000 people took part in the march across the country on Sunday.",
    "troopships and killedx are not words of the tables, but troops killed are",
    "",
    "killed",
    "Some 1.8 million tonnes of grain were shipped in the whole country month-on-month.",
]


def _every_phrase_text(seed: int) -> str:
    """Phrases of every scanned table, shuffled and joined by spaces, hyphens or nothing, so
    that phrases of different tables overlap and run into each other."""
    rng = random.Random(seed)
    phrases = [p for table in _SCANNED for p in table]
    rng.shuffle(phrases)
    return "".join(p + rng.choice([" ", " ", ", ", "-", "", "s "]) for p in phrases[:400])


@pytest.mark.parametrize("text", SENTENCES + [_every_phrase_text(s) for s in range(6)])
def test_scan_finds_what_each_table_search_finds(text: str) -> None:
    low = text.lower()
    found = _scan(low)
    assert len(found) == len(_SCANNED)
    for hits, table in zip(found, _SCANNED, strict=True):
        assert hits == _find_lowered(low, table)


def test_scan_finds_phrases_of_several_tables_at_once() -> None:
    counted, events, entities, *_ = _scan("some 600 north korean soldiers were killed")
    assert [h.phrase for h in counted] == ["soldiers", "killed"]
    assert "north korean" in [h.phrase for h in entities]
    assert events == _find_lowered("some 600 north korean soldiers were killed", EVENTS)


def test_find_phrases_gives_each_caller_its_own_list() -> None:
    text = "Some 600 North Korean soldiers were killed."
    first = find_phrases(text, COUNTED)
    first.clear()
    assert [h.value for h in find_phrases(text, COUNTED)] == ["troops", "killed"]


def test_find_phrases_of_other_tables_still_searches_them() -> None:
    text = "The Prison Officers' Union said 20 of its members were hurt."
    assert find_phrases(text, SUBGROUPS) == _find_lowered(text.lower(), SUBGROUPS)
    assert find_phrases(text, MEASURES) == _find_lowered(text.lower(), MEASURES)
    assert find_phrases("the US and us", ENTITIES) == _find_lowered("the us and us", ENTITIES)


_OLD_CLAUSE_BREAK = re.compile(
    r";|\s[—–-]\s|\s(?:and|but)\s+that\b"
    r"|,\s+(?:while|whereas|but|although|though|compared with)\b|\bcompared with\b"
)


@pytest.mark.parametrize(
    "text",
    [
        "sales rose 4% compared with 2023, while costs fell",
        "uncompared with x; compared withheld, compared with",
        "compared with 10 — and that was, although late, compared with nothing",
        *SENTENCES,
    ],
)
def test_clause_breaks_are_those_of_the_word_boundary_pattern(text: str) -> None:
    def starts(rx: re.Pattern[str]) -> list[int]:
        return [m.start() for m in rx.finditer(text.lower())]

    assert starts(_CLAUSE_BREAK) == starts(_OLD_CLAUSE_BREAK)


def test_months_need_a_month_name() -> None:
    assert _months("No month here, only 40,000 troops.") == []
    assert [h.value for h in _months("The March figure: 40,000; Marching on 3 May")] == ["mar"]
    assert [h.value for h in find_periods("January figures, from the previous month")] == [
        "jan",
        "month_on_month",
    ]
