"""What a figure with no noun counts, read from the story around it: the counted kind an
earlier figure of the same story lends to a bare figure the text ties to it.

A sentence names what it counts once, and the sentences after it go on without the noun: "The
death toll rose to 412 on Monday. The agency had last reported 238." The second figure is an
older value of the first one's quantity; the words that say so are a verb of revising or
reporting before it ("had last reported", "rose to", "revised to", "up from", "stood at", "the
figure of") or the words after it that make it someone's earlier number ("the 180 estimated by
Tidemark"). A headline's bare figure ("Toll rises to 41") restates the body: it takes the kind
of the body's figure of the same value.

Only then, and only from the same sentence or the one before: a tie reaches no further. What
moves or stands must be the count itself ("the death toll rose to 412"), not another thing
("power outages rose to 2,600"), and a headline's figure needs its own tying words ("Toll rises
to 41", not "what we know at 12 noon"). `extract_figures` reads one sentence and cannot do this;
this module reads a story's figures after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.model import Figure

_HEDGES = (
    r"(?:(?:about|around|some|roughly|nearly|almost|approximately|more\s+than|over|at\s+least|"
    r"up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|an\s+estimated|just|only|a\s+further)\s+)?"
)

# Words before a bare figure that make it a value of a quantity already named: a revision
# ("rose to", "revised ... to", "up from", "raised to"), a report of an earlier value ("had last
# reported", "had stood at", "put the number at"), or the quantity's own name ("the figure of",
# "its count of", "the total at").
_TIED_BEFORE = re.compile(
    r"(?:\b(?P<moved>(?:rose|rises|risen|rising|climbed|climbs|climbing|jumped|jumps|increased|"
    r"increases|grew|grown|fell|falls|fallen|falling|dropped|drops|declined|declines|shortened|"
    r"shortens|revised|revises|raised|raises|lowered|lowers|updated|updates|corrected|corrects|"
    r"adjusted|adjusts)(?:\s+[\w'’-]+){0,5}?\s+(?:up\s+|down\s+)?(?:to|from)"
    r"|(?:stood|stands|standing)\s+at)"
    r"|\b(?:up|down)\s+(?:sharply\s+|slightly\s+)?from"
    r"|\b(?:had|has|have)\s+(?:(?:last|earlier|previously|first|initially|already|so\s+far)\s+)?"
    r"(?:reported|given|counted|recorded|confirmed|announced|cited|put\s+it\s+at)"
    r"|\b(?:put|puts|putting)\s+(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:number|figure|total|toll|count|tally|estimate)\s+at"
    r"|\b(?:figure|figures|count|estimate|tally|total|toll|number|reckoning)\s+(?:of|at|to))"
    r"\s+(?:(?:the|its|their|his|her|own|earlier|initial|first|previous|official|original)\s+)*"
    + _HEDGES
    + r"$",
    re.I,
)
# Words after a bare figure that make it someone's earlier number: "the 180 estimated by
# Tidemark", "the 52 reported by the prosecutor on Thursday".
_TIED_AFTER = re.compile(
    r"\s+(?:(?:it|they|he|she)\s+(?:had\s+)?)?(?:reported|estimated|given|counted|recorded|"
    r"cited|announced|confirmed)\s+(?:by|on|earlier|last|in|at|the\s+day)\b",
    re.I,
)
_WINDOW = 80  # characters before a figure read for the words that tie it
# What moves or stands must be the count itself ("the death toll rose to 412", "it stood at"),
# not another thing ("power outages rose to 2,600", "wind speeds rose to 140").
_COUNT_SUBJECT = re.compile(
    r"\b(?:toll|count|number|figure|total|tally|estimate|it)(?:\s+of\s+(?:the\s+)?[\w'’-]+)?"
    r"\s+(?:(?:has|have|had|was|were|is|are|now|since|then|later|again|further|sharply)\s+)*$",
    re.I,
)


# A headline names its figure by what it is, a plan, a claim, an order, and leaves what it
# counts to the story: "'no information' on 22,000 plan", "debunks organisers' 250,000 figure",
# "calls leaked 'one million' call-up order a fake". The figure stands before a word for a
# statement or a plan (one modifier allowed), its quotation mark closed first. The word is in the
# singular: after a number a plural is what it counts ("receives 4,000 claims", "logs 40
# reports", "rejects 5 new claims"); and the modifier is a word of content, not "and" or "in"
# ("fines X 2.5m and orders a review", "detain 30 in order to ..."). Title case too ("Debunks
# Organisers' 250,000 Figure").
_NAMED_AS = re.compile(
    r"['’\"]?\s+(?:(?!(?:and|or|but|in|on|at|to|of|for|by|as|a|an|the|its|their|after|"
    r"over|with|from|per)\s)[A-Za-z][\w-]*\s+)?(?:plan|claim|report|figure|estimate|order|"
    r"pledge|target|count|tally|total|toll|rumou?r|post|warning)\b",
    re.I,
)


def _tied(text: str, figure: Figure) -> bool:
    start, end = figure.span
    before = text[max(0, start - _WINDOW) : start]
    m = _TIED_BEFORE.search(before)
    if m is not None and m.group("moved"):
        return bool(_COUNT_SUBJECT.search(before, 0, m.start()))
    return m is not None or bool(_TIED_AFTER.match(text, end))


def _carry(figure: Figure, source: Figure) -> Figure:
    return replace(
        figure,
        counted=source.counted,
        event=figure.event or source.event,
        scope=figure.scope or source.scope,
        qualifier=figure.qualifier or source.qualifier,
    )


def _bare(figure: Figure) -> bool:
    return figure.counted is None and figure.unit == "count" and figure.measure is None


def carry_counted(
    texts: Sequence[str], titles: Sequence[bool], figures: Sequence[Sequence[Figure]]
) -> list[tuple[Figure, ...]]:
    """Each sentence's figures (in order, the same objects where nothing changes), a bare
    figure (no counted kind, a count) given the counted kind of the nearest earlier figure of
    the body with one, of the same unit, when its sentence ties it to it (`_TIED_BEFORE`,
    `_TIED_AFTER`); a title's bare figure takes the kind of the body's figure of the same value.
    `texts`, `titles` and `figures` are parallel: one entry per sentence, in story order (the
    title may come first or last)."""
    out = [tuple(f) for f in figures]
    if not any(_bare(f) for fs in out for f in fs):
        return out  # most stories: every figure has its noun
    last: Figure | None = None  # the nearest earlier body figure with a kind
    last_at = -2  # ... and its sentence: a tie reaches the sentence before, no further
    by_value: dict[tuple[float, float], Figure] = {}
    for i, (text, title) in enumerate(zip(texts, titles, strict=True)):
        if title:
            continue
        row = list(out[i])
        for j, figure in enumerate(row):
            if _bare(figure) and last is not None and i - last_at <= 1 and _tied(text, figure):
                row[j] = _carry(figure, last)
            if row[j].counted is not None and row[j].unit == "count":
                last, last_at = row[j], i
                by_value.setdefault((row[j].low, row[j].high), row[j])
        out[i] = tuple(row)
    for i, title in enumerate(titles):
        if not title:
            continue
        out[i] = tuple(
            _carry(f, by_value[(f.low, f.high)])
            if _bare(f)
            and (f.low, f.high) in by_value
            and (_tied(texts[i], f) or _NAMED_AS.match(texts[i], f.span[1]) is not None)
            else f
            for f in out[i]
        )
    return out
