"""The engine measured on the labelled corpus (tests/eval/), with the issue's thresholds.

The bar is precision >= 0.95 and F1 >= 0.90 for new_figure, dispute and contradiction, and
figure extraction F1 >= 0.95 (all fields right). On the tune split (37 files) none of them
meets it since the round-d and round-e files joined it, and the bar tests are strict expected
failures: the day one passes, the marker must go. The held-out files (fourteen developing
stories, 434 of 1,033 stories, kept out of tuning) are far below it. The tune split, the holdout and the whole corpus are held to floors that may only go up,
re-measured only when the corpus changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import Report, evaluate, load_corpus

CORPUS = load_corpus(Path(__file__).parent / "eval" / "stories")


@pytest.fixture(scope="module")
def tune() -> Report:
    return evaluate(CORPUS, split="tune")


@pytest.fixture(scope="module")
def holdout() -> Report:
    return evaluate(CORPUS, split="holdout")


@pytest.fixture(scope="module")
def whole() -> Report:
    return evaluate(CORPUS)


def _unmet(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(
        strict=True, reason=f"issue 3's bar not met on the tune split: {reason}"
    )


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param("new_figure", marks=_unmet("precision 0.90, F1 0.82")),
        pytest.param("dispute", marks=_unmet("precision 0.63")),
        pytest.param("contradiction", marks=_unmet("precision 0.88, F1 0.77")),
    ],
)
def test_the_tune_split_meets_the_bar(tune: Report, kind: str) -> None:
    score = tune.findings[kind]
    assert score.tp > 0
    assert score.precision >= 0.95, tune.false_alerts
    assert score.f1 >= 0.90, tune.misses


@_unmet("figures all F1 0.90")
def test_figure_extraction_on_the_tune_split(tune: Report) -> None:
    assert tune.figures["all"].f1 >= 0.95, tune.figure_errors


# (precision, F1, figures-all F1); raise, never lower, except when the corpus itself changes
# (say so here). Re-measured 2026-11-24 when the corpus grew to 1,033 stories: round e's files
# joined the tune split (37 files), and fourteen fresh files written blind are the holdout
# (round f: troop-deployment, arms-pledges, typhoon-landfall, factory-collapse,
# market-airstrike, tech-layoffs, grid-blackout; round g, the reserve: plane-crash,
# cruise-norovirus, bridge-collapse, river-spill, crackdown-protests, locust-swarm,
# grain-blockade; 434 stories), measured on the engine before round 8.
TUNE = {
    "new_figure": (0.89, 0.82),
    "dispute": (0.62, 0.72),
    "contradiction": (0.87, 0.76),
    "new_claim": (0.74, 0.77),
    "corroboration": (0.92, 0.87),
}
TUNE_FIGURES = 0.89
WHOLE = {
    "new_figure": (0.84, 0.76),
    "dispute": (0.46, 0.59),
    "contradiction": (0.81, 0.71),
    "new_claim": (0.66, 0.70),
    "corroboration": (0.87, 0.78),
}
WHOLE_FIGURES = 0.88
HOLDOUT = {
    "new_figure": (0.77, 0.69),
    "dispute": (0.32, 0.44),
    "contradiction": (0.67, 0.60),
    "new_claim": (0.53, 0.59),
    "corroboration": (0.78, 0.66),
}
HOLDOUT_FIGURES = 0.85


FLOORS = {
    "tune": (TUNE, TUNE_FIGURES),
    "whole": (WHOLE, WHOLE_FIGURES),
    "holdout": (HOLDOUT, HOLDOUT_FIGURES),
}


@pytest.mark.parametrize(("part", "kind"), [(p, k) for p in FLOORS for k in sorted(WHOLE)])
def test_no_score_falls_below_its_floor(
    part: str, kind: str, tune: Report, whole: Report, holdout: Report
) -> None:
    report = {"tune": tune, "whole": whole, "holdout": holdout}[part]
    kinds, figures = FLOORS[part]
    precision, f1 = kinds[kind]
    score = report.findings[kind]
    assert score.precision >= precision, report.false_alerts
    assert score.f1 >= f1, report.misses
    assert report.figures["all"].f1 >= figures, report.figure_errors
