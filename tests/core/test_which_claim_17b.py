"""Round 17b: which claim a figure is about, and what it is to that claim. Small invented
stories, of kinds the corpus does not have (a ferry sinking, a data breach, a shipping strike, a
bank run, a crop failure, a university strike), where each rule applies and where it must not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.engine import Engine
from bot.core.model import Topic
from tests.core.claims import findings_of
from tests.core.news import wire_story

FERRY = Topic(
    id="orla-ferry", name="Orla ferry sinking", keywords=("ferry", "sinking", "Orla"), claims=()
)
BREACH = Topic(
    id="vantis-breach", name="Vantis data breach", keywords=("breach", "hackers", "Vantis")
)
WILDFIRE = Topic(id="kelso-fire", name="Kelso wildfire", keywords=("wildfire", "fire", "Kelso"))
CROP = Topic(
    id="dunmere-crop", name="Dunmere crop failure", keywords=("harvest", "crop", "Dunmere")
)
CAMPUS = Topic(
    id="tarn-strike", name="Tarn university strike", keywords=("strike", "university", "Tarn")
)
PENSION = Topic(
    id="aldby-pension",
    name="Pension reform protests",
    keywords=("pension", "march", "reform", "Aldby"),
)


def when(day: int) -> datetime:
    return datetime(2026, 9, day, 9, 0, tzinfo=UTC)


def learned(topic: Topic, text: str, title: str = "Update") -> list[str]:
    """The figures a first story on the topic gives findings for (a fresh engine)."""
    engine = Engine([topic])
    result = engine.process(wire_story("s1", "Harbour Wire", text, when(3), title))
    return [figure for _, _, figure in findings_of(result)]


# --- a share's price is the market's quote, not an amount of the event ------------------------


@pytest.mark.parametrize(
    ("topic", "text", "price"),
    [
        (
            FERRY,
            "The Orla ferry sank off Skarholm with 212 people aboard, and shares in its operator, "
            "Nordline, fell 14% to €6.20 in Bergen.",
            "€6.20",
        ),
        (
            BREACH,
            "Hackers took 2.1 million customer records in the Vantis breach; Vantis shares "
            "closed 3.5% lower at $27.80 on Tuesday.",
            "$27.80",
        ),
        (
            BREACH,
            "After the Vantis breach, Vantis's stock traded at $26.15 in early dealing, its "
            "lowest since 2021.",
            "$26.15",
        ),
        (
            FERRY,
            "After the Orla ferry sinking, an analyst cut his price target on the shares to "
            "€5 from €8.",
            "€5",
        ),
        (
            FERRY,
            "Nordline, which ran the Orla ferry, cut its dividend to €0.40 a share after the "
            "sinking.",
            "€0.40",
        ),
        (
            BREACH,
            "Shares in Vantis, which trade under the code VTS, slid to $25.60 as the breach "
            "widened.",
            "$25.60",
        ),
    ],
)
def test_a_share_price_is_not_learned(topic: Topic, text: str, price: str) -> None:
    assert price not in learned(topic, text), text


@pytest.mark.parametrize(
    ("topic", "text", "amount"),
    [
        (
            FERRY,
            "Nordline said the Orla ferry sinking would cost it about €40m, and its shares fell "
            "on the news.",
            "€40m",
        ),
        (
            BREACH,
            "The hackers demanded $4m in bitcoin from Vantis, whose shares were suspended.",
            "$4m",
        ),
        (
            FERRY,
            "Insurers put the losses from the Orla ferry sinking at €75m, and Nordline shares "
            "fell 6%.",
            "€75m",
        ),
        (
            BREACH,
            "Shares in Vantis fell after the breach, which the regulator said had cost banks "
            "about $18m.",
            "$18m",
        ),
        (
            BREACH,
            "Vantis shares fell 8% after it said the breach had cost it $31m in lost sales.",
            "$31m",
        ),
        (
            FERRY,
            "Shares in Nordline fell as it set aside €55m for the families of the Orla ferry "
            "victims.",
            "€55m",
        ),
    ],
)
def test_an_amount_of_the_event_is_still_learned(topic: Topic, text: str, amount: str) -> None:
    assert amount in learned(topic, text), text


# --- an audience is the draw of what it watched, not a count of the event ---------------------


@pytest.mark.parametrize(
    ("topic", "text", "size"),
    [
        (FERRY, "A memorial concert for the Orla ferry victims drew some 6,000 visitors.", "6,000"),
        (
            BREACH,
            "A documentary on the Vantis breach drew 2.3 million viewers on Sunday.",
            "2.3 million",
        ),
        (WILDFIRE, "About 1,200 visitors watched the Kelso wildfire from the ridge.", "1,200"),
        (
            CROP,
            "The harvest fair in Dunmere, held despite the crop failure, drew about 9,000 "
            "visitors.",
            "9,000",
        ),
        (
            CAMPUS,
            "A lecture streamed by staff during the Tarn university strike was watched by 48,000.",
            "48,000",
        ),
        (
            WILDFIRE,
            "A charity match for the Kelso wildfire victims drew a record 14,000 spectators.",
            "14,000",
        ),
    ],
)
def test_an_audience_is_not_learned(topic: Topic, text: str, size: str) -> None:
    assert size not in learned(topic, text), text


@pytest.mark.parametrize(
    ("topic", "text", "count"),
    [
        (
            WILDFIRE,
            "About 1,200 visitors were evacuated from the park as the Kelso wildfire spread.",
            "1,200",
        ),
        (
            FERRY,
            "Some 300 visitors were trapped on the Orla ferry's upper deck, the coastguard said.",
            "300",
        ),
        (
            CAMPUS,
            "The Tarn university strike drew 4,000 lecturers out of their classrooms.",
            "4,000",
        ),
        (
            PENSION,
            "Some 40,000 people took part in the march in Aldby against the pension reform.",
            "40,000",
        ),
        (FERRY, "About 2,000 mourners attended the funeral of the Orla ferry's captain.", "2,000"),
        (CROP, "About 9,000 farmers in Dunmere lost their harvest to the crop failure.", "9,000"),
    ],
)
def test_people_something_befell_or_who_took_part_are_still_learned(
    topic: Topic, text: str, count: str
) -> None:
    assert count in learned(topic, text), text


# --- work done that stays done, counted higher on a later day, is the work moving on ----------


def second_story(keywords: tuple[str, ...], first: str, then: str, day: int) -> list[str]:
    """The kinds of finding a second source's later story gives, after a first one's."""
    topic = Topic(id="t", name="A developing story", keywords=keywords)
    engine = Engine([topic])
    engine.process(wire_story("a", "North Wire", first, when(2)))
    result = engine.process(wire_story("b", "South Post", then, when(day), "Later"))
    return [kind for kind, _, _ in findings_of(result)]


ROADS = "About 30% of the roads closed by the Kelso wildfire had been reopened, police said."
CROPS = "Farmers in Dunmere have harvested about 20% of the failed crop, the farm union said."
BERTHS = "About 25% of the berths shut by the Tessel strike have been reopened, the port said."
HOMES = "Crews have reconnected about 4,000 homes cut off by the Marrow floods, the utility said."
BRANCHES = "About 120 Harwick Bank branches shut in the bank run have reopened, the bank said."
REBUILT = "About 80 homes burned in the Kelso wildfire have been rebuilt, the council said."


@pytest.mark.parametrize(
    ("keywords", "first", "then"),
    [
        (
            ("wildfire", "Kelso"),
            ROADS,
            "About 70% of the roads closed by the Kelso wildfire were reopened, the county "
            "council said.",
        ),
        (
            ("crop", "Dunmere"),
            CROPS,
            "About 55% of the failed crop in Dunmere has been harvested, the agriculture "
            "ministry said.",
        ),
        (
            ("strike", "Tessel"),
            BERTHS,
            "Some 60% of the berths shut by the Tessel strike were back in service, the "
            "shippers' council said.",
        ),
        (
            ("floods", "Marrow"),
            HOMES,
            "Crews had reconnected some 9,000 homes cut off by the Marrow floods, the county said.",
        ),
        (
            ("run", "Harwick"),
            BRANCHES,
            "Some 300 Harwick Bank branches shut in the bank run have reopened, the banking "
            "association said.",
        ),
        (
            ("wildfire", "Kelso"),
            REBUILT,
            "Some 210 homes burned in the Kelso wildfire have been rebuilt, the builders' "
            "federation said.",
        ),
    ],
)
def test_more_work_done_on_a_later_day_is_an_update(
    keywords: tuple[str, ...], first: str, then: str
) -> None:
    assert second_story(keywords, first, then, day=5) == ["new_figure"], then


@pytest.mark.parametrize(
    ("keywords", "first", "then", "day"),
    [
        (
            ("wildfire", "Kelso"),
            ROADS,
            "About 70% of the roads closed by the Kelso wildfire were reopened, the county "
            "council said.",
            2,  # the same day: a rival count
        ),
        (
            ("crop", "Dunmere"),
            CROPS,
            "About 55% of the failed crop in Dunmere would be harvested by Friday, the "
            "agriculture ministry said.",
            5,
        ),
        (
            ("strike", "Tessel"),
            BERTHS,
            "Some 60% of the berths shut by the Tessel strike were still closed, the shippers' "
            "council said.",
            5,
        ),
        (
            ("floods", "Marrow"),
            HOMES,
            "Crews hope to reconnect some 9,000 homes cut off by the Marrow floods by Sunday, "
            "the county said.",
            5,
        ),
        (
            ("run", "Harwick"),
            BRANCHES,
            "Some 300 Harwick Bank branches shut in the bank run will reopen on Monday, the "
            "banking association said.",
            5,
        ),
        (
            ("wildfire", "Kelso"),
            REBUILT,
            "Some 210 homes burned in the Kelso wildfire are to be rebuilt, the builders' "
            "federation said.",
            5,
        ),
    ],
)
def test_work_planned_or_a_rival_count_is_no_update(
    keywords: tuple[str, ...], first: str, then: str, day: int
) -> None:
    assert "new_figure" not in second_story(keywords, first, then, day), then
