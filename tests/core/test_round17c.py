"""Round 17c: denials (contradictions) and who says them, in prose of kinds the corpus does not
have (a ferry sinking, a university strike, a pension reform, a wildfire evacuation, a crop
failure, a bank run). Each rule has sentences where it applies and sentences where it must
not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.engine import Engine
from bot.core.model import ClaimSpec, Stance, Story, Topic
from bot.core.stance import cue_stance, repeats_denial

# One configured claim a topic: (keywords, claim text, its source).
CLAIMS = {
    "ferry": (("ferry", "Ostra"), "The Ostra ferry sinking killed 120 passengers", "coastguard"),
    "university": (
        ("strike", "university", "lecturers"),
        "About 14,000 lecturers are on strike at Velden universities",
        "the lecturers' union",
    ),
    "pension": (
        ("pension", "reform"),
        "The pension reform will cut payments to 2.1 million retirees",
        "the finance ministry",
    ),
    "wildfire": (
        ("wildfire", "evacuated", "fire"),
        "About 8,000 people were evacuated from the Harlen wildfire",
        "the fire service",
    ),
    "crop": (
        ("harvest", "crop", "wheat"),
        "The wheat harvest failed on 600,000 hectares",
        "the agriculture ministry",
    ),
}


def _findings(
    kind: str, text: str, claims: dict[str, tuple[tuple[str, ...], str, str]] = CLAIMS
) -> set[str]:
    """The findings (kind:claim) of one story carrying `text`, about a topic with one
    configured claim (`claims[kind]`: its keywords, text and source)."""
    keywords, claim_text, source = claims[kind]
    topic = Topic(
        id=kind,
        name=kind,
        keywords=keywords,
        claims=(
            ClaimSpec(
                id=f"{kind}-claim", topic=kind, text=claim_text, source=source, date="2026-04-01"
            ),
        ),
    )
    story = Story(
        feed="Harbour Post",
        outlet="Harbour Post",
        url=f"https://harbour-post.example/{kind}",
        published=datetime(2026, 4, 2, 9, tzinfo=UTC),
        title=f"{kind} latest",
        text=text,
        key=f"{kind}-1",
    )
    return {f"{f.kind}:{f.claim_id}" for f in Engine([topic]).process(story).findings}


# --- a denial said to be repeated is old news, with its figure as without one -------------
# README rule 2: the same source repeating its denial gives nothing the second time. A story
# that tells its reader the denial is repeated ("again denied", "repeated that ... was false")
# says the denial is not news; the figure it quotes is what was denied before, not a new
# denial. The numberless path already read it so; the figure path now does too.

REPEATED_WITH_FIGURE = [
    (
        "ferry",
        "The ferry operator repeated on Monday that reports of 120 passengers killed in "
        "the Ostra sinking were false.",
    ),
    (
        "university",
        "The university council again denied that 14,000 lecturers had walked out in the strike.",
    ),
    (
        "pension",
        "The finance ministry repeated on Tuesday that reports of 2.1 million retirees "
        "losing payments under the pension reform were false.",
    ),
    (
        "wildfire",
        "The regional governor once more dismissed reports that 8,000 people had been "
        "evacuated from the wildfire.",
    ),
    (
        "crop",
        "The agriculture ministry repeatedly rejected claims that the wheat harvest had "
        "failed on 600,000 hectares.",
    ),
    (
        "ferry",
        "The shipping line, asked about the Ostra sinking, denied again that 120 "
        "passengers had been killed.",
    ),
]
FIRST_DENIAL_WITH_FIGURE = [
    # "already", "once more" of the thing denied, not of the denial
    (
        "ferry",
        "The ferry operator said a report that 120 passengers had already died in the "
        "Ostra sinking was false.",
    ),
    (
        "pension",
        "The finance ministry denied that the pension reform had already cut payments "
        "to 2.1 million retirees.",
    ),
    (
        "wildfire",
        "The regional governor denied that 8,000 people had once more been evacuated "
        "from the wildfire.",
    ),
    (
        "ferry",
        "The ferry operator on Monday denied that 120 passengers were killed in the Ostra sinking.",
    ),
    (
        "university",
        "The university council said reports that 14,000 lecturers had walked out "
        "in the strike were false.",
    ),
]


@pytest.mark.parametrize(("kind", "text"), REPEATED_WITH_FIGURE)
def test_a_repeated_denial_quoting_its_figure_is_no_new_contradiction(kind: str, text: str) -> None:
    assert f"contradiction:{kind}-claim" not in _findings(kind, text)


@pytest.mark.parametrize(("kind", "text"), FIRST_DENIAL_WITH_FIGURE)
def test_a_first_denial_quoting_its_figure_contradicts(kind: str, text: str) -> None:
    assert f"contradiction:{kind}-claim" in _findings(kind, text)


# "Again", "already" say a denial is repeated only with the verb that says or judges, not
# with a verb of the thing denied.
AGAIN_OF_THE_THING_DENIED = [
    "The coastguard said a report that 120 bodies had already been recovered was untrue.",
    "The union said reports that 14,000 lecturers were once more on strike were false.",
    "The ministry said claims that 2.1 million retirees had already lost payments were false.",
    "Firefighters said claims that 8,000 residents had again been moved were untrue.",
    "The co-operative said reports that farmers had repeatedly lost 40% of their wheat were false.",
]
AGAIN_OF_THE_DENIAL = [
    "The coastguard again said the report of 120 bodies was untrue.",
    "The union has already called the figure of 14,000 lecturers false.",
    "The ministry once more denied that 2.1 million retirees would lose payments.",
    "Firefighters repeatedly dismissed reports that 8,000 residents had been moved.",
    "The co-operative denied again that farmers had lost 40% of their wheat.",
    # rev17c: a subordinate clause closed by a comma leaves the repeat its verb's
    "The ministry again said, as it did last week, that reports of 300 deserters were false.",
    "The coastguard has repeatedly said, since it first spoke on Friday, that reports of 120 "
    "dead were untrue.",
]


@pytest.mark.parametrize("sentence", AGAIN_OF_THE_THING_DENIED)
def test_again_of_the_thing_denied_makes_no_repeat(sentence: str) -> None:
    cue = cue_stance(sentence)[1]
    assert cue and not repeats_denial(sentence, cue)


@pytest.mark.parametrize("sentence", AGAIN_OF_THE_DENIAL)
def test_again_of_the_denial_makes_a_repeat(sentence: str) -> None:
    cue = cue_stance(sentence)[1]
    assert cue and repeats_denial(sentence, cue)


# --- a cue word that is part of another word or phrase -------------------------------------
# A cue joined to another word by a hyphen is part of a compound, which means something else
# ("wrong-footed", "a false-flag post"); a dash set off by spaces is punctuation.

HYPHEN_COMPOUNDS = [
    "Pickets were wrong-footed when 400 dockers returned to the quay.",
    "The bank run was fuelled by a false-flag post shared 2 million times.",
    "Police were wrong-footed when 8,000 evacuees returned early to Harlen.",
    "A denied-boarding payout went to 120 passengers of the ferry.",
    "Regulators fined the bank over a fake-account scheme that touched 40,000 customers.",
]
DASHED_CUES = [
    "The ferry operator said the report of 120 dead was false - and hurtful.",
    "The claim of 14,000 strikers was false—the university said.",
    "Reports of 2 million lost payments were untrue, the ministry said.",
    "The governor said the figure of 8,000 evacuated was wrong-headed and false.",
    "The co-operative denied - flatly - that 600,000 hectares were lost.",
]

# "Made up of", "made up 40%": consisted of, accounted for; not invented.
MADE_UP_OF = [
    "The ferry crew, made up of 40 sailors from six countries, was rescued.",
    "The rescue team is made up of 120 volunteers.",
    "The strikers made up 40% of the lecturers.",
    "Retirees made up about a third of the bank's 2 million customers.",
    "The evacuees, made up largely of 8,000 farm workers, were moved.",
]
MADE_UP_INVENTED = [
    "The union said the ministry made up the figure of 300.",
    "The coastguard said the figure of 120 dead was made up.",
    "The minister said the 40% share was made up by the union.",
    "Farmers said the ministry simply made up its count of 600,000 hectares.",
    "The university said reports of 14,000 strikers were made up.",
    # rev17c: a share of something said, and "for" a reason, are still an invention
    "The ministry said the paper made up most of the story of 300 deserters.",
    "The ministry said the union made up part of the report on 14,000 strikers.",
    "The coastguard said the figure of 120 was made up for political reasons.",
    "The ministry said the union made up the whole story of 14,000 strikers.",
]

# "Wrong to" and a verb judges an act; wrong to say, claim or report judges a statement.
WRONG_TO_ACT = [
    "The university said the 14,000 lecturers were wrong to walk out.",
    "The minister said pensioners were wrong to withdraw 2 million euros.",
    "The coastguard said 40 passengers were wrong to leave their cabins.",
    "Farmers said they were wrong to plant wheat on 600,000 hectares.",
    "The governor said 8,000 residents were wrong to ignore the evacuation order.",
]
WRONG_OF_A_STATEMENT = [
    "The minister said the union was wrong to claim that 14,000 lecturers were on strike.",
    "The coastguard said the paper was wrong to report that 120 had died.",
    "The governor said the count of 8,000 evacuated was wrong.",
    "The ministry said the co-operative was wrong about 600,000 hectares.",
    "The bank said the blogger was wrong to say 2 million depositors had fled.",
]


@pytest.mark.parametrize("sentence", HYPHEN_COMPOUNDS + MADE_UP_OF + WRONG_TO_ACT)
def test_a_cue_word_inside_another_word_or_phrase_refutes_nothing(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


@pytest.mark.parametrize("sentence", DASHED_CUES + MADE_UP_INVENTED + WRONG_OF_A_STATEMENT)
def test_a_cue_word_standing_alone_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


# --- the number of a report's own that-clause ----------------------------------------------
# "Claims that the harvest had failed on 600,000 hectares were false": the clause has its own
# verb before the number, so what "were false" judges is the claims, not the hectares. A
# number whose own verb is the passive stays the thing counted ("400 workers were dismissed").

REPORT_CLAUSE_JUDGED = [
    "The agriculture ministry said claims that the wheat harvest had failed on 600,000 "
    "hectares were false.",
    "The regulator said claims that the pension fund had lost 2.1 million members were false.",
    "The coastguard said reports that the ferry had sunk with 120 passengers aboard were untrue.",
    "The university said rumours that the strike had closed 40 departments were baseless.",
    "The bank said rumours that depositors had pulled out 40 million euros were false.",
]
COUNTED_BY_THE_PASSIVE = [
    "The union said that the plant had closed and 400 workers were dismissed.",
    "Reports said the plant had closed and 400 workers were dismissed.",
    "Some 610 officers have now been dismissed from the coastguard.",
    "Reports that the university had hired 300 lecturers who were dismissed last year surfaced "
    "on Monday.",
    "The bank said that after the run 40 staff had been dismissed.",
]


@pytest.mark.parametrize("sentence", REPORT_CLAUSE_JUDGED)
def test_a_report_whose_clause_holds_the_number_is_judged(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


@pytest.mark.parametrize("sentence", COUNTED_BY_THE_PASSIVE)
def test_a_number_whose_own_verb_is_the_passive_cue_is_counted(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


# --- "false" and "fake" of a thing: forged or mistaken, no verdict on what was said ----------

FALSE_THINGS = [
    "A false alarm at the university forced 3,000 students out of the exam halls.",
    "Some 40 passengers on the Ostra ferry were travelling on false passports, the coastguard "
    "said.",
    "Police said 12 of the 300 tankers had been flying false flags.",
    "The bank warned its 2 million customers of fake login pages after the run.",
    "Inspectors said farms hit by the crop failure had bought fake pesticide from 40 traders.",
]
FALSE_VERDICTS = [
    "The ministry called the figure of 2.1 million retirees false and alarming.",
    "The coastguard said the reports of 120 dead were false.",
    "The union called it fake news that 14,000 lecturers had returned to work.",
    "The report of 8,000 evacuees is false, the governor said.",
    "The ministry called the claim of 600,000 hectares false in a statement.",
]


@pytest.mark.parametrize("sentence", FALSE_THINGS)
def test_false_or_fake_of_a_thing_refutes_nothing(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


@pytest.mark.parametrize("sentence", FALSE_VERDICTS)
def test_false_or_fake_of_something_said_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES
