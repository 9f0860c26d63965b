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
        "A further 430 residents were airlifted from the island as the volcano erupted.",
        "About 300 tourists had been flown out of the valley in the wildfire evacuation.",
        "The coastguard said 212 residents were ferried out of the town in the evacuation.",
        "Some 900 citizens left the capital on evacuation flights, the foreign office said.",
        "The army said 1,500 villagers were bussed to safety as the evacuation began.",
        "Officials said 640 people had been taken out of the resort since the airlift began.",
    ],
)
def test_people_carried_out_in_an_evacuation_are_displaced(sentence: str) -> None:
    assert counted(sentence)[0] == "displaced"


@pytest.mark.parametrize(
    "sentence",
    [
        "About 3,000 people were flown out of the airport as the holiday season began.",
        "About 200 firefighters were flown in to help the evacuation, officials said.",
        "Some 40 people were taken to hospital after the evacuation of the ferry.",
        "About 120 soldiers were flown out to guard the evacuation route.",
        "Some 900 nationals live in the capital, and the embassy has drawn up an evacuation plan.",
        "The zoo said 300 people were brought in to help move the animals in the evacuation.",
    ],
)
def test_people_carried_elsewhere_are_not_the_evacuated(sentence: str) -> None:
    assert counted(sentence)[0] != "displaced"


# --- a unit before its number names a point on a road or a shore, not a count -----------------


def texts(sentence: str) -> list[str]:
    return [f.text for f in extract_figures(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescuers reached the seal colony past the km 18 marker at dawn.",
        "The pile-up closed the motorway between the km 112 and km 116 markers.",
        "Runners began to collapse at mile 20 of the marathon in the heat.",
        "The fire jumped the highway near km 40 on Sunday night.",
        "Divers searched the river from km 3 to the ferry landing.",
        "The lava flow crossed the road at milepost 12 before noon.",
    ],
)
def test_a_unit_before_a_number_names_a_point(sentence: str) -> None:
    assert texts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The slick spread over 30 km and 200 seabirds were found oiled.", ["200"]),
        ("The pile-up near km 40 involved 37 cars, police said.", ["37"]),
        ("Runners collapsed at mile 20, where 14 were treated for heatstroke.", ["14"]),
        ("The fishery closed 12 of its 40 boats after the storm.", ["12", "40"]),
        ("About 300 homes within 5 km of the crater were evacuated.", ["300"]),
        ("A further 45 pilot whales came ashore at the km marker by the lighthouse.", ["45"]),
    ],
)
def test_a_count_beside_a_distance_or_a_point_is_still_read(
    sentence: str, expected: list[str]
) -> None:
    assert texts(sentence) == expected


# --- a toll of animals counts them by head, as things (rule 15) -------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Seal toll rises to 40 as the virus spreads along the coast.",
        "The dolphin death toll reached 212 on Sunday, the fishery agency said.",
        "The number of pelicans that have died since the spill rose to 350.",
        "The number of dead turtles found on the beaches climbed to 1,200.",
        "Of those, 300 seals had died and 120 had been refloated, rangers said.",
        "About 80 deer had died and 40 were treated by vets after the wildfire.",
    ],
)
def test_a_toll_of_animals_counts_units(sentence: str) -> None:
    assert set(counted(sentence)) == {"units"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Flood toll rises to 40 as the river keeps rising.", ["killed"]),
        ("Bird flu toll rises to 12 in the province, health officials said.", ["killed"]),
        ("Shark attack toll rises to 3 this summer.", ["killed"]),
        ("The number of pet owners who have died rose to 12.", ["killed"]),
        ("The number of people who have died in the ferry sinking rose to 87.", ["killed"]),
        ("Five people died and 40 sheep drowned; 12 were hurt.", ["killed", "units", "injured"]),
    ],
)
def test_a_toll_of_people_stays_the_dead(sentence: str, expected: list[str | None]) -> None:
    assert counted(sentence) == expected
