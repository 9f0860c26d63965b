"""Second read of round 18a's rules (rev18a): sentences from kinds of story the corpus lacks
(a mine flood, a drought, a wedding food-poisoning, a wildfire evacuation, a marathon, a bank),
each a probe that failed on the merged round-18a tree before its mend."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


# --- a toll of animals: a later figure with its own people noun counts those people ----------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 40 ducks died in the spill and 3 workers were injured.", ["units", "injured"]),
        (
            "Some 500 cattle drowned in the mine flood and 12 farmers died trying to save them.",
            ["units", "killed"],
        ),
        (
            "Some 2,000 cattle died in the drought and 300 farmers were displaced.",
            ["units", "displaced"],
        ),
    ],
)
def test_people_named_after_an_animal_figure_are_not_animals(
    sentence: str, expected: list[str | None]
) -> None:
    assert counted(sentence) == expected


# --- people carried in an evacuation's sentence: home, rescue, arrest, a drill are not it ------


@pytest.mark.parametrize(
    "sentence",
    [
        "About 60 people were taken home from hospital on Sunday after the food poisoning at the"
        " wedding, and the hotel reviewed its evacuation plan.",
        "Some 2,000 residents were bussed home on Monday as the wildfire evacuation order was"
        " lifted.",
        "Some 120 people were brought home from evacuation centres after the floodwaters receded.",
        "Rescuers said 40 people were pulled from the water after the ferry capsized during an"
        " evacuation drill.",
        "Police said 25 people were taken from the bank in handcuffs after the evacuation of the"
        " building.",
        "About 300 students were bussed home for the holidays after the university strike, and a"
        " fire drill forced an evacuation of the library.",
    ],
)
def test_people_carried_home_rescued_or_arrested_are_not_the_evacuated(sentence: str) -> None:
    assert counted(sentence)[0] != "displaced"


# --- a unit before a number: after "a", "every", "the final" it is a stretch, not a point -------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Within a mile 300 homes were destroyed by the wildfire, the fire service said.", ["300"]),
        ("In the final mile 40 runners dropped out with heatstroke.", ["40"]),
        ("Along every km 3 new speed cameras will be installed, the ministry said.", ["3"]),
        ("Every mile 12 volunteers handed out water to the runners.", ["12"]),
    ],
)
def test_a_count_after_a_stretch_of_road_is_still_read(sentence: str, expected: list[str]) -> None:
    assert [f.text for f in extract_figures(sentence)] == expected


# --- an animal's word with a capital inside a sentence names people, not animals ------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Navy Seal death toll rises to 5 after the helicopter crash.",
        "The number of Tigers killed in the army offensive rose to 200, the military said.",
    ],
)
def test_a_capitalised_animal_word_is_a_name(sentence: str) -> None:
    assert counted(sentence) == ["killed"]


def test_a_headline_in_title_case_still_counts_animals() -> None:
    assert counted("Whale Toll Rises To 151 At Corran Sands") == ["units"]
