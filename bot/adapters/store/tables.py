"""The schema of the store as SQLAlchemy Core tables (the migrations create exactly this).

Times are kept in UTC: ``UTCDateTime`` writes naive UTC on SQLite (which has no time zones) and
``timestamptz`` on PostgreSQL, and always reads back a timezone-aware UTC datetime.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

OUTBOX_STATUSES = ("pending", "sent", "failed", "dead")


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (a naive value is taken as UTC)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return aware.replace(tzinfo=None) if dialect.name == "sqlite" else aware

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw SQLite text, e.g. from a hand-written query
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("interval_s", sa.Integer, nullable=False),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_polled_at", UTCDateTime),
    sa.Column("baseline_done", sa.Boolean, nullable=False, default=False),
    sa.Column("error_count", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.Text, nullable=False, unique=True),
    sa.Column("origin_key", sa.Text, nullable=False),
    sa.Column("feed", sa.Text, nullable=False),
    sa.Column("feed_url", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text, nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", UTCDateTime),
    sa.Column("fetched_at", UTCDateTime, nullable=False),
)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "story_id",
        sa.Integer,
        sa.ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,  # not indexed (revision 0005): statements are written, never read
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("claim_id", sa.Text),
    sa.Column("stance", sa.Text, nullable=False),
    sa.Column("figures", sa.JSON, nullable=False),
    sa.Column("attribution", sa.JSON, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("topic", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("date", sa.Text),
    sa.Column("learned", sa.Boolean, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

sightings = sa.Table(
    "sightings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # not indexed (revision 0005): sightings are read all at once, in id order, never by claim
    sa.Column("claim_id", sa.Text, nullable=False),
    sa.Column("story_key", sa.Text, nullable=False),
    sa.Column("origin_key", sa.Text, nullable=False),
    sa.Column("figure", sa.JSON, nullable=False),
    sa.Column("attribution", sa.JSON, nullable=False),
    sa.Column("outlet", sa.Text, nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("published", UTCDateTime),
    sa.Column("stance", sa.Text, nullable=False),
)

findings = sa.Table(
    "findings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("severity", sa.Integer, nullable=False),
    sa.Column("topic", sa.Text, nullable=False, index=True),
    sa.Column("claim_id", sa.Text, nullable=False),
    sa.Column("story_key", sa.Text, nullable=False),
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

channels = sa.Table(
    "channels",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("platform", sa.Text, nullable=False),
    sa.Column("chat", sa.Text),
    sa.Column("settings", sa.JSON, nullable=False),
)

outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("channel_id", sa.Text, sa.ForeignKey("channels.id"), nullable=False),
    sa.Column("finding_id", sa.Integer, sa.ForeignKey("findings.id")),  # None: a notice
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("last_error", sa.Text),
    sa.Column("message_id", sa.Text),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("sent_at", UTCDateTime),
    # revision 0003: a notice about the bot itself ("Feed X is gone"), once per channel and key
    sa.Column("notice", sa.JSON),
    sa.Column("notice_key", sa.Text),
    # revision 0004: posts of the row's message already out (a message in several posts), the
    # first one's id in message_id: the next attempt sends only the rest
    sa.Column("posts_sent", sa.Integer, nullable=False, server_default="0"),
    sa.UniqueConstraint("channel_id", "finding_id"),
    sa.UniqueConstraint("channel_id", "notice_key"),
    sa.CheckConstraint("status IN ('pending', 'sent', 'failed', 'dead')", name="status"),
    sa.CheckConstraint("finding_id IS NOT NULL OR notice IS NOT NULL", name="alert_or_notice"),
    sa.Index("ix_outbox_status_id", "status", "id"),
)

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# --- chat: settings changed by command (revision 0002) --------------------------------------

chat_subscriptions = sa.Table(
    "chat_subscriptions",
    metadata,
    sa.Column("channel_id", sa.Text, primary_key=True),
    sa.Column("topic", sa.Text, primary_key=True),
    sa.Column("min_severity", sa.Text),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

chat_mutes = sa.Table(
    "chat_mutes",
    metadata,
    sa.Column("channel_id", sa.Text, primary_key=True),
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

chat_digests = sa.Table(
    "chat_digests",
    metadata,
    sa.Column("channel_id", sa.Text, primary_key=True),
    sa.Column("cron", sa.Text),
    sa.Column("timezone", sa.Text),
    sa.Column("last_period", UTCDateTime),
    sa.Column("last_finding_id", sa.Integer, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

chat_claims = sa.Table(
    "chat_claims",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("topic", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("changed_by", sa.Text),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

chat_feeds = sa.Table(
    "chat_feeds",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("topic", sa.Text),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("changed_by", sa.Text),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)
