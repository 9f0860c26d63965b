"""`claimwatch run` with Telegram configured from the environment: alerts and a command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.feedserver import FeedServer
from tests.telegram.fakeapi import TOKEN, FakeBotAPI
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss
from tests.test_run import DENIAL, wait_for

CHANNELS = """\
channels:
  - {id: desk, platform: telegram, chat: "-100", topics: [dprk-troops], min_severity: new_figure}
"""


def test_run_delivers_to_telegram_and_answers_a_command(tmp_path: Path) -> None:
    with FeedServer() as feeds, FakeBotAPI() as telegram:
        feeds.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        config = tmp_path / "config"
        config.mkdir()
        (config / "claims.yaml").write_text(CLAIMS)
        (config / "channels.yaml").write_text(CHANNELS)
        (config / "feeds.yaml").write_text(
            f"feeds:\n  - url: {feeds.url('/wire.rss')}\n    name: Wire\n    interval: 10s\n"
        )
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp_path}/state.db",
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.base_url,
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
                while not telegram.sent_to("-100") and time.monotonic() < deadline:
                    time.sleep(0.2)
                (alert,) = telegram.sent_to("-100")
                assert "Contradiction" in alert.text and alert.parse_mode == "HTML"

                telegram.push_message("/claims", chat_id=42, user_id=7)
                deadline = time.monotonic() + 20
                while not telegram.sent_to("42") and time.monotonic() < deadline:
                    time.sleep(0.2)
                assert "dprk-additional-troops" in telegram.sent_to("42")[0].text
                proc.send_signal(signal.SIGTERM)
                assert proc.wait(timeout=30) == 0
            finally:
                if proc.poll() is None:
                    proc.kill()
        log = err.read_text()
        assert TOKEN not in log
        assert TOKEN.split(":")[1] not in log
        assert "Traceback" not in log
        assert telegram.calls_of("setMyCommands")


def test_run_in_webhook_mode_checks_the_secret_on_every_call(tmp_path: Path) -> None:
    import json
    import urllib.error
    import urllib.request

    from tests.feedserver import unused_port

    with FakeBotAPI() as telegram:
        config = tmp_path / "config"
        config.mkdir()
        (config / "claims.yaml").write_text(CLAIMS)
        (config / "channels.yaml").write_text(CHANNELS)
        (config / "feeds.yaml").write_text("feeds: []\n")
        port, secret = unused_port(), "s3cret-webhook_token"
        hook = "https://bot.example.org/tg/updates"  # behind a TLS proxy, as in production
        local = f"http://127.0.0.1:{port}/tg/updates"
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp_path}/state.db",
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.base_url,
            "TELEGRAM_WEBHOOK_URL": hook,
            "TELEGRAM_WEBHOOK_SECRET": secret,
            "TELEGRAM_WEBHOOK_PORT": str(port),
        }
        err = tmp_path / "err.txt"
        with err.open("w") as e:
            proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--config", str(config)],
                stdout=subprocess.DEVNULL, stderr=e, env=env, cwd=tmp_path,
            )  # fmt: skip
            try:
                wait_for(err, "webhook served on port", 20)
                (call,) = telegram.calls_of("setWebhook")
                assert call.params["url"] == hook and call.params["secret_token"] == secret
                update = {
                    "update_id": 1,
                    "message": {
                        "message_id": 1, "date": int(time.time()), "text": "/topics",
                        "chat": {"id": 42, "type": "private"},
                        "from": {"id": 7, "is_bot": False, "first_name": "A"},
                        "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
                    },
                }  # fmt: skip

                def post(headers: dict[str, str]) -> int:
                    request = urllib.request.Request(
                        local, data=json.dumps(update).encode(),
                        headers={"Content-Type": "application/json", **headers},
                    )  # fmt: skip
                    try:
                        with urllib.request.urlopen(request, timeout=10) as answer:
                            return int(answer.status)
                    except urllib.error.HTTPError as refused:
                        return int(refused.code)

                assert post({"X-Telegram-Bot-Api-Secret-Token": "wrong"}) == 403
                assert post({}) == 403
                assert post({"X-Telegram-Bot-Api-Secret-Token": secret}) == 200
                deadline = time.monotonic() + 15
                while not telegram.sent_to("42") and time.monotonic() < deadline:
                    time.sleep(0.2)
                assert len(telegram.sent_to("42")) == 1  # only the call with the secret
                assert "dprk-troops" in telegram.sent_to("42")[0].text
                proc.send_signal(signal.SIGTERM)
                assert proc.wait(timeout=30) == 0
            finally:
                if proc.poll() is None:
                    proc.kill()
        assert secret not in err.read_text()
