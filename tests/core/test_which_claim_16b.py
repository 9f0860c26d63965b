"""Round 16b: which claim, and what a figure is to it. A count said as it stands now, higher on
a later day, is the count moving on; an increment learned as a claim is a change, not a new
quantity; a denial joined to the figure's verb by "and" denies its own object; a headline in
title case says nothing of a name. Small invented stories, of kinds the corpus does not have."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.core.compare import counts_now
from bot.core.engine import Engine
from bot.core.judging import _own_object_after
from bot.core.learning import claim_text_for
from bot.core.model import ClaimSpec, Story, Topic
from bot.core.topical import _in_name
from tests.core.claims import findings_of, first
from tests.core.news import wire_story


def when(day: int) -> datetime:
    return datetime(2026, 8, day, 9, 0, tzinfo=UTC)


def story(key: str, day: int, outlet: str, text: str, title: str = "Update") -> Story:
    return wire_story(key, outlet, text, when(day), title)


def kinds(result: object) -> list[tuple[str, str]]:
    return [(kind, claim) for kind, claim, _ in findings_of(result)]  # type: ignore[arg-type]


# --- the count as it stands now ----------------------------------------------------------------


def test_a_count_said_as_it_stands_now() -> None:
    for text in (
        "About 1,900 people have now been treated for measles in Orvath, the clinic said.",
        "Some 14,000 hectares of wheat have now been stripped by the swarm, the agency said.",
        "The breach has now exposed more than 3.1 million customer records, the regulator said.",
        "Crew members said 41 container ships were now waiting at anchor off Tessel.",
        "The pension fund now has about 520,000 members after the reform, its board said.",
        "Nearly 70% of the stadium's turnstiles had now been inspected, engineers said.",
    ):
        assert counts_now(text, first(text)), text


def test_a_count_not_said_as_it_stands_now() -> None:
    for text in (
        "About 1,900 people had been treated for measles until now, the clinic said.",
        "The agency said 14,000 hectares were stripped, and it would now spray the east.",
        "By now more than 3.1 million records may be for sale, an analyst said.",
        "Some 41 ships waited at anchor off Tessel, the port said, citing now-removed data.",
        "The fund has about 520,000 members, its board said; now the reform goes to a vote.",
        "Nearly 70% of turnstiles were inspected last year, engineers said.",
    ):
        assert not counts_now(text, first(text)), text


OUTBREAK = Topic(
    id="orvath-measles",
    name="Measles outbreak in Orvath",
    keywords=("measles", "Orvath"),
    claims=(
        ClaimSpec(
            id="orvath-cases",
            topic="orvath-measles",
            text="Measles has infected 420 children in Orvath",
            source="Orvath Health Board",
            date="2026-08-02",
        ),
    ),
)


def test_a_later_higher_count_as_it_stands_now_is_an_update() -> None:
    engine = Engine([OUTBREAK])
    text = "Measles has infected 420 children in Orvath, the Orvath Health Board said."
    engine.process(story("m1", 2, "Orvath Post", text, "Measles spreads in Orvath"))
    text = (
        "Some 610 children in Orvath have now been infected with measles, the national "
        "Public Health Institute said on Thursday."
    )
    result = engine.process(story("m2", 6, "Lowland Times", text, "Measles count rises"))
    assert ("new_figure", "orvath-cases") in kinds(result)


def test_a_rival_count_on_the_same_day_is_still_a_dispute() -> None:
    engine = Engine([OUTBREAK])
    text = "Measles has infected 420 children in Orvath, the Orvath Health Board said."
    engine.process(story("m1", 2, "Orvath Post", text, "Measles spreads in Orvath"))
    text = (
        "Some 610 children in Orvath have been infected with measles, the national "
        "Public Health Institute said on Thursday, against the board's 420."
    )
    result = engine.process(story("m2", 2, "Lowland Times", text, "Institute gives its count"))
    assert ("new_figure", "orvath-cases") not in kinds(result)


# --- an increment learned as a claim is a change ----------------------------------------------

STRIKE = Topic(
    id="tessel-port-strike",
    name="Shipping strike at Tessel",
    keywords=("strike", "Tessel"),
    claims=(),
)


def test_an_increment_learned_as_a_claim_is_a_new_figure() -> None:
    engine = Engine([STRIKE])
    text = (
        "Police in Tessel arrested a further 12 pickets during the strike on Tuesday, the port "
        "authority said."
    )
    result = engine.process(story("t1", 4, "Tessel Wire", text, "More pickets held at Tessel"))
    assert [kind for kind, _ in kinds(result)] == ["new_figure"]
    assert result.new_claims  # the quantity is tracked from here on


def test_a_first_count_learned_as_a_claim_is_a_new_claim() -> None:
    engine = Engine([STRIKE])
    text = "Police in Tessel arrested 12 pickets during the strike on Tuesday, the port said."
    result = engine.process(story("t1", 4, "Tessel Wire", text, "Pickets held at Tessel"))
    assert [kind for kind, _ in kinds(result)] == ["new_claim"]


# --- a denial that is a second verb denies its own object -------------------------------------


def denies_own_object(text: str, cue: str) -> bool:
    return _own_object_after(text, cue, first(text))


def test_a_denial_joined_by_and_denies_what_follows() -> None:
    for text, cue in (
        ("The ministry confirmed 40 deaths in the crush and denied reports of looting.", "denied"),
        ("The firm said 2.1 million records were taken and flatly denied a ransom.", "denied"),
        ("Police arrested 58 strikers and rejected accusations of brutality.", "rejected"),
        ("The board counted 40 swarms and again dismissed claims of spraying.", "dismissed"),
        (
            "The office defended its count of 8.4 million and also rejected fraud claims.",
            "rejected",
        ),
    ):
        assert denies_own_object(text, cue), text


def test_a_denial_of_the_figure_itself() -> None:
    for text, cue in (
        ("The ministry denied that 40 people had died in the crush.", "denied"),
        ("Reports of 2.1 million stolen records were false, the firm said.", "false"),
        ("The union put turnout at 8,000 and called the police count false.", "false"),
        ("Police rejected the figure of 58 arrests as too high.", "rejected"),
        ("The 30,000 hectares cited by farmers were denied by the board.", "denied"),
    ):
        assert not denies_own_object(text, cue), text


# --- a headline in title case says nothing of a name -------------------------------------------


def names(text: str, word: str) -> bool:
    match = re.search(word, text, re.I)
    assert match is not None
    return _in_name(text, match)


def test_a_title_case_headline_opening_with_the_event_word_is_the_event() -> None:
    for text, word in (
        ("Strike Halts Port Of Tessel", "strike"),
        ("Flood Toll Rises To 41", "flood"),
        ("Measles Cases Climb In Orvath", "measles"),
        ("Locust Swarm Reaches Capital", "locust"),
        ("Crush At Stadium Kills 12", "crush"),
    ):
        assert not names(text, word), text


def test_a_name_in_a_sentence_or_under_a_headline_is_still_a_name() -> None:
    for text, word in (
        ("Fans of the quiz show Strike Twice queued in Tessel.", "strike"),
        ("Tickets for Flood Tide, the new musical, sold out in Orvath.", "flood"),
        ("Review: Coup de Grace, the bistro worth the wait", "coup"),
        ("Dockers Go Back To Work\nCrush Bar, the harbour pub, reopened on Friday.", "crush"),
        ("Locust Lane, the old market street, was closed for repairs.", "locust"),
    ):
        assert names(text, word), text


# --- a learned claim names what its figure counts and where ------------------------------------


def test_a_learned_claim_keeps_the_named_place_of_what_it_counts() -> None:
    for text, expected in (
        (
            "Twelve stewards at Hallam Park Stadium were treated for crush injuries.",
            "Twelve stewards at Hallam Park Stadium",
        ),
        (
            "Six engineers at Brightvale Data were suspended after the breach, the firm said.",
            "Six engineers at Brightvale Data",
        ),
        (
            "Nine farmers near Lake Sorrel lost their crops to the swarm, officials said.",
            "Nine farmers near Lake Sorrel",
        ),
        (
            "Fourteen nurses at Saint Aldo Hospital caught measles from patients.",
            "Fourteen nurses at Saint Aldo Hospital",
        ),
        (
            "Thirty fishermen from Port Arlen lost their boats in the storm.",
            "Thirty fishermen from Port Arlen",
        ),
    ):
        assert claim_text_for(first(text), text) == expected, text


def test_a_learned_claim_without_a_named_place_stays_short() -> None:
    for text in (
        "About 300 dockers walked out on Monday, the union said.",
        "Some 40 pupils have caught measles in Orvath, the board said.",
        "Police arrested 35 strikers, the union said.",
        "About 1,200 jobs will go by March, the firm said.",
        "Some 2.1 million records were stolen from Brightvale, the regulator said.",
    ):
        learned = claim_text_for(first(text), text)
        assert learned[0].isdigit() or learned.split()[0].lower() in ("about", "some"), learned
        assert len(learned.split()) <= 4, learned  # the template: no event verb, no place
