"""The shell that wires the core to the adapters: feeds in, findings stored, alerts out.

Data flow (DESIGN.md): fetch → parse → story store (dedupe) → engine (extract, match, compare)
→ findings and their outbox rows in one transaction → senders (console, Telegram, Slack).
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import functools
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, Protocol, runtime_checkable

import httpx

from bot.adapters import feeds
from bot.adapters.feeds.parse import MAX_TEXT, bound
from bot.adapters.store import FeedState, Notice, OutboxItem, Store
from bot.adapters.store.store import pending_channels
from bot.chat import load_routes, restore_tracked
from bot.config import Config, FeedSpec
from bot.core.engine import Engine
from bot.core.message import Line, Message
from bot.core.model import Story, StoryResult
from bot.core.render import bundle, render_alert, render_digest
from bot.core.routing import Route, route
from bot.errors import ChatGone, ChatMoved, DeliveryError, MessageRejected, RetryLater
from bot.metrics import Metrics

log = logging.getLogger(__name__)

MAX_DELIVERY_BACKOFF_S = 300.0  # a failing channel is retried after 2, 4, 8 … s, at most this
MAX_DELIVERY_ATTEMPTS = 5  # failed sends of one outbox row before it is dead (see /status)
DELIVERY_CONCURRENCY = 16  # channels sent to at once (each one message at a time, in order)
ALERTS_A_MESSAGE = 10  # alerts waiting for one chat that may go as one message, at most

BACKOFF_CAP_S = 6 * 3600
MAX_RETRY_AFTER_S = 24 * 3600  # a longer Retry-After is taken as a day
MAX_FAILURES = 10  # failures in a row before a feed is disabled
DISABLED_META = "feed_disabled_times:"  # meta key prefix: how often a feed was disabled
FEED_FAILURE = "feed_failure"  # log record attribute of a failed poll's warning


class Sender(Protocol):
    """A channel adapter: posts one neutral message, returns the platform's message id."""

    platform: str

    async def send(self, chat: str | None, message: Message) -> str: ...


@runtime_checkable
class Bundler(Protocol):
    """A sender that can post several alerts as one message (a bundle, ``Message.parts``)."""

    def fits(self, chat: str | None, message: Message) -> bool:
        """Whether ``message`` goes to ``chat`` as one message, within the platform's limits."""
        ...


class FeedError(Exception):
    """A feed could not be read or parsed; the message names the feed and the reason."""


@dataclass(frozen=True)
class FeedSource:
    """Where stories come from: a configured feed, or a path/URL given on the command line."""

    name: str
    location: str
    outlet: str
    full_text: bool = False

    @classmethod
    def of(cls, spec: FeedSpec) -> FeedSource:
        return cls(spec.name, spec.location, spec.outlet, spec.full_text)


@dataclass(frozen=True)
class PollReport:
    feed: str
    status: str  # "ok", "not_modified", "error", "skipped" (disabled or waiting: see error)
    new_stories: int = 0
    findings: int = 0
    baseline: bool = False
    error: str | None = None
    alerts: int = 0  # outbox rows queued (alerts, or notices that the feed was disabled)


@dataclass(frozen=True)
class FeedFetch:
    """The network half of a poll (:meth:`Service.fetch_feed`), for the store half
    (:meth:`Service.record_fetch`). ``fetched`` None: skipped, and ``skipped`` says why."""

    spec: FeedSpec
    state: FeedState
    location: str = ""
    fetched: feeds.FetchResult | None = None
    stories: tuple[Story, ...] = ()
    error: str | None = None
    was_waiting: bool = False  # a Retry-After or backoff time was set (cleared on an answer)
    skipped: str | None = None


def utc_now() -> datetime:
    return datetime.now(UTC)


def publication_order(
    batches: Iterable[tuple[FeedSource, Sequence[Story]]],
) -> list[tuple[FeedSource, Story]]:
    """Stories of several feeds merged in publication order (undated ones last, in feed order)."""
    keyed = []
    for f_index, (source, stories) in enumerate(batches):
        for s_index, story in enumerate(stories):
            when = story.published.timestamp() if story.published else float("inf")
            keyed.append(((when, f_index, s_index), source, story))
    keyed.sort(key=lambda item: item[0])
    return [(source, story) for _, source, story in keyed]


def render_notice(payload: Mapping[str, object]) -> Message:
    """A notice or a digest from the outbox (:func:`notice_payload`) as a message."""
    lines = payload.get("lines")
    kind = "digest" if payload.get("kind") == "digest" else "notice"
    link, image = payload.get("link"), payload.get("image")
    return Message(
        str(payload.get("title") or f"claimwatch {kind}"),
        tuple(
            Line(str(line[1]), label=str(line[0]), quote=len(line) == 3 and bool(line[2]))
            for line in (lines if isinstance(lines, list) else [])
            if isinstance(line, list) and len(line) in (2, 3)
        ),
        link=link if isinstance(link, str) else None,
        kind=kind,
        image=base64.b64decode(image) if isinstance(image, str) else None,
    )


def notice_payload(message: Message) -> dict[str, object]:
    """A message as an outbox notice (``{"title", "lines": [[label, text(, quote)]], …}``):
    what :func:`render_notice` reads back; the chart, if any, as base64."""
    payload: dict[str, object] = {
        "title": message.title,
        "lines": [
            [line.label, line.text, True] if line.quote else [line.label, line.text]
            for line in message.lines
        ],
        "kind": message.kind,
    }
    if message.link:
        payload["link"] = message.link
    if message.image is not None:
        payload["image"] = base64.b64encode(message.image).decode("ascii")
    return payload


def backoff_s(interval_s: int, errors: int) -> float:
    """How long a feed waits after ``errors`` failures in a row: interval × 2^errors, capped."""
    return float(min(interval_s * 2 ** min(errors, 30), BACKOFF_CAP_S))


class Service:
    allow_private_feeds: bool = False  # may feeds added by command reach private addresses?

    def __init__(
        self,
        config: Config,
        store: Store,
        *,
        senders: Mapping[str, Sender] | None = None,
        now: Callable[[], datetime] = utc_now,
        max_story_age: timedelta | None = None,
        metrics: Metrics | None = None,
        delivery_concurrency: int = DELIVERY_CONCURRENCY,
        alerts_per_message: int = ALERTS_A_MESSAGE,
    ) -> None:
        self.config = config
        self.store = store
        self.senders = dict(senders or {})
        self.now = now
        self.max_story_age = max_story_age  # None: stories of any age may alert
        self.metrics = metrics or Metrics()
        self.metrics.watch_store(store.ops_summary)
        self.engine = Engine(config.topics, learn_claims=bool(config.learn_claims))
        store.sync_claims(list(config.claims))
        store.sync_channels([(c.id, c.platform, c.chat) for c in config.channels])
        for spec in config.feeds:
            store.ensure_feed(spec.name, spec.location, spec.interval_s)
        configured = {c.id for c in config.claims}
        self.engine.restore(
            (spec for spec, _ in store.claims(learned_only=True) if spec.id not in configured),
            store.sightings(),
            store.recent_stories(500),
        )
        restore_tracked(self)
        self.routes: list[Route] = load_routes(config, store)
        self._chats = {c.id: c.chat for c in config.channels}
        self._platforms = {c.id: c.platform for c in config.channels}
        self._warned: set[str] = set()
        self._gone: set[str] = {
            c.id for c in config.channels if store.get_meta(f"channel_gone:{c.id}")
        }
        self._paused: dict[str, datetime] = {}
        self.delivery_concurrency = max(1, delivery_concurrency)
        self.alerts_per_message = max(1, alerts_per_message)  # 1: each alert a message of its own
        self._workers: dict[str, asyncio.Task[int]] = {}  # channel → its sender task
        self._slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None
        self._stopping = False

    # --- ingestion -------------------------------------------------------------------------

    def ingest(self, story: Story, *, feed_url: str, deliver: bool = True) -> StoryResult | None:
        """Run one story through the engine and store the result; None if already seen. A
        story published more than ``max_story_age`` ago is stored, never alerted on."""
        return self._ingest(story, feed_url=feed_url, deliver=deliver)[0]

    def _ingest(
        self, story: Story, *, feed_url: str, deliver: bool, known: set[str] | None = None
    ) -> tuple[StoryResult | None, int]:
        """``known``: the keys stored already (one query for a poll's stories, see
        ``Store.known_stories``); the story's key is added once it is stored."""
        seen = self.store.has_story(story.key) if known is None else story.key in known
        if seen:
            return None, 0
        result = self.engine.process(story)
        deliveries = (
            [(i, ch) for i, f in enumerate(result.findings) for ch in route(f, self.routes)]
            if deliver and not self.is_old(story)
            else []
        )
        self.store.record(result, feed_url=feed_url, fetched_at=self.now(), deliveries=deliveries)
        if known is not None:
            known.add(story.key)
        self.metrics.stories.inc()
        for finding in result.findings:
            self.metrics.findings.labels(str(finding.kind)).inc()
        return result, len(deliveries)

    def is_old(self, story: Story) -> bool:
        """Published longer than ``max_story_age`` ago (a story without a date is new)."""
        if self.max_story_age is None or story.published is None:
            return False
        published = story.published
        if published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        return published < self.now() - self.max_story_age

    async def read(self, source: FeedSource, client: httpx.AsyncClient) -> list[Story]:
        """Fetch (or read) and parse a feed, as a poll does but with no poll state (replay, a
        feed named on the command line); raise FeedError with a one-line reason."""
        read = await feeds.read_feed(
            client, source.location, feed_name=source.name, outlet=source.outlet or None
        )
        if read.error or read.fetched.status != "ok":
            raise FeedError(f"{source.location}: {read.error or 'nothing received'}")
        stories = list(read.stories)
        if not source.outlet and read.title:  # a feed named on the command line
            outlet = bound(" ".join(read.title.split()), 200)
            stories = [dataclasses.replace(story, outlet=outlet) for story in stories]
        if source.full_text:
            stories = [await self._with_full_text(client, story) for story in stories]
        return stories

    async def _with_full_text(self, client: httpx.AsyncClient, story: Story) -> Story:
        if not story.url.lower().startswith(("http://", "https://")) or self.store.has_story(
            story.key
        ):
            return story
        text = await feeds.fetch_full_text(
            client, story.url, allow_private=self.allow_private_feeds
        )
        if not text:
            return story
        text = bound(text, MAX_TEXT)
        return dataclasses.replace(story, text=text)

    async def poll(self, spec: FeedSpec, client: httpx.AsyncClient) -> PollReport:
        """One conditional GET of a feed; the first poll only learns the baseline.

        The polite part: a disabled feed (410, or ``MAX_FAILURES`` in a row) is skipped, as is
        one asked to wait (Retry-After) or backing off after errors (``interval × 2^errors``,
        capped at ``BACKOFF_CAP_S``, reset by a success); a 301/308 moves the feed for good, a
        302/307 does not. Feeds not in feeds.yaml (added by command) are fetched through the
        SSRF guard at every redirect hop, connected to the address that was checked.

        Two halves: :meth:`fetch_feed` (network; many at once) and :meth:`record_fetch` (store
        and engine; the scheduler runs one at a time).
        """
        return self.record_fetch(await self.fetch_feed(spec, client))

    def location_of(self, spec: FeedSpec) -> str:
        """Where the feed is fetched from now (a 301/308 may have moved it)."""
        return self.store.feed_location(spec.location) or spec.location

    async def fetch_feed(self, spec: FeedSpec, client: httpx.AsyncClient) -> FeedFetch:
        """The network half of a poll: fetch and parse, or say why not. Writes nothing but a
        new feed's empty poll state."""
        state = self.store.feed_state(spec.location) or self.store.ensure_feed(
            spec.name, spec.location, spec.interval_s
        )
        if state.disabled:
            return FeedFetch(spec, state, skipped=f"disabled: {state.last_error or '?'}")
        not_before = self.store.feed_not_before(spec.location)
        if not_before is not None and not_before > self.now():
            return FeedFetch(spec, state, skipped=f"waiting until {not_before:%H:%M:%S} UTC")
        location = self.location_of(spec)
        read = await feeds.read_feed(
            client,
            location,
            feed_name=spec.name,
            outlet=spec.outlet,
            etag=state.etag,
            last_modified=state.last_modified,
            guard=None if self._trusted(spec) else self.allow_private_feeds,
        )
        fetched, error = read.fetched, None if read.empty else read.error
        stories = list(read.stories)
        if stories:  # what waits for the store half: only the stories not stored yet
            known = self.store.known_stories(story.key for story in stories)
            stories = [story for story in stories if story.key not in known]
        if not error and spec.full_text:
            stories = [await self._with_full_text(client, story) for story in stories]
        return FeedFetch(
            spec, state, location, fetched, tuple(stories), error, not_before is not None
        )

    def record_fetch(self, fetch: FeedFetch) -> PollReport:
        """The store half of a poll: the feed's state, new stories through the engine, and
        the alerts (or a notice to the feed's channels) into the outbox."""
        report = self._record_fetch(fetch)
        self.metrics.count_poll(report.status)
        return report

    def _record_fetch(self, fetch: FeedFetch) -> PollReport:
        spec, state, fetched = fetch.spec, fetch.state, fetch.fetched
        if fetched is None:
            return PollReport(spec.name, "skipped", error=fetch.skipped or "skipped")
        at = self.now()
        if fetched.status != "error":
            self._follow_move(spec, fetch.location, fetched)
            if fetch.was_waiting:
                self.store.set_feed_not_before(spec.location, None)
        if fetched.status == "not_modified":
            self.store.record_poll(
                spec.location,
                at=at,
                etag=fetched.etag or state.etag,
                last_modified=fetched.last_modified or state.last_modified,
                error=None,
            )
            return PollReport(spec.name, "not_modified")
        if fetch.error:
            self.store.record_poll(
                spec.location,
                at=at,
                etag=state.etag,
                last_modified=state.last_modified,
                error=fetch.error,
            )
            queued = self._after_failure(spec, state.error_count + 1, fetched, fetch.error, at)
            return PollReport(spec.name, "error", error=fetch.error, alerts=queued)
        baseline = not state.baseline_done
        new = findings = alerts = 0
        known = self.store.known_stories(story.key for story in fetch.stories)
        for _, story in publication_order([(FeedSource.of(spec), fetch.stories)]):
            result, queued = self._ingest(
                story, feed_url=spec.location, deliver=not baseline, known=known
            )
            if result is not None:
                new += 1
                findings += len(result.findings)
                alerts += queued
        self.store.record_poll(
            spec.location,
            at=at,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            error=None,
            baseline_done=True,
        )
        return PollReport(spec.name, "ok", new, findings, baseline, alerts=alerts)

    def _trusted(self, spec: FeedSpec) -> bool:
        """Feeds of feeds.yaml are trusted; those added by command pass the SSRF guard."""
        return spec.location in self._configured_locations

    @functools.cached_property
    def _configured_locations(self) -> frozenset[str]:
        return frozenset(f.location for f in self.config.feeds)

    def _follow_move(self, spec: FeedSpec, location: str, fetched: feeds.FetchResult) -> None:
        moved = fetched.permanent_url
        if moved and moved != location:
            log.info("feed %s moved permanently: %s -> %s", spec.name, location, moved)
            self.store.set_feed_location(spec.location, moved)

    def _after_failure(
        self, spec: FeedSpec, errors: int, fetched: feeds.FetchResult, error: str, at: datetime
    ) -> int:
        """Disable the feed (410, too many failures) and tell its channels once, or set when it
        may be polled again. Returns the number of notices queued."""
        if fetched.http_status == 410:
            title = f"Feed {spec.name} is gone (HTTP 410); no longer polled"
            reason = f"gone (HTTP 410): {error}"
            log.warning("feed %s is gone (HTTP 410); it is no longer polled", spec.name)
            return self._disable(spec, reason, title, at)
        if errors >= MAX_FAILURES:
            title = f"Feed {spec.name} disabled after {errors} failures in a row: {error}"
            reason = f"{errors} failures in a row; last: {error}"
            log.warning("feed %s disabled after %d failures in a row: %s", spec.name, errors, error)
            return self._disable(spec, reason, title, at)
        wait = backoff_s(spec.interval_s, errors)
        if fetched.retry_after_s is not None:
            wait = max(wait, min(fetched.retry_after_s, MAX_RETRY_AFTER_S))
        self.store.set_feed_not_before(spec.location, at + timedelta(seconds=wait))
        log.warning(
            "feed %s: %s (failure %d; next poll in %.0fs)",
            spec.name,
            error,
            errors,
            wait,
            extra={FEED_FAILURE: True},  # `claimwatch poll` says it on its summary line instead
        )
        return 0

    def _disable(self, spec: FeedSpec, reason: str, title: str, at: datetime) -> int:
        """Disable the feed and queue the notice of this disabling: each time the feed is
        disabled (again after a re-enable by /addfeed) its channels are told once. The count of
        disablings is taken before the feed is disabled, so a crash in between skips a number
        rather than reusing one; a feed disabled already (a stale poll) is left alone."""
        current = self.store.feed_state(spec.location)
        if current is not None and current.disabled:
            return 0
        times = int(self.store.get_meta(f"{DISABLED_META}{spec.location}") or 0) + 1
        self.store.set_meta(f"{DISABLED_META}{spec.location}", str(times))
        notice = self._notice(spec, title, at, times)
        self.store.disable_feed(spec.location, reason, notice=notice)
        return len(notice.channels) if notice else 0

    def _notice(self, spec: FeedSpec, title: str, at: datetime, times: int) -> Notice | None:
        """A notice for the channels subscribed to one of the feed's topics, keyed so that each
        gets it once per disabling: ``feed-disabled:<url>#<times>`` (the ``#`` part is new:
        a notice of an older version, keyed without it, cannot silence a later disabling)."""
        topics = set(spec.topics)
        channels = tuple(r.channel_id for r in self.routes if r.topics & topics)
        if not channels:
            return None
        payload = {"title": bound(title, 500), "lines": [["Feed", spec.location]]}
        return Notice(f"feed-disabled:{spec.location}#{times}", payload, channels, at)

    # --- delivery --------------------------------------------------------------------------
    #
    # One sender task per channel, up to ``delivery_concurrency`` sending at once: each sends
    # its channel's outbox rows in outbox order, one message at a time, and marks each sent with
    # the platform's message id as soon as the platform answers. Alerts waiting together go as
    # one message (a bundle, as many as fit), its rows marked sent with its id in one
    # transaction, so a chat is not paced through a burst of them. A chat with a backlog (paced
    # at about one message a second) holds up only itself; after a kill -9 at most the message
    # in flight in each channel is sent again. The store is synchronous (SQLAlchemy): its
    # writes from these tasks run one at a time on the event loop, never on threads.

    async def dispatch(self, limit: int = 100) -> int:
        """Send what waits in the outbox and wait until it is out; each row is marked sent with
        the message id. Returns the rows delivered by the channel senders waited for (each alert
        of a bundle counts).

        A channel that asked us to wait (RetryLater) is skipped until then; a chat that is gone
        (ChatGone) gets nothing more, is logged once and shown in /status; a moved chat is
        followed to its new id; an alert the platform rejects is not retried (a rejected bundle
        is sent again alert by alert, so only the bad one is lost); another failure backs that
        channel off (2, 4, 8 … s) and counts against the row at the head of its queue, which
        is retried alone and, after ``MAX_DELIVERY_ATTEMPTS``, is dead. None of these holds up
        another channel.
        """
        self.start_delivery(limit)
        workers = list(self._workers.values())
        return sum(await asyncio.gather(*workers)) if workers else 0

    def start_delivery(self, limit: int = 100) -> int:
        """Start a sender task for each channel that has rows to deliver, may be sent to now
        and has none running; returns at once, with how many were started. (The long-running
        dispatcher calls this whenever a poll queues alerts; ``dispatch`` waits as well.)"""
        if self._stopping:
            return 0
        loop = asyncio.get_running_loop()
        started = 0
        for channel in pending_channels(self.store):
            worker = self._workers.get(channel)
            if worker is not None and not worker.done() and worker.get_loop() is loop:
                continue  # it sends what was queued since, in order
            if not self._may_send(channel) or self._sender_for(channel) is None:
                continue
            self._workers[channel] = loop.create_task(
                self._deliver(channel, limit), name=f"deliver {channel}"
            )
            started += 1
        return started

    async def stop_delivery(self, grace_s: float) -> bool:
        """Let each channel finish the message in flight and start no other; what is not sent
        stays in the outbox. Senders still running after ``grace_s`` are cancelled (their
        message may be sent again at the next start). True if all stopped in time."""
        self._stopping = True
        try:
            workers = [w for w in self._workers.values() if not w.done()]
            if not workers:
                return True
            _, late = await asyncio.wait(workers, timeout=grace_s)
            for worker in late:
                worker.cancel()
            await asyncio.gather(*late, return_exceptions=True)
            return not late
        finally:
            self._stopping = False

    def delivering(self) -> list[str]:
        """The channels whose sender task is running now."""
        return sorted(c for c, w in self._workers.items() if not w.done())

    def _may_send(self, channel: str) -> bool:
        if self._stopping or channel in self._gone:
            return False
        paused = self._paused.get(channel)
        return paused is None or paused <= self.now()

    def _sender_for(self, channel: str) -> Sender | None:
        platform = self._platforms.get(channel, "?")
        sender = self.senders.get(platform)
        if sender is None:
            self._warn_once(
                channel, "no %s connection configured; alerts wait in the outbox", platform
            )
        return sender

    def _slot(self) -> asyncio.Semaphore:
        """The bound on channels sending at once (one per event loop: tests run several)."""
        loop = asyncio.get_running_loop()
        if self._slots is None or self._slots[0] is not loop:
            self._slots = (loop, asyncio.Semaphore(self.delivery_concurrency))
        return self._slots[1]

    async def _deliver(self, channel: str, limit: int) -> int:
        """One channel's sender: its rows in outbox order, one message at a time, until none
        is left or the channel has to wait (RetryLater, backoff, gone, stopping). Alerts
        already waiting go out together, as many as fit one message (:meth:`_batch`); a bundle
        the platform rejects is sent again one alert at a time, so only a bad one is lost.
        Returns the rows delivered (each alert of a bundle counts)."""
        sent = messages = 0
        try:
            sender = self._sender_for(channel)
            while sender is not None and self._may_send(channel):
                queue = self.store.pending(limit, channel_id=channel)
                if not queue:
                    break
                alone = 0  # rows at the head of the queue to send one at a time (a split)
                while queue and self._may_send(channel):
                    batch = queue[:1] if alone else self._batch(sender, queue)
                    alone = max(0, alone - 1)
                    async with self._slot():
                        outcome = await self._send(sender, batch)
                    if outcome == "split":
                        alone = len(batch)
                        continue
                    del queue[: len(batch)]
                    if outcome == "stop":
                        return sent
                    if outcome == "sent":
                        sent += len(batch)
                        messages += 1
        except Exception:  # a store error: this channel pauses, the others go on
            log.exception("channel %s: delivery failed", channel)
            self._paused[channel] = self.now() + timedelta(seconds=2.0)
        finally:
            if self._workers.get(channel) is asyncio.current_task():
                del self._workers[channel]  # no await since its last query: nothing missed
            if sent:
                log.info(
                    "channel %s: delivered %d row(s) in %d message(s)", channel, sent, messages
                )
        return sent

    def _batch(self, sender: Sender, queue: Sequence[OutboxItem]) -> list[OutboxItem]:
        """The rows that go as the next message: the first row, and the alerts right behind it
        that fit in one message with it (the sender says what fits), at most
        ``alerts_per_message``. Only rows already waiting: none is held back for another. A
        notice or a digest goes alone, and an alert behind one waits for it (outbox order)."""
        first = queue[0]
        if (
            first.kind != "alert"
            or first.attempts  # a row that failed before is retried alone
            or len(queue) == 1
            or not isinstance(sender, Bundler)
        ):
            return [first]
        chat = self._chats.get(first.channel_id)
        alerts: list[Message] = []
        try:
            alerts.append(render_alert(first.payload))
            for item in queue[1 : self.alerts_per_message]:
                if item.kind != "alert" or item.attempts:
                    break
                more = [*alerts, render_alert(item.payload)]
                if not sender.fits(chat, bundle(more)):
                    break
                alerts = more
        except Exception:  # a row that does not render goes alone, and fails as it does alone
            log.debug("channel %s: an alert did not render", first.channel_id, exc_info=True)
        return list(queue[: max(1, len(alerts))])

    async def _send(
        self, sender: Sender, items: Sequence[OutboxItem]
    ) -> Literal["sent", "next", "stop", "split"]:
        """Send one outbox row, or several alerts as one message (a bundle), and record the
        outcome: "sent" (each row marked sent with the message's id), "next" (the row is dead,
        go on with the channel's next), "stop" (the channel waits or is gone) or "split" (the
        platform rejected the bundle: send its rows one at a time)."""
        first = items[0]
        channel = first.channel_id
        platform = sender.platform
        if first.kind == "notice":
            message = render_notice(first.payload)
        else:
            message = bundle([render_alert(item.payload) for item in items])
        try:
            try:
                message_id = await sender.send(self._chats.get(channel), message)
            except ChatMoved as moved:
                log.info("channel %s moved to chat %s", channel, moved.new_chat)
                self._chats[channel] = moved.new_chat
                self.store.sync_channels([(channel, platform, moved.new_chat)])
                message_id = await sender.send(moved.new_chat, message)
        except RetryLater as exc:
            self._paused[channel] = self.now() + timedelta(seconds=exc.retry_after_s)
            log.info("channel %s: asked to wait %.0fs", channel, exc.retry_after_s)
            return "stop"
        except ChatGone as exc:
            self._gone.add(channel)
            self.store.set_meta(f"channel_gone:{channel}", str(exc)[:300])
            self._warn_once(channel, "delivery stopped: %s", exc)
            return "stop"
        except MessageRejected as exc:
            if len(items) > 1:
                self.metrics.delivery_failures.inc()
                log.warning(
                    "channel %s rejected %d alerts in one message (%s); sending them one by one",
                    channel, len(items), exc,
                )  # fmt: skip
                return "split"
            log.warning("channel %s rejected alert %d: %s", channel, first.id, exc)
            self.store.mark_failed(first.id, str(exc)[:500], dead=True)
            self.metrics.delivery_failures.inc()
            self.metrics.dead_letters.inc()
            return "next"
        except Exception as exc:  # one bad message must not stop the others
            # The attempt counts against the first row only, bundled or not: the rows behind it
            # lose nothing to an outage, and it is retried alone (``_batch``), so a row that
            # keeps failing dies alone, as it did before bundling.
            attempt = first.attempts + 1
            dead = attempt >= MAX_DELIVERY_ATTEMPTS
            backoff = min(MAX_DELIVERY_BACKOFF_S, 2.0**attempt)
            then = "given up" if dead else f"next try in {backoff:.0f}s"
            what = f"{len(items)} alerts in one message" if len(items) > 1 else "sending"
            # a failure the sender recognised (network, server error) needs no traceback
            log.warning(
                "channel %s: %s failed (attempt %d of %d, %s): %s",
                channel, what, attempt, MAX_DELIVERY_ATTEMPTS, then, exc,
                exc_info=not isinstance(exc, DeliveryError),
            )  # fmt: skip
            self.store.mark_failed(first.id, str(exc)[:500], dead=dead)
            self.metrics.delivery_failures.inc()
            if dead:
                self.metrics.dead_letters.inc()
            self._paused[channel] = self.now() + timedelta(seconds=backoff)
            return "stop"
        now = self.now()
        self.store.mark_sent(
            first.id if len(items) == 1 else [i.id for i in items], message_id, now
        )
        if first.kind == "notice":
            if first.payload.get("kind") != "digest":  # a digest is no notice about feeds
                self.metrics.notices_sent.inc()
        else:
            for item in items:  # each alert counts, bundled or not
                self.metrics.count_delivery(platform, item.created_at, now)
        return "sent"

    def _warn_once(self, channel: str, message: str, *args: object) -> None:
        if channel not in self._warned:
            self._warned.add(channel)
            log.warning("channel %s: " + message, channel, *args)

    def queue_digest(self, channel_id: str, period: datetime, message: Message) -> int:
        """Queue a scheduled digest in the channel's outbox, once per period (a second call for
        the same period queues nothing): its channel's sender posts it in turn, paced and
        retried like an alert. Returns the rows queued (0 or 1); start the senders to post it."""
        key = f"digest:{period.astimezone(UTC).isoformat()}"
        notice = Notice(key, notice_payload(message), (channel_id,), self.now())
        return self.store.queue_notice(notice)

    def digest(self, *, after_id: int = 0, topics: Sequence[str] | None = None) -> Message | None:
        rows = self.store.findings_since(after_id, topics)
        return render_digest([payload for _, payload in rows])
