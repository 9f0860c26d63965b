"""Alerts and digests as neutral messages, built from stored finding payloads.

A payload is the dict of :func:`bot.core.serialize.finding_to_dict`; the outbox keeps it, so a
message can be rendered again after a restart without the engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from bot.core.message import Line, Message

Payload = Mapping[str, Any]

TITLES = {
    "contradiction": "Contradiction",
    "dispute": "Disputed figure",
    "new_figure": "New figure",
    "corroboration": "Corroborated",
    "new_claim": "New claim tracked",
}
MARKS = {
    "contradiction": "‼",
    "dispute": "≠",
    "new_figure": "▲",
    "corroboration": "✓",
    "new_claim": "＋",
}
COUNTED = {
    "contradiction": ("contradiction", "contradictions"),
    "dispute": ("dispute", "disputes"),
    "new_figure": ("new figure", "new figures"),
    "corroboration": ("corroboration", "corroborations"),
    "new_claim": ("new claim", "new claims"),
}
MAX_QUOTE = 400


def format_date(value: str | None) -> str:
    if not value:
        return "undated"
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return value
    return f"{when.day} {when:%b %Y}"


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def figure_phrase(figure: Payload | None) -> str:
    """The figure as the story wrote it, with what is counted: "6,000 (killed or wounded)"."""
    if not figure:
        return "no figure"
    text = str(figure.get("text") or "").strip()
    counted = figure.get("counted")
    if counted:
        what = str(counted).replace("_", " ")
        if what.lower() not in text.lower():
            return f"{text} ({what})"
    return text


def _seen(figure: Payload, who: Any, outlet: Any, published: Any) -> str:
    where = str(outlet) if outlet else "as configured"
    return f"{figure_phrase(figure)} — {who or 'unattributed'} · {where} · {format_date(published)}"


def render_alert(p: Payload) -> Message:
    kind = str(p["kind"])
    figure, previous = p.get("figure"), p.get("previous")
    headline = TITLES.get(kind, kind)
    if figure and previous:
        headline += f": {figure_phrase(figure)} vs {previous.get('text') or 'no figure'}"
    elif figure:
        headline += f": {figure_phrase(figure)}"
    elif previous and kind == "contradiction":
        headline += f" of {previous.get('text')}"
    lines = [Line(shorten(str(p.get("claim_text") or p["claim"]), 300), label="Claim")]
    said = f"{p.get('attribution') or 'unattributed'} · {p.get('outlet')} · "
    said += format_date(p.get("published"))
    if figure:
        lines.append(
            Line(
                _seen(figure, p.get("attribution"), p.get("outlet"), p.get("published")),
                label="New",
            )
        )
    else:
        lines.append(Line(said, label="Says"))
    if previous:
        lines.append(
            Line(
                _seen(
                    previous,
                    previous.get("attribution"),
                    previous.get("outlet"),
                    previous.get("published"),
                ),
                label="Known",
            )
        )
    if not figure and p.get("explanation"):
        lines.append(Line(shorten(str(p["explanation"]), 500), label="Why"))
    if p.get("may_be_update"):
        lines.append(
            Line(
                "a later, higher count: this may be an update rather than a conflict", label="Note"
            )
        )
    sources = int(p.get("independent_sources") or 1)
    if sources > 1:
        lines.append(Line(f"{sources} independent sources so far", label="Sources"))
    lines.append(Line(shorten(str(p.get("sentence") or ""), MAX_QUOTE), quote=True))
    return Message(
        title=f"{MARKS.get(kind, '•')} {headline}",
        lines=tuple(lines),
        link=_safe_link(p.get("url")),
        kind="alert",
        severity=kind,
        thread_key=str(p["claim"]),
    )


def bundle(alerts: Sequence[Message]) -> Message:
    """Alerts waiting for one chat as one message: a header ("3 alerts") and each alert as it
    would go alone (:func:`render_alert`), in order, as ``Message.parts``; the adapters draw
    the separation. One alert is returned as it is, so a lone alert never changes."""
    if not alerts:
        raise ValueError("a bundle needs at least one alert")
    if len(alerts) == 1:
        return alerts[0]
    order = list(TITLES)
    ranks = [order.index(a.severity) for a in alerts if a.severity in order]
    keys = {a.thread_key for a in alerts}
    return Message(
        title=f"{len(alerts)} alerts",
        kind="bundle",
        severity=order[min(ranks)] if ranks else None,  # the gravest of its alerts
        thread_key=keys.pop() if len(keys) == 1 else None,  # one claim: its thread
        parts=tuple(alerts),
    )


def _safe_link(url: Any) -> str | None:
    """Only http(s) links leave the core; anything else (javascript:, data:) is dropped."""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return url
    return None


def render_digest(payloads: Sequence[Payload], *, title: str = "Digest") -> Message | None:
    """What changed since the last digest; ``None`` when nothing did."""
    if not payloads:
        return None
    counts = Counter(str(p["kind"]) for p in payloads)
    summary = ", ".join(
        f"{counts[k]} {COUNTED[k][counts[k] != 1]}" for k in TITLES if counts.get(k)
    )
    lines = [Line(summary, label="Since the last digest")]
    order = list(TITLES)
    ranked = sorted(payloads, key=lambda p: (order.index(str(p["kind"])), str(p.get("published"))))
    for p in ranked:
        if p["kind"] == "corroboration":
            continue
        lines.append(
            Line(
                f"{figure_phrase(p.get('figure')) if p.get('figure') else 'denial'}"
                f" — {p.get('attribution') or 'unattributed'}"
                f" ({p.get('outlet')}, {format_date(p.get('published'))})",
                label=f"{MARKS.get(str(p['kind']), '•')} {p['claim']}",
            )
        )
    corroborated = Counter(str(p["claim"]) for p in payloads if p["kind"] == "corroboration")
    for claim, n in corroborated.most_common(3):
        lines.append(Line(f"corroborated {n}×", label=f"✓ {claim}"))
    return Message(title=title, lines=tuple(lines), kind="digest")
