"""Slack over Socket Mode: the same bolt app, its requests arriving over a WebSocket.

With ``SLACK_APP_TOKEN`` (``xapp-…``) set, ``claimwatch run`` opens no port: slack-bolt's
built-in ``SocketModeHandler`` asks the Web API for a WebSocket URL (``apps.connections.open``,
on the configured ``SLACK_API_URL``), receives slash commands, mentions and button clicks as
envelopes, and acks each one over the socket. No signing secret is needed: Slack authenticates
the connection with the app token instead. The handler is synchronous and runs its own threads;
:class:`SocketModeRunner` connects it in a worker thread and closes it on stop.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.adapters.slack.app import build_app
from bot.adapters.slack.sender import web_client

if TYPE_CHECKING:
    from bot.service import Service
    from bot.settings import Settings

log = logging.getLogger(__name__)


class SocketModeRunner:
    """Receives the bolt app's requests over Socket Mode while the bot runs."""

    def __init__(self, app: App, app_token: str) -> None:
        self.app = app
        self._app_token = app_token
        self._handler: SocketModeHandler | None = None

    def __repr__(self) -> str:
        return "SocketModeRunner(app_token='***')"

    @property
    def connected(self) -> bool:
        return self._handler is not None and self._handler.client.is_connected()

    async def start(self) -> None:
        # the client starts its threads when built: build it here, not in __init__
        handler = SocketModeHandler(self.app, self._app_token, logger=log)
        self._handler = handler
        try:
            await asyncio.to_thread(handler.connect)
        except SlackApiError as exc:
            error = exc.response.get("error") if exc.response is not None else None
            log.error("Slack Socket Mode not connected: %s", error or "unknown_error")
            return
        except (SlackClientError, OSError) as exc:
            log.error("Slack Socket Mode not connected: %s", type(exc).__name__)
            return
        if handler.client.is_connected():
            log.info("Slack Socket Mode connected")
        else:
            log.error("Slack Socket Mode not connected: the WebSocket handshake failed")

    async def stop(self) -> None:
        handler, self._handler = self._handler, None
        if handler is not None:
            await asyncio.to_thread(handler.close)


def start(
    service: Service, settings: Settings, *, client: WebClient | None = None
) -> SocketModeRunner:
    """The Socket Mode runner of ``claimwatch run`` (call ``await runner.start()``/``stop()``)."""
    if not settings.slack_bot_token or not settings.slack_app_token:
        raise ValueError("Slack Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN")
    if client is None:
        client = web_client(settings.slack_bot_token, settings.slack_api_url)
    app = build_app(service, client, settings.slack_signing_secret or "")
    return SocketModeRunner(app, settings.slack_app_token)
