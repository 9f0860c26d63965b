"""Learned claims: their ids, and a claim text that reads back as the same quantity."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures
from bot.core.learning import claim_id_for, claim_text_for, same_quantity


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
