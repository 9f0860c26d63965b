"""Polling benchmark: N feeds on a loopback server (``bot.bench.feedsite``, in its own process
so its CPU is not the poller's), polled through the scheduler's poll job.

The job is the one ``claimwatch run`` schedules per feed (``bot.scheduler.PollJob``: the fetch
caps and the store writer lock around the two halves of ``Service.poll``); here every feed's
job fires at once, as if the whole cycle fell due together, which is the worst case of a real
cycle. Per cycle after the silent baseline it measures feeds per second, the poller's CPU
seconds (process time of this process: the server's is not counted), and for each changed feed
the time from the change (the cycle's start) until its story and findings are stored. The wait
for the next scheduled poll is not included here: the end-to-end benchmark
(``bot.bench.delivery.end_to_end``) has it.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from bot.adapters.store import Store
from bot.bench.claims import make_workload
from bot.bench.engine import bench_config, settle
from bot.bench.feedsite import FeedServer
from bot.bench.report import Json, noise, peak_rss_mb, percentile, summary
from bot.config import FeedSpec
from bot.scheduler import CONCURRENCY, PER_HOST, PollJob
from bot.service import PollReport, Service

log = logging.getLogger(__name__)

FIVE_MINUTES_S = 300.0
HOSTS = 50  # the feeds are spread over this many loopback sites (the per-host cap is 2)


def resident_mb() -> float | None:
    """Resident memory of this process now (Linux), None elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * resource.getpagesize() / (1024 * 1024)


# --- the poller --------------------------------------------------------------------------------


async def _poll_all(
    job: PollJob, specs: Sequence[FeedSpec]
) -> tuple[list[tuple[PollReport, float]], float, float]:
    """Every feed's job at once; (report, seconds after start) each, wall seconds, CPU seconds."""
    start, cpu = time.perf_counter(), time.process_time()

    async def one(spec: FeedSpec) -> tuple[PollReport, float]:
        report = await job(spec)
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


def bench_feeds(server: FeedServer, feeds: int, interval_s: int) -> list[FeedSpec]:
    """The feeds of the bench server, as feeds.yaml would list them."""
    return [
        FeedSpec(f"bench-{i}", server.feed_url(i), interval_s, (), False, f"Outlet {i % 97}")
        for i in range(feeds)
    ]


async def _run(feeds: int, claims: int, cycles: int, seeded: bool, tmp: Path) -> Json:
    start = time.perf_counter()
    workload = make_workload(claims)
    server = FeedServer(feeds, claims, hosts=min(HOSTS, feeds))
    try:
        specs = bench_feeds(server, feeds, 600)
        config = bench_config(workload, tmp)
        config = type(config)(config.folder, config.topics, tuple(specs), (), config.learn_claims)
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        service = Service(config, store)
        settle()  # as claimwatch run does once the service is built
        setup_s = time.perf_counter() - start
        setup_rss = peak_rss_mb()
        async with httpx.AsyncClient(timeout=60.0) as client:  # run_forever's client
            job = PollJob(service, client)  # run_forever's per-feed job
            start, cpu_start = time.perf_counter(), time.process_time()
            if seeded:
                _seed_baseline(service, specs)
                reports: list[tuple[PollReport, float]] = []
            else:
                reports, _, _ = await _poll_all(job, specs)
            baseline_s = time.perf_counter() - start
            baseline_cpu = time.process_time() - cpu_start
            errors = sum(1 for r, _ in reports if r.status == "error")
            rates: list[float] = []
            cpus: list[float] = []
            p50: list[float] = []
            p99: list[float] = []
            changed: list[int] = []
            rss_after: list[float | None] = []  # grows with what the engine keeps of each story
            found = ingested = 0
            for _ in range(cycles):
                answer = (await client.post(f"{server.base}/_cycle")).json()
                reports, wall, cpu = await _poll_all(job, specs)
                latencies = [at * 1000 for r, at in reports if r.status == "ok" and r.new_stories]
                errors += sum(1 for r, _ in reports if r.status == "error")
                found += sum(1 for r, _ in reports if r.findings)
                ingested += len(latencies)
                rates.append(feeds / wall)
                cpus.append(cpu)
                changed.append(int(answer["changed"]))
                rss_after.append(resident_mb())
                if latencies:
                    p50.append(percentile(latencies, 0.5))
                    p99.append(percentile(latencies, 0.99))
        store.close()
    finally:
        gc.unfreeze()
        server.close()
    cpu_stats = summary(cpus)
    core_share = None
    if cpu_stats["median"] is not None:
        core_share = cpu_stats["median"] / FIVE_MINUTES_S
    return {
        "feeds": feeds,
        "claims": claims,
        "cycles": cycles,
        "changed_per_cycle": changed[0] if changed else 0,
        "setup_s": setup_s,
        "setup_rss_mb": setup_rss,
        "rss_after_cycle_mb": rss_after,
        "baseline": "seeded in the store" if seeded else "first poll of every feed",
        "baseline_s": baseline_s,
        "baseline_cpu_s": baseline_cpu,
        "feeds_per_s": summary(rates),
        "cpu_s_per_cycle": cpu_stats,
        "cores_at_5min_cycle": core_share,
        "latency_p50_ms": summary(p50),
        "latency_p99_ms": summary(p99),
        "latency_measures": "feed change → its story and findings stored, every feed due at once",
        "hosts": server.hosts,
        "poll_path": f"the scheduler's job: {CONCURRENCY} fetches, {PER_HOST} a host, one writer",
        "changed_feeds_ingested": ingested,
        "changed_feeds_with_findings": found,
        "errors": errors,
    }


def polling(*, feeds: int, claims: int, cycles: int, seeded_baseline: bool = False) -> Json:
    """Poll `feeds` feeds `cycles` times after the baseline (polled, or seeded when asked)."""
    before = noise()
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-") as tmp:
        result = asyncio.run(_run(feeds, claims, cycles, seeded_baseline, Path(tmp)))
    result["peak_rss_mb"] = peak_rss_mb()
    result["rss_at_end_mb"] = resident_mb()
    result["noise"] = {"before": before, "after": noise()}
    return result
