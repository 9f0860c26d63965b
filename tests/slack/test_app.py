"""Signed slash commands POSTed over HTTP to the bot: answered through response_url, or refused."""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.adapters.slack.app import SlackServer, build_app, command_line
from bot.adapters.slack.fake import FakeSlack
from bot.adapters.slack.render import MUTE_ACTION, TIMELINE_ACTION, to_blocks
from bot.adapters.slack.sender import web_client
from bot.adapters.store import Store
from bot.chat import ServiceView
from bot.config import load_config
from bot.core.message import Line, Message
from bot.service import Service
from tests.test_config import CLAIMS

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-test"
CHANNELS = """\
channels:
  - {id: desk, platform: slack, chat: C1, min_severity: corroboration}
"""


@dataclass
class Bot:
    service: Service
    server: SlackServer
    slack: FakeSlack

    def post(
        self, text: str, *, name: str = "cmd", ts: int | None = None, secret: str = SECRET
    ) -> tuple[int, str]:
        body = self.body(text, name)
        return self.send(body, signed(body, secret, ts))

    def body(self, text: str, name: str = "cmd") -> str:
        return urlencode(
            {
                "token": "legacy",
                "team_id": "T1",
                "channel_id": "C1",
                "user_id": "U7",
                "command": "/claimwatch",
                "text": text,
                "response_url": self.slack.response_url(name),
                "trigger_id": "1.2.3",
            }
        )

    def send(self, body: str, headers: dict[str, str]) -> tuple[int, str]:
        request = urllib.request.Request(
            self.server.url,
            data=body.encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", **headers},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def muted(self) -> frozenset[str]:
        return ServiceView(self.service).channel("desk").muted


def signed(body: str, secret: str = SECRET, ts: int | None = None) -> dict[str, str]:
    stamp = str(int(time.time()) if ts is None else ts)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    assert signature is not None
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}


@pytest.fixture
async def bot(tmp_path: Path, slack: FakeSlack) -> AsyncIterator[Bot]:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "feeds.yaml").write_text("feeds: []\n")
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    service = Service(load_config(tmp_path), store)
    server = SlackServer(build_app(service, web_client(TOKEN, slack.api_url), SECRET))
    await server.start()
    yield Bot(service, server, slack)
    await server.stop()
    store.close()


def wait_for(slack: FakeSlack, name: str, count: int = 1) -> list[dict[str, object]]:
    deadline = time.monotonic() + 30  # returns as soon as it is there: room for a loaded CI
    while time.monotonic() < deadline:
        if len(slack.responses.get(name, [])) >= count:
            return slack.responses[name]
        time.sleep(0.02)
    raise AssertionError(f"no answer on response_url {name}: {slack.responses}")


def test_command_lines() -> None:
    assert command_line("status") == "/status"
    assert command_line(" /claim dprk ") == "/claim dprk"
    assert command_line("") == "/help"


async def test_a_signed_command_is_acked_then_answered_through_response_url(bot: Bot) -> None:
    assert bot.post("mute dprk-additional-troops", name="mute") == (200, "")
    (reply,) = wait_for(bot.slack, "mute")
    assert reply["response_type"] == "in_channel"
    assert "Muted dprk-additional-troops" in str(reply["text"])
    blocks = reply["blocks"]
    assert isinstance(blocks, list) and blocks[0]["type"] == "header"
    assert bot.muted() == frozenset({"dprk-additional-troops"})


async def test_hostile_command_text_is_echoed_literally(bot: Bot) -> None:
    bot.post("claim <!channel>", name="hostile")
    (reply,) = wait_for(bot.slack, "hostile")
    blocks = reply["blocks"]
    assert isinstance(blocks, list)
    assert blocks[0]["text"]["type"] == "plain_text"  # never parsed: no mention possible
    mrkdwn = json.dumps(blocks[1:]) + str(reply["text"])
    assert "<!channel>" not in mrkdwn and "&lt;!channel&gt;" in mrkdwn


@pytest.mark.parametrize(
    "case", ["bad signature", "stale timestamp", "future timestamp", "altered body", "unsigned"]
)
async def test_unsigned_or_replayed_requests_are_refused_with_401(bot: Bot, case: str) -> None:
    body = bot.body("mute dprk-additional-troops", "refused")
    # A minute past Slack's five either way: a future stamp 10 s out would be let in by a
    # server that got to it more than 10 s later (a stalled CI machine), by chance.
    headers: dict[str, Callable[[], dict[str, str]]] = {
        "bad signature": lambda: signed(body, "not-the-secret"),
        "stale timestamp": lambda: signed(body, ts=int(time.time()) - 6 * 60),
        "future timestamp": lambda: signed(body, ts=int(time.time()) + 6 * 60),
        "altered body": lambda: signed(bot.body("help", "refused")),
        "unsigned": lambda: {},
    }
    status, _ = bot.send(body, headers[case]())
    assert status == 401
    time.sleep(0.2)  # an answer, if one were (wrongly) sent, would have arrived by now
    assert "refused" not in bot.slack.responses
    assert bot.muted() == frozenset()


async def test_tokens_and_the_signing_secret_never_reach_a_log(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bot.post("status", name="status")
    wait_for(bot.slack, "status")
    bot.post("status", name="bad", secret="wrong")
    for record in caplog.records:
        line = record.getMessage() + str(record.args)
        assert TOKEN not in line and SECRET not in line
    assert caplog.records  # DEBUG was on: slack_sdk and bolt did log


async def test_an_app_mention_is_answered_in_its_thread(bot: Bot) -> None:
    event = {
        "type": "app_mention",
        "user": "U7",
        "team": "T1",
        "channel": "C1",
        "text": "<@UBOT> claims",
        "ts": "1700000001.000100",
    }
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": "T1",
            "api_app_id": "A1",
            "event_id": "Ev1",
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
    )
    status, _ = bot.send(body, {"Content-Type": "application/json", **signed(body)})
    assert status == 200
    deadline = time.monotonic() + 30
    while not bot.slack.posts("C1") and time.monotonic() < deadline:
        time.sleep(0.02)
    (post,) = bot.slack.posts("C1")
    assert post["thread_ts"] == "1700000001.000100"
    assert "dprk-additional-troops" in str(post["text"])


def click(bot: Bot, action_id: str, claim: str, name: str, user: str = "U7") -> dict[str, str]:
    """The body Slack POSTs when someone clicks one of an alert's buttons."""
    alert = Message("‼ Contradiction", (Line("troops"),), kind="alert", thread_key=claim)
    (buttons,) = [b for b in to_blocks(alert)[0] if b["type"] == "actions"]
    (action,) = [e for e in buttons["elements"] if e["action_id"] == action_id]
    payload = {
        "type": "block_actions",
        "team": {"id": "T1", "domain": "fake"},
        "user": {"id": user, "team_id": "T1", "username": "analyst"},
        "api_app_id": "A1",
        "trigger_id": "1.2.3",
        "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": "C1"},
        "channel": {"id": "C1", "name": "desk"},
        "message": {"ts": "1700000000.000001", "text": "alert", "blocks": [buttons]},
        "response_url": bot.slack.response_url(name),
        "actions": [{**action, "block_id": buttons["block_id"], "action_ts": "1700000001.1"}],
    }
    return {"payload": json.dumps(payload)}


async def test_the_mute_button_mutes_the_claim_and_answers_through_response_url(bot: Bot) -> None:
    body = urlencode(click(bot, MUTE_ACTION, "dprk-additional-troops", "mute-button"))
    assert bot.send(body, signed(body)) == (200, "")
    (reply,) = wait_for(bot.slack, "mute-button")
    assert "Muted dprk-additional-troops" in str(reply["text"])
    assert reply["replace_original"] is False  # the alert itself stays
    assert bot.muted() == frozenset({"dprk-additional-troops"})


async def test_the_timeline_button_shows_the_claim(bot: Bot) -> None:
    body = urlencode(click(bot, TIMELINE_ACTION, "dprk-additional-troops", "timeline"))
    assert bot.send(body, signed(body))[0] == 200
    (reply,) = wait_for(bot.slack, "timeline")
    assert "dprk-additional-troops" in json.dumps(reply)
    assert bot.muted() == frozenset()


async def test_a_click_with_a_bad_signature_is_refused_and_mutes_nothing(bot: Bot) -> None:
    body = urlencode(click(bot, MUTE_ACTION, "dprk-additional-troops", "forged"))
    assert bot.send(body, signed(body, "not-the-secret"))[0] == 401
    time.sleep(0.2)  # an answer, if one were (wrongly) sent, would have arrived by now
    assert "forged" not in bot.slack.responses
    assert bot.muted() == frozenset()
