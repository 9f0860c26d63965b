"""Slack commands over HTTP: ``/claimwatch <subcommand> …``, app mentions and the buttons on
alerts ("Mute this claim" → ``/mute <claim>``, "Show timeline" → ``/claim <claim>``), through
slack-bolt.

bolt checks every request's signature and its 5-minute replay window (401 otherwise) and acks
within 3 seconds; the listener then asks the chat core (:func:`bot.chat.answer`) and sends the
answer through ``response_url`` (``respond``) or, for a mention, into the channel (``say``).
:func:`events_handler` serves ``POST /slack/events`` on the bot's one HTTP server
(bot/adapters/web.py): it turns the request into a ``BoltRequest`` and bolt's answer back,
like bolt's Flask adapter.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.adapters.slack.render import MUTE_ACTION, TIMELINE_ACTION, to_payloads
from bot.adapters.slack.sender import web_client
from bot.adapters.web import Handler, Request, Response, WebServer
from bot.chat import answer
from bot.core.message import Message

if TYPE_CHECKING:
    from bot.service import Service
    from bot.settings import Settings

log = logging.getLogger(__name__)

COMMAND = "/claimwatch"
EVENTS_PATH = "/slack/events"
_MENTION = re.compile(r"^\s*<@[A-Z0-9]+>\s*")


def channel_id(service: Service, chat: str) -> str:
    """The claimwatch channel of a Slack channel id (``slack:<id>`` when not configured)."""
    for spec in service.config.channels:
        if spec.platform == "slack" and spec.chat == chat:
            return spec.id
    return f"slack:{chat}"


def command_line(text: str) -> str:
    """``status`` → ``/status``; nothing → ``/help`` (the chat core's command syntax)."""
    text = text.strip().removeprefix("/")
    return "/" + (text or "help")


def build_app(service: Service, client: WebClient, signing_secret: str) -> App:
    """The bolt app: the slash command and app mentions, answered by the chat core."""
    app = App(client=client, signing_secret=signing_secret)

    def reply(chat: str, team: str, user: str, text: str) -> list[Message]:
        messages = answer(
            service,
            command_line(text),
            channel_id=channel_id(service, chat),
            user_id=f"{team}:{user}",
        )
        return messages or []

    @app.command(COMMAND)
    def on_command(ack: Any, respond: Any, command: dict[str, Any]) -> None:
        ack()
        chat, team = str(command.get("channel_id", "")), str(command.get("team_id", ""))
        for message in reply(chat, team, str(command.get("user_id", "")), command.get("text", "")):
            for blocks, text in to_payloads(message):
                respond(text=text, blocks=blocks, response_type="in_channel")
            _upload_chart(client, chat, message)

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], say: Any) -> None:
        chat, team = str(event.get("channel", "")), str(event.get("team", ""))
        text = _MENTION.sub("", str(event.get("text", "")))
        thread = event.get("thread_ts") or event.get("ts")
        for message in reply(chat, team, str(event.get("user", "")), text):
            for blocks, fallback in to_payloads(message):
                say(text=fallback, blocks=blocks, thread_ts=thread)
            _upload_chart(client, chat, message, thread_ts=thread)

    def on_button(ack: Any, respond: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        verb = "mute" if action.get("action_id") == MUTE_ACTION else "claim"
        claim = "".join(str(action.get("value") or "").split()[:1])
        user = body.get("user") or {}
        team = str(user.get("team_id") or (body.get("team") or {}).get("id") or "")
        chat = str((body.get("channel") or {}).get("id") or "")
        if not claim or not chat:
            return
        for message in reply(chat, team, str(user.get("id", "")), f"{verb} {claim}"):
            for blocks, text in to_payloads(message):
                respond(
                    text=text, blocks=blocks, response_type="in_channel", replace_original=False
                )
            _upload_chart(client, chat, message)

    app.action(MUTE_ACTION)(on_button)
    app.action(TIMELINE_ACTION)(on_button)
    return app


def _upload_chart(
    client: WebClient, chat: str, message: Message, thread_ts: str | None = None
) -> None:
    if message.image is None:
        return
    try:
        client.files_upload_v2(
            channel=chat, file=message.image, filename="chart.png", title=message.title[:200],
            thread_ts=thread_ts,
        )  # fmt: skip
    except (SlackApiError, SlackClientError, OSError) as exc:
        log.warning("chart not uploaded to %s: %s", chat, type(exc).__name__)


def events_handler(app: App) -> Handler:
    """``POST /slack/events``: the HTTP request as a ``BoltRequest``, bolt's answer back."""

    def handle(request: Request) -> Response:
        answer = app.dispatch(
            BoltRequest(
                body=request.body.decode("utf-8", "replace"),
                query=request.query,
                headers=dict(request.headers),
            )
        )
        headers: list[tuple[str, str]] = []
        content_type = "text/plain;charset=utf-8"
        for name, values in answer.headers.items():
            for value in values if isinstance(values, list | tuple) else [values]:
                if name.lower() == "content-type":
                    content_type = str(value)
                else:
                    headers.append((name, str(value)))
        return Response(answer.status, answer.body.encode(), content_type, tuple(headers))

    return handle


class SlackServer(WebServer):
    """A server of ``/slack/events`` alone (tests; `claimwatch run` adds the route to its one
    server through :func:`http_routes`)."""

    def __init__(self, app: App, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__({("POST", EVENTS_PATH): events_handler(app)}, host, port)

    @property
    def url(self) -> str:
        return self.url_for(EVENTS_PATH)


def http_routes(
    service: Service, settings: Settings, *, client: WebClient | None = None
) -> dict[tuple[str, str], Handler]:
    """The route `claimwatch run` serves in Slack's HTTP mode: ``POST /slack/events``."""
    if not settings.slack_bot_token or not settings.slack_signing_secret:
        raise ValueError("Slack needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET")
    if client is None:
        client = web_client(settings.slack_bot_token, settings.slack_api_url)
    app = build_app(service, client, settings.slack_signing_secret)
    log.info("Slack events served at %s", EVENTS_PATH)
    return {("POST", EVENTS_PATH): events_handler(app)}
