"""The learned finding gate (bot/core/gate.py): the committed weights are what the training
script fits, and the engine does what a rejection means for each kind."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from bot.core.engine import Engine
from bot.core.gate import FEATURES, KindModel, LogisticGate
from bot.core.gate_weights import GATE
from bot.core.model import FindingKind, Story
from tests.core.test_judging import FLOOD

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


class Rejecting:
    """A gate that rejects the first `times` findings of the given kinds and keeps the rest,
    remembering every question and its features."""

    def __init__(self, kinds: set[FindingKind], *, times: int = 99, drop: bool = False) -> None:
        self.kinds, self.times, self.drop_claims = kinds, times, drop
        self.asked: list[tuple[FindingKind, str, tuple[float, ...]]] = []

    def keep(
        self, kind: FindingKind, claim_id: str, features: Callable[[], Sequence[float]]
    ) -> bool:
        self.asked.append((kind, claim_id, tuple(features())))
        if kind in self.kinds and self.times > 0:
            self.times -= 1
            return False
        return True


def story(key: str, day: int, outlet: str, text: str) -> Story:
    return Story(
        key=key,
        feed=outlet,
        outlet=outlet,
        url=f"https://{outlet.lower()}.example/{key}",
        title="Brannock floods",
        text=text,
        published=datetime(2026, 4, day, 9, tzinfo=UTC),
    )


def told(engine: Engine, key: str, day: int, outlet: str, text: str) -> list[tuple[str, str]]:
    result = engine.process(story(key, day, outlet, text))
    return [(str(f.kind), f.claim_id) for f in result.findings]


DISPLACED = "The Brannock floods have displaced 3,000 people, the Civil Defence Office said."
AGAIN = "Some 3,000 people were displaced by the Brannock floods, the Red Cross said."


def test_the_committed_weights_are_a_fresh_fit() -> None:
    sys.path.insert(0, str(SCRIPTS))
    try:
        training = importlib.import_module("gate_training")
        fresh = training.fitted_module(training.training_files())
        if training.WEIGHTS.read_text(encoding="utf-8") != fresh:  # the same up to float noise?
            scope: dict[str, object] = {}
            exec(compile(fresh, "fresh", "exec"), scope)
            again = scope["GATE"]
            assert isinstance(again, LogisticGate) and again.drop_claims == GATE.drop_claims
            assert isinstance(again, LogisticGate) and again.models.keys() == GATE.models.keys()
            for kind, model in GATE.models.items():
                other = again.models[kind]
                assert isinstance(model, KindModel) and isinstance(other, KindModel)
                assert other.threshold == model.threshold
                for a, b in zip(
                    (*model.mean, *model.scale, *model.coef, model.intercept),
                    (*other.mean, *other.scale, *other.coef, other.intercept),
                    strict=True,
                ):
                    assert abs(a - b) <= 1e-4 * max(1.0, abs(a))
    finally:
        sys.path.remove(str(SCRIPTS))


def test_the_committed_gate_has_a_model_for_each_gated_kind_and_every_feature() -> None:
    assert set(GATE.models) == {"dispute"}
    for model in GATE.models.values():
        assert isinstance(model, KindModel)  # the regression won the CV (README)
        assert len(model.coef) == len(model.mean) == len(model.scale) == len(FEATURES)
        assert 0.0 <= model.threshold < 1.0


def test_a_kind_without_a_model_is_kept_and_one_with_a_model_obeys_its_threshold() -> None:
    n = len(FEATURES)
    model = KindModel((0.0,) * n, (1.0,) * n, (2.0,) + (0.0,) * (n - 1), 0.0, threshold=0.5)
    gate = LogisticGate({"dispute": model})
    above, below = (1.0,) + (0.0,) * (n - 1), (-1.0,) + (0.0,) * (n - 1)
    assert gate.keep(FindingKind.DISPUTE, "c", lambda: above)
    assert not gate.keep(FindingKind.DISPUTE, "c", lambda: below)
    assert gate.keep(FindingKind.CONTRADICTION, "c", lambda: below)
    assert 0.85 < gate.probability(FindingKind.DISPUTE, above) < 0.9


def test_a_rejected_new_claim_is_learned_silently_unless_the_gate_drops_it() -> None:
    silent = Rejecting({FindingKind.NEW_CLAIM})
    engine = Engine([FLOOD], gate=silent)
    assert told(engine, "a", 2, "Post", DISPLACED) == []
    assert [k for k, _, _ in silent.asked] == [FindingKind.NEW_CLAIM]
    assert len(silent.asked[0][2]) == len(FEATURES)
    assert len(engine.claims()) == 2  # learned, said nothing
    [(kind, claim)] = told(engine, "b", 3, "Wire", AGAIN)
    assert (kind, claim != "flood-deaths") == ("corroboration", True)

    dropping = Rejecting({FindingKind.NEW_CLAIM}, times=1, drop=True)
    engine = Engine([FLOOD], gate=dropping)
    assert told(engine, "a", 2, "Post", DISPLACED) == []
    assert [c.id for c in engine.claims()] == ["flood-deaths"]  # not learned at all
    [(kind, claim)] = told(engine, "b", 3, "Wire", AGAIN)
    assert (kind, claim != "flood-deaths") == ("new_claim", True)


def test_a_new_figure_is_never_put_to_the_gate_as_it_moves_the_current_figure() -> None:
    """Vetoing an update would leave its sighting stored, and a restart would make it current
    after all: the gate is asked only of findings whose veto leaves no such trace."""
    later = "The Brannock floods have killed 150 people, the Civil Defence Office said."
    again = "The Red Cross said 150 people had died in the Brannock floods since Monday."
    rejecting = Rejecting({FindingKind.NEW_FIGURE, FindingKind.CORROBORATION})
    engine = Engine([FLOOD], gate=rejecting)
    assert told(engine, "a", 3, "Post", later) == [("new_figure", "flood-deaths")]
    assert told(engine, "b", 4, "Wire", again) == []  # the corroboration was asked, and vetoed
    assert [kind for kind, _, _ in rejecting.asked] == [FindingKind.CORROBORATION]


def test_a_restart_gives_the_gate_the_same_facts_about_who_spoke() -> None:
    """The engine rebuilt from what the store holds (`restore`) has heard the same sources as
    the one that ran, so the gate's features, and its verdicts, do not change on a restart."""
    first = story("a", 2, "Post", AGAIN)  # the Red Cross is heard on the topic
    injured = "The Red Cross said 40 people had been injured in the Brannock floods."
    live, restarted = Rejecting(set()), Rejecting(set())
    engine = Engine([FLOOD], gate=live)
    result = engine.process(first)
    again = Engine([FLOOD], gate=restarted)
    again.restore(result.new_claims, result.sightings, [(first, result.origin_key)])
    live.asked.clear()
    engine.process(story("b", 3, "Wire", injured))
    again.process(story("b", 3, "Wire", injured))
    [(kind, _, row)] = live.asked
    assert kind is FindingKind.NEW_CLAIM and row[FEATURES.index("source_seen")] == 1.0
    assert restarted.asked == live.asked
