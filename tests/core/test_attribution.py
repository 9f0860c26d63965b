"""Who says it, and through whom."""

from __future__ import annotations

import pytest

from bot.core.attribution import attribution_of, is_generic, parse_attribution, same_source
from bot.core.model import Attribution


def test_citing() -> None:
    a = attribution_of(
        "CNN, citing Ukrainian intelligence, reported that North Korea would send 30,000 troops."
    )
    assert a == Attribution("Ukrainian intelligence", "CNN")
    assert str(a) == "Ukrainian intelligence, via CNN"


def test_reported_citing_an_assessment() -> None:
    a = attribution_of(
        "North Korea is preparing to send 25,000 to 30,000 more troops, CNN reported on "
        "Wednesday, citing an assessment by Ukrainian intelligence."
    )
    assert a == Attribution("Ukrainian intelligence", "CNN")


def test_according_to() -> None:
    a = attribution_of("About 4,000 have been killed or wounded, according to Western officials.")
    assert a == Attribution("Western officials")


def test_told_lawmakers() -> None:
    a = attribution_of("South Korea's spy agency told lawmakers that 11,000 troops were sent.")
    assert a == Attribution("South Korea's spy agency")


def test_told_an_outlet() -> None:
    a = attribution_of(
        "Ukraine expects almost 30,000 more troops, a senior official in Ukraine's defence "
        "ministry told Meridian Wire on Friday."
    )
    assert a == Attribution("senior official in Ukraine's defence ministry", "Meridian Wire")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("GUR said it had no information about the plans.", "GUR"),
        ("North Korea has sent 11,000 troops, officials said.", "officials"),
        ("Pyongyang has few soldiers to spare, said Rachel Lee, an analyst.", "Rachel Lee"),
        ("The official, who spoke on condition of anonymity, said 600 were killed.", "official"),
        (
            "Ukraine's military intelligence (GUR) said it had no information.",
            "Ukraine's military intelligence (GUR)",
        ),
    ],
)
def test_x_said(sentence: str, source: str) -> None:
    assert attribution_of(sentence).source == source


def test_unattributed() -> None:
    assert attribution_of("North Korea has sent 11,000 troops to Russia.") == Attribution()
    assert str(Attribution()) == "unattributed"


def test_configured_source_text() -> None:
    assert parse_attribution("Ukrainian intelligence, via CNN") == Attribution(
        "Ukrainian intelligence", "CNN"
    )
    assert parse_attribution("South Korea's JCS") == Attribution("South Korea's JCS")
    assert parse_attribution(None) == Attribution()


def test_same_source_knows_acronyms_and_articles() -> None:
    nis = "South Korea's National Intelligence Service (NIS)"
    assert same_source(nis, "NIS")
    assert same_source("South Korea's National Intelligence Service", "the NIS")
    assert same_source("South Korea's Joint Chiefs of Staff", "JCS")
    assert not same_source(nis, "South Korea's Joint Chiefs of Staff")
    assert not same_source("Ukraine", "GUR")


def test_a_passive_speech_verb_names_no_speaker() -> None:
    a = attribution_of("The maker widened the recall after new faults were reported in Canada.")
    assert a == Attribution()


def test_a_name_inside_another_is_the_same_source() -> None:
    assert same_source("union", "Rail Workers' Union")
    assert same_source("fire service", "the regional fire service")
    assert same_source("Veyra Telecom's chief executive", "Veyra Telecom")
    assert not same_source("ministry", "finance ministry")  # too generic to say
    assert not same_source("Kolvenian military intelligence", "Kolvenian general staff")


def test_the_speaker_of_a_second_verb_is_the_sentence_s_subject() -> None:
    sentence = (
        "Veyra Telecom's chief executive, Paul Arnell, apologised on Friday to the owners of "
        "5.6 million accounts and said the company would pay."
    )
    assert attribution_of(sentence).source == "Veyra Telecom's chief executive"
    sentence = "The union raised its count to 48,000, saying depots had reported late."
    assert attribution_of(sentence).source == "union"


def test_a_source_that_revises_its_figure_speaks() -> None:
    sentence = "The statistics office revised the January rate to 4.4% from 4.2%."
    assert attribution_of(sentence).source == "statistics office"


@pytest.mark.parametrize(
    ("source", "generic"),
    [
        ("ministry", True),
        ("the agency", True),
        ("senior officials", True),
        ("interior ministry", False),
        ("finance ministry", False),
        ("city's police chief", False),
        ("Interior Ministry", False),
    ],
)
def test_a_common_noun_names_a_speaker_only_with_a_word_that_picks_it_out(
    source: str, generic: bool
) -> None:
    assert is_generic(Attribution(source)) is generic


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The Telecoms Authority fined Ardent Mobile $2m over the outage.", "Telecoms Authority"),
        ("Police counted about 30,000 people at the rally.", "Police"),
        ("The fiscal council forecast a deficit of €22bn for next year.", "fiscal council"),
        ("Police counted 30,000 at the rally, the interior ministry said.", "interior ministry"),
    ],
)
def test_who_counts_fines_or_forecasts_is_the_source(sentence: str, source: str) -> None:
    assert attribution_of(sentence).source == source


def test_the_department_said_stands_for_the_department_named_before() -> None:
    assert is_generic(Attribution("department"))
    assert is_generic(Attribution("office"))
    assert not is_generic(Attribution("Civil Protection Department"))


def test_a_noun_after_a_verb_is_no_speech_verb() -> None:
    sentence = "The operator, Hydro Norte, dismissed claims that it had ignored warnings."
    assert attribution_of(sentence).source == "Hydro Norte"
    sentence = "Officials rejected reports that the plant had been evacuated."
    assert attribution_of(sentence).source == "Officials"


def test_a_speech_verb_used_as_an_adjective_names_no_speaker() -> None:
    sentence = "The number of confirmed dead rose to 40, the Port Authority said."
    assert attribution_of(sentence).source == "Port Authority"


@pytest.mark.parametrize(
    "sentence",
    [
        "Harbour Link, the ferry firm that runs the crossings, said 40 sailings were cancelled.",
        "Harbour Link, a company which runs the crossings to Lenno, said 40 were cancelled.",
    ],
)
def test_an_apposition_with_a_relative_clause_is_not_the_speaker(sentence: str) -> None:
    assert attribution_of(sentence).source == "Harbour Link"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Justice Minister Aldo Verin", "the Justice Ministry", True),
        ("Health Minister Ana Lopes", "the Ministry of Health", True),
        ("the Minister for Transport, Kai Moor", "Transport Ministry", True),
        ("Interior Minister Tom Bell", "the Health Ministry", False),
        ("Prime Minister Jo Kay", "the Justice Ministry", False),
    ],
)
def test_a_minister_speaks_for_the_ministry(a: str, b: str, same: bool) -> None:
    assert same_source(a, b) is same


def test_whom_a_speaker_tells_is_not_the_speaker() -> None:
    sentence = (
        "Water levels fell overnight, its spokesman, Marek Olin, told reporters in the capital "
        "on Tuesday, adding that 40 homes had been flooded."
    )
    assert attribution_of(sentence).source == "Marek Olin"
