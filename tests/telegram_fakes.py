"""Fixtures: the fake Telegram Bot API on loopback, and the real sender pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.sender import TelegramSender, make_bot


@pytest.fixture
def fake_api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI() as api:
        yield api


@pytest.fixture
async def sender(fake_api: FakeBotAPI) -> AsyncIterator[TelegramSender]:
    """The real sender, unpaced and without retries, delivering to ``fake_api``."""
    bot = make_bot(fake_api.token, fake_api.base_url, max_retries=0)
    yield TelegramSender(bot, per_chat_interval_s=0.0)
    await bot.shutdown()
