"""Alerts from the outbox to Telegram chats, end to end over HTTP against the fake Bot API."""

from __future__ import annotations

import logging
import warnings
from datetime import timedelta

import pytest
from telegram.error import RetryAfter

from bot.adapters.telegram.fake import FakeBotAPI, parse_html
from bot.adapters.telegram.sender import PTB_TIMEDELTA, TelegramSender, make_bot, retry_after_s
from bot.core.message import Line, Message
from bot.errors import ChatGone, DeliveryError, MessageRejected, RetryLater
from tests.clock import Clock
from tests.telegram.conftest import NASTY, MakeService

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100


async def test_each_finding_reaches_each_chat_exactly_once(
    fake_api: FakeBotAPI, make_service: MakeService
) -> None:
    service = make_service()
    pending = service.store.counts()["pending"]
    assert pending == 4  # two findings × two chats
    assert await service.dispatch() == 4
    assert await service.dispatch() == 0  # nothing twice
    to_a, to_b = fake_api.sent_to("100"), fake_api.sent_to("-200")
    assert len(to_a) == len(to_b) == 1  # the two alerts waited together: one message
    assert [s.text for s in to_a] == [s.text for s in to_b]
    assert to_a[0].text.startswith("<b>2 alerts</b>")
    assert all(s.parse_mode == "HTML" for s in fake_api.sent)
    assert service.store.counts()["pending"] == 0


async def test_hostile_feed_text_arrives_escaped_and_accepted(
    fake_api: FakeBotAPI, make_service: MakeService, sender: TelegramSender
) -> None:
    service = make_service(title=NASTY, outlet=NASTY)  # alerts name the outlet, not the title
    assert await service.dispatch() == 4
    assert all(NASTY in parse_html(s.text) for s in fake_api.sent)
    assert all("<b>25,000</b>" not in s.text for s in fake_api.sent)
    await sender.send("300", Message(NASTY, (Line(NASTY, label=NASTY, quote=True),)))
    assert parse_html(fake_api.sent[-1].text) == f"{NASTY}\n{NASTY}:\n{NASTY}"
    assert all(c.params.get("parse_mode") == "HTML" for c in fake_api.calls_of("sendMessage"))


async def test_a_429_delays_the_message_and_it_arrives_once(
    fake_api: FakeBotAPI, make_service: MakeService
) -> None:
    clock = Clock()
    service = make_service(clock=clock)
    fake_api.rate_limit("100", retry_after=30)
    assert await service.dispatch() == 2  # chat -200 only; channel a waits
    assert await service.dispatch() == 0
    assert fake_api.sent_to("100") == []
    clock.advance(31)
    assert await service.dispatch() == 2
    assert await service.dispatch() == 0
    assert len(fake_api.sent_to("100")) == 1  # its two alerts, in one message
    assert len(fake_api.calls_of("sendMessage")) == 3  # one refused, two delivered


async def test_the_rate_limiter_sleeps_through_a_short_429(fake_api: FakeBotAPI) -> None:
    bot = make_bot(fake_api.token, fake_api.base_url, max_retries=1)
    fake_api.rate_limit("100", retry_after=1)
    await TelegramSender(bot).send("100", Message("hello"))
    await bot.shutdown()
    [first, second] = fake_api.calls_of("sendMessage")
    assert second.at - first.at >= 1.0
    assert [s.text for s in fake_api.sent] == ["<b>hello</b>"]


async def test_a_403_stops_that_chat_only_and_is_remembered(
    fake_api: FakeBotAPI, make_service: MakeService, caplog: pytest.LogCaptureFixture
) -> None:
    service = make_service()
    fake_api.block("100")
    with caplog.at_level(logging.WARNING):
        assert await service.dispatch() == 2
        assert await service.dispatch() == 0
    assert len(fake_api.sent_to("-200")) == 1 and fake_api.sent_to("100") == []
    assert len([c for c in fake_api.calls_of("sendMessage") if c.params["chat_id"] == "100"]) == 1
    assert "blocked" in (service.store.get_meta("channel_gone:a") or "")
    assert sum("delivery stopped" in r.getMessage() for r in caplog.records) == 1


async def test_a_migrated_group_is_followed(
    fake_api: FakeBotAPI, make_service: MakeService
) -> None:
    service = make_service()
    fake_api.migrate("-200", "-100200")
    assert await service.dispatch() == 4
    assert len(fake_api.sent_to("-100200")) == 1  # its two alerts, in one message
    await service.dispatch()
    assert len(fake_api.calls_of("sendMessage")) == 3  # the old id was tried once only


async def test_unparseable_html_is_resent_once_as_plain_text(
    fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    fake_api.fail("100", 400, "Bad Request: can't parse entities: unsupported start tag")
    await sender.send("100", Message("t <x>", (Line("a & b"),)))
    [sent] = fake_api.sent
    assert sent.parse_mode is None and sent.text == "t <x>\na & b"
    fake_api.fail("100", 400, "Bad Request: can't parse entities: x", times=2)
    with pytest.raises(MessageRejected):
        await sender.send("100", Message("again"))


async def test_errors_map_onto_the_hierarchy(fake_api: FakeBotAPI, sender: TelegramSender) -> None:
    fake_api.fail("5", 400, "Bad Request: chat not found")
    with pytest.raises(ChatGone):
        await sender.send("5", Message("x"))
    with pytest.raises(MessageRejected):
        await sender.send(None, Message("x"))
    wrong = make_bot("999:not-the-token", fake_api.base_url)  # 401 Unauthorized
    with pytest.raises(RetryLater, match="refused TELEGRAM_BOT_TOKEN"):  # alerts wait
        await TelegramSender(wrong).send("5", Message("x"))
    await wrong.shutdown()
    nowhere = make_bot(fake_api.token, "http://127.0.0.1:9/bot")  # nothing listens there
    with pytest.raises(DeliveryError) as caught:
        await TelegramSender(nowhere).send("5", Message("x"))
    assert type(caught.value) is DeliveryError  # retried by the dispatcher
    await nowhere.shutdown()


async def test_a_chart_goes_as_a_photo_with_a_caption(
    fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    await sender.send("100", Message("Claim c1", (Line("12,000"),), image=PNG))
    [photo] = fake_api.sent
    assert photo.method == "sendPhoto" and photo.photo == PNG
    assert photo.text == "<b>Claim c1</b>\n12,000"
    long = Message("Claim c2", tuple(Line("x" * 90) for _ in range(40)), image=PNG)
    await sender.send("100", long)
    assert [s.method for s in fake_api.sent[1:]] == ["sendMessage", "sendPhoto"]
    assert fake_api.sent[-1].text == "<b>Claim c2</b>"


async def test_messages_to_one_chat_are_paced(fake_api: FakeBotAPI) -> None:
    bot = make_bot(fake_api.token, fake_api.base_url)
    sender = TelegramSender(bot)  # about one message a second per chat by default
    await sender.send("100", Message("one"))
    await sender.send("101", Message("other chat: not held back"))
    await sender.send("100", Message("two"))
    await bot.shutdown()
    one, other, two = fake_api.sent
    assert two.at - one.at >= 0.9
    assert other.at - one.at < 0.5


async def test_a_20000_character_message_arrives_in_parts(
    fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    message = Message("Digest", tuple(Line(f"{i} <&> " + "y" * 95) for i in range(200)))
    await sender.send("100", message)
    assert len(fake_api.sent) == 6
    assert "\n".join(parse_html(s.text) for s in fake_api.sent) == message.plain()


def test_a_bot_opts_in_to_timedelta_periods_and_a_429_reads_either_form(
    fake_api: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PTB_TIMEDELTA, raising=False)
    make_bot(fake_api.token, fake_api.base_url)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # opted in: PTB warns of nothing
        exc = RetryAfter(7)
        assert isinstance(exc.retry_after, timedelta)
        assert retry_after_s(exc) == 7.0
    monkeypatch.setenv(PTB_TIMEDELTA, "false")  # someone opted out: seconds, as before
    make_bot(fake_api.token, fake_api.base_url)  # a value already set is left as it is
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exc = RetryAfter(timedelta(seconds=2.5))
        assert not isinstance(exc.retry_after, timedelta)
    assert retry_after_s(exc) == 2.5
