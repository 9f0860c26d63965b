"""The engine measured on the labelled corpus (tests/eval/), with the issue's thresholds.

The bar is precision >= 0.95 and F1 >= 0.90 for new_figure, dispute and contradiction, and
figure extraction F1 >= 0.95 (all fields right), on the tune split. The held-out files (five
developing stories, 84 of 329 stories, kept out of tuning) are far below it; they and the whole
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


# (precision, F1, figures-all F1); raise, never lower. Re-measured 2026-11-24 when the corpus
# grew from 135 to 329 stories (the old holdout and two fresh holdout rounds joined the tune
# split; five new files are the holdout), and again after the structural round (acc5), with
# all 329 stories in the tune split: corroboration precision went 0.959 -> 0.949 (F1 0.933 ->
# 0.955) as figures that matched no claim now reach theirs, some restated by their own source.
# Raised after round 6 (acc6): new_claim 0.926/0.929, corroboration 0.962/0.974, new_figure F1
# 0.979.
WHOLE = {
    "new_figure": (1.00, 0.97),
    "dispute": (1.00, 1.00),
    "contradiction": (1.00, 0.94),
    "new_claim": (0.92, 0.92),
    "corroboration": (0.96, 0.97),
}
WHOLE_FIGURES = 0.96
HOLDOUT = {
    "new_figure": (0.92, 0.68),
    "dispute": (0.35, 0.50),
    "contradiction": (0.25, 0.15),
    "new_claim": (0.65, 0.60),
    "corroboration": (0.80, 0.72),
}
HOLDOUT_FIGURES = 0.81


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
