"""The HTTP server of `claimwatch run` over real HTTP on loopback: /metrics moves with a real
poll and delivery, /healthz says 503 when the scheduler is stuck or the store unreadable,
/slack/events shares the port, and the dispatcher is woken by a poll that queued alerts."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
import urllib.parse
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from prometheus_client.parser import text_string_to_metric_families

from bot.adapters.console import ConsoleChannel
from bot.adapters.slack.app import http_routes
from bot.adapters.slack.fake import FakeSlack
from bot.adapters.store import Store
from bot.adapters.store.engine import create_engine
from bot.adapters.web import Request, Response, WebServer
from bot.config import load_config
from bot.metrics import STALE_AFTER_S, Metrics
from bot.ops import ops_routes
from bot.scheduler import run_forever
from bot.service import Service
from bot.settings import Secret, Settings
from tests.clirun import eventually, feeds_yaml, running_bot
from tests.feedserver import FeedServer
from tests.slack.test_app import signed
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, CHANNELS, ORIGINAL, rss
from tests.test_run import DENIAL

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parse(text: str) -> Samples:
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def sample(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


async def scrape(server: WebServer) -> Samples:
    async with httpx.AsyncClient() as client:
        answer = await client.get(server.url_for("/metrics"))
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    return parse(answer.text)


def health(server: WebServer) -> tuple[int, dict[str, object]]:
    answer = httpx.get(server.url_for("/healthz"))
    assert answer.headers["content-type"] == "application/json"
    return answer.status_code, answer.json()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclasses.dataclass
class Bot:
    service: Service
    server: WebServer
    out: io.StringIO
    feeds: FeedServer


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Bot]:
    with FeedServer() as feeds:
        feeds.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        (tmp_path / "claims.yaml").write_text(CLAIMS)
        (tmp_path / "channels.yaml").write_text(CHANNELS)
        (tmp_path / "feeds.yaml").write_text(feeds_yaml(feeds.url("/wire.rss")))
        store = Store.open(f"sqlite:///{tmp_path}/state.db")
        out = io.StringIO()
        service = Service(
            load_config(tmp_path),
            store,
            senders={"console": ConsoleChannel(out, width=100)},
            metrics=Metrics(clock=FakeClock()),
        )
        server = WebServer(ops_routes(service.metrics), "127.0.0.1", 0)
        await server.start()
        yield Bot(service, server, out, feeds)
        await server.stop()
        store.close()


async def test_metrics_move_with_a_real_poll_and_delivery(bot: Bot) -> None:
    (spec,) = bot.service.config.feeds
    start = await scrape(bot.server)
    assert sample(start, "claimwatch_polls_total", result="ok") == 0
    assert sample(start, "claimwatch_store_up") == 1

    async with httpx.AsyncClient() as client:
        baseline = await bot.service.poll(spec, client)
        bot.feeds.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
        change = await bot.service.poll(spec, client)
        same = await bot.service.poll(spec, client)
    assert (baseline.baseline, change.status, same.status) == (True, "ok", "not_modified")
    assert change.alerts >= 1

    waiting = await scrape(bot.server)
    assert sample(waiting, "claimwatch_polls_total", result="ok") == 2
    assert sample(waiting, "claimwatch_polls_total", result="not_modified") == 1
    assert sample(waiting, "claimwatch_stories_total") == 3
    assert sample(waiting, "claimwatch_findings_total", kind="contradiction") >= 1
    assert sample(waiting, "claimwatch_alerts_waiting") == change.alerts
    assert sample(waiting, "claimwatch_alerts_sent_total", platform="console") == 0
    assert sample(waiting, "claimwatch_feeds", state="enabled") == 1
    assert sample(waiting, "claimwatch_last_poll_timestamp_seconds") > 0

    sent = await bot.service.dispatch()
    assert sent == change.alerts and "Contradiction" in bot.out.getvalue()
    done = await scrape(bot.server)
    assert sample(done, "claimwatch_alerts_waiting") == 0
    assert sample(done, "claimwatch_alerts_sent_total", platform="console") == sent
    assert sample(done, "claimwatch_delivery_latency_seconds_count") == sent
    assert sample(done, "claimwatch_alerts_dead") == 0


async def test_a_failing_poll_counts_as_an_error(bot: Bot) -> None:
    (spec,) = bot.service.config.feeds
    bot.feeds.status("/wire.rss", 500)
    async with httpx.AsyncClient() as client:
        assert (await bot.service.poll(spec, client)).status == "error"
        assert (await bot.service.poll(spec, client)).status == "skipped"  # backing off
    samples = await scrape(bot.server)
    assert sample(samples, "claimwatch_polls_total", result="error") == 1
    assert sample(samples, "claimwatch_polls_total", result="skipped") == 1
    assert sample(samples, "claimwatch_fetch_errors_total") == 1


async def test_healthz_is_503_until_the_scheduler_beats_and_when_it_stops(bot: Bot) -> None:
    clock = bot.service.metrics._clock
    assert isinstance(clock, FakeClock)
    status, body = await asyncio.to_thread(health, bot.server)
    assert status == 503 and body["ok"] is False
    assert body["problems"] == ["the scheduler is not running"]

    bot.service.metrics.beat()
    (spec,) = bot.service.config.feeds
    async with httpx.AsyncClient() as client:
        await bot.service.poll(spec, client)
    status, body = await asyncio.to_thread(health, bot.server)
    assert status == 200, body
    assert body["ok"] is True
    assert body["feeds"] == {"enabled": 1, "disabled": 0}
    assert body["outbox"] == {"waiting": 0, "dead": 0}
    assert str(body["last_poll"]).endswith("Z")

    clock.now += STALE_AFTER_S + 1
    status, body = await asyncio.to_thread(health, bot.server)
    assert status == 503
    assert body["problems"] == [f"the scheduler has not run for {STALE_AFTER_S + 1:.0f}s"]


async def test_healthz_is_503_when_the_store_cannot_be_read(bot: Bot, tmp_path: Path) -> None:
    bot.service.metrics.beat()
    engine = create_engine(f"sqlite:///{tmp_path}/state.db")
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE outbox RENAME TO outbox_lost"))
    try:
        status, body = await asyncio.to_thread(health, bot.server)
        assert status == 503
        assert body["problems"] == ["the store cannot be read: OperationalError"]
        samples = await scrape(bot.server)  # /metrics still answers, and says so
        assert sample(samples, "claimwatch_store_up") == 0
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text("ALTER TABLE outbox_lost RENAME TO outbox"))
        engine.dispose()
    status, _ = await asyncio.to_thread(health, bot.server)
    assert status == 200


def test_the_route_table_answers_404_405_413_and_head() -> None:
    def echo(request: Request) -> Response:
        return Response.text(200, f"{request.method} {request.query} {request.body!r}")

    server = WebServer({("POST", "/echo"): echo, ("GET", "/echo"): echo})
    asyncio.run(server.start())
    try:
        with httpx.Client() as client:
            assert client.post(server.url_for("/echo?x=1"), content=b"hi").text == "POST x=1 b'hi'"
            assert client.get(server.url_for("/nowhere")).status_code == 404
            assert client.delete(server.url_for("/echo")).status_code == 405
            big = client.post(server.url_for("/echo"), content=b"x" * 1_000_001)
            assert big.status_code == 413
            head = client.head(server.url_for("/echo"))
            assert head.status_code == 200 and head.content == b""
    finally:
        asyncio.run(server.stop())


def test_slack_events_share_the_port_with_the_ops_routes(tmp_path: Path) -> None:
    token, secret = "xoxb-ops-test", "ops-test-signing-secret"
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "feeds.yaml").write_text("feeds: []\n")
    with FakeSlack(token=token) as slack, Store.open(f"sqlite:///{tmp_path}/s.db") as store:
        service = Service(load_config(tmp_path), store)
        settings = Settings(
            slack_bot_token=Secret(token),
            slack_signing_secret=Secret(secret),
            slack_api_url=slack.api_url,
        )
        server = WebServer({**ops_routes(service.metrics), **http_routes(service, settings)})
        asyncio.run(server.start())
        try:
            body = urllib.parse.urlencode({
                "command": "/claimwatch", "text": "claims", "team_id": "T1", "user_id": "U1",
                "channel_id": "C1", "response_url": slack.response_url("r1"),
            })  # fmt: skip
            headers = {**signed(body, secret), "Content-Type": "application/x-www-form-urlencoded"}
            answer = httpx.post(server.url_for("/slack/events"), content=body, headers=headers)
            assert answer.status_code == 200
            eventually(lambda: bool(slack.responses.get("r1")), 15)
            assert "dprk-additional-troops" in str(slack.responses["r1"])
            forged = httpx.post(
                server.url_for("/slack/events"), content=body, headers=signed(body, "wrong")
            )
            assert forged.status_code == 401
            assert httpx.get(server.url_for("/metrics")).status_code == 200
        finally:
            asyncio.run(server.stop())


async def test_a_poll_that_queues_alerts_wakes_the_dispatcher(bot: Bot) -> None:
    """With the dispatcher's own interval at an hour, only the wake-up can deliver in time."""
    service = bot.service
    (spec,) = service.config.feeds
    fast = dataclasses.replace(spec, interval_s=2)  # the config allows 10 s at least
    service.config = dataclasses.replace(service.config, feeds=(fast,))
    stop = asyncio.Event()
    running = asyncio.create_task(run_forever(service, stop=stop, dispatch_every_s=3600))

    try:
        await until(
            lambda: bool((s := service.store.feed_state(fast.location)) and s.baseline_done)
        )
        bot.feeds.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
        # 30 s: far short of the hour, and room for a loaded machine
        await until(lambda: "Contradiction" in bot.out.getvalue(), timeout=30)
    finally:
        stop.set()
        await asyncio.wait_for(running, 30)
    assert bot.out.getvalue().count("Contradiction") == 1
    assert service.store.pending() == []


async def until(check: Callable[[], bool], timeout: float = 20) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.05)


def test_claimwatch_run_serves_metrics_and_health_on_its_port(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        feeds = feeds_yaml(server.url("/wire.rss"))  # PORT=0: a free port, read from the log
        with running_bot(tmp_path, claims=CLAIMS, channels=CHANNELS, feeds=feeds) as bot:
            bot.wait_for("(baseline)", 60)
            port = bot.http_port()
            answer = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
            samples = parse(answer.text)
            assert sample(samples, "claimwatch_polls_total", result="ok") >= 1
            assert sample(samples, "claimwatch_stories_total") == 2
            assert sample(samples, "claimwatch_feeds", state="enabled") == 1
            status = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10)
            assert status.status_code == 200
            assert json.loads(status.text)["ok"] is True
            assert bot.stop() == 0
        assert "Traceback" not in bot.err.read_text()
