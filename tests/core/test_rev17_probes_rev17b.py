"""Sentences a second read of round 17b wrote, of stories the corpus has none of, that round
17b's rules (a share's price, an audience, work done) first got wrong (each failed before its
mend): a rule must not fire on prose it was not written for."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.engine import Engine
from bot.core.model import Topic
from tests.core.claims import findings_of
from tests.core.news import wire_story


def when(day: int) -> datetime:
    return datetime(2026, 9, day, 9, 0, tzinfo=UTC)


def learned(keywords: tuple[str, ...], text: str) -> list[str]:
    """The figures a first story on the topic gives findings for (a fresh engine)."""
    engine = Engine([Topic(id="t", name="A developing story", keywords=keywords)])
    result = engine.process(wire_story("s1", "Harbour Wire", text, when(3)))
    return [figure for _, _, figure in findings_of(result)]


# --- a share of an amount, or a stock of it, is no share price -------------------------------


@pytest.mark.parametrize(
    ("keywords", "text", "amount"),
    [
        (
            ("bailout", "Corvin"),
            "The state's share of the Corvin bailout rose to €4.2bn, the finance ministry said.",
            "€4.2bn",
        ),
        (
            ("recall", "Aldo"),
            "The carmaker's share of the Aldo recall cost rose to €900m after suppliers refused "
            "to pay.",
            "€900m",
        ),
        (
            ("ferry", "Orla"),
            "Each family's share of the Orla ferry compensation fund rose to €85,000.",
            "€85,000",
        ),
        (
            ("bank", "Harwick"),
            "Harwick Bank's stock of bad loans stood at €12bn at the end of June, the regulator "
            "said.",
            "€12bn",
        ),
        (  # plural shares of a sum: its words are no firm's name
            ("ferry", "Orla"),
            "The families' shares of the Orla ferry compensation fund rose to €85,000 each.",
            "€85,000",
        ),
        (
            ("fraud", "Peltz"),
            "After the Peltz fraud, the creditors' shares of the fund fell to $1.2m after legal "
            "fees.",
            "$1.2m",
        ),
    ],
)
def test_a_share_or_a_stock_of_an_amount_is_still_learned(
    keywords: tuple[str, ...], text: str, amount: str
) -> None:
    assert amount in learned(keywords, text), text


@pytest.mark.parametrize(
    ("keywords", "text", "amount"),
    [
        (  # goods, not a firm's stock
            ("crash", "Tarn", "rail"),
            "Damage to rolling stock rose to €40m after the Tarn rail crash, the operator said.",
            "€40m",
        ),
    ],
)
def test_goods_in_stock_are_no_firms_stock(
    keywords: tuple[str, ...], text: str, amount: str
) -> None:
    assert amount in learned(keywords, text), text


@pytest.mark.parametrize(
    ("keywords", "text", "amount"),
    [
        (
            ("takeover", "Brannock"),
            "Kessel raised its Brannock takeover offer to €14.50 a share, valuing the firm at "
            "€2.1bn.",
            "€14.50",
        ),
        (
            ("fraud", "Peltz"),
            "Victims of the Peltz fraud will receive $2.10 a share from the liquidator.",
            "$2.10",
        ),
        (
            ("bank run", "Orvant"),
            "Orvant Bank shareholders will get €0.12 a share under the rescue that followed the "
            "bank run.",
            "€0.12",
        ),
    ],
)
def test_so_much_a_share_offered_or_paid_out_is_still_learned(
    keywords: tuple[str, ...], text: str, amount: str
) -> None:
    assert amount in learned(keywords, text), text


# --- a crowd a vigil, a strike or a food centre drew is no audience; nor are visitors that
# something befell, whatever clause says why they came -----------------------------------------


@pytest.mark.parametrize(
    ("keywords", "text", "count"),
    [
        (
            ("vigil", "ferry", "Orla"),
            "A vigil for the Orla ferry victims drew about 3,000 people to the harbour.",
            "3,000",
        ),
        (
            ("strike", "Tarn", "university"),
            "The Tarn university strike drew 4,000 people onto the streets on Monday.",
            "4,000",
        ),
        (
            ("hunger", "famine", "Ostra"),
            "Food centres in Ostra attracted some 90,000 people in the first week of the famine.",
            "90,000",
        ),
        (
            ("wildfire", "Kelso"),
            "About 1,200 visitors who had come to the park were evacuated as the Kelso wildfire "
            "spread.",
            "1,200",
        ),
        (
            ("stampede", "Doran"),
            "Some 300 visitors who came to see the fireworks were injured in the Doran stampede.",
            "300",
        ),
        (  # a crowd's moving says nothing of watching: evacuees
            ("eruption", "Lenby", "volcano"),
            "About 5,000 visitors packed the last ferries off Lenby after the volcano's eruption.",
            "5,000",
        ),
        (
            ("eruption", "Orla", "volcano"),
            "Some 3,000 visitors flocked to evacuation centres after the Orla eruption, officials "
            "said.",
            "3,000",
        ),
    ],
)
def test_a_crowd_drawn_or_visitors_something_befell_are_still_learned(
    keywords: tuple[str, ...], text: str, count: str
) -> None:
    assert count in learned(keywords, text), text


# --- an audience a disaster befell is the event's crowd, not a show's draw ---------------------


@pytest.mark.parametrize(
    ("keywords", "text", "count"),
    [
        (
            ("crush", "Hallam Park"),
            "Some 48,000 spectators packed Hallam Park when the crush began at Gate 7, police "
            "said.",
            "48,000",
        ),
        (
            ("crush", "Hallam Park"),
            "The cup final at Hallam Park, where the crush began, drew about 48,000 spectators, "
            "police said.",
            "48,000",
        ),
        (
            ("collapse", "stand", "Orrin"),
            "About 9,000 spectators watched in horror as the stand collapsed at the Orrin "
            "showground.",
            "9,000",
        ),
        (
            ("stampede", "Doran"),
            "The Doran festival drew some 200,000 festivalgoers on the night of the stampede, "
            "organisers said.",
            "200,000",
        ),
        (
            ("outbreak", "measles", "Rell"),
            "Some 4,000 visitors attended the Rell fair where the measles outbreak began, health "
            "officials said.",
            "4,000",
        ),
        (
            ("bombing", "Tarn", "concert"),
            "About 20,000 concertgoers attended the Tarn concert before the bombing, police said.",
            "20,000",
        ),
    ],
)
def test_an_audience_a_disaster_befell_is_still_learned(
    keywords: tuple[str, ...], text: str, count: str
) -> None:
    assert count in learned(keywords, text), text


# --- work not done, done each year, or done in another clause is no count of work done -------


def second_story(keywords: tuple[str, ...], first: str, then: str) -> list[str]:
    """The kinds of finding a second source's story three days later gives, after a first one's."""
    engine = Engine([Topic(id="t", name="A developing story", keywords=keywords)])
    engine.process(wire_story("a", "North Wire", first, when(2)))
    result = engine.process(wire_story("b", "South Post", then, when(5), "Later"))
    return [kind for kind, _, _ in findings_of(result)]


@pytest.mark.parametrize(
    ("keywords", "first", "then"),
    [
        (  # said not done
            ("floods", "Marrow"),
            "The Marrow floods cut power to about 40,000 homes, the utility said.",
            "Crews had not yet reconnected some 55,000 homes cut off by the Marrow floods, the "
            "county said.",
        ),
        (  # a present passive without "now": what is done each year
            ("measles", "Dorran"),
            "About 3 million children are vaccinated against measles in Dorran each year, the "
            "health ministry said.",
            "About 4.5 million children are vaccinated against measles in Dorran each year, "
            "UNICEF said.",
        ),
        (
            ("drought", "Ostra"),
            "The Ostra drought cut the wheat harvest to about 2 million tonnes, the ministry said.",
            "Only 3.5 million tonnes of wheat are harvested in Ostra in a normal year, the farm "
            "union said.",
        ),
        (  # a relative clause on another noun
            ("fire", "Kelso", "church"),
            "The Kelso fire caused about €3m of damage to St Ann's church, the diocese said.",
            "The Kelso fire caused €7m of damage to St Ann's church that was restored in 2015, "
            "insurers said.",
        ),
        (  # a verb before the figure, in a clause of its own
            ("strike", "Tessel"),
            "The Tessel strike stranded about 300 containers, the port said.",
            "The port has reopened but 800 containers stranded by the Tessel strike remain, "
            "shippers said.",
        ),
        (  # "registered" before a figure: a reading, not work done
            ("floods", "Marrow"),
            "Unemployment in Marrow rose to 7.5% after the floods, the statistics office said.",
            "Unemployment in Marrow registered 9.2% after the floods, the chamber of commerce "
            "said.",
        ),
        (  # a cost after the verb, not its object
            ("floods", "Marrow", "bridge"),
            "Rebuilding the Orrin bridge after the Marrow floods cost about €8m, the council said.",
            "The Orrin bridge was rebuilt at a cost of €12m after the Marrow floods, auditors "
            "said.",
        ),
        (  # a clause of its own
            ("flu", "Rell"),
            "Some 20,000 people in Rell fell ill with flu, the health agency said.",
            "About 45,000 people fell ill with flu in Rell although 2 million had been "
            "vaccinated, doctors said.",
        ),
    ],
)
def test_work_not_done_done_yearly_or_of_another_clause_is_no_update(
    keywords: tuple[str, ...], first: str, then: str
) -> None:
    assert second_story(keywords, first, then) == ["dispute"], then


@pytest.mark.parametrize(
    ("keywords", "first", "then"),
    [
        (  # a preposition between the figure and its verb opens no clause
            ("quake", "Selva"),
            "About 30 schools closed after the Selva quake have reopened, the ministry said.",
            "Some 80 schools closed after the Selva quake have reopened, the teachers' union said.",
        ),
        (
            ("floods", "Marrow"),
            "About 30 roads shut since the Marrow floods have been reopened, police said.",
            "Some 75 roads shut since the Marrow floods have been reopened, the county said.",
        ),
    ],
)
def test_work_done_past_a_preposition_is_still_an_update(
    keywords: tuple[str, ...], first: str, then: str
) -> None:
    assert second_story(keywords, first, then) == ["new_figure"], then
