"""Commands sent as Telegram updates, answered through the chat core, over HTTP."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest

from bot.adapters.telegram import TelegramBot, TelegramSender, sender_from_settings, start
from bot.adapters.telegram.bot import menu
from bot.adapters.telegram.fake import FakeBotAPI, parse_html
from bot.settings import Settings
from tests.telegram.conftest import MakeService

CLAIM = "/claim dprk-additional-troops"


@pytest.fixture
async def tg(make_service: MakeService, sender: TelegramSender) -> AsyncIterator[TelegramBot]:
    bot = TelegramBot(make_service(), sender, poll_timeout_s=1)
    await bot.bot.initialize()
    yield bot
    await bot.stop()


def texts(api: FakeBotAPI, chat: str) -> list[str]:
    return [parse_html(s.text) for s in api.sent_to(chat)]


async def test_claim_gets_a_timeline_and_a_chart_photo(
    fake_api: FakeBotAPI, tg: TelegramBot
) -> None:
    fake_api.push_message(CLAIM, chat_id=100, user_id=9)
    assert await tg.poll_once() == 1
    methods = [s.method for s in fake_api.sent_to("100")]
    photo = fake_api.sent[-1].photo
    assert methods[-1] == "sendPhoto" and photo is not None and photo.startswith(b"\x89PNG")
    assert any("25,000 to 30,000" in t for t in texts(fake_api, "100"))
    assert await tg.poll_once() == 0  # the update was acknowledged (offset moved on)


async def test_commands_addressed_to_this_bot_or_another(
    fake_api: FakeBotAPI, tg: TelegramBot
) -> None:
    fake_api.push_message("/help@claimwatch_bot", chat_id=-200, user_id=9, chat_type="supergroup")
    fake_api.push_message("/help@some_other_bot", chat_id=-200, user_id=9, chat_type="supergroup")
    fake_api.push_message("just chatting", chat_id=-200, user_id=9, chat_type="supergroup")
    assert await tg.poll_once() == 3
    [help_text] = texts(fake_api, "-200")
    assert help_text.startswith("claimwatch commands")


async def test_a_non_admin_is_refused_and_admins_are_accepted(
    fake_api: FakeBotAPI, tg: TelegramBot
) -> None:
    def in_group(text: str, user_id: int, **extra: int) -> None:
        fake_api.push_message(text, chat_id=-200, user_id=user_id, chat_type="group", **extra)

    fake_api.admins[("-200", "8")] = "administrator"
    in_group("/addfeed https://a.example/rss", 9)  # a member
    in_group("/addfeed https://b.example/rss", 8)  # an administrator
    in_group("/addfeed https://c.example/rss", 1, sender_chat_id=-200)  # anonymous admin
    fake_api.push_message("/addfeed https://d.example/rss", chat_id=100, user_id=7)  # configured
    fake_api.push_message("/addfeed https://e.example/rss", chat_id=100, user_id=9)  # private
    await tg.poll_once()
    replies = [t.splitlines()[0] for t in texts(fake_api, "-200") + texts(fake_api, "100")]
    assert replies == [
        "/addfeed is for admins only",
        "Feed added: b.example/rss",
        "Feed added: c.example/rss",
        "Feed added: d.example/rss",
        "/addfeed is for admins only",
    ]
    asked = [(c.params["chat_id"], c.params["user_id"]) for c in fake_api.calls_of("getChatMember")]
    assert asked == [("-200", "9"), ("-200", "8")]  # not for the anonymous admin, nor in private


async def test_start_registers_the_menu_and_polls_until_stopped(
    fake_api: FakeBotAPI, tg: TelegramBot
) -> None:
    await tg.start()
    assert fake_api.calls_of("deleteWebhook")
    names = [c["command"] for c in fake_api.commands]
    assert {"help", "claim", "claims", "addfeed", "removefeed", "unmute"} <= set(names)
    assert len(names) == len(set(names)) == len(menu())
    fake_api.push_message("/status", chat_id=100, user_id=9)
    for _ in range(600):  # 30 s at most, over as soon as the reply is there
        if fake_api.sent_to("100"):
            break
        await asyncio.sleep(0.05)
    assert texts(fake_api, "100")
    await tg.stop()


async def test_the_token_is_in_no_log_line_and_no_repr(
    fake_api: FakeBotAPI, make_service: MakeService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = Settings.from_env(
        {"TELEGRAM_BOT_TOKEN": fake_api.token, "TELEGRAM_API_URL": fake_api.base_url}
    )
    service = make_service()
    del service.senders["telegram"]  # as `claimwatch run` builds it: from the settings
    tg = start(service, settings)
    assert service.senders["telegram"] is tg.sender
    await tg.start()
    fake_api.push_message(CLAIM, chat_id=300, user_id=9)
    fake_api.rate_limit("-200", retry_after=1)
    fake_api.block("100")
    await service.dispatch()
    for _ in range(600):  # 30 s at most, over as soon as the reply is there
        if fake_api.sent_to("300"):
            break
        await asyncio.sleep(0.05)
    await tg.stop()
    assert len(caplog.records) > 5  # the run did log
    token = fake_api.token
    leaks = [r.getMessage() for r in caplog.records if token in r.getMessage()]
    assert leaks == []
    assert token not in repr(tg) + repr(tg.sender) + repr(settings) + repr(service.senders)


def test_no_token_no_telegram() -> None:
    with pytest.raises(ValueError, match="TELEGRAM_BOT_TOKEN"):
        sender_from_settings(Settings())
