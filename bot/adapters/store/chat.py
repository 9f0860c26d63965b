"""The store's chat part (a mixin of :class:`Store`): what commands change, kept across
restarts — subscriptions, mutes, digest schedules and state, claims tracked or untracked by
command, and feeds added or removed by command."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.adapters.store import tables as t
from bot.adapters.store.engine import dialect_insert
from bot.core.model import ClaimSpec


@dataclass(frozen=True)
class Subscription:
    channel_id: str
    topic: str
    min_severity: str | None
    active: bool  # False: unsubscribed by command (overrides channels.yaml)


@dataclass(frozen=True)
class DigestState:
    channel_id: str
    cron: str | None  # None: as configured
    timezone: str | None
    last_period: datetime | None  # the scheduled time of the last period handled
    last_finding_id: int  # findings up to this id were in a digest


@dataclass(frozen=True)
class ChatClaim:
    spec: ClaimSpec
    active: bool  # False: untracked by command
    changed_by: str | None


@dataclass(frozen=True)
class ChatFeed:
    url: str
    name: str
    topic: str | None
    active: bool  # False: removed by command
    changed_by: str | None


class ChatStore:
    """Mixed into Store; uses its engines."""

    _engine: sa.Engine
    _writer: sa.Engine

    def _upsert(self, table: sa.Table, keys: list[str], values: dict[str, Any]) -> None:
        with self._writer.begin() as conn:
            update = {k: v for k, v in values.items() if k not in keys}
            conn.execute(
                dialect_insert(conn, table)
                .values(**values)
                .on_conflict_do_update(index_elements=[table.c[k] for k in keys], set_=update)
            )

    def _all(self, query: Any) -> list[Any]:
        with self._engine.connect() as conn:
            return list(conn.execute(query).all())

    # subscriptions and mutes

    def set_subscription(
        self, channel_id: str, topic: str, min_severity: str | None, *, active: bool, at: datetime
    ) -> None:
        self._upsert(
            t.chat_subscriptions,
            ["channel_id", "topic"],
            {
                "channel_id": channel_id,
                "topic": topic,
                "min_severity": min_severity,
                "active": active,
                "updated_at": at,
            },
        )

    def subscriptions(self) -> list[Subscription]:
        rows = self._all(sa.select(t.chat_subscriptions).order_by("channel_id", "topic"))
        return [Subscription(r.channel_id, r.topic, r.min_severity, bool(r.active)) for r in rows]

    def set_mute(self, channel_id: str, claim_id: str, *, muted: bool, at: datetime) -> None:
        table = t.chat_mutes
        if muted:
            with self._writer.begin() as conn:
                conn.execute(
                    dialect_insert(conn, table)
                    .values(channel_id=channel_id, claim_id=claim_id, created_at=at)
                    .on_conflict_do_nothing(index_elements=[table.c.channel_id, table.c.claim_id])
                )
            return
        with self._writer.begin() as conn:
            conn.execute(
                sa.delete(table).where(
                    table.c.channel_id == channel_id, table.c.claim_id == claim_id
                )
            )

    def mutes(self) -> list[tuple[str, str]]:
        """(channel id, claim id) of every mute."""
        rows = self._all(sa.select(t.chat_mutes).order_by("channel_id", "claim_id"))
        return [(r.channel_id, r.claim_id) for r in rows]

    # digests

    def digest_states(self) -> dict[str, DigestState]:
        rows = self._all(sa.select(t.chat_digests))
        return {
            r.channel_id: DigestState(
                r.channel_id, r.cron, r.timezone, r.last_period, int(r.last_finding_id)
            )
            for r in rows
        }

    def digest_state(self, channel_id: str) -> DigestState:
        return self.digest_states().get(channel_id) or DigestState(channel_id, None, None, None, 0)

    def set_digest_schedule(
        self, channel_id: str, cron: str, timezone: str, *, baseline: datetime | None, at: datetime
    ) -> None:
        """A schedule set by command; the period ``baseline`` counts as handled."""
        state = self.digest_state(channel_id)
        self._upsert(
            t.chat_digests,
            ["channel_id"],
            {
                "channel_id": channel_id,
                "cron": cron,
                "timezone": timezone,
                "last_period": baseline,
                "last_finding_id": state.last_finding_id,
                "updated_at": at,
            },
        )

    def mark_digest(
        self,
        channel_id: str,
        *,
        at: datetime,
        period: datetime | None = None,
        last_finding_id: int | None = None,
    ) -> None:
        """Note a digest period handled and/or the last finding reported (None keeps it)."""
        state = self.digest_state(channel_id)
        self._upsert(
            t.chat_digests,
            ["channel_id"],
            {
                "channel_id": channel_id,
                "cron": state.cron,
                "timezone": state.timezone,
                "last_period": period if period is not None else state.last_period,
                "last_finding_id": (
                    last_finding_id if last_finding_id is not None else state.last_finding_id
                ),
                "updated_at": at,
            },
        )

    # claims and feeds changed by command

    def set_chat_claim(
        self, spec: ClaimSpec, *, active: bool, by: str | None, at: datetime
    ) -> None:
        self._upsert(
            t.chat_claims,
            ["id"],
            {
                "id": spec.id,
                "topic": spec.topic,
                "text": spec.text,
                "active": active,
                "changed_by": by,
                "updated_at": at,
            },
        )

    def chat_claims(self) -> list[ChatClaim]:
        rows = self._all(sa.select(t.chat_claims).order_by(t.chat_claims.c.updated_at))
        return [
            ChatClaim(ClaimSpec(r.id, r.topic, r.text), bool(r.active), r.changed_by) for r in rows
        ]

    def set_chat_feed(
        self,
        url: str,
        name: str,
        topic: str | None,
        *,
        active: bool,
        by: str | None,
        at: datetime,
    ) -> None:
        self._upsert(
            t.chat_feeds,
            ["url"],
            {
                "url": url,
                "name": name,
                "topic": topic,
                "active": active,
                "changed_by": by,
                "updated_at": at,
            },
        )

    def chat_feeds(self) -> list[ChatFeed]:
        rows = self._all(sa.select(t.chat_feeds).order_by(t.chat_feeds.c.updated_at))
        return [ChatFeed(r.url, r.name, r.topic, bool(r.active), r.changed_by) for r in rows]

    def activity_since(self, at: datetime) -> tuple[int, int]:
        """(stories fetched, findings made) since ``at``."""
        query = sa.select(
            sa.select(sa.func.count())
            .select_from(t.stories)
            .where(t.stories.c.fetched_at >= at)
            .scalar_subquery(),
            sa.select(sa.func.count())
            .select_from(t.findings)
            .where(t.findings.c.created_at >= at)
            .scalar_subquery(),
        )
        with self._engine.connect() as conn:
            stories, findings = conn.execute(query).one()
        return int(stories), int(findings)

    def last_finding_id(self) -> int:
        """The id of the newest finding (0 when there is none)."""
        with self._engine.connect() as conn:
            found = conn.execute(sa.select(sa.func.max(t.findings.c.id))).scalar()
        return int(found or 0)
