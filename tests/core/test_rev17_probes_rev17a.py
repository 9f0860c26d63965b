"""Round 17a's second read (rev17a): sentences written for the review, of kinds the round's
rules were not written from, where a rule misfired; each case failed at the merged round
(a58a9b7) and passes after its mend."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures
from tests.core.test_round17a import counted, headline_kinds

# --- "-ees" by its form: the closed set of things in "-ee" was not closed -----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Senate set up 12 subcommittees to review the bill.",
        "Police said three melees broke out outside the stadium.",
        "Fires burned in 40 Pyrenees villages on Sunday.",
        "Crews handed out 500 squeegees to clean the flooded homes.",
        "The camp had 30 teepees for the displaced families.",
        "The shop stocked 200 negligees and 80 toupees before the raid.",
        "The storm uprooted 3,000 pine-trees in the park.",
        "Only 1 in 4 agrees with the plan, the poll found.",
        "Police linked the man to three killing sprees in two states.",
        "Crews used 40 bungees to tie down the roofs before the storm.",
    ],
)
def test_things_and_verbs_in_ees_are_not_people(sentence: str) -> None:
    kinds = counted(sentence)
    assert "people" not in kinds and "prisoners" not in kinds


# --- a headline's figure named as a plan: a plural after the number is what it counts ----------


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Insurers receive 4,000 claims after floods",
            "The river flooded and 4,000 people were evacuated.",
        ),
        ("Police log 40 reports of looting", "Officers arrested 40 people overnight, police said."),
        ("Agency rejects 5 new claims of abuse", "Five detainees died in custody last year."),
        ("Watchdog reviews 6 reports into care home", "Six residents died at the home in March."),
        (
            "Ministry warns of 20 hoax posts on evacuation",
            "Police evacuated 20 families on Monday.",
        ),
        (
            "Bank fields 2,000 complaints and 300 claims",
            "The bank said 300 customers had lost savings.",
        ),
    ],
)
def test_a_headline_count_of_claims_or_reports_keeps_its_own_kind(title: str, body: str) -> None:
    assert headline_kinds(title, body) == [f.counted for f in extract_figures(title)]


# --- "losses" of people: a war's or a disaster's casualties before people who left -------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The navy put sailor losses at 1,100 after the sinking.",
        "The service put firefighter losses at 343 after the towers fell.",
        "Kyiv put Russian guard losses at 300 in the battle.",
        "The ministry said volunteer losses reached 1,200 in the battle for the town.",
        "The union said miner losses reached 12 in the collapse.",
        "The report put medic losses at 120 since the war began.",
        "Journalist losses in Gaza reached 130, the committee said.",
    ],
)
def test_losses_in_war_harm_or_a_trade_of_danger_stay_casualties(sentence: str) -> None:
    assert counted(sentence) == ["killed_or_wounded"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The central bank put depositor outflow at 4 billion in the first week.",
        "Analysts put investor outflow at 2.5 billion last month.",
    ],
)
def test_an_outflow_of_money_holders_is_no_count_of_people(sentence: str) -> None:
    assert counted(sentence) != ["people"]


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        (
            "Union Dismisses 9,000 Walkout Claim as Shipping Strike Enters Day Two",
            "The port operator said 9,000 dockers had walked out, a figure the union rejected.",
            "protesters",
        ),
        (
            "Police Say Footage Debunks Organisers' 250,000 Figure",
            "Organisers said 250,000 protesters marched on Saturday.",
            "protesters",
        ),
        (
            "Ministry Has 'No Information' on 22,000 Plan",
            "Intelligence said 22,000 more troops would be sent.",
            "troops",
        ),
    ],
)
def test_a_title_case_headline_figure_named_as_a_plan_takes_the_body_kind(
    title: str, body: str, kind: str
) -> None:
    assert headline_kinds(title, body) == [kind]
