"""Reading a story: its sentences (title last, boilerplate dropped), keyword gates, and the
small textual tests the engine applies to a sentence."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from bot.core.model import Attribution, Figure, Story, Topic
from bot.core.record import record
from bot.core.sentences import split_sentences
from bot.core.trie import first_char_guard

_BOILERPLATE = re.compile(
    r"\s*(?:related(?: articles| stories| coverage)?|read more|see also|also read|more on this"
    r"|recommended|most read|trending|watch|listen)\b\s*[:|–-]",
    re.IGNORECASE,
)


@record
class Sentence:
    paragraph: int  # 0 is the title
    text: str
    title: bool = False


_BASELINE_MENTION = re.compile(
    r"\b(?:rather than|instead of|up from|down from|compared with|compared to|from"
    r"|(?:more|less|higher|lower|fewer) than the|(?:above|below) the|,\s*not|,\s*against)\s+"
    r"(?:the\s+|its\s+|an?\s+|their\s+)?(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:figure|estimate|count|tally) of\s+(?:up to\s+|about\s+)?(?:US\$|\$|€|£)?$",
    re.IGNORECASE,
)


# One of these is in every `_BASELINE_MENTION` match: a text before a figure (ASCII, lower-cased)
# with none of them is no baseline mention, and the regex need not run.
_BASELINE_KEYS = ("than", "from", "compar", "not", " of", "above", "below", "against")


def is_baseline_mention(text: str, figure: Figure) -> bool:
    """The old value a new statement is measured against ("up from 4,000", "well above the
    6,000 barrels the owner reported", "19,800 lodged, against 12,400 last week")."""
    start = figure.span[0]
    before = text[max(0, start - 50) : start]
    if before.isascii():
        lowered = before.lower()
        if not any(key in lowered for key in _BASELINE_KEYS):
            return False
    return bool(_BASELINE_MENTION.search(text, max(0, start - 50), start))


_WORD = re.compile(r"\w+")
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DATE = re.compile(
    r"(?=[\dADFJMNOS])"  # a date starts with a digit or a month's capital: one test elsewhere
    r"\b(?:(?:" + _MONTH_NAMES + r")\s+\d{1,4}|\d{1,2}\s+(?:" + _MONTH_NAMES + r"))\b"
)


# Every `_DATE` match holds a month's name: a text without one (most) is returned as it is.
_ANY_MONTH = re.compile(_MONTH_NAMES)


def without_dates(text: str) -> str:
    """`text` with its dates blanked: "March 2028" or "14 May" never says a keyword."""
    if _ANY_MONTH.search(text) is None:
        return text
    return _DATE.sub(lambda m: " " * len(m.group(0)), text)


class KeywordIndex:
    """Which topics a text is about, in one pass over its words for all topics' keywords.

    A text is about a topic when it says one of its keywords (whole words, any case) and, if
    the topic has names among them ("Norvia", "North Korea": capitalised), one of its names: a
    "market quake" or a firm's "jobs" elsewhere is not about the Dalmir earthquake or Norvia.
    """

    def __init__(self, topics: Sequence[Topic]) -> None:
        self._topics: dict[str, set[str]] = defaultdict(set)  # keyword's words -> topic ids
        self._names: dict[str, set[str]] = defaultdict(set)  # topic id -> its names' words
        for topic in topics:
            for keyword in topic.keywords:
                gram = " ".join(_WORD.findall(keyword.lower()))
                if not gram:
                    continue
                self._topics[gram].add(topic.id)
                if keyword.strip()[:1].isupper():
                    self._names[topic.id].add(gram)
        self._sizes = sorted({len(gram.split()) for gram in self._topics})
        # the first words of the keywords of more than one word, by their number of words
        self._heads = {
            size: frozenset(g.split()[0] for g in self._topics if len(g.split()) == size)
            for size in self._sizes
        }

    def topics_in(self, text: str) -> set[str]:
        words = _WORD.findall(without_dates(text).lower())
        said: set[str] = set()
        for size in self._sizes:
            if size == 1:
                said.update(self._topics.keys() & set(words))
                continue
            heads = self._heads[size]
            for i in range(len(words) - size + 1):
                if words[i] in heads:
                    gram = " ".join(words[i : i + size])
                    if gram in self._topics:
                        said.add(gram)
        gated = {topic for gram in said for topic in self._topics[gram]}
        return {t for t in gated if not self._names.get(t) or self._names[t] & said}


def keyword_regex(keywords: Sequence[str]) -> re.Pattern[str]:
    words = sorted((k.strip() for k in keywords if k.strip()), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(
        first_char_guard(words)
        + r"(?<!\w)(?:"
        + "|".join(re.escape(w) for w in words)
        + r")(?!\w)",
        re.I,
    )


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
