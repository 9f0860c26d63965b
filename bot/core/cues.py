"""Cues around a figure: a part of a known whole, a sample, a capacity, a poll, an increment."""

from __future__ import annotations

import re

_INCREMENT = re.compile(r"\b(?:a further|another|an additional|an extra|a fresh)\s+$", re.I)


_PARTITIVE = re.compile(
    r"\b(?:rest|remainder|balance|bulk|majority|most|half|all|some|many|none|each|one|two|three|"
    r"\d+%?)\s+of\s+(?:the|its|their|those|these)\s+"
    r"(?:(?:about|around|some|roughly|approximately|nearly|almost|estimated|reported)\s+)?$",
    re.I,
)


def last_words(text: str, count: int) -> list[str] | None:
    """The last `count` words (split at whitespace) of an ASCII `text`, lower-cased: a quick
    test of a regex that ends with `\\s+$` after one of a few words, before running it. None
    when `text` is not ASCII (case folding could make a regex's word of other letters)."""
    if not text.isascii():
        return None
    return text.lower().split()[-count:]


# The words `_PARTITIVE` ends with: a determiner, then perhaps a hedge.
_WHOLE_DETERMINERS = frozenset({"the", "its", "their", "those", "these"})
_WHOLE_HEDGES = frozenset(
    {
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
        "nearly",
        "almost",
        "estimated",
        "reported",
    }
)


def _may_end_partitive(last: list[str]) -> bool:
    """Whether these words can end a `_PARTITIVE` match: a determiner, or one and a hedge."""
    if last and last[-1] in _WHOLE_DETERMINERS:
        return True
    return len(last) == 2 and last[0] in _WHOLE_DETERMINERS and last[1] in _WHOLE_HEDGES


def is_partitive(sentence: str, start: int) -> bool:
    """ "the rest of the roughly 4,000 casualties were wounded": a total named as the whole a
    part is taken from, already known, not stated anew."""
    last = last_words(sentence[max(0, start - 60) : start], 2)
    if last is not None and not _may_end_partitive(last):
        return False  # most texts before a number: the regex need not run
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
    return bool(_INCREMENT.search(sentence, max(0, start - 20), start))
