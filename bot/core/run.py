"""The per-story run state and sentence reading: what a story gathered, what a sentence says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.core.attribution import attribution_span, is_generic
from bot.core.cues import is_partitive
from bot.core.figures import extract_figures
from bot.core.matching import IndexedClaim, masked, quantity_key
from bot.core.model import (
    Attribution,
    ClaimSpec,
    Figure,
    Finding,
    FindingKind,
    Hedge,
    Sighting,
    Stance,
    Statement,
    Story,
)
from bot.core.reading import without_dates
from bot.core.record import record
from bot.core.stance import against_old_value, cue_stance, framed_as_revision, is_old_value


def reference_figure(text: str) -> Figure | None:
    """The figure a claim's text states: the first one that counts something."""
    figures = extract_figures(text)
    counted = [f for f in figures if quantity_key(f)]
    candidates = counted or figures
    return candidates[0] if candidates else None


def no_figure(claim: IndexedClaim) -> Figure:
    """The placeholder figure of a numberless statement (empty text, never a reference)."""
    ref = claim.reference
    if ref is None:
        return Figure(0.0, float("inf"), Hedge.VAGUE, "")
    return Figure(
        0.0, float("inf"), Hedge.VAGUE, "", counted=ref.counted, unit=ref.unit, measure=ref.measure
    )


@dataclass
class Run:
    """What one `process` call has gathered so far."""

    story: Story
    origin: str
    copy: bool
    reader: Callable[[str], Reading]
    statements: list[Statement] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    new_claims: list[ClaimSpec] = field(default_factory=list)
    sightings: list[tuple[str, Sighting]] = field(default_factory=list)
    seen: set[tuple[str, float, float, Stance]] = field(default_factory=set)
    claims_seen: set[str] = field(default_factory=set)
    readings: dict[str, Reading] = field(default_factory=dict)
    finding_at: dict[str, int] = field(default_factory=dict)  # claim id -> its place in findings
    last_claim: str | None = None  # the claim of the story's latest figure ("the figure")
    # the figures the body gave a claim, by value: a terser headline restating one is theirs
    body_values: dict[tuple[float, float, str], Figure] = field(default_factory=dict)
    # topics of which the story names one place and no event word: its counts are not theirs
    eventless: set[str] = field(default_factory=set)
    unnamed: set[str] = field(default_factory=set)  # topics the story only shares a word with
    # unnamed topics whose keywords and places it says, with how many voices they had heard
    placed: dict[str, int] = field(default_factory=dict)
    unevented: set[str] = field(default_factory=set)  # topics whose event it does not name
    unknown: set[str] = field(default_factory=set)  # topics it may learn no unknown thing for

    def read(self, text: str) -> Reading:
        """A sentence read once per story, whatever the number of topics it is read for."""
        reading = self.readings.get(text)
        if reading is None:
            reading = self.readings[text] = self.reader(text)
        return reading


def read_sentence(text: str) -> Reading:
    """What a sentence says, whatever the story: a pure function of its text, so the engine
    reads a sentence it meets again (a syndicated copy, a repeated line) only once."""
    attribution, names = attribution_span(text)
    figures = tuple(extract_figures(text, excluded=names))
    cue, evidence = cue_stance(text)
    # only a sentence with a figure or a cue is matched and judged: the rest of its
    # reading is never asked for
    judged = bool(figures) or cue is not Stance.NEUTRAL
    old = [is_old_value(text, f) for f in figures]  # asked three times below: read once
    update = judged and against_old_value(text, list(figures), old)
    revision = judged and framed_as_revision(text, list(figures), old)
    words = masked(text) if judged else ""
    # the figures to match: not the old values ("up from 4,000", "the rest of the 4,000")
    matched = tuple(
        f for f, was in zip(figures, old, strict=True) if not (was or is_partitive(text, f.span[0]))
    )
    dateless = without_dates(text)
    generic = is_generic(attribution)
    return Reading(
        figures, words, attribution, cue, evidence, update, revision, dateless, matched, generic
    )


@record
class Reading:
    """What a sentence says, before any topic or claim: its figures, its words with numbers
    masked, its attribution and its stance cues."""

    figures: tuple[Figure, ...]
    masked: str
    attribution: Attribution
    cue: Stance
    evidence: str
    update: bool
    revision: bool = False
    dateless: str = ""  # the text with its dates blanked (`without_dates`), for keyword gates
    matched: tuple[Figure, ...] = ()  # the figures but the old values ("up from 4,000")
    generic: bool = False  # `is_generic(attribution)`: "the report said"


@record
class Said:
    """One sentence's words: text, attribution and stance cues."""

    text: str
    attribution: Attribution
    cue: Stance
    evidence: str
    update: bool  # measured against an old value ("more than the estimate of")
    revision: bool = False  # revises an old value ("corrected", "a further 4,000")


def outranked(run: Run, claim_id: str, kind: FindingKind) -> bool:
    """Whether the story already has a finding for the claim at least as severe as `kind`
    (it keeps one finding a claim: `_emit`)."""
    at = run.finding_at.get(claim_id)
    return at is not None and run.findings[at].severity >= kind.severity
