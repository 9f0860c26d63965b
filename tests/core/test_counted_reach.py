"""What is counted (round 10a): people told by what they do, events that set the kind, a
baseline that points back at the figure before it, tallies named by a singular noun."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures
from bot.core.scopes import is_open


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 5,000 supporters gathered outside the town hall on Sunday.", ["people"]),
        ("Four gunmen stormed the bank shortly after noon.", ["people"]),
        ("About 45,000 fans watched the final.", ["people"]),
    ],
)
def test_people_told_by_what_they_do_are_people(sentence: str, expected: list[str]) -> None:
    assert counted(sentence) == expected


def test_people_told_only_by_their_noun_are_an_open_quantity() -> None:
    fans = extract_figures("About 45,000 fans watched the final.")[0]
    assert fans.scope == "fans" and is_open(fans)
    residents = extract_figures("About 45,000 residents watched the final.")[0]
    assert not is_open(residents)


def test_the_last_noun_of_a_compound_is_its_head() -> None:
    assert counted("Twelve poultry farmers attended the meeting.") == ["people"]
    assert counted("Some 30 injured people were taken to the clinic.") == ["injured"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 15 climbers and guides were missing after the storm.", ["missing"]),
        ("Police said 12 people are still listed as missing.", ["missing"]),
        ("Eight children were among those killed in the blast.", ["killed"]),
        ("Nine more die in hospital after bus crash.", ["killed"]),
        ("More than 300 people had been treated in hospitals for injuries.", ["injured"]),
        ("Two people were admitted to hospital with injuries.", ["injured"]),
    ],
)
def test_what_befell_people_sets_the_kind_past_a_short_gap(
    sentence: str, expected: list[str]
) -> None:
    assert counted(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Up to 20 feared buried in landslide.",
        "Rescue teams were still searching for six people on Tuesday.",
        "Some 40 people are believed to be under the rubble of the hotel.",
    ],
)
def test_people_buried_or_searched_for_are_missing(sentence: str) -> None:
    assert counted(sentence) == ["missing"]


def test_people_trapped_keep_their_own_event() -> None:
    (figure,) = extract_figures("Rescuers said 12 miners were trapped underground.")
    assert (figure.counted, figure.event) == ("people", "trapped")


@pytest.mark.parametrize(
    "sentence",
    [
        "About 4,000 residents have left their homes since the eruption.",
        "Some 900 people were still out of their homes on Friday.",
        "Thousands flee as river bursts its banks.",
        "About 2,000 people driven from their homes by the floods are sleeping in schools.",
        "Roughly 3,500 villagers are staying in evacuation centres.",
    ],
)
def test_people_out_of_their_homes_are_displaced(sentence: str) -> None:
    assert counted(sentence) == ["displaced"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The death toll rose to 52, up from the 31 reported by police on Monday.", "killed"),
        ("About 800 homes were damaged, far more than the roughly 300 counted on Friday.", "units"),
        ("The union said 70 miners were hurt, not 45.", "injured"),
        ("Some 9,000 people had fled, well above the agency's figure of 6,000.", "displaced"),
    ],
)
def test_a_baseline_counts_what_the_figure_before_it_counts(sentence: str, expected: str) -> None:
    assert counted(sentence) == [expected, expected]


def test_men_are_troops_only_in_a_sentence_about_armed_forces() -> None:
    assert counted("Nine men were rescued from the quarry on Sunday.") == ["people"]
    assert counted("The army said it would send 2,000 men to the front.") == ["troops"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army said it had captured 14 enemy soldiers.", "prisoners"),
        ("Investigators confirmed the deaths of 23 passengers.", "killed"),
        ("Divers recovered the bodies of a further six fishermen.", "killed"),
        ("The village was mourning 9 people on Sunday.", "killed"),
    ],
)
def test_a_verb_before_the_number_says_what_befell_them(sentence: str, expected: str) -> None:
    assert counted(sentence) == [expected]


def test_homes_cut_off_by_a_blackout_are_units() -> None:
    assert counted("About 120,000 still without power after storm.") == ["units"]


def test_containers_are_things_of_their_own_group() -> None:
    (figure,) = extract_figures("The port handled 3 million containers last year.")
    assert (figure.counted, figure.scope) == ("units", "containers")


@pytest.mark.parametrize(
    "sentence",
    [
        "The tournament drew players from 12 countries.",
        "The game was drawn after 40 moves.",
        "The club has won 9 straight games.",
    ],
)
def test_tallies_of_games_moves_and_countries_count_nothing(sentence: str) -> None:
    assert counted(sentence) == [None]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ministry puts shell deliveries at 400,000.", "shells"),
        ("Health agency raises case count to 1,200.", "people"),
        ("Unions march as agency backs 2,500 job-cut figure.", "jobs"),
        ("Government rejects 3,000 flood death report.", "killed"),
        ("The group said its own count of the dead had reached 140.", "killed"),
    ],
)
def test_a_tally_counts_what_its_noun_names(sentence: str, expected: str) -> None:
    assert counted(sentence)[-1] == expected


def test_a_round_figure_is_not_a_count_of_rounds() -> None:
    assert counted("The ministry gave a round figure of 30,000 for the crowd.") != ["shells"]


def test_a_bare_number_fired_counts_munitions() -> None:
    assert counted("Its batteries now fire up to 8,000 a day, the general said.") == ["shells"]
    assert counted("The firm fired 200 workers on Monday.") != ["shells"]


def test_people_whose_jobs_go_count_the_jobs() -> None:
    assert counted("The list names 1,500 employees whose jobs will go.") == ["jobs"]


def test_a_present_tense_evacuation_verb_counts_the_displaced() -> None:
    assert counted("Coastal province evacuates a further 12,000 as storm nears.") == ["displaced"]


def test_a_count_per_day_is_a_rate() -> None:
    (rate,) = extract_figures("The guns fire about 5,000 shells a day.")
    (total,) = extract_figures("The guns have fired about 5,000 shells since May.")
    assert (rate.counted, rate.period) == ("shells", "per_day")
    assert total.period is None
    (later,) = extract_figures("The army fired 300 shells a day earlier.")
    assert later.period is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The final was watched by about 9 million, the broadcaster said.",
        "Aid agencies say 2.5 million now need food aid after the harvest failed.",
        "Some 400,000 facing famine in the north, the UN says.",
    ],
)
def test_an_audience_or_people_in_want_are_people(sentence: str) -> None:
    assert counted(sentence) == ["people"]


def test_a_role_after_two_joined_nouns_still_counts() -> None:
    sentence = "The union said 14 of its members and contract workers had died in the blast."
    assert counted(sentence) == ["killed"]
