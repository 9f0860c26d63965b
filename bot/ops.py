"""The ops routes of the HTTP server: ``GET /healthz`` (JSON) and ``GET /metrics`` (Prometheus).

``/healthz`` answers 200 with the last poll time, feeds enabled and disabled and the outbox
(waiting, dead) and whether each chat platform's API is reached; 503 with the reason when the
scheduler has not beaten for ``STALE_AFTER_S`` seconds (the loop is stuck, or not running), the
store cannot be read, or a platform refused the bot's token (alerts for it can never go out
until a person fixes the token; an API merely out of reach is retried and stays a 200).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from bot.adapters.web import Handler, Request, Response
from bot.metrics import STALE_AFTER_S, Metrics

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"
# The classic text format: every Prometheus reads it (our names are plain ASCII, so the
# body is the same as prometheus_client's newer 1.0.0 format).
METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def health(metrics: Metrics, stale_after_s: float = STALE_AFTER_S) -> tuple[int, dict[str, Any]]:
    """The status code and the JSON body of ``/healthz``."""
    problems: list[str] = []
    body: dict[str, Any] = {"ok": False}
    age = metrics.beat_age_s()
    body["scheduler"] = {"running": age is not None, "beat_age_s": _round(age)}
    if age is None:
        problems.append("the scheduler is not running")
    elif age > stale_after_s:
        problems.append(f"the scheduler has not run for {age:.0f}s")
    try:
        summary = metrics.summary()
    except Exception as exc:
        log.warning("healthz: store not readable: %s", exc)
        problems.append(f"the store cannot be read: {type(exc).__name__}")
        summary = None
    if summary is not None:
        last = summary.last_polled_at
        body["last_poll"] = last.isoformat().replace("+00:00", "Z") if last else None
        body["feeds"] = {"enabled": summary.feeds_enabled, "disabled": summary.feeds_disabled}
        body["outbox"] = {"waiting": summary.outbox_waiting, "dead": summary.outbox_dead}
    elif not problems:
        problems.append("no store attached")
    platforms = metrics.platforms()
    if platforms:
        body["platforms"] = {
            name: {"up": state.up, "problem": state.problem}
            for name, state in sorted(platforms.items())
        }
        problems += [state.problem for state in platforms.values() if state.fatal and state.problem]
    body["ok"] = not problems
    if problems:
        body["problems"] = problems
    return (200 if not problems else 503), body


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def ops_routes(metrics: Metrics) -> dict[tuple[str, str], Handler]:
    def healthz(_: Request) -> Response:
        status, body = health(metrics)
        return Response(
            status,
            json.dumps(body).encode(),
            "application/json",
            (("Cache-Control", "no-store"),),
        )

    def scrape(_: Request) -> Response:
        return Response(200, metrics.exposition(), METRICS_TYPE)

    return {("GET", HEALTH_PATH): healthz, ("GET", METRICS_PATH): scrape}
