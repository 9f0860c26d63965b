"""Denials and doubt (round 10c): the forms a refutation takes, and what is not one."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.model import Stance
from bot.core.stance import cue_reaches, cue_stance
from tests.core.test_gate import DISPLACED, FLOOD, told


@pytest.mark.parametrize(
    "sentence",
    [
        'The ministry said the claim that 3,000 prisoners were still held was "a lie".',
        "The council said the reports of looting were all lies.",
        '"These numbers are invented in offices, not counted in camps," he said.',
        'The ministry called the newspaper\'s story "pure invention".',
        'The government called reports of secret payments "slander".',
        "There is no truth in the report that the mayor resigned, his office said.",
        "Officials said there was no basis for the claim of 900 deaths.",
        "Ministry rejects union's count of 80,000 marchers",
        "Port authority dismisses reports of 40 ships stranded",
        "The agency issued a statement on Tuesday, rejecting reports that the dam had failed.",
        "The paper withdrew its report of 300 arrests on Friday.",
        "The figure of 12,000 evacuees was withdrawn after a complaint.",
    ],
)
def test_a_denial_in_its_many_forms_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "Savers withdrew some €400m from the bank on Monday and Tuesday.",
        "About 2 million jars had been withdrawn from sale by Tuesday.",
        "The army has withdrawn about 4,000 troops from the buffer zone.",
        "The village lies about 40 km from the front line.",
        "The unions insisted 200,000 had marched, rejecting police criticism of their count.",
    ],
)
def test_words_that_only_look_like_a_denial_do_not_refute(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


def test_a_negator_in_the_reported_clause_does_not_cancel_the_denial() -> None:
    # "without" belongs to the report ("homes without power"), not to "false"
    sentence = "The operator said a report that 5 million homes were still without power was false."
    assert cue_stance(sentence) == (Stance.REFUTES, "false")
    # in the cue's own clause a negator still cancels it
    assert cue_stance("The operator did not deny that 5,000 homes were without power.")[0] is (
        Stance.NEUTRAL
    )
    assert cue_stance("Reports of 40 deaths were never denied by the army.")[0] is Stance.NEUTRAL


def test_rather_than_contrasts_figures_not_other_things() -> None:
    assert cue_stance(
        "Tests showed the outbreak was caused by the H5N1 strain rather than the milder H5N8."
    ) == (Stance.NEUTRAL, "")
    assert cue_stance("The inspectors will report to parliament rather than to the minister.")[
        0
    ] is (Stance.NEUTRAL)
    assert cue_stance("The new tankers burn ammonia instead of heavy fuel oil.")[0] is (
        Stance.NEUTRAL
    )
    assert cue_stance("Analysts expect 12,000 troops rather than the 30,000 cited by Kyiv.")[0] is (
        Stance.DISPUTES
    )
    assert cue_stance("The firm will now close 19 offices instead of 14.")[0] is Stance.DISPUTES
    assert cue_stance("The union counted 200,000 marchers rather than the official estimate.")[
        0
    ] is (Stance.DISPUTES)


def test_a_denial_reaches_the_figures_of_its_own_clause_only() -> None:
    sentence = (
        'The central bank said a report that the lender had lost €9bn was "false", and repeated '
        "that about 410,000 depositors had money at the bank."
    )
    stance, cue = cue_stance(sentence)
    assert stance is Stance.REFUTES
    assert cue_reaches(sentence, cue, sentence.index("€9bn"))
    assert not cue_reaches(sentence, cue, sentence.index("410,000"))
    sentence = "Reports that 4,000 soldiers had been killed were false, the ministry said."
    assert cue_reaches(sentence, cue_stance(sentence)[1], sentence.index("4,000"))


def test_rejecting_a_figure_as_too_high_is_doubt_not_denial() -> None:
    sentence = "The ministry rejected the union's figure of 80,000 as greatly exaggerated."
    assert cue_stance(sentence) == (Stance.DISPUTES, "exaggerated")
    sentence = "The ministry dismissed the union's count as far too low."
    assert cue_stance(sentence)[0] is Stance.DISPUTES
    sentence = 'The ministry dismissed the report of 4,000 deaths as "a fabrication".'
    assert cue_stance(sentence)[0] is Stance.REFUTES


def test_a_contrast_of_durations_is_not_one_of_figures() -> None:
    sentence = (
        "Trains will run every 30 minutes instead of every 10 minutes until the line reopens."
    )
    assert cue_stance(sentence) == (Stance.NEUTRAL, "")
    assert cue_stance("The firm will close 19 offices instead of 14.")[0] is Stance.DISPUTES


def test_a_denial_does_not_refute_a_figure_restated_in_another_clause() -> None:
    engine = Engine([FLOOD])
    assert told(engine, "f1", 2, "Herald", DISPLACED) == [("new_claim", "brannock-flood/displaced")]
    text = (
        "The Civil Defence Office said a report that 400 people had died in the Brannock floods "
        "was false, and repeated that some 3,000 people had been displaced."
    )
    assert told(engine, "f2", 3, "Post", text) == [("contradiction", "flood-deaths")]
