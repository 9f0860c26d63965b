"""Second read of round 18c's stance rules (rev18c): sentences of kinds the corpus lacks (a mine
flood, a ferry sinking, a wedding food poisoning, a university strike, a bank run) on which a
rule of the round was wrong; each mend has its own probe."""

from __future__ import annotations

import pytest

from bot.core.model import Stance
from bot.core.stance import cue_stance

# --- rule 2: straight after the denial, a participle is the denier's word for the count ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "The mine owner dismissed exaggerated figures of 40 trapped miners circulating online.",
        "The insurer dismissed inflated estimates of 2 billion dollars in crop losses.",
        "The port denied fabricated figures of 14 terminals shut by the cyberattack.",
        "The coastguard rejected inflated numbers of 300 missing ferry passengers.",
    ],
)
def test_denying_a_count_called_inflated_still_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "The bank denied manipulating its withdrawal data.",
        "The health board dismissed accusations of massaging the outbreak numbers.",
        "The farm ministry rejected accusations of inflated harvest figures.",
    ],
)
def test_denying_an_act_of_tampering_still_defends(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


# --- rule 3: a modal of doubt or a progressive "made up" is invention unless the thing is owed --


@pytest.mark.parametrize(
    "sentence",
    [
        "The casualty figures are being made up as they go along, an opposition MP said of the "
        "300 reported dead.",
        "The union's figure of 1,300 striking lecturers could be made up, the minister suggested.",
        "Critics say the ferry's passenger list of 212 may be made up.",
        "The wedding guests' accounts of 87 cases might be made up, the caterer's lawyer said.",
    ],
)
def test_a_count_that_could_be_made_up_is_doubted(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "The lost hours are being made up on Saturdays, the union said of the 1,300 strikers.",
        "The 2,000-tonne shortfall could be made up by imports, officials said.",
        "Classes missed during the strike may still be made up, the dean said of 40 courses.",
        "The lost teaching days will be made up in July, the university said.",
    ],
)
def test_an_owed_thing_made_up_is_restored(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


# --- rule 1: an undated who-clause whose main clause brings no figure is the news ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials at the port, who denied that 14 terminals had been shut, said operations were "
        "normal.",
        "The caterer, who denies that 87 wedding guests were poisoned, is due in court.",
        "The bank, whose chief executive denied that 3.2 billion euros had been withdrawn, said "
        "its deposits were stable.",
        "Union leaders, who called the university's figure of 300 strikers false, demanded talks.",
    ],
)
def test_an_undated_who_clause_denial_without_news_after_it_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry line's chief, who on Sunday denied that the vessel was overloaded, said the "
        "company would pay compensation.",
        "The bride's father, who denied reports that the caterer was unlicensed, said 87 guests "
        "had fallen ill.",
        "The mine's owner, whose lawyers deny any negligence, confirmed that 40 miners remain "
        "trapped.",
        "The governor, who had dismissed talk of a bank run, told MPs the bank was sound.",
    ],
)
def test_a_dated_or_newsy_who_clause_denial_is_background(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


# --- rule 4: a verb of seeming or habit before "to" keeps the doubt; "overstate nothing" none ----


@pytest.mark.parametrize(
    "sentence",
    [
        "Critics say the ministry tends to overstate the harvest, putting it at 2 million tonnes.",
        "The official figures of 40 trapped miners appear to understate the disaster, rescuers "
        "said.",
        "Doctors say the health board continues to underreport cases among the 300 guests.",
        "The union's count of 1,300 strikers seems to exaggerate the walkout, the dean said.",
    ],
)
def test_a_doubt_verb_after_seeming_or_habit_is_doubt(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.DISPUTES


@pytest.mark.parametrize(
    "sentence",
    [
        "Teachers overstate nothing when they say 400 schools are short of staff, the union said.",
        "It would be wrong to overstate the damage, the harbour master said of the 14 terminals.",
        "Officials were urged not to exaggerate the toll of 300.",
    ],
)
def test_a_doubt_verb_of_advice_or_of_nothing_is_no_doubt(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.DISPUTES
