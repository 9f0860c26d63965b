"""The values of the chat core: a parsed command, the read-only view it is answered from, and
the reply (messages to post, effects for the shell to apply)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from bot.core.message import Line, Message
from bot.core.model import ClaimSpec, FindingKind, Sighting, Topic

Payload = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Command:
    """One slash command as typed: ``/claim troops killed`` → name "claim", args."""

    name: str
    args: tuple[str, ...] = ()
    channel_id: str = ""
    user_id: str = ""
    is_admin: bool = False
    text: str = ""  # everything after the command word, as typed

    @property
    def rest(self) -> str:
        return " ".join(self.args)


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """A tracked claim and every sighting of it, oldest first."""

    spec: ClaimSpec
    sightings: tuple[Sighting, ...] = ()
    learned: bool = False
    added_by_command: bool = False


@dataclass(frozen=True, slots=True)
class FeedInfo:
    name: str
    url: str
    topics: tuple[str, ...] = ()
    last_polled_at: datetime | None = None
    error_count: int = 0
    last_error: str | None = None
    added_by_command: bool = False
    disabled: bool = False  # after a 410 or too many failures; /addfeed polls it again

    @property
    def healthy(self) -> bool:
        return self.error_count == 0 and not self.disabled


@dataclass(frozen=True, slots=True)
class ChannelSettings:
    """A channel's settings: config overlaid with what was changed by command."""

    channel_id: str
    platform: str = "console"
    subscriptions: Mapping[str, FindingKind] = field(default_factory=dict)  # topic → severity
    muted: frozenset[str] = frozenset()
    digest_cron: str | None = None
    digest_timezone: str = "UTC"
    admins: frozenset[str] = frozenset()
    last_digest_finding_id: int = 0
    configured: bool = True


@dataclass(frozen=True, slots=True)
class StatusCounts:
    stories_today: int = 0
    findings_today: int = 0
    alerts_waiting: int = 0
    alerts_dead: int = 0  # outbox rows given up on (failed too often, or rejected)
    stories_total: int = 0
    findings_total: int = 0


class ChatView(Protocol):
    """What a command may read; nothing here changes anything."""

    @property
    def version(self) -> str: ...

    def topics(self) -> Sequence[Topic]: ...

    def claims(self) -> Sequence[ClaimInfo]: ...

    def feeds(self) -> Sequence[FeedInfo]: ...

    def channel(self, channel_id: str) -> ChannelSettings: ...

    def status(self, now: datetime) -> StatusCounts: ...

    def findings_since(
        self, after_id: int, topics: Sequence[str]
    ) -> Sequence[tuple[int, Payload]]: ...


@dataclass(frozen=True)
class Snapshot:
    """A ChatView over plain values (tests, and any caller that has everything at hand)."""

    topic_list: tuple[Topic, ...] = ()
    claim_list: tuple[ClaimInfo, ...] = ()
    feed_list: tuple[FeedInfo, ...] = ()
    channels: Mapping[str, ChannelSettings] = field(default_factory=dict)
    counts: StatusCounts = StatusCounts()
    findings: tuple[tuple[int, Payload], ...] = ()
    version: str = "0"

    def topics(self) -> Sequence[Topic]:
        return self.topic_list

    def claims(self) -> Sequence[ClaimInfo]:
        return self.claim_list

    def feeds(self) -> Sequence[FeedInfo]:
        return self.feed_list

    def channel(self, channel_id: str) -> ChannelSettings:
        return self.channels.get(channel_id) or ChannelSettings(channel_id, configured=False)

    def status(self, now: datetime) -> StatusCounts:
        return self.counts

    def findings_since(self, after_id: int, topics: Sequence[str]) -> Sequence[tuple[int, Payload]]:
        return [(i, p) for i, p in self.findings if i > after_id and p.get("topic") in topics]


# --- effects: what the shell applies through the store -----------------------------------


@dataclass(frozen=True, slots=True)
class Subscribe:
    channel_id: str
    topic: str
    min_severity: FindingKind


@dataclass(frozen=True, slots=True)
class Unsubscribe:
    channel_id: str
    topic: str


@dataclass(frozen=True, slots=True)
class Mute:
    channel_id: str
    claim_id: str


@dataclass(frozen=True, slots=True)
class Unmute:
    channel_id: str
    claim_id: str


@dataclass(frozen=True, slots=True)
class Track:
    spec: ClaimSpec
    by: str = ""


@dataclass(frozen=True, slots=True)
class Untrack:
    claim_id: str
    by: str = ""


@dataclass(frozen=True, slots=True)
class AddFeed:
    url: str
    name: str
    topic: str | None = None
    by: str = ""


@dataclass(frozen=True, slots=True)
class RemoveFeed:
    url: str
    by: str = ""


@dataclass(frozen=True, slots=True)
class EnableFeed:
    """A disabled feed (gone, or failing too often) is polled again from a clean slate."""

    url: str
    by: str = ""


@dataclass(frozen=True, slots=True)
class PostDigest:
    """A digest was posted by command: findings up to ``last_finding_id`` are reported."""

    channel_id: str
    last_finding_id: int


@dataclass(frozen=True, slots=True)
class ScheduleDigest:
    channel_id: str
    cron: str
    timezone: str


Effect = (
    Subscribe
    | Unsubscribe
    | Mute
    | Unmute
    | Track
    | Untrack
    | AddFeed
    | RemoveFeed
    | EnableFeed
    | PostDigest
    | ScheduleDigest
)


@dataclass(frozen=True, slots=True)
class Reply:
    messages: tuple[Message, ...] = ()
    effects: tuple[Effect, ...] = ()

    def text(self) -> str:
        """Every message as plain text (what the transcript tests read)."""
        return "\n\n".join(m.plain() for m in self.messages)


def say(title: str, *lines: str, effects: tuple[Effect, ...] = ()) -> Reply:
    """A one-message reply of plain lines."""
    return Reply((Message(title, tuple(Line(t) for t in lines)),), effects)
