"""A figure given against a claim's current figure disputes that claim, even when it counts the
thing in other words: the old value quoted ("calling the government's figure of 3,000 far too
low") names which claim is disputed."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Story, Topic

SLIDE = Topic(
    id="tamsk-landslide",
    name="Tamsk landslide",
    keywords=("Tamsk", "landslide"),
    claims=(
        ClaimSpec(
            id="tamsk-cut-off",
            topic="tamsk-landslide",
            text="The Tamsk landslide cut off 3,000 residents",
            source="Regional Government",
            date="2026-09-02",
        ),
    ),
)


def found(text: str) -> list[tuple[str, str, str | None]]:
    engine = Engine([SLIDE])
    published = datetime(2026, 9, 2, 18, 0, tzinfo=UTC)
    item = Story("a", "wire", "Wire", "https://wire.example/a", "Landslide", text, published)
    return [
        (str(f.kind), f.claim_id, f.figure.text if f.figure else None)
        for f in engine.process(item).findings
    ]


def test_a_figure_set_against_the_claims_figure_disputes_it() -> None:
    text = (
        "The Tamsk Valley Council said on Wednesday that between 5,000 and 6,000 households "
        "had been cut off by the landslide, calling the government's figure of 3,000 far too low."
    )
    assert found(text) == [("dispute", "tamsk-cut-off", "5,000 and 6,000")]


def test_without_the_old_value_the_other_count_names_no_claim() -> None:
    text = (
        "The Tamsk Valley Council said on Wednesday that between 5,000 and 6,000 households "
        "had been cut off by the landslide, calling the response far too slow."
    )
    assert ("dispute", "tamsk-cut-off", "5,000 and 6,000") not in found(text)
