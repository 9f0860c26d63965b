"""Stance of a sentence towards a claim, negation included."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures
from bot.core.model import Stance
from bot.core.stance import (
    against_old_value,
    cue_clause,
    cue_stance,
    framed_as_revision,
    framed_as_update,
    is_old_value,
    stance_of,
)

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


@pytest.mark.parametrize(
    "sentence",
    [
        "The report was denied by the interior ministry.",
        "Claims that 200,000 people marched were dismissed as false by police.",
        "The organisers' count has been debunked by fact-checkers.",
        "Reports that 9,000 people had been evacuated were not true, the mayor said.",
        "The ministry called the union's count a fantasy.",
        "The governor said the reports were wrong.",
        "Officials have repeatedly denied the claims.",
    ],
)
def test_refutations_active_and_passive(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "Police did not deny that 45 people had been arrested.",
        "The fire service did not deny reports that the fire had been started deliberately.",
        "The mayor declined to comment on the figure.",
        "The ministry has not denied the report.",
        "The claim was never denied.",
        "Nobody has denied that the toll would rise.",
        "The ministry refused to confirm or deny the figure.",
        "He did not dispute the figure.",
    ],
)
def test_negation_traps_take_no_side(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.NEUTRAL


@pytest.mark.parametrize(
    "sentence",
    [
        "Police called the organisers' figure greatly exaggerated.",
        "The union's figure was called into question by the operator.",
        "Satellite data suggest the official count understates the burned area.",
    ],
)
def test_doubt_is_a_dispute_not_a_refutation(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.DISPUTES


@pytest.mark.parametrize(
    ("sentence", "revision"),
    [
        ("The office revised the rate to 4.4% from 4.2%.", True),
        ("The firm widened the recall by a further 5,000 cars.", True),
        ("Costs reached $3m, more than analysts' earlier estimate of up to $2m.", True),
        ("Jobs rose by 21,000, not 38,000 as first reported.", True),
        ("Observers counted 60,000, rather than the 30,000 cited by police.", False),
        ("Satellites showed 9,000 hectares, above the official figure of 5,000.", False),
        ("Injuries have now risen to 40.", False),
    ],
)
def test_what_revises_a_figure_whoever_gives_it(sentence: str, revision: bool) -> None:
    assert framed_as_revision(sentence, extract_figures(sentence)) is revision


@pytest.mark.parametrize(
    ("sentence", "against"),
    [
        ("Costs reached $3m, more than the estimate of up to $2m.", True),
        ("The toll rose to 410, up from 320.", True),
        ("About 40% of services ran, not the 25% reported by the operator.", False),
        ("About 9,000 hectares burned, well above the official figure of 5,000.", False),
        ("The aid group counted 450 dead, and found the government's figure of 587 high.", False),
    ],
)
def test_an_old_value_of_its_own_or_of_another_source(sentence: str, against: bool) -> None:
    assert against_old_value(sentence, extract_figures(sentence)) is against


@pytest.mark.parametrize(
    ("sentence", "old", "new"),
    [
        ("The agency raised the death toll from the Brova earthquake to 131.", None, "131"),
        ("The toll rose to 131 on Friday, from 85 a day earlier.", "85", "131"),
        ("Cases climbed to about 600, up from 410.", "410", "600"),
        (
            "Police put the crowd at 40,000 rather than the 200,000 organisers gave.",
            "200,000",
            "40,000",
        ),
    ],
)
def test_the_value_a_count_moved_to_is_new_and_the_one_it_left_is_old(
    sentence: str, old: str | None, new: str
) -> None:
    figures = {f.text: f for f in extract_figures(sentence)}
    assert not is_old_value(sentence, figures[new])
    if old is not None:
        assert is_old_value(sentence, figures[old])


@pytest.mark.parametrize(
    ("sentence", "cue", "clause"),
    [
        (
            "The operator dismissed claims that it had ignored warnings and declined to comment "
            "on the number of people evacuated.",
            "dismissed",
            "The operator dismissed claims that it had ignored warnings",
        ),
        (
            "The mayor said the count was accurate, but denied that the dam had been breached.",
            "denied",
            "denied that the dam had been breached.",
        ),
        (
            "GUR said it had no information about plans to send more troops.",
            "no information",
            "GUR said it had no information about plans to send more troops.",
        ),
    ],
)
def test_a_cue_speaks_of_its_own_clause(sentence: str, cue: str, clause: str) -> None:
    assert cue_clause(sentence, cue) == clause


@pytest.mark.parametrize(
    "sentence",
    [
        "The aid group accused the coastguard of undercounting the dead.",
        "Unions said the ministry had played down the turnout.",
        "The analysts said officials were overstating the figure.",
    ],
)
def test_under_and_over_counting_is_doubt(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.DISPUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "Auditors set aside 48,700 rejected ballots in the count.",
        "The insurer has paid out on 1,200 disputed claims so far.",
        "Firefighters answered 312 false alarms last month.",
    ],
)
def test_a_cue_word_naming_what_a_number_counts_is_no_denial(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.NEUTRAL


def test_a_cue_word_as_the_verb_still_refutes() -> None:
    assert cue_stance("The commission rejected the 48,700 figure as false.")[0] is Stance.REFUTES
    assert cue_stance("The minister rejected reports of 300 dead.")[0] is Stance.REFUTES


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Auditors said 3,100 parcels had been rejected as damaged.", Stance.NEUTRAL),
        ("The ministry said reports of 4,000 casualties were rejected.", Stance.REFUTES),
        ("Claims that 300 inmates had fled were dismissed by the ministry.", Stance.REFUTES),
    ],
)
def test_a_passive_cue_on_the_counted_things_is_no_denial_of_a_report(
    sentence: str, expected: Stance
) -> None:
    assert cue_stance(sentence)[0] is expected


@pytest.mark.parametrize(
    ("sentence", "old"),
    [
        ("Inspectors recounted the ballots from 214 polling stations in the north.", False),
        ("Some 3,000 people were evacuated from 12 villages.", False),
        ("The count of missing fell from 11 people to 7.", True),
        ("Arrests rose to 63, up from 27 last week.", True),
        ("Inflation was revised to 4.4% from 4.2%.", True),
    ],
)
def test_from_a_place_counted_is_no_old_value(sentence: str, old: bool) -> None:
    figures = extract_figures(sentence)
    target = figures[1] if "4.2%" in sentence or "63" in sentence else figures[0]
    if "evacuated" in sentence:
        target = figures[1]
    assert is_old_value(sentence, target) is old


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The court rejected the opposition's appeal and certified the result.", Stance.NEUTRAL),
        ("The board dismissed the lawsuit on Friday.", Stance.NEUTRAL),
        ("The company withdrew its takeover bid.", Stance.NEUTRAL),
        ("The ministry rejected the report as baseless.", Stance.REFUTES),
        ("Moscow denied plans to send 30,000 more troops.", Stance.REFUTES),
    ],
)
def test_a_request_or_proposal_rejected_is_no_refutation(sentence: str, expected: Stance) -> None:
    assert cue_stance(sentence)[0] is expected


def test_a_value_measured_against_is_the_reference_point() -> None:
    text = "Exports reached 2.3 million tonnes of rice, against a forecast of 2.9 million tonnes."
    new, old = extract_figures(text)
    assert not is_old_value(text, new)
    assert is_old_value(text, old)
    text = "Sales hit €40m, against last year's total of €31m."
    assert is_old_value(text, extract_figures(text)[1])


def test_the_value_a_figure_is_said_to_be_above_or_below_is_the_old_one() -> None:
    text = "About 9,000 barrels leaked, well above the 3,000 barrels the owner reported."
    figures = extract_figures(text)
    assert [is_old_value(text, f) for f in figures] == [False, True]
    text = "The charity now counts 41 injured, below the 55 it gave on Monday."
    assert [is_old_value(text, f) for f in extract_figures(text)] == [False, True]


def test_a_choice_between_two_acts_is_no_contrast_of_figures() -> None:
    act = (
        "The mill will cut 900 jobs, up from 700, after it chose to shut the press shop "
        "instead of selling it."
    )
    assert cue_stance(act) == (Stance.NEUTRAL, "")
    assert cue_stance("The mill said 900 jobs would go rather than keeping the plant open.")[0] is (
        Stance.NEUTRAL
    )
    assert cue_stance("The union instead put the job losses at 1,500.")[0] is Stance.DISPUTES
    assert cue_stance("Analysts expect 400, rather than the 900 announced.")[0] is Stance.DISPUTES


def test_a_value_set_against_a_figure_is_the_old_one() -> None:
    text = "The office said 8,300 applications had been lodged, against 5,100 a week earlier."
    assert [is_old_value(text, f) for f in extract_figures(text)] == [False, True]
