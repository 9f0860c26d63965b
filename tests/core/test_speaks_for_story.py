"""Who speaks, across a story's sentences (README rule 2): a person named with an office in one
sentence ("Transport Minister Edda Rell") is that office when a later sentence names her by
surname; "..., chief operating officer X told" speaks for the sentence's subject; "the company"
is the business named before, or the one whose shares the lead reports. Restating a body's own
figure is not a second source."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core.attribution import attribution_of
from bot.core.clues import lead_body, members_named, titled_named
from bot.core.engine import Engine
from bot.core.model import Attribution, ClaimSpec, Story, Topic
from bot.core.reading import Sentence
from bot.core.speakers import speaker
from bot.core.topical import _ACTING_PRONOUN

FERRY = Topic(
    id="ferry-strike",
    name="Ferry strike",
    keywords=("ferry", "ferries", "Brannock Ferries", "sailings"),
    claims=(
        ClaimSpec(
            id="sailings-cancelled",
            topic="ferry-strike",
            text="The Transport Ministry said 310 sailings had been cancelled",
            source="Transport Ministry",
            date="2026-05-01",
        ),
        ClaimSpec(
            id="ferry-staff",
            topic="ferry-strike",
            text="Brannock Ferries said 1,200 staff had walked out",
            source="Brannock Ferries",
            date="2026-05-01",
        ),
    ),
)


def found(engine: Engine, key: str, text: str) -> list[tuple[str, str]]:
    published = datetime(2026, 5, 2, 9, 0, tzinfo=UTC)
    item = Story(key, "wire", "Wire", f"https://wire.example/{key}", "Update", text, published)
    return [(str(f.kind), f.claim_id) for f in engine.process(item).findings]


def sentence(text: str) -> Sentence:
    return Sentence(text=text, paragraph=1, title=False)


def test_titled_named_finds_offices_that_speak_for_a_body() -> None:
    text = "The unions met Transport Minister Edda Rell and Mayor Tomas Rendel on Friday."
    assert titled_named(text) == (
        ("Edda Rell", "Transport Minister Edda Rell"),
        ("Tomas Rendel", "Mayor Tomas Rendel"),
    )
    assert titled_named("fisheries minister Ola Brenn visited the port") == (
        ("Ola Brenn", "fisheries minister Ola Brenn"),
    )
    assert titled_named("The minister visited the port on Friday.") == ()


def test_a_minister_named_earlier_speaks_for_the_ministry_by_surname() -> None:
    engine = Engine([FERRY])
    first = "The Transport Ministry said 310 ferry sailings had been cancelled."
    assert found(engine, "a", first) == [("corroboration", "sailings-cancelled")]
    text = (
        "Brannock Ferries met unions on Friday after Transport Minister Edda Rell asked both "
        "sides to end the ferry strike. Rell told reporters that 310 sailings had been "
        "cancelled since the strike began."
    )
    assert found(engine, "b", text) == []  # the ministry's own figure again


def test_a_surname_without_an_office_is_still_a_second_source() -> None:
    engine = Engine([FERRY])
    first = "The Transport Ministry said 310 ferry sailings had been cancelled."
    assert found(engine, "a", first) == [("corroboration", "sailings-cancelled")]
    text = (
        "Brannock Ferries met unions on Friday after the port pilot Edda Rell asked both sides "
        "to end the ferry strike. Rell told reporters that 310 sailings had been cancelled."
    )
    assert found(engine, "b", text) == [("corroboration", "sailings-cancelled")]


def test_an_office_after_a_comma_speaks_for_the_sentence_s_subject() -> None:
    text = "Brannock Ferries expects losses, chief operating officer Ivo Tarn told analysts."
    assert members_named(text) == (("Ivo Tarn", 33),)
    engine = Engine([FERRY])
    first = "Brannock Ferries said 1,200 staff had walked out over the ferry pay offer."
    assert found(engine, "a", first) == [("corroboration", "ferry-staff")]
    text = (
        "Brannock Ferries expects the ferry strike to cost about €4m, as 1,200 staff have "
        "walked out, chief operating officer Ivo Tarn told analysts on Tuesday."
    )
    assert ("corroboration", "ferry-staff") not in found(engine, "b", text)  # its own figure


def test_the_company_is_the_business_whose_shares_the_lead_reports() -> None:
    lead = sentence("Shares in Brannock Ferries fell 9% on Monday as the ferry strike went on.")
    assert lead_body([lead]) == Attribution(source="Brannock Ferries")
    assert lead_body([sentence("Shares fell 9% on Monday.")]) == Attribution()
    engine = Engine([FERRY])
    first = "Brannock Ferries said 1,200 staff had walked out over the ferry pay offer."
    assert found(engine, "a", first) == [("corroboration", "ferry-staff")]
    text = (
        "Shares in Brannock Ferries fell 9% on Monday as the ferry strike went on. The company "
        "said the 1,200 staff who had walked out would not be paid."
    )
    assert ("corroboration", "ferry-staff") not in found(engine, "b", text)


def test_a_role_in_a_body_named_by_a_common_noun_speaks_for_the_body() -> None:
    found_speaker = speaker("A ministry spokesman, Karim Osk, said on Sunday that 310 had gone.")
    assert found_speaker is not None and found_speaker[0] == "ministry"
    named = speaker("Karim Osk, a ferry pilot, said on Sunday that 310 sailings had gone.")
    assert named is not None and named[0] == "Karim Osk"


def test_it_that_acts_goes_on_with_the_speaker_before_across_a_paragraph() -> None:
    assert _ACTING_PRONOUN.match("It could not rule out more cancellations.")
    assert not _ACTING_PRONOUN.match("It was the longest ferry strike in years.")
    engine = Engine([FERRY])
    first = "The Transport Ministry said 310 ferry sailings had been cancelled."
    assert found(engine, "a", first) == [("corroboration", "sailings-cancelled")]
    text = (
        "The Transport Ministry said on Monday that the ferry strike had entered its third week."
        "\n\nIt could not rule out that 310 ferry sailings had been cancelled."
    )
    assert found(engine, "b", text) == []  # the ministry's own figure, not a second source


def test_a_review_by_a_paper_speaks_for_the_paper() -> None:
    said = attribution_of(
        "A review by the Harbour Times of ambulance logs shows that 40 ferry passengers were "
        "taken to hospital."
    )
    assert said == Attribution(source="Harbour Times")
    survey = attribution_of("A survey carried out by Orla Polling shows 40% back the strike.")
    assert survey == Attribution(source="Orla Polling")
