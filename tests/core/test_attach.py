"""Re-attachment (bot/core/attach.py): a figure the rules would learn a claim from is judged
against the existing claim the attacher picks; what the attacher reads is rebuilt by
`Engine.restore`, so a bot restarted mid-story decides as the one that ran on; the committed
weights are what the training script fits."""

from __future__ import annotations

import dataclasses
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.adapters.store.codec import figure_from_json, figure_json
from bot.core.attach import FEATURES, Attacher, LogisticAttacher, candidates
from bot.core.attach_weights import ATTACH
from bot.core.engine import Engine, moves_current
from bot.core.gate import KindModel
from bot.core.matching import IndexedClaim
from bot.core.model import Attribution, ClaimSpec, Figure, Hedge, Sighting, Stance, Story
from tests.core.test_gate import DISPLACED, FLOOD, story, told

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
HOMELESS = "About 4,500 people in Brannock have lost their homes to the floods, the Red Cross said."


class Picking:
    """An attacher that takes the candidate whose id ends with `want`, remembering each
    question: the figure, its candidates and the length of their feature rows."""

    def __init__(self, want: str) -> None:
        self.want = want
        self.asked: list[tuple[str, list[str], list[int]]] = []

    def choose(
        self,
        figure: Figure,
        candidates: Sequence[IndexedClaim],
        features: Callable[[IndexedClaim], Sequence[float]],
    ) -> IndexedClaim | None:
        ids = [c.spec.id for c in candidates]
        self.asked.append((figure.text, ids, [len(features(c)) for c in candidates]))
        return next((c for c in candidates if c.spec.id.endswith(self.want)), None)


class Recording:
    """The committed attacher, remembering each question with its feature rows."""

    def __init__(self, attacher: Attacher) -> None:
        self.attacher = attacher
        self.asked: list[tuple[str, list[str], list[tuple[float, ...]], str | None]] = []

    def choose(
        self,
        figure: Figure,
        candidates: Sequence[IndexedClaim],
        features: Callable[[IndexedClaim], Sequence[float]],
    ) -> IndexedClaim | None:
        rows = [tuple(features(c)) for c in candidates]
        chosen = self.attacher.choose(figure, candidates, features)
        ids = [c.spec.id for c in candidates]
        self.asked.append((figure.text, ids, rows, chosen.spec.id if chosen else None))
        return chosen


def test_without_an_attacher_the_figure_is_a_new_claim() -> None:
    engine = Engine([FLOOD], gate=None, attach=None)
    assert told(engine, "f1", 2, "Herald", DISPLACED) == [("new_claim", "brannock-flood/displaced")]
    assert told(engine, "f2", 3, "Gazette", HOMELESS) == [("new_claim", "brannock-flood/people")]


def test_a_reattached_figure_is_judged_against_the_claim_picked() -> None:
    engine = Engine([FLOOD], gate=None, attach=Picking("displaced"))
    told(engine, "f1", 2, "Herald", DISPLACED)
    # the Red Cross's 4,500 against the Civil Defence Office's 3,000 the next day: a dispute
    assert told(engine, "f2", 3, "Gazette", HOMELESS) == [("dispute", "brannock-flood/displaced")]
    assert "brannock-flood/people" not in {c.id for c in engine.claims()}
    assert [s.figure.text for s in engine.sightings("brannock-flood/displaced")] == [
        "3,000",
        "4,500",
    ]


def test_the_attacher_is_asked_only_of_figures_the_rules_learn_with_same_unit_claims() -> None:
    attacher = Picking("nothing")
    engine = Engine([FLOOD], gate=None, attach=attacher)
    told(engine, "f1", 2, "Herald", DISPLACED)
    told(engine, "f2", 3, "Gazette", "The floods have now displaced 3,400 people in Brannock.")
    told(engine, "f3", 4, "Post", "Damage from the Brannock floods is put at €30m, insurers said.")
    told(engine, "f4", 5, "Wire", HOMELESS)
    n = len(FEATURES)
    # 3,000 displaced is not offered to the deaths claim (a count of one specific thing is
    # never a count of another), so nothing is asked; the matched 3,400 is never asked about,
    # nor the €30m (no claim of the topic counts euros)
    assert attacher.asked == [("4,500", ["brannock-flood/displaced", "flood-deaths"], [n, n])]


def test_a_count_of_one_thing_is_never_offered_to_a_claim_counting_another() -> None:
    engine = Engine([FLOOD], gate=None, attach=None)
    injured = Figure(40.0, 40.0, Hedge.EXACT, "40", counted="injured")
    people = Figure(40.0, 40.0, Hedge.EXACT, "40", counted="people")
    ids = [c.spec.id for c in candidates(engine.known, FLOOD.id, injured, "40 injured")]
    assert "flood-deaths" not in ids  # injured is not killed
    ids = [c.spec.id for c in candidates(engine.known, FLOOD.id, people, "40 people")]
    assert "flood-deaths" in ids  # a count of people may be a count of the dead


def test_the_best_candidate_is_taken_only_above_the_threshold() -> None:
    n = len(FEATURES)
    share = FEATURES.index("word_share")
    coef = tuple(4.0 if i == share else 0.0 for i in range(n))
    model = KindModel((0.0,) * n, (1.0,) * n, coef, -2.0, 0.5)
    engine = Engine([FLOOD], gate=None, attach=None)
    claim = engine._index.get("flood-deaths")
    assert claim is not None
    figure = Figure(10.0, 10.0, Hedge.EXACT, "10")
    for value, expected in ((0.9, claim), (0.2, None)):  # p = 0.83, then 0.40
        row = [0.0] * n
        row[share] = value
        chosen = LogisticAttacher(model).choose(figure, [claim], lambda c, r=row: r)
        assert chosen is expected


# --- restarts ---------------------------------------------------------------------------------


def _seen(text: str, key: str, origin: str, stance: Stance = Stance.SUPPORTS) -> Sighting:
    low = float(text.replace(",", ""))
    when = datetime(2026, 4, 2, tzinfo=UTC)
    figure = Figure(low, low, Hedge.EXACT, text, counted="people", event="displaced")
    return Sighting(figure, Attribution("Red Cross"), "Wire", "", when, key, origin, stance)


def test_a_stored_sighting_is_current_again_only_if_it_was_made_current() -> None:
    learned = _seen("3,000", "a", "a")
    assert moves_current(None, learned)  # the figure a claim was learned from
    assert moves_current(learned, _seen("4,500", "b", "b"))  # another story's other figure
    assert not moves_current(learned, _seen("3,000", "b", "b"))  # a corroboration agrees
    assert not moves_current(learned, _seen("4,500", "c", "b"))  # a syndicated copy
    assert not moves_current(learned, _seen("4,500", "a", "a"))  # the current figure's story
    assert not moves_current(learned, _seen("9,000", "b", "b", Stance.DISPUTES))


def test_a_corroboration_is_not_the_current_figure_after_a_restart() -> None:
    """The Red Cross agreeing with the Civil Defence Office's 3,000 leaves the Office's figure
    current; a restarted engine must not make the Red Cross's sighting of it current, or the
    Office revising its own figure the same day would read as another source disputing it."""
    agree = "Some 3,000 people were displaced by the Brannock floods, the Red Cross said."
    revised = "The Brannock floods have displaced 4,000 people, the Civil Defence Office said."
    live = Engine([FLOOD], attach=None)
    claims: list[ClaimSpec] = []
    sightings: list[tuple[str, Sighting]] = []
    stories: list[tuple[Story, str]] = []
    for key, day, outlet, text in (("a", 2, "Herald", DISPLACED), ("b", 3, "Wire", agree)):
        result = live.process(story(key, day, outlet, text))
        claims += result.new_claims
        sightings += result.sightings
        stories.append((result.story, result.origin_key))
    again = Engine([FLOOD], attach=None)
    again.restore(claims, sightings, stories)
    for engine in (live, again):
        assert told(engine, "c", 3, "Post", revised) == [("new_figure", "brannock-flood/displaced")]


def _stored(sighting: Sighting) -> Sighting:
    """The sighting as a restarted bot reads it back from its JSON column."""
    data = json.loads(json.dumps(figure_json(sighting.figure)))
    return dataclasses.replace(sighting, figure=figure_from_json(data))


def _replay(
    file: str, restart: bool
) -> tuple[list[list[tuple[str, str, str | None]]], list[tuple[object, ...]]]:
    """A tune file through the engine with the committed attacher, in publication order; with
    `restart`, the engine is rebuilt halfway from what the store keeps (`Engine.restore`). The
    findings of each story, and what the attacher was asked after the halfway point."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        training = importlib.import_module("gate_training")
        [corpus] = [f for f in training.training_files() if f.id == file]
    finally:
        sys.path.remove(str(SCRIPTS))
    assert ATTACH is not None
    golds = sorted(corpus.stories, key=lambda g: g.story.published or datetime.max)
    half = len(golds) // 2
    recording = Recording(ATTACH)
    engine = Engine([corpus.topic], attach=recording)
    claims: list[ClaimSpec] = []
    sightings: list[tuple[str, Sighting]] = []
    stories: list[tuple[Story, str]] = []
    found: list[list[tuple[str, str, str | None]]] = []
    for i, gold in enumerate(golds):
        if i == half:
            recording.asked.clear()
            if restart:
                engine = Engine([corpus.topic], attach=recording)
                engine.restore(claims, [(c, _stored(s)) for c, s in sightings], stories)
        result = engine.process(gold.story)
        claims += result.new_claims
        sightings += result.sightings
        stories.append((result.story, result.origin_key))
        found.append(
            [(str(f.kind), f.claim_id, f.figure and f.figure.text) for f in result.findings]
        )
    return found, list(recording.asked)


@pytest.mark.parametrize("file", ["avalanche-resort", "grid-blackout"])
def test_a_restart_halfway_through_a_story_changes_no_finding_and_no_question(file: str) -> None:
    """A tune file straight through, and again with the bot restarted halfway: the attacher
    is asked the same questions with the same features, and every finding is the same. (A
    restore that made the latest supporting sighting current, a corroboration's included,
    changed four of the avalanche file's seven questions; one that forgot the places the
    topic's stories named lost two of the blackout file's findings.)"""
    straight, asked = _replay(file, restart=False)
    restarted, asked_again = _replay(file, restart=True)
    # it is asked several questions after the restart and attaches at least once (how many
    # depends on the fitted weights: 4 for grid-blackout after round 15's refit)
    assert len(asked) >= 3 and any(chosen for *_, chosen in asked)
    assert asked_again == asked
    assert restarted == straight


# --- the committed weights --------------------------------------------------------------------


def test_the_committed_weights_are_a_fresh_fit() -> None:
    sys.path.insert(0, str(SCRIPTS))
    try:
        training = importlib.import_module("attach_training")
        gates = importlib.import_module("gate_training")
        fresh = training.fitted_module(gates.training_files())
        assert training.WEIGHTS.read_text(encoding="utf-8") == fresh
    finally:
        sys.path.remove(str(SCRIPTS))
    assert (ATTACH is None) == ("ATTACH: LogisticAttacher | None = None" in fresh)
