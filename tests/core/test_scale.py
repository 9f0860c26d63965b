"""Two figures of one quantity at about the same time rarely differ a hundredfold: a figure that
far from the claim's counts something else, unless the sentence sets it against the claim."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.compare import out_of_scale
from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Figure, Hedge, Story, Topic

SHIP = Topic(
    id="merrow-ship",
    name="Merrow cruise ship fire",
    keywords=("Merrow", "cruise ship", "fire"),
    claims=(
        ClaimSpec(
            id="merrow-evacuated",
            topic="merrow-ship",
            text="About 3,400 passengers were evacuated from the Merrow cruise ship",
            source="Merrow Cruises",
            date="2026-07-04",
        ),
    ),
)


def found(text: str) -> list[tuple[str, str | None]]:
    engine = Engine([SHIP])
    published = datetime(2026, 7, 4, 15, 0, tzinfo=UTC)
    item = Story("a", "wire", "Wire", "https://wire.example/a", "Update", text, published)
    return [
        (str(f.kind), f.figure.text if f.figure else None) for f in engine.process(item).findings
    ]


def test_a_handful_is_not_a_rival_count_of_thousands() -> None:
    text = (
        "The coastguard said two passengers had been evacuated from the Merrow cruise ship "
        "by helicopter after the fire."
    )
    assert found(text) == []


def test_a_rival_count_of_the_same_scale_is_still_a_dispute() -> None:
    text = (
        "The coastguard said about 2,000 passengers had been evacuated from the Merrow cruise "
        "ship after the fire."
    )
    assert found(text) == [("dispute", "2,000")]


def test_a_figure_set_against_the_claim_disputes_it_at_any_scale() -> None:
    text = (
        "The coastguard said only 30 passengers had been evacuated from the Merrow cruise ship "
        "after the fire, calling the operator's figure far too high."
    )
    assert found(text) == [("dispute", "30")]


def figure(low: float, high: float, hedge: Hedge = Hedge.EXACT) -> Figure:
    return Figure(low, high, hedge, f"{low:g}", "displaced", "count")


def test_out_of_scale_is_a_hundredfold_either_way() -> None:
    assert out_of_scale(figure(2, 2), figure(3400, 3400))
    assert out_of_scale(figure(1_200_000, 1_200_000), figure(9, 9))
    assert not out_of_scale(figure(40, 40), figure(3400, 3400))
    assert not out_of_scale(figure(0, 0), figure(3400, 3400))  # nothing to scale against
