"""Webhook mode: updates POSTed by Telegram are handled only with the secret token."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.adapters.telegram import TelegramBot, TelegramSender
from bot.adapters.telegram.fake import FakeBotAPI
from bot.adapters.telegram.webhook import SECRET_HEADER, WebhookServer
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
) -> AsyncIterator[WebhookServer]:
    server = WebhookServer(
        TelegramBot(make_service(), sender),
        url="https://bot.example/telegram",
        secret=SECRET,
        host="127.0.0.1",
        port=0,
    )
    await server.start()
    yield server
    await server.stop()


async def post(server: WebhookServer, body: bytes, headers: dict[str, str]) -> int:
    url = f"http://127.0.0.1:{server.server_port}/telegram"
    async with httpx.AsyncClient() as client:
        return (await client.post(url, content=body, headers=headers)).status_code


async def test_the_webhook_is_registered_with_its_secret(
    fake_api: FakeBotAPI, webhook: WebhookServer
) -> None:
    [call] = fake_api.calls_of("setWebhook")
    assert call.params["url"] == "https://bot.example/telegram"
    assert call.params["secret_token"] == SECRET
    assert fake_api.commands  # the menu too
    assert SECRET not in repr(webhook)


async def test_an_update_with_the_secret_is_answered(
    fake_api: FakeBotAPI, webhook: WebhookServer
) -> None:
    assert await post(webhook, json.dumps(UPDATE).encode(), {SECRET_HEADER: SECRET}) == 200
    for _ in range(100):
        if fake_api.sent_to("100"):
            break
        await asyncio.sleep(0.05)
    [reply] = fake_api.sent_to("100")
    assert reply.text.startswith("<b>claimwatch commands</b>")


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: SECRET[:-1]}])
async def test_without_the_secret_nothing_is_handled(
    fake_api: FakeBotAPI, webhook: WebhookServer, headers: dict[str, str]
) -> None:
    assert await post(webhook, json.dumps(UPDATE).encode(), headers) == 403
    assert await post(webhook, b"not json", {SECRET_HEADER: SECRET}) == 400
    await asyncio.sleep(0.2)
    assert fake_api.sent == []


def test_a_bad_secret_is_refused_at_once(make_service: MakeService, sender: TelegramSender) -> None:
    with pytest.raises(ValueError, match="secret"):
        WebhookServer(TelegramBot(make_service(), sender), url="https://x", secret="a b", port=0)
