"""`claimwatch run` with Slack configured from the environment: alerts and a slash command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.feedserver import FeedServer, unused_port
from tests.slack.fakeapi import FakeSlack
from tests.slack.test_app import signed
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss
from tests.test_run import DENIAL, wait_for

CHANNELS = """\
channels:
  - {id: desk, platform: slack, chat: C1, topics: [dprk-troops], min_severity: new_figure}
"""
TOKEN, SECRET = "xoxb-run-test-token", "run-test-signing-secret"


def test_run_delivers_to_slack_and_answers_a_signed_slash_command(tmp_path: Path) -> None:
    with FeedServer() as feeds, FakeSlack(token=TOKEN) as slack:
        feeds.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        config = tmp_path / "config"
        config.mkdir()
        (config / "claims.yaml").write_text(CLAIMS)
        (config / "channels.yaml").write_text(CHANNELS)
        (config / "feeds.yaml").write_text(
            f"feeds:\n  - url: {feeds.url('/wire.rss')}\n    name: Wire\n    interval: 10s\n"
        )
        port = unused_port()
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp_path}/state.db",
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.api_url,
            "PORT": str(port),
            "CLAIMWATCH_LOG_LEVEL": "DEBUG",
        }
        err = tmp_path / "err.txt"
        with err.open("w") as e:
            proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--config", str(config)],
                stdout=subprocess.DEVNULL, stderr=e, env=env, cwd=tmp_path,
            )  # fmt: skip
            try:
                wait_for(err, "(baseline)", 20)
                feeds.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
                deadline = time.monotonic() + 30
                while not slack.posts("C1") and time.monotonic() < deadline:
                    time.sleep(0.2)
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
                deadline = time.monotonic() + 15
                while not slack.responses.get("r1") and time.monotonic() < deadline:
                    time.sleep(0.2)
                assert "dprk-additional-troops" in str(slack.responses["r1"])
                proc.send_signal(signal.SIGTERM)
                assert proc.wait(timeout=20) == 0
            finally:
                if proc.poll() is None:
                    proc.kill()
        log = err.read_text()
        assert TOKEN not in log and SECRET not in log
        assert "Traceback" not in log
