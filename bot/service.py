"""The shell that wires the core to the adapters: feeds in, findings stored, alerts out.

Data flow (DESIGN.md): fetch → parse → story store (dedupe) → engine (extract, match, compare)
→ findings and their outbox rows in one transaction → senders (console, Telegram, Slack).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx

from bot.adapters import feeds
from bot.adapters.feeds.parse import MAX_TEXT, bound
from bot.adapters.store import FeedState, Notice, Store
from bot.chat import load_routes, restore_tracked
from bot.config import Config, FeedSpec
from bot.core.engine import Engine
from bot.core.message import Message
from bot.core.model import Story, StoryResult
from bot.core.render import render_digest
from bot.core.routing import Route, route
from bot.delivery import (
    ALERTS_A_MESSAGE,
    DELIVERY_CONCURRENCY,
    Delivery,
    Sender,
    notice_payload,
)
from bot.metrics import Metrics

log = logging.getLogger(__name__)

BACKOFF_CAP_S = 6 * 3600
MAX_RETRY_AFTER_S = 24 * 3600  # a longer Retry-After is taken as a day
MAX_FAILURES = 10  # failures in a row before a feed is disabled
DISABLED_META = "feed_disabled_times:"  # meta key prefix: how often a feed was disabled
FEED_FAILURE = "feed_failure"  # log record attribute of a failed poll's warning


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
        self.delivery = Delivery(
            store,
            self.senders,
            [(c.id, c.platform, c.chat) for c in config.channels],
            now=now,
            metrics=self.metrics,
            delivery_concurrency=delivery_concurrency,
            alerts_per_message=alerts_per_message,
        )

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
        kinds = Counter(finding.kind for finding in result.findings)
        for kind, count in kinds.items():  # one labelled counter step a kind, not a finding
            self.metrics.findings.labels(str(kind)).inc(count)
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
        polled = self.store.poll_state(spec.location)  # one read: state, wait, move
        if polled is None:
            state = self.store.ensure_feed(spec.name, spec.location, spec.interval_s)
            not_before = self.store.feed_not_before(spec.location)
            moved_to = self.store.feed_location(spec.location)
        else:
            state, not_before, moved_to = polled.feed, polled.not_before, polled.moved_to
        if state.disabled:
            return FeedFetch(spec, state, skipped=f"disabled: {state.last_error or '?'}")
        if not_before is not None and not_before > self.now():
            return FeedFetch(spec, state, skipped=f"waiting until {not_before:%H:%M:%S} UTC")
        location = moved_to or spec.location  # as location_of: a 301/308 may have moved it
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

    # --- delivery (bot/delivery.py) --------------------------------------------------------

    async def dispatch(self, limit: int = 100) -> int:
        """Send what waits in the outbox and wait until it is out (:meth:`Delivery.dispatch`):
        the rows delivered."""
        return await self.delivery.dispatch(limit)

    def start_delivery(self, limit: int = 100) -> int:
        """Start the channels' senders and return at once (:meth:`Delivery.start`)."""
        return self.delivery.start(limit)

    async def stop_delivery(self, grace_s: float) -> bool:
        """Let each channel finish the message in flight (:meth:`Delivery.stop`)."""
        return await self.delivery.stop(grace_s)

    def delivering(self) -> list[str]:
        """The channels whose sender task is running now."""
        return self.delivery.delivering()

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
