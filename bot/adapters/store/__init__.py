"""The store adapter: SQLAlchemy over SQLite (default) or PostgreSQL, migrated by Alembic."""

from __future__ import annotations

from bot.adapters.store.engine import DEFAULT_URL, create_engine, normalize_url
from bot.adapters.store.runlock import AlreadyRunning
from bot.adapters.store.store import (
    FeedState,
    Notice,
    OpsSummary,
    OutboxItem,
    PollState,
    Store,
)

__all__ = [
    "DEFAULT_URL",
    "AlreadyRunning",
    "FeedState",
    "Notice",
    "OpsSummary",
    "OutboxItem",
    "PollState",
    "Store",
    "create_engine",
    "normalize_url",
]
