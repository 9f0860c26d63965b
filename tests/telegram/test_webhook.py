"""Webhook mode: updates POSTed by Telegram, on a route of the one HTTP server, are handled only
with the secret token."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.adapters.telegram import TelegramBot, TelegramSender
from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.webhook import SECRET_HEADER, TelegramWebhook
from bot.adapters.web import WebServer
from bot.settings import Settings
from tests.telegram.conftest import MakeService

SECRET = "s3cret-token_for-webhooks"
UPDATE = {
    "update_id": 7,
    "message": {
        "message_id": 1,
        "date": 1752105600,
        "chat": {"id": 100, "type": "private"},
        "from": {"id": 9, "is_bot": False, "first_name": "A"},
        "text": "/help",
    },
}


@pytest.fixture
async def webhook(
    fake_api: FakeBotAPI, make_service: MakeService, sender: TelegramSender
) -> AsyncIterator[tuple[TelegramWebhook, WebServer]]:
    hook = TelegramWebhook(
        TelegramBot(make_service(), sender), url="https://bot.example/telegram", secret=SECRET
    )
    server = WebServer(hook.routes())
    await hook.start()
    await server.start()
    yield hook, server
    await server.stop()
    await hook.stop()


async def post(
    webhook: tuple[TelegramWebhook, WebServer], body: bytes, headers: dict[str, str]
) -> int:
    async with httpx.AsyncClient() as client:
        answer = await client.post(webhook[1].url_for("/telegram"), content=body, headers=headers)
        return answer.status_code


async def test_the_webhook_is_registered_with_its_secret(
    fake_api: FakeBotAPI, webhook: tuple[TelegramWebhook, WebServer]
) -> None:
    [call] = fake_api.calls_of("setWebhook")
    assert call.params["url"] == "https://bot.example/telegram"
    assert call.params["secret_token"] == SECRET
    assert fake_api.commands  # the menu too
    assert SECRET not in repr(webhook[0])


async def test_an_update_with_the_secret_is_answered(
    fake_api: FakeBotAPI, webhook: tuple[TelegramWebhook, WebServer]
) -> None:
    assert await post(webhook, json.dumps(UPDATE).encode(), {SECRET_HEADER: SECRET}) == 200
    for _ in range(600):  # 30 s at most, over as soon as the reply is there
        if fake_api.sent_to("100"):
            break
        await asyncio.sleep(0.05)
    [reply] = fake_api.sent_to("100")
    assert reply.text.startswith("<b>claimwatch commands</b>")


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: SECRET[:-1]}])
async def test_without_the_secret_nothing_is_handled(
    fake_api: FakeBotAPI, webhook: tuple[TelegramWebhook, WebServer], headers: dict[str, str]
) -> None:
    assert await post(webhook, json.dumps(UPDATE).encode(), headers) == 403
    assert await post(webhook, b"not json", {SECRET_HEADER: SECRET}) == 400
    assert await post(webhook, b"[1, 2]", {SECRET_HEADER: SECRET}) == 400
    await asyncio.sleep(0.2)
    assert fake_api.sent == []


def test_a_bad_secret_is_refused_at_once(make_service: MakeService, sender: TelegramSender) -> None:
    with pytest.raises(ValueError, match="secret"):
        TelegramWebhook(TelegramBot(make_service(), sender), url="https://x/t", secret="a b")


async def test_before_it_starts_an_update_is_put_off_not_lost(
    fake_api: FakeBotAPI, make_service: MakeService, sender: TelegramSender
) -> None:
    hook = TelegramWebhook(
        TelegramBot(make_service(), sender), url="https://bot.example/telegram", secret=SECRET
    )
    server = WebServer(hook.routes())
    await server.start()
    try:
        body = json.dumps(UPDATE).encode()
        assert await post((hook, server), body, {SECRET_HEADER: SECRET}) == 503  # Telegram retries
    finally:
        await server.stop()
    assert fake_api.sent == []


def test_the_route_is_the_path_of_the_public_url(
    make_service: MakeService, sender: TelegramSender
) -> None:
    bot = TelegramBot(make_service(), sender)
    hook = TelegramWebhook(bot, url="https://bot.example.org/tg/updates?x=1", secret=SECRET)
    assert list(hook.routes()) == [("POST", "/tg/updates")]


def test_the_old_webhook_port_setting_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match=r"TELEGRAM_WEBHOOK_PORT is no longer used.*PORT"):
        Settings.from_env({"TELEGRAM_WEBHOOK_PORT": "8443"})
