"""What is counted (round 17a): rules of English news prose, each tested on sentences written
for the test from kinds of story the corpus has none of (a pension reform, a ferry sinking, a
university strike, a bank run, a wildfire evacuation, a data breach, a measles ward, a crop
failure, a shipping strike, a zoo); each rule has sentences where it must apply, which failed
before it, and sentences it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


# --- "-ee" makes persons: only a closed set of old loans names animals or things -------------


@pytest.mark.parametrize(
    "sentence",
    [
        "About 4,000 retirees living alone lost their winter fuel payment under the pension reform.",
        "The ferry carried 220 returnees from the island when it sank.",
        "About 1,800 trainees missed their exams during the university strike.",
        "Some 2,500 payees were left unpaid when the bank run froze transfers.",
        "About 120 internees were moved from the camp as the wildfire spread.",
        "The breach exposed the tax files of 12,000 franchisees.",
        "Some 60 amputees from the measles ward were moved.",
        "About 300 deportees arrived on the flight.",
    ],
)
def test_a_noun_in_ees_counts_people_by_its_form(sentence: str) -> None:
    assert counted(sentence) == ["people"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Keepers counted 40 chickadees at the feeders after the wildfire.",
        "The hive lost 20,000 honeybees in the crop failure.",
        "The stall sold 600 toffees and 200 coffees during the university strike.",
        "The ferry carried 40 settees and 12 marquees for the festival.",
        "Rescuers counted 90 manatees stranded after the shipping strike.",
        "Keepers moved 400 chimpanzees to the new reserve.",
        "The council planted 1,200 trees along the river after the wildfire.",
    ],
)
def test_the_closed_set_of_ee_animals_and_things_is_not_people(sentence: str) -> None:
    assert "people" not in counted(sentence)


# --- the dead are recovered, the living rescued ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Divers have recovered 12 people from the sunken ferry.",
        "Firefighters recovered six more people from the burned-out farmhouses after the wildfire.",
        "Search teams recovered 23 passengers from the capsized ferry on Tuesday.",
        "Crews had recovered 9 workers from the collapsed lecture hall by nightfall.",
        "Volunteers recovered a further four villagers from the floodwater.",
        '"We have now recovered 31 people from the hold," the harbour master said.',
    ],
)
def test_people_recovered_from_a_wreck_are_the_dead(sentence: str) -> None:
    assert counted(sentence) == ["killed"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Police recovered 12 trafficked children from a farm near the port.", "people"),
        ("Some 40 people have recovered and gone home from the measles ward.", "people"),
        ("Police recovered 300 stolen phones after the data breach.", "units"),
        ("Rescuers pulled 14 people out alive from the ferry.", "people"),
        ("Divers recovered 12 people alive from an air pocket in the hull.", "people"),
        ("Officers recovered 5 kidnapped students unharmed after the university strike.", "people"),
        ("The coast guard retrieved 30 people from the water, all of them survivors.", "people"),
    ],
)
def test_the_living_recovered_are_not_the_dead(sentence: str, kind: str) -> None:
    assert counted(sentence) == [kind]

