"""Round 17a's second read (rev17a): sentences written for the review, of kinds the round's
rules were not written from, where a rule misfired; each case failed at the merged round
(a58a9b7) and passes after its mend."""

from __future__ import annotations

import pytest

from bot.core.figures import extract_figures


def counted(sentence: str) -> list[str | None]:
    return [f.counted for f in extract_figures(sentence)]


# --- "-ees" by its form: the closed set of things in "-ee" was not closed -----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Senate set up 12 subcommittees to review the bill.",
        "Police said three melees broke out outside the stadium.",
        "Fires burned in 40 Pyrenees villages on Sunday.",
        "Crews handed out 500 squeegees to clean the flooded homes.",
        "The camp had 30 teepees for the displaced families.",
        "The shop stocked 200 negligees and 80 toupees before the raid.",
        "The storm uprooted 3,000 pine-trees in the park.",
        "Only 1 in 4 agrees with the plan, the poll found.",
    ],
)
def test_things_and_verbs_in_ees_are_not_people(sentence: str) -> None:
    kinds = counted(sentence)
    assert "people" not in kinds and "prisoners" not in kinds
