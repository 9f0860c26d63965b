"""What an amount, a share or a tally measures: a measure word, a counted group, a winner, goods."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.lexicon import (
    COMMODITIES,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    FUNCTION_WORDS,
    GENERIC_MEASURES,
)
from bot.core.phrases import Hit, _nearest, _within

# An amount given to the cent, with no scale word ("€29.99", "$5.82"): the price of one thing.
# Totals (a cost of damage, a fine, an appeal) are given in round thousands or millions.
_CENTS = re.compile(r"(?<![\d,.])\d{1,4}\.\d\d$")
CURRENCY_CODES: frozenset[str] = frozenset(CURRENCY_PREFIX.values()) | frozenset(
    CURRENCY_WORDS.values()
)


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
