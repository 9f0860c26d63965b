"""Second read of round 17c's denial rules (rev17c): sentences of kinds the round's examples
did not have, on which a rule misfired. Each case failed at the merged round (1961b79) and
passes after its mend."""

from __future__ import annotations

import pytest

from bot.core.model import Stance
from bot.core.stance import cue_stance, repeats_denial
from tests.core.test_round17c import _findings as findings_of_story

CLAIMS = {
    "ferry": (("ferry", "Ostra"), "The Ostra ferry sinking killed 120 passengers", "coastguard"),
    "university": (
        ("strike", "university", "lecturers"),
        "About 14,000 lecturers are on strike at Velden universities",
        "the lecturers' union",
    ),
    "asylum": (
        ("asylum", "applications"),
        "1,200 asylum applications were rejected last year",
        "the interior ministry",
    ),
}


def _findings(kind: str, text: str) -> set[str]:
    """The kinds of finding of one story carrying `text` (round 17c's helper, these claims)."""
    return {found.split(":")[0] for found in findings_of_story(kind, text, CLAIMS)}


# --- cf46750: "again"/"already" of the denial, apart from its verb; of the report's words ----

REPEATED_APART = [
    "The ministry again flatly denied that 300 soldiers had deserted.",
    "The army once more strongly rejected reports that 300 soldiers had deserted.",
    "The coastguard again on Monday denied that 120 passengers had died.",
    "The ministry said again that reports of 300 deserters were false.",
    "The ministry has repeatedly and firmly denied that 2.1 million retirees would lose payments.",
    "The union has already publicly dismissed the figure of 14,000 lecturers.",
]
AGAIN_IN_THE_REPORTS_WORDS = [
    "The ministry said claims that inspectors had again found 300 faults were false.",
    "The port authority said reports that the union had again called 4,000 dockers out were "
    "untrue.",
    "The army said claims that the rebels had again declared 300 soldiers missing were false.",
    "The ministry said reports that the union had already told 4,000 dockers to stay home were "
    "untrue.",
]


@pytest.mark.parametrize("sentence", REPEATED_APART)
def test_a_repeat_adverb_apart_from_its_verb_makes_a_repeat(sentence: str) -> None:
    cue = cue_stance(sentence)[1]
    assert cue and repeats_denial(sentence, cue)


@pytest.mark.parametrize("sentence", AGAIN_IN_THE_REPORTS_WORDS)
def test_a_repeat_adverb_in_the_reports_own_words_makes_none(sentence: str) -> None:
    cue = cue_stance(sentence)[1]
    assert cue and not repeats_denial(sentence, cue)


def test_a_first_denial_with_again_in_the_report_contradicts() -> None:
    text = (
        "The ferry operator said claims that divers had again found 120 bodies after the Ostra "
        "ferry sinking were false."
    )
    assert "contradiction" in _findings("ferry", text)


def test_a_repeated_denial_with_an_adverb_between_gives_no_contradiction() -> None:
    text = (
        "The ferry operator again flatly denied that 120 passengers had died in the Ostra sinking."
    )
    assert "contradiction" not in _findings("ferry", text)


# --- 6345524: "wrong to" a verb of saying or believing is a statement judged -----------------

WRONG_TO_SAY = [
    "The minister said the union was wrong to allege that 14,000 lecturers were on strike.",
    "The coastguard said the paper was wrong to have reported that 120 had died.",
    "The ministry said the union was wrong to insist that 4,000 dockers had walked out.",
    "The health ministry said the opposition was wrong to assume 300 children had been infected.",
    "The governor said campaigners were wrong to warn that 8,000 people would be evacuated.",
    "The governor said the broadcaster was wrong to have claimed 8,000 people were evacuated.",
    "The ministry said the union was wrong to conclude that 2.1 million retirees would lose out.",
    "The bank said analysts were wrong to predict that 40 million euros would be withdrawn.",
    "The ministry said the newspaper was wrong to write that 300 children had been infected.",
]


@pytest.mark.parametrize("sentence", WRONG_TO_SAY)
def test_wrong_to_say_or_believe_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


def test_wrong_to_allege_is_no_corroboration() -> None:
    text = "The university said the union was wrong to allege that 14,000 lecturers were on strike."
    found = _findings("university", text)
    assert "contradiction" in found and "corroboration" not in found


# --- 6345524: a report noun's "that" may be a relative pronoun; "dismissed", "rejected" are
# also what was done to the things counted ----------------------------------------------------

COUNTED_AFTER_A_RELATIVE_THAT = [
    "The report that inspectors had compiled found 40 applications were rejected.",
    "Reports that the plant had closed and 400 workers were dismissed spread on social media.",
    "Figures that the home office has published show 3,000 appeals were dismissed.",
    "The estimate that the agency had produced said 12,000 claims were rejected.",
    "Accounts that the union has gathered say 300 lecturers were dismissed after the strike.",
    "The report that was published on Friday says 40 officers were dismissed.",
]


@pytest.mark.parametrize("sentence", COUNTED_AFTER_A_RELATIVE_THAT)
def test_a_passive_of_the_counted_after_a_relative_that_refutes_nothing(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


def test_a_count_that_agrees_after_a_relative_that_is_no_contradiction() -> None:
    text = (
        "Figures that the interior ministry has published show 1,200 asylum applications were "
        "rejected last year."
    )
    found = _findings("asylum", text)
    assert "contradiction" not in found and "corroboration" in found


# --- 5deb9a0: "false"/"fake" before a compound whose head is something said, or before no noun -

FALSE_OF_SOMETHING_SAID = [
    "The ministry said the figure of 300 dead was based on false casualty figures.",
    "The council said reports of 4,000 homes flooded were false media reports.",
    "Police said the 300 arrests figure came from fake social media posts.",
    "The Kremlin said reports of 300 dead were false Western propaganda.",
    "The ministry said a fake screenshot claiming 2 million retirees would lose payments was "
    "circulating.",
    "The coastguard said the figure of 120 dead was false too.",
    "The coastguard called the reports of 120 bodies false Tuesday.",
    "The hospital said a fake tweet put the number of dead at 300.",
    "The ministry said the 300 figure came from a fake press release.",
]


@pytest.mark.parametrize("sentence", FALSE_OF_SOMETHING_SAID)
def test_false_of_something_said_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


def test_false_casualty_figures_is_no_corroboration() -> None:
    text = (
        "The ferry operator said the toll of 120 dead in the Ostra sinking was based on false "
        "casualty figures."
    )
    found = _findings("ferry", text)
    assert "contradiction" in found and "corroboration" not in found


# --- 6345524: "made up" of a share or a compensation is no invention ----------------------------

MADE_UP_A_SHARE = [
    "Women made up the majority of the 4,000 striking dockers.",
    "Students made up two-thirds of the 8,000 people evacuated.",
    "Overtime made up for the 300 shifts lost to the strike.",
    "Foreign nationals made up a fifth of the 120 passengers.",
    "Contract staff made up the bulk of the 14,000 lecturers on strike.",
    "Volunteers made up the rest of the 120-strong rescue team.",
    "The ferry made up lost time and docked with 300 passengers aboard.",
    "Nurses made up most of the 2,000 marchers.",
    "Older voters made up a large share of the 2 million who signed.",
    "Agency staff made up one in five of the 14,000 lecturers.",
]


@pytest.mark.parametrize("sentence", MADE_UP_A_SHARE)
def test_made_up_a_share_refutes_nothing(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


# --- cf46750: the adverb of another statement, in a relative or before a subordinate clause --

AGAIN_OF_ANOTHER_STATEMENT = [
    "Fire chiefs, who have repeatedly said the wildfire was under control, denied that 8,000 "
    "people were evacuated.",
    "The governor, who has already said the wildfire was under control, on Monday denied that "
    "8,000 people were evacuated.",
    "The ministry had already told reporters the toll was 40 when it denied that 300 had died.",
    "The army, which has repeatedly called the rebels terrorists, dismissed reports that 300 "
    "soldiers had deserted.",
]


@pytest.mark.parametrize("sentence", AGAIN_OF_ANOTHER_STATEMENT)
def test_a_repeat_adverb_of_another_statement_makes_no_repeat(sentence: str) -> None:
    cue = cue_stance(sentence)[1]
    assert cue and not repeats_denial(sentence, cue)


def test_a_first_denial_after_a_relative_with_repeatedly_contradicts() -> None:
    text = (
        "The ferry operator, which has repeatedly said the Ostra ferry was seaworthy, denied "
        "that 120 passengers had died in the sinking."
    )
    assert "contradiction" in _findings("ferry", text)


# --- 6345524: a second "that" opens the clause the number is in ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Reports that the agency had compiled found that 40 of the 300 passports were fake.",
        "Figures that the ministry has kept show that 120 of the 2,000 ballots were false.",
    ],
)
def test_a_number_in_a_later_that_clause_is_no_reports(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


# --- 6345524: an unspaced dash is no compound ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Reports of 300 dead are false-the ministry said on Monday.",
        "The army flatly denied-for the third time-that 300 soldiers had deserted.",
        "The coastguard said the figure of 120 dead was untrue-and hurtful to families.",
    ],
)
def test_a_cue_before_an_unspaced_dash_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES
