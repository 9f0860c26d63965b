"""What is counted (round 17a): rules of English news prose, each tested on sentences written
for the test from kinds of story the corpus has none of (a pension reform, a ferry sinking, a
university strike, a bank run, a wildfire evacuation, a data breach, a measles ward, a crop
failure, a shipping strike, a zoo); each rule has sentences where it must apply, which failed
before it, and sentences it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.carried import carry_counted
from bot.core.figures import extract_figures
from bot.core.sentences import split_sentences


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


# --- "-ee" makes persons: only a closed set of old loans names animals or things -------------


@pytest.mark.parametrize(
    "sentence",
    [
        "About 4,000 retirees living alone lost their fuel payment under the pension reform.",
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


# --- a headline's figure named as a plan, a claim or a figure is the body's quantity -----------


def headline_kinds(title: str, body: str) -> list[str | None]:
    texts = [title, *split_sentences(body)]
    rows = carry_counted(
        texts, [i == 0 for i in range(len(texts))], [extract_figures(t) for t in texts]
    )
    return [f.counted for f in rows[0]]


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        (
            "Union dismisses 9,000 walkout claim as shipping strike enters day two",
            "The port operator said 9,000 dockers had walked out, a figure the union rejected.",
            "protesters",
        ),
        (
            "Ministry has 'no information' on 1,500 plan at Velt University",
            "Staff said the university planned to cut 1,500 jobs during the strike.",
            "jobs",
        ),
        (
            "Crop agency calls '300' claim a rumour",
            "A post on social media said 300 farms had been abandoned after the crop failure.",
            "units",
        ),
        (
            "Regulator questions 12 million estimate after data breach",
            "Hackers stole 12 million customer records from the insurer, the company said.",
            "units",
        ),
        (
            "Bank backs 40,000 figure as run on deposits slows",
            "The bank said 40,000 customer accounts had been closed since Monday.",
            "units",
        ),
        (
            "Officials defend 2,500 evacuation order as wildfire spreads",
            "Police evacuated 2,500 residents from the hills on Tuesday.",
            "displaced",
        ),
    ],
)
def test_a_headline_figure_named_as_a_statement_takes_the_body_kind(
    title: str, body: str, kind: str
) -> None:
    assert headline_kinds(title, body) == [kind]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (  # no body figure of that value
            "Union dismisses 9,000 walkout claim as shipping strike enters day two",
            "The port operator said 8,000 dockers had walked out.",
        ),
        (  # the headline's figure has its own noun
            "Measles cases pass 2,000 as clinics fill",
            "The ministry said 2,000 children had been vaccinated on Monday.",
        ),
        (  # a number after the word, not before it
            "Minister's plan for 1,500 more places at university",
            "About 1,500 students joined the strike on Monday.",
        ),
        (  # a word that is no statement follows
            "Locusts strip 40,000 hectares as crops fail",
            "The ministry said 40,000 farmers had lost their harvest.",
        ),
        (  # a time, not a statement
            "Ferry sank at 12 noon, survivors say",
            "Rescuers pulled 12 people from the water.",
        ),
    ],
)
def test_a_headline_figure_without_such_a_word_keeps_its_own_kind(title: str, body: str) -> None:
    alone = [f.counted for f in extract_figures(title)]
    assert headline_kinds(title, body) == alone


# --- a noun of leaving after a noun of people counts the people who left -----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The union puts teacher departures at 340 since the university strike began.",
        "The health board put nurse losses at about 900 during the measles outbreak.",
        "Ministers put the teacher exodus at 1,200 after the pension reform.",
        "The regulator put customer departures at 12,000 after the bank run.",
        "Unions put farmer departures at 2,000 after the crop failure.",
        "The council put social worker departures at 75 after the wildfire.",
    ],
)
def test_people_departures_losses_and_exodus_count_people(sentence: str) -> None:
    assert counted(sentence) == ["people"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The airport counted 310 departures during the shipping strike.",
        "Flight departures fell to 310 during the strike.",
        "The army put troop losses at 4,000.",
        "The insurer put customer losses from the data breach at €4m.",
        "Farm losses from the crop failure rose to 3,000.",
        "The bank put deposit outflows at 12,000 during the run.",
    ],
)
def test_departures_and_losses_of_no_people_are_not_people(sentence: str) -> None:
    assert counted(sentence) != ["people"]
