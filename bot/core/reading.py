"""Reading a story: its sentences (title last, boilerplate dropped), keyword gates, and the
small textual tests the engine applies to a sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.model import Attribution, Figure, Story
from bot.core.sentences import split_sentences

_BOILERPLATE = re.compile(
    r"\s*(?:related(?: articles| stories| coverage)?|read more|see also|also read|more on this"
    r"|recommended|most read|trending|watch|listen)\b\s*[:|–-]",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    paragraph: int  # 0 is the title
    text: str
    title: bool = False


_BASELINE_MENTION = re.compile(
    r"\b(?:rather than|instead of|up from|down from|compared with|compared to|from)\s+"
    r"(?:the\s+|its\s+|an?\s+|their\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


def is_baseline_mention(text: str, figure: Figure) -> bool:
    """The old value a new statement is measured against ("up from 4,000")."""
    start = figure.span[0]
    return bool(_BASELINE_MENTION.search(text, max(0, start - 50), start))


def keyword_regex(keywords: Sequence[str]) -> re.Pattern[str]:
    words = sorted((k.strip() for k in keywords if k.strip()), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)


def story_sentences(story: Story) -> list[Sentence]:
    """The body's sentences (boilerplate and what follows it dropped), then the title's.

    The title comes last: it restates the body, whose sentence is the one to report.
    """
    out: list[Sentence] = []
    seen: set[str] = set()
    for number, paragraph in enumerate(re.split(r"\n\s*\n|\n", story.text), start=1):
        if _BOILERPLATE.match(paragraph):
            break
        for text in split_sentences(paragraph):
            if _BOILERPLATE.match(text):
                break
            if text not in seen:
                seen.add(text)
                out.append(Sentence(number, text))
    for text in split_sentences(story.title):
        if text not in seen:
            out.append(Sentence(0, text, title=True))
    return out


def said_by(attribution: Attribution, story: Story) -> str:
    where = [story.outlet] if story.outlet else []
    if story.published:
        where.append(story.published.date().isoformat())
    if not (attribution.source or attribution.via):
        return f"{where[0]} ({', '.join(where[1:])})" if len(where) > 1 else story.outlet
    who = str(attribution)
    return f"{who} ({', '.join(where)})" if where else who
