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

from bot.core.carried import carry_counted
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


EXPECTED = (
    "expected a corpus file: a YAML mapping with id, topic (id, name, keywords, claims) and"
    " stories (see tests/eval/README.md)"
)


def _kind(value: Any) -> str:
    """What a YAML value is, in a user's words."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text “{value[:40]}{'…' if len(value) > 40 else ''}”"
    return f"the {type(value).__name__} {value!r}"


def _mapping(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{what}: expected a mapping, found {_kind(value)}")
    return value


def _items(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{what}: expected a list, found {_kind(value)}")
    return value


def _need(m: dict[str, Any], key: str, what: str) -> Any:
    if m.get(key) is None:
        raise ValueError(f"{what}: '{key}' is missing" if what else f"'{key}' is missing")
    return m[key]


def _number(value: Any, *, default: float, what: str) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{what}: expected a number, found {_kind(value)}")
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{what}: expected a number, found {_kind(value)}") from None


def _published(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"published: expected an ISO date/time, found “{value}”") from None
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if not isinstance(value, datetime):
        raise ValueError(f"published: expected a date/time, found {_kind(value)}")
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _topic(data: dict[str, Any]) -> Topic:
    t = _mapping(_need(data, "topic", "file"), "topic")
    claims = []
    for n, raw in enumerate(_items(t.get("claims"), "topic.claims"), 1):
        c = _mapping(raw, f"topic.claims #{n}")
        where = f"topic.claims #{n}"
        claims.append(
            ClaimSpec(
                id=str(_need(c, "id", where)),
                topic=str(_need(t, "id", "topic")),
                text=str(_need(c, "text", where)),
                source=c.get("source"),
                date=str(c["date"]) if c.get("date") else None,
            )
        )
    keywords = tuple(map(str, _items(_need(t, "keywords", "topic"), "topic.keywords")))
    return Topic(
        str(_need(t, "id", "topic")), str(_need(t, "name", "topic")), keywords, tuple(claims)
    )


def _story(raw: Any) -> GoldStory:
    s = _mapping(raw, "story")
    story = Story(
        key=str(_need(s, "key", "")),
        feed=str(_need(s, "outlet", "")),
        outlet=str(s["outlet"]),
        url=str(s.get("url") or ""),
        title=str(s.get("title") or ""),
        text=str(s.get("text") or ""),
        published=_published(s.get("published")),
    )
    figures = []
    for n, item in enumerate(_items(s.get("figures"), "figures"), 1):
        f = _mapping(item, f"figure #{n}")
        where = f"figure #{n}"
        figures.append(
            GoldFigure(
                text=str(_need(f, "text", where)),
                low=_number(f.get("low"), default=0.0, what=f"{where} low"),
                high=_number(f.get("high"), default=math.inf, what=f"{where} high"),
                hedge=str(f.get("hedge") or "exact"),
                counted=f.get("counted"),
                unit=str(f.get("unit") or "count"),
            )
        )
    findings = []
    for n, item in enumerate(_items(s.get("findings"), "findings"), 1):
        g = _mapping(item, f"finding #{n}")
        where = f"finding #{n}"
        kind = str(_need(g, "kind", where))
        if kind not in KINDS:
            raise ValueError(f"{where}: kind '{kind}' is not one of {', '.join(KINDS)}")
        findings.append(GoldFinding(kind, str(_need(g, "claim", where)), g.get("figure")))
    return GoldStory(story, tuple(figures), tuple(findings))


def _story_lines(root: yaml.Node | None) -> list[int]:
    """The line (1-based) where each entry of the top-level ``stories`` list starts."""
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if getattr(key, "value", None) == "stories" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def load_file(path: Path) -> CorpusFile:
    """One corpus file; a :class:`CorpusError` names the file, the story (its number, line and
    key) when the fault is in one, and what was expected."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(f"{path}: corpus not found") from None
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: not UTF-8 text; {EXPECTED}") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        loader = yaml.SafeLoader(text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1})" if mark is not None else ""
        raise CorpusError(f"{path}: not valid YAML{at}; {EXPECTED}") from None
    if not isinstance(data, dict) or "stories" not in data:
        found = _kind(data)
        if isinstance(data, dict):
            found = f"a mapping of {', '.join(map(str, list(data)[:4]))} but no stories"
        raise CorpusError(f"{path}: found {found}; {EXPECTED}")
    try:
        topic = _topic(data)
        corpus_id = str(_need(data, "id", "file"))
        raw_stories = _items(data["stories"], "stories")
    except ValueError as exc:
        raise CorpusError(f"{path}: {exc}") from None
    lines = _story_lines(root)
    stories = []
    for n, raw in enumerate(raw_stories, 1):
        try:
            stories.append(_story(raw))
        except ValueError as exc:
            line = f"line {lines[n - 1]}, " if n <= len(lines) else ""
            key = raw.get("key") if isinstance(raw, dict) else None
            label = f"story #{n} ({line}key {key})" if key else f"story #{n} ({line.rstrip(', ')})"
            raise CorpusError(f"{path}: {label.replace(' ()', '')}: {exc}") from None
    return CorpusFile(corpus_id, str(data.get("split", "tune")), topic, tuple(stories))


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
            sentences = split_sentences(f"{story.title}.\n\n{story.text}")
            head = len(split_sentences(f"{story.title}."))  # the title's sentences come first
            found_figures = [
                fig
                for figures in carry_counted(
                    sentences,
                    [i < head for i in range(len(sentences))],
                    [extract_figures(sentence) for sentence in sentences],
                )
                for fig in figures
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
