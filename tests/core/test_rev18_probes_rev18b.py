"""Second read of round 18b's rules on prose they were not written for: a teachers' pay strike,
a wildfire evacuation, a food-poisoning outbreak at a wedding, a mine flood, a ferry sinking,
a bank run, a pension reform, a university strike; each case here failed before its mend."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.core.compare import settles_between
from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.learning import _reference as learned_reference
from bot.core.learning import claim_text_for, same_quantity
from bot.core.model import Topic
from tests.core.claims import findings_of
from tests.core.news import wire_story


def when(day: int) -> datetime:
    return datetime(2026, 9, day, 9, 0, tzinfo=UTC)


def third_source(keywords: tuple[str, ...], first: str, rival: str, then: str) -> list[str]:
    """The kinds of finding a third source's story gives on a later day, after a first source's
    figure and a second source's rival figure the same day."""
    engine = Engine([Topic(id="t", name="A developing story", keywords=keywords)])
    engine.process(wire_story("a", "North Wire", first, when(2)))
    engine.process(wire_story("b", "East Ledger", rival, when(2)))
    result = engine.process(wire_story("c", "South Post", then, when(4), "Later"))
    return [kind for kind, _, _ in findings_of(result)]


STRIKE = (
    ("strike", "Velden"),
    "About 9,000 teachers joined the Velden pay strike, the teachers' union said.",
    "Some 3,000 teachers joined the Velden pay strike, the education ministry said.",
)
WILDFIRE = (
    ("wildfire", "Kelso"),
    "About 12,000 residents were evacuated from Kelso as the wildfire spread, the fire service "
    "said.",
    "Some 5,000 residents were evacuated from Kelso as the wildfire spread, the mayor said.",
)
WEDDING = (
    ("wedding", "Lorne"),
    "About 300 guests fell ill after a wedding in Lorne, the groom's family said.",
    "Some 90 guests fell ill after a wedding in Lorne, the caterer said.",
)
MINE = (
    ("mine", "Dravik"),
    "About 120 miners were trapped when the Dravik mine flooded, the union said.",
    "Some 45 miners were trapped when the Dravik mine flooded, the mining company said.",
)
FERRY = (
    ("ferry", "Skellvik"),
    "About 200 passengers died when the Skellvik ferry sank, survivors said.",
    "Some 70 passengers died when the Skellvik ferry sank, the operator said.",
)


# --- settles_between: "between" of places and of demands, "below ... but above ..." of things
# --- that are no earlier figure: a third rival figure stays a rival, not the count moving on

NOT_BETWEEN = [
    (  # a pay gap between two demands, not the figure between two counts
        *STRIKE,
        "Some 5,600 teachers joined the Velden pay strike on Monday over a pay gap that lies "
        "between the union's 8% demand and the ministry's 3% offer.",
    ),
    (  # a place, and the figure after the comma
        *WILDFIRE,
        "The fire now sits between the two highways, and 8,200 residents were evacuated from "
        "Kelso as the wildfire spread, the county said.",
    ),
    (  # "over the weekend, but under the health code"
        *WEDDING,
        "Some 170 guests fell ill after the wedding in Lorne over the weekend, but under the "
        "health code the caterer cannot be named, the council said.",
    ),
    (  # more than a cage can lift, fewer than a plan allows: no earlier figure
        *MINE,
        "Some 80 miners were trapped when the Dravik mine flooded, more than the rescue cage can "
        "lift but fewer than the mine's emergency plan allows for, an engineer said.",
    ),
    (  # places on a ship, and a depth
        *FERRY,
        "Some 130 passengers died when the Skellvik ferry sank, the coastguard said, most of them "
        "in the cabins that lay between the car deck and the bridge, 40 metres below.",
    ),
]


@pytest.mark.parametrize(("keywords", "first", "rival", "then"), NOT_BETWEEN)
def test_between_of_places_and_of_other_things_does_not_settle_a_dispute(
    keywords: tuple[str, ...], first: str, rival: str, then: str
) -> None:
    assert not settles_between(then), then
    assert "new_figure" not in third_source(keywords, first, rival, then), then


BETWEEN = [
    (
        ("bank", "Harwick"),
        "Depositors withdrew about 9,000 accounts from Harwick Bank in two days, the depositors' "
        "association said.",
        "Only 3,000 accounts were closed at Harwick Bank in two days, the bank said.",
        "The central bank said 5,200 accounts were closed at Harwick Bank in two days, more than "
        "the bank had admitted but fewer than the association claimed.",
    ),
    (
        *MINE,
        "Rescuers said 80 miners were trapped when the Dravik mine flooded, a tally that sits "
        "between the two competing estimates.",
    ),
    (
        *FERRY,
        "The coastguard said 130 passengers died when the Skellvik ferry sank, a toll that falls "
        "somewhere between the estimates of the survivors and the operator.",
    ),
    (
        ("pension", "Vessa"),
        "About 2 million people marched against the Vessa pension reform, the unions said.",
        "Some 800,000 people marched against the Vessa pension reform, the police said.",
        "Some 1.3 million people marched against the Vessa pension reform, an independent count "
        "found, well above the police figure but below the unions' estimate.",
    ),
    (
        ("strike", "Tarn"),
        "About 1,800 lecturers walked out in the Tarn university strike, the union said.",
        "Some 600 lecturers walked out in the Tarn university strike, the university said.",
        "Some 1,150 lecturers walked out in the Tarn university strike, the inspectorate said, "
        "above the university's count but under the union's.",
    ),
]


@pytest.mark.parametrize(("keywords", "first", "rival", "then"), BETWEEN)
def test_a_figure_set_between_earlier_ones_still_settles_them(
    keywords: tuple[str, ...], first: str, rival: str, then: str
) -> None:
    assert settles_between(then), then
    assert third_source(keywords, first, rival, then) == ["new_figure"], then


# --- own_clause: the verb of the figure's attribution opens its clause; who said it is the
# --- claim's source, not words of what it claims

ATTRIBUTED = [
    ("Police said 27 substations run by the Orsen grid company were hacked.", "substations"),
    ("Unions say 300 offices were shut by the Vessa pension strike.", "offices"),
    ("Tarn University said the strike had closed 14 offices.", "offices"),
    ("The depositors' association says 35 branches ran out of cash on Friday.", "branches"),
    ("Inspectors said 9 shops near the wedding venue in Lorne were closed.", "shops"),
]


@pytest.mark.parametrize(("sentence", "noun"), ATTRIBUTED)
def test_a_claim_of_things_without_a_kind_leaves_out_who_said_it(sentence: str, noun: str) -> None:
    figure = next(f for f in extract_figures(sentence) if f.counted == "units")
    text = claim_text_for(figure, sentence)
    assert noun in text, text
    assert not re.search(r"\b(?:said|says|say)\b", text), text
    assert same_quantity(learned_reference(text), figure), text


# --- own_clause: another figure and its "of" before the figure end the clause; the claim of the
# --- whole is not a text that leads with the part

WHOLE_AFTER_PART = [
    (
        "The teachers' strike in Velden has closed 140 of the region's 380 schools, the union "
        "said.",
        "380",
        "140",
        "schools",
    ),
    ("Inspectors closed 9 of Lorne's 45 shops after the outbreak.", "45", "9", "shops"),
    (
        "Rebels seized 14 of the 60 substations on the grid, the operator said.",
        "60",
        "14",
        "substations",
    ),
    (
        "Strikers in Velden have shut 12 of the 40 offices run by the education ministry.",
        "40",
        "12",
        "offices",
    ),
]


@pytest.mark.parametrize(("sentence", "whole", "part", "noun"), WHOLE_AFTER_PART)
def test_a_claim_of_a_whole_does_not_lead_with_its_part(
    sentence: str, whole: str, part: str, noun: str
) -> None:
    figure = next(f for f in extract_figures(sentence) if f.text == whole)
    assert figure.counted == "units", figure
    text = claim_text_for(figure, sentence)
    assert part not in text.split() and noun in text, text
    assert same_quantity(learned_reference(text), figure), text


# --- own_clause: the comma inside a number ("1,200,000") is no clause mark

NUMBER_AFTER = [
    ("Hackers broke into 27 substations serving 1,200,000 homes, police said.", "27"),
    ("The bank run has closed 35 branches holding €4,500m in deposits on Friday.", "35"),
    ("The strike shut 14 offices handling 2,300 pension claims a day, the union said.", "14"),
]


@pytest.mark.parametrize(("sentence", "figure_text"), NUMBER_AFTER)
def test_a_claims_clause_is_not_cut_inside_a_number(sentence: str, figure_text: str) -> None:
    figure = next(f for f in extract_figures(sentence) if f.text == figure_text)
    assert figure.counted == "units", figure
    text = claim_text_for(figure, sentence)
    assert not re.search(r"\d$", text), text  # not "... serving 1"
    assert same_quantity(learned_reference(text), figure), text
