"""JSON forms of the domain values the store keeps in JSON columns, and back.

Infinite bounds are written as ``null`` (PostgreSQL's ``json`` rejects ``Infinity``).
"""

from __future__ import annotations

import math
from typing import Any

from bot.core.model import Attribution, Figure, Hedge


def figure_json(figure: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {
        "low": None if math.isinf(figure.low) else figure.low,
        "high": None if math.isinf(figure.high) else figure.high,
        "hedge": str(figure.hedge),
        "text": figure.text,
        "counted": figure.counted,
        "unit": figure.unit,
        "event": figure.event,
        "actor": figure.actor,
        "recipient": figure.recipient,
        "span": list(figure.span),
        "measure": figure.measure,
        "period": figure.period,
        "scope": figure.scope,
    }
    if figure.qualifier:  # only when set: rows of figures without one stay as they were
        out["qualifier"] = figure.qualifier
    return out


def figure_from_json(data: dict[str, Any]) -> Figure:
    low, high = data.get("low"), data.get("high")
    span = data.get("span") or (0, 0)
    return Figure(
        low=-math.inf if low is None else float(low),
        high=math.inf if high is None else float(high),
        hedge=Hedge(data["hedge"]),
        text=data["text"],
        counted=data.get("counted"),
        unit=data.get("unit", "count"),
        event=data.get("event"),
        actor=data.get("actor"),
        recipient=data.get("recipient"),
        span=(int(span[0]), int(span[1])),
        measure=data.get("measure"),
        period=data.get("period"),
        scope=data.get("scope"),
        qualifier=data.get("qualifier"),
    )


def attribution_json(attribution: Attribution) -> dict[str, str | None]:
    return {"source": attribution.source, "via": attribution.via}


def attribution_from_json(data: dict[str, Any] | None) -> Attribution:
    data = data or {}
    return Attribution(source=data.get("source"), via=data.get("via"))
