"""A learned verdict on each finding the engine is about to emit (tests/eval/README.md, "The
finding gate"): a logistic regression per finding kind over what the engine knows of the
finding — how well its sentence matches the claim, whether what is counted, the event, the
scope and the place agree, how the figure compares with the claim's current one, who says it
and whether they said it before — never how the sentence is written (the corpus's writers gave
every true rival estimate as a range or a hedged number, a habit real news does not share).
Fitted on the labelled corpus's tune split by ``scripts/train_gate.py``, measured by
leave-one-file-out cross-validation (``scripts/cv_gate.py``); the committed gate judges disputes
only. The weights live in the generated ``bot/core/gate_weights.py``.

Only the few candidate findings of a story are featurised, so the cost per story is small.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.core.attribution import same_source
from bot.core.compare import BASELINE_PREFIX
from bot.core.enum_members import DISPUTES as _DISPUTES
from bot.core.enum_members import NEUTRAL as _NEUTRAL
from bot.core.enum_members import REFUTES as _REFUTES
from bot.core.known import Known
from bot.core.matching import IndexedClaim, frame_agreement, quantity_key
from bot.core.model import Attribution, Figure, FindingKind, Sighting, Stance
from bot.core.record import record

if TYPE_CHECKING:
    from bot.core.run import Run, Said

FEATURES = (
    "text_score",
    "frame_agree",
    "counted_known",
    "event_agree",
    "scope_agree",
    "qualifier_agree",
    "log_ratio",
    "abs_log_ratio",
    "learned_claim",
    "log_sightings",
    "learned_here",
    "has_source",
    "source_seen",
    "cue_disputes",
    "cue_refutes",
    "revision",
    "update_frame",
    "same_key_claims",
    "unit_percent",
    "unit_money",
    "generic_counted",  # people, units
    "casualty",
    "log_days",  # since the claim's current figure (at most 30)
    "own_source",  # the current figure's own source
    "story_unnamed",  # the story names none of the topic's names (`Topical._anchor`)
    "story_eventless",  # it names no event word of the topic
)
# Counts that grow with a claim's life are capped near the largest the corpus has, so a claim
# tracked for months is not read as unlike anything the gate was fitted on (a feature counting
# every source a topic has heard since the process started was dropped for that reason: a
# busy topic would slowly have lost all its disputes, and a restart would have reset it).
MAX_SIGHTINGS = 10
MAX_DAYS = 30.0
_CASUALTIES = frozenset({"killed", "wounded", "killed_or_wounded", "injured", "missing"})


@record
class Heard:
    """What the engine had heard before a finding's own sighting was recorded: whether its
    source had spoken on the topic, and how many sightings the claim had."""

    seen: bool
    sightings: int

    @staticmethod
    def of(view: Known, topic: str, claim_id: str | None, attribution: Attribution) -> Heard:
        source = attribution.source or attribution.via
        seen = source is not None and source in view.voices.get(topic, ())
        count = len(view.sightings.get(claim_id, ())) if claim_id is not None else 0
        return Heard(seen, count)


class Gate(Protocol):
    """What the engine asks before it emits a finding (and before it learns a claim)."""

    @property
    def drop_claims(self) -> bool:
        """Whether a rejected new_claim is not learned at all (else learned silently)."""
        ...

    def keep(
        self, kind: FindingKind, claim_id: str, features: Callable[[], Sequence[float]]
    ) -> bool:
        """Whether to emit the finding; `features()` computes its row (only when asked)."""
        ...


@dataclass(frozen=True)
class KindModel:
    """One kind's standardised logistic regression and its threshold."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, features: Sequence[float]) -> float:
        z = self.intercept
        for x, m, s, w in zip(features, self.mean, self.scale, self.coef, strict=True):
            z += w * (x - m) / s
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class LogisticGate:
    """A model per kind; a kind without one is always kept."""

    models: Mapping[str, KindModel]
    drop_claims: bool = True

    def probability(self, kind: FindingKind, features: Sequence[float]) -> float:
        model = self.models.get(kind.value)
        return 1.0 if model is None else model.probability(features)

    def keep(
        self, kind: FindingKind, claim_id: str, features: Callable[[], Sequence[float]]
    ) -> bool:
        model = self.models.get(kind.value)
        return model is None or model.probability(features()) >= model.threshold


def midpoint(figure: Figure) -> float | None:
    """The middle of a figure's interval (its low end when open-ended); None at zero."""
    low, high = figure.low, figure.high
    if math.isinf(high):
        return low if low > 0 else None
    mid = (low + high) / 2
    return mid if mid > 0 else None


def features(
    view: Known,
    run: Run,
    claim: IndexedClaim,
    figure: Figure | None,
    said: Said,
    score: float,
    current: Sighting | None,
    before: Heard,
) -> tuple[float, ...]:
    """The features of a finding on a claim the engine holds; `before`: what the engine had
    heard before it recorded the finding's own sighting."""
    return _row(
        view,
        run,
        claim,
        figure,
        said.text,
        said.attribution,
        said.cue,
        score,
        current,
        said.revision,
        said.update,
        claim.spec.topic,
        before,
    )


def claim_features(
    view: Known,
    run: Run,
    topic_id: str,
    figure: Figure,
    sentence: str,
    attribution: Attribution,
) -> tuple[float, ...]:
    """The features of a new_claim: the claim is the figure's own, learned here."""
    before = Heard.of(view, topic_id, None, attribution)
    return _row(
        view, run, None, figure, sentence, attribution, _NEUTRAL, 1.0, None, False,
        False, topic_id, before,
    )  # fmt: skip


def _row(
    view: Known,
    run: Run,
    claim: IndexedClaim | None,
    figure: Figure | None,
    text: str,
    attribution: Attribution,
    cue: Stance,
    score: float,
    current: Sighting | None,
    revision: bool,
    update: bool,
    topic: str,
    before: Heard,
) -> tuple[float, ...]:
    """The features of one candidate finding, in `FEATURES` order. `claim` is None for a
    claim about to be learned (its figure is then the claim's own)."""
    reference = claim.reference if claim is not None else figure
    frame = event = scope = qualifier = 0.0
    if figure is not None and reference is not None:
        frame = float(frame_agreement(figure, reference))
        event = float(figure.event == reference.event)
        scope = float(figure.scope == reference.scope)
        qualifier = float(figure.qualifier == reference.qualifier)
    ratio = 0.0
    if figure is not None and current is not None and current.figure.text:
        a, b = midpoint(figure), midpoint(current.figure)
        if a is not None and b is not None:
            ratio = max(-5.0, min(5.0, math.log(a / b)))
    sightings = view.sightings.get(claim.spec.id, ()) if claim is not None else ()
    learned = claim is None or not any(s.origin_key.startswith(BASELINE_PREFIX) for s in sightings)
    here = claim is None or any(c.id == claim.spec.id for c in run.new_claims)
    source = attribution.source or attribution.via
    same_key = 0
    key = quantity_key(figure) if figure is not None else None
    if figure is not None and key is not None:
        same_key = len(view.index.by_counted(topic, key, figure.unit))
    unit = figure.unit if figure is not None else ""
    counted = figure.counted if figure is not None else None
    days = own = 0.0
    if current is not None:
        when, then = run.story.published, current.published
        if when is not None and then is not None:
            days = math.log1p(min(MAX_DAYS, max(0.0, (when - then).total_seconds() / 86400)))
        earlier = current.attribution.source or current.attribution.via
        own = float(earlier is not None and source is not None and same_source(earlier, source))
    return (
        score,
        frame,
        float(figure is not None and figure.counted is not None),
        event,
        scope,
        qualifier,
        ratio,
        abs(ratio),
        float(learned),
        math.log1p(min(before.sightings, MAX_SIGHTINGS)),
        float(here),
        float(source is not None),
        float(before.seen),
        float(cue is _DISPUTES),
        float(cue is _REFUTES),
        float(revision),
        float(update),
        float(min(same_key, 5)),
        float(unit == "percent"),
        float(unit not in ("count", "percent", "")),
        float(counted in ("people", "units")),
        float(counted in _CASUALTIES),
        days,
        own,
        float(topic in run.unnamed),
        float(topic in run.unknown),
    )
