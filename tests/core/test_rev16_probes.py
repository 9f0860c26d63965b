"""Sentences a second read of round 16 wrote, of stories the corpus has none of, that round 16's
rules first got wrong (each failed before its mend): a rule must not fire on prose it was not
written for."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.carried import carry_counted
from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.learning import _placed_phrase
from bot.core.model import ClaimSpec, Stance, Topic
from bot.core.sentences import split_sentences
from bot.core.stance import cue_stance
from tests.core.claims import findings_of, first
from tests.core.news import wire_story


def counted(text: str) -> str | None:
    return extract_figures(text)[0].counted


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("80 engineers inspected the bridge on Tuesday.", "people"),  # -eers: people alone
        ("350 musicians performed at the festival.", "people"),  # -icians
        ("45 electricians checked the wiring.", "people"),
        ("800 manatees were stranded on the beach.", "units"),  # -ees needs a sign
        ("5,000 durians were seized at the border.", "units"),  # -ians too
        ("Two women who nearly died in the fire were discharged on Monday.", "people"),
        ("Six residents who say their neighbours died were interviewed.", "people"),
        ("Two people who had been taken to hospital died of hypothermia.", "killed"),
        ("2,000 pupils stayed away because their teachers were on strike.", "people"),
        ("40,000 commuters stayed at home during the rail strike.", "people"),
    ],
)
def test_what_is_counted(text: str, kind: str) -> None:
    assert counted(text) == kind


def carried_kinds(body: str) -> list[list[str | None]]:
    texts = split_sentences(body)
    rows = carry_counted(texts, [False] * len(texts), [extract_figures(t) for t in texts])
    return [[f.counted for f in row] for row in rows]


@pytest.mark.parametrize(
    "body",
    [
        "Storm Hera killed 14 people on Monday. Power outages caused by the storm rose to 2,600.",
        "Storm Hera killed 14 people on Monday. Wind speeds rose to 140 on the coast.",
        "Storm Hera killed 14 people on Monday. Roads were closed across the region. "
        "Schools shut for the day. The agency had last reported 9.",  # too far back
    ],
)
def test_a_kind_is_not_carried_to_another_thing_or_too_far(body: str) -> None:
    assert carried_kinds(body)[-1] == [None]


def test_a_kind_is_carried_when_the_count_itself_moves() -> None:
    body = "Storm Hera killed 14 people on Monday. The death toll rose to 19 on Tuesday."
    assert carried_kinds(body)[-1] == ["killed"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a verdict on another statement than the figure's
        (
            "The minister said the photos of the march were 'staged'; police said 41 people "
            "were killed.",
            Stance.NEUTRAL,
        ),
        ("The minister repeated that the report of 440 bodies was 'staged'.", Stance.REFUTES),
        ("Officials repeated the disputed toll of 41 on Monday.", Stance.DISPUTES),
        ("The claim that 40 villagers were killed has been denied three times.", Stance.REFUTES),
        ("Detainees were beaten and denied water, 40 former prisoners said.", Stance.NEUTRAL),
    ],
)
def test_the_stance_a_sentence_carries(text: str, stance: Stance) -> None:
    assert cue_stance(text)[0] is stance


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 12 people died on Monday in the floods.",
        "The council closed 40 schools in March.",
    ],
)
def test_a_time_or_a_verb_is_no_place_of_a_learned_claim(text: str) -> None:
    assert _placed_phrase(text, first(text)) is None


TROOPS = Topic(id="nk-troops", name="North Korean troops", keywords=("North Korea", "troops"))


def test_a_planned_addition_seen_first_is_a_new_claim() -> None:
    text = "North Korea will send an additional 30,000 troops to Russia, officials said."
    story = wire_story("k1", "Seoul Wire", text, datetime(2026, 8, 4, 9, tzinfo=UTC), "Troops")
    result = Engine([TROOPS]).process(story)
    assert [kind for kind, _, _ in findings_of(result)] == ["new_claim"]


def test_what_a_source_now_says_is_not_the_count_moving_on() -> None:
    topic = Topic(
        id="nk-troops",
        name="North Korean troops",
        keywords=("North Korea", "troops"),
        claims=(
            ClaimSpec(
                "nk-more-troops",
                "nk-troops",
                "North Korea will send 30,000 more troops to Russia",
                source="CNN",
            ),
        ),
    )
    engine = Engine([topic])
    first_text = "North Korea will send 30,000 more troops to Russia, CNN reported."
    engine.process(wire_story("a", "CNN", first_text, datetime(2026, 8, 4, 9, tzinfo=UTC), "T"))
    later = "Seoul now says 60,000 more troops will be sent by North Korea to Russia."
    result = engine.process(
        wire_story("b", "Seoul Wire", later, datetime(2026, 8, 6, 9, tzinfo=UTC), "Troops")
    )
    assert [kind for kind, _, _ in findings_of(result)] == ["dispute"]
