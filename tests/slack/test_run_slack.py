"""`claimwatch run` with Slack configured from the environment: alerts and a slash command."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from bot.adapters.slack.fake import FakeSlack
from tests.clirun import eventually, feeds_yaml, running_bot
from tests.feedserver import FeedServer
from tests.slack.fakesocket import FakeSocketMode
from tests.slack.test_app import signed
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss
from tests.test_run import DENIAL

CHANNELS = """\
channels:
  - {id: desk, platform: slack, chat: C1, topics: [dprk-troops], min_severity: new_figure}
"""
TOKEN, SECRET = "xoxb-run-test-token", "run-test-signing-secret"


def test_run_delivers_to_slack_and_answers_a_signed_slash_command(tmp_path: Path) -> None:
    with FeedServer() as feeds, FakeSlack(token=TOKEN) as slack:
        feeds.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        env = {
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.api_url,
            "CLAIMWATCH_LOG_LEVEL": "DEBUG",
        }
        with running_bot(
            tmp_path, claims=CLAIMS, channels=CHANNELS, feeds=feeds_yaml(feeds.url("/wire.rss")),
            env=env,
        ) as bot:  # fmt: skip
            bot.wait_for("(baseline)", 60)
            port = bot.http_port()
            feeds.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
            eventually(lambda: bool(slack.posts("C1")), 30)
            (post,) = slack.posts("C1")
            assert "Contradiction" in str(post.get("text"))

            body = urllib.parse.urlencode({
                "command": "/claimwatch", "text": "claims", "team_id": "T1",
                "user_id": "U1", "channel_id": "C1",
                "response_url": slack.response_url("r1"),
            })  # fmt: skip
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/slack/events", data=body.encode(),
                headers={**signed(body, SECRET),
                         "Content-Type": "application/x-www-form-urlencoded"},
            )  # fmt: skip
            with urllib.request.urlopen(request, timeout=10) as answer:
                assert answer.status == 200
            eventually(lambda: bool(slack.responses.get("r1")), 15)
            assert "dprk-additional-troops" in str(slack.responses["r1"])
            assert bot.stop() == 0
        log = bot.err.read_text()
        assert TOKEN not in log and SECRET not in log
        assert "Traceback" not in log


def test_run_with_an_app_token_answers_over_socket_mode_without_a_signing_secret(
    tmp_path: Path,
) -> None:
    app_token = "xapp-1-run-test-token"
    with FakeSlack(token=TOKEN, app_token=app_token) as slack, FakeSocketMode() as socket:
        slack.state.socket_url = socket.url
        env = {
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_APP_TOKEN": app_token,
            "SLACK_API_URL": slack.api_url,
            "CLAIMWATCH_LOG_LEVEL": "DEBUG",
        }
        with running_bot(
            tmp_path, claims=CLAIMS, channels=CHANNELS, feeds="feeds: []\n", env=env
        ) as bot:
            assert socket.connected.wait(60), bot.err.read_text()
            port = bot.http_port()
            socket.send({
                "envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True,
                "payload": {"command": "/claimwatch", "text": "claims", "team_id": "T1",
                            "user_id": "U1", "channel_id": "C1",
                            "response_url": slack.response_url("r1")},
            })  # fmt: skip
            socket.wait_for_ack("env-1")
            eventually(lambda: bool(slack.responses.get("r1")), 15)
            assert "dprk-additional-troops" in str(slack.responses["r1"])
            # Socket Mode serves no /slack/events; the port has only the ops routes
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/slack/events", timeout=5)
            assert missing.value.code == 404
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as health:
                assert health.status == 200
            assert bot.stop() == 0
        log = bot.err.read_text()
        assert TOKEN not in log and app_token not in log
        assert "Traceback" not in log
