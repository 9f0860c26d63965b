"""A bare figure takes the counted kind of an earlier figure of its story only when the text
ties it to that figure (round 16a, `carried.carry_counted`). Stories written for the test, of
kinds the corpus does not have."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.carried import carry_counted
from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.model import ClaimSpec, Topic
from bot.core.sentences import split_sentences
from tests.core.news import wire_story


def kinds(title: str, body: str, *, carry: bool = True) -> list[list[str | None]]:
    """The counted kind of each figure, sentence by sentence, the title first; without
    `carry`, as each sentence alone says."""
    texts = [title, *split_sentences(body)]
    figures = [extract_figures(t) for t in texts]
    if carry:
        figures = carry_counted(texts, [i == 0 for i in range(len(texts))], figures)
    return [[f.counted for f in row] for row in figures]


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        (
            "Measles outbreak",
            "Health officials said 96 children had died of measles since January. "
            "The ministry had earlier put the number at 80.",
            "killed",
        ),
        (
            "Stadium crush",
            "At least 21 people were killed in the crush at Hallam Park. "
            "The police had first reported 14.",
            "killed",
        ),
        (
            "Data breach widens",
            "Hackers took data from 48,000 customer accounts, the bank said. "
            "The regulator's figure of 61,300 was higher.",
            "units",
        ),
        (
            "Shipping strike",
            "About 3,000 dockers walked out on Monday, the union said. "
            "By Wednesday the count had risen to 4,200.",
            "protesters",
        ),
        (
            "Locust swarm",
            "The swarm destroyed crops on 3,000 farms, the ministry said. "
            "That is well above the 1,900 estimated by the growers' union on Friday.",
            "units",
        ),
        (
            "Pension reform protests",
            "Police said 40,000 people marched in the capital. "
            "The organisers' tally had stood at 120,000 by the evening.",
            "protesters",
        ),
    ],
)
def test_a_bare_figure_tied_to_an_earlier_one_takes_its_kind(
    title: str, body: str, kind: str
) -> None:
    assert kinds(title, body)[-1] == [kind]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Measles outbreak",
            "Health officials said 96 children had died of measles since January. "
            "The ministry said 50 had been vaccinated in the village.",
        ),
        (
            "Stadium crush",
            "At least 21 people were killed in the crush at Hallam Park. "
            "Police said the stadium held 48,000 that night.",
        ),
        (
            "Data breach",
            "Hackers took data from 48,000 customer accounts, the bank said. "
            "The regulator said 12 had been warned about the flaw.",
        ),
        (
            "Shipping strike",
            "About 3,000 dockers walked out on Monday, the union said. "
            "Officials expect 300 at the hearing.",
        ),
        (
            "Locust swarm",
            "The swarm destroyed crops on 3,000 farms, the ministry said. "
            "Inspectors visited 25 on Tuesday.",
        ),
    ],
)
def test_a_bare_figure_the_text_does_not_tie_keeps_no_kind(title: str, body: str) -> None:
    assert kinds(title, body) == kinds(title, body, carry=False)
    assert None in kinds(title, body)[-1]


def test_a_headline_figure_takes_the_kind_of_the_body_figure_of_its_value() -> None:
    found = kinds(
        "Ferry toll rises to 41",
        "The death toll from the ferry sinking rose to 41 on Monday, the coast guard said.",
    )
    assert found == [["killed"], ["killed"]]


def test_a_headline_figure_with_no_body_figure_of_its_value_keeps_no_kind() -> None:
    found = kinds(
        "Union says 45",
        "The death toll from the ferry sinking rose to 41 on Monday, the coast guard said.",
    )
    assert found[0] == [None]


def test_a_figure_with_its_own_noun_keeps_it() -> None:
    found = kinds(
        "Locust swarm",
        "Locusts have killed 12 people, the ministry said. It had earlier reported 300 farms hit.",
    )
    assert found[-1] == ["units"]


def test_a_story_with_no_bare_figure_is_returned_as_it_is() -> None:
    texts = ["Shipping strike", "About 3,000 dockers walked out on Monday."]
    figures = [extract_figures(t) for t in texts]
    carried = carry_counted(texts, [True, False], figures)
    assert all(
        a is b
        for row, out in zip(figures, carried, strict=True)
        for a, b in zip(row, out, strict=True)
    )


def test_the_engine_reads_a_bare_figure_as_the_kind_its_story_ties_it_to() -> None:
    """Wired into the engine: the older value of a toll said without its noun is a figure of
    the dead in the statements the engine keeps, not a bare count."""
    crush = Topic(
        id="hallam-crush",
        name="Hallam Park crush",
        keywords=("crush", "Hallam"),
        claims=(
            ClaimSpec("crush-dead", "hallam-crush", "At least 14 people were killed in the crush"),
        ),
    )
    text = (
        "At least 21 people were killed in the crush at Hallam Park, the police said on Monday. "
        "The police had first reported 14."
    )
    when = datetime(2026, 8, 4, 9, 0, tzinfo=UTC)
    result = Engine([crush]).process(wire_story("c1", "Hallam Post", text, when, "Crush toll"))
    counted = {f.low: f.counted for s in result.statements for f in s.figures}
    assert counted.get(14.0) == "killed", counted
    assert counted.get(21.0) == "killed", counted
