"""The periods a sentence names: the lexicon's period phrases, and months that are not dates."""

from __future__ import annotations

import re

from bot.core.lexicon import MONTH_PERIODS
from bot.core.phrases import Hit, _scan

# The period of a rate ("fire up to 20,000 a day", "500 trucks a day"): a count per day, never a
# total (frames reads it, matching keeps a rate and a total apart).
PER_DAY = "per_day"

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
