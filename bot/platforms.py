"""Which chat platforms `claimwatch run` connects to: each one whose tokens are set.

The console is always there; Slack when ``SLACK_BOT_TOKEN`` is set, with its slash commands,
mentions and buttons over Socket Mode when ``SLACK_APP_TOKEN`` is set too, else over HTTP
(``/slack/events``) when ``SLACK_SIGNING_SECRET`` is; Telegram when ``TELEGRAM_BOT_TOKEN`` is.
Always one HTTP server on ``$PORT``: ``/healthz``, ``/metrics`` and, in Slack's HTTP mode,
``/slack/events`` (bot/adapters/web.py).
"""

from __future__ import annotations

import logging
from typing import IO, Protocol

from bot.adapters.console import ConsoleChannel
from bot.adapters.web import Routes, WebServer
from bot.delivery import Sender
from bot.ops import ops_routes
from bot.service import Service
from bot.settings import Settings

log = logging.getLogger(__name__)


class Runner(Protocol):
    """Something that receives from a platform while the bot runs (commands, events)."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


def senders_for(settings: Settings, console: IO[str] | None = None) -> dict[str, Sender]:
    senders: dict[str, Sender] = {"console": ConsoleChannel(console)}
    if settings.telegram_bot_token:
        from bot.adapters.telegram import sender_from_settings

        senders["telegram"] = sender_from_settings(settings)
    if settings.slack_bot_token:
        from bot.adapters.slack.sender import SlackSender, web_client

        senders["slack"] = SlackSender(web_client(settings.slack_bot_token, settings.slack_api_url))
    return senders


def runners_for(service: Service, settings: Settings) -> list[Runner]:
    runners: list[Runner] = []
    routes = ops_routes(service.metrics)
    if settings.telegram_bot_token:
        from bot.adapters.telegram import start as start_telegram

        telegram = start_telegram(service, settings)
        if settings.telegram_webhook_url:
            from bot.adapters.telegram.webhook import TelegramWebhook

            if not settings.telegram_webhook_secret:
                raise ValueError("TELEGRAM_WEBHOOK_URL needs TELEGRAM_WEBHOOK_SECRET as well")
            webhook = TelegramWebhook(
                telegram, url=settings.telegram_webhook_url, secret=settings.telegram_webhook_secret
            )
            runners.append(webhook)
            routes.update(webhook.routes())  # on the one HTTP server, $PORT
        else:
            runners.append(telegram)  # long polling
    if settings.slack_bot_token and settings.slack_app_token:
        from bot.adapters.slack.socketmode import start as start_socket_mode

        runners.append(start_socket_mode(service, settings))  # no /slack/events route
    elif settings.slack_bot_token and settings.slack_signing_secret:
        from bot.adapters.slack.app import http_routes

        routes.update(http_routes(service, settings))
    elif settings.slack_bot_token:
        log.info(
            "Slack: alerts only (set SLACK_APP_TOKEN or SLACK_SIGNING_SECRET for slash commands)"
        )
    runners.append(web_server(routes, settings))
    return runners


def web_server(routes: Routes, settings: Settings) -> WebServer:
    """The one HTTP server on ``CLAIMWATCH_HOST:PORT``; a port in use is a ValueError."""
    try:
        return WebServer(routes, settings.host, settings.port)
    except OSError as exc:
        raise ValueError(
            f"cannot listen on {settings.host}:{settings.port} (PORT, CLAIMWATCH_HOST): "
            f"{exc.strerror or exc}"
        ) from None
