"""Webhook mode: Telegram POSTs each update to us instead of being polled.

The updates arrive on a route of the one HTTP server (bot/adapters/web.py, on ``$PORT``), at the
path of ``TELEGRAM_WEBHOOK_URL`` (a TLS proxy in front forwards it). Every request must carry the
secret given to ``setWebhook`` in the ``X-Telegram-Bot-Api-Secret-Token`` header (compared in
constant time); anything else gets 403 and is never parsed. An accepted update is answered 200
at once and handled on the bot's event loop, so a slow chart never makes Telegram resend it.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
from concurrent.futures import Future

from telegram import Update

from bot.adapters.telegram.bot import TelegramBot
from bot.adapters.web import Handler, Request, Response

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class TelegramWebhook:
    """A Runner (``start`` registers the webhook with Telegram, ``stop`` ends the bot) and the
    route that receives the updates (:meth:`routes`, served by the one HTTP server)."""

    def __init__(self, telegram: TelegramBot, *, url: str, secret: str) -> None:
        if not _SECRET.fullmatch(secret):
            raise ValueError("the webhook secret must be 1-256 characters A-Z, a-z, 0-9, _ or -")
        self.telegram, self.url = telegram, url
        self.path = "/" + url.split("://", 1)[-1].partition("/")[2].split("?")[0]
        self._secret = secret.encode()
        self._loop: asyncio.AbstractEventLoop | None = None

    def __repr__(self) -> str:
        return f"TelegramWebhook(path={self.path!r})"

    def routes(self) -> dict[tuple[str, str], Handler]:
        return {("POST", self.path): self.receive}

    async def start(self) -> None:
        """Connect and register the webhook; a Bot API out of reach is retried in the
        background, a refused token stops the bot (:meth:`TelegramBot.start_or_retry`)."""
        self._loop = asyncio.get_running_loop()
        await self.telegram.start_or_retry(self._register)

    async def _register(self) -> None:
        await self.telegram.connect()
        await self.telegram.bot.set_webhook(
            self.url, secret_token=self._secret.decode(), allowed_updates=["message"]
        )
        log.info("telegram: webhook registered; updates arrive on %s", self.path)

    async def stop(self) -> None:
        self._loop = None
        await self.telegram.stop()

    def accepts(self, secret: str | None) -> bool:
        return secret is not None and hmac.compare_digest(secret.encode(), self._secret)

    def receive(self, request: Request) -> Response:
        """One webhook call (in a server thread): checked, then handed to the event loop."""
        if not self.accepts(request.headers.get(SECRET_HEADER.lower())):
            log.warning("telegram: webhook call without the secret token refused")
            return Response.text(403, "Forbidden")
        loop = self._loop
        if loop is None:  # not started yet, or stopping: Telegram sends it again later
            return Response.text(503, "Not ready")
        try:
            data = json.loads(request.body)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            update = Update.de_json(data, self.telegram.bot)
        except (ValueError, KeyError, TypeError):  # not JSON, or not an update
            return Response.text(400, "Bad Request")
        future = asyncio.run_coroutine_threadsafe(self.telegram.handle(update), loop)
        future.add_done_callback(_log_failure)
        return Response(200)


def _log_failure(future: Future[None]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error("telegram: webhook update failed", exc_info=future.exception())
