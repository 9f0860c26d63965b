"""Notices: a feed that is gone (410) or disabled after too many failures tells the channels
subscribed to its topics, once — through the outbox, so once even across restarts."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from bot.adapters.store import Notice, Store
from bot.adapters.store import tables as t
from bot.adapters.store.engine import create_engine
from bot.chat import answer
from bot.config import FeedSpec, load_config
from bot.core.message import Message
from bot.service import MAX_FAILURES, PollReport, Service
from tests.clock import Clock
from tests.feedserver import FeedServer
from tests.migrations import migrate_to
from tests.store.test_store import FEED, result

T0 = datetime(2026, 1, 5, 12, tzinfo=UTC)
CLAIMS = """\
topics:
  - id: dprk-troops
    name: North Korean troops in Russia's war
    keywords: [North Korea]
    claims:
      - id: dprk-additional-troops
        text: North Korea will send 25,000 to 30,000 more troops to Russia
  - id: weather
    name: Weather
    keywords: [storm]
"""
CHANNELS = """\
channels:
  - {id: desk, platform: console, topics: [dprk-troops]}
  - {id: sky, platform: console, topics: [weather]}
"""


class Recorder:
    """A console sender that records what each channel's chat was sent."""

    platform = "console"

    def __init__(self) -> None:
        self.sent: list[Message] = []

    async def send(self, chat: str | None, message: Message) -> str:
        self.sent.append(message)
        return f"m{len(self.sent)}"


class Rig:
    def __init__(self, tmp_path: Path, server: FeedServer) -> None:
        self.folder = tmp_path / "config"
        self.folder.mkdir()
        (self.folder / "claims.yaml").write_text(CLAIMS)
        (self.folder / "channels.yaml").write_text(CHANNELS)
        (self.folder / "feeds.yaml").write_text(
            "feeds:\n"
            f"  - {{url: {server.url('/gone')}, name: Gone Wire, topics: [dprk-troops]}}\n"
            f"  - {{url: {server.url('/flaky')}, name: Flaky Wire, topics: [dprk-troops]}}\n"
        )
        self.url = f"sqlite:///{tmp_path}/state.db"
        self.server = server
        self.clock = Clock(T0)
        self.recorder = Recorder()
        self.store = Store.open(self.url)
        self.service = self.start()

    def start(self) -> Service:
        """A service as `claimwatch run` builds one (again after a restart)."""
        return Service(
            load_config(self.folder),
            self.store,
            senders={"console": self.recorder},
            now=self.clock,
        )

    def restart(self) -> None:
        self.store.close()
        self.store = Store.open(self.url)
        self.service = self.start()

    def spec(self, path: str) -> FeedSpec:
        return next(f for f in self.service.config.feeds if f.location == self.server.url(path))

    def poll(self, path: str) -> PollReport:
        async def go() -> PollReport:
            async with httpx.AsyncClient() as client:
                return await self.service.poll(self.spec(path), client)

        return asyncio.run(go())

    def dispatch(self) -> list[str]:
        before = len(self.recorder.sent)
        asyncio.run(self.service.dispatch())
        return [m.plain() for m in self.recorder.sent[before:]]


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    with FeedServer() as server:
        rig = Rig(tmp_path, server)
        yield rig
        rig.store.close()


def test_a_gone_feed_tells_its_channels_once_even_across_restarts(rig: Rig) -> None:
    rig.server.status("/gone", 410)
    report = rig.poll("/gone")
    assert report.status == "error" and report.alerts == 1

    (notice,) = rig.dispatch()
    assert notice.startswith("Feed Gone Wire is gone (HTTP 410); no longer polled")
    assert rig.server.url("/gone") in notice
    assert rig.recorder.sent[-1].kind == "notice"

    assert rig.poll("/gone").status == "skipped"  # disabled: not fetched again
    assert len(rig.server.requests_for("/gone")) == 1
    assert rig.dispatch() == []

    rig.restart()  # a new process on the same state says nothing again
    assert rig.poll("/gone").status == "skipped"
    assert rig.dispatch() == []
    with rig.store._engine.connect() as conn:
        rows = conn.execute(sa.select(t.outbox.c.channel_id, t.outbox.c.status)).all()
    assert [tuple(r) for r in rows] == [("desk", "sent")]  # "sky" follows another topic


def test_a_feed_disabled_after_repeated_failures_tells_its_channels_once(rig: Rig) -> None:
    rig.server.status("/flaky", 500)
    reports, told = [], []
    for _ in range(MAX_FAILURES):
        reports.append(rig.poll("/flaky"))
        told.append(rig.dispatch())
        rig.clock.now += timedelta(days=1)  # past any backoff
    assert [r.status for r in reports] == ["error"] * MAX_FAILURES
    assert [r.alerts for r in reports] == [0] * (MAX_FAILURES - 1) + [1]
    assert told[:-1] == [[]] * (MAX_FAILURES - 1)
    (notice,) = told[-1]
    assert notice.startswith(f"Feed Flaky Wire disabled after {MAX_FAILURES} failures in a row:")
    assert f"{MAX_FAILURES} failures in a row: HTTP 500" in notice  # not a port or a path
    state = rig.store.feed_state(rig.server.url("/flaky"))
    assert state is not None and state.disabled
    assert rig.poll("/flaky").status == "skipped"
    assert rig.dispatch() == []


def test_a_notice_key_is_queued_once_per_channel(rig: Rig) -> None:
    notice = Notice("feed-disabled:x", {"title": "Feed X is gone", "lines": []}, ("desk",), T0)
    assert rig.store.queue_notice(notice) == 1
    assert rig.store.queue_notice(notice) == 0
    assert rig.store.queue_notice(Notice("feed-disabled:x", {"title": "again"},
                                         ("desk", "sky"), T0)) == 1  # fmt: skip
    (first, second) = rig.store.pending()
    assert (first.kind, first.finding_id, first.payload["title"]) == (
        "notice",
        None,
        "Feed X is gone",
    )
    assert (second.channel_id, second.payload["title"]) == ("sky", "again")
    assert rig.store.ops_summary().outbox_waiting == 2


def test_revision_0003_downgrades_and_upgrades_keeping_the_alerts(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.sync_channels([("desk", "console", None)])
        store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "desk")])
        store.queue_notice(Notice("k", {"title": "n"}, ("desk",), T0))
        assert [item.kind for item in store.pending()] == ["alert", "notice"]
    engine = create_engine(db_url)
    try:
        for revision in ("0002", "head"):
            migrate_to(db_url, revision, down=revision != "head")
            with engine.connect() as conn:
                names = {c["name"] for c in sa.inspect(conn).get_columns("outbox")}
            assert ("notice_key" in names) is (revision == "head")
    finally:
        engine.dispose()
    with Store.open(db_url) as store:  # the downgrade dropped the notice, kept the alert
        assert [item.kind for item in store.pending()] == ["alert"]


def test_status_shows_alerts_waiting_and_undeliverable(rig: Rig) -> None:
    for key in ("a", "b", "c"):
        rig.store.queue_notice(Notice(key, {"title": key}, ("desk",), T0))
    first, *_ = rig.store.pending()
    rig.store.mark_failed(first.id, "refused", dead=True)

    (status,) = answer(rig.service, "/status", channel_id="desk", user_id="bob") or []
    text = status.plain()
    assert "Alerts waiting: 2" in text
    assert "Alerts undeliverable: 1 (failed too often or refused; see the log)" in text
    assert rig.store.ops_summary().outbox_dead == 1


def test_a_feed_disabled_again_after_a_re_enable_tells_its_channels_again_once(rig: Rig) -> None:
    url = rig.server.url("/gone")

    def re_enable() -> None:
        (feeds,) = answer(rig.service, "/feeds", channel_id="desk", user_id="bob") or []
        assert "disabled (" in feeds.plain() and "/addfeed <url> polls it again" in feeds.plain()
        (reply,) = answer(rig.service, f"/addfeed {url}", channel_id="desk", user_id="bob",
                          platform_admin=True) or []  # fmt: skip
        assert reply.title == "Feed enabled again: Gone Wire", reply.title
        state = rig.store.feed_state(url)
        assert state is not None and not state.disabled
        (feeds,) = answer(rig.service, "/feeds", channel_id="desk", user_id="bob") or []
        assert "disabled (" not in feeds.plain()

    rig.server.status("/gone", 410)
    assert rig.poll("/gone").alerts == 1
    assert len(rig.dispatch()) == 1

    re_enable()
    report = rig.poll("/gone")  # still gone: disabled a second time, and said so again
    assert report.status == "error" and report.alerts == 1
    (second,) = rig.dispatch()
    assert second.startswith("Feed Gone Wire is gone (HTTP 410)")
    assert rig.poll("/gone").status == "skipped" and rig.dispatch() == []
    rig.restart()  # once per disabling, across restarts too
    assert rig.poll("/gone").status == "skipped" and rig.dispatch() == []

    re_enable()
    rig.server.status("/gone", 500)
    told = []
    for _ in range(MAX_FAILURES):
        assert rig.poll("/gone").status == "error"
        told += rig.dispatch()
        rig.clock.now += timedelta(days=1)  # past any backoff
    (third,) = told
    assert third.startswith(f"Feed Gone Wire disabled after {MAX_FAILURES} failures in a row")
    with rig.store._engine.connect() as conn:
        rows = conn.execute(sa.select(t.outbox.c.status).where(t.outbox.c.channel_id == "desk"))
        assert [r.status for r in rows] == ["sent"] * 3
