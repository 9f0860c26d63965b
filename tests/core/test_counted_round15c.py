"""What is counted (round 15c): rules of news prose that round i's fresh stories used and the
rules missed, chief among them a reader of people nouns the lexicon does not list. Each
sentence is written for the test; each rule has a case it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures
from bot.core.quantity import person_noun


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


# --- people told by the form of their noun ---------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        *("specialists", "economists", "technicians", "physicians", "Orsenians", "Americans"),
        *("trainees", "evacuees", "engineers", "auctioneers", "firemen", "policewomen"),
    ],
)
def test_a_plural_of_a_person_suffix_names_people(word: str) -> None:
    assert person_noun(word)


@pytest.mark.parametrize(
    "word",
    [
        *("lists", "checklists", "wrists", "fees", "trees", "degrees", "committees", "careers"),
        *("plans", "vans", "Titan", "containers", "tankers"),
    ],
)
def test_things_that_end_like_people_are_not_people(word: str) -> None:
    assert not person_noun(word)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("About 40 hydrologists from the university are checking the dam.", "people"),
        ("The clinic now has 12 paediatricians on call.", "people"),
        ("The survey found 3.1 million Veldanians abroad.", "people"),
        ("A further 60 trainees joined the wards on Monday.", "people"),
        ("Some 300 volunteer engineers from the north arrived on Sunday.", "people"),
        ("The agency sent 95 assessors, who visited every farm twice.", "people"),
        ("Twelve geologists from the survey office were injured in the blast.", "injured"),
    ],
)
def test_an_unknown_people_noun_after_a_figure_counts_people(sentence: str, kind: str) -> None:
    assert counted(sentence) == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "The shop sold 4,000 playlists last year.",
        "The port handled 900 containers on Monday.",
        "The council planted 1,200 trees along the river.",
    ],
)
def test_things_after_a_figure_stay_things(sentence: str) -> None:
    assert counted(sentence) == ["units"]


# --- whoever is taken on fills a post ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The retailer has hired 800 temporary packers for the holidays.",
        "The airline will recruit 450 cabin crew this spring.",
        "The hospital took on 120 agency nurses in March.",
        "The brewery has taken on a further 70 seasonal workers.",
    ],
)
def test_people_hired_or_taken_on_count_jobs(sentence: str) -> None:
    assert counted(sentence) == ["jobs"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Its books show that 9,800 seasonal pickers were taken on this summer.",
        "About 300 nurses have been recruited from abroad.",
    ],
)
def test_people_said_to_be_hired_count_jobs(sentence: str) -> None:
    assert counted(sentence) == ["jobs"]


def test_people_hired_earlier_and_now_hurt_are_not_jobs() -> None:
    assert counted("Some 40 workers hired for the night shift were injured.") == ["injured"]


def test_people_who_took_on_a_task_are_not_jobs() -> None:
    assert counted("About 200 volunteers took on the clean-up.") == ["people"]


# --- posts to fill are jobs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said 1,150 nurses' posts in rural clinics were vacant.",
        "Some 640 posts for teachers remain unfilled, the union said.",
        "Schools say more than 2,000 teacher posts are empty.",
        "The council advertised 85 vacancies in its care homes.",
    ],
)
def test_posts_to_be_filled_count_jobs(sentence: str) -> None:
    assert counted(sentence) == ["jobs"]


def test_posts_on_social_media_are_no_jobs() -> None:
    assert counted("The minister deleted 14 posts on social media.") == [None]


# --- people held in custody ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Nearly 900 held as police widen crackdown.",
        "Officials said some 2,300 were now held over the unrest.",
        "Lawyers have counted about 610 people held since the vote.",
        "Police say 75 rounded up.",
    ],
)
def test_people_held_in_custody_are_the_arrested(sentence: str) -> None:
    assert counted(sentence) == ["arrested"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("About 3,000 people held a vigil in the square.", "people"),
        ("Some 40 hostages were held for two days.", "people"),
        ("About 60 people were held by the gunmen in the bank.", "people"),
    ],
)
def test_people_holding_something_or_held_hostage_are_not_arrested(
    sentence: str, kind: str
) -> None:
    assert counted(sentence) == [kind]


# --- a population counts people; strikers named as a part ----------------------------------------


def test_a_population_counts_people() -> None:
    assert counted("The survey put the island's population at 84,000.") == ["people"]


def test_a_part_of_the_strikers_who_joined_a_picket_are_protesters() -> None:
    sentence = "Drivers struck at dawn, and 1,900 of them had joined picket lines by noon."
    assert counted(sentence) == ["protesters"]


# --- the second read's probes (round 15): each failed before its fix ----------------------


def test_a_person_plural_in_men_is_read_in_a_sentence() -> None:
    assert counted("About 30 repairmen were sent to restore the power lines.") == ["people"]
    assert counted("Some 70 aldermen voted against the plan.") == ["people"]
    assert counted("Officials said 20 Yemen ports were closed.") != ["people"]  # a name


def test_held_on_is_not_custody() -> None:
    assert counted("Of the 60 rallies planned, 45 were held on Saturday.") == ["units", "units"]
    assert counted("About 2,000 residents held on for days without power.") == ["people"]
    assert counted("Over 4,000 held as the sweep widens, police said.") == ["arrested"]
