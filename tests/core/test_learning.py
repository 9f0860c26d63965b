"""Learned claims: their ids, and a claim text that reads back as the same quantity."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures
from bot.core.learning import claim_id_for, claim_text_for, in_topic, same_quantity


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Organisers said 1.2 million people joined pension protests nationwide.", "national"),
        ("Eight police officers were injured in the clashes, the city said.", "police"),
        ("More than 300 firefighters are tackling the blaze, officials said.", "firefighters"),
    ],
)
def test_a_learned_claim_s_text_keeps_its_scope(sentence: str, scope: str) -> None:
    figure = extract_figures(sentence)[0]
    assert figure.scope == scope
    text = claim_text_for(figure, sentence)
    assert len(text) < len(sentence)  # a short template, not the sentence itself
    assert any(same_quantity(f, figure) for f in extract_figures(text))


def test_a_scope_makes_another_claim_id() -> None:
    officers = extract_figures("Eight police officers were injured.")[0]
    everyone = extract_figures("Some 40 people were injured.")[0]
    assert claim_id_for("march", officers, set()) == "march/injured-police"
    assert claim_id_for("march", everyone, set()) == "march/injured"
    assert not same_quantity(officers, everyone)


@pytest.mark.parametrize(
    ("sentence", "index"),
    [
        ("Suspected cases climbed to 1,020 and laboratories have confirmed 88.", 1),
        ("Some 430 patients have been admitted to hospital since the outbreak began.", 0),
    ],
)
def test_a_learned_claim_s_text_reads_back_as_its_own_figure(sentence: str, index: int) -> None:
    figure = extract_figures(sentence)[index]
    text = claim_text_for(figure, sentence)
    first = [f for f in extract_figures(text) if f.counted]
    assert first and same_quantity(first[0], figure)  # the figure the engine will take


def test_people_something_befell_are_learned_from_a_sentence_not_naming_the_topic() -> None:
    confirmed = extract_figures("Laboratory tests have confirmed 140 of the cases.")[0]
    runners = extract_figures("More than 6,000 runners finished the race.")[0]
    assert in_topic(confirmed, topical=False, entities=set())
    assert not in_topic(runners, topical=False, entities=set())


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors said 48,700 rejected ballots had been set aside.",
        "Customs seized 3,000 counterfeit watches, the agency said.",
        "Some 40,000 cattle, sheep and goats have died of thirst, the union said.",
        "The harvest is now forecast at 1.8 million tonnes of grain, the ministry said.",
    ],
)
def test_an_open_noun_claim_s_text_reads_back_as_the_same_quantity(sentence: str) -> None:
    figure = extract_figures(sentence)[0]
    text = claim_text_for(figure, sentence)
    assert len(text) < len(sentence)
    assert any(same_quantity(f, figure) for f in extract_figures(text))


def test_a_toll_of_animals_is_learned_from_a_sentence_not_naming_the_topic() -> None:
    died = extract_figures("Some 40,000 cattle have died since November.")[0]
    sold = extract_figures("Some 40,000 cattle were sold at auction.")[0]
    assert in_topic(died, topical=False, entities=set())
    assert not in_topic(sold, topical=False, entities=set())
