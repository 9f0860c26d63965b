"""The chat shell: answers slash commands from any platform with the core's handlers, applies
their effects through the store, posts scheduled digests, and runs ``claimwatch chat`` (the
console as a full chat, so the whole bot is usable with no Telegram or Slack account).

Adapters call :func:`answer` (text in, neutral messages out); the scheduler calls
:func:`post_due_digests` every minute (a digest goes out through the outbox, as alerts do);
``Service.__init__`` takes its routes from :func:`load_routes` (channels.yaml overlaid with
what commands changed).
"""

from __future__ import annotations

import dataclasses
import logging
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from bot import __version__
from bot.adapters.console import ConsoleChannel
from bot.adapters.netguard import check_url
from bot.adapters.store import Store
from bot.config import ChannelSpec, Config, FeedSpec
from bot.core.commands import (
    ADMIN_COMMANDS,
    AddFeed,
    ChannelSettings,
    ClaimInfo,
    Command,
    Effect,
    EnableFeed,
    FeedInfo,
    Mute,
    PostDigest,
    RemoveFeed,
    Reply,
    ScheduleDigest,
    StatusCounts,
    Subscribe,
    Track,
    Unmute,
    Unsubscribe,
    Untrack,
    compose_digest,
    handle,
    is_admin,
    parse,
)
from bot.core.commands.types import Payload
from bot.core.digest import Schedule, ScheduleError, due, period_start
from bot.core.message import Line, Message
from bot.core.model import ClaimSpec, FindingKind, Topic
from bot.core.routing import Route

if TYPE_CHECKING:  # bot.service imports load_routes from here
    from bot.service import Service

log = logging.getLogger(__name__)

PROMPT = "claimwatch> "
DEFAULT_INTERVAL_S = 600


# --- what the configuration and the store say together ---------------------------------------


def _subscriptions(
    spec: ChannelSpec | None, channel_id: str, store: Store
) -> dict[str, FindingKind]:
    subs = {topic: spec.min_severity for topic in spec.topics} if spec else {}
    default = spec.min_severity if spec else FindingKind.NEW_FIGURE
    for sub in store.subscriptions():
        if sub.channel_id != channel_id:
            continue
        if sub.active:
            subs[sub.topic] = FindingKind(sub.min_severity) if sub.min_severity else default
        else:
            subs.pop(sub.topic, None)
    return subs


def load_routes(config: Config, store: Store) -> list[Route]:
    """The routes of the configured channels, overlaid with the subscriptions and mutes changed
    by command. A channel following topics at different severities gets one route per
    severity (the store writes one outbox row per channel and finding all the same)."""
    mutes: dict[str, set[str]] = {}
    for channel_id, claim_id in store.mutes():
        mutes.setdefault(channel_id, set()).add(claim_id)
    routes = []
    for spec in config.channels:
        by_severity: dict[FindingKind, set[str]] = {}
        for topic, severity in _subscriptions(spec, spec.id, store).items():
            by_severity.setdefault(severity, set()).add(topic)
        muted = frozenset(mutes.get(spec.id, ()))
        for severity in sorted(by_severity, key=lambda k: k.severity):
            routes.append(Route(spec.id, frozenset(by_severity[severity]), severity, muted))
    return routes


def feed_specs(config: Config, store: Store) -> list[FeedSpec]:
    """The feeds to poll: the configured ones not removed by command, and those added by
    command (http/https only, and through the SSRF guard of bot/adapters/netguard.py)."""
    changed = {f.url: f for f in store.chat_feeds()}
    out = [spec for spec in config.feeds if changed.get(spec.location) is None
           or changed[spec.location].active]  # fmt: skip
    known = {spec.location for spec in config.feeds}
    all_topics = tuple(t.id for t in config.topics)
    for feed in changed.values():
        if feed.active and feed.url not in known:
            topics = (feed.topic,) if feed.topic else all_topics
            out.append(FeedSpec(feed.name, feed.url, DEFAULT_INTERVAL_S, topics, False, feed.name))
    return out


def tracked_claims(service: Service) -> list[ClaimSpec]:
    """The claims tracked now: the engine's (configured and learned) and those tracked by
    command, less those untracked by command."""
    changed = {c.spec.id: c for c in service.store.chat_claims()}
    claims = [c for c in service.engine.claims() if c.id not in changed or changed[c.id].active]
    have = {c.id for c in claims}
    claims += [c.spec for c in changed.values() if c.active and c.spec.id not in have]
    return claims


def restore_tracked(service: Service) -> None:
    """Hand the claims tracked or untracked by command to the engine after a restart."""
    known = {c.id for c in service.engine.claims()}
    for claim in service.store.chat_claims():
        if claim.active and claim.spec.id not in known:
            service.engine.track(claim.spec)
        elif not claim.active and claim.spec.id in known:
            service.engine.untrack(claim.spec.id)


class ServiceView:
    """The read-only view of the chat core over a running Service."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self._specs = {c.id: c for c in service.config.channels}

    @property
    def version(self) -> str:
        return __version__

    def topics(self) -> Sequence[Topic]:
        return self.service.config.topics

    def claims(self) -> Sequence[ClaimInfo]:
        learned = {spec.id for spec, was_learned in self.service.store.claims() if was_learned}
        by_command = {c.spec.id for c in self.service.store.chat_claims() if c.active}
        return [
            ClaimInfo(
                spec,
                tuple(self.service.engine.sightings(spec.id)),
                learned=spec.id in learned,
                added_by_command=spec.id in by_command,
            )
            for spec in tracked_claims(self.service)
        ]

    def feeds(self) -> Sequence[FeedInfo]:
        store = self.service.store
        states = {s.url: s for s in store.feed_states()}
        added = {f.url for f in store.chat_feeds() if f.active}
        configured = {f.location for f in self.service.config.feeds}
        out = []
        for spec in feed_specs(self.service.config, store):
            state = states.get(spec.location)
            out.append(
                FeedInfo(
                    name=spec.name,
                    url=spec.location,
                    topics=spec.topics,
                    last_polled_at=state.last_polled_at if state else None,
                    error_count=state.error_count if state else 0,
                    last_error=state.last_error if state else None,
                    added_by_command=spec.location in added and spec.location not in configured,
                    disabled=state.disabled if state else False,
                )
            )
        return out

    def channel(self, channel_id: str) -> ChannelSettings:
        spec = self._specs.get(channel_id)
        store = self.service.store
        state = store.digest_state(channel_id)
        muted = frozenset(claim for ch, claim in store.mutes() if ch == channel_id)
        cron = state.cron or (spec.digest_cron if spec else None)
        zone = state.timezone or (spec.digest_timezone if spec else "UTC")
        return ChannelSettings(
            channel_id=channel_id,
            platform=spec.platform if spec else "console",
            subscriptions=_subscriptions(spec, channel_id, store),
            muted=muted,
            digest_cron=cron,
            digest_timezone=zone,
            admins=frozenset(spec.admins) if spec else frozenset(),
            last_digest_finding_id=state.last_finding_id,
            configured=spec is not None,
        )

    def status(self, now: datetime) -> StatusCounts:
        start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        stories, findings = self.service.store.activity_since(start)
        counts = self.service.store.counts()
        return StatusCounts(
            stories_today=stories,
            findings_today=findings,
            alerts_waiting=counts["pending"],
            alerts_dead=counts["dead"],
            stories_total=counts["stories"],
            findings_total=counts["findings"],
        )

    def findings_since(self, after_id: int, topics: Sequence[str]) -> Sequence[tuple[int, Payload]]:
        """Findings after ``after_id``, leaving out those on stories too old to alert on
        (``CLAIMWATCH_MAX_STORY_AGE``): a digest tells what is new, as alerts do."""
        rows = self.service.store.findings_since(after_id, list(topics))
        return [(i, payload) for i, payload in rows if not self._stale(payload)]

    def _stale(self, payload: Payload) -> bool:
        age, published = self.service.max_story_age, payload.get("published")
        if age is None or not isinstance(published, str):
            return False
        try:
            when = datetime.fromisoformat(published)
        except ValueError:
            return False
        return _aware(when) < self.service.now() - age


# --- effects ---------------------------------------------------------------------------------


def apply(service: Service, effect: Effect, now: datetime) -> None:
    """Write one effect through the store and refresh what the running service uses."""
    store = service.store
    match effect:
        case Subscribe(channel_id, topic, severity):
            store.set_subscription(channel_id, topic, severity.value, active=True, at=now)
        case Unsubscribe(channel_id, topic):
            store.set_subscription(channel_id, topic, None, active=False, at=now)
        case Mute(channel_id, claim_id):
            store.set_mute(channel_id, claim_id, muted=True, at=now)
        case Unmute(channel_id, claim_id):
            store.set_mute(channel_id, claim_id, muted=False, at=now)
        case Track(spec, by):
            store.set_chat_claim(spec, active=True, by=by or None, at=now)
            service.engine.track(spec)
        case Untrack(claim_id, by):
            gone = next((c for c in tracked_claims(service) if c.id == claim_id), None)
            if gone is not None:
                store.set_chat_claim(gone, active=False, by=by or None, at=now)
            service.engine.untrack(claim_id)
        case AddFeed(url, name, topic, by):
            store.set_chat_feed(url, name, topic, active=True, by=by or None, at=now)
            store.ensure_feed(name, url, DEFAULT_INTERVAL_S)
            store.enable_feed(url)  # added again after a 410 or too many failures
        case EnableFeed(url, _):
            store.enable_feed(url)
        case RemoveFeed(url, by):
            name = next(
                (f.name for f in feed_specs(service.config, store) if f.location == url), url
            )
            store.set_chat_feed(url, name, None, active=False, by=by or None, at=now)
        case PostDigest(channel_id, last_finding_id):
            store.mark_digest(channel_id, at=now, last_finding_id=last_finding_id)
        case ScheduleDigest(channel_id, cron, zone):
            baseline = period_start(Schedule(cron, zone), now)
            store.set_digest_schedule(channel_id, cron, zone, baseline=baseline, at=now)
    service.routes = load_routes(service.config, store)


MAX_COMMAND_NAME = 32  # Telegram's own limit for a command's name


def answer(
    service: Service,
    text: str,
    *,
    channel_id: str,
    user_id: str,
    platform_admin: bool = False,
    bot_name: str | None = None,
    now: datetime | None = None,
    local: bool = False,
) -> list[Message] | None:
    """The reply to one chat line (None when it is not a command for this bot); the effects
    are applied before returning.

    ``platform_admin`` (the platform says the user administers this chat) counts only in a
    chat configured in channels.yaml: anyone can add the bot to a group of their own, and the
    feeds and claims are the whole bot's. ``local`` is the operator at the terminal
    (``claimwatch chat``), trusted in any channel."""
    view = ServiceView(service)
    settings = view.channel(channel_id)
    trusted = platform_admin and (settings.configured or local)
    command = parse(
        text,
        channel_id=channel_id,
        user_id=user_id,
        is_admin=is_admin(user_id, settings, platform_admin=trusted),
        bot_name=bot_name,
    )
    if command is None:
        return None
    if len(command.name) > MAX_COMMAND_NAME:  # no command is; an unknown one is echoed back
        command = dataclasses.replace(command, name=command.name[:MAX_COMMAND_NAME] + "…")
    if platform_admin and not command.is_admin and command.name in ADMIN_COMMANDS:
        log.info("/%s refused in unconfigured channel %s", command.name, channel_id)
        return [stranger_refusal(command.name)]
    when = now or service.now()
    reply = handle(command, view, when)
    return list(_applied(service, command, reply, when).messages)


def stranger_refusal(command: str) -> Message:
    """The answer to a group admin of a chat that is not in channels.yaml."""
    return Message(
        f"/{command} is for the newsroom's admins only",
        (
            Line(
                "This chat is not one of the bot's channels (channels.yaml), so its admins"
                " cannot change the feeds and claims the whole bot watches."
            ),
            Line("Ask an admin of a configured channel."),
        ),
    )


def _guarded(service: Service, reply: Reply) -> Reply:
    """The reply, or a refusal when a feed it adds fails the SSRF guard (bot/adapters/netguard).

    A host that does not resolve yet is accepted: every poll of the feed checks it again."""
    for effect in reply.effects:
        if isinstance(effect, AddFeed):
            reason = check_url(
                effect.url, allow_private=service.allow_private_feeds, allow_unresolved=True
            )
            if reason is not None:
                log.info("/addfeed %s refused: %s", effect.url[:200], reason)
                refused = Message("Feed not added", (Line(reason), Line(effect.url[:200])))
                return Reply((refused,))
    return reply


def _applied(service: Service, command: Command, reply: Reply, now: datetime) -> Reply:
    reply = _guarded(service, reply)
    for effect in reply.effects:
        try:
            apply(service, effect, now)
        except Exception:
            log.exception("applying %s for /%s failed", type(effect).__name__, command.name)
            failed = Message(f"Sorry, /{command.name} could not be saved", (Line("see the log"),))
            return Reply((failed,))
    return reply


# --- scheduled digests ----------------------------------------------------------------------


def digest_schedule(service: Service, spec: ChannelSpec) -> Schedule | None:
    state = service.store.digest_state(spec.id)
    cron = state.cron or spec.digest_cron
    if not cron:
        return None
    return Schedule(cron, state.timezone or spec.digest_timezone)


async def post_due_digests(service: Service, now: datetime | None = None) -> int:
    """Queue the digests that are due (call it every minute); returns how many were queued.

    A digest goes into its channel's outbox and out through the channel's sender, after the
    alerts queued before it, paced and retried like them (a 429 makes it wait, not vanish):
    start the senders (``Service.start_delivery``) to post it. Each period is handled once
    across restarts (the store keeps the last one, and the outbox row is keyed by the period);
    after downtime one late digest covers everything since the last; nothing new, nothing sent.
    """
    when = now or service.now()
    store = service.store
    view = ServiceView(service)
    queued = 0
    for spec in service.config.channels:
        schedule = digest_schedule(service, spec)
        if schedule is None:
            continue
        try:
            decision = due(schedule, store.digest_state(spec.id).last_period, when)
        except ScheduleError as exc:
            log.warning("channel %s: digest schedule unusable: %s", spec.id, exc)
            continue
        if decision.period is None:
            continue
        if not decision.send:  # first sight: start from here, silently
            store.mark_digest(
                spec.id, at=when, period=decision.period, last_finding_id=store.last_finding_id()
            )
            continue
        settings = view.channel(spec.id)
        title = f"Digest — {decision.period:%d %b %Y}"
        message, last_id = compose_digest(view, settings, title=title)
        if message is not None:
            queued += service.queue_digest(spec.id, decision.period, message)
        store.mark_digest(spec.id, at=when, period=decision.period, last_finding_id=last_id)
    return queued


# --- claimwatch chat ------------------------------------------------------------------------


def default_channel(config: Config) -> str:
    """The first console channel of channels.yaml, else the first channel, else "console"."""
    console = [c.id for c in config.channels if c.platform == "console"]
    if console:
        return console[0]
    return config.channels[0].id if config.channels else "console"


def run_chat(
    service: Service,
    *,
    input: IO[str],
    output: IO[str],
    user: str = "console",
    admin: bool = True,
    channel_id: str | None = None,
    chart_dir: Path | None = None,
) -> int:
    """The console as a chat: read command lines until EOF or /quit, answer each."""
    channel = channel_id or default_channel(service.config)
    charts = chart_dir or Path(tempfile.gettempdir()) / "claimwatch-charts"
    console = ConsoleChannel(output, chart_dir=charts)
    output.write(f"claimwatch chat — channel {channel}; /help lists the commands, /quit ends.\n")
    while True:
        output.write(PROMPT)
        output.flush()
        line = input.readline()
        if not line:
            output.write("\n")
            break
        text = line.strip()
        if not text:
            continue
        if text.split()[0].lower() in ("/quit", "/exit"):
            break
        if not text.startswith("/"):
            output.write("Commands start with / — try /help.\n")
            continue
        try:
            messages = answer(
                service, text, channel_id=channel, user_id=user, platform_admin=admin, local=True
            )
        except Exception:  # the loop survives anything one command does
            log.exception("command failed: %s", text[:100])
            output.write("Sorry, that failed; the error was logged.\n")
            continue
        for message in messages or [Message("Not a command", (Line("try /help"),))]:
            console.show(message)
        output.flush()
    return 0


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)
