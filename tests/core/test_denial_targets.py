"""Denials and doubt (round 12a): which claim a refutation speaks of, and when it says nothing
new. Plain sentences of the kind each rule is about, written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Stance, Story, Topic
from bot.core.stance import cue_clause, cue_stance, denied_proposition, repeats_denial

QUAKE = Topic(
    id="orsk-quake",
    name="Orsk earthquake",
    keywords=("earthquake", "quake", "Orsk"),
    claims=(
        ClaimSpec(
            id="orsk-deaths",
            topic="orsk-quake",
            text="The Orsk earthquake killed 85 people",
            source="Civil Protection Agency",
            date="2026-05-01",
        ),
    ),
)


def story(key: str, day: int, outlet: str, text: str, title: str = "Orsk earthquake") -> Story:
    return Story(
        key=key,
        feed=outlet,
        outlet=outlet,
        url=f"https://{outlet.lower()}.example/{key}",
        title=title,
        text=text,
        published=datetime(2026, 5, day, 9, tzinfo=UTC),
    )


def told(engine: Engine, key: str, day: int, outlet: str, text: str, title: str = "") -> set[str]:
    result = engine.process(story(key, day, outlet, text, title or "Orsk earthquake"))
    return {f"{f.kind}:{f.claim_id}" for f in result.findings}


def learned(engine: Engine, text: str) -> str:
    """Teach the engine one more claim; its id."""
    result = engine.process(story("learn", 2, "Learn Post", text))
    ids = [f.claim_id for f in result.findings if str(f.kind) == "new_claim"]
    assert len(ids) == 1, result.findings
    return ids[0]


# Four learned claims of people, so that no single word of a denial names one of them.
SEEDS = (
    "About 3,000 people were displaced by the Orsk earthquake, the council said.",
    "Some 350 people were pulled alive from the rubble in Orsk, the agency said.",
    "About 4,200 people were living in tents in Orsk after the earthquake, the Red Cross said.",
    "The Orsk earthquake injured about 640 people, the health ministry said.",
)


def seeded() -> tuple[Engine, list[str]]:
    """An engine that has learned the SEEDS' claims, and their ids in order."""
    engine = Engine([QUAKE])
    ids = []
    for i, text in enumerate(SEEDS):
        result = engine.process(story(f"seed-{i}", 1, "Seed Post", text))
        ids += [f.claim_id for f in result.findings if str(f.kind) == "new_claim"]
    assert len(ids) == len(SEEDS)
    return engine, ids


# --- what is not doubt --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Police have questioned three engineers from the building firm, the prosecutor said.",
        "All 40 passengers had been questioned by investigators and allowed to go home.",
        "Volunteers searched a stretch of about 12 km of the riverbank on Sunday.",
    ],
)
def test_questioning_people_and_a_stretch_of_river_are_not_doubt(sentence: str) -> None:
    assert cue_stance(sentence) == (Stance.NEUTRAL, "")


@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition questioned the ministry's figure of 85 dead.",
        "Aid workers questioned whether only 85 people had died.",
        "The official count was questioned by local doctors.",
        "Seismologists called the estimate of 2,000 collapsed homes a stretch.",
    ],
)
def test_questioning_a_statement_is_still_doubt(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.DISPUTES


# --- repeated denials ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "again"),
    [
        ("The army again denied that soldiers had looted shops in Orsk.", True),
        (
            'The mayor repeated on Friday that reports of a second dam failure were "not true".',
            True,
        ),
        ('The agency has already called the report "false".', True),
        ("The army denied that soldiers had looted shops in Orsk.", False),
        ("Repeated claims that 300 had died were false, the agency said.", False),
    ],
)
def test_a_denial_said_to_be_repeated_is_known(sentence: str, again: bool) -> None:
    stance, cue = cue_stance(sentence)
    assert stance is Stance.REFUTES
    assert repeats_denial(sentence, cue) is again


def test_a_repeated_numberless_denial_gives_nothing() -> None:
    first = (
        "The Civil Protection Agency said on Monday that reports of more deaths in the Orsk "
        'earthquake were "not true".'
    )
    again = first.replace("said on Monday", "repeated on Monday")
    for text, found in ((first, {"contradiction:orsk-deaths"}), (again, set())):
        engine = Engine([QUAKE])
        told(engine, "q1", 1, "Herald", "The Orsk earthquake killed 85 people, the agency said.")
        assert told(engine, "q2", 3, "Post", text) == found


# --- which claim a denial speaks of -------------------------------------------------------


def test_a_refuted_figure_no_claims_frame_fits_refutes_the_topics_own_count() -> None:
    # "sent" is not what any claim counts; of the four claims of people, the one naming no
    # narrower group or event (those in tents) is the topic's own count
    engine, ids = seeded()
    text = (
        "The council said a report that 20,000 people had already been sent to camps after the "
        'Orsk earthquake was "untrue".'
    )
    assert told(engine, "q2", 3, "Post", text) == {f"contradiction:{ids[2]}"}


def test_a_doubt_quoting_a_claims_current_figure_disputes_that_claim() -> None:
    engine, ids = seeded()
    text = "The union said the figure of about 350 given by the agency on Monday was far too low."
    assert told(engine, "q2", 2, "Post", text) == {f"dispute:{ids[1]}"}


def test_a_denial_of_a_count_of_people_who_fled_names_the_displaced() -> None:
    engine, ids = seeded()
    text = (
        "The council said the association's count of people who had fled after the Orsk quake "
        'was "not true".'
    )
    assert told(engine, "q2", 3, "Post", text) == {f"contradiction:{ids[0]}"}


def test_a_headline_verdict_judges_the_clause_before_it() -> None:
    title = "Tabloid claims 900 dead in Orsk quake; agency says 'false'"
    assert "900" in cue_clause(title, cue_stance(title)[1])
    # a verdict with its own object stays in its own clause
    sentence = "The agency said 85 had died; the council said reports of looting were false."
    assert "85" not in cue_clause(sentence, cue_stance(sentence)[1])


def test_a_refuting_headline_makes_the_bodys_dispute_a_contradiction() -> None:
    engine = Engine([QUAKE])
    told(engine, "q1", 1, "Herald", "The Orsk earthquake killed 85 people, the agency said.")
    body = (
        "A tabloid, the Orsk Daily Star, reported on Tuesday that 900 people had been killed "
        "in the Orsk earthquake, rather than the 85 the agency gave."
    )
    assert told(engine, "q2", 1, "Post", body) == {"dispute:orsk-deaths"}
    engine = Engine([QUAKE])
    told(engine, "q1", 1, "Herald", "The Orsk earthquake killed 85 people, the agency said.")
    title = "Tabloid claims 900 killed in Orsk quake; agency says 'false'"
    assert told(engine, "q2", 1, "Post", body, title) == {"contradiction:orsk-deaths"}


# --- a denial without a figure: what it says is untrue -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "proposition"),
    [
        (
            "The ministry said on Monday that reports that negotiators had paid the kidnappers "
            'were "completely untrue".',
            "negotiators had paid the kidnappers",
        ),
        (
            "The utility denied on Tuesday that the Orsk power station had been hit, saying it "
            "was working normally.",
            "the Orsk power station had been hit",
        ),
        (
            "The firm dismissed reports that the fire had cut its output, citing its own logs.",
            "the fire had cut its output",
        ),
    ],
)
def test_what_a_denial_says_is_untrue(sentence: str, proposition: str) -> None:
    said = denied_proposition(sentence, cue_stance(sentence)[1])
    assert said.strip(' "').startswith(proposition)
    assert "saying" not in said and "citing" not in said


PAID = ClaimSpec(
    id="orsk-insurance",
    topic="orsk-quake",
    text=(
        "Insurers have paid €40 million to the owners of hotels destroyed by the Orsk earthquake "
        "in the old town and along the lake shore"
    ),
    source="Orsk Chamber of Commerce",
    date="2026-05-01",
)


def test_a_numberless_denial_refutes_the_claim_that_says_what_it_denies() -> None:
    topic = Topic(QUAKE.id, QUAKE.name, QUAKE.keywords, (*QUAKE.claims, PAID))
    text = (
        "The insurers' association said reports that insurers had paid the owners of destroyed "
        'hotels after the Orsk earthquake were "untrue".'
    )
    assert told(Engine([topic]), "q1", 3, "Post", text) == {"contradiction:orsk-insurance"}
    # a denial of something no claim says gives nothing
    text = (
        "The police said reports that looters had robbed the Orsk museum after the earthquake "
        'were "untrue".'
    )
    assert told(Engine([topic]), "q2", 3, "Post", text) == set()


def test_a_denial_naming_a_claims_group_as_those_it_befell_refutes_that_claim() -> None:
    engine, _ = seeded()
    claim = learned(
        engine,
        "About 400 patients were turned away by hospitals in Orsk after the earthquake, the "
        "nurses' union said.",
    )
    text = "The health ministry denied that hospitals in Orsk had turned patients away."
    assert told(engine, "q2", 3, "Post", text) == {f"contradiction:{claim}"}


def test_a_denial_naming_a_claims_group_as_the_doer_does_not_refute_it() -> None:
    engine, _ = seeded()
    claim = learned(
        engine,
        "About 30 police officers were injured in Orsk during riots after the earthquake, the "
        "ministry said.",
    )
    text = "The ministry denied that police had used tear gas in Orsk after the earthquake."
    assert told(engine, "q2", 3, "Post", text) == set()
    text = "The ministry denied that police had been attacked in Orsk after the earthquake."
    assert told(engine, "q3", 4, "Post", text) == {f"contradiction:{claim}"}


def test_a_denial_does_not_take_back_the_count_of_what_did_the_denied_act() -> None:
    engine, _ = seeded()
    claim = learned(
        engine,
        "About 300 army trucks have carried aid to Orsk since the earthquake, the army said.",
    )
    text = "The army denied that a field hospital in Orsk had been hit by one of its trucks."
    assert told(engine, "q2", 3, "Post", text) == set()
    text = "The army denied that its trucks had carried aid to Orsk after the earthquake."
    assert told(engine, "q3", 4, "Post", text) == {f"contradiction:{claim}"}
