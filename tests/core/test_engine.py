"""The whole story replayed through the engine, in publication order."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Finding, FindingKind, Stance, Story, StoryResult, Topic

from .scenario import (
    ANALYST,
    COPY,
    GUR,
    ORIGINAL,
    SHELLS,
    SPORT,
    STORIES,
    TOPIC,
    UNRELATED,
    story,
)

TROOPS_SENT = "dprk-troops/troops-sent"
CASUALTIES = "dprk-troops/killed-or-wounded"


def seen(result: StoryResult) -> list[tuple[str, str, str | None]]:
    return [(str(f.kind), f.claim_id, f.figure.text if f.figure else None) for f in result.findings]


def replay() -> tuple[Engine, dict[str, StoryResult]]:
    engine = Engine([TOPIC])
    return engine, {s.key: engine.process(s) for s in STORIES}


def finding(result: StoryResult, claim_id: str) -> Finding:
    (only,) = [f for f in result.findings if f.claim_id == claim_id]
    return only


def test_the_whole_story_gives_exactly_the_expected_findings() -> None:
    _, results = replay()
    assert seen(results[ORIGINAL.key]) == [
        ("corroboration", "dprk-additional-troops", "25,000 to 30,000"),
        ("new_claim", TROOPS_SENT, "11,000"),
        ("new_claim", CASUALTIES, "4,000"),
    ]
    assert seen(results[COPY.key]) == []
    assert seen(results[ANALYST.key]) == [
        ("dispute", "dprk-additional-troops", "10,000 to 20,000"),
        ("dispute", TROOPS_SENT, "15,000"),
        ("new_claim", "dprk-troops/troops-pledged", "6,000"),
    ]
    assert seen(results[GUR.key]) == [
        ("contradiction", "dprk-additional-troops", None),
        ("new_figure", CASUALTIES, "6,000"),
    ]
    assert seen(results[SHELLS.key]) == [
        ("new_claim", "dprk-troops/shells-supplied", "12 million"),
        ("new_claim", "dprk-troops/killed", "600"),
        ("corroboration", "dprk-additional-troops", "30,000"),
    ]
    assert seen(results[SPORT.key]) == []
    assert seen(results[UNRELATED.key]) == []


def test_the_first_story_repeating_a_configured_claim_corroborates_its_baseline() -> None:
    _, results = replay()
    first = finding(results[ORIGINAL.key], "dprk-additional-troops")
    assert (
        first.previous is not None and first.previous.origin_key == "claim:dprk-additional-troops"
    )
    assert str(first.statement.attribution) == "Ukrainian intelligence, via CNN"
    assert "25,000 to 30,000" in first.explanation and "2025-07-02" in first.explanation


def test_a_syndicated_copy_is_one_source() -> None:
    engine, results = replay()
    copy = results[COPY.key]
    assert copy.origin_key == ORIGINAL.key and copy.findings == () and copy.new_claims == ()
    assert {s.origin_key for _, s in copy.sightings} == {ORIGINAL.key}
    later = finding(results[SHELLS.key], "dprk-additional-troops")
    assert later.independent_sources == 2  # CNN's report (twice printed) and the Kremlin line
    assert results[ORIGINAL.key].origin_key == ORIGINAL.key
    assert len(engine.sightings("dprk-additional-troops")) >= 4


def test_a_later_higher_casualty_count_may_be_an_update() -> None:
    _, results = replay()
    update = finding(results[GUR.key], CASUALTIES)
    assert update.may_be_update
    assert update.previous is not None and update.previous.figure.text == "4,000"
    assert "may be an update" in update.explanation
    assert "Reuters" in update.explanation and "2025-07-03" in update.explanation


def test_a_denial_carries_no_figure_and_names_who_denies() -> None:
    _, results = replay()
    denial = finding(results[GUR.key], "dprk-additional-troops")
    assert denial.kind is FindingKind.CONTRADICTION and denial.figure is None
    assert denial.statement.stance is Stance.REFUTES
    assert "GUR" in denial.explanation and "no information" in denial.explanation


def test_counted_things_keep_quantities_apart() -> None:
    engine, results = replay()
    ids = [c.id for c in engine.claims()]
    assert ids[0] == "dprk-additional-troops"
    assert set(ids[1:]) == {
        TROOPS_SENT,
        CASUALTIES,
        "dprk-troops/troops-pledged",
        "dprk-troops/shells-supplied",
        "dprk-troops/killed",
    }
    learned = {c.id: c for c in results[ORIGINAL.key].new_claims}
    assert learned[TROOPS_SENT].text == "North Korea has sent about 11,000 troops to Russia"
    assert learned[TROOPS_SENT].source == "Reuters"  # unattributed: the outlet says it
    assert learned[TROOPS_SENT].date == "2025-07-03"


def test_without_learning_only_configured_claims_give_findings() -> None:
    engine = Engine([TOPIC], learn_claims=False)
    kinds = [seen(engine.process(s)) for s in STORIES]
    assert kinds[0] == [("corroboration", "dprk-additional-troops", "25,000 to 30,000")]
    assert [c.id for c in engine.claims()] == ["dprk-additional-troops"]


def test_restore_brings_back_claims_sightings_and_syndication() -> None:
    first, results = replay()
    engine = Engine([TOPIC])
    engine.restore(
        [c for r in results.values() for c in r.new_claims],
        [pair for r in results.values() for pair in r.sightings],
        [(s, results[s.key].origin_key) for s in STORIES],
    )
    assert [c.id for c in engine.claims()] == [c.id for c in first.claims()]
    assert engine.sightings(TROOPS_SENT) == first.sightings(TROOPS_SENT)
    again = story("msn-1", "MSN", 12, ORIGINAL.title, *ORIGINAL.text.split("\n\n"))
    result = engine.process(again)
    assert result.origin_key == ORIGINAL.key and result.findings == ()
    nis = story(
        "yonhap-1",
        "Yonhap",
        12,
        "NIS on troops",
        "North Korea has sent about 11,000 troops to Russia, the NIS told lawmakers.",
    )
    assert seen(engine.process(nis)) == [("corroboration", TROOPS_SENT, "11,000")]


def test_the_same_source_saying_it_again_is_nothing_new() -> None:
    engine, _ = replay()
    explainer = story(
        "explainer-1",
        "Northbridge Post",
        16,
        "Explainer",
        "CNN reported, citing Ukrainian intelligence, that North Korea would send 25,000 to "
        "30,000 more troops to Russia.",
        "North Korean losses have risen to 6,000 killed or wounded, Ukraine's military "
        "intelligence (GUR) said.",
    )
    assert seen(engine.process(explainer)) == []


def test_process_is_deterministic() -> None:
    _, first = replay()
    _, second = replay()
    assert [seen(r) for r in first.values()] == [seen(r) for r in second.values()]
    assert [f.explanation for r in first.values() for f in r.findings] == [
        f.explanation for r in second.values() for f in r.findings
    ]


def test_a_claim_tracked_by_command_is_matched_and_an_untracked_one_no_longer() -> None:
    topic = Topic("quake", "Quake", ("Dalmir",))
    engine = Engine([topic])
    engine.track(ClaimSpec("dalmir-deaths", "quake", "The Dalmir quake killed 320 people"))
    later = Story(
        "s1", "f", "Courier", "https://c.example/1", "Dalmir toll",
        "The Dalmir earthquake has killed 410 people, the disaster agency said.",
        datetime(2025, 3, 3, tzinfo=UTC),
    )  # fmt: skip
    (finding,) = [f for f in engine.process(later).findings if f.claim_id == "dalmir-deaths"]
    assert finding.kind.value == "new_figure"
    engine.untrack("dalmir-deaths")
    assert "dalmir-deaths" not in {c.id for c in engine.claims()}
    again = Story(
        "s2", "f", "Courier", "https://c.example/2", "Dalmir toll",
        "The Dalmir earthquake has killed 500 people, the disaster agency said.",
        datetime(2025, 3, 4, tzinfo=UTC),
    )  # fmt: skip
    assert not [f for f in engine.process(again).findings if f.claim_id == "dalmir-deaths"]
