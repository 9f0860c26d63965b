"""Tools for people and scripts: ``claimwatch extract``, ``stance`` and ``eval``.

A journalist uses ``extract`` and ``stance`` to see why an alert fired; a script uses them in
bulk with ``--jsonl`` (one JSON object a line in, one a line out). Input is untrusted: every
line is bounded, a bad line is reported with its line number on stderr and the rest go on.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from bot.core.attribution import attribution_of
from bot.core.figures import extract_figures
from bot.core.model import Figure
from bot.core.sentences import split_sentences
from bot.core.serialize import figure_to_dict
from bot.core.stance import stance_of

MAX_TEXT = 1_000_000  # characters of one text (a story is a few thousand)


class InputError(Exception):
    """Input that cannot be used at all: printed as one line, exit status 2."""


def stdin_text(command: str) -> IO[str]:
    """Standard input as UTF-8 whatever the locale, a stray byte read as U+FFFD (not a crash);
    on a terminal, a word on how to end the text, or the command seems to hang."""
    if sys.stdin.isatty():
        print(
            f"claimwatch {command}: reading text from the terminal; end it with Ctrl-D "
            f"(or pipe it in: claimwatch {command} ... < story.txt)",
            file=sys.stderr,
        )
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # already text (an embedding caller)
        return sys.stdin
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="replace")


EVAL_CORPUS = Path("tests/eval/stories")


def default_corpus() -> Path:
    """tests/eval/stories here, or else the one of the checkout claimwatch runs from."""
    if EVAL_CORPUS.exists():
        return EVAL_CORPUS
    checkout = Path(__file__).resolve().parent.parent / EVAL_CORPUS
    if checkout.exists():
        return checkout
    raise InputError(
        f"{EVAL_CORPUS}: corpus not found (give CORPUS, or run from a claimwatch checkout)"
    )


def figures_in(text: str) -> list[dict[str, Any]]:
    """Every figure of ``text``, with its attribution and its span in ``text``."""
    out: list[dict[str, Any]] = []
    cursor = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, cursor)
        offset = start if start >= 0 else cursor
        cursor = offset + len(sentence) if start >= 0 else cursor
        figures = extract_figures(sentence)
        if not figures:
            continue
        attribution = str(attribution_of(sentence))
        for figure in figures:
            out.append(_figure_json(figure, attribution, offset))
    return out


def _figure_json(figure: Figure, attribution: str, offset: int) -> dict[str, Any]:
    out = figure_to_dict(figure) or {}
    out["attribution"] = attribution
    out["span"] = [figure.span[0] + offset, figure.span[1] + offset]
    return out


def describe(figure: dict[str, Any]) -> str:
    """One figure for a person: ``"Some 600" — about: 540 to 660 · counted: killed · …``."""
    low, high = _number(figure["low"]), figure["high"]
    if high is None:
        interval = f"{low} or more"
    else:
        interval = low if figure["low"] == high else f"{low} to {_number(high)}"
    if figure["unit"] not in ("count", None):
        interval += f" ({figure['unit']})"
    parts = [
        f"{str(figure['hedge']).replace('_', ' ')}: {interval}",
        f"counted: {figure['counted'] or '?'}",
    ]
    if figure["event"]:
        parts.append(f"event: {figure['event']}")
    parts.append(f"said by: {figure['attribution']}")
    return f'"{figure["text"]}" — ' + " · ".join(parts)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _bounded(text: str, where: str) -> str:
    if len(text) > MAX_TEXT:
        raise InputError(f"{where}: text over {MAX_TEXT:,} characters")
    if not text.strip():
        raise InputError(f"{where}: no text (pipe a story in, e.g. < story.txt)")
    return text


def _jsonl(stream: IO[str], err: IO[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("expected a JSON object")
        except ValueError as exc:
            err.write(f"claimwatch: stdin:{number}: not a JSON object ({exc}); line skipped\n")
            continue
        yield number, item


def run_extract(stdin: IO[str], out: IO[str], err: IO[str], *, jsonl: bool) -> int:
    if not jsonl:
        text = _bounded(stdin.read(MAX_TEXT + 1), "stdin")
        figures = figures_in(text)
        for f in figures:
            out.write(describe(f) + "\n")
        if not figures:
            out.write("no figures found\n")
        return 0
    failed = 0
    for number, item in _jsonl(stdin, err):
        given = item.get("text")
        if not isinstance(given, str) or len(given) > MAX_TEXT:
            err.write(
                f'claimwatch: stdin:{number}: expected "text" (a string up to '
                f"{MAX_TEXT:,} characters); line skipped\n"
            )
            failed += 1
            continue
        out.write(
            json.dumps({"id": item.get("id"), "figures": figures_in(given)}, ensure_ascii=False)
            + "\n"
        )
    return 2 if failed else 0


def run_stance(
    stdin: IO[str], out: IO[str], err: IO[str], *, claim: str | None, jsonl: bool
) -> int:
    if not jsonl:
        if not claim:
            raise InputError("--claim TEXT is required (or use --jsonl with a claim per line)")
        text = _bounded(stdin.read(MAX_TEXT + 1), "stdin")
        stance, score, evidence = stance_of(claim, text)
        out.write(f"{stance} (score {score:.2f}){': ' + evidence if evidence else ''}\n")
        return 0
    failed = 0
    for number, item in _jsonl(stdin, err):
        given, line_claim = item.get("text"), item.get("claim", claim)
        if not isinstance(given, str) or not isinstance(line_claim, str) or len(given) > MAX_TEXT:
            err.write(
                f'claimwatch: stdin:{number}: expected "claim" and "text" strings; line skipped\n'
            )
            failed += 1
            continue
        stance, score, evidence = stance_of(line_claim, given)
        out.write(
            json.dumps(
                {
                    "id": item.get("id"),
                    "stance": str(stance),
                    "score": round(score, 4),
                    "evidence": evidence,
                },
                ensure_ascii=False,
            )
            + "\n"
        )
    return 2 if failed else 0


def run_eval(corpus: Path, out: IO[str], *, split: str | None) -> int:
    from bot.evaluation import CorpusError, evaluate, format_report, load_corpus

    try:
        files = load_corpus(corpus)
    except CorpusError as exc:
        raise InputError(str(exc)) from None
    report = evaluate(files, split=split)
    out.write(format_report(report) + "\n")
    return 0
