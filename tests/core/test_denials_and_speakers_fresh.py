"""Round 14b: denials, and who said them, in fresh prose. Plain sentences of the kind each rule
is about, written for these tests: a time between a speaker and the verb, a name with "and" in
it, a name and then what it is, an office held in a named body or named after a service's
trade; what "no evidence that ..." denies, a denial of a group's fate in few words, a denial
quoting a count (no claim of a share), and a denial naming whose claim it rejects."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.attribution import attribution_of, same_source
from bot.core.clues import members_named, titled_named
from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Stance, Story, Topic
from bot.core.stance import cue_stance, denied_proposition
from bot.core.targets import said_of

# --- who speaks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            'The Harbour Safety Board on Thursday called a post claiming that "300 sailors" had '
            'drowned "entirely false".',
            "Harbour Safety Board",
        ),
        (
            "Norvik Ferries on Monday evening ordered its ships back to port and said the "
            "strike had cost it about €2m.",
            "Norvik Ferries",
        ),
        (
            "The Velm Water Authority on Sunday defended its handling of the flood, saying the "
            "gates had been opened within an hour.",
            "Velm Water Authority",
        ),
    ],
)
def test_a_time_between_the_speaker_and_the_verb_is_not_the_speaker(
    sentence: str, source: str
) -> None:
    assert attribution_of(sentence).source == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "About 400 homes were flooded, the Orsk Fire and Rescue Service said on Monday.",
            "Orsk Fire and Rescue Service",
        ),
        (
            "The Ministry of Energy and Mines said on Thursday that 12 shafts had been closed.",
            "Ministry of Energy and Mines",
        ),
    ],
)
def test_and_between_capitalised_words_is_part_of_one_name(sentence: str, source: str) -> None:
    assert attribution_of(sentence).source == source


def test_and_between_two_clauses_still_ends_the_name() -> None:
    sentence = "The river burst its banks and police said 40 people had been evacuated."
    assert attribution_of(sentence).source == "police"


def test_a_name_then_what_it_is_gives_the_name() -> None:
    sentence = "Tallow, the Brenn-based payments firm, said about 9,000 cards had been blocked."
    assert attribution_of(sentence).source == "Tallow"
    # a role, then the person's name, still gives the person
    sentence = "Its chairman, Aldo Renn, said about 9,000 cards had been blocked."
    assert attribution_of(sentence).source == "Aldo Renn"


def test_a_verb_form_after_a_possessive_is_no_speech_verb() -> None:
    sentence = (
        "A review by the Dorvale Gazette of hospital rosters found that 210 nurses had stayed at "
        "work, the same number as the health board's revised count."
    )
    assert attribution_of(sentence).source == "Dorvale Gazette"


def test_a_participle_phrase_is_no_speaker() -> None:
    sentence = (
        "The union's tally, compiled from ward managers' shift reports, is far higher than the "
        "board's, she said."
    )
    assert attribution_of(sentence).source is None
    # a group described by a participle before its noun is still a speaker
    assert attribution_of("Armed groups said 40 trucks had been stopped.").source == (
        "Armed groups"
    )


def test_an_office_in_a_named_body_speaks_for_the_body() -> None:
    text = '"We will pay every customer back," Tallow\'s chief executive, Ines Varo, said.'
    assert titled_named(text) == (("Ines Varo", "Tallow"),)
    # a minister speaks for a ministry, not for the country that owns the office
    assert titled_named("Orskia's deputy prime minister, Pavel Rusk, said") == ()


def test_a_governor_speaks_for_the_provincial_government() -> None:
    assert same_source("Governor Ilse Brandt", "provincial government")
    assert titled_named("Governor Ilse Brandt visited the shelter.") == (
        ("Ilse Brandt", "Governor Ilse Brandt"),
    )
    assert not same_source("Governor Ilse Brandt", "provincial police")


def test_an_office_after_a_quotation_speaks_for_the_body_named_before() -> None:
    text = '"We cook every meal fresh," chief executive Lina Ormo told reporters.'
    assert [name for name, _ in members_named(text)] == ["Lina Ormo"]


FIRE = Topic(
    id="depot-fire",
    name="Kessa depot fire",
    keywords=("fire", "Kessa"),
    claims=(
        ClaimSpec(
            id="depot-dead",
            topic="depot-fire",
            text="The Kessa depot fire killed 7 people",
            source="Kessa Fire and Rescue Service",
            date="2026-05-01",
        ),
    ),
)


def _story(key: str, day: int, text: str, title: str = "Kessa depot fire") -> Story:
    outlet = f"Paper {key}"
    return Story(
        key=key,
        feed=outlet,
        outlet=outlet,
        url=f"https://paper-{key}.example/{key}",
        title=title,
        text=text,
        published=datetime(2026, 5, day, 9, tzinfo=UTC),
    )


def _kinds(engine: Engine, key: str, day: int, text: str) -> set[str]:
    return {f"{f.kind}:{f.claim_id}" for f in engine.process(_story(key, day, text)).findings}


def test_a_fire_chief_speaks_for_the_fire_service_heard_on_the_topic() -> None:
    engine = Engine([FIRE])
    first = (
        "Seven people were killed in the Kessa depot fire, the Kessa Fire and Rescue Service said."
    )
    assert _kinds(engine, "a", 1, first) == {"corroboration:depot-dead"}
    # the service's chief restating its toll is no second source (README rule 2)
    again = "Chief Fire Officer Mira Solt said the toll of seven in the Kessa fire would not rise."
    assert "corroboration:depot-dead" not in _kinds(engine, "b", 2, again)
    # named after a comma, with a rank, and by surname later: still the service
    chief = "The city's fire chief, Commander Ivo Brask, said seven had died in the Kessa fire."
    assert "corroboration:depot-dead" not in _kinds(engine, "d", 2, chief)
    # the police are another body: they corroborate
    police = "Police said seven people had died in the Kessa depot fire."
    assert _kinds(engine, "c", 2, police) == {"corroboration:depot-dead"}


# --- what a denial denies -----------------------------------------------------------------


def test_no_evidence_that_denies_what_follows_it() -> None:
    sentence = (
        "The relief agency said it had found no evidence that fuel sent to the camps had been "
        "sold, rejecting the militia's claim as untrue."
    )
    stance, cue = cue_stance(sentence)
    assert stance is Stance.REFUTES
    assert denied_proposition(sentence, cue) == "fuel sent to the camps had been sold"
    sentence = "The army said it had no information about plans to close the border."
    assert denied_proposition(sentence, cue_stance(sentence)[1]).strip() == (
        "about plans to close the border."
    )


STRIKE = Topic(
    id="nurse-strike",
    name="Dorvale nurses' strike",
    keywords=("strike", "nurses", "Dorvale"),
    claims=(
        ClaimSpec(
            id="strikers",
            topic="nurse-strike",
            text="About 6,000 nurses joined the Dorvale strike",
            source="Dorvale Nurses' Union",
            date="2026-05-01",
        ),
    ),
)


def _learn(engine: Engine, key: str, text: str) -> str:
    result = engine.process(_story(key, 1, text, "Dorvale nurses' strike"))
    ids = [f.claim_id for f in result.findings if str(f.kind) == "new_claim"]
    assert len(ids) == 1, result.findings
    return ids[0]


def _told(engine: Engine, key: str, text: str) -> set[str]:
    result = engine.process(_story(key, 2, text, "Dorvale nurses' strike"))
    return {f"{f.kind}:{f.claim_id}" for f in result.findings}


def test_a_denial_of_what_befell_a_group_in_few_words_refutes_its_claim() -> None:
    engine = Engine([STRIKE])
    teachers = _learn(
        engine,
        "a",
        "About 300 teachers in Dorvale have been handed suspension letters since the strike "
        "began, the teachers' union said.",
    )
    # two words ("teachers", "suspended"), too few to be matched by words, name the group
    found = said_of(engine._index, "nurse-strike", "teachers were being suspended")
    assert found is not None and found[0].spec.id == teachers
    told = _told(
        engine,
        "b",
        "The health board on Friday denied that teachers were being suspended, calling reports "
        'that schools had been told to hand over lists of striking staff "not true".',
    )
    assert told == {f"contradiction:{teachers}"}


def test_a_denial_quoting_a_count_is_no_denial_of_a_share() -> None:
    engine = Engine([STRIKE])
    _learn(
        engine,
        "a",
        "Just 40% of children in Dorvale had been seen by a nurse since the strike began, the "
        "hospital board said.",
    )
    index = engine._index  # the claims as the denial targets read them
    said = "children had been seen by a nurse since the strike began"
    found = said_of(index, "nurse-strike", said)
    assert found is not None and found[0].spec.id == "nurse-strike/share-people-children"
    # the same words around a count: a rumour of "2,000 children", no claim of a share
    assert said_of(index, "nurse-strike", f'"2,000 {said}"') is None


def test_a_denial_naming_whose_claim_it_rejects_refutes_that_claim() -> None:
    engine = Engine([STRIKE])
    shifts = _learn(
        engine,
        "a",
        "About 30% of shifts at Dorvale hospitals went unstaffed during the strike, the "
        "hospital board said.",
    )
    denial = (
        "The Dorvale Nurses' Union said it had found no evidence of it, rejecting the "
        "hospital board's claim as untrue."
    )
    assert _told(engine, "b", denial) == {f"contradiction:{shifts}"}
