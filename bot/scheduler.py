"""``claimwatch run``: APScheduler 3 jobs — one poll job per feed — and the outbox dispatcher.

Each feed is polled on its own interval (with jitter so that feeds do not fire together). A poll
has two halves: the fetch runs concurrently with other fetches (at most ``concurrency`` in all
and ``per_host`` per host, so one slow site cannot hog the slots), and only the store half
(ingest, poll state) takes the writer lock. The dispatcher sends what waits in the outbox as
soon as a poll queues an alert, and every ``dispatch_every_s`` seconds in any case: it starts
one sender per channel (``Service.start_delivery``), so a chat with a backlog holds up only itself.

SIGTERM and SIGINT stop the loop: fetches in flight are dropped (nothing was written), a store
half in progress finishes its transaction, each channel's sender finishes the message in flight
(or is cut off after ``SHUTDOWN_GRACE_S``), and anything not yet sent stays in the outbox for
the next start.
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
from bot.service import FeedFetch, PollReport, Service

if TYPE_CHECKING:
    from bot.platforms import Runner

log = logging.getLogger(__name__)

DISPATCH_EVERY_S = 2.0
DIGEST_CHECK_EVERY_S = 60.0
BEAT_EVERY_S = 5.0  # the heartbeat /healthz watches
PER_HOST = 2  # fetches in flight to one host
CONCURRENCY = 32  # fetches in flight in all
STAGGER_S = 0.05  # first polls at start-up: one feed every this many seconds
SHUTDOWN_GRACE_S = 20.0  # a send still running after this is cut off


def host_of(location: str) -> str:
    """The host a feed is fetched from ("" for a local file)."""
    return (urlsplit(location).hostname or "").lower() if "://" in location else ""


class PollJob:
    """The per-feed job of ``claimwatch run``: the fetch (network half) within the caps — at
    most ``concurrency`` in all and ``per_host`` a host, so one slow site cannot hog the slots
    — then the store half (ingest, poll state) under the one ``writer`` lock.

    ``await job(spec)`` polls one feed. After :meth:`close` fetches in flight are dropped
    (nothing was written) and no store half starts: those polls report "skipped".
    """

    def __init__(
        self,
        service: Service,
        client: httpx.AsyncClient,
        *,
        per_host: int = PER_HOST,
        concurrency: int = CONCURRENCY,
        writer: asyncio.Lock | None = None,
    ) -> None:
        self.service = service
        self.client = client
        self.per_host = max(1, per_host)
        self.writer = writer or asyncio.Lock()
        self.closing = False
        self._fetch_slots = asyncio.Semaphore(max(1, concurrency))
        self._host_slots: dict[str, asyncio.Semaphore] = {}
        self._fetching: set[asyncio.Task[object]] = set()

    async def __call__(self, spec: FeedSpec) -> PollReport:
        fetched = await self.fetch(spec)
        if fetched is None or self.closing:
            return PollReport(spec.name, "skipped", error="stopping")
        async with self.writer:
            return self.service.record_fetch(fetched)

    async def fetch(self, spec: FeedSpec) -> FeedFetch | None:
        """The network half, within the caps; None when stopping (nothing written)."""
        host = host_of(self.service.location_of(spec))
        slot = self._host_slots.setdefault(host, asyncio.Semaphore(self.per_host))
        task = asyncio.current_task()
        assert task is not None
        self._fetching.add(task)
        try:
            async with slot, self._fetch_slots:  # the host's slot first: never hold a global
                return await self.service.fetch_feed(spec, self.client)  # slot while waiting
        except asyncio.CancelledError:
            if self.closing:
                return None
            raise
        finally:
            self._fetching.discard(task)

    def close(self) -> None:
        """Stop: drop the fetches in flight; a store half in progress finishes (under
        ``writer``), no other starts."""
        self.closing = True
        for in_flight in list(self._fetching):
            in_flight.cancel()


async def dispatch_forever(
    service: Service,
    wake: asyncio.Event,
    stop: asyncio.Event,
    every_s: float = DISPATCH_EVERY_S,
) -> None:
    """The outbox dispatcher of ``claimwatch run``: start the channels' senders
    (:meth:`Service.start_delivery`) as soon as ``wake`` is set — a poll queued alerts — and
    every ``every_s`` seconds in any case (a channel's wait is over, rows left by a restart).
    It never waits for a send, so a chat with a backlog holds up only itself. Returns once
    ``stop`` is set (set ``wake`` too, to return at once); the senders run on until
    :meth:`Service.stop_delivery`."""
    while not stop.is_set():
        wake.clear()
        try:
            service.start_delivery()
        except Exception:  # the next pass tries again
            log.exception("dispatch failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), every_s)


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
    sending = asyncio.Lock()  # one digest round at a time
    wake = asyncio.Event()  # a poll queued alerts: dispatch now
    closing = asyncio.Event()
    async with httpx.AsyncClient() as client:
        poll_job = PollJob(
            service, client, per_host=per_host, concurrency=concurrency, writer=writer
        )

        async def poll(spec: FeedSpec) -> None:
            report = await poll_job(spec)
            if poll_job.closing:
                return
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
                queued = await post_due_digests(service)
            if queued:  # out through the channels' senders, paced and retried like alerts
                wake.set()
                log.info("queued %d digest(s)", queued)

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
        dispatcher = asyncio.create_task(
            dispatch_forever(service, wake, closing, dispatch_every_s), name="dispatcher"
        )
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
            poll_job.close()
            scheduler.pause()  # no new runs
            wake.set()
            await dispatcher
            if not await service.stop_delivery(SHUTDOWN_GRACE_S):
                log.warning("a send was cut off; that message may be sent again at the next start")
            async with writer, sending:  # a store half or a digest in progress finishes
                scheduler.shutdown(wait=False)
            for runner in reversed(started):
                await runner.stop()
            log.info("stopped")
