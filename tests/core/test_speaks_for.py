"""A person named by an office only a company or an organisation has ("Chief executive Tomas
Brek"), with no body of their own, speaks for the body named before, or for the one the story's
lead opens with (README rule 2): restating its figure is not a second source."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Story, Topic
from tests.core.test_judging import MILL, told_at

GROUNDING = Topic(
    id="orla-grounding",
    name="Orla Air grounding",
    keywords=("Orla", "grounding", "flights"),
    claims=(
        ClaimSpec(
            id="orla-cancelled",
            topic="orla-grounding",
            text="Orla Air cancelled 420 flights after grounding its fleet",
            source="Orla Air",
            date="2026-05-01",
        ),
    ),
)


def found(engine: Engine, key: str, text: str) -> list[tuple[str, str]]:
    published = datetime(2026, 5, 2, 9, 0, tzinfo=UTC)
    item = Story(key, "wire", "Wire", f"https://wire.example/{key}", "Update", text, published)
    return [(str(f.kind), f.claim_id) for f in engine.process(item).findings]


def test_a_bare_company_office_speaks_for_the_body_the_lead_opens_with() -> None:
    text = (
        "Orla Air and the pilots' union agreed on Tuesday to end the grounding. "
        "Chief executive Tomas Brek said the 420 cancelled flights would be refunded in full."
    )
    engine = Engine([GROUNDING])
    first = "Orla Air said it had cancelled 420 flights since the grounding began."
    assert found(engine, "a", first) == [("corroboration", "orla-cancelled")]
    assert found(engine, "b", text) == []  # Orla Air's own figure again


def test_an_office_of_another_body_named_with_it_is_that_body_s() -> None:
    text = (
        "Orla Air and the pilots' union agreed on Tuesday to end the grounding. "
        "Chief executive Tomas Brek of the Aviation Passengers Council said the 420 cancelled "
        "flights would be refunded in full."
    )
    engine = Engine([GROUNDING])
    first = "Orla Air said it had cancelled 420 flights since the grounding began."
    assert found(engine, "a", first) == [("corroboration", "orla-cancelled")]
    assert found(engine, "b", text) == [("corroboration", "orla-cancelled")]  # the council's


def test_whom_a_speaker_speaks_to_warns_or_assures_is_not_what_a_doubt_is_about() -> None:
    for text in (
        "Speaking to reporters, the economy minister said Orvel's figure for job losses at the "
        "Tarnow mill was too low.",
        "The economy minister warned workers that Orvel's figure for job losses at the Tarnow "
        "mill was too low.",
        "The economy minister assured workers that Orvel's figure for job losses at the Tarnow "
        "mill was too low.",
    ):
        engine = Engine([MILL])
        told_at(engine, "a", (1, 9), "The Tarnow mill employs about 2,400 workers.")
        assert told_at(engine, "b", (1, 12), text) == [("dispute", "mill-jobs")], text
