"""Round 16c: denials and doubt, and who says them, in prose of kinds the corpus does not have
(a shipping strike, a data breach, a locust swarm, a stadium crush, a pension reform, a measles
outbreak, a ferry fire). Each rule has sentences where it applies and sentences where it must
not."""

from __future__ import annotations

import pytest

from bot.core.attribution import attribution_of
from bot.core.matching import ClaimIndex
from bot.core.model import ClaimSpec, Stance
from bot.core.run import reference_figure
from bot.core.stance import cue_reaches, cue_stance, repeats_denial
from bot.core.targets import counted_of

# --- "deny" as refusing someone a thing: nothing said is judged --------------------------

DEPRIVED = [
    "Striking seafarers said 40 crew members had been denied shore leave for three months.",
    "Some 300 fans were crushed at the gate and denied medical help for an hour, survivors said.",
    "The 2,000 pensioners affected were denied back payments, the ombudsman said.",
    "The port authority denied them access to the 14 stranded ships, the union said.",
    "Farmers hit by the locust swarm were denied compensation for 12,000 hectares, the "
    "co-operative said.",
]
STILL_DENIED = [
    "The shipping line denied that 40 crew members had been kept aboard for three months.",
    "Reports that 300 fans were crushed at the gate were denied by the stadium's owners.",
    "The claims of 2,000 pensioners losing back payments were denied on Monday.",
    "The data broker denied reports that 2 million records had been stolen.",
    "The ministry flatly denied it, saying the swarm covered fewer than 12,000 hectares.",
    "The club, which was criticised over the crush of 300 fans, denied wrongdoing.",
    "The captain was accused of leaving 40 crew aboard and denied any wrongdoing.",
]


@pytest.mark.parametrize("sentence", DEPRIVED)
def test_deny_as_withholding_a_thing_is_no_denial(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


@pytest.mark.parametrize("sentence", STILL_DENIED)
def test_a_statement_denied_actively_or_passively_is_still_a_denial(sentence: str) -> None:
    assert cue_stance(sentence) == (Stance.REFUTES, "denied")


# --- "disputes" and "disputed" as a noun or an adjective: no doubt ---------------------------

DISPUTE_NOUNS = [
    "The minister said a new tribunal would settle future disputes at the container terminals.",
    "The league has two disputes over ticket allocations with the 4,000-seat club.",
    "Parliament passed a disputed pension law that raises the age to 67 for 1.2 million people.",
    "Some 30 disputes involving the insurer remain open after the breach.",
    "The pay disputes and the strike of 3,000 dockers have cost €40m, the chamber said.",
]
DISPUTE_VERBS = [
    "The union disputes the figure of 3,000 dockers who returned to work.",
    "The insurer disputed the regulator's count of 2 million records.",
    "The farmers' federation disputes that only 12,000 hectares were hit.",
    "The pensioners' association disputed the 1.2 million figure.",
    "Fans' groups disputed the police count of 300 injured.",
]


@pytest.mark.parametrize("sentence", DISPUTE_NOUNS)
def test_disputes_as_a_noun_or_adjective_is_no_doubt(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.NEUTRAL


@pytest.mark.parametrize("sentence", DISPUTE_VERBS)
def test_disputes_as_a_verb_is_doubt(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.DISPUTES


# --- a cue word naming what is counted, an adverb inside the tense ---------------------------

DISMISSED_COUNTED = [
    "Some 610 officers have now been dismissed from the coastguard since the ferry fire.",
    "About 40 stewards had already been dismissed by the club before the crush inquiry opened.",
    "More than 200 staff have since been dismissed over the data breach, the bank said.",
    "Nearly 90 inspectors had also been dismissed after the locust swarm, officials said.",
    "12 managers have now been rejected as candidates for the pension board.",
]
DISMISSED_REPORTS = [
    "Reports that 610 officers had been sacked were dismissed by the coastguard.",
    "The club dismissed claims that 40 stewards had left their posts.",
    "The bank rejected reports that 200 staff had leaked data.",
    "The ministry dismissed as false a report that 90 inspectors had quit.",
    "Claims that 12 managers had resigned have now been dismissed by the fund.",
]


@pytest.mark.parametrize("sentence", DISMISSED_COUNTED)
def test_a_passive_cue_word_of_the_things_counted_is_no_denial(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


@pytest.mark.parametrize("sentence", DISMISSED_REPORTS)
def test_a_report_dismissed_is_a_denial(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


# --- "and again rejected": a second clause, its own verb -------------------------------------

TWO_CLAUSES = [
    "The insurer defended its count of about 2 million customers and again rejected claims "
    "that the breach had been hidden.",
    "The club stood by its figure of 41 injured and also dismissed reports that stewards had fled.",
    "The ministry confirmed 12,000 hectares were lost and later denied that pesticide had "
    "poisoned wells.",
    "The port published a count of 3,100 strikers and separately rejected claims that ships "
    "had been diverted.",
    "The fund kept its estimate of 1.2 million pensioners and once more denied that payments "
    "had been frozen.",
]


@pytest.mark.parametrize("sentence", TWO_CLAUSES)
def test_a_denial_in_a_second_clause_does_not_reach_the_first_clauses_figure(
    sentence: str,
) -> None:
    stance, cue = cue_stance(sentence)
    assert stance is Stance.REFUTES
    figure_at = next(i for i, ch in enumerate(sentence) if ch.isdigit())
    assert not cue_reaches(sentence, cue, figure_at)


ONE_CLAUSE = [
    "The insurer again rejected claims that 2 million customers had been affected.",
    "The club dismissed reports that 41 fans were injured and that stewards had fled.",
    "The ministry denied that 12,000 hectares were lost to the swarm.",
    "The port rejected claims that 3,100 dockers had struck and ships had been diverted.",
    "The fund denied that 1.2 million pensioners would lose payments.",
]


@pytest.mark.parametrize("sentence", ONE_CLAUSE)
def test_a_denial_reaches_the_figure_of_its_own_clause(sentence: str) -> None:
    stance, cue = cue_stance(sentence)
    assert stance is Stance.REFUTES
    figure_at = next(i for i, ch in enumerate(sentence) if ch.isdigit())
    assert cue_reaches(sentence, cue, figure_at)


def test_a_denial_repeated_after_and_again_is_still_a_repeat() -> None:
    sentence = (
        "Lena Vos, head of the Marlow Port Authority, on Friday defended its count of 3,100 "
        "strikers and again rejected claims that ships had been diverted."
    )
    assert repeats_denial(sentence, cue_stance(sentence)[1])


# --- a verdict of falsity, quoted, on a report: the speaker's denial -------------------------

VERDICTS = [
    'The club said the video of 300 fans crushed at Gate 4 was "staged".',
    'The bank repeated that the report of 2 million stolen records was "pure fiction".',
    'The ministry called the figure of 90,000 hectares "absurd".',
    'Officials said claims of 40 measles deaths were "simply wrong".',
    'The shipping line called the union\'s count "ridiculous", saying 1,100 had worked.',
]
NOT_VERDICTS = [
    "A protest was staged outside the stadium by 3,000 fans.",
    "The dockers staged a walkout of 2,000 workers on Monday.",
    "The ministry said the video of 300 fans was not staged.",
    'Pensioners said prices of 300 euros a month were "absurd".',
    "The figures were absurdly high, the farmers' federation said.",
]


@pytest.mark.parametrize("sentence", VERDICTS)
def test_a_quoted_verdict_of_falsity_on_a_report_refutes(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.REFUTES


@pytest.mark.parametrize("sentence", NOT_VERDICTS)
def test_a_verdict_word_judging_no_report_or_negated_refutes_nothing(sentence: str) -> None:
    assert cue_stance(sentence)[0] is not Stance.REFUTES


def test_a_repeated_quoted_verdict_is_a_repeat() -> None:
    sentence = 'The club repeated that the video of 300 fans crushed at Gate 4 was "staged".'
    assert repeats_denial(sentence, cue_stance(sentence)[1])


TRAPS = [
    "The shipping line did not deny that 40 crew members had been kept aboard.",
    "The bank could not rule out that 2 million records had been copied.",
    "The club declined to comment on reports that 300 fans were crushed.",
    "The ministry did not confirm or deny that 90,000 hectares were lost.",
    "The fund would neither confirm nor deny reports of 1.2 million frozen payments.",
]


@pytest.mark.parametrize("sentence", TRAPS)
def test_non_committal_words_are_never_denials(sentence: str) -> None:
    assert cue_stance(sentence)[0] is Stance.NEUTRAL


# --- who says it: a name and its role, then a time or an adverb, then the verb ---------------

SPEAKERS = [
    (
        "Lena Vos, head of the Marlow Port Authority, on Friday denied that 3,100 dockers had "
        "struck.",
        "head of the Marlow Port Authority",
    ),
    (
        "Tom Reyes, a spokesman for the club, late on Sunday again rejected claims that 300 fans "
        "were hurt.",
        "Tom Reyes",
    ),
    (
        "Ines Kaur, director of the Bellmark Data Agency, on Monday said 2 million records were "
        "copied.",
        "director of the Bellmark Data Agency",
    ),
    (
        "Ana Ruiz, head of the Sarn Locust Office, defended the count of 12,000 hectares and "
        "again denied that pesticide had poisoned wells.",
        "head of the Sarn Locust Office",
    ),
    (
        "Holt, speaking at the fund's annual meeting in Varrow, said 1.2 million pensioners would "
        "gain.",
        "Holt",
    ),
]


@pytest.mark.parametrize(("sentence", "who"), SPEAKERS)
def test_the_speaker_is_found_past_a_time_an_adverb_or_a_participle_phrase(
    sentence: str, who: str
) -> None:
    assert attribution_of(sentence).source == who


NOBODY = [
    "On Friday, in Marlow, 3,100 dockers struck.",
    "Some 300 fans, many of them children, were hurt at Gate 4 on Sunday.",
    "In Bellmark, the capital, on Monday 2 million records were found online.",
    "The swarm, the largest in decades, on Monday covered 12,000 hectares.",
    "Pensioners, angry at the reform, on Friday marched through Varrow in their thousands.",
]


@pytest.mark.parametrize("sentence", NOBODY)
def test_no_speaker_is_made_up_from_an_apposition_without_a_speech_verb(sentence: str) -> None:
    assert attribution_of(sentence).source is None


# --- which claim a numberless doubt names: a count named by a compound noun -----------------


def _index(*texts: str) -> ClaimIndex:
    index = ClaimIndex()
    for i, text in enumerate(texts):
        spec = ClaimSpec(f"t/c{i}", "t", text)
        index.add(spec, reference_figure(text))
    return index


STRIKE_CLAIMS = (
    "3,100 dockworkers joined the strike at the Port of Marlow",
    "The strike at the Port of Marlow is costing €4m a day",
    "About 40 ships are waiting outside the Port of Marlow",
)


@pytest.mark.parametrize(
    ("scope", "claim"),
    [
        ("said the port authority's strike count was far too low", "t/c0"),
        ("called the official strike figure an underestimate", "t/c0"),
        ("said the council's latest ships tally was exaggerated", "t/c2"),
        ("said its own strike estimate would be published on Monday", "t/c0"),
        ("said the union's strike total was inflated", "t/c0"),
    ],
)
def test_a_count_named_by_what_it_counts_is_that_claim(scope: str, claim: str) -> None:
    hit = counted_of(_index(*STRIKE_CLAIMS), "t", scope)
    assert hit is not None and hit[0].spec.id == claim


@pytest.mark.parametrize(
    "scope",
    [
        "said the official count was far too low",  # names nothing counted
        "said the port authority's cost estimate was far too low",  # the cost is no count
        "said the union's turnout figure was inflated",  # no claim says "turnout"
        "said the figure was exaggerated",  # no compound at all
        "said its own latest figure was wrong",  # adjectives only
    ],
)
def test_a_count_naming_no_counted_claim_names_none(scope: str) -> None:
    assert counted_of(_index(*STRIKE_CLAIMS), "t", scope) is None


# --- a document cited is evidence, not a source ---------------------------------------------

CITED_DOCUMENTS = [
    (
        "Some 3,100 dockworkers struck, the Ministry of Transport said, citing payroll returns "
        "from the stevedoring companies.",
        "Ministry of Transport",
    ),
    (
        "About 300 fans were hurt, the Hallam Police said, citing duty rosters.",
        "Hallam Police",
    ),
    (
        "Some 40 nurses left, the Brenn Health Board said, citing payroll records.",
        "Brenn Health Board",
    ),
    (
        "About 2 million pensioners will gain, the Treasury said, citing tax returns.",
        "Treasury",
    ),
    (
        "Some 12,000 hectares were lost, the Sarn Farm Agency said, citing timesheets of its "
        "spraying teams.",
        "Sarn Farm Agency",
    ),
]
CITED_SOURCES = [
    ("About 300 fans were hurt, the Daily Post reported, citing police sources.", "police sources"),
    ("Some 40 ships were idle, the Marlow Courier said, citing port officials.", "port officials"),
    ("About 3,100 dockers struck, Harbour Wire reported, citing the union.", "union"),
    (
        "Some 2 million records were copied, Byte Ledger reported, citing Bellmark investigators.",
        "Bellmark investigators",
    ),
    (
        "About 12,000 hectares were lost, Farm Wire said, citing the Sarn Farm Agency.",
        "Sarn Farm Agency",
    ),
]


@pytest.mark.parametrize(("sentence", "who"), CITED_DOCUMENTS)
def test_a_document_cited_leaves_the_speaker_the_source(sentence: str, who: str) -> None:
    assert attribution_of(sentence).source == who


@pytest.mark.parametrize(("sentence", "who"), CITED_SOURCES)
def test_a_speaker_cited_is_the_source(sentence: str, who: str) -> None:
    assert attribution_of(sentence).source == who
