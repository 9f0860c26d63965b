"""Stance of a sentence towards a claim, negation included."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures
from bot.core.model import Stance
from bot.core.stance import cue_stance, framed_as_update, stance_of

CLAIM = "North Korea will send 25,000 to 30,000 more troops to Russia"


def stance(sentence: str) -> Stance:
    return stance_of(CLAIM, sentence)[0]


def test_no_information_refutes_even_with_the_number_in_it() -> None:
    s, score, evidence = stance_of(
        CLAIM,
        "Ukraine's military intelligence said it had no information about plans to increase "
        "the troop count to 30,000.",
    )
    assert s is Stance.REFUTES and evidence == "no information" and 0.5 <= score <= 1


def test_a_denial_refutes() -> None:
    assert (
        stance("The Kremlin denied reports that North Korea would send more troops to Russia.")
        is Stance.REFUTES
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow did not deny that North Korea would send almost 30,000 more troops.",
        "Moscow didn't deny that North Korea would send almost 30,000 more troops.",
        "The Kremlin declined to confirm or deny that North Korea will send 30,000 more troops.",
    ],
)
def test_not_denying_is_not_a_denial(sentence: str) -> None:
    assert stance(sentence) is Stance.SUPPORTS


def test_an_agreeing_figure_supports() -> None:
    assert stance("Pyongyang could send as many as 30,000 additional soldiers.") is Stance.SUPPORTS


def test_another_figure_disputes() -> None:
    assert stance("An analyst expects North Korea to send 10,000 to 20,000 more troops.") is (
        Stance.DISPUTES
    )


def test_doubt_disputes() -> None:
    assert stance("Analysts doubt North Korea will send more troops to Russia.") is (
        Stance.DISPUTES
    )


def test_unrelated_sentences() -> None:
    assert stance("Russia launched 500 drones at Kyiv overnight.") is Stance.UNRELATED
    assert stance("Kim Jong Un visited a factory.") is Stance.UNRELATED
    assert stance("") is Stance.UNRELATED


def test_related_without_a_figure_or_a_cue_is_neutral() -> None:
    assert stance("North Korea will send more troops to Russia, officials said.") is (
        Stance.NEUTRAL
    )


def test_neither_confirming_nor_denying_takes_no_side() -> None:
    assert cue_stance("Moscow did not confirm or deny the report.")[0] is Stance.NEUTRAL
    assert cue_stance("The ministry neither confirmed nor denied it.")[0] is Stance.NEUTRAL


@pytest.mark.parametrize(
    "sentence", ["The ministry retracted its figure.", "State media called the report a hoax."]
)
def test_a_retraction_and_a_hoax_refute(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "An analyst said the estimate looked high.",
        "The real number was more likely between 5,000 and 8,000.",
    ],
)
def test_an_alternative_or_a_doubt_disputes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.DISPUTES


@pytest.mark.parametrize(
    ("sentence", "update"),
    [
        ("Injuries have risen to 40, up from 25.", True),
        ("The office corrected the figure to 9,000.", True),
        ("The firm widened the recall by a further 5,000 cars.", True),
        ("Costs reached $3m, more than the estimate of up to $2m.", True),
        ("The firm recalled 5,000 cars.", False),
    ],
)
def test_what_frames_a_figure_as_an_update(sentence: str, update: bool) -> None:
    assert framed_as_update(sentence, extract_figures(sentence)) is update
