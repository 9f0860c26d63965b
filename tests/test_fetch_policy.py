"""Polite fetching through Service.poll over the loopback feed server and a real SQLite store:
permanent vs temporary redirects, 410, Retry-After, backoff and its reset, disabling."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from bot.adapters.store import Store
from bot.config import FeedSpec, load_config
from bot.scheduler import host_of, run_forever
from bot.service import BACKOFF_CAP_S, MAX_FAILURES, PollReport, Service, backoff_s
from bot.settings import Settings
from tests.clock import Clock
from tests.feedserver import FeedServer
from tests.test_config import CLAIMS
from tests.test_netguard import CHANNELS, RSS

T0 = datetime(2026, 1, 5, 12, tzinfo=UTC)
INTERVAL = 60
PATHS = ("/old", "/temp", "/rss.xml", "/gone", "/busy", "/busy-date", "/flaky", "/down")


class Rig:
    def __init__(self, tmp_path: Path, server: FeedServer) -> None:
        folder = tmp_path / "config"
        folder.mkdir()
        (folder / "claims.yaml").write_text(CLAIMS)
        (folder / "channels.yaml").write_text(CHANNELS)
        listed = "".join(
            f"  - url: {server.url(p)}\n    name: f{p.strip('/')}\n    interval: {INTERVAL}s\n"
            for p in PATHS
        )
        (folder / "feeds.yaml").write_text("feeds:\n" + listed)
        self.server = server
        self.clock = Clock(T0)
        self.store = Store.open(f"sqlite:///{tmp_path}/state.db")
        self.service = Service(load_config(folder), self.store, now=self.clock)

    def spec(self, path: str) -> FeedSpec:
        return next(f for f in self.service.config.feeds if f.location == self.server.url(path))

    def poll(self, path: str) -> PollReport:
        async def go() -> PollReport:
            async with httpx.AsyncClient() as client:
                return await self.service.poll(self.spec(path), client)

        return asyncio.run(go())

    def later(self, seconds: float) -> None:
        self.clock.now += timedelta(seconds=seconds)


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    with FeedServer() as server:
        server.feed("/rss.xml", RSS)
        rig = Rig(tmp_path, server)
        yield rig
        rig.store.close()


def test_301_moves_the_feed_for_good_and_302_does_not(rig: Rig) -> None:
    server = rig.server
    server.redirect("/old", "/rss.xml", code=301)
    server.redirect("/temp", "/rss.xml", code=302)
    assert rig.poll("/old").status == "ok"
    assert rig.poll("/temp").status == "ok"
    assert rig.store.feed_location(server.url("/old")) == server.url("/rss.xml")
    assert rig.store.feed_location(server.url("/temp")) is None

    rig.later(INTERVAL)
    moved, temporary = rig.poll("/old"), rig.poll("/temp")
    assert (moved.status, temporary.status) == ("not_modified", "not_modified")
    assert len(server.requests_for("/old")) == 1  # asked the new address directly
    assert len(server.requests_for("/temp")) == 2  # still asks the old one
    state = rig.store.feed_state(server.url("/old"))
    assert state is not None and state.baseline_done and state.error_count == 0


def test_410_disables_the_feed_and_logs_once(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    rig.server.status("/gone", 410)
    with caplog.at_level(logging.WARNING, logger="bot.service"):
        first = rig.poll("/gone")
        rig.later(7 * 24 * 3600)
        second = rig.poll("/gone")
    assert first.status == "error" and first.error == "HTTP 410"
    assert second.status == "skipped" and second.error is not None and "410" in second.error
    state = rig.store.feed_state(rig.server.url("/gone"))
    assert state is not None and state.disabled and "gone (HTTP 410)" in (state.last_error or "")
    assert len(rig.server.requests_for("/gone")) == 1
    assert sum("is gone (HTTP 410)" in r.getMessage() for r in caplog.records) == 1


def test_429_retry_after_seconds_is_honoured(rig: Rig) -> None:
    rig.server.status("/busy", 429, retry_after="3600")
    assert rig.poll("/busy").error == "HTTP 429"
    url = rig.server.url("/busy")
    assert rig.store.feed_not_before(url) == T0 + timedelta(seconds=3600)
    rig.later(1800)
    waiting = rig.poll("/busy")
    assert waiting.status == "skipped" and waiting.error == "waiting until 13:00:00 UTC"
    assert len(rig.server.requests_for("/busy")) == 1
    rig.server.feed("/busy", RSS)
    rig.later(1801)
    assert rig.poll("/busy").status == "ok"
    assert rig.store.feed_not_before(url) is None
    assert len(rig.server.requests_for("/busy")) == 2


def test_503_retry_after_as_an_http_date_is_honoured(rig: Rig) -> None:
    when = datetime.now(UTC) + timedelta(hours=2)
    rig.server.status("/busy-date", 503, retry_after=format_datetime(when, usegmt=True))
    assert rig.poll("/busy-date").error == "HTTP 503"
    not_before = rig.store.feed_not_before(rig.server.url("/busy-date"))
    assert not_before is not None
    assert T0 + timedelta(seconds=7000) < not_before <= T0 + timedelta(seconds=7200)
    rig.later(3600)
    assert rig.poll("/busy-date").status == "skipped"
    assert len(rig.server.requests_for("/busy-date")) == 1


def test_backoff_grows_with_each_failure_and_resets_on_success(rig: Rig) -> None:
    rig.server.status("/flaky", 500)
    url = rig.server.url("/flaky")
    waits = []
    for _ in range(5):  # five 500s in a row, then a 200
        report = rig.poll("/flaky")
        assert report.status == "error" and report.error == "HTTP 500"
        not_before = rig.store.feed_not_before(url)
        assert not_before is not None
        waits.append((not_before - rig.clock.now).total_seconds())
        rig.later(waits[-1] - 1)
        assert rig.poll("/flaky").status == "skipped"
        rig.later(1)
    assert waits == [120, 240, 480, 960, 1920]
    assert len(rig.server.requests_for("/flaky")) == 5

    rig.server.feed("/flaky", RSS)
    ok = rig.poll("/flaky")
    assert ok.status == "ok" and ok.baseline
    state = rig.store.feed_state(url)
    assert state is not None and state.error_count == 0 and state.last_error is None
    assert rig.store.feed_not_before(url) is None

    rig.server.status("/flaky", 500)
    rig.later(INTERVAL)
    rig.poll("/flaky")
    assert rig.store.feed_not_before(url) == rig.clock.now + timedelta(seconds=120)


def test_backoff_is_capped() -> None:
    assert backoff_s(600, 1) == 1200
    assert backoff_s(600, 9) == BACKOFF_CAP_S
    assert backoff_s(600, 10_000) == BACKOFF_CAP_S


def test_feed_disabled_after_repeated_failures_with_one_warning(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    rig.server.status("/down", 500)
    with caplog.at_level(logging.WARNING, logger="bot.service"):
        for _ in range(MAX_FAILURES):
            assert rig.poll("/down").status == "error"
            rig.later(BACKOFF_CAP_S)
        for _ in range(3):
            assert rig.poll("/down").status == "skipped"
            rig.later(BACKOFF_CAP_S)
    state = rig.store.feed_state(rig.server.url("/down"))
    assert state is not None and state.disabled and state.error_count == MAX_FAILURES
    assert "10 failures in a row; last: HTTP 500" in (state.last_error or "")
    assert len(rig.server.requests_for("/down")) == MAX_FAILURES
    assert sum("disabled after" in r.getMessage() for r in caplog.records) == 1


def test_a_feed_added_by_command_is_fetched_through_the_guard(rig: Rig) -> None:
    url = f"http://localhost:{rig.server.port}/rss.xml"
    spec = FeedSpec("cmd", url, INTERVAL, ("dprk-troops",), False, "cmd")

    async def go() -> PollReport:
        async with httpx.AsyncClient() as client:
            return await rig.service.poll(spec, client)

    refused = asyncio.run(go())
    assert refused.status == "error"
    assert refused.error is not None and "non-public address" in refused.error
    assert rig.server.requests_for("/rss.xml") == []
    rig.service.allow_private_feeds = True
    rig.later(BACKOFF_CAP_S)
    assert asyncio.run(go()).status == "ok"
    assert rig.server.requests_for("/rss.xml")[-1].headers["host"] == f"localhost:{rig.server.port}"


# --- the scheduler's caps: fetches run side by side, within a per-host and a global cap ------


class HoldingServer:
    """A loopback feed server that holds every request ``hold_s`` and counts how many it held
    at once (the most is ``peak``). The hold is long enough that fetches meant to run side by
    side overlap even when a loaded machine is slow to start the second."""

    def __init__(self, hold_s: float = 1.5) -> None:
        owner = self
        self.hold_s = hold_s
        self.in_flight = self.peak = self.served = 0
        self._lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

            def do_GET(self) -> None:
                owner._enter()
                try:
                    time.sleep(owner.hold_s)
                    body = RSS.encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                finally:
                    owner._leave()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def _enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1
            self.served += 1

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def __enter__(self) -> HoldingServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def run_six_feeds(tmp_path: Path, **caps: int) -> HoldingServer:
    """Six feeds on one host, all due at once, through `run_forever` until each was fetched."""
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "claims.yaml").write_text(CLAIMS)
    (folder / "channels.yaml").write_text(CHANNELS)
    with HoldingServer() as server:
        (folder / "feeds.yaml").write_text(
            "feeds:\n"
            + "".join(f"  - {{url: {server.url(f'/f{i}')}, name: f{i}}}\n" for i in range(6))
        )
        with Store.open(f"sqlite:///{tmp_path}/state.db") as store:
            service = Service(load_config(folder), store)

            async def go() -> None:
                stop = asyncio.Event()
                running = asyncio.create_task(
                    run_forever(service, stop=stop, stagger_s=0, **caps)  # type: ignore[arg-type]
                )
                try:
                    async with asyncio.timeout(60):
                        while sum(s.baseline_done for s in store.feed_states()) < 6:
                            await asyncio.sleep(0.05)
                finally:
                    stop.set()
                    await running

            asyncio.run(go())
        return server


def test_at_most_the_per_host_cap_of_fetches_are_in_flight_to_one_host(tmp_path: Path) -> None:
    server = run_six_feeds(tmp_path, per_host=2, concurrency=32)
    assert server.served == 6
    assert server.peak == 2  # side by side (the store lock no longer serializes fetches) ...
    # ... and never more than the cap


def test_the_global_cap_holds_across_feeds(tmp_path: Path) -> None:
    server = run_six_feeds(tmp_path, per_host=10, concurrency=3)
    assert server.served == 6
    assert server.peak == 3


def test_host_of() -> None:
    assert host_of("https://Wire.Example:8443/rss") == "wire.example"
    assert host_of("/srv/feeds/local.xml") == ""


# --- old stories: stored, never alerted on ---------------------------------------------------


def item(guid: str, text: str, when: datetime | None) -> str:
    date = f"<pubDate>{format_datetime(when)}</pubDate>" if when else ""
    return (
        f"<item><guid>{guid}</guid><title>{guid}</title><link>https://wire.example/{guid}</link>"
        f"{date}<description>{text}</description></item>"
    )


def feed(*items: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<link>https://wire.example/</link><description>d</description>"
        + "".join(items)
        + "</channel></rss>"
    )


DISPUTE = (
    "North Korea is more likely to send {n},000 additional troops to Russia, an analyst at the "
    "Stimson Center said."
)

DENIAL = (
    "Ukraine's military intelligence, the GUR, said it had no information about plans by North "
    "Korea to increase its troop count in Russia to 30,000."
)
SEOUL = (
    "North Korea is preparing to send at least 50,000 more troops to Russia, South Korea's "
    "intelligence service told lawmakers."
)


def test_old_stories_are_stored_but_never_alerted_on_any_poll(rig: Rig) -> None:
    rig.service.max_story_age = timedelta(days=7)
    old = T0 - timedelta(days=30)
    rig.server.feed("/rss.xml", feed(item("base", "Weather today.", T0)))
    assert rig.poll("/rss.xml").baseline

    republished = [item(f"old{i}", DISPUTE.format(n=10 + i % 5), old) for i in range(200)]
    rig.server.touch("/rss.xml", feed(*republished))
    rig.later(INTERVAL)
    report = rig.poll("/rss.xml")
    assert report.status == "ok" and not report.baseline
    assert report.new_stories == 200
    assert report.findings >= 1  # they would have alerted if new
    assert report.alerts == 0 and rig.store.pending() == []
    assert rig.store.counts()["stories"] == 201

    fresh = item("new1", DENIAL, T0 - timedelta(hours=1))
    undated = item("new2", SEOUL, None)
    rig.server.touch("/rss.xml", feed(*republished, fresh, undated))
    rig.later(INTERVAL)
    report = rig.poll("/rss.xml")
    assert report.new_stories == 2 and report.alerts >= 2
    assert {item.payload["url"] for item in rig.store.pending()} == {
        "https://wire.example/new1",
        "https://wire.example/new2",
    }


def test_the_story_age_setting() -> None:
    assert Settings.from_env({}).max_story_age == timedelta(days=7)
    assert Settings.from_env({"CLAIMWATCH_MAX_STORY_AGE": "0"}).max_story_age is None
    assert Settings.from_env({"CLAIMWATCH_MAX_STORY_AGE": "36h"}).max_story_age == timedelta(
        hours=36
    )
    with pytest.raises(ValueError, match="CLAIMWATCH_MAX_STORY_AGE"):
        Settings.from_env({"CLAIMWATCH_MAX_STORY_AGE": "a week"})
    with pytest.raises(ValueError, match="CLAIMWATCH_FETCH_PER_HOST"):
        Settings.from_env({"CLAIMWATCH_FETCH_PER_HOST": "0"})
