"""What is counted (round 16a): rules that should hold on kinds of story the corpus does not
have. Each sentence is written for the test, from stories of other kinds (a shipping strike, a
measles outbreak, a data breach, a locust swarm, a stadium crush, a pension reform, a zoo, a
fruit market...); each rule has cases where it must apply and cases it must leave alone."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


# --- a noun of a person's form is people only when the sentence says so ----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "About 40 hydrologists from the university are checking the dam.",
        "Some 250 machinists went on strike at the shipyard on Monday.",
        "About 3,000 lobbyists signed the letter against the pension reform.",
        "A further 25 forensic specialists, sent by neighbouring countries, had joined the teams.",
        "The clinic now has 12 paediatricians on call for the measles ward.",
        "At least 60 technicians and nurses were moved to the outbreak wards.",
        "Some 300 volunteer engineers from the north arrived on Sunday.",
        "Police said 14 activists were arrested outside the stadium.",
        "About 80 auctioneers protested outside the ministry.",
        "Some 900 trainees have been employed since the reform took effect.",
    ],
)
def test_a_person_form_with_a_sign_of_people_counts_people(sentence: str) -> None:
    assert counted(sentence) in (["people"], ["arrested"], ["protesters"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Rangers counted 800 manatees in the lagoon after the cold snap.",
        "Growers lost 5,000 durians to the storm.",
        "Keepers moved 400 chimpanzees to the new reserve.",
        "The market sold 12,000 rambutans and 3,000 durians on Saturday.",
        "The swarm stripped 2,000 acacias along the river.",
        "The farm lost 300 steers in the flood.",
    ],
)
def test_a_person_form_alone_is_not_people(sentence: str) -> None:
    assert "people" not in counted(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("About 30 repairmen were sent to restore the power lines.", "people"),
        ("The survey found 3.1 million Veldanians abroad.", "people"),
        ("Twelve geologists from the survey office were injured in the blast.", "injured"),
        ("The agency sent 95 assessors, who visited every farm twice.", "people"),
    ],
)
def test_a_person_by_name_plural_or_role_needs_no_other_sign(sentence: str, kind: str) -> None:
    assert counted(sentence) == [kind]


# --- a post is a job when it is to be filled, not when it is "open" ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Only 12 border posts remained open on Sunday as the swarm moved south.",
        "Traders kept 300 short positions open overnight after the breach.",
        "Some 40 checkpoint positions stayed open through the night.",
        "The exchange said 1,200 positions were still open when trading halted.",
        "Just 6 customs posts are open along the coast during the dock strike.",
    ],
)
def test_posts_or_positions_left_open_are_not_jobs(sentence: str) -> None:
    assert "jobs" not in counted(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The hospital has 40 posts open for nurses after the outbreak.",
        "About 2,300 teaching posts were vacant in September.",
        "The port has 150 positions to be filled before the season.",
        "Some 310 posts for paramedics went unfilled last year.",
        "The agency advertised 400 vacancies for drivers.",
    ],
)
def test_posts_to_fill_are_jobs(sentence: str) -> None:
    assert counted(sentence) == ["jobs"]


# --- names on a list count whom the list is of ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The ferry company's list of missing passengers now holds 57 names.", "missing"),
        (
            "The roll of the injured had grown to 130 names by Friday after the stadium crush.",
            "injured",
        ),
        ("The clinic's register of the dead from the measles outbreak lists 14 names.", "killed"),
        ("A register of villagers who disappeared in the mudslide now lists 212 names.", "missing"),
        ("The airline's list of passengers on the flight held 180 names.", "people"),
    ],
)
def test_names_on_a_list_count_the_list_kind(sentence: str, kind: str) -> None:
    assert counted(sentence) == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "The hackers published 40,000 names and email addresses from the breach.",
        "The pension fund's mailing list runs to 9,000 names.",
        "The petition against the pension reform has gathered 40,000 names.",
        "The locust survey gave the swarms 12 names.",
        "Voters will choose between 14 names on the ballot.",
    ],
)
def test_names_with_no_list_kind_count_no_known_kind(sentence: str) -> None:
    assert counted(sentence) in ([None], ["units"])


def test_names_of_a_noun_count_that_noun() -> None:
    assert counted("The notice listed 52 names of residents identified among the dead.") != [
        "killed"
    ]


# --- workers absent because of a strike are strikers ------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The inspectorate said 4,100 workers were absent from the docks because of the strike.",
        "About 2,300 stayed away during the stoppage at the shipyard, the union said.",
        "Some 1,200 nurses did not turn up for their shifts on the first day of the strike.",
        "About 600 bus drivers stayed off work during the walkout over pensions.",
        "Roughly 850 crew members failed to report for duty in the shipping strike.",
    ],
)
def test_people_absent_in_a_strike_are_strikers(sentence: str) -> None:
    assert counted(sentence) == ["protesters"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 300 pupils stayed away after the measles outbreak.",
        "Roughly 900 drivers were absent because of the snow.",
        "About 120 nurses did not turn up for their shifts after the data breach locked the rota.",
        "Some 2,000 fans stayed away from the stadium after the crush.",
        "About 400 farm workers were absent as locusts swept the valley.",
    ],
)
def test_people_absent_for_another_cause_are_not_strikers(sentence: str) -> None:
    assert "protesters" not in counted(sentence)


# --- people whose relative clause says they died are the dead --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Two people who had been taken to hospital after the stadium crush died overnight.",
        "Twelve climbers who were caught in the avalanche have died.",
        "Three passengers who were pulled from the ferry later died in hospital.",
        "Four children who had measles died last week, the clinic said.",
        "Six miners who were trapped by the flood have since died.",
    ],
)
def test_people_who_died_are_the_dead(sentence: str) -> None:
    assert counted(sentence) == ["killed"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 300 people who saw the crash gave statements to the police.",
        "About 40 people who lost relatives in the crush met the minister.",
        "Some 300 people who saw the man who died gave statements.",
        "About 1,200 customers who had their data stolen in the breach were told on Friday.",
        "Some 90 dockers who joined the strike returned to work.",
    ],
)
def test_people_whose_clause_says_no_death_are_not_the_dead(sentence: str) -> None:
    assert "killed" not in counted(sentence)
