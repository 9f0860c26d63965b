"""The engine measured on the labelled corpus (tests/eval/), with the issue's thresholds.

The bar is precision >= 0.95 and F1 >= 0.90 for new_figure, dispute and contradiction, and
figure extraction F1 >= 0.95 (all fields right), on the tune split. The held-out files (seven
developing stories, 119 of 448 stories, kept out of tuning) are far below it; they and the whole
corpus are held to floors that may only go up, re-measured only when the corpus changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import Report, evaluate, load_corpus

CORPUS = load_corpus(Path(__file__).parent / "eval" / "stories")
BAR_KINDS = ("new_figure", "dispute", "contradiction")


@pytest.fixture(scope="module")
def tune() -> Report:
    return evaluate(CORPUS, split="tune")


@pytest.fixture(scope="module")
def holdout() -> Report:
    return evaluate(CORPUS, split="holdout")


@pytest.fixture(scope="module")
def whole() -> Report:
    return evaluate(CORPUS)


@pytest.mark.parametrize("kind", BAR_KINDS)
def test_the_tune_split_meets_the_bar(tune: Report, kind: str) -> None:
    score = tune.findings[kind]
    assert score.tp > 0
    assert score.precision >= 0.95, tune.false_alerts
    assert score.f1 >= 0.90, tune.misses


def test_figure_extraction_on_the_tune_split(tune: Report) -> None:
    assert tune.figures["all"].f1 >= 0.95, tune.figure_errors


# (precision, F1, figures-all F1); raise, never lower, except when the corpus itself changes
# (say so here). Re-measured 2026-11-24 when the corpus grew to 448 stories: the round-c files
# joined the tune split after rounds 5 and 6 tuned on them, and seven fresh files written blind
# (mine-collapse, train-derailment, volcano-eruption, bank-collapse, bird-flu-cull,
# ceasefire-exchange, stadium-crush: 119 stories) are the holdout, run once.
WHOLE = {
    "new_figure": (0.95, 0.91),
    "dispute": (0.71, 0.78),
    "contradiction": (0.95, 0.85),
    "new_claim": (0.78, 0.82),
    "corroboration": (0.95, 0.92),
}
WHOLE_FIGURES = 0.91
HOLDOUT = {
    "new_figure": (0.80, 0.71),
    "dispute": (0.21, 0.28),
    "contradiction": (0.75, 0.57),
    "new_claim": (0.50, 0.57),
    "corroboration": (0.92, 0.79),
}
HOLDOUT_FIGURES = 0.78


FLOORS = {"whole": (WHOLE, WHOLE_FIGURES), "holdout": (HOLDOUT, HOLDOUT_FIGURES)}


@pytest.mark.parametrize(("part", "kind"), [(p, k) for p in FLOORS for k in sorted(WHOLE)])
def test_no_score_falls_below_its_floor(
    part: str, kind: str, whole: Report, holdout: Report
) -> None:
    report = whole if part == "whole" else holdout
    kinds, figures = FLOORS[part]
    precision, f1 = kinds[kind]
    score = report.findings[kind]
    assert score.precision >= precision, report.false_alerts
    assert score.f1 >= f1, report.misses
    assert report.figures["all"].f1 >= figures, report.figure_errors
