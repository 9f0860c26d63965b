"""Round 18c: denials (contradictions) and doubt, in prose of kinds the corpus does not have (a
shipping strike, a measles outbreak, a data breach, a locust swarm, a pension reform, a ferry
sinking, a university strike, a bank run, a crop failure, a wildfire evacuation). Each rule has
sentences where it applies and sentences where it must not."""

from __future__ import annotations

import pytest

from bot.core.model import Stance
from bot.core.stance import cue_stance

# --- a denial inside a "who" clause between commas is background ------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Ines Varga, who last week called the dockers' union's figure of 9,000 strikers false, "
        "said on Monday that 4,100 had walked out.",
        "The health minister, who on Friday dismissed reports of 300 measles cases as rumours, "
        "told parliament that 212 children had been treated.",
        "Tomas Rehn, whose claim of 2 million stolen records the bank called untrue, said he "
        "would publish the data.",
        "The farm minister, who had denied that locusts reached the coast, announced spraying of "
        "40,000 hectares on Tuesday.",
        "Lena Fisk, who in March rejected the union's estimate of 1,200 lecturers on strike, "
        "said the university would dock pay.",
        "The coastguard chief, who denied the report of 60 missing on Sunday, said 23 bodies had "
        "been recovered from the ferry.",
    ],
)
def test_a_denial_in_a_who_clause_is_background(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "The union quoted the port director, who denied the figure of 9,000 strikers.",
        "The health minister, who was asked about the 300 cases, dismissed the reports as rumours.",
        "Tomas Rehn, who runs the bank, said on Monday that the claim of 2 million stolen "
        "records was untrue.",
        "The farm minister, who denied the report and called it false, and her deputy were "
        "questioned by MPs.",
        "Lena Fisk, who chairs the university council, rejected the union's estimate of 1,200 "
        "lecturers on strike.",
        "The fire chief denied, as the mayor did, that 8,000 people had been evacuated.",
    ],
)
def test_a_denial_outside_a_who_clause_still_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


# --- denying an accusation against a count defends the count ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The port authority put the strikers at 4,100, rejecting suggestions that its count "
        "had been massaged.",
        "The health ministry denied that its measles figures were inflated to win funding.",
        "The bank dismissed claims that its auditors had fiddled the deposit figures.",
        "The agriculture ministry rejected accusations of understating the crop figures.",
        "The university denied that the strike tally of 1,200 lecturers had been doctored.",
        "The coastguard rejected allegations that the ferry's passenger list was falsified.",
    ],
)
def test_denying_an_accusation_against_a_count_is_no_refutation(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.NEUTRAL


@pytest.mark.parametrize(
    "sentence",
    [
        "The health ministry denied that 300 children had been infected with measles.",
        "The fire service denied that rents in the evacuated towns had been inflated.",
        "The dockers' union dismissed the port authority's count, saying it had been massaged.",
        "The bank rejected claims that 2 million customer records were stolen.",
        "The pension fund denied that officials had inflated prices for the new offices.",
        "The ministry denied the union's figure of 9,000 strikers, calling it inflated.",
    ],
)
def test_a_denial_of_the_count_or_of_another_thing_still_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


# --- "made up" as restored: a thing still owed, or lost, is made up, not invented ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The university said the lectures lost to the strike would be made up in June.",
        "The shipping line said the shortfall in sailings will be made up by chartered ferries.",
        "Farmers were told the crop losses were to be made up from a state fund of €40m.",
        "The hours lost to the dock strike are being made up with weekend shifts.",
        "The missed vaccination sessions were made up at the weekend, the health board said.",
        "Savers were told the gap could be made up once the bank's assets were sold.",
    ],
)
def test_made_up_as_restored_is_no_refutation(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said the report of 300 measles cases was made up.",
        "The bank said the story of 2 million stolen records had been made up by a blogger.",
        "It was all made up, the agriculture minister said of the locust report.",
        "The union made up the figure of 1,200 lecturers, the university said.",
        "The coastguard said the passenger list posted online had been made up.",
        "The fire service said the evacuation order shared on social media was made up.",
    ],
)
def test_made_up_as_invented_still_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


# --- a statement named by its number ("the 9,000 figure") is judged, not things counted --------


@pytest.mark.parametrize(
    "sentence",
    [
        "The port authority said the 9,000 figure was entirely made up.",
        "The fire service said the 8,000 estimate had been simply made up.",
        "The university said the union's 1,200 tally was untrue.",
        "The agriculture ministry said the 40,000 hectare estimate was false.",
        "The bank said the 2 million total was false, and that 12,000 accounts were affected.",
    ],
)
def test_a_statement_named_by_its_number_is_refuted(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 2,000 claims were rejected by the insurer after the wildfire.",
        "About 300 reports were dismissed as duplicates by the data regulator.",
        "Some 1,200 lecturers have now been dismissed by the university.",
        "Nearly 5,000 pension applications had been rejected as incomplete.",
        "About 600 asylum appeals were rejected in May.",
        "The 40 ferry crew members were dismissed after the sinking.",
    ],
)
def test_things_counted_and_acted_on_are_not_refuted(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


# --- the plain present of a verb of doubt ("the figures understate") ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The dockers' union said the port authority's figures badly understate how many ships "
        "are idle.",
        "Epidemiologists said the official measles numbers understate the spread of the outbreak.",
        "Farmers' groups say the ministry's crop figures overstate the harvest by a third.",
        "Critics said the bank's deposit figures exaggerate how much savers can withdraw.",
        "Residents say the fire service's evacuation numbers underreport those who fled.",
    ],
)
def test_the_plain_present_of_a_doubt_verb_is_doubt(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.DISPUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister warned scientists not to exaggerate the locust threat.",
        "It would be wrong to overstate the damage from the ferry sinking, the coastguard said.",
        "Pension advisers were told not to overstate expected returns.",
        "The wildfire service said its evacuation figures do not exaggerate the danger.",
        "Nobody wants to exaggerate the cost of the data breach, the regulator said.",
        "Lecturers were asked to carefully underreport nothing in their strike returns.",
    ],
)
def test_a_doubt_verb_after_to_or_negated_is_no_doubt(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.DISPUTES
