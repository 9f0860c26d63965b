"""One `claimwatch run` per state: a second one refuses to start rather than post twice.

SQLite: an exclusive ``flock`` on ``<database>.run.lock`` beside the database file. PostgreSQL:
a session-level advisory lock held on a dedicated connection. Both are released by the
operating system or the server when the process dies, even after ``kill -9``.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

_RUN_LOCK = 0x636C_6D72  # pg_try_advisory_lock key for "claimwatch run"


class AlreadyRunning(Exception):
    """Another process is running the bot on this state."""


class RunLock:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._file: IO[str] | None = None
        self._connection: sa.Connection | None = None

    def acquire(self) -> None:
        backend = self._engine.url.get_backend_name()
        if backend == "sqlite":
            self._lock_file()
        elif backend == "postgresql":
            self._lock_server()

    def _lock_file(self) -> None:
        database = self._engine.url.database
        if not database or database == ":memory:":
            return
        path = Path(f"{database}.run.lock")
        handle = path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise AlreadyRunning(f"{holder} is already running on this state ({path})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"claimwatch run (pid {os.getpid()})")
        handle.flush()
        self._file = handle

    def _lock_server(self) -> None:
        connection = self._engine.connect()
        got: Any = connection.execute(
            sa.text("SELECT pg_try_advisory_lock(:key)"), {"key": _RUN_LOCK}
        ).scalar()
        connection.commit()
        if not got:
            connection.close()
            raise AlreadyRunning("another claimwatch run is already running on this database")
        self._connection = connection

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
        if self._connection is not None:
            self._connection.close()  # ends the session, and with it the advisory lock
            self._connection = None
