"""Polling benchmark: N feeds on a loopback server (``bot.bench.feedsite``, in its own process
so its CPU is not the poller's), polled through Service.poll with a semaphore of 50.

Per cycle after the silent baseline poll it measures feeds per second, the poller's CPU
seconds, and for each changed feed the time from the change (the cycle's start) until
Service.poll has fetched, parsed, run the engine and stored the story with its findings.
The wait for the next scheduled poll is not included: the cycle starts right after the change.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from bot.adapters.store import Store
from bot.bench.claims import make_workload
from bot.bench.engine import bench_config
from bot.bench.feedsite import FeedServer
from bot.bench.report import Json, noise, peak_rss_mb, percentile, summary
from bot.config import FeedSpec
from bot.service import PollReport, Service

log = logging.getLogger(__name__)

CONCURRENCY = 50


# --- the poller --------------------------------------------------------------------------------


async def _poll_all(
    service: Service, specs: Sequence[FeedSpec], client: httpx.AsyncClient, concurrency: int
) -> tuple[list[tuple[PollReport, float]], float, float]:
    """Poll every feed once; (report, seconds after start) each, wall seconds, CPU seconds."""
    gate = asyncio.Semaphore(concurrency)
    start, cpu = time.perf_counter(), time.process_time()

    async def one(spec: FeedSpec) -> tuple[PollReport, float]:
        async with gate:
            report = await service.poll(spec, client)
        return report, time.perf_counter() - start

    done = await asyncio.gather(*(one(spec) for spec in specs))
    return list(done), time.perf_counter() - start, time.process_time() - cpu


def _seed_baseline(service: Service, specs: Sequence[FeedSpec]) -> None:
    """What the silent first poll of empty feeds stores (their ETag, baseline done), directly."""
    at = service.now()
    for number, spec in enumerate(specs):
        etag = f'"{number}-0"'  # FeedSite.etag of a feed that has not changed yet
        service.store.record_poll(
            spec.location, at=at, etag=etag, last_modified=None, error=None, baseline_done=True
        )


async def _run(
    feeds: int, claims: int, cycles: int, concurrency: int, seeded: bool, tmp: Path
) -> Json:
    workload = make_workload(claims)
    server = FeedServer(feeds, claims)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    try:
        specs = [
            FeedSpec(f"bench-{i}", f"{server.base}/f/{i}.xml", 600, (), False, f"Outlet {i % 97}")
            for i in range(feeds)
        ]
        config = bench_config(workload, tmp)
        config = type(config)(config.folder, config.topics, tuple(specs), (), config.learn_claims)
        start = time.perf_counter()
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        service = Service(config, store)
        setup_s = time.perf_counter() - start
        async with httpx.AsyncClient(limits=limits, timeout=60.0) as client:
            start, cpu_start = time.perf_counter(), time.process_time()
            if seeded:
                _seed_baseline(service, specs)
                reports: list[tuple[PollReport, float]] = []
            else:
                reports, _, _ = await _poll_all(service, specs, client, concurrency)
            baseline_s = time.perf_counter() - start
            baseline_cpu = time.process_time() - cpu_start
            errors = sum(1 for r, _ in reports if r.status == "error")
            rates: list[float] = []
            cpus: list[float] = []
            p50: list[float] = []
            p99: list[float] = []
            changed: list[int] = []
            found = ingested = 0
            for _ in range(cycles):
                answer = (await client.post(f"{server.base}/_cycle")).json()
                reports, wall, cpu = await _poll_all(service, specs, client, concurrency)
                latencies = [at * 1000 for r, at in reports if r.status == "ok" and r.new_stories]
                errors += sum(1 for r, _ in reports if r.status == "error")
                found += sum(1 for r, _ in reports if r.findings)
                ingested += len(latencies)
                rates.append(feeds / wall)
                cpus.append(cpu)
                changed.append(int(answer["changed"]))
                if latencies:
                    p50.append(percentile(latencies, 0.5))
                    p99.append(percentile(latencies, 0.99))
        store.close()
    finally:
        server.close()
    return {
        "feeds": feeds,
        "claims": claims,
        "concurrency": concurrency,
        "cycles": cycles,
        "changed_per_cycle": changed[0] if changed else 0,
        "setup_s": setup_s,
        "baseline": "seeded in the store" if seeded else "first Service.poll of every feed",
        "baseline_s": baseline_s,
        "baseline_cpu_s": baseline_cpu,
        "feeds_per_s": summary(rates),
        "cpu_s_per_cycle": summary(cpus),
        "latency_p50_ms": summary(p50),
        "latency_p99_ms": summary(p99),
        "latency_measures": "feed change → Service.poll done (fetched, parsed, engine, stored)",
        "changed_feeds_ingested": ingested,
        "changed_feeds_with_findings": found,
        "errors": errors,
    }


def polling(
    *,
    feeds: int,
    claims: int,
    cycles: int,
    concurrency: int = CONCURRENCY,
    seeded_baseline: bool = False,
) -> Json:
    """Poll `feeds` feeds `cycles` times after the baseline (polled, or seeded when asked)."""
    before = noise()
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-") as tmp:
        result = asyncio.run(_run(feeds, claims, cycles, concurrency, seeded_baseline, Path(tmp)))
    result["peak_rss_mb"] = peak_rss_mb()
    result["noise"] = {"before": before, "after": noise()}
    return result
