"""What is counted (round 18a, read from round j): rules of English news prose, each tested on
sentences written for the test from kinds of story the corpus has none of (a wildfire
evacuation, a ferry sinking, a volcanic eruption, a flood, a hurricane, a ski resort, a zoo, a
fishery, a motorway pile-up, a marathon); each rule has sentences where it must apply, which
failed before it, and sentences it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


# --- people carried out of a place in an evacuation are the evacuated (rule 16) ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A further 430 residents were airlifted from the island as the volcano erupted, officials said.",
        "About 300 tourists had been flown out of the valley by Sunday, as the wildfire evacuation went on.",
        "The coastguard said 212 residents had been ferried out of the flooded town during the evacuation.",
        "Some 900 citizens left the capital on evacuation flights, the foreign office said.",
        "The army said 1,500 villagers were bussed to safety as the evacuation of the valley began.",
        "Officials said 640 people had been taken out of the resort since the airlift began.",
    ],
)
def test_people_carried_out_in_an_evacuation_are_displaced(sentence: str) -> None:
    assert counted(sentence)[0] == "displaced"


@pytest.mark.parametrize(
    "sentence",
    [
        "About 3,000 people were flown out of the airport on Saturday as the holiday season began.",
        "About 200 firefighters were flown in to help the evacuation, officials said.",
        "Some 40 people were taken to hospital after the evacuation of the ferry.",
        "About 120 soldiers were flown out to guard the evacuation route.",
        "Some 900 nationals live in the capital, and the embassy has drawn up an evacuation plan.",
        "The zoo said 300 people had been brought in to help move the animals during the evacuation.",
    ],
)
def test_people_carried_elsewhere_are_not_the_evacuated(sentence: str) -> None:
    assert counted(sentence)[0] != "displaced"

