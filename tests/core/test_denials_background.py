"""Round 14f: denials told as background, a report left unanswered, one state office named two
ways, and the work a gerund names. Plain sentences written for these tests, of the kind each
rule is about."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.attribution import same_source
from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.model import ClaimSpec, Stance, Story, Topic
from bot.core.stance import cue_stance, is_old_value
from bot.core.targets import said_of

# --- a denial told as background ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Dock workers said on Friday that the night shift had been cut again, two days after "
        "the port authority denied the Harbour Gazette's report.",
        "Farmers kept their tractors on the ring road on Monday, since the ministry called "
        "the union's count of protesters false.",
        "The mayor repeated that 40 buses an hour were running, a figure the transport union "
        "has called false.",
        "The cut, which the hospital board had already denied, was confirmed by nurses on Tuesday.",
    ],
)
def test_a_denial_told_as_background_is_no_refutation(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "The port authority on Friday denied the Harbour Gazette's report.",
        "A day after the strike began, the ministry denied that 3,000 workers had walked out.",
        "The ministry said a report that 900 people had left the town since the flood was untrue.",
    ],
)
def test_a_denial_that_is_the_news_still_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


# --- a report its speaker will not speak to -----------------------------------------------


def test_a_figure_in_a_report_left_unanswered_is_no_one_s_figure() -> None:
    sentence = (
        "The defence minister refused to be drawn on reports that 4,000 reservists would be "
        "sent north, saying only that the army was ready."
    )
    (figure,) = [f for f in extract_figures(sentence) if f.text == "4,000"]
    assert is_old_value(sentence, figure)
    said = "The defence minister said that 4,000 reservists would be sent north."
    (figure,) = extract_figures(said)
    assert not is_old_value(said, figure)


# --- one state office named two ways -------------------------------------------------------


def test_a_state_office_named_by_country_and_by_holder_is_one_speaker() -> None:
    assert same_source("Dravia's deputy prime minister", "Deputy prime minister Ansel Kett")
    assert same_source("the prime minister", "Prime Minister Ansel Kett")
    # two holders named, or two countries: two speakers
    assert not same_source("Deputy prime minister Ansel Kett", "deputy prime minister Ola Brun")
    assert not same_source("Dravia's deputy prime minister", "Morlan's deputy prime minister")


# --- a gerund names the work of what is counted --------------------------------------------

QUARRY = Topic(
    id="slope-collapse",
    name="Tessin slope collapse",
    keywords=("collapse", "Tessin", "slope"),
    claims=(
        ClaimSpec(
            id="tessin-dead",
            topic="slope-collapse",
            text="The slope collapse in Tessin killed nine people",
            source="Tessin regional council",
            date="2026-04-02",
        ),
    ),
)


def _story(key: str, day: int, text: str) -> Story:
    return Story(
        feed="Valley Post",
        outlet="Valley Post",
        url=f"https://valley-post.example/{key}",
        published=datetime(2026, 4, day, 9, tzinfo=UTC),
        title="Tessin slope collapse",
        text=text,
        key=key,
    )


def test_a_denial_of_the_work_refutes_the_count_of_its_sites() -> None:
    engine = Engine([QUARRY])
    learned = engine.process(
        _story(
            "a",
            3,
            "About 20 illegal mines had been dug into the slope above Tessin before the "
            "collapse, the environmental group Green Ridge said.",
        )
    )
    ids = [f.claim_id for f in learned.findings if str(f.kind) == "new_claim"]
    assert len(ids) == 1, learned.findings
    found = said_of(engine._index, "slope-collapse", "any illegal mining had taken place there")
    assert found is not None and found[0].spec.id == ids[0]
    told = engine.process(
        _story(
            "b",
            4,
            "The regional council on Thursday denied that any illegal mining had taken place "
            "on the slope above Tessin.",
        )
    )
    assert {f"{f.kind}:{f.claim_id}" for f in told.findings} == {f"contradiction:{ids[0]}"}
