"""Round 14a: which claim a figure goes on, and what it is to it. Those who got in are not
those held outside; a rate is not a total; a running total only grows; one source named three
ways is one source; a figure said to confirm an estimate is that estimate's. Small invented
stories."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.compare import already_said, counts_running, judge
from bot.core.engine import Engine
from bot.core.matching import departs_held, periods_conflict
from bot.core.model import (
    Attribution,
    ClaimSpec,
    Figure,
    FindingKind,
    Sighting,
    Stance,
    Story,
    Topic,
)
from tests.core.claims import findings_of, first, indexed
from tests.core.news import wire_story


def when(day: int) -> datetime:
    return datetime(2026, 3, day, 9, 0, tzinfo=UTC)


def story(key: str, day: int, outlet: str, text: str) -> Story:
    return wire_story(key, outlet, text, when(day))


def found(engine: Engine, key: str, day: int, outlet: str, text: str) -> list[tuple[str, str, str]]:
    return findings_of(engine.process(story(key, day, outlet, text)))


# --- those who got in are not those held outside ----------------------------------------------


def test_lorries_waiting_outside_are_not_the_lorries_that_entered() -> None:
    entered = indexed("140 relief lorries have entered the Tesk valley since the road reopened")
    text = "About 600 lorries were stuck at the Tesk checkpoint on Monday, drivers said."
    assert departs_held(text, first(text), entered)
    text = "Some 90 lorries were still waiting at the checkpoint, the drivers' union said."
    assert departs_held(text, first(text), entered)


def test_lorries_that_arrived_are_not_those_queued() -> None:
    queued = indexed("About 400 lorries queued at the Tesk checkpoint")
    text = "Some 75 lorries arrived in Tesk town overnight, the road authority said."
    assert departs_held(text, first(text), queued)


def test_more_that_entered_are_the_entered_claims() -> None:
    entered = indexed("140 relief lorries have entered the Tesk valley since the road reopened")
    text = "A total of 230 relief lorries entered the valley by Friday, the UN said."
    assert not departs_held(text, first(text), entered)


# --- a rate is not a total ----------------------------------------------------------------------


def test_a_rate_and_a_total_are_two_quantities() -> None:
    assert periods_conflict("per_day", None)
    assert periods_conflict(None, "per_day")
    assert not periods_conflict("per_day", "per_day")
    assert not periods_conflict(None, None)
    assert not periods_conflict("jan", None)  # a month named on one side only is not a conflict
    assert periods_conflict("jan", "feb")


VALLEY = Topic(
    id="tesk-aid",
    name="Tesk valley aid convoys",
    keywords=("Tesk", "convoy"),
    claims=(
        ClaimSpec(
            id="tesk-lorries",
            topic="tesk-aid",
            text="140 aid lorries have entered the Tesk valley since the road reopened",
            source="UN Relief Office",
            date="2026-03-01",
        ),
    ),
)


def test_a_rate_a_minister_gives_is_learned_apart_from_the_total() -> None:
    engine = Engine([VALLEY])
    got = found(
        engine,
        "t1",
        2,
        "Hill Courier",
        "The interior minister said on Monday that 300 aid lorries a day were now entering "
        "the Tesk valley, where a convoy was shelled last week.",
    )
    assert got and all(claim != "tesk-lorries" for _, claim, _ in got)
    assert [kind for kind, _, _ in got] == ["new_claim"]


# --- a running total only grows ---------------------------------------------------------------


def test_a_claim_counting_since_a_start_is_a_running_total() -> None:
    assert counts_running("140 aid lorries have entered the Tesk valley since the road reopened")
    assert counts_running("A total of 40 people have been arrested so far")
    assert not counts_running("About 3,000 motorists were stranded on the motorway")


def _sighting(figure: Figure, day: int, source: str) -> Sighting:
    return Sighting(
        figure, Attribution(source), "Hill Courier", "https://x.example/1", when(day), "s", "s"
    )


def test_a_later_higher_figure_of_a_running_total_is_an_update() -> None:
    old = first("Some 340 lorries have entered.")
    new = first("516 lorries entered.")
    known = [_sighting(old, 2, "UN Relief Office")]
    assert judge(new, Stance.NEUTRAL, known, when(4)).kind is FindingKind.DISPUTE
    verdict = judge(new, Stance.NEUTRAL, known, when(4), running=True)
    assert verdict.kind is FindingKind.NEW_FIGURE
    # the same day, another source's higher count is still an alternative
    assert judge(new, Stance.NEUTRAL, known, when(2), running=True).kind is FindingKind.DISPUTE


def test_a_later_higher_count_of_lorries_in_the_story_is_a_new_figure() -> None:
    engine = Engine([VALLEY])
    got = found(
        engine,
        "t2",
        5,
        "Hill Courier",
        "A total of 410 aid lorries had entered the Tesk valley by Thursday, the border "
        "crossing authority said.",
    )
    assert got == [("new_figure", "tesk-lorries", "410")]


# --- one source, named three ways ------------------------------------------------------------


def test_a_source_named_three_ways_has_said_it_before() -> None:
    fourteen = first("14 people died.")
    nine = first("Nine people died.")
    known = [
        _sighting(nine, 2, "regional government of Upper Tesk"),
        _sighting(fourteen, 3, "Upper Tesk government"),
    ]
    # "the regional government" is the first name, the first name is the second: one source
    assert already_said(known, "regional government", fourteen, Stance.SUPPORTS)
    # a police force is none of them
    assert not already_said(known, "cantonal police", fourteen, Stance.SUPPORTS)


def test_a_chain_of_names_needs_the_same_figure_at_its_end() -> None:
    fourteen = first("14 people died.")
    nine = first("Nine people died.")
    known = [
        _sighting(nine, 2, "regional government of Upper Tesk"),
        _sighting(nine, 3, "Upper Tesk government"),
    ]
    assert not already_said(known, "regional government", fourteen, Stance.SUPPORTS)


# --- a figure said to confirm an estimate is that estimate's ------------------------------------

PRICES = Topic(
    id="marn-blockade",
    name="Marn port blockade",
    keywords=("Marn", "blockade"),
    claims=(),
)


def test_a_figure_confirming_an_estimate_goes_on_that_estimates_claim() -> None:
    engine = Engine([PRICES])
    got = found(
        engine,
        "m0",
        1,
        "Harbour Post",
        "The Marn blockade has pushed food inflation in Ostrel to 8%, the central bank said on "
        "Monday.",
    )
    assert got == [("new_claim", "marn-blockade/inflation", "8%")]
    got = found(
        engine,
        "m1",
        2,
        "Harbour Post",
        "The price of wheat has risen by about 14% since the Marn blockade began, the Cereal "
        "Traders' Council said.",
    )
    assert got == [("new_claim", "marn-blockade/price", "14%")]
    # read alone, "wheat prices have risen" measures inflation; the sentence says whose
    # estimate it confirms, and that estimate is the price claim's 14%
    got = found(
        engine,
        "m2",
        4,
        "Farm Journal",
        "World wheat prices have risen about 14% since the Marn blockade began, the Grain Board "
        "said on Thursday, confirming the Cereal Traders' Council's estimate.",
    )
    assert got == [("corroboration", "marn-blockade/price", "14%")]


# --- a figure said to have moved from the claim's is news however wide its hedge -------------

SCHOOLS = Topic(
    id="orra-mumps",
    name="Orra valley mumps outbreak",
    keywords=("Orra", "mumps"),
    claims=(),
)


def test_up_from_the_current_figure_is_an_update_though_the_hedge_reaches_it() -> None:
    old = first("Vaccination coverage was 70%.")
    new = first("Coverage is now about 76%, up from 70%.")
    assert new.low <= old.high  # "about 76%" reaches back to 70%: the two overlap
    known = [_sighting(old, 2, "Health Ministry")]
    verdict = judge(new, Stance.NEUTRAL, known, when(9), update_cue=True, added_to=old)
    assert verdict.kind is FindingKind.NEW_FIGURE


def test_the_same_source_moving_its_own_figure_is_not_saying_it_again() -> None:
    engine = Engine([SCHOOLS])
    got = found(
        engine,
        "o1",
        2,
        "Valley Post",
        "Only 70% of children in the Orra valley have had both doses of the mumps vaccine, "
        "the Health Ministry said on Monday.",
    )
    assert [kind for kind, _, _ in got] == ["new_claim"]
    claim = got[0][1]
    got = found(
        engine,
        "o2",
        9,
        "Valley Post",
        "Some 76% of children in the Orra valley have now had both doses of the mumps vaccine, "
        "up from 70% before the campaign, the Health Ministry said on Tuesday.",
    )
    assert got == [("new_figure", claim, "76%")]
