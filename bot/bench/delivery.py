"""Delivery benchmarks: alerts through the fake Telegram and Slack servers, rate limits on.

``delivery(platform=...)`` measures, through the real senders (python-telegram-bot with its
``AIORateLimiter`` and our 1 message/s per chat pacing; the Slack sender's 1 message/s per
channel pacing) and ``Service.dispatch``:

- **alerts/s**: a backlog of outbox rows spread over ``channels`` chats, drained by the
  dispatcher;
- **finding → message**: stories ingested at half that rate, each waking the dispatcher (as a
  poll that queues alerts wakes ``run_forever``'s), from the outbox row's ``created_at``
  (written with its finding) to the time the fake server accepted the message.

``end_to_end(...)`` runs ``run_forever`` over N feeds of the bench feed server at a short poll
interval, changes each feed at a known time, and measures change → message at the fake Telegram
server, less the poll interval (the target is at most 2 s beyond it).

The fakes are threads of this process (``bot.adapters.telegram.fake``, ``bot.adapters.slack
.fake``); their CPU is the bot's here, so the figures err on the slow side.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import random
import sqlite3
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bot.adapters.slack.fake import FakeSlack
from bot.adapters.slack.sender import SlackSender, web_client
from bot.adapters.store import Store
from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.sender import TelegramSender, make_bot
from bot.bench.claims import Workload, make_story, make_workload
from bot.bench.engine import bench_config
from bot.bench.feedsite import FeedServer
from bot.bench.polling import HOSTS, bench_feeds
from bot.bench.report import Json, noise, peak_rss_mb, percentile, summary
from bot.config import ChannelSpec, Config
from bot.core.model import FindingKind, Story
from bot.delivery import Sender
from bot.scheduler import DISPATCH_EVERY_S, dispatch_forever, run_forever
from bot.service import Service

SLACK_TOKEN = "xoxb-bench"
ROUTING = {False: "fanout", True: "desk"}
LOAD_SHARE = 0.5  # the latency run offers this share of the throughput measured
CHANGED_SHARE_E2E = 4  # end to end: a quarter of the feeds change in each poll interval
DRAIN_S = 30.0  # end to end: how long the outbox may take to empty after the last poll (default)

# message id (Telegram message_id, Slack ts) → when the fake accepted it, time.monotonic()
MessageClock = Callable[[str], float | None]


def _chat(platform: str, number: int) -> str:
    return f"C{number:04d}" if platform == "slack" else str(100_000 + number)  # private chats


def _channels(
    platform: str, count: int, topic_ids: Sequence[str], spread: bool
) -> list[ChannelSpec]:
    """``count`` channels; each follows every topic, or (``spread``) every count-th one."""
    channels = []
    for n in range(count):
        topics = topic_ids[n::count] if spread else topic_ids
        channels.append(
            ChannelSpec(
                id=f"bench-{n}",
                platform=platform,
                chat=_chat(platform, n),
                topics=tuple(topics),
                min_severity=FindingKind.NEW_CLAIM,
                digest_cron=None,
                digest_timezone="UTC",
                admins=(),
            )
        )
    return channels


@contextlib.asynccontextmanager
async def _platform(
    platform: str, chats: Sequence[str]
) -> AsyncIterator[tuple[Sender, MessageClock]]:
    """A fake server, the real sender pointed at it, and the fake's message clock."""
    if platform == "telegram":
        with FakeBotAPI() as api:
            bot = make_bot(api.token, api.base_url)
            at: dict[str, float] = {}

            def telegram_clock(message_id: str) -> float | None:
                if message_id not in at:
                    at.update({str(s.message_id): s.at for s in api.sent})
                return at.get(message_id)

            try:
                yield TelegramSender(bot), telegram_clock
            finally:
                await bot.shutdown()
        return
    if platform == "slack":
        channels = {chat: f"desk-{i}" for i, chat in enumerate(chats)}
        with FakeSlack(token=SLACK_TOKEN, channels=channels) as slack:
            yield SlackSender(web_client(SLACK_TOKEN, slack.api_url)), slack.posted_at
        return
    raise ValueError(f"unknown platform {platform!r}")


def _not_cancelled(record: logging.LogRecord) -> bool:
    """Drop APScheduler's report of a job cancelled as the bench's event loop closes."""
    return not (record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError))


def _quiet() -> None:
    """APScheduler warns when a job outlasts its interval (expected under load) and reports
    jobs cancelled at the end of the run: neither is news here."""
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    executor = logging.getLogger("apscheduler.executors.default")
    if _not_cancelled not in executor.filters:
        executor.addFilter(_not_cancelled)


def _fresh(story: Story, key: str) -> Story:
    """The story as news of now (a bot that ignores old stories must still alert on it)."""
    return dataclasses.replace(story, key=key, published=datetime.now(UTC).replace(microsecond=0))


class _Stories:
    """Fresh on-topic stories of the workload, one after another."""

    def __init__(self, workload: Workload, seed: int) -> None:
        self.workload = workload
        self.rng = random.Random(seed)
        self.serial = 0
        self.topic_ids = list(workload.by_topic)

    def next(self) -> Story:
        self.serial += 1
        topic = self.topic_ids[self.serial % len(self.topic_ids)]
        story = make_story(self.rng, self.workload, topic, words=120, serial=self.serial)
        return _fresh(story, f"bench-delivery-{self.serial}")


def _latencies_s(
    db: Path, clock: MessageClock, created: Callable[[str, datetime], float | None]
) -> list[float]:
    """Seconds from each sent row's start (``created(story_key, created_at)``, wall clock) to
    its message at the fake server, read from the SQLite file."""
    offset = time.time() - time.monotonic()  # the fake's monotonic stamps as wall clock
    out: list[float] = []
    with contextlib.closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT o.message_id, o.created_at, f.story_key FROM outbox o "
            "JOIN findings f ON f.id = o.finding_id WHERE o.status = 'sent'"
        ).fetchall()
    for message_id, created_at, story_key in rows:
        at = clock(str(message_id))
        start = created(str(story_key), datetime.fromisoformat(created_at).replace(tzinfo=UTC))
        if at is not None and start is not None:
            out.append(at + offset - start)
    return out


async def _sent_out(store: Store, stall_s: float) -> None:
    """Wait until the outbox is empty, for as long as the dispatcher makes progress: alerts in
    claims' Slack threads go one a message at the channel's pace, so the queue a busy run
    leaves can take longer than any fixed deadline; ``stall_s`` without a row sent ends it."""
    left = store.counts()["pending"]
    stalled_at = time.monotonic() + stall_s
    while left and time.monotonic() < stalled_at:
        await asyncio.sleep(0.1)
        now = store.counts()["pending"]
        if now < left:
            left, stalled_at = now, time.monotonic() + stall_s


async def _drain(service: Service, timeout_s: float) -> int:
    """Dispatch until the outbox is empty (or the time is up); how many were sent."""
    sent = 0
    deadline = time.monotonic() + timeout_s
    while service.store.counts()["pending"] and time.monotonic() < deadline:
        done = await service.dispatch()
        sent += done
        if not done:
            await asyncio.sleep(0.05)
    return sent


async def _delivery(
    platform: str, channels: int, backlog: int, steady_s: float, runs: int, desk: bool, tmp: Path
) -> Json:
    workload = make_workload(channels * 50)  # as many topics as channels
    specs = _channels(platform, channels, list(workload.by_topic), spread=desk)
    chats = [str(c.chat) for c in specs]
    rates: list[float] = []
    p50: list[float] = []
    p99: list[float] = []
    offered = 0
    offered_s = 0.0
    dead = queued_total = sent_total = timed = backlog_total = 0
    async with _platform(platform, chats) as (sender, clock):
        for run in range(runs):
            db = tmp / f"delivery-{run}.db"
            config = dataclasses.replace(bench_config(workload, tmp), channels=tuple(specs))
            store = Store.open(f"sqlite:///{db}")
            service = Service(config, store, senders={platform: sender})
            stories = _Stories(workload, seed=run)
            # 1. throughput: a backlog of `backlog` alerts drained by the dispatcher
            while store.counts()["pending"] < backlog:
                service.ingest(stories.next(), feed_url="bench")
            queued = store.counts()["pending"]
            start = time.perf_counter()
            sent = await _drain(service, timeout_s=10 * queued)
            queued_total += queued
            backlog_total += queued
            rates.append(sent / (time.perf_counter() - start))
            backlog_keys = {f"bench-delivery-{n}" for n in range(1, stories.serial + 1)}
            # 2. latency: stories at half the measured rate, each waking the dispatcher
            stop, wake = asyncio.Event(), asyncio.Event()
            task = asyncio.create_task(dispatch_forever(service, wake, stop))  # run_forever's
            began = time.monotonic()
            until = began + steady_s
            offered_run = 0
            while True:
                before = store.counts()["pending"]
                service.ingest(stories.next(), feed_url="bench")
                alerts = store.counts()["pending"] - before
                offered_run += alerts
                offered += alerts
                wake.set()
                pause = alerts / (LOAD_SHARE * rates[-1]) if alerts else 0.1
                if time.monotonic() + pause >= until:  # the last story: its pause counts as
                    offered_s += time.monotonic() + pause - began  # offered time, but nothing
                    break  # else comes in it, so wait for the outbox instead of sleeping it out
                await asyncio.sleep(pause)
            await _sent_out(store, stall_s=30)
            stop.set()
            wake.set()
            await task
            await service.stop_delivery(grace_s=60)  # as run_forever stops
            counts = store.counts()
            dead += counts["dead"]
            sent_total += counts["sent"]
            queued_total += offered_run
            store.close()

            def created(key: str, at: datetime, skip: set[str] = backlog_keys) -> float | None:
                return None if key in skip else at.timestamp()

            latencies = _latencies_s(db, clock, created)
            timed += len(latencies)
            if latencies:
                p50.append(percentile(latencies, 0.5) * 1000)
                p99.append(percentile(latencies, 0.99) * 1000)
    return {
        "platform": platform,
        "channels": channels,
        "routing": ROUTING[desk],
        "backlog_alerts": backlog,
        "runs": runs,
        "alerts_per_s": summary(rates),
        "steady_load": f"{LOAD_SHARE:.0%} of the alerts/s measured",
        "steady_alerts_per_s": offered / offered_s if offered_s else None,
        "latency_p50_ms": summary(p50),
        "latency_p99_ms": summary(p99),
        "latency_measures": "outbox row written → message accepted by the fake server "
        "(the dispatcher woken as the row is written, as a poll that queues alerts wakes it)",
        "dispatch_every_s": DISPATCH_EVERY_S,
        "alerts_queued": queued_total,
        "backlog_alerts_queued": backlog_total,
        "alerts_sent": sent_total,
        "alerts_timed": timed,
        "dead": dead,
    }


def delivery(
    *,
    platform: str,
    channels: int = 20,
    backlog: int = 200,
    steady_s: float = 10.0,
    runs: int = 3,
    routing: str = "fanout",
) -> Json:
    """Alerts per second and finding → message latency through one platform's fake.

    ``routing``: "fanout", every channel follows every topic (a finding is one alert in each
    chat, so consecutive alerts go to different chats); "desk", each channel follows its own
    topics (a story's alerts all go to one chat, one after another).
    """
    if routing not in ROUTING.values():
        raise ValueError(f"routing is one of {sorted(ROUTING.values())}, not {routing!r}")
    desk = routing == ROUTING[True]
    return _measured(lambda tmp: _delivery(platform, channels, backlog, steady_s, runs, desk, tmp))


# --- end to end: feed change → message ---------------------------------------------------------


async def _baselines_done(store: Store, count: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if sum(1 for f in store.feed_states() if f.baseline_done) >= count:
            return True
        await asyncio.sleep(0.25)
    return False


async def _end_to_end(
    feeds: int, claims: int, interval_s: int, rounds: int, channels: int, drain_s: float, tmp: Path
) -> Json:
    workload = make_workload(claims)
    server = FeedServer(feeds, claims, hosts=min(HOSTS, feeds))
    try:
        specs = bench_feeds(server, feeds, interval_s)
        chans = _channels("telegram", channels, list(workload.by_topic), spread=True)
        config: Config = dataclasses.replace(
            bench_config(workload, tmp), feeds=tuple(specs), channels=tuple(chans)
        )
        db = tmp / "e2e.db"
        store = Store.open(f"sqlite:///{db}")
        changed_at: dict[str, float] = {}  # story key → wall time of the change
        async with _platform("telegram", [str(c.chat) for c in chans]) as (sender, clock):
            service = Service(config, store, senders={"telegram": sender})
            stop = asyncio.Event()
            task = asyncio.create_task(run_forever(service, stop=stop))
            started = time.monotonic()
            ready = await _baselines_done(store, feeds, timeout_s=feeds + 3 * interval_s + 30)
            baseline_s = time.monotonic() - started
            rng = random.Random(3)
            per_round = max(1, feeds // CHANGED_SHARE_E2E)
            async with httpx.AsyncClient() as client:
                for _ in range(rounds if ready else 0):  # a quarter of the feeds each interval
                    order = rng.sample(range(feeds), per_round)
                    times = sorted(rng.uniform(0, interval_s) for _ in order)
                    begin = time.monotonic()
                    for feed, offset in zip(order, times, strict=True):
                        await asyncio.sleep(max(0.0, begin + offset - time.monotonic()))
                        before = time.time()
                        answer = (await client.post(f"{server.base}/_change/{feed}")).json()
                        key = f"bench-feed{feed}-v{answer['version']}"
                        changed_at[key] = (before + time.time()) / 2
                    await asyncio.sleep(max(0.0, begin + interval_s - time.monotonic()))
            # every change is polled within an interval (+ jitter): wait until each changed
            # story is stored (its alerts are written with it), at most that long; then until
            # the outbox drains
            deadline = time.monotonic() + interval_s + max(1, interval_s // 10) + 3
            while time.monotonic() < deadline and not all(map(store.has_story, changed_at)):
                await asyncio.sleep(0.2)
            while store.counts()["pending"] and time.monotonic() < deadline + drain_s:
                await asyncio.sleep(0.2)
            stop.set()
            await task
            counts = store.counts()
            store.close()
            first: dict[str, float] = {}
            every: list[float] = []
            offset = time.time() - time.monotonic()
            with contextlib.closing(sqlite3.connect(db)) as conn:
                rows = conn.execute(
                    "SELECT o.message_id, f.story_key, o.status, o.created_at FROM outbox o "
                    "JOIN findings f ON f.id = o.finding_id"
                ).fetchall()
            with_alerts = {key for _, key, _, _ in rows if key in changed_at}
            stored = {  # change → its alerts written (polled, engine, store)
                key: datetime.fromisoformat(created).replace(tzinfo=UTC).timestamp()
                - changed_at[key]
                for _, key, _, created in rows
                if key in changed_at
            }
            for message_id, key, status, _ in rows:
                if status != "sent":
                    continue
                at = clock(str(message_id))
                if at is None or key not in changed_at:
                    continue
                delay = at + offset - changed_at[key]
                every.append(delay)
                first[key] = min(first.get(key, delay), delay)
    finally:
        server.close()
    firsts = list(first.values())

    def beyond(values: list[float], share: float) -> float | None:
        return percentile(values, share) - interval_s if values else None

    return {
        "feeds": feeds,
        "claims": claims,
        "channels": channels,
        "poll_interval_s": interval_s,
        "changes": len(changed_at),
        "changes_with_alerts": len(with_alerts),
        "changes_alerted": len(first),  # the first of its alerts delivered before the end
        "alerts_delivered": len(every),  # alerts, bundled or not
        "baseline_s": baseline_s,
        "beyond_interval_p50_s": beyond(firsts, 0.5),
        "beyond_interval_p99_s": beyond(firsts, 0.99),
        "change_to_message_p50_s": percentile(firsts, 0.5) if firsts else None,
        "change_to_message_p99_s": percentile(firsts, 0.99) if firsts else None,
        "every_message_beyond_p99_s": beyond(every, 0.99),
        "change_to_stored_p50_s": percentile(list(stored.values()), 0.5) if stored else None,
        "change_to_stored_p99_s": percentile(list(stored.values()), 0.99) if stored else None,
        "measures": "feed change → first message of its alerts at the fake Telegram server, "
        "less the poll interval (run_forever, real scheduler and dispatcher)",
        "routing": "desk: each chat follows its own topics",
        "drain_s": drain_s,
        "dead": counts["dead"],
        "pending_at_end": counts["pending"],
    }


def end_to_end(
    *,
    feeds: int,
    claims: int = 1_000,
    interval_s: int = 10,
    rounds: int = 2,
    channels: int = 20,
    drain_s: float = DRAIN_S,
) -> Json:
    """Feed change → message at the fake Telegram server, through ``run_forever``."""
    return _measured(
        lambda tmp: _end_to_end(feeds, claims, interval_s, rounds, channels, drain_s, tmp)
    )


def _measured(run: Callable[[Path], Coroutine[Any, Any, Json]]) -> Json:
    """Run one bench coroutine in a scratch folder, with the noise before and after and the
    peak resident memory."""
    before = noise()
    _quiet()
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-") as tmp:
        result = asyncio.run(run(Path(tmp)))
    result["peak_rss_mb"] = peak_rss_mb()
    result["noise"] = {"before": before, "after": noise()}
    return result
