"""Round 13a: those who left are not those held (a leaving verb is another event than being
stranded or ill), an increment of an eventless count adds to the one claim counting that
thing, and a stated total is the increment's claim's. Small invented stories."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.engine import Engine
from bot.core.learning import claim_text_for
from bot.core.matching import departs_held, departure
from bot.core.model import ClaimSpec, Story, Topic
from tests.core.claims import findings_of, first, indexed
from tests.core.news import wire_story

FERRY = Topic(
    id="nordwind-ferry",
    name="Nordwind ferry at Kellby",
    keywords=("Nordwind", "Kellby", "ferry"),
    claims=(
        ClaimSpec(
            id="nordwind-ill",
            topic="nordwind-ferry",
            text="About 300 passengers on the ferry Nordwind have fallen ill with flu",
            source="Kellby Port Authority",
            date="2026-02-01",
        ),
    ),
)

RUBBLE = Topic(
    id="varn-collapse",
    name="Varn apartment block collapse",
    keywords=("Varn", "collapse", "apartment block"),
    claims=(
        ClaimSpec(
            id="varn-rescued",
            topic="varn-collapse",
            text="Firefighters rescued 23 people from the collapsed apartment block in Varn",
            source="Varn Fire Service",
            date="2026-02-01",
        ),
    ),
)


def story(key: str, day: int, outlet: str, text: str) -> Story:
    return wire_story(key, outlet, text, datetime(2026, 2, day, 9, 0, tzinfo=UTC))


def found(engine: Engine, key: str, day: int, outlet: str, text: str) -> list[tuple[str, str, str]]:
    return findings_of(engine.process(story(key, day, outlet, text)))


def test_those_let_through_are_not_those_stranded() -> None:
    stranded = indexed("About 140 lorries are stuck at the Dorrin border crossing")
    text = "Twelve lorries were let through the Dorrin crossing on Monday, customs said."
    assert departs_held(text, first(text), stranded)
    text = "Some 90 passengers have now left the ship, the operator said."
    assert departs_held(text, first(text), indexed("About 200 passengers on the ship are ill"))


def test_leaving_said_of_another_thing_is_not_the_figures() -> None:
    aboard = indexed("The boat was carrying 60 people on board")
    text = "Up to 80 people had been crammed onto the boat when it left the harbour."
    assert not departs_held(text, first(text), aboard)
    text = "About 70 people were still stranded at the station, the railway said."
    assert not departs_held(text, first(text), aboard)


def test_a_claim_of_leaving_takes_figures_of_leaving_only() -> None:
    left = indexed("about 2,000 passengers allowed off")
    text = "Some 2,600 passengers were allowed off the ship by Friday, the port said."
    assert not departs_held(text, first(text), left)
    text = "The agency said 540 passengers had now fallen ill, the port said."
    assert departs_held(text, first(text), left)
    released = indexed("The kidnappers released 30 hostages")
    text = "Another 12 hostages were released on Sunday, police said."
    assert not departs_held(text, first(text), released)


def test_a_learned_claim_keeps_the_words_saying_it_left() -> None:
    text = "About 1,500 passengers who had shown no symptoms were allowed off the ship."
    figure = first(text)
    assert departure(text, figure) == "allowed off"
    assert claim_text_for(figure, text).endswith("allowed off")
    text = "About 1,500 passengers on the ship had fallen ill."
    assert departure(text, first(text)) is None


def test_passengers_allowed_off_are_a_new_quantity_and_the_ill_keep_theirs() -> None:
    engine = Engine([FERRY])
    got = found(
        engine,
        "f1",
        2,
        "Kellby Courier",
        "About 1,200 passengers on the ferry Nordwind who had shown no symptoms were allowed "
        "off at Kellby on Tuesday, the port authority said.",
    )
    assert [(k, c) for k, c, _ in got] == [("new_claim", "nordwind-ferry/people-passengers")]
    got = found(
        engine,
        "f2",
        3,
        "Kellby Courier",
        "Some 1,500 passengers have now left the Nordwind at Kellby, the port authority said.",
    )
    assert got == [("new_figure", "nordwind-ferry/people-passengers", "1,500")]
    got = found(
        engine,
        "f3",
        4,
        "Kellby Courier",
        "The port authority said 410 passengers on the Nordwind had now fallen ill.",
    )
    assert got == [("new_figure", "nordwind-ill", "410")]


def test_a_stated_total_is_the_increments_claims() -> None:
    engine = Engine([RUBBLE])
    got = found(
        engine,
        "r1",
        2,
        "Varn Post",
        "About 60 people were hurt when the apartment block in Varn collapsed, the fire service "
        "said.",
    )
    assert [k for k, _, _ in got] == ["new_claim"]
    got = found(
        engine,
        "r2",
        3,
        "Varn Post",
        "A further two people were taken to hospital in Varn, bringing to 14 the number of "
        "people admitted since the collapse, the hospital said.",
    )
    # the total speaks for the increment: one quantity, told once, citing "14"
    assert [f for _, _, f in got] == ["14"]


STORM = Topic(
    id="orlen-storm",
    name="Orlen storm power cuts",
    keywords=("Orlen", "storm"),
    claims=(
        ClaimSpec(
            id="orlen-households",
            topic="orlen-storm",
            text="About 52,000 households were without power in Orlen after the storm",
            source="Orlen Grid",
            date="2026-02-01",
        ),
    ),
)


def test_a_figure_up_from_the_current_one_is_an_update_however_wide_the_hedges() -> None:
    engine = Engine([STORM])
    got = found(
        engine,
        "o1",
        2,
        "Orlen Post",
        "About 57,000 households were without power in Orlen after the storm on Wednesday, up "
        "from the 52,000 counted by Orlen Grid on Tuesday, the regional council said.",
    )
    assert got == [("new_figure", "orlen-households", "57,000")]


def test_without_a_baseline_overlapping_hedges_still_agree() -> None:
    engine = Engine([STORM])
    got = found(
        engine,
        "o2",
        2,
        "Orlen Post",
        "About 57,000 households were without power in Orlen after the storm on Wednesday, the "
        "regional council said.",
    )
    assert got == [("corroboration", "orlen-households", "57,000")]
