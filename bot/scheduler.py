"""``claimwatch run``: APScheduler 3 jobs — one poll job per feed — and the outbox dispatcher.

Each feed is polled on its own interval (with jitter so that feeds do not fire together). A poll
has two halves: the fetch runs concurrently with other fetches (at most ``concurrency`` in all
and ``per_host`` per host, so one slow site cannot hog the slots), and only the store half
(ingest, poll state) takes the writer lock. The dispatcher sends what waits in the outbox as
soon as a poll queues an alert, and every ``dispatch_every_s`` seconds in any case.

SIGTERM and SIGINT stop the loop: fetches in flight are dropped (nothing was written), a store
half in progress finishes its transaction, the dispatcher finishes its pass (or is cut off after
``SHUTDOWN_GRACE_S``), and anything not yet sent stays in the outbox for the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.chat import feed_specs, post_due_digests
from bot.config import FeedSpec
from bot.service import FeedFetch, Service

if TYPE_CHECKING:
    from bot.platforms import Runner

log = logging.getLogger(__name__)

DISPATCH_EVERY_S = 2.0
DIGEST_CHECK_EVERY_S = 60.0
BEAT_EVERY_S = 5.0  # the heartbeat /healthz watches
PER_HOST = 2  # fetches in flight to one host
CONCURRENCY = 32  # fetches in flight in all
STAGGER_S = 0.05  # first polls at start-up: one feed every this many seconds
SHUTDOWN_GRACE_S = 20.0  # a dispatch pass still running after this is cut off


def host_of(location: str) -> str:
    """The host a feed is fetched from ("" for a local file)."""
    return (urlsplit(location).hostname or "").lower() if "://" in location else ""


async def run_forever(
    service: Service,
    *,
    runners: Sequence[Runner] = (),
    stop: asyncio.Event | None = None,
    per_host: int = PER_HOST,
    concurrency: int = CONCURRENCY,
    dispatch_every_s: float = DISPATCH_EVERY_S,
    stagger_s: float = STAGGER_S,
) -> None:
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on the main thread
            loop.add_signal_handler(sig, stop.set)
    writer = asyncio.Lock()  # one store half of a poll at a time
    sending = asyncio.Lock()  # one dispatch pass or digest round at a time
    wake = asyncio.Event()  # a poll queued alerts: dispatch now
    closing = asyncio.Event()
    fetch_slots = asyncio.Semaphore(max(1, concurrency))
    host_slots: dict[str, asyncio.Semaphore] = {}
    fetching: set[asyncio.Task[object]] = set()
    async with httpx.AsyncClient() as client:

        async def fetch(spec: FeedSpec) -> FeedFetch | None:
            """The network half, within the caps; None when stopping (nothing written)."""
            slot = host_slots.setdefault(
                host_of(service.location_of(spec)), asyncio.Semaphore(max(1, per_host))
            )
            task = asyncio.current_task()
            assert task is not None
            fetching.add(task)
            try:
                async with slot, fetch_slots:  # the host's slot first: never hold a global
                    return await service.fetch_feed(spec, client)  # slot while waiting
            except asyncio.CancelledError:
                if closing.is_set():
                    return None
                raise
            finally:
                fetching.discard(task)

        async def poll(spec: FeedSpec) -> None:
            fetched = await fetch(spec)
            if fetched is None or closing.is_set():
                return
            async with writer:
                report = service.record_fetch(fetched)
            if report.alerts:
                wake.set()
            log.info(
                "polled %s: %s, %d new, %d findings%s",
                spec.name,
                report.status,
                report.new_stories,
                report.findings,
                " (baseline)" if report.baseline else "",
            )

        async def digests() -> None:
            async with sending:
                sent = await post_due_digests(service)
            if sent:
                log.info("posted %d digest(s)", sent)

        async def dispatcher() -> None:
            while not closing.is_set():
                wake.clear()
                try:
                    async with sending:
                        sent = await service.dispatch()
                    if sent:
                        log.info("delivered %d alert(s)", sent)
                except Exception:  # the next pass tries again
                    log.exception("dispatch failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), dispatch_every_s)

        async def beat() -> None:
            service.metrics.beat()

        scheduler = AsyncIOScheduler(timezone="UTC")

        def schedule(spec: FeedSpec, delay_s: float) -> None:
            scheduler.add_job(
                poll,
                IntervalTrigger(seconds=spec.interval_s, jitter=max(1, spec.interval_s // 10)),
                args=[spec],
                id=f"feed:{spec.location}",
                name=f"poll {spec.name}",
                next_run_time=datetime.now().astimezone() + timedelta(seconds=delay_s),
                max_instances=1,
                coalesce=True,
                misfire_grace_time=None,  # late (a busy loop) is better than never
                replace_existing=True,
            )

        async def sync_feeds() -> None:
            """Feeds added or removed by command are picked up within a minute."""
            wanted = {f"feed:{f.location}": f for f in feed_specs(service.config, service.store)}
            for job in scheduler.get_jobs():
                if job.id.startswith("feed:") and job.id not in wanted:
                    job.remove()
                    log.info("stopped polling %s", job.name.removeprefix("poll "))
            for job_id, spec in wanted.items():
                if scheduler.get_job(job_id) is None:
                    schedule(spec, 0)
                    log.info("started polling %s", spec.name)

        feeds = feed_specs(service.config, service.store)
        for i, spec in enumerate(feeds):
            schedule(spec, min(i * stagger_s, spec.interval_s))
        for task, every_s in ((sync_feeds, DIGEST_CHECK_EVERY_S), (digests, DIGEST_CHECK_EVERY_S),
                             (beat, BEAT_EVERY_S)):  # fmt: skip
            scheduler.add_job(
                task, IntervalTrigger(seconds=every_s), id=task.__name__,
                max_instances=1, coalesce=True,
            )  # fmt: skip
        service.metrics.beat()
        scheduler.start()
        sender = asyncio.create_task(dispatcher(), name="dispatcher")
        started: list[Runner] = []
        try:
            for runner in runners:
                await runner.start()
                started.append(runner)
            log.info(
                "claimwatch running: %d feed(s), %d channel(s)",
                len(feeds),
                len(service.config.channels),
            )
            await stop.wait()
        finally:
            log.info("stopping: unsent alerts stay in the outbox")
            closing.set()
            scheduler.pause()  # no new runs
            for in_flight in list(fetching):
                in_flight.cancel()
            wake.set()
            try:
                await asyncio.wait_for(sender, SHUTDOWN_GRACE_S)
            except TimeoutError:
                log.warning("the dispatch pass was cut off; its message may be sent again")
            async with writer, sending:  # a store half or a digest in progress finishes
                scheduler.shutdown(wait=False)
            for runner in reversed(started):
                await runner.stop()
            log.info("stopped")
