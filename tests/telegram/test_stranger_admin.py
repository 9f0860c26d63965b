"""H1: an admin of a group not in channels.yaml cannot change what the bot watches (and L5)."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.telegram import TelegramBot, TelegramSender
from bot.adapters.telegram.fake import FakeBotAPI, parse_html
from bot.chat import answer, feed_specs, run_chat
from bot.service import Service
from tests.telegram.conftest import MakeService


@pytest.fixture
async def tg(make_service: MakeService, sender: TelegramSender) -> AsyncIterator[TelegramBot]:
    bot = TelegramBot(make_service(), sender, poll_timeout_s=1)
    await bot.bot.initialize()
    yield bot
    await bot.stop()


def polled(service: Service) -> list[str]:
    return [f.location for f in feed_specs(service.config, service.store)]


async def test_an_admin_of_a_strangers_group_is_refused_and_told_why(
    fake_api: FakeBotAPI, tg: TelegramBot
) -> None:
    fake_api.admins[("-100999", "666")] = "creator"  # the stranger owns their own group
    for text in ("/addfeed https://attacker.example/feed.xml", "/untrack dprk-additional-troops"):
        fake_api.push_message(text, chat_id=-100999, user_id=666, chat_type="supergroup")
    fake_api.push_message(  # an anonymous admin of that group, too
        "/track dprk 600 killed", chat_id=-100999, user_id=1, chat_type="supergroup",
        sender_chat_id=-100999,
    )  # fmt: skip
    assert await tg.poll_once() == 3
    replies = [parse_html(s.text) for s in fake_api.sent_to("-100999")]
    assert [r.splitlines()[0] for r in replies] == [
        "/addfeed is for the newsroom's admins only",
        "/untrack is for the newsroom's admins only",
        "/track is for the newsroom's admins only",
    ]
    assert all("not one of the bot's channels (channels.yaml)" in r for r in replies)
    assert "https://attacker.example/feed.xml" not in polled(tg.service)
    assert tg.service.store.chat_claims() == []


async def test_the_admin_of_a_configured_group_still_may(
    fake_api: FakeBotAPI, tg: TelegramBot
) -> None:
    fake_api.admins[("-200", "8")] = "administrator"  # -200 is channel b
    fake_api.push_message(
        "/addfeed https://news.example/rss", chat_id=-200, user_id=8, chat_type="group"
    )
    await tg.poll_once()
    [reply] = [parse_html(s.text) for s in fake_api.sent_to("-200")]
    assert reply.startswith("Feed added: news.example/rss")
    assert "https://news.example/rss" in polled(tg.service)


def test_the_operator_at_the_terminal_is_trusted_in_any_channel(
    make_service: MakeService, tmp_path: Path
) -> None:
    service = make_service()
    refused = answer(
        service, "/addfeed https://x.example/rss", channel_id="telegram:5", user_id="5",
        platform_admin=True,
    )  # fmt: skip
    assert refused is not None and "newsroom's admins only" in refused[0].title
    out = io.StringIO()
    run_chat(
        service, input=io.StringIO("/addfeed https://x.example/rss\n"), output=out,
        channel_id="elsewhere", user="me", admin=True, chart_dir=tmp_path,
    )  # fmt: skip
    assert "Feed added: x.example/rss" in out.getvalue()


def test_an_unknown_command_is_echoed_short(make_service: MakeService) -> None:
    service = make_service()
    [reply] = answer(service, "/zzz" + "x" * 100_000, channel_id="a", user_id="9") or []
    assert reply.title.startswith("Unknown command /zzzx")
    assert len(reply.title) < 60
