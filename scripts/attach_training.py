"""Re-attachment's training (bot/core/attach.py): (figure, candidate claim) pairs from the labelled
corpus, a logistic regression over them, a threshold chosen by leave-one-file-out inside the
training files, and the generated weights module. Used by ``scripts/train_attach.py``,
``scripts/cv_attach.py`` and tests/core/test_attach.py.

The pairs come from the engine without re-attachment: each time it is about to learn a claim
from a figure, every claim of the topic of the figure's unit is a candidate, labelled by the
gold: the gold finding citing the figure names its claim (a configured id or
``learned:<name>``), and the engine's learned claims are mapped to gold names by the figures
that created them (bot/evaluation.py's ``_same_span``). Deterministic, as the gate's training.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from gate_training import DEMO, STEPS, fit, predict

from bot.core.attach import FEATURES, LogisticAttacher
from bot.core.engine import Engine
from bot.core.gate import KindModel
from bot.core.matching import IndexedClaim
from bot.core.model import Figure
from bot.evaluation import CorpusFile, GoldFinding, _same_span

WEIGHTS = Path(__file__).resolve().parent.parent / "bot" / "core" / "attach_weights.py"
WRONG_COST = 1.0  # a wrong attachment costs this many right ones (the threshold's utility)
ATTACH_L2 = 3.0  # ridge penalty of the pair model (round 9's CV choice: README)


@dataclass(frozen=True)
class Event:
    """One figure the engine was about to learn a claim from, with its candidates."""

    file: str
    story: str
    figure: str
    claims: tuple[str, ...]
    rows: tuple[tuple[float, ...], ...]
    positive: tuple[bool, ...]  # the candidate is the gold's claim of the figure
    target: str | None  # the gold's claim of the figure (None: no finding cites it)


@dataclass
class Pairs:
    events: list[Event] = field(default_factory=list)


class Recorder:
    """An attacher that never attaches and remembers every question."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, tuple[str, ...], tuple[tuple[float, ...], ...]]] = []

    def choose(
        self,
        figure: Figure,
        candidates: Sequence[IndexedClaim],
        features: Callable[[IndexedClaim], Sequence[float]],
    ) -> IndexedClaim | None:
        rows = tuple(tuple(features(c)) for c in candidates)
        self.asked.append((figure.text, tuple(c.spec.id for c in candidates), rows))
        return None


def _cited(gold: Sequence[GoldFinding], figure: str) -> GoldFinding | None:
    """The gold finding citing the figure, if any."""
    return next((g for g in gold if g.figure is not None and _same_span(g.figure, figure)), None)


def collect(files: Iterable[CorpusFile]) -> Pairs:
    """Every learn event of the engine without re-attachment on each file, labelled."""
    pairs = Pairs()
    for corpus in files:
        recorder = Recorder()
        engine = Engine([corpus.topic], gate=None, attach=recorder)
        names: dict[str, str] = {c.id: c.id for c in corpus.topic.claims}  # engine id -> gold
        for gold in sorted(
            corpus.stories, key=lambda g: g.story.published or datetime.max.replace(tzinfo=UTC)
        ):
            recorder.asked = []
            result = engine.process(gold.story)
            learned = {spec.id for spec in result.new_claims}
            for claim_id, sighting in result.sightings:
                if claim_id in learned and claim_id not in names:
                    hit = _cited(gold.findings, sighting.figure.text)
                    names[claim_id] = hit.claim if hit is not None else "none:" + claim_id
            for figure, claims, rows in recorder.asked:
                hit = _cited(gold.findings, figure)
                target = hit.claim if hit is not None else None
                positive = tuple(target is not None and names.get(c) == target for c in claims)
                pairs.events.append(
                    Event(corpus.id, gold.story.key, figure, claims, rows, positive, target)
                )
    return pairs


# --- the model ------------------------------------------------------------------------------


def _arrays(events: Sequence[Event]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pair rows, their labels and each pair's event number."""
    x = np.array([r for e in events for r in e.rows], dtype=float).reshape(-1, len(FEATURES))
    y = np.array([p for e in events for p in e.positive], dtype=float)
    at = np.array([i for i, e in enumerate(events) for _ in e.rows], dtype=int)
    return x, y, at


def utility(events: Sequence[Event], p: np.ndarray, at: np.ndarray, t: float) -> tuple[int, int]:
    """Right and wrong attachments at threshold `t`: each event takes its best candidate when
    that candidate's probability reaches `t`."""
    right = wrong = 0
    for i, event in enumerate(events):
        mine = p[at == i]
        if not len(mine):
            continue
        best = int(np.argmax(mine))
        if mine[best] >= t:
            if event.positive[best]:
                right += 1
            else:
                wrong += 1
    return right, wrong


THRESHOLDS = tuple(0.3 + i / 20 for i in range(14))  # 0.3 to 0.95


def train(
    pairs: Pairs,
    files: Sequence[str],
    *,
    l2: float = ATTACH_L2,
    cost: float = WRONG_COST,
) -> LogisticAttacher | None:
    """The attacher fitted on `files`, its threshold chosen by leave-one-file-out inside them
    (the demo is trained on, never held out); None when no threshold gains anything."""
    chosen = set(files)
    events = [e for e in pairs.events if e.file in chosen and e.rows]
    x, y, at = _arrays(events)
    if not len(y) or y.min() == y.max():
        return None
    names = np.array([events[i].file for i in at])
    oof = np.zeros(len(y))
    for held in sorted(chosen - {DEMO}):
        test = names == held
        if test.any() and y[~test].min() != y[~test].max():
            oof[test] = predict(fit(x[~test], y[~test], l2), x[test])
    best, best_gain = None, 0.0
    held_out = [i for i, e in enumerate(events) if e.file != DEMO]
    keep = np.isin(at, held_out)
    sub = [events[i] for i in held_out]
    remap = {old: new for new, old in enumerate(held_out)}
    sub_at = np.array([remap[i] for i in at[keep]], dtype=int)
    for t in THRESHOLDS:
        right, wrong = utility(sub, oof[keep], sub_at, t)
        gain = right - cost * wrong
        if gain > best_gain + 1e-12:
            best, best_gain = t, gain
    if best is None:
        return None
    mean, scale, coef, b = fit(x, y, l2)
    return LogisticAttacher(
        KindModel(
            mean=tuple(round(float(v), 6) for v in mean),
            scale=tuple(round(float(v), 6) for v in scale),
            coef=tuple(round(float(v), 6) for v in coef),
            intercept=round(b, 6),
            threshold=round(best, 6),
        )
    )


def oof_report(
    pairs: Pairs, files: Sequence[str], l2: float = ATTACH_L2
) -> list[tuple[float, int, int]]:
    """Right and wrong attachments by threshold over leave-one-file-out probabilities."""
    events = [e for e in pairs.events if e.file in set(files) and e.rows]
    x, y, at = _arrays(events)
    names = np.array([events[i].file for i in at])
    oof = np.zeros(len(y))
    for held in sorted(set(files)):
        test = names == held
        if test.any():
            oof[test] = predict(fit(x[~test], y[~test], l2), x[test])
    return [(t, *utility(events, oof, at, t)) for t in THRESHOLDS]


# --- writing --------------------------------------------------------------------------------


def module_text(attacher: LogisticAttacher | None, files: Sequence[str]) -> str:
    lines = [
        '"""Generated by scripts/train_attach.py: do not edit (re-run it).',
        "",
        "Re-attachment's weights (bot/core/attach.py): a ridge logistic regression over",
        f"(figure, candidate claim) pairs (L2 {ATTACH_L2}, {STEPS} Newton steps), fitted on every",
        f"figure the engine without re-attachment learns a claim from in the {len(files)} files",
        "of tests/eval/stories' tune split and bot/demo, labelled by the gold's claim of the",
        "figure; the threshold maximises right minus wrong attachments over leave-one-file-out",
        "probabilities. tests/core/test_attach.py re-runs the training and checks this file.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
    ]
    if attacher is None:
        lines += [
            "from bot.core.attach import LogisticAttacher",
            "",
            "ATTACH: LogisticAttacher | None = None",
            "",
        ]
        return "\n".join(lines)
    m = attacher.model
    lines += [
        "from bot.core.attach import LogisticAttacher",
        "from bot.core.gate import KindModel",
        "",
        "ATTACH: LogisticAttacher | None = LogisticAttacher(",
        "    KindModel(",
        *_tuple("mean", m.mean),
        *_tuple("scale", m.scale),
        *_tuple("coef", m.coef),
        f"        intercept={m.intercept!r},",
        f"        threshold={m.threshold!r},",
        "    )",
        ")",
        "",
    ]
    return "\n".join(lines)


def _tuple(name: str, values: Sequence[float]) -> list[str]:
    return [f"        {name}=(", *(f"            {v!r}," for v in values), "        ),"]


def fitted_module(files: Sequence[CorpusFile]) -> str:
    """The weights module of the attacher fitted on ``files`` (the tune split) and the demo."""
    from gate_training import demo_file

    names = [f.id for f in files]
    pairs = collect([*files, demo_file()])
    return module_text(train(pairs, [*names, DEMO]), names)
