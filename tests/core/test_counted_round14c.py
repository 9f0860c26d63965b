"""What is counted, and which numbers are figures (round 14c): rules of news prose that the
round-h stories used and the rules missed. Each sentence is written for the test; each rule
has a case it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


def texts(sentence: str) -> list[str]:
    return [f.text for f in extract_figures(sentence)]


# --- nouns the counted reader did not know ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The decree orders 150,000 reservists to report to their regiments.",
        "About 12,000 conscripts were sent to the training grounds this week.",
        "The army said 4,000 draftees had failed to appear.",
    ],
)
def test_soldiers_named_by_how_they_were_drafted_are_troops(sentence: str) -> None:
    assert counted(sentence) == ["troops"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Crews sent 35 fire engines to the warehouse blaze.",
        "The service said 18 ambulances were waiting at the stadium gates.",
        "About 60 fire trucks were on the scene by dawn.",
    ],
)
def test_emergency_vehicles_are_vehicles(sentence: str) -> None:
    assert counted(sentence) == ["vehicles"]


def test_an_engine_that_is_no_vehicle_is_not_one() -> None:
    assert counted("The airline grounded 12 jets after faults in 30 engines.")[1] != "vehicles"


# --- who the people are, between them and what befell them -------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Twelve men called up last month have been killed, the site said.", ["killed"]),
        ("About 40 workers employed at the depot were injured in the blast.", ["injured"]),
    ],
)
def test_a_participle_between_the_people_and_their_fate_does_not_hide_it(
    sentence: str, expected: list[str]
) -> None:
    assert counted(sentence) == expected


def test_people_with_no_fate_after_the_participle_stay_people() -> None:
    assert counted("About 300 workers employed at the plant joined the union.") != ["injured"]


def test_a_toll_among_a_group_counts_the_dead() -> None:
    assert counted("Death toll among the conscripted men rises to 41") == ["killed"]
    assert counted("The toll of civilians has risen to 95, the mayor said.") == ["killed"]


def test_a_group_with_no_toll_before_it_is_the_group() -> None:
    assert counted("The number of reservists called up has risen to 41,000.") == ["troops"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Families gave a list of 48 people who have not been heard from since the flood.",
        "Police are looking into reports of 12 hikers who have still not been found.",
    ],
)
def test_people_not_heard_from_since_are_missing(sentence: str) -> None:
    assert counted(sentence) == ["missing"]


def test_people_heard_from_are_not_missing() -> None:
    assert counted("A list of 48 people who have called the hotline was published.") != ["missing"]


# --- the displaced --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The council said 380 people from the estate were now living in hotels.",
        "More than 200 former tenants are staying in emergency accommodation.",
        "640 residents now in emergency housing, council says",
        "Harbour fire kills three, hundreds forced from homes",
    ],
)
def test_people_housed_in_hotels_and_emergency_housing_are_displaced(sentence: str) -> None:
    assert counted(sentence)[-1] == "displaced"


def test_people_living_in_their_own_homes_are_not_displaced() -> None:
    assert counted("About 380 people were living in the block, the council said.") == ["people"]


def test_a_hospital_after_the_next_figure_is_that_figure_s() -> None:
    sentence = "About 250 residents were evacuated and 30 people were taken to hospital."
    assert counted(sentence)[0] == "displaced"


def test_people_evacuated_to_hospital_are_still_patients() -> None:
    assert counted("Some 60 patients were evacuated by ambulance to hospital in Tarn.") == [
        "people"
    ]


# --- compounds and predicates ---------------------------------------------------------------


def test_what_befell_the_people_is_no_head_of_the_noun_before_it() -> None:
    assert counted("Children at 23 schools fell ill after the lunches.") == ["units"]
    assert counted("Staff at a further four care homes fell ill on Friday.") == ["units"]


def test_people_who_fell_ill_are_still_people() -> None:
    assert counted("Some 200 passengers fell ill on the voyage.") == ["people"]


def test_catching_up_with_cases_is_no_recapture() -> None:
    sentence = "Some 700 pupils have now fallen ill, as doctors caught up with cases."
    assert counted(sentence) == ["people"]


def test_escaped_inmates_caught_again_are_still_prisoners() -> None:
    assert counted("Police have caught 14 escaped inmates near the border.") == ["prisoners"]


# --- numbers that are not figures -----------------------------------------------------------


def test_every_age_of_a_list_after_aged_is_an_age() -> None:
    assert texts("The three suspects, aged 19, 22 and 41, were held overnight.") == []
    assert texts("Two men, aged 30 and 52, were charged.") == ["Two"]


def test_an_age_in_apposition_to_a_person_word_is_an_age() -> None:
    assert texts("Girl, 6, and boy, 9, rescued from river") == []


def test_a_number_after_a_person_word_and_a_comma_can_still_be_a_count() -> None:
    assert texts("The boy, 300 metres from the shore, was rescued by 12 volunteers.")[-1] == "12"


def test_a_list_of_numbered_places_names_every_place() -> None:
    assert texts("Police closed exits 4, 7 and 12 on the ring road.") == []
    assert texts("Flats 201 to 208 were gutted by the fire.") == []


def test_a_count_after_a_list_of_places_is_still_a_count() -> None:
    assert texts("Crews reached gates 3, 4 and 5, and rescued 300 people.") == ["300"]


# --- events -----------------------------------------------------------------------------------


def events(sentence: str) -> list[str | None]:
    return [f.event for f in extract_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The government will call up 90,000 reservists next month.", ["to_be_sent"]),
        ("The decree says 90,000 reservists would be called up by spring.", ["to_be_sent"]),
        ("About 40,000 reservists have been called up so far, the ministry said.", ["sent"]),
    ],
)
def test_a_call_up_to_come_is_a_plan_and_one_done_is_troops_sent(
    sentence: str, expected: list[str]
) -> None:
    assert events(sentence) == expected
    assert counted(sentence) == ["troops"]
