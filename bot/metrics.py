"""What `claimwatch run` counts, for ``GET /metrics`` (Prometheus) and ``GET /healthz``.

Each :class:`Metrics` has its own ``CollectorRegistry`` (never the global one), so a process
or a test may hold several. Counters move as the service works (polls, stories, findings,
alerts sent, delivery latency); the outbox and feed gauges are read from the store when
scraped. The scheduler beats :meth:`Metrics.beat` every few seconds; a stale beat means the
loop is stuck, and ``/healthz`` answers 503. The platform adapters say whether they reach their
API (:meth:`Metrics.platform_down`): an API out of reach is shown and retried, a refused token
(which only a person can fix) makes ``/healthz`` answer 503.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.adapters.store import OpsSummary

log = logging.getLogger(__name__)

POLL_RESULTS = ("ok", "not_modified", "error", "skipped")
LATENCY_BUCKETS = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0, 1800.0, 3600.0)
STALE_AFTER_S = 60.0  # no scheduler beat for this long: /healthz says 503


@dataclass(frozen=True)
class PlatformState:
    """Whether a platform's API is reached; why not, and whether only a person can fix it."""

    up: bool
    problem: str | None = None
    fatal: bool = False


class Metrics:
    """The counters of one running bot, and the scheduler's heartbeat."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._clock = clock
        self._lock = threading.Lock()
        self._beat: float | None = None
        self._summary: Callable[[], OpsSummary] | None = None
        self._platforms: dict[str, PlatformState] = {}
        r = self.registry
        self.polls = Counter("claimwatch_polls", "Feed polls by result.", ["result"], registry=r)
        for result in POLL_RESULTS:
            self.polls.labels(result)
        self.fetch_errors = Counter(
            "claimwatch_fetch_errors", "Polls that failed (HTTP, network or parse).", registry=r
        )
        self.stories = Counter("claimwatch_stories", "New stories stored.", registry=r)
        self.findings = Counter(
            "claimwatch_findings", "Findings by kind (baseline polls included).", ["kind"],
            registry=r,
        )  # fmt: skip
        self.alerts_sent = Counter(
            "claimwatch_alerts_sent", "Alerts accepted by a platform.", ["platform"], registry=r
        )
        self.notices_sent = Counter(
            "claimwatch_notices_sent", "Notices (feed gone or disabled) delivered.", registry=r
        )
        self.delivery_failures = Counter(
            "claimwatch_delivery_failures", "Sends that failed (retried or dead).", registry=r
        )
        self.dead_letters = Counter(
            "claimwatch_dead_letters", "Outbox rows given up on in this process.", registry=r
        )
        self.delivery_latency = Histogram(
            "claimwatch_delivery_latency_seconds",
            "From a finding stored to its alert accepted by the platform.",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        r.register(_StoreCollector(self))

    def watch_store(self, summary: Callable[[], OpsSummary]) -> None:
        """Read the outbox and feed gauges through ``summary`` at each scrape."""
        self._summary = summary

    def summary(self) -> OpsSummary | None:
        return self._summary() if self._summary is not None else None

    def beat(self) -> None:
        """The scheduler is alive."""
        with self._lock:
            self._beat = self._clock()

    def beat_age_s(self) -> float | None:
        """Seconds since the last beat; None if the scheduler never beat."""
        with self._lock:
            return None if self._beat is None else self._clock() - self._beat

    def platform_up(self, platform: str) -> None:
        """The platform's API answers: alerts go out."""
        with self._lock:
            self._platforms[platform] = PlatformState(up=True)

    def platform_down(self, platform: str, problem: str, *, fatal: bool = False) -> None:
        """The platform's API is not reached (``fatal``: it refused the token, and retrying
        cannot help); alerts for it wait in the outbox."""
        with self._lock:
            self._platforms[platform] = PlatformState(up=False, problem=problem, fatal=fatal)

    def platforms(self) -> dict[str, PlatformState]:
        with self._lock:
            return dict(self._platforms)

    def exposition(self) -> bytes:
        """The Prometheus text format of everything registered."""
        return generate_latest(self.registry)

    def count_poll(self, result: str) -> None:
        self.polls.labels(result).inc()
        if result == "error":
            self.fetch_errors.inc()

    def count_delivery(self, platform: str, created_at: datetime, now: datetime) -> None:
        self.alerts_sent.labels(platform).inc()
        self.delivery_latency.observe(max(0.0, (now - created_at).total_seconds()))


class _StoreCollector(Collector):
    """Gauges read from the store at scrape time; nothing if the store cannot be read."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def describe(self) -> list[Metric]:
        return []  # the gauges depend on the store: no description at registration

    def collect(self) -> Iterator[Metric]:
        try:
            summary = self._metrics.summary()
        except Exception as exc:  # a scrape must not fail because the store is down
            log.warning("metrics: store not readable: %s", exc)
            summary = None
        age = self._metrics.beat_age_s()
        if age is not None:
            yield _gauge("claimwatch_scheduler_beat_age_seconds",
                         "Seconds since the scheduler last beat.", age)  # fmt: skip
        platforms = self._metrics.platforms()
        if platforms:
            reached = GaugeMetricFamily(
                "claimwatch_platform_up", "1 if the platform's API is reached.", labels=["platform"]
            )
            for name, state in sorted(platforms.items()):
                reached.add_metric([name], 1.0 if state.up else 0.0)
            yield reached
        up = GaugeMetricFamily("claimwatch_store_up", "1 if the store answered this scrape.")
        up.add_metric([], 1.0 if summary is not None else 0.0)
        yield up
        if summary is None:
            return
        yield _gauge("claimwatch_alerts_waiting", "Outbox rows waiting to be sent.",
                     summary.outbox_waiting)  # fmt: skip
        yield _gauge("claimwatch_alerts_dead", "Outbox rows given up on (dead letters).",
                     summary.outbox_dead)  # fmt: skip
        feeds = GaugeMetricFamily("claimwatch_feeds", "Feeds by state.", labels=["state"])
        feeds.add_metric(["enabled"], summary.feeds_enabled)
        feeds.add_metric(["disabled"], summary.feeds_disabled)
        yield feeds
        if summary.last_polled_at is not None:
            yield _gauge("claimwatch_last_poll_timestamp_seconds", "When a feed was last polled.",
                         summary.last_polled_at.timestamp())  # fmt: skip


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    gauge = GaugeMetricFamily(name, documentation)
    gauge.add_metric([], value)
    return gauge
