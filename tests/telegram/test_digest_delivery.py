"""A scheduled digest goes out through its channel's sender, like an alert: after the alerts
queued before it, paced, and kept in the outbox through a 429 until the chat may be sent to."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.adapters.feeds import parse_feed
from bot.adapters.store import Store
from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.sender import TelegramSender
from bot.chat import post_due_digests
from bot.config import load_config
from bot.service import Service
from tests.clock import Clock
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss

CHANNELS = """\
channels:
  - id: a
    platform: telegram
    chat: "100"
    min_severity: corroboration
    digest: {cron: "0 8 * * *", timezone: UTC}
"""
BEFORE = datetime(2025, 7, 10, 7, 0, tzinfo=UTC)
DUE = datetime(2025, 7, 10, 8, 0, 30, tzinfo=UTC)


def digest_service(tmp_path: Path, sender: TelegramSender, clock: Clock) -> tuple[Service, Store]:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "feeds.yaml").write_text("feeds: []\n")
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    return Service(load_config(tmp_path), store, senders={"telegram": sender}, now=clock), store


def ingest_wire(service: Service) -> None:
    """The analyst's story and the original report, for findings a digest will carry."""
    feed = rss(ORIGINAL, ANALYST)
    for story in parse_feed(feed.encode(), feed_name="Wire").stories:
        service.ingest(story, feed_url="wire")


def digests_in(api: FakeBotAPI) -> list[str]:
    return [s.text for s in api.sent_to("100") if "Digest — 10 Jul 2025" in s.text]


async def test_a_429_keeps_the_digest_in_the_outbox_until_the_chat_may_be_sent_to(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    clock = Clock(BEFORE)
    service, store = digest_service(tmp_path, sender, clock)
    try:
        assert await post_due_digests(service, BEFORE) == 0  # first sight: the period starts
        ingest_wire(service)
        alerts = await service.dispatch()
        assert alerts == 2 and len(fake_api.sent_to("100")) == 1  # waiting together: one message

        clock.now = DUE
        fake_api.rate_limit("100", retry_after=30)
        assert await post_due_digests(service, DUE) == 1  # queued, not sent from here
        assert await service.dispatch() == 0  # 429: the channel waits 30 s
        assert digests_in(fake_api) == []
        assert store.counts()["pending"] == 1  # the digest is not lost
        clock.advance(10)
        assert await post_due_digests(service, clock.now) == 0  # never queued twice
        assert await service.dispatch() == 0  # still inside the chat's retry_after
        assert len(fake_api.calls_of("sendPhoto")) == 1  # the refused one only

        clock.advance(21)
        assert await service.dispatch() == 1
        assert len(digests_in(fake_api)) == 1
        assert store.counts()["pending"] == 0
        assert await service.dispatch() == 0
    finally:
        store.close()


async def test_a_digest_waits_behind_the_alerts_queued_before_it(
    tmp_path: Path, fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    clock = Clock(BEFORE)
    service, store = digest_service(tmp_path, sender, clock)
    try:
        await post_due_digests(service, BEFORE)
        ingest_wire(service)
        clock.now = DUE
        assert await post_due_digests(service, DUE) == 1
        delivered = await service.dispatch()
        texts = [s.text for s in fake_api.sent_to("100")]
        assert delivered >= 2 and len(digests_in(fake_api)) == 1
        assert "Digest — 10 Jul 2025" in texts[-1]  # the alerts went first, in outbox order
        assert all("Digest" not in text for text in texts[:-1])
    finally:
        store.close()
