"""``claimwatch run``: APScheduler 3 jobs — one poll job per feed, and the outbox dispatcher.

Each feed is polled on its own interval (with jitter so that feeds do not fire together); the
dispatcher sends what waits in the outbox every few seconds. SIGTERM and SIGINT stop the loop:
the job in progress finishes, and anything not yet sent stays in the outbox for the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import httpx
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.chat import feed_specs, post_due_digests
from bot.config import FeedSpec
from bot.service import Service

if TYPE_CHECKING:
    from bot.platforms import Runner

log = logging.getLogger(__name__)

DISPATCH_EVERY_S = 2.0
DIGEST_CHECK_EVERY_S = 60.0


async def run_forever(
    service: Service, *, runners: Sequence[Runner] = (), stop: asyncio.Event | None = None
) -> None:
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on the main thread
            loop.add_signal_handler(sig, stop.set)
    lock = asyncio.Lock()  # one store writer at a time
    async with httpx.AsyncClient() as client:

        async def poll(spec: FeedSpec) -> None:
            async with lock:
                report = await service.poll(spec, client)
            log.info(
                "polled %s: %s, %d new, %d findings%s",
                spec.name,
                report.status,
                report.new_stories,
                report.findings,
                " (baseline)" if report.baseline else "",
            )

        async def digests() -> None:
            async with lock:
                sent = await post_due_digests(service)
            if sent:
                log.info("posted %d digest(s)", sent)

        async def dispatch() -> None:
            async with lock:
                sent = await service.dispatch()
            if sent:
                log.info("delivered %d alert(s)", sent)

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
            schedule(spec, i * 0.5)
        for task, every_s in ((sync_feeds, DIGEST_CHECK_EVERY_S), (dispatch, DISPATCH_EVERY_S),
                             (digests, DIGEST_CHECK_EVERY_S)):  # fmt: skip
            scheduler.add_job(
                task, IntervalTrigger(seconds=every_s), id=task.__name__,
                max_instances=1, coalesce=True,
            )  # fmt: skip
        scheduler.start()
        for runner in runners:
            await runner.start()
        log.info(
            "claimwatch running: %d feed(s), %d channel(s)",
            len(feeds),
            len(service.config.channels),
        )
        try:
            await stop.wait()
        finally:
            log.info("stopping: unsent alerts stay in the outbox")
            scheduler.shutdown(wait=False)
            for runner in runners:
                await runner.stop()
            async with lock:  # wait for the job in progress to finish its transaction
                log.info("stopped")
