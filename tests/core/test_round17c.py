"""Round 17c: denials (contradictions) and who says them, in prose of kinds the corpus does not
have (a ferry sinking, a university strike, a pension reform, a wildfire evacuation, a crop
failure). Each rule has sentences where it applies and sentences where it must not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Story, Topic
from bot.core.stance import cue_stance, repeats_denial

# One configured claim a topic: (keywords, claim text, its source).
CLAIMS = {
    "ferry": (("ferry", "Ostra"), "The Ostra ferry sinking killed 120 passengers", "coastguard"),
    "university": (
        ("strike", "university", "lecturers"),
        "About 14,000 lecturers are on strike at Velden universities",
        "the lecturers' union",
    ),
    "pension": (
        ("pension", "reform"),
        "The pension reform will cut payments to 2.1 million retirees",
        "the finance ministry",
    ),
    "wildfire": (
        ("wildfire", "evacuated", "fire"),
        "About 8,000 people were evacuated from the Harlen wildfire",
        "the fire service",
    ),
    "crop": (
        ("harvest", "crop", "wheat"),
        "The wheat harvest failed on 600,000 hectares",
        "the agriculture ministry",
    ),
}


def _findings(kind: str, text: str) -> set[str]:
    """The findings (kind:claim) of one story carrying `text`, about a topic with one
    configured claim."""
    keywords, claim_text, source = CLAIMS[kind]
    topic = Topic(
        id=kind,
        name=kind,
        keywords=keywords,
        claims=(
            ClaimSpec(
                id=f"{kind}-claim", topic=kind, text=claim_text, source=source, date="2026-04-01"
            ),
        ),
    )
    story = Story(
        feed="Harbour Post",
        outlet="Harbour Post",
        url=f"https://harbour-post.example/{kind}",
        published=datetime(2026, 4, 2, 9, tzinfo=UTC),
        title=f"{kind} latest",
        text=text,
        key=f"{kind}-1",
    )
    return {f"{f.kind}:{f.claim_id}" for f in Engine([topic]).process(story).findings}


# --- a denial said to be repeated is old news, with its figure as without one -------------
# README rule 2: the same source repeating its denial gives nothing the second time. A story
# that tells its reader the denial is repeated ("again denied", "repeated that ... was false")
# says the denial is not news; the figure it quotes is what was denied before, not a new
# denial. The numberless path already read it so; the figure path now does too.

REPEATED_WITH_FIGURE = [
    (
        "ferry",
        "The ferry operator repeated on Monday that reports of 120 passengers killed in "
        "the Ostra sinking were false.",
    ),
    (
        "university",
        "The university council again denied that 14,000 lecturers had walked out in the strike.",
    ),
    (
        "pension",
        "The finance ministry repeated on Tuesday that reports of 2.1 million retirees "
        "losing payments under the pension reform were false.",
    ),
    (
        "wildfire",
        "The regional governor once more dismissed reports that 8,000 people had been "
        "evacuated from the wildfire.",
    ),
    (
        "crop",
        "The agriculture ministry repeatedly rejected claims that the wheat harvest had "
        "failed on 600,000 hectares.",
    ),
    (
        "ferry",
        "The shipping line, asked about the Ostra sinking, denied again that 120 "
        "passengers had been killed.",
    ),
]
FIRST_DENIAL_WITH_FIGURE = [
    # "already", "once more" of the thing denied, not of the denial
    (
        "ferry",
        "The ferry operator said a report that 120 passengers had already died in the "
        "Ostra sinking was false.",
    ),
    (
        "pension",
        "The finance ministry denied that the pension reform had already cut payments "
        "to 2.1 million retirees.",
    ),
    (
        "wildfire",
        "The regional governor denied that 8,000 people had once more been evacuated "
        "from the wildfire.",
    ),
    (
        "ferry",
        "The ferry operator on Monday denied that 120 passengers were killed in the Ostra sinking.",
    ),
    (
        "university",
        "The university council said reports that 14,000 lecturers had walked out "
        "in the strike were false.",
    ),
]


@pytest.mark.parametrize(("kind", "text"), REPEATED_WITH_FIGURE)
def test_a_repeated_denial_quoting_its_figure_is_no_new_contradiction(kind: str, text: str) -> None:
    assert f"contradiction:{kind}-claim" not in _findings(kind, text)


@pytest.mark.parametrize(("kind", "text"), FIRST_DENIAL_WITH_FIGURE)
def test_a_first_denial_quoting_its_figure_contradicts(kind: str, text: str) -> None:
    assert f"contradiction:{kind}-claim" in _findings(kind, text)


# "Again", "already" say a denial is repeated only with the verb that says or judges, not
# with a verb of the thing denied.
AGAIN_OF_THE_THING_DENIED = [
    "The coastguard said a report that 120 bodies had already been recovered was untrue.",
    "The union said reports that 14,000 lecturers were once more on strike were false.",
    "The ministry said claims that 2.1 million retirees had already lost payments were false.",
    "Firefighters said claims that 8,000 residents had again been moved were untrue.",
    "The co-operative said reports that farmers had repeatedly lost 40% of their wheat were false.",
]
AGAIN_OF_THE_DENIAL = [
    "The coastguard again said the report of 120 bodies was untrue.",
    "The union has already called the figure of 14,000 lecturers false.",
    "The ministry once more denied that 2.1 million retirees would lose payments.",
    "Firefighters repeatedly dismissed reports that 8,000 residents had been moved.",
    "The co-operative denied again that farmers had lost 40% of their wheat.",
]


@pytest.mark.parametrize("sentence", AGAIN_OF_THE_THING_DENIED)
def test_again_of_the_thing_denied_makes_no_repeat(sentence: str) -> None:
    stance, cue = cue_stance(sentence)
    assert cue and not repeats_denial(sentence, cue)


@pytest.mark.parametrize("sentence", AGAIN_OF_THE_DENIAL)
def test_again_of_the_denial_makes_a_repeat(sentence: str) -> None:
    stance, cue = cue_stance(sentence)
    assert cue and repeats_denial(sentence, cue)
