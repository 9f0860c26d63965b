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
    return bool(_INCREMENT.search(sentence, max(0, start - 20), start))
