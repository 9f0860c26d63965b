"""The fault suite's rig: a desk that polls real loopback feeds into a real SQLite file.

    desk = Desk(tmp_path, {"Wire": server.url("/wire.rss")})
    first = desk.poll()            # one round: every feed polled once, then the outbox sent
    first.reports["Wire"].baseline # what Service.poll said
    first.console                  # what the user saw on the console channel this round
    desk.stored()                  # what is in the SQLite file, read through a fresh Store
    desk.restart()                 # a new process, as it were: new Store, new Service

A round is what `claimwatch poll` does (Service.poll per feed, then Service.dispatch), in this
process so that a test can run many rounds quickly; the subprocess path is covered by the tests
that need a process to die (tests/faults/test_kill.py, tests/faults/test_commit_crash.py).
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx
import sqlalchemy as sa

from bot.adapters.console import ConsoleChannel
from bot.adapters.store import Store, create_engine
from bot.adapters.store import tables as t
from bot.adapters.store.store import FeedState
from bot.config import load_config
from bot.core.model import Story
from bot.service import PollReport, Service
from tests.test_config import CLAIMS

CHANNELS = """\
channels:
  - id: desk
    platform: console
    topics: [dprk-troops]
    min_severity: {severity}
"""

# The developing story of DESIGN.md: a report, an analyst's doubt, a denial.
Item = tuple[str, str, str, datetime]  # guid, title, text, published
ORIGINAL: Item = (
    "w1",
    "North Korea to send up to 30,000 more troops to Russia",
    "North Korea will send 25,000 to 30,000 more troops to Russia, CNN reported on Wednesday, "
    "citing Ukrainian intelligence.",
    datetime(2025, 7, 2, 8, tzinfo=UTC),
)
ANALYST: Item = (
    "w2",
    "Analyst doubts troop estimate",
    "North Korea is more likely to send 10,000 to 20,000 additional troops to Russia, an "
    "analyst at the Stimson Center said on Wednesday.",
    datetime(2025, 7, 9, 16, tzinfo=UTC),
)
DENIAL: Item = (
    "w3",
    "GUR has no information on the 30,000 plan",
    "Ukraine’s military intelligence, the GUR, said it had no information about plans by North "
    "Korea to increase its troop count in Russia to 30,000.",
    datetime(2025, 7, 10, 13, tzinfo=UTC),
)
# Later in the story: with ANALYST and DENIAL, several alerts for a new_figure channel.
LATER: tuple[Item, ...] = (
    (
        "w4",
        "Seoul lawmaker: 15,000 troops",
        "North Korea will send about 15,000 more troops to Russia, a South Korean lawmaker said "
        "on Friday.",
        datetime(2025, 7, 11, 9, tzinfo=UTC),
    ),
    (
        "w5",
        "Up to 40,000",
        "North Korea could send as many as 40,000 additional troops to Russia, Ukrainian "
        "intelligence told Reuters.",
        datetime(2025, 7, 12, 9, tzinfo=UTC),
    ),
    (
        "w6",
        "Kyiv: 12,000 more",
        "North Korea will send 12,000 more troops to Russia by autumn, Kyiv said on Sunday.",
        datetime(2025, 7, 13, 9, tzinfo=UTC),
    ),
)
CONTRADICTION = "‼ Contradiction"
# The story above is from July 2025: subprocesses must not hold it to CLAIMWATCH_MAX_STORY_AGE.
QUIET_AGE = {"CLAIMWATCH_MAX_STORY_AGE": "0", "PYTHONIOENCODING": "utf-8", "COLUMNS": "120"}
DISPUTE = "≠ Disputed figure"


def rss(*items: Item, encoding: str = "utf-8", declare: str | None = "utf-8") -> bytes:
    """An RSS 2.0 document of ``items``, encoded as ``encoding`` whatever ``declare`` says."""
    body = "".join(
        f"<item><guid>{escape(guid)}</guid><title>{escape(title)}</title>"
        f"<link>https://wire.example/{escape(guid)}</link>"
        f"<pubDate>{format_datetime(when)}</pubDate>"
        f"<description>{escape(text)}</description></item>"
        for guid, title, text, when in items
    )
    head = f'<?xml version="1.0" encoding="{declare}"?>' if declare else ""
    return (
        f'{head}<rss version="2.0"><channel><title>Wire</title>'
        f"<link>https://wire.example/</link><description>d</description>{body}</channel></rss>"
    ).encode(encoding)


@dataclass(frozen=True)
class Round:
    reports: dict[str, PollReport]
    delivered: int
    console: str  # what the console channel printed in this round


@dataclass(frozen=True)
class Stored:
    """What the SQLite file holds, read by a Store of its own."""

    counts: dict[str, int]
    stories: list[Story]  # oldest first
    findings: list[dict[str, Any]]  # payloads, oldest first
    feeds: dict[str, FeedState]  # by URL

    def story(self, guid: str) -> Story:
        """The one story of ``guid`` (an item of ``rss``: its link is wire.example/<guid>)."""
        (found,) = [s for s in self.stories if s.url == f"https://wire.example/{guid}"]
        return found

    def kinds(self) -> list[str]:
        return [str(f["kind"]) for f in self.findings]


class Desk:
    """A config folder (the DPRK-troops claims, one console channel) and a SQLite state."""

    def __init__(
        self, tmp_path: Path, feeds: Mapping[str, str], *, severity: str = "new_figure"
    ) -> None:
        self.folder = tmp_path / "config"
        self.folder.mkdir(exist_ok=True)
        (self.folder / "claims.yaml").write_text(CLAIMS)
        (self.folder / "channels.yaml").write_text(CHANNELS.format(severity=severity))
        lines = [
            f"  - url: {url}\n    name: {name}\n    interval: 5m\n" for name, url in feeds.items()
        ]
        (self.folder / "feeds.yaml").write_text("feeds:\n" + "".join(lines))
        self.url = f"sqlite:///{tmp_path}/state.db"
        self.out = io.StringIO()
        self.store: Store | None = None
        self.service = self._open()

    def _open(self) -> Service:
        self.store = Store.open(self.url)
        console = ConsoleChannel(self.out, width=120)
        return Service(load_config(self.folder), self.store, senders={"console": console})

    def restart(self) -> None:
        self.close()
        self.service = self._open()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def poll(self) -> Round:
        start = len(self.out.getvalue())

        async def one_round() -> tuple[dict[str, PollReport], int]:
            reports = {}
            async with httpx.AsyncClient() as client:
                for spec in self.service.config.feeds:
                    reports[spec.name] = await self.service.poll(spec, client)
            return reports, await self.service.dispatch()

        reports, delivered = asyncio.run(one_round())
        return Round(reports, delivered, self.out.getvalue()[start:])

    def stored(self) -> Stored:
        with Store.open(self.url) as store:
            return Stored(
                counts=store.counts(),
                stories=[story for story, _ in store.recent_stories(10_000)],
                findings=[payload for _, payload in store.findings_since(0)],
                feeds={state.url: state for state in store.feed_states()},
            )


def outbox_rows(url: str) -> list[sa.Row[Any]]:
    """The outbox as stored, in order, read with an engine of its own (the bot may be running)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.select(t.outbox).order_by(t.outbox.c.id)).all())
    finally:
        engine.dispose()
