"""H3: a refused Telegram token never reaches the outbox, the store or the log."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from bot.adapters.feeds import parse_feed
from bot.adapters.store import Store
from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.sender import TelegramSender, guard_token_in_logs, make_bot
from bot.config import load_config
from bot.core.message import Message
from bot.errors import RetryLater
from bot.service import Service
from tests.clock import Clock
from tests.telegram.conftest import CHANNELS
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss

REVOKED = "987654321:AAHrevokedButStillSecret_xyz"


async def test_a_refused_token_is_not_quoted_in_the_error() -> None:
    with FakeBotAPI() as api:  # knows only its own token: ours is "revoked"
        bot = make_bot(REVOKED, api.base_url, max_retries=0)
        with pytest.raises(RetryLater) as caught:
            await TelegramSender(bot).send("100", Message("hello"))
    assert "TELEGRAM_BOT_TOKEN" in str(caught.value)
    assert REVOKED not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


async def test_pending_alerts_wait_and_the_token_stays_out_of_store_and_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "feeds.yaml").write_text("feeds: []\n")
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    guard_token_in_logs(REVOKED)  # as sender_from_settings does
    with FakeBotAPI() as api:
        bot = make_bot(REVOKED, api.base_url, max_retries=0)
        sender = TelegramSender(bot, per_chat_interval_s=0.0)
        service = Service(load_config(tmp_path), store, senders={"telegram": sender}, now=Clock())
        feed = rss(ORIGINAL, ANALYST)
        for story in parse_feed(feed.encode(), feed_name="Wire").stories:
            service.ingest(story, feed_url="wire")
        pending = store.counts()["pending"]
        assert pending > 0
        with caplog.at_level(logging.DEBUG):
            assert await service.dispatch() == 0
        await bot.shutdown()
    assert store.counts()["pending"] == pending  # nothing spent, nothing dead
    store.close()
    assert REVOKED not in caplog.text
    with sqlite3.connect(tmp_path / "state.db") as db:
        dump = "\n".join(db.iterdump())
    assert REVOKED not in dump
    assert api.sent == []
