"""A story that names none of the topic's names, but two of its keywords and a place its own
stories named, is taught from by a source the topic had heard before it, not by a new voice."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Story, Topic

DAM = Topic(
    id="orsk-dam",
    name="Orsk dam failure",
    keywords=("Orsk", "dam", "flooding", "evacuated"),
    claims=(
        ClaimSpec(
            id="dam-evacuated",
            topic="orsk-dam",
            text="About 4,000 people were evacuated after the Orsk dam failed",
            source="Lenn Water Authority",
            date="2026-06-01",
        ),
    ),
)


def found(engine: Engine, key: str, day: int, text: str) -> list[str]:
    published = datetime(2026, 6, day, 9, 0, tzinfo=UTC)
    item = Story(key, "wire", "Wire", f"https://wire.example/{key}", "Update", text, published)
    return [str(f.kind) for f in engine.process(item).findings]


def first_story(engine: Engine) -> None:
    text = (
        "The Lenn Water Authority said about 4,000 people had been evacuated from villages "
        "below the Orsk dam near Tavro after it failed on Monday."
    )
    assert found(engine, "a", 2, text) == ["corroboration"]


def test_a_source_heard_before_teaches_from_a_story_naming_its_places() -> None:
    engine = Engine([DAM])
    first_story(engine)
    text = (
        "Police have arrested 31 people for looting empty homes in Tavro since the flooding "
        "began, the Lenn Water Authority said, as crews inspected the dam's spillway."
    )
    assert found(engine, "b", 3, text) == ["new_claim"]


def test_a_new_voice_with_the_same_words_and_places_teaches_nothing() -> None:
    engine = Engine([DAM])
    first_story(engine)
    text = (
        "Police have arrested 31 people for looting empty homes in Tavro since the flooding "
        "began, the Tavro Rowing Club said, as crews inspected the dam's spillway."
    )
    assert found(engine, "b", 3, text) == []
