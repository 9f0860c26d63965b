"""Socket Mode end to end: apps.connections.open on the fake Web API, envelopes over a real
WebSocket on loopback, acks back over it, answers through response_url."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.adapters.slack.fake import FakeSlack
from bot.adapters.slack.render import MUTE_ACTION
from bot.adapters.slack.socketmode import SocketModeRunner, start
from bot.adapters.store import Store
from bot.chat import ServiceView
from bot.config import load_config
from bot.service import Service
from bot.settings import Secret, Settings
from tests.slack.fakesocket import FakeSocketMode
from tests.slack.test_app import CHANNELS, TOKEN, wait_for
from tests.test_config import CLAIMS

APP_TOKEN = "xapp-1-socket-test-token"
CLAIM = "dprk-additional-troops"


@dataclass
class Bot:
    service: Service
    slack: FakeSlack
    socket: FakeSocketMode

    def muted(self) -> frozenset[str]:
        return ServiceView(self.service).channel("desk").muted

    def runner(self, app_token: str = APP_TOKEN) -> SocketModeRunner:
        settings = Settings(
            slack_bot_token=Secret(TOKEN),
            slack_app_token=Secret(app_token),
            slack_api_url=self.slack.api_url,
        )
        return start(self.service, settings)


@pytest.fixture
def socket() -> Iterator[FakeSocketMode]:
    with FakeSocketMode() as fake:
        yield fake


@pytest.fixture
async def bot(tmp_path: Path, socket: FakeSocketMode) -> AsyncIterator[Bot]:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "feeds.yaml").write_text("feeds: []\n")
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    with FakeSlack(token=TOKEN, app_token=APP_TOKEN) as slack:
        slack.state.socket_url = socket.url
        yield Bot(Service(load_config(tmp_path), store), slack, socket)
    store.close()


def slash_command(slack: FakeSlack, text: str, name: str) -> dict[str, object]:
    payload = {
        "token": "legacy", "team_id": "T1", "channel_id": "C1", "user_id": "U7",
        "command": "/claimwatch", "text": text, "response_url": slack.response_url(name),
        "trigger_id": "1.2.3",
    }  # fmt: skip
    return {
        "envelope_id": f"env-{name}",
        "type": "slash_commands",
        "accepts_response_payload": True,
        "payload": payload,
    }


async def test_a_slash_command_over_socket_mode_is_acked_and_answered(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    runner = bot.runner()
    await runner.start()
    try:
        assert runner.connected
        (opened,) = bot.slack.requests("apps.connections.open")
        assert opened.headers["authorization"] == f"Bearer {APP_TOKEN}"
        bot.socket.send(slash_command(bot.slack, f"mute {CLAIM}", "mute"))
        assert bot.socket.wait_for_ack("env-mute")["envelope_id"] == "env-mute"
        (reply,) = wait_for(bot.slack, "mute")
        assert f"Muted {CLAIM}" in str(reply["text"])
        assert reply["response_type"] == "in_channel"
        assert bot.muted() == frozenset({CLAIM})
    finally:
        await runner.stop()
    assert not runner.connected
    for record in caplog.records:
        line = record.getMessage() + str(record.args)
        assert TOKEN not in line and APP_TOKEN not in line


async def test_a_button_click_over_socket_mode_mutes_the_claim(bot: Bot) -> None:
    runner = bot.runner()
    await runner.start()
    try:
        action = {"type": "button", "action_id": MUTE_ACTION, "value": CLAIM,
                  "block_id": "claimwatch_alert", "action_ts": "1700000001.1"}  # fmt: skip
        payload = {
            "type": "block_actions", "team": {"id": "T1"},
            "user": {"id": "U7", "team_id": "T1"}, "api_app_id": "A1",
            "channel": {"id": "C1"}, "response_url": bot.slack.response_url("click"),
            "container": {"type": "message", "channel_id": "C1"}, "actions": [action],
        }  # fmt: skip
        envelope = {"envelope_id": "env-click", "type": "interactive", "payload": payload}
        bot.socket.send(envelope)
        bot.socket.wait_for_ack("env-click")
        (reply,) = wait_for(bot.slack, "click")
        assert f"Muted {CLAIM}" in json.dumps(reply)
        assert bot.muted() == frozenset({CLAIM})
    finally:
        await runner.stop()


async def test_a_wrong_app_token_is_logged_without_it_and_nothing_connects(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    runner = bot.runner(app_token="xapp-1-wrong-token")
    await runner.start()  # alerts keep flowing without commands: no exception
    try:
        assert not runner.connected
        time.sleep(0.2)
        assert not bot.socket.connected.is_set()
    finally:
        await runner.stop()
    assert "Slack Socket Mode not connected: invalid_auth" in caplog.text
    assert "xapp-1-wrong-token" not in caplog.text


def test_socket_mode_needs_both_tokens(bot: Bot) -> None:
    with pytest.raises(ValueError, match="SLACK_APP_TOKEN"):
        start(bot.service, Settings(slack_bot_token=Secret(TOKEN)))
