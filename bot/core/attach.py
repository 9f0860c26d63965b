"""Re-attachment, the engine's second learned decision (tests/eval/README.md, "Re-attachment"):
when the rules find no claim for a figure and the engine is about to learn a new one, a
logistic regression over (figure, candidate claim) pairs asks whether the figure is about one
of the topic's existing claims of the same unit, and which. Above its threshold the figure is
judged against that claim (update, dispute or corroboration, by the rules) instead.

Every feature is read from what `Engine.restore` rebuilds from the store (the claims' specs,
their sightings and current figures) or from the story being read, before the figure's own
sighting is recorded: a restarted bot asks the same question and gets the same answer. Counts
that grow with a claim's life are capped, as the gate's are (bot/core/gate.py).

The weights are generated in ``bot/core/attach_weights.py`` by ``scripts/train_attach.py``;
``scripts/cv_attach.py`` measures the decision by leave-one-file-out cross-validation. Only the
rare figures the rules would learn a claim from are featurised.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz

from bot.core.attribution import same_source
from bot.core.compare import BASELINE_PREFIX, figures_agree
from bot.core.gate import KindModel, midpoint
from bot.core.known import Known
from bot.core.lexicon import COUNTED, MEASURES
from bot.core.matching import (
    RATE,
    IndexedClaim,
    departs_held,
    frame_agreement,
    left_out,
    passed_over,
    planned_done,
    quantity_key,
)
from bot.core.model import Attribution, Figure, Hedge, Sighting

if TYPE_CHECKING:
    from bot.core.run import Run, Said

GENERIC = frozenset({"people", "units"})  # counts that may be of any specific kind
SMALL_INDEX = 1_000  # up to this many claims, every claim of the figure's unit is a candidate
# a topic's claims of one unit scored for a figure: those sharing most words with the sentence
# (in the tune files the right claim is always among the first four; each costs 20 µs)
MAX_CANDIDATES = 4
MAX_SIGHTINGS = 10  # counts that grow with a claim's life are capped (as the gate's)
MAX_DAYS = 30.0
MAX_POOL = 10
_KEYS = tuple(sorted(set(COUNTED.values()) | set(MEASURES.values())))
_same_source = lru_cache(maxsize=1 << 12)(same_source)  # pure, asked of the same few names

FEATURES = (
    "word_share",  # the share of the claim's words the sentence says (as the matcher scores)
    "fuzz_token_set",  # rapidfuzz token_set_ratio of masked sentence and claim text, 0..1
    "best_share",  # this candidate has the best word share among the candidates
    "same_key",  # counts the same kind / measures the same thing
    "only_same_key",  # ... and is the only candidate that does
    "frame_agree",  # period, event, actor, recipient fields that agree
    "event_agree",
    "event_conflict",  # both say an event, different ones
    "scope_agree",
    "scope_conflict",
    "qualifier_agree",
    "qualifier_conflict",
    "period_conflict",
    "log_ratio",  # to the claim's current figure, signed
    "abs_log_ratio",
    "agrees_seen",  # agrees with one of the claim's latest figures
    "open_figure",
    "hedge_exact",
    "configured",  # the claim is configured, not learned
    "learned_here",  # learned from this story
    "in_story",  # the story already gave the claim a figure
    "log_sightings",  # capped
    "log_stories",  # distinct stories of its latest sightings
    "log_days",  # since the claim's first sighting, capped
    "log_days_current",  # since its current figure, capped
    "own_source",  # the current figure's source says this figure
    "source_known",  # a source of the claim's latest sightings says this figure
    "has_source",
    "log_candidates",  # the topic's claims of this unit (before the cut to the best), capped
    "revision",  # framed as a revision of an old value
    "update",  # measured against an old value
    "unit_percent",
    "unit_money",
    "generic_counted",  # people, units
    "last_claim",  # the claim of the story's latest figure
)


class Attacher(Protocol):
    """What the engine asks before it learns a claim from a figure."""

    def choose(
        self,
        figure: Figure,
        candidates: Sequence[IndexedClaim],
        features: Callable[[IndexedClaim], Sequence[float]],
    ) -> IndexedClaim | None:
        """The candidate the figure is about, or None (learn a new claim)."""
        ...


@dataclass(frozen=True)
class LogisticAttacher:
    """The candidate of highest probability, when it reaches the model's threshold."""

    model: KindModel
    # the model with its standardisation folded in (weights over raw features, and the
    # log-odds of the threshold): a candidate is scored by one sum of products
    _weights: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _bias: float = field(init=False, repr=False, compare=False)
    _cut: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        m = self.model
        if len(m.coef) != len(FEATURES):
            raise ValueError(f"{len(m.coef)} weights for {len(FEATURES)} features: re-fit them")
        weights = tuple(w / s for w, s in zip(m.coef, m.scale, strict=True))
        bias = m.intercept - sum(w * x for w, x in zip(weights, m.mean, strict=True))
        t = min(max(m.threshold, 1e-12), 1 - 1e-12)
        object.__setattr__(self, "_weights", weights)
        object.__setattr__(self, "_bias", bias)
        object.__setattr__(self, "_cut", math.log(t / (1 - t)))

    def choose(
        self,
        figure: Figure,
        candidates: Sequence[IndexedClaim],
        features: Callable[[IndexedClaim], Sequence[float]],
    ) -> IndexedClaim | None:
        best: tuple[float, IndexedClaim] | None = None
        for claim in candidates:
            z = self._bias + sum(map(operator.mul, self._weights, features(claim)))
            if best is None or z > best[0]:
                best = (z, claim)
        return best[1] if best is not None and best[0] >= self._cut else None


def candidates(view: Known, topic_id: str, figure: Figure, sentence: str) -> list[IndexedClaim]:
    """The topic's claims of the figure's unit (with a reference figure): those counting the
    same thing, then the rest, in id order; in an engine holding more than `SMALL_INDEX`
    claims, only those sharing the most words with the (masked) sentence, as the index finds
    them."""
    index = view.index
    key = quantity_key(figure)
    if len(view.order) > SMALL_INDEX:
        near = index.candidates(topic_id, sentence.split())
        return [
            c
            for c in near
            if c.reference is not None
            and c.reference.unit == figure.unit
            and _may_count(figure.unit, key, quantity_key(c.reference))
        ]
    found = index.by_counted(topic_id, key, figure.unit) if key else []
    for other in _KEYS:
        if other != key and _may_count(figure.unit, key, other):
            found += index.by_counted(topic_id, other, figure.unit)
    return found


def _may_count(unit: str, key: str | None, other: str | None) -> bool:
    """Whether a figure counting `key` may be a figure of a claim counting `other`: a count of
    one specific thing is never a count of another (DESIGN.md: the troops to be sent and the
    soldiers killed or wounded are two quantities); a count of people or units, or of nothing
    the sentence says, may be either. Money and percentages may change their measure word."""
    return unit != "count" or key == other or not key or not other or bool(GENERIC & {key, other})


def _days(a: datetime | None, b: datetime | None) -> float:
    if a is not None and b is not None:
        return math.log1p(min(MAX_DAYS, max(0.0, (a - b).total_seconds() / 86400)))
    return 0.0


def _source(attribution: Attribution) -> str | None:
    return attribution.source or attribution.via


def pair_features(
    view: Known,
    run: Run,
    claim: IndexedClaim,
    figure: Figure,
    said: Said,
    sentence: str,
    shares: dict[str, float],
    same_keys: int,
) -> tuple[float, ...]:
    """The features of one (figure, candidate claim) pair, in `FEATURES` order; `sentence` is
    the masked sentence, `shares` the word shares of every candidate (before the cut to the
    best), `same_keys` how many of them count what the figure counts."""
    reference = claim.reference
    assert reference is not None
    share = shares.get(claim.spec.id, 0.0)
    best = max(shares.values(), default=0.0)
    key = quantity_key(figure)
    held: Sequence[Sighting] = view.sightings.get(claim.spec.id, ())
    sightings = held[-MAX_SIGHTINGS:]  # the latest: the work per pair does not grow with age
    current = view.current.get(claim.spec.id)
    ratio = 0.0
    if current is not None and current.figure.text:
        a, b = midpoint(figure), midpoint(current.figure)
        if a is not None and b is not None:
            ratio = max(-5.0, min(5.0, math.log(a / b)))
    configured = bool(held) and held[0].origin_key.startswith(BASELINE_PREFIX)  # added first
    source = _source(said.attribution)
    own = known = False
    if source is not None:
        before = _source(current.attribution) if current is not None else None
        own = before is not None and _same_source(before, source)
        known = any(
            (theirs := _source(s.attribution)) is not None and _same_source(theirs, source)
            for s in sightings
        )
    first = held[0].published if held else None
    when = run.story.published
    stories = {s.origin_key for s in sightings if not s.origin_key.startswith(BASELINE_PREFIX)}
    is_same = key is not None and key == quantity_key(reference)
    return (
        share,
        fuzz.token_set_ratio(sentence, claim.masked) / 100,
        float(share >= best and best > 0),
        float(is_same),
        float(is_same and same_keys == 1),
        float(frame_agreement(figure, reference)),
        float(figure.event is not None and figure.event == reference.event),
        float(None not in (figure.event, reference.event) and figure.event != reference.event),
        float(figure.scope == reference.scope),
        float(None not in (figure.scope, reference.scope) and figure.scope != reference.scope),
        float(figure.qualifier == reference.qualifier),
        float(
            None not in (figure.qualifier, reference.qualifier)
            and figure.qualifier != reference.qualifier
        ),
        float(None not in (figure.period, reference.period) and figure.period != reference.period),
        ratio,
        abs(ratio),
        float(any(s.figure.text and figures_agree(figure, s.figure) for s in sightings)),
        float(figure.is_open),
        float(figure.hedge is Hedge.EXACT),
        float(configured),
        float(any(c.id == claim.spec.id for c in run.new_claims)),
        float(claim.spec.id in run.claims_seen),
        math.log1p(min(len(held), MAX_SIGHTINGS)),
        math.log1p(min(len(stories), MAX_SIGHTINGS)),
        _days(when, first),
        _days(when, current.published if current else None),
        float(own),
        float(known),
        float(source is not None),
        math.log1p(min(len(shares), MAX_POOL)),
        float(said.revision),
        float(said.update),
        float(figure.unit == "percent"),
        float(figure.unit not in ("count", "percent")),
        float(figure.counted in ("people", "units")),
        float(run.last_claim == claim.spec.id),
    )


def reattach(
    view: Known,
    attacher: Attacher,
    run: Run,
    topic_id: str,
    figure: Figure,
    said: Said,
) -> tuple[IndexedClaim, float] | None:
    """The existing claim a figure the rules found no claim for is about, with its word share
    (the text score the finding carries), or None: learn a new claim."""
    sentence = run.read(said.text).masked
    pool = candidates(view, topic_id, figure, sentence)
    # "2,000 passengers were allowed off" is not the passengers who fell ill; "500 trucks a
    # day" is not the trucks that have entered so far
    rate = figure.period == RATE
    missed = passed_over(said.text, figure)  # asked once, not once a candidate
    pool = [
        c
        for c in pool
        if not departs_held(said.text, figure, c)
        and not left_out(said.text, figure, c, missed)  # the missed are not the counted
        and (c.reference is None or (c.reference.period == RATE) == rate)
    ]
    if not pool:
        return None
    words = set(sentence.split()) - {"#"}
    shares = {
        c.spec.id: (len(words.intersection(c.words)) / len(c.words) if c.words else 0.0)
        for c in pool
    }
    key = quantity_key(figure)
    same_keys = sum(1 for c in pool if c.reference is not None and quantity_key(c.reference) == key)
    if len(pool) > MAX_CANDIDATES:
        pool = sorted(pool, key=lambda c: (-shares[c.spec.id], c.spec.id))[:MAX_CANDIDATES]
    chosen = attacher.choose(
        figure,
        pool,
        lambda c: pair_features(view, run, c, figure, said, sentence, shares, same_keys),
    )
    if chosen is None or planned_done(said.text, figure, chosen):
        return None  # "have called up 193,460" is not what "will call up 300,000" plans
    return chosen, shares[chosen.spec.id]
