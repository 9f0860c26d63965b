"""Webhook mode: Telegram POSTs each update to us instead of being polled.

Every request must carry the secret given to ``setWebhook`` in the
``X-Telegram-Bot-Api-Secret-Token`` header (compared in constant time); anything else gets 403
and is never parsed. An accepted update is answered 200 at once and handled on the bot's event
loop, so a slow chart never makes Telegram resend it.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import threading
from concurrent.futures import Future
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from telegram import Update

from bot.adapters.telegram.bot import TelegramBot

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1_000_000
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class WebhookServer(ThreadingHTTPServer):
    """Serves ``path`` for Telegram's webhook calls; a Runner (``start``/``stop``)."""

    daemon_threads = True

    def __init__(
        self,
        telegram: TelegramBot,
        *,
        url: str,
        secret: str,
        host: str = "0.0.0.0",
        port: int = 8443,
        path: str = "/telegram",
    ) -> None:
        if not _SECRET.fullmatch(secret):
            raise ValueError("the webhook secret must be 1-256 characters A-Z, a-z, 0-9, _ or -")
        super().__init__((host, port), _Handler)
        self.telegram, self.url, self.path = telegram, url, path
        self._secret = secret.encode()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"WebhookServer(port={self.server_port})"

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        await self.telegram.connect()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        await self.telegram.bot.set_webhook(
            self.url, secret_token=self._secret.decode(), allowed_updates=["message"]
        )
        log.info("telegram: webhook served on port %d", self.server_port)

    async def stop(self) -> None:
        await asyncio.to_thread(self.shutdown)
        self.server_close()
        await self.telegram.stop()

    def accepts(self, secret: str | None) -> bool:
        return secret is not None and hmac.compare_digest(secret.encode(), self._secret)

    def submit(self, data: dict[str, object]) -> None:
        """Handle one update on the event loop (from a server thread)."""
        assert self._loop is not None
        update = Update.de_json(data, self.telegram.bot)
        future = asyncio.run_coroutine_threadsafe(self.telegram.handle(update), self._loop)
        future.add_done_callback(_log_failure)


def _log_failure(future: Future[None]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error("telegram: webhook update failed", exc_info=future.exception())


class _Handler(BaseHTTPRequestHandler):
    server: WebhookServer

    def do_POST(self) -> None:
        if self.path.split("?")[0] != self.server.path:
            return self._answer(404)
        if not self.server.accepts(self.headers.get(SECRET_HEADER)):
            log.warning("telegram: webhook call without the secret token refused")
            return self._answer(403)
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_BODY:
            return self._answer(413 if length else 400)
        try:
            data = json.loads(self.rfile.read(length))
            if not isinstance(data, dict):
                raise ValueError("not an object")
            self.server.submit(data)
        except (ValueError, KeyError, TypeError):  # not JSON, or not an update
            return self._answer(400)
        self._answer(200)

    def _answer(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: they carry no token, but an access log here is noise."""
