"""Plain-dict forms of findings: the `replay --json` line, the stored payload, the input
of the renderer."""

from __future__ import annotations

import math
from typing import Any

from bot.core.model import Figure, Finding, Sighting


def _number(value: float) -> float | None:
    """JSON-friendly: None for infinity, float noise rounded away (12100.000000000002)."""
    return None if math.isinf(value) else round(value, 6)


def figure_to_dict(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    out: dict[str, Any] = {
        "low": _number(figure.low),
        "high": _number(figure.high),
        "hedge": str(figure.hedge),
        "text": figure.text,
        "counted": figure.counted,
        "unit": figure.unit,
        "event": figure.event,
        "measure": figure.measure,
        "period": figure.period,
        "scope": figure.scope,
    }
    if figure.qualifier:  # only when set, so figures without one are written as before
        out["qualifier"] = figure.qualifier
    return out


def sighting_to_dict(sighting: Sighting | None) -> dict[str, Any] | None:
    if sighting is None:
        return None
    out = figure_to_dict(sighting.figure) or {}
    out.update(
        {
            "attribution": str(sighting.attribution),
            "outlet": sighting.outlet,
            "url": sighting.url,
            "published": sighting.published.isoformat() if sighting.published else None,
        }
    )
    return out


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """The contract of `claimwatch replay --json`: one object a line, these keys at least."""
    story = finding.story
    return {
        "kind": str(finding.kind),
        "severity": finding.severity,
        "topic": finding.topic,
        "claim": finding.claim_id,
        "claim_text": finding.claim_text,
        "figure": figure_to_dict(finding.figure),
        "previous": sighting_to_dict(finding.previous),
        "stance": str(finding.statement.stance),
        "attribution": str(finding.statement.attribution),
        "outlet": story.outlet,
        "url": story.url,
        "title": story.title,
        "published": story.published.isoformat() if story.published else None,
        "sentence": finding.statement.sentence,
        "explanation": finding.explanation,
        "may_be_update": finding.may_be_update,
        "story_key": story.key,
        "origin_key": finding.origin_key or story.key,
        "independent_sources": finding.independent_sources,
    }
