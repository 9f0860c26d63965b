"""Stance of a sentence towards a claim, negation included."""

from __future__ import annotations

import pytest

from bot.core.model import Stance
from bot.core.stance import stance_of

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
