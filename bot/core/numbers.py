"""Find numbers in text: digits with separators, decimals with scale words, and number words.

`find_numbers` returns every number with its value and character span; deciding which of them
are counts (and not years, times or model numbers) is `figures.py`'s job.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from bot.core.lexicon import NUMBER_WORDS, SCALE_WORDS
from bot.core.trie import first_char_guard, trie_pattern

log = logging.getLogger(__name__)

_SEP = r"[,\u00a0\u202f\u2009 ]"
_DIGITS = re.compile(
    r"(?=\d)"  # a match starts with a digit: one test skips the other positions
    r"(?<![\w.,])"  # not glued to a word or another number
    r"(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:" + _SEP + r"\d{3})+(?!\d|,\d)|\d+)"
    r"(?P<dec>\.\d+)?"
    r"(?:(?P<suffix>k|K|bn|mn|mln|m|M|b|tn)(?![\w]))?"
    r"(?:[ \u00a0](?P<scale>thousand|million|billion|trillion|mln|bn)\b)?"
)
_WORD_RUN = re.compile(
    first_char_guard([*NUMBER_WORDS, "a"])  # a match starts with "a"/"an" or a number word
    + r"\b(?:(?:a|an)\s+)?(?:(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")(?:[\s-]+(?:and[\s-]+)?(?=(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")\b))?)+\b",
    re.IGNORECASE,
)


_SEP_RE = re.compile(_SEP)
_WORD_SPLIT = re.compile(r"[\s-]+")
_DIGIT = re.compile(r"\d")
# A word made only of number words ("six", "sixty", "sixten"): `_WORD_RUN` matches in an ASCII
# text exactly when the text has one (a match starts at a word boundary with such a word, and
# any such word starts a match). Case-sensitive, searched in the lower-cased text after a space,
# from the character before the word (`\b(?:words)+\b` in the text): a pattern opening with a
# character class lets `re` pass over the other characters in one loop.
_NUMBER_WORD_START = re.compile(
    r"[^\w](?:" + trie_pattern(sorted({w.lower() for w in NUMBER_WORDS})) + r")+\b"
)
WORDS_CACHE = 4096  # number phrases ("six hundred") whose value is remembered


# "30.000", "1.234.567": thousands written with dots, where that is unambiguous: two or more
# groups, or one group after two or three digits ("12.500 troops") that is not a percentage or
# a rate ("4.125%", "1.085 dollars" keep their decimals).
_DOT_THOUSANDS = re.compile(
    r"(?=\d)(?<![\w.,])(?:\d{1,3}(?:\.\d{3}){2,}|[1-9]\d{1,2}\.\d{3}(?!\s?(?:%|per\s?cent|points?\b)))"
    r"(?![\d.,]*\d)"
)
# Fractions and dozens of a scale word: "half a million", "a quarter of a million", "two and a
# half thousand", "a dozen", "two dozen", "half a dozen".
_UNITS = "one|two|three|four|five|six|seven|eight|nine|ten"
_PARTS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
_FRACTION = re.compile(
    r"\b(?:(?P<whole>" + _UNITS + r"|\d)\s+and\s+a\s+(?P<and>half|quarter)\s+"
    r"|(?:(?P<count>a|one|two|three)\s+)?(?P<part>half|quarters?|thirds?)\s+(?:of\s+)?(?:a|an)\s+)"
    r"(?P<scale>dozen|hundred|thousand|million|billion)\b"
    r"|\b(?P<dozens>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+dozen\b",
    re.IGNORECASE,
)
_FRACTION_KEYS = ("alf", "uarter", "hird", "ozen", "ALF", "UARTER", "HIRD", "OZEN")  # any case
_DOT_GROUP = re.compile(r"\d\.\d{3}")  # what `_DOT_THOUSANDS` needs: a quick test first


def _fraction_numbers(text: str) -> list[Number]:
    if not any(key in text for key in _FRACTION_KEYS):
        return []
    out: list[Number] = []
    for m in _FRACTION.finditer(text):
        if m.group("dozens"):
            count = _small(m.group("dozens"))
            value, scale = count * 12.0, 12.0
        else:
            scale = _SCALES[m.group("scale").lower()]
            if m.group("whole"):
                part = _PARTS[m.group("and").lower()]
                value = (_small(m.group("whole")) + part) * scale
            else:
                count = _small(m.group("count") or "one")
                part = _PARTS[m.group("part").lower()]
                value = count * part * scale
        start, end = m.span()
        out.append(Number(value, start, end, m.group(0), False, True, False, scale))
    return out


_SCALES = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_SMALL = {w: float(i) for i, w in enumerate(_UNITS.split("|"), start=1)} | {"a": 1.0}


def _small(word: str) -> float:
    low = word.lower()
    return float(low) if low.isdigit() else _SMALL[low]


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def may_hold_number(text: str, digit: bool | None = None) -> bool:
    """False when `find_numbers` certainly finds nothing: no digit and no number word. `digit`
    is `has_digit(text)`, when the caller knows it already."""
    if digit is None:
        digit = _DIGIT.search(text) is not None
    return digit or _may_hold_number_word(text) or "dozen" in text.lower()


@lru_cache(maxsize=64)  # asked twice of each sentence (`may_hold_number`, `_word_numbers`)
def _may_hold_number_word(text: str) -> bool:
    """False when `_WORD_RUN` certainly matches nothing. In ASCII text it matches exactly when
    a word (a \\w+ run) is made of number words (`_NUMBER_WORD_START`); other text (where
    case folding may make "ſix" a "six") is left to the regex."""
    if not text.isascii():
        return True
    return _NUMBER_WORD_START.search(" " + text.lower()) is not None


class Number(NamedTuple):
    """A number found in text (an immutable typed tuple: one is made for every number of every
    sentence read, and a tuple is made in half the time of a frozen dataclass)."""

    value: float
    start: int
    end: int
    text: str
    digits: bool  # written in digits (not words)
    scaled: bool  # carries a scale word or suffix ("1.5 million", "30k")
    plain_int: bool  # digits only, no separator, no decimal, no scale ("2025")
    scale: float = 1.0  # the scale word's factor ("million" -> 1e6)


def find_numbers(text: str, digit: bool | None = None) -> list[Number]:
    """All numbers in `text`, in order, without overlaps. `digit` is `has_digit(text)`, when the
    caller knows it already."""
    if digit is None:
        digit = _DIGIT.search(text) is not None
    digits = _digit_numbers(text) if digit else []
    words = _word_numbers(text)
    fractions = _fraction_numbers(text)
    if not words and not fractions:
        return digits  # in order and apart already: `_DIGITS` matches never overlap
    if not digits and not fractions:
        return words
    found = [*fractions, *digits, *words]
    found.sort(key=lambda n: (n.start, -n.end))
    out: list[Number] = []
    last_end = -1
    for number in found:
        if number.start >= last_end:
            out.append(number)
            last_end = number.end
    return out


def _digit_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    dotted = _dot_thousands(text) if _DOT_GROUP.search(text) else []
    for m in _DIGITS.finditer(text):
        if dotted and any(d.start <= m.start() < d.end for d in dotted):
            continue
        integer, dec, suffix, scale_name = m.group("int", "dec", "suffix", "scale")
        raw = integer if integer.isdigit() else integer.replace(",", "")
        if not raw.isdigit():  # another separator than a comma ("7 500")
            raw = _SEP_RE.sub("", integer)
        if len(raw) > 15:
            continue
        value = float(raw + (dec or ""))
        scale_word = (suffix or "").lower() or (scale_name or "").lower()
        scale = SCALE_WORDS[scale_word] if scale_word else 1.0
        if scale_word:
            value *= scale
        plain = not scale_word and not dec and raw == integer
        start, end = m.span()
        out.append(Number(value, start, end, m.group(0), True, bool(scale_word), plain, scale))
    if dotted:
        out = sorted([*out, *dotted], key=lambda n: n.start)
    return out


def _dot_thousands(text: str) -> list[Number]:
    return [
        Number(
            float(m.group(0).replace(".", "")), m.start(), m.end(), m.group(0), True, False, False
        )
        for m in _DOT_THOUSANDS.finditer(text)
    ]


def _word_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    if not _may_hold_number_word(text):
        return out
    for m in _WORD_RUN.finditer(text):
        phrase = m.group(0)
        value = words_to_number(phrase)
        if value is None:
            continue
        last = phrase.lower().split()[-1].split("-")[-1]
        scale = SCALE_WORDS.get(last, 1.0) if last != "m" else 1.0
        out.append(
            Number(
                value=value,
                start=m.start(),
                end=m.end(),
                text=phrase,
                digits=False,
                scaled=scale > 1.0,
                plain_int=False,
                scale=scale,
            )
        )
    return out


@lru_cache(maxsize=WORDS_CACHE)
def words_to_number(phrase: str) -> float | None:
    """ "six hundred" -> 600, "a thousand" -> 1000, "twenty-five thousand" -> 25000."""
    words = _WORD_SPLIT.split(phrase.strip().lower())
    if words and words[0] in ("a", "an"):
        words[0] = "one"
    if not words or (words == ["one"] and phrase.strip().lower() in ("a", "an")):
        return None
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None
