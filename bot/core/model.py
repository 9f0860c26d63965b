"""Domain values shared by the core and the adapters (the vocabulary of DESIGN.md).

Everything here is a frozen dataclass over plain values: no I/O, no clock, no environment. The
values the engine builds for each story (figures, attributions, statements, sightings,
findings) are `@record`s, frozen to the type checker and cheaper to build (`bot.core.record`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.core.record import record


class Hedge(StrEnum):
    """How a figure is qualified in the text."""

    EXACT = "exact"
    ABOUT = "about"  # about, around, some, roughly, approximately
    UP_TO = "up_to"  # up to, as many as
    ALMOST = "almost"  # almost, nearly
    AT_LEAST = "at_least"  # at least, more than, over
    FEWER_THAN = "fewer_than"  # fewer than, less than, under
    RANGE = "range"  # between A and B, A to B, A–B
    VAGUE = "vague"  # thousands, tens of thousands, dozens


class Stance(StrEnum):
    SUPPORTS = "supports"
    DISPUTES = "disputes"
    REFUTES = "refutes"
    NEUTRAL = "neutral"
    UNRELATED = "unrelated"


class FindingKind(StrEnum):
    """What the engine concludes from a statement, in increasing severity."""

    NEW_CLAIM = "new_claim"
    CORROBORATION = "corroboration"
    NEW_FIGURE = "new_figure"
    DISPUTE = "dispute"
    CONTRADICTION = "contradiction"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {kind: rank for rank, kind in enumerate(FindingKind)}


@record
class Figure:
    """A number or range, with its hedge and what is counted.

    ``low``/``high`` bound the interval (``high`` may be ``math.inf``). ``counted`` is the
    normalised kind ("troops", "killed", "wounded", "killed_or_wounded", "shells", ...) or None
    when the sentence does not say. ``unit`` is "count", "percent" or a currency code.
    ``event`` is the frame's event ("to_be_sent", "sent", "pledged", "killed", ...) when known.
    ``span`` is the character span of ``text`` in the sentence it came from.
    ``measure`` names what a percentage or an amount of money measures ("inflation",
    "deficit", "cost"); ``period`` is the period it is for ("jan", "month_on_month") when said;
    ``scope`` is a wider scope than the story's own place when said ("national": "nationwide").
    ``qualifier`` is what a phrase right after the counted noun says of where they are ("1,500
    jobs at parts suppliers": "part supplier"), in lower-case words, singular.
    """

    low: float
    high: float
    hedge: Hedge
    text: str
    counted: str | None = None
    unit: str = "count"
    event: str | None = None
    actor: str | None = None
    recipient: str | None = None
    span: tuple[int, int] = (0, 0)
    measure: str | None = None
    period: str | None = None
    scope: str | None = None
    qualifier: str | None = None  # where the counted things are: "jobs at parts suppliers"

    def overlaps(self, other: Figure) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def is_open(self) -> bool:
        return math.isinf(self.high)


@record
class Attribution:
    """Who says it, and through whom: "Ukrainian intelligence, via CNN"."""

    source: str | None = None
    via: str | None = None

    def __str__(self) -> str:
        if self.source and self.via:
            return f"{self.source}, via {self.via}"
        return self.source or self.via or "unattributed"


@dataclass(frozen=True, slots=True)
class Story:
    """One feed entry, its text already turned into clean prose."""

    key: str  # guid, else link, else content hash
    feed: str  # the feed's name
    outlet: str
    url: str
    title: str
    text: str
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    """A tracked claim as configured (or learned)."""

    id: str
    topic: str
    text: str
    source: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    name: str
    keywords: tuple[str, ...]
    claims: tuple[ClaimSpec, ...] = ()


@record
class Sighting:
    """One time a figure for a claim was seen: the figure, who said it, where and when."""

    figure: Figure
    attribution: Attribution
    outlet: str
    url: str
    published: datetime | None
    story_key: str
    origin_key: str  # the story this one is a syndicated copy of (itself when original)
    stance: Stance = Stance.SUPPORTS


@record
class Statement:
    """One sentence of a story that speaks to a claim."""

    sentence: str
    figures: tuple[Figure, ...]
    attribution: Attribution
    stance: Stance
    claim_id: str | None = None
    score: float = 0.0


@record
class Finding:
    """What the engine concludes from a statement."""

    kind: FindingKind
    topic: str
    claim_id: str
    claim_text: str
    statement: Statement
    story: Story
    figure: Figure | None
    previous: Sighting | None
    explanation: str
    may_be_update: bool = False
    origin_key: str = ""
    independent_sources: int = 1
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def severity(self) -> int:
        return self.kind.severity


@dataclass(frozen=True, slots=True)
class StoryResult:
    """Everything the engine concluded from one story; the store writes it in one transaction."""

    story: Story
    origin_key: str  # the story this one is a syndicated copy of (its own key when original)
    statements: tuple[Statement, ...] = ()
    findings: tuple[Finding, ...] = ()
    new_claims: tuple[ClaimSpec, ...] = ()
    sightings: tuple[tuple[str, Sighting], ...] = ()  # (claim id, sighting)
