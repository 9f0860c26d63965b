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
