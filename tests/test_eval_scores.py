"""The engine measured on the labelled corpus (tests/eval/), with the issue's thresholds.

The bar is precision >= 0.95 and F1 >= 0.90 for new_figure, dispute and contradiction, and
figure extraction F1 >= 0.95 (all fields right). The tune split meets it; the held-out files
(protest-size, fire-area, outage-accounts: 37 of 135 stories, kept out of tuning) do not yet, so
the whole corpus is held to floors that may only go up, re-measured only when the corpus grows.
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


# (precision, F1) on the whole corpus; raise, never lower. Re-measured 2026-11-23 when the
# corpus grew from 87 to 135 stories (three tune files and one holdout file added).
FLOORS = {
    "new_figure": (0.92, 0.90),
    "dispute": (0.88, 0.88),
    "contradiction": (1.00, 0.96),
    "new_claim": (0.88, 0.90),
    "corroboration": (0.92, 0.92),
}


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_the_whole_corpus_does_not_fall_below_its_floor(whole: Report, kind: str) -> None:
    precision, f1 = FLOORS[kind]
    score = whole.findings[kind]
    assert score.precision >= precision, whole.false_alerts
    assert score.f1 >= f1, whole.misses
    assert whole.figures["all"].f1 >= 0.95, whole.figure_errors
