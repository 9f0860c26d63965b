"""`claimwatch run` with Telegram configured from the environment: alerts and a command."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import httpx

from bot.adapters.telegram.fake import TOKEN, FakeBotAPI
from tests.clirun import eventually, feeds_yaml, running_bot
from tests.feedserver import ClosedPort, FeedServer
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss
from tests.test_run import DENIAL

CHANNELS = """\
channels:
  - {id: desk, platform: telegram, chat: "-100", topics: [dprk-troops], min_severity: new_figure}
"""


def test_run_delivers_to_telegram_and_answers_a_command(tmp_path: Path) -> None:
    with FeedServer() as feeds, FakeBotAPI() as telegram:
        feeds.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.base_url,
            "CLAIMWATCH_LOG_LEVEL": "DEBUG",
        }
        with running_bot(
            tmp_path, claims=CLAIMS, channels=CHANNELS, feeds=feeds_yaml(feeds.url("/wire.rss")),
            env=env,
        ) as bot:  # fmt: skip
            bot.wait_for("(baseline)", 60)
            feeds.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
            eventually(lambda: bool(telegram.sent_to("-100")), 30)
            (alert,) = telegram.sent_to("-100")
            assert "Contradiction" in alert.text and alert.parse_mode == "HTML"

            telegram.push_message("/claims", chat_id=42, user_id=7)
            eventually(lambda: bool(telegram.sent_to("42")), 20)
            assert "dprk-additional-troops" in telegram.sent_to("42")[0].text
            assert bot.stop() == 0
        log = bot.err.read_text()
        assert TOKEN not in log
        assert TOKEN.split(":")[1] not in log
        assert "Traceback" not in log
        assert telegram.calls_of("setMyCommands")


def post_update(url: str, headers: dict[str, str]) -> int:
    """POST a /topics update to the bot's webhook route as Telegram would; the HTTP status."""
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1, "date": int(time.time()), "text": "/topics",
            "chat": {"id": 42, "type": "private"},
            "from": {"id": 7, "is_bot": False, "first_name": "A"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
        },
    }  # fmt: skip
    request = urllib.request.Request(
        url, data=json.dumps(update).encode(),
        headers={"Content-Type": "application/json", **headers},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return int(refused.code)


def test_run_in_webhook_mode_checks_the_secret_on_every_call(tmp_path: Path) -> None:
    with FakeBotAPI() as telegram:
        secret = "s3cret-webhook_token"
        hook = "https://bot.example.org/tg/updates"  # behind a TLS proxy, as in production
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.base_url,
            "TELEGRAM_WEBHOOK_URL": hook,
            "TELEGRAM_WEBHOOK_SECRET": secret,
        }

        with running_bot(
            tmp_path, claims=CLAIMS, channels=CHANNELS, feeds="feeds: []\n", env=env
        ) as bot:
            bot.wait_for("webhook registered", 60)
            # the one HTTP server (on a free port): the webhook is one of its routes
            local = f"http://127.0.0.1:{bot.http_port()}/tg/updates"
            (call,) = telegram.calls_of("setWebhook")
            assert call.params["url"] == hook and call.params["secret_token"] == secret
            assert post_update(local, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}) == 403
            assert post_update(local, {}) == 403
            assert post_update(local, {"X-Telegram-Bot-Api-Secret-Token": secret}) == 200
            eventually(lambda: bool(telegram.sent_to("42")), 15)
            assert len(telegram.sent_to("42")) == 1  # only the call with the secret
            assert "dprk-troops" in telegram.sent_to("42")[0].text
            assert bot.stop() == 0
        assert secret not in bot.err.read_text()


def healthz(port: int) -> tuple[int, dict[str, Any]]:
    answer = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10)
    return answer.status_code, answer.json()


def test_run_with_the_bot_api_down_at_start_keeps_polling_and_connects_later(
    tmp_path: Path,
) -> None:
    # nothing listens yet: every Bot API call fails
    with FeedServer() as feeds, ClosedPort() as api:
        feeds.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": f"http://127.0.0.1:{api.port}/bot",
        }
        with running_bot(
            tmp_path, claims=CLAIMS, channels=CHANNELS, feeds=feeds_yaml(feeds.url("/wire.rss")),
            env=env,
        ) as bot:  # fmt: skip
            bot.wait_for("telegram: cannot reach the Bot API", 60)
            bot.wait_for("(baseline)", 30)  # the feeds are polled all the same
            http = bot.http_port()
            status, body = healthz(http)  # out of reach is shown, and retried: not a failure
            assert status == 200 and body["platforms"]["telegram"]["up"] is False, body
            assert "cannot reach the Bot API" in body["platforms"]["telegram"]["problem"]
            feeds.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
            bot.wait_for("polled Wire: ok, 1 new", 30)  # the alert waits in the outbox
            with FakeBotAPI(port=api.release()) as telegram:
                eventually(lambda: bool(telegram.sent_to("-100")), 60)
                (alert,) = telegram.sent_to("-100")
                assert "Contradiction" in alert.text
                assert telegram.calls_of("setMyCommands") and telegram.calls_of("deleteWebhook")
                telegram.push_message("/claims", chat_id=42, user_id=7)  # commands work too
                eventually(lambda: bool(telegram.sent_to("42")), 20)
                status, body = healthz(http)
                assert status == 200 and body["platforms"]["telegram"] == {
                    "up": True, "problem": None,
                }  # fmt: skip
                assert bot.stop() == 0
        log = bot.err.read_text()
        assert log.count("telegram: cannot reach the Bot API") == 1, log  # one warning line
        assert "Bot API reached after" in log
        assert "sending failed" not in log  # held in the outbox, no delivery attempt spent
        assert "internal error" not in log and "Traceback" not in log
        assert TOKEN not in log


def test_run_in_webhook_mode_with_the_bot_api_down_at_start_registers_it_later(
    tmp_path: Path,
) -> None:
    api, secret = ClosedPort(), "s3cret-webhook_token"
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": f"http://127.0.0.1:{api.port}/bot",  # nothing listens yet
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/tg/updates",
        "TELEGRAM_WEBHOOK_SECRET": secret,
    }
    with (
        api,
        running_bot(
            tmp_path, claims=CLAIMS, channels=CHANNELS, feeds="feeds: []\n", env=env
        ) as bot,
    ):
        bot.wait_for("telegram: cannot reach the Bot API", 60)
        port = bot.http_port()  # the rest of the bot is up
        with FakeBotAPI(port=api.release()) as telegram:
            bot.wait_for("webhook registered", 60)
            (call,) = telegram.calls_of("setWebhook")
            assert call.params["secret_token"] == secret
            local = f"http://127.0.0.1:{port}/tg/updates"
            assert post_update(local, {"X-Telegram-Bot-Api-Secret-Token": secret}) == 200
            eventually(lambda: bool(telegram.sent_to("42")), 15)
            assert "dprk-troops" in telegram.sent_to("42")[0].text
            assert bot.stop() == 0
    log = bot.err.read_text()
    assert log.count("telegram: cannot reach the Bot API") == 1, log
    assert "Traceback" not in log and secret not in log


def test_run_with_a_refused_token_stops_at_once_with_one_clear_line(tmp_path: Path) -> None:
    with FakeBotAPI(token="999:another-bots-token") as telegram:  # our TOKEN gets a 401
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": telegram.base_url}
        with running_bot(
            tmp_path, claims=CLAIMS, channels=CHANNELS, feeds="feeds: []\n", env=env
        ) as bot:
            code = bot.proc.wait(timeout=60)
        assert code == 2
        log = bot.err.read_text()
        assert log.rstrip().endswith(
            "claimwatch: error: telegram: the Bot API refused TELEGRAM_BOT_TOKEN "
            "(401 Unauthorized); check the token @BotFather gave"
        ), log
        assert "cannot reach" not in log and "Traceback" not in log
        assert TOKEN not in log and TOKEN.split(":")[1] not in log


def test_a_token_refused_while_retrying_in_the_background_makes_healthz_say_so(
    tmp_path: Path,
) -> None:
    api = ClosedPort()
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": f"http://127.0.0.1:{api.port}/bot",  # nothing listens yet
    }
    with FeedServer() as feeds, api:
        feeds.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        with running_bot(
            tmp_path, claims=CLAIMS, channels=CHANNELS, feeds=feeds_yaml(feeds.url("/wire.rss")),
            env=env,
        ) as bot:  # fmt: skip
            bot.wait_for("telegram: cannot reach the Bot API", 60)
            http = bot.http_port()
            # TOKEN gets a 401
            with FakeBotAPI(port=api.release(), token="999:another-bots-token"):
                bot.wait_for("Telegram stays off until the bot is restarted", 60)
            status, body = healthz(http)
            refused = (
                "telegram: the Bot API refused TELEGRAM_BOT_TOKEN (401 Unauthorized); "
                "check the token @BotFather gave"
            )
            assert status == 503 and body["problems"] == [refused], body
            assert body["platforms"]["telegram"] == {"up": False, "problem": refused}
            metrics = httpx.get(f"http://127.0.0.1:{http}/metrics", timeout=10).text
            assert 'claimwatch_platform_up{platform="telegram"} 0.0' in metrics
            feeds.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
            bot.wait_for("polled Wire: ok, 1 new", 30)  # the rest of the bot goes on
            assert bot.stop() == 0
    log = bot.err.read_text()
    assert "Traceback" not in log and TOKEN not in log and TOKEN.split(":")[1] not in log
