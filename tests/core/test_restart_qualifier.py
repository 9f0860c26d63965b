"""A figure's place (`Figure.qualifier`) survives a restart: written by the store's codec and by
`serialize.figure_to_dict` when set, and absent (rows unchanged) when not."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

from bot.adapters.store.codec import figure_from_json, figure_json
from bot.core.engine import Engine
from bot.core.model import Figure, Hedge, Sighting, Story
from bot.core.serialize import figure_to_dict
from tests.core.test_judging import MILL


def _story(key: str, day: int, text: str) -> Story:
    published = datetime(2026, 4, day, 9, 0, tzinfo=UTC)
    return Story(key, "wire", "Wire", f"https://wire.example/{key}", "Update", text, published)


def _stored(sighting: Sighting) -> Sighting:
    """The sighting as a restarted bot reads it back from its JSON column."""
    data = json.loads(json.dumps(figure_json(sighting.figure)))
    return dataclasses.replace(sighting, figure=figure_from_json(data))


def test_a_figure_s_place_is_written_only_when_it_has_one() -> None:
    plain = Figure(700, 700, Hedge.ABOUT, "700", counted="jobs")
    placed = dataclasses.replace(plain, qualifier="part supplier")
    assert "qualifier" not in figure_json(plain)
    assert "qualifier" not in (figure_to_dict(plain) or {})
    assert figure_json(placed)["qualifier"] == "part supplier"
    assert (figure_to_dict(placed) or {})["qualifier"] == "part supplier"
    assert figure_from_json(figure_json(placed)) == placed
    assert figure_from_json(figure_json(plain)) == plain


def test_a_restarted_engine_finds_the_same_claim_for_a_figure_with_a_place() -> None:
    first = Engine([MILL])
    text = "Some 700 jobs at parts suppliers around Tarnow are at risk from the mill closure."
    result = first.process(_story("a", 1, text))
    [learned] = result.new_claims
    [(claim_id, sighting)] = [(c, s) for c, s in result.sightings if c == learned.id]
    assert sighting.figure.qualifier == "part supplier"

    again = Engine([MILL])
    again.restore([learned], [(c, _stored(s)) for c, s in result.sightings])
    assert again.sightings(claim_id) == first.sightings(claim_id)
    later = "Between 600 and 800 jobs at parts makers depend on the Tarnow mill, a trade body said."
    for engine in (first, again):
        found = [(str(f.kind), f.claim_id) for f in engine.process(_story("b", 2, later)).findings]
        assert found == [("corroboration", learned.id)]
