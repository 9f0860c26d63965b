"""Engines for the store: URL normalisation, SQLite pragmas and transactions, migrations."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.dialects import postgresql, sqlite

log = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///state/claimwatch.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
WRITE = "claimwatch_write"  # execution option: on SQLite, take the write lock at BEGIN
_MIGRATION_LOCK = 0x636C_6D77  # pg_advisory_xact_lock key: one migrator at a time


def normalize_url(url: str) -> str:
    """``postgres://`` and ``postgresql://`` mean psycopg 3; anything else is used as given."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def create_engine(url: str) -> sa.Engine:
    parsed = sa.make_url(normalize_url(url))
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        return sa.create_engine(parsed, pool_pre_ping=True)
    raise ValueError(f"unsupported database {backend!r}: use sqlite:/// or postgresql://")


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    database = url.database or ":memory:"
    memory = database == ":memory:" or url.query.get("mode") == "memory"
    if not memory:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    extra: dict[str, Any] = {"poolclass": sa.pool.StaticPool} if memory else {}
    engine = sa.create_engine(url, connect_args={"check_same_thread": False}, **extra)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the "begin" listener below emits BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not memory:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        write = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


# the connection events that would see (or act on) what a transaction runs; the "begin"
# listener above is this module's own and is allowed (the driver-level path emits the same BEGIN)
_WATCHING = (
    "before_execute",
    "after_execute",
    "before_cursor_execute",
    "after_cursor_execute",
    "commit",
    "rollback",
    "engine_connect",
)


def unwatched_sqlite(engine: sa.Engine) -> bool:
    """Whether ``engine`` is one of this module's SQLite engines that no listener watches
    statement by statement (a fault test's ``before_cursor_execute``, a tracer): then a write
    may run on the driver's connection directly, with the same SQL, BEGIN and COMMIT."""
    if engine.dialect.name != "sqlite":
        return False
    dispatch = engine.dispatch
    if any(getattr(dispatch, name) for name in _WATCHING):
        return False
    return [getattr(f, "__name__", "") for f in dispatch.begin] == ["_on_begin"]


def dialect_insert(connection: sa.Connection, table: sa.Table) -> Any:
    """The dialect's INSERT, which has ``on_conflict_do_nothing`` / ``on_conflict_do_update``."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def migrate(engine: sa.Engine) -> None:
    """``alembic upgrade head`` in one transaction, found beside this file (not via the CWD)."""
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
            )
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
