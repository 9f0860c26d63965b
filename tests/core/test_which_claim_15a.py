"""Round 15a: what a story is about, which claim a figure or a denial speaks of (round i read
first). An event word opening a proper name names that thing, not the event; a doubt or denial
of a figure in another unit is not one of the claim the words found; those a count passed over
are not those it counted. Small invented stories."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.core.engine import Engine
from bot.core.learning import claim_text_for
from bot.core.matching import left_out
from bot.core.model import ClaimSpec, Story, Topic
from bot.core.topical import _in_name
from tests.core.claims import findings_of, first, indexed
from tests.core.news import wire_story


def when(day: int) -> datetime:
    return datetime(2026, 5, day, 9, 0, tzinfo=UTC)


def story(key: str, day: int, outlet: str, text: str, title: str = "Update") -> Story:
    return wire_story(key, outlet, text, when(day), title)


def names(text: str, word: str) -> bool:
    match = re.search(word, text, re.I)
    assert match is not None
    return _in_name(text, match)


# --- an event word opening a name names that thing ---------------------------------------------


def test_a_word_opening_a_name_mid_sentence_is_that_name() -> None:
    assert names("Fans of the quiz show Strike Twice queued in Dornmere.", "strike")
    assert names("Tickets for Flood Tide, the new musical, sold out in Dornmere.", "flood")


def test_a_word_opening_a_name_at_a_sentence_start_is_that_name() -> None:
    assert names("Fire Lane, the Dornmere bar, reopened on Friday.", "fire")
    assert names("Review: Coup de Grace, the bistro worth the wait", "coup")


def test_the_word_itself_is_the_event() -> None:
    assert not names("The strike at the Dornmere plant entered its third day.", "strike")
    assert not names("Strike enters third day at Dornmere plant", "strike")
    assert not names("Flood waters rose overnight in Dornmere.", "flood")


def test_a_name_the_word_closes_or_sits_in_is_still_on_the_event() -> None:
    # a bridge named after its town is a bridge; a body named after the graves works on them
    assert not names("Engineers inspected the Dornmere Bridge on Monday.", "bridge")
    assert not names("Volunteers of the Open Graves Project counted 40.", "graves")
    assert not names("Divers searched Grave 14 at first light.", "grave")


def test_a_headline_in_capitals_says_nothing_of_a_name() -> None:
    assert not names("STRIKE CLOSES DORNMERE PLANT", "strike")


DORNMERE = Topic(
    id="dornmere-strike",
    name="The Dornmere car plant strike",
    keywords=("Dornmere", "strike", "strikers"),
    claims=(
        ClaimSpec(
            id="dornmere-strikers",
            topic="dornmere-strike",
            text="4,000 workers walked out at the Dornmere car plant",
            source="Metalworkers' Union",
        ),
    ),
)


def test_a_story_about_a_show_named_after_the_event_teaches_nothing() -> None:
    engine = Engine([DORNMERE])
    text = (
        "Some 9,000 fans of the quiz show Strike Twice are expected at the Dornmere arena on "
        "Saturday, organisers said. Tickets cost €45 and the host will sign 300 books."
    )
    result = engine.process(story("s1", 2, "Dornmere Post", text, "Quiz show fans head to town"))
    assert findings_of(result) == []
    assert not result.new_claims


def test_a_story_of_the_event_still_teaches() -> None:
    engine = Engine([DORNMERE])
    text = (
        "Police arrested 35 strikers at the gates of the Dornmere plant on Tuesday, the "
        "Metalworkers' Union said."
    )
    result = engine.process(
        story("s1", 2, "Dornmere Post", text, "Strikers arrested at plant gates")
    )
    assert [kind for kind, _, _ in findings_of(result)] == ["new_claim"]


# --- a doubt of a figure in another unit is not of the count claim -----------------------------

DOCTORS = Topic(
    id="vell-doctors",
    name="Doctors leaving Vellmark",
    keywords=("Vellmark", "doctors"),
    claims=(
        ClaimSpec(
            id="vell-emigrated",
            topic="vell-doctors",
            text="4,200 doctors have emigrated from Vellmark since 2023",
            source="Vellmark Medical Council",
        ),
    ),
)


def test_a_denial_of_a_share_is_not_a_denial_of_the_count() -> None:
    engine = Engine([DOCTORS])
    text = (
        'The health ministry on Monday called "false" a claim by an opposition deputy that 40% '
        "of Vellmark's doctors had emigrated."
    )
    result = engine.process(story("d1", 3, "Vell Times", text, "Ministry answers deputy"))
    assert ("contradiction", "vell-emigrated", "") not in findings_of(result)


def test_a_denial_of_the_count_is_still_one() -> None:
    engine = Engine([DOCTORS])
    text = (
        'The health ministry on Monday called "false" the medical council\'s report that '
        "doctors had emigrated from Vellmark in their thousands."
    )
    result = engine.process(story("d1", 3, "Vell Times", text, "Ministry answers council"))
    assert ("contradiction", "vell-emigrated", "") in findings_of(result)


# --- those a count passed over are not those it counted ----------------------------------------


def test_people_not_counted_are_not_the_census_count() -> None:
    counted = indexed("The 2030 census counted 8,412,300 people in Harlund")
    text = "About 95,000 people in Harlund were probably not counted, the census office said."
    assert left_out(text, first(text), counted)
    text = "The opposition said 600,000 people had been left out of the census."
    assert left_out(text, first(text), counted)


def test_a_number_the_census_missed_before_the_figure_is_passed_over() -> None:
    counted = indexed("The 2030 census counted 8,412,300 people in Harlund")
    text = "Auditors put the number of people the census had missed at about 120,000 on Monday."
    assert left_out(text, first(text), counted)


def test_a_new_count_is_still_the_counts() -> None:
    counted = indexed("The 2030 census counted 8,412,300 people in Harlund")
    text = "Harlund's population is about 8.5 million, the census office said after a recount."
    assert not left_out(text, first(text), counted)


def test_the_count_is_not_a_figure_of_those_missed() -> None:
    missed = indexed("about 95,000 people left out")
    text = "The census counted 8.5 million people in Harlund after the recount, the office said."
    assert left_out(text, first(text), missed)
    text = "Auditors now say 130,000 people were missed by the census."
    assert not left_out(text, first(text), missed)


def test_a_learned_claim_of_those_missed_keeps_the_words() -> None:
    text = "About 95,000 people in Harlund were probably not counted, the census office said."
    assert claim_text_for(first(text), text).endswith("left out")
    text = "The census counted 8.5 million people in Harlund, the office said."
    assert "left out" not in claim_text_for(first(text), text)
