"""A learned claim's text keeps what became of the people it counts (deported, pushed back,
recaptured, escaped), so its own figure reads back as the same quantity and a later figure for
it is a new figure of that claim, not a second claim."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.learning import claim_text_for
from bot.core.model import ClaimSpec, Story, Topic


def test_the_claim_text_says_what_became_of_them() -> None:
    for sentence, words in (
        ("Lenn deported 320 people to Orsa last week, officials said.", "deported"),
        ("Guards had forced about 800 people back across the river.", "pushed back"),
    ):
        figure = extract_figures(sentence)[0]
        text = claim_text_for(figure, sentence)
        assert words in text and len(text) < len(sentence), text


FLIGHTS = Topic(
    id="lenn-removals",
    name="Lenn charter removals",
    keywords=("Lenn", "removals", "charter"),
    claims=(
        ClaimSpec(
            id="lenn-arrivals",
            topic="lenn-removals",
            text="About 9,000 people have arrived in Lenn by sea since March",
            source="Lenn Home Office",
            date="2026-07-01",
        ),
    ),
)


def found(engine: Engine, key: str, day: int, text: str) -> list[tuple[str, str]]:
    published = datetime(2026, 7, day, 9, 0, tzinfo=UTC)
    item = Story(key, "wire", "Wire", f"https://wire.example/{key}", "Update", text, published)
    return [(str(f.kind), f.claim_id) for f in engine.process(item).findings]


def test_a_later_count_of_people_deported_is_a_new_figure_of_the_learned_claim() -> None:
    engine = Engine([FLIGHTS])
    text = "The Lenn Home Office said it had deported 320 people on charter flights since March."
    [(kind, learned)] = found(engine, "a", 2, text)
    assert kind == "new_claim"
    text = "The Lenn Home Office said it had now deported 450 people on charter flights."
    assert found(engine, "b", 9, text) == [("new_figure", learned)]
