"""A clock the tests set by hand: ``Service(now=clock)`` reads ``clock.now``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

START = datetime(2025, 7, 10, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
