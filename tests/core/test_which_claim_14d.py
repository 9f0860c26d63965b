"""Round 14d: what is done already is not what is planned (README rule 6: to be sent, already
sent and pledged are three quantities). Small invented stories."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.compare import counts_fuller, counts_remaining, in_state, judge
from bot.core.engine import Engine
from bot.core.matching import (
    DONE,
    PLANNED,
    deed,
    planned_done,
    told_apart,
)
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
from tests.core.claims import first, indexed
from tests.core.news import wire_story


def when(day: int) -> datetime:
    return datetime(2026, 5, day, 9, 0, tzinfo=UTC)


def story(key: str, day: int, outlet: str, text: str) -> Story:
    return wire_story(key, outlet, text, when(day))


def test_a_figures_clause_says_whether_it_is_planned_or_done() -> None:
    for text in (
        "Ostria will hire 4,000 new teachers by September.",
        "The ministry said 4,000 teachers would be hired by September.",
        "Ostria plans to hire 4,000 teachers next year.",
        "Donors pledged 2,500 tents to the camp on Monday.",
    ):
        assert deed(text, first(text)) == PLANNED, text
    for text in (
        "Ostria has hired 1,900 new teachers since January.",
        "About 1,900 teachers have been hired so far, the ministry said.",
        "Some 1,200 tents have already arrived at the camp.",
    ):
        assert deed(text, first(text)) == DONE, text
    for text in (
        "About 1,900 teachers marched through the capital on Monday.",  # neither
        "Police said 40 people were hurt in the crush.",
    ):
        assert deed(text, first(text)) == 0, text


def test_done_already_is_another_quantity_than_planned() -> None:
    plan = indexed("Ostria will hire 4,000 new teachers by September")
    text = "Ostria has hired 1,900 new teachers since January, the education ministry said."
    assert planned_done(text, first(text), plan)
    assert told_apart(text, first(text), plan)
    text = "A further 600 teachers have been hired since Friday, the ministry said."
    assert planned_done(text, first(text), plan)
    # the plan said again, or raised, is the plan's own figure
    text = "The ministry now says 5,000 new teachers will be hired by September."
    assert not planned_done(text, first(text), plan)
    # a clause saying neither is left to the other rules
    text = "Some 4,000 teachers are needed, the union said."
    assert not planned_done(text, first(text), plan)


def test_a_count_done_so_far_is_not_planned_against_a_count_done() -> None:
    done = indexed("About 900 new teachers have been hired so far")
    text = "The ministry said 4,000 new teachers would be hired by September."
    assert planned_done(text, first(text), done)
    text = "About 1,300 new teachers have now been hired, the ministry said."
    assert not planned_done(text, first(text), done)


def test_a_claim_saying_neither_is_never_told_apart_by_tense() -> None:
    plain = indexed("About 3,000 teachers on strike in Ostria")
    text = "Ostria has hired 1,900 new teachers since January."
    assert not planned_done(text, first(text), plain)


CALLUP = Topic(
    id="ost",
    name="Ostria's call-up",
    keywords=("Ostria", "reservists", "call-up"),
    claims=(
        ClaimSpec(
            id="ost-target",
            topic="ost",
            text="Ostria will call up 30,000 reservists in a partial mobilisation",
            source="Ostrian Defence Ministry",
            date="2026-05-01",
        ),
    ),
)


def test_reservists_called_up_so_far_are_not_a_new_figure_of_the_target() -> None:
    for text in (
        "A further 8,000 reservists have been called up since Friday, the Ostrian defence "
        "ministry said on Monday.",
        "Ostria has now called up 26,000 reservists, the defence ministry said.",
    ):
        result = Engine([CALLUP]).process(story("c1", 4, "Ostria Post", text))
        assert all(f.claim_id != "ost-target" for f in result.findings), text
    text = "Ostria has now called up 26,000 reservists, the defence ministry said."
    result = Engine([CALLUP]).process(story("c2", 4, "Ostria Post", text))
    assert [str(f.kind) for f in result.findings] == ["new_claim"]  # a claim of its own


# --- a fuller count, and those still in a state ----------------------------------------------


def _sighting(figure: Figure, day: int, source: str) -> Sighting:
    return Sighting(
        figure, Attribution(source), "Ostria Post", "https://x.example/1", when(day), "s", "s"
    )


def test_a_count_called_full_final_or_latest_is_a_fuller_count() -> None:
    assert counts_fuller(
        "The governor gave the province's first full count of the drivers trapped, some 5,000."
    )
    assert counts_fuller("The final tally of 212 votes was read out on Friday.")
    assert counts_fuller("That is the latest count from the utility, which put it at 900.")
    assert not counts_fuller("The union counted 5,000 drivers trapped in their cabs.")
    assert not counts_fuller("A full 5,000 drivers were trapped.")  # "full" of no count


def test_a_later_fuller_count_from_another_source_is_an_update() -> None:
    old = first("About 2,000 drivers were trapped on the pass.")
    new = first("Some 5,000 drivers were trapped, the governor said.")
    known = [_sighting(old, 1, "Ostrian Police")]
    assert judge(new, Stance.NEUTRAL, known, when(2)).kind is FindingKind.DISPUTE
    assert judge(new, Stance.NEUTRAL, known, when(2), framed=True).kind is FindingKind.NEW_FIGURE


def test_a_figure_counting_those_still_in_a_state() -> None:
    for text in (
        "On Friday about 900 homes were still without heating, the utility said.",
        "Some 40 climbers remain stranded on the ridge.",
        "The remaining 12 families were moved to a school hall.",
    ):
        assert counts_remaining(text, first(text)), text
    text = "About 900 homes lost heating on Friday, and crews were still at work."
    assert not counts_remaining(text, first(text))  # "still" of another clause


def test_a_claims_own_words_say_whether_it_counts_a_state() -> None:
    assert in_state("About 20,000 homes in Ostria were without heating after the storm")
    assert in_state("Some 300 climbers stranded on the Ostrian ridge")
    assert not in_state("about 4,000 people aboard")  # a learned claim's short text
    assert not in_state("Ostria will call up 30,000 reservists")


def test_a_later_lower_count_of_those_still_in_the_state_is_an_update() -> None:
    old = first("About 20,000 homes were without heating.")
    new = first("About 5,000 homes were still without heating.")
    known = [_sighting(old, 1, "Ostrian Power")]
    assert judge(new, Stance.NEUTRAL, known, when(3)).kind is FindingKind.DISPUTE
    assert judge(new, Stance.NEUTRAL, known, when(3), remaining=True).kind is (
        FindingKind.NEW_FIGURE
    )
    # the same day, a lower count from another source is still an alternative
    assert judge(new, Stance.NEUTRAL, known, when(1), remaining=True).kind is (FindingKind.DISPUTE)


HEATING = Topic(
    id="ost-storm",
    name="Ostria ice storm",
    keywords=("Ostria", "storm", "heating"),
    claims=(
        ClaimSpec(
            id="ost-heating",
            topic="ost-storm",
            text="About 20,000 homes in Ostria were without heating after the ice storm",
            source="Ostrian Power",
            date="2026-05-01",
        ),
    ),
)


def test_homes_still_without_heating_days_later_are_an_update_of_the_claim() -> None:
    engine = Engine([HEATING])
    result = engine.process(
        story(
            "s1",
            4,
            "Ostria Post",
            "About 5,000 homes in Ostria were still without heating on Thursday after the ice "
            "storm, the regional council said.",
        )
    )
    assert [(str(f.kind), f.claim_id) for f in result.findings] == [("new_figure", "ost-heating")]


PASS = Topic(
    id="ost-pass",
    name="Ostria pass snow",
    keywords=("Ostria", "pass", "drivers"),
    claims=(
        ClaimSpec(
            id="ost-stranded",
            topic="ost-pass",
            text="About 2,000 drivers were stranded on the Ostria pass by the snow",
            source="Ostrian Police",
            date="2026-05-01",
        ),
    ),
)


def test_a_governors_first_full_count_the_next_day_is_an_update() -> None:
    text = (
        "Some 5,000 drivers were stranded on the Ostria pass, Governor Ana Rell said, giving "
        "the first full count."
    )
    result = Engine([PASS]).process(story("f1", 2, "Ostria Post", text))
    assert [(str(f.kind), f.claim_id) for f in result.findings] == [("new_figure", "ost-stranded")]


# --- a source repeating itself ------------------------------------------------------------------


EVACUATION = Topic(
    id="ost-flood",
    name="Tesk flood evacuation",
    keywords=("Tesk", "evacuated"),
    claims=(
        ClaimSpec(
            id="ost-evacuated",
            topic="ost-flood",
            text="About 1,200 people were evacuated from Tesk after the flood",
            source="Ostrian Interior Ministry",
            date="2026-05-01",
        ),
    ),
)


def test_a_minister_repeating_his_claim_is_no_new_source_agreeing() -> None:
    text = (
        "Interior Minister Karl Danner repeated his claim that about 1,200 people were "
        "evacuated from Tesk after the flood, telling parliament the operation had gone well."
    )
    result = Engine([EVACUATION]).process(story("r1", 3, "Ostria Post", text))
    assert [str(f.kind) for f in result.findings] == []
    text = (
        "About 1,200 people were evacuated from Tesk after the flood, the Red Cross said, "
        "citing its own records."
    )
    result = Engine([EVACUATION]).process(story("r2", 3, "Ostria Post", text))
    assert [str(f.kind) for f in result.findings] == ["corroboration"]  # a new source agrees
