"""``claimwatch eval``: the engine measured on a labelled corpus.

Each corpus file is one developing story (format in ``tests/eval/README.md``): a topic with its
configured claims, and stories with their gold figures and gold findings. The stories of a file
go through a fresh :class:`~bot.core.engine.Engine` in publication order; the findings and the
figures it extracts are compared with the gold ones, and precision, recall and F1 are reported
per finding kind and for figure extraction, with every miss and every false alert listed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from bot.core.engine import Engine
from bot.core.figures import extract_figures
from bot.core.model import ClaimSpec, Figure, Finding, FindingKind, Story, Topic
from bot.core.sentences import split_sentences

KINDS = [k.value for k in FindingKind]


class CorpusError(Exception):
    """A corpus file that cannot be read: the message names the file and what is wrong."""


@dataclass(frozen=True)
class GoldFigure:
    text: str
    low: float
    high: float
    hedge: str
    counted: str | None
    unit: str = "count"


@dataclass(frozen=True)
class GoldFinding:
    kind: str
    claim: str
    figure: str | None


@dataclass(frozen=True)
class GoldStory:
    story: Story
    figures: tuple[GoldFigure, ...]
    findings: tuple[GoldFinding, ...]


@dataclass(frozen=True)
class CorpusFile:
    id: str
    split: str
    topic: Topic
    stories: tuple[GoldStory, ...]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    findings: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    figures: dict[str, Score] = field(
        default_factory=lambda: {
            k: Score() for k in ("found", "low", "high", "hedge", "counted", "all")
        }
    )
    misses: list[str] = field(default_factory=list)
    false_alerts: list[str] = field(default_factory=list)
    figure_errors: list[str] = field(default_factory=list)
    stories: int = 0


# --- loading --------------------------------------------------------------------------------


def _number(value: Any, *, default: float) -> float:
    if value is None:
        return default
    return float(value)


def load_file(path: Path) -> CorpusFile:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        t = data["topic"]
        claims = tuple(
            ClaimSpec(
                id=str(c["id"]),
                topic=str(t["id"]),
                text=str(c["text"]),
                source=c.get("source"),
                date=str(c["date"]) if c.get("date") else None,
            )
            for c in t.get("claims") or []
        )
        topic = Topic(str(t["id"]), str(t["name"]), tuple(map(str, t["keywords"])), claims)
        stories = []
        for s in data["stories"]:
            published = s.get("published")
            if isinstance(published, str):
                published = datetime.fromisoformat(published.replace("Z", "+00:00"))
            elif isinstance(published, date) and not isinstance(published, datetime):
                published = datetime(published.year, published.month, published.day)
            if isinstance(published, datetime) and published.tzinfo is None:
                published = published.replace(tzinfo=UTC)
            story = Story(
                key=str(s["key"]),
                feed=str(s["outlet"]),
                outlet=str(s["outlet"]),
                url=str(s.get("url") or ""),
                title=str(s.get("title") or ""),
                text=str(s.get("text") or ""),
                published=published,
            )
            figures = tuple(
                GoldFigure(
                    text=str(f["text"]),
                    low=_number(f.get("low"), default=0.0),
                    high=_number(f.get("high"), default=math.inf),
                    hedge=str(f.get("hedge") or "exact"),
                    counted=f.get("counted"),
                    unit=str(f.get("unit") or "count"),
                )
                for f in s.get("figures") or []
            )
            findings = tuple(
                GoldFinding(str(g["kind"]), str(g["claim"]), g.get("figure"))
                for g in s.get("findings") or []
            )
            stories.append(GoldStory(story, figures, findings))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise CorpusError(f"{path}: {type(exc).__name__}: {exc}") from None
    return CorpusFile(str(data["id"]), str(data.get("split", "tune")), topic, tuple(stories))


def load_corpus(folder: Path) -> list[CorpusFile]:
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else [folder]
    if not files:
        raise CorpusError(f"{folder}: no corpus files (*.yaml)")
    return [load_file(f) for f in files]


# --- scoring --------------------------------------------------------------------------------


def _close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return math.isinf(a) and math.isinf(b)
    return abs(a - b) <= 0.15 * max(abs(b), 1.0)


def _digits(text: str) -> set[str]:
    import re

    return set(re.findall(r"\d[\d,. ]*\d|\d", text)) | {
        w for w in re.findall(r"[a-z]+", text.lower()) if w in _NUMBER_WORDS
    }


_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens",
    "billion", "billions",
}  # fmt: skip


def _same_span(gold: str, found: str) -> bool:
    g, f = gold.lower(), found.lower()
    return g in f or f in g or bool(_digits(g) & _digits(f))


def score_figures(
    gold: Sequence[GoldFigure], found: Sequence[Figure], report: Report, where: str
) -> None:
    unmatched = list(found)
    for g in gold:
        hit = next((f for f in unmatched if _same_span(g.text, f.text)), None)
        if hit is None:
            report.figures["found"].fn += 1
            for name in ("low", "high", "hedge", "counted", "all"):
                report.figures[name].fn += 1
            report.figure_errors.append(f"{where}: missed figure {g.text!r}")
            continue
        unmatched.remove(hit)
        report.figures["found"].tp += 1
        checks = {
            "low": _close(hit.low, g.low) or (g.low == 0 and hit.low <= 0),
            "high": _close(hit.high, g.high),
            "hedge": str(hit.hedge) == g.hedge,
            "counted": (hit.counted or None) == (g.counted or None),
        }
        for name, ok in checks.items():
            if name == "all":
                continue
            if ok:
                report.figures[name].tp += 1
            else:
                report.figures[name].fp += 1
                report.figures[name].fn += 1
        checks["all"] = all(checks.values())
        for name in ("all",):
            if checks[name]:
                report.figures[name].tp += 1
            else:
                report.figures[name].fp += 1
                report.figures[name].fn += 1
        wrong = [n for n, ok in checks.items() if not ok and n != "all"]
        if wrong:
            report.figure_errors.append(
                f"{where}: {g.text!r} read as [{hit.low:g}, {hit.high:g}] {hit.hedge} "
                f"{hit.counted} (gold [{g.low:g}, {g.high:g}] {g.hedge} {g.counted}); "
                f"wrong: {', '.join(wrong)}"
            )
    for extra in unmatched:
        report.figures["found"].fp += 1
        report.figures["all"].fp += 1
        report.figure_errors.append(f"{where}: extra figure {extra.text!r}")


def _label(kind: str, claim: str, figure: str | None) -> str:
    return f"{kind} on {claim} ({figure or 'no figure'})"


def score_findings(
    gold: Sequence[GoldFinding],
    found: Sequence[Finding],
    configured: set[str],
    report: Report,
    where: str,
) -> None:
    actual = [
        (
            str(f.kind),
            f.claim_id if f.claim_id in configured else "learned",
            f.figure.text if f.figure else None,
        )
        for f in found
    ]
    for g in gold:
        claim = g.claim if g.claim in configured else "learned"
        hit = next(
            (
                a
                for a in actual
                if a[0] == g.kind
                and a[1] == claim
                and (
                    g.figure is None
                    or g.kind == "contradiction"  # a refutation's number is the refuted one
                    or (a[2] is not None and _same_span(g.figure, a[2]))
                )
            ),
            None,
        )
        if hit is None:
            report.findings.setdefault(g.kind, Score()).fn += 1
            report.misses.append(f"{where}: missed {_label(g.kind, g.claim, g.figure)}")
        else:
            actual.remove(hit)
            report.findings.setdefault(g.kind, Score()).tp += 1
    for kind, claim, figure in actual:
        report.findings.setdefault(kind, Score()).fp += 1
        report.false_alerts.append(f"{where}: false {_label(kind, claim, figure)}")


def evaluate(files: Iterable[CorpusFile], *, split: str | None = None) -> Report:
    report = Report()
    for corpus in files:
        if split and corpus.split != split:
            continue
        engine = Engine([corpus.topic])
        configured = {c.id for c in corpus.topic.claims}
        ordered = sorted(
            corpus.stories,
            key=lambda g: g.story.published or datetime.max.replace(tzinfo=UTC),
        )
        for gold in ordered:
            report.stories += 1
            story = gold.story
            where = f"{corpus.id}/{story.key}"
            found_figures = [
                fig
                for sentence in split_sentences(f"{story.title}.\n\n{story.text}")
                for fig in extract_figures(sentence)
            ]
            score_figures(gold.figures, found_figures, report, where)
            result = engine.process(story)
            score_findings(gold.findings, result.findings, configured, report, where)
    return report


def format_report(report: Report) -> str:
    lines = [
        f"{report.stories} stories",
        "",
        f"{'finding':<15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}",
    ]
    for kind, s in report.findings.items():
        lines.append(
            f"{kind:<15}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}"
        )
    lines += ["", f"{'figures':<15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}"]
    for name, s in report.figures.items():
        lines.append(
            f"{name:<15}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}"
        )
    if report.misses:
        lines += ["", f"Missed findings ({len(report.misses)}):", *report.misses]
    if report.false_alerts:
        lines += ["", f"False findings ({len(report.false_alerts)}):", *report.false_alerts]
    if report.figure_errors:
        lines += ["", f"Figure errors ({len(report.figure_errors)}):", *report.figure_errors]
    return "\n".join(lines)
