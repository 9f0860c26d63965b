"""Round 12b: sums with their parts named (README rule 7), revisions the writer states, and a
source's second value in one report. Transcripts of small invented stories."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.compare import corrects_earlier, is_more, is_stated_total, judge
from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.model import (
    Attribution,
    ClaimSpec,
    Figure,
    FindingKind,
    Hedge,
    Sighting,
    Stance,
    Story,
    Topic,
)
from tests.core.claims import findings_of
from tests.core.news import wire_story

QUARRY = Topic(
    id="tarrow-quarry",
    name="Tarrow quarry collapse",
    keywords=("quarry", "Tarrow"),
    claims=(
        ClaimSpec(
            id="quarry-dead",
            topic="tarrow-quarry",
            text="Nine people were killed when the Tarrow quarry wall collapsed",
            source="Tarrow District Police",
            date="2026-06-01",
        ),
        ClaimSpec(
            id="quarry-arrests",
            topic="tarrow-quarry",
            text="Police arrested 40 people at a protest over the Tarrow quarry collapse",
            source="Tarrow District Police",
            date="2026-06-01",
        ),
    ),
)


def story(key: str, day: int, outlet: str, text: str, title: str = "Update") -> Story:
    return wire_story(key, outlet, text, datetime(2026, 6, day, 9, 0, tzinfo=UTC), title)


def found(engine: Engine, key: str, day: int, outlet: str, text: str) -> list[tuple[str, str, str]]:
    return findings_of(engine.process(story(key, day, outlet, text)))


def figures_of(sentence: str) -> list[Figure]:
    return list(extract_figures(sentence))


def test_n_more_bringing_the_toll_to_m_is_read_like_a_further_n() -> None:
    engine = Engine([QUARRY])
    text = (
        "Three more bodies were found under the rubble of the Tarrow quarry on Tuesday, "
        "bringing the number of people killed to 12, Tarrow District Police said."
    )
    assert found(engine, "a", 3, "Valley Post", text) == [("new_figure", "quarry-dead", "12")]
    # the total, not the increment, became the current figure: a later 12 agrees with it
    later = "A coroner in Tarrow said 12 people had died in the quarry collapse."
    assert found(engine, "b", 5, "Hill Times", later) == [("corroboration", "quarry-dead", "12")]


def test_a_further_n_on_top_of_a_named_base_adds_to_that_base() -> None:
    engine = Engine([QUARRY])
    first = "Police in Tarrow arrested 40 people at a quarry protest, they said."
    assert [k for k, _, _ in found(engine, "a", 2, "Valley Post", first)] == ["corroboration"]
    text = (
        "Police in Tarrow arrested a further 15 people on Thursday at the quarry gates, a day "
        "after 40 people were arrested at the first protest, Tarrow District Police said."
    )
    result = engine.process(story("b", 4, "Hill Times", text))
    assert [(str(f.kind), f.claim_id) for f in result.findings] == [
        ("new_figure", "quarry-arrests")
    ]
    figure = result.findings[0].figure
    assert figure is not None and (figure.text, figure.low) == ("a further 15", 55)


def test_a_total_is_stated_only_after_a_verb_of_bringing_or_the_word_total() -> None:
    sentence = "Divers found a further four bodies, raising the number of dead to 31 from 27."
    four, thirty_one, _ = figures_of(sentence)
    assert is_stated_total(sentence, four, thirty_one)
    base = "A further 57 guests fell ill, on top of the 412 reported on Monday."
    fifty_seven, four_twelve = figures_of(base)
    assert not is_stated_total(base, fifty_seven, four_twelve)


def test_more_after_a_number_is_an_increment_word() -> None:
    sentence = "Two more bodies were recovered."
    (two,) = figures_of(sentence)
    assert is_more(sentence, two)
    plain = "Two bodies were recovered."
    (two,) = figures_of(plain)
    assert not is_more(plain, two)


def test_more_troops_alone_is_the_thing_counted_not_an_increment() -> None:
    topic = Topic(
        id="orsk-troops",
        name="Orsk deployment",
        keywords=("Orsk", "troops"),
        claims=(
            ClaimSpec(
                id="orsk-more-troops",
                topic="orsk-troops",
                text="Orsk will send 5,000 more troops to the border",
                source="Orsk defence ministry",
                date="2026-06-01",
            ),
        ),
    )
    engine = Engine([topic])
    text = "An analyst said Orsk would send 8,000 more troops to the border, not 5,000."
    kinds = [k for k, _, _ in found(engine, "a", 1, "Wire", text)]
    assert "dispute" in kinds or "new_figure" in kinds  # 8,000 is judged as 8,000, not 5,000+


def test_a_figure_said_to_replace_a_first_estimate_is_a_revision() -> None:
    assert corrects_earlier("Eighteen cars fell into the river, not about 10 as first estimated.")
    assert corrects_earlier("It said 118 homes were buried, far more than first thought.")
    assert corrects_earlier("The loss was smaller than initially feared.")
    assert not corrects_earlier("Police put the crowd at 35,000, rather than the 150,000 claimed.")
    assert not corrects_earlier("The first estimate was released on Monday.")


def test_a_correction_from_another_source_is_a_new_figure_not_a_dispute() -> None:
    engine = Engine([QUARRY])
    text = (
        "Fifteen people were killed when the Tarrow quarry wall collapsed, not nine as first "
        "estimated, the regional health authority said."
    )
    # the same day as the claim's note: without the stated revision, a rival estimate
    assert found(engine, "a", 1, "Valley Post", text) == [("new_figure", "quarry-dead", "Fifteen")]


def test_a_count_said_to_have_moved_is_an_update_on_the_same_day() -> None:
    engine = Engine([QUARRY])
    # the claim's note is dated the 1st; a story on the 1st from another source, same day
    text = (
        "The number of people killed in the Tarrow quarry collapse has risen to 14, a hospital "
        "spokesman said."
    )
    result = engine.process(story("a", 1, "Valley Post", text))
    assert [(str(f.kind), f.claim_id) for f in result.findings] == [("new_figure", "quarry-dead")]


def test_a_sources_second_value_in_one_report_is_not_a_new_figure_for_the_claim() -> None:
    engine = Engine([QUARRY])
    text = (
        "Nine people were killed in the Tarrow quarry collapse, Tarrow District Police said. "
        "Rescuers had recovered four of the bodies by nightfall, the police said."
    )
    findings = found(engine, "a", 2, "Valley Post", text)
    assert ("corroboration", "quarry-dead", "Nine") in findings
    assert not [f for f in findings if f[0] in ("new_figure", "dispute")]


def test_an_increment_on_the_current_figure_is_new_however_wide_the_hedges() -> None:
    current = Sighting(
        Figure(400, float("inf"), Hedge.AT_LEAST, "more than 400", "arrested", span=(0, 13)),
        Attribution("police"),
        "Post",
        "https://post.example/1",
        datetime(2026, 6, 1, tzinfo=UTC),
        "s1",
        "s1",
        Stance.SUPPORTS,
    )
    total = Figure(496, float("inf"), Hedge.AT_LEAST, "a further 96", "arrested", span=(0, 12))
    plain = judge(total, Stance.NEUTRAL, [current], datetime(2026, 6, 2, tzinfo=UTC))
    assert plain.kind is FindingKind.CORROBORATION  # "more than 496" overlaps "more than 400"
    added = judge(
        total,
        Stance.NEUTRAL,
        [current],
        datetime(2026, 6, 2, tzinfo=UTC),
        added_to=current.figure,
    )
    assert added.kind is FindingKind.NEW_FIGURE


def test_a_count_said_to_match_another_is_not_doubt() -> None:
    from bot.core.compare import states_agreement

    assert states_agreement("Its own tally showed 62 arrests, matching the police figure.")
    assert states_agreement("The count was in line with the ministry's estimate of 400.")
    assert not states_agreement("The group said its own tally showed 900 arrests, not 62.")
    engine = Engine([QUARRY])
    text = (
        "An independent monitor said its own tally of court lists showed 40 people had been "
        "arrested at the Tarrow quarry protest, matching the figure given by police."
    )
    assert found(engine, "a", 3, "Valley Post", text) == [("corroboration", "quarry-arrests", "40")]


def test_a_quantity_first_learned_from_a_change_is_announced_as_a_new_figure() -> None:
    engine = Engine([QUARRY])
    text = (
        "Tarrow District Police said 14 people had now been injured in the quarry collapse, "
        "up from 9 on Monday."
    )
    result = engine.process(story("a", 3, "Valley Post", text))
    assert [(str(f.kind), f.figure.text if f.figure else "") for f in result.findings] == [
        ("new_figure", "14")
    ]
    assert "change from an earlier figure" in result.findings[0].explanation


def test_a_new_period_measured_against_the_last_is_a_new_claim() -> None:
    topic = Topic(
        id="ostmark-economy",
        name="Ostmark economy",
        keywords=("inflation", "Ostmark"),
        claims=(),
    )
    engine = Engine([topic])
    text = "Annual inflation in Ostmark eased to 3.2% in May from 3.6% in April, the bureau said."
    result = engine.process(story("a", 3, "Valley Post", text))
    assert [str(f.kind) for f in result.findings] == ["new_claim"]


ORN = Topic(
    id="orn-blackout",
    name="Orn blackout",
    keywords=("blackout", "Orn"),
    claims=(
        ClaimSpec(
            id="orn-off",
            topic="orn-blackout",
            text="About 1.2 million homes and businesses in Orn lost power in the blackout",
            source="Orn Grid Company",
            date="2026-06-01",
        ),
        ClaimSpec(
            id="orn-deaths",
            topic="orn-blackout",
            text="Three people died in incidents linked to the nationwide blackout in Orn",
            source="Orn health ministry",
            date="2026-06-01",
        ),
    ),
)


def test_a_tracked_count_restated_in_new_words_is_that_claim_not_a_new_one() -> None:
    engine = Engine([ORN])
    again = (
        "Orn police said on Friday that officers had attended three deaths linked to "
        "Wednesday's blackout."
    )
    assert found(engine, "a", 3, "Wire", again) == [("corroboration", "orn-deaths", "three")]
    more = "A further two deaths have been linked to the blackout in Orn, the health ministry said."
    result = engine.process(story("b", 4, "Wire", more))
    assert [(str(f.kind), f.claim_id) for f in result.findings] == [("new_figure", "orn-deaths")]
    figure = result.findings[0].figure
    assert figure is not None and figure.low == 5
