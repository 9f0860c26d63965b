"""Round 18b: which claim a figure is about, and what it is to that claim. Small invented
stories, of kinds the corpus does not have (a shipping strike, a measles outbreak, a data
breach, a locust swarm, a pension reform, a ferry sinking, a university strike, a bank run, a
crop failure, a wildfire evacuation), where each rule applies and where it must not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.compare import settles_between
from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.learning import _reference as learned_reference
from bot.core.learning import _template as template_of
from bot.core.learning import claim_text_for, same_quantity
from bot.core.model import Topic
from tests.core.claims import findings_of
from tests.core.news import wire_story


def when(day: int) -> datetime:
    return datetime(2026, 9, day, 9, 0, tzinfo=UTC)


def third_source(keywords: tuple[str, ...], first: str, rival: str, then: str) -> list[str]:
    """The kinds of finding a third source's story gives on a later day, after a first source's
    figure and a second source's rival figure the same day."""
    topic = Topic(id="t", name="A developing story", keywords=keywords)
    engine = Engine([topic])
    engine.process(wire_story("a", "North Wire", first, when(2)))
    engine.process(wire_story("b", "East Ledger", rival, when(2)))
    result = engine.process(wire_story("c", "South Post", then, when(4), "Later"))
    return [kind for kind, _, _ in findings_of(result)]


# --- a figure set between two earlier ones answers their disagreement (README rule 3) ----------

SETTLING = [
    (
        ("strike", "Tessel"),
        "About 6,000 dockers joined the Tessel port strike, the dockers' union said.",
        "Only 2,400 dockers joined the Tessel port strike, the port authority said.",
        "Some 4,100 dockers joined the Tessel port strike, the labour ministry said, citing "
        "payroll returns, a figure that falls between the union's 6,000 and the authority's "
        "2,400.",
    ),
    (
        ("measles", "Orvath"),
        "About 900 children have caught measles in Orvath, the health ministry said.",
        "More than 2,000 children have caught measles in Orvath, a doctors' group said.",
        "The national laboratory said 1,450 children had caught measles in Orvath, well above "
        "the ministry's figure but far below the doctors' estimate.",
    ),
    (
        ("wildfire", "Kelso"),
        "About 12,000 residents were evacuated from Kelso as the wildfire spread, the fire "
        "service said.",
        "Some 5,000 residents were evacuated from Kelso as the wildfire spread, the mayor said.",
        "The county said 8,200 residents were evacuated from Kelso as the wildfire spread, "
        "below the fire service's count but above the mayor's.",
    ),
    (
        ("ferry", "Orla"),
        "About 140 passengers were rescued from the Orla ferry, the coastguard said.",
        "Some 60 passengers were rescued from the Orla ferry, the operator said.",
        "The maritime authority said 95 passengers were rescued from the Orla ferry, a figure "
        "that lies somewhere between the coastguard's 140 and the operator's 60.",
    ),
    (
        ("strike", "Tarn"),
        "About 1,800 lecturers walked out in the Tarn university strike, the union said.",
        "Some 600 lecturers walked out in the Tarn university strike, the university said.",
        "An audit of timesheets found that 1,150 lecturers walked out in the Tarn university "
        "strike, below the union's count but above the university's, the inspectorate said.",
    ),
]


@pytest.mark.parametrize(("keywords", "first", "rival", "then"), SETTLING)
def test_a_later_figure_between_rival_figures_is_an_update(
    keywords: tuple[str, ...], first: str, rival: str, then: str
) -> None:
    assert settles_between(then), then
    assert third_source(keywords, first, rival, then) == ["new_figure"], then


@pytest.mark.parametrize(
    ("keywords", "first", "rival", "then"),
    [
        (  # a third rival estimate, not set between the others
            ("strike", "Tessel"),
            "About 6,000 dockers joined the Tessel port strike, the dockers' union said.",
            "Only 2,400 dockers joined the Tessel port strike, the port authority said.",
            "Some 4,100 dockers joined the Tessel port strike, an analyst at Brant Shipping "
            "said, adding that the walkout would cost shippers millions.",
        ),
        (  # a range the figure states itself, not earlier figures
            ("measles", "Orvath"),
            "About 900 children have caught measles in Orvath, the health ministry said.",
            "More than 2,000 children have caught measles in Orvath, a doctors' group said.",
            "More than 1,200 but fewer than 1,600 children have caught measles in Orvath, "
            "a charity said.",
        ),
        (  # "between" of places
            ("ferry", "Orla"),
            "About 140 passengers were rescued from the Orla ferry, the coastguard said.",
            "Some 60 passengers were rescued from the Orla ferry, the operator said.",
            "Some 95 passengers were rescued from the Orla ferry, most of them from the strait "
            "that lies between the two islands, a fishermen's association said.",
        ),
        (  # "between" of parties, not of figures
            ("strike", "Tarn"),
            "About 1,800 lecturers walked out in the Tarn university strike, the union said.",
            "Some 600 lecturers walked out in the Tarn university strike, the university said.",
            "Some 1,150 lecturers walked out in the Tarn university strike, the education ministry "
            "said, as talks between the university and the union broke down.",
        ),
        (  # a comparison with no earlier figure on one side
            ("breach", "Vantis"),
            "Hackers stole the records of 12 million Vantis customers, the hackers said.",
            "Vantis said the breach exposed the records of 3 million customers.",
            "A security firm said the Vantis breach exposed about 7 million customers, below "
            "the hackers' claim but still one of the largest breaches this year.",
        ),
    ],
)
def test_a_third_rival_figure_is_still_a_dispute(
    keywords: tuple[str, ...], first: str, rival: str, then: str
) -> None:
    assert not settles_between(then), then
    assert "new_figure" not in third_source(keywords, first, rival, then), then


# --- a learned claim keeps its clause's words when its template names nothing ------------------


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        (
            "The measles outbreak has closed 63 schools across the district, officials said.",
            "schools",
        ),
        (
            "Harwick Bank said all 40 of its branches would stay shut on Monday after the run.",
            "branches",
        ),
        (
            "The university strike has shut 14 offices on the main campus, the union said.",
            "offices",
        ),
        (
            "Hackers broke into 27 substations run by the Orsen grid company, police said.",
            "substations",
        ),
        ("The crop failure has shut 22 farms for good, the farmers' union said.", "farms"),
        (
            "The wildfire forced the closure of 84 shops along the coast road, the council said.",
            "shops",
        ),
    ],
)
def test_a_claim_of_things_without_a_kind_keeps_its_clause(sentence: str, noun: str) -> None:
    figure = next(f for f in extract_figures(sentence) if f.counted == "units")
    text = claim_text_for(figure, sentence)
    assert noun in text and len(text) < len(sentence), text  # not "63 units", not the sentence
    assert same_quantity(learned_reference(text), figure), text


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 1,200 nurses walked out at the capital's hospitals on Monday, the union said.",
        "About 400 passengers were rescued from the ferry before it sank, the coastguard said.",
        "The university strike has cancelled 3,000 lectures this term, the union said.",
        "Some 46 sailings between Orm and Skellvik were cancelled on Tuesday, the operator said.",
        "The crop failure has ruined 38 barns of stored grain, the cooperative said.",
    ],
)
def test_a_claim_whose_template_names_its_kind_keeps_the_template(sentence: str) -> None:
    figure = next(f for f in extract_figures(sentence) if f.counted)
    assert claim_text_for(figure, sentence) == template_of(figure)
