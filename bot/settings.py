"""Settings read from the environment: the only module that looks at ``os.environ``.

The table :data:`SETTINGS` is the documentation: every setting, its default and what it does.
``tests/test_docs.py`` fails when the README leaves one out. Secrets (tokens) are held in
:class:`Secret` so that no ``repr`` or log line ever shows them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | None
    help: str
    secret: bool = False


DEFAULT_DATABASE_URL = "sqlite:///state/claimwatch.db"

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "CLAIMWATCH_CONFIG", "config", "Folder holding claims.yaml, feeds.yaml, channels.yaml."
    ),
    Setting(
        "DATABASE_URL",
        "sqlite:///state/claimwatch.db",
        "SQLAlchemy URL of the state database (SQLite file by default, or postgresql://…).",
        secret=True,
    ),
    Setting("CLAIMWATCH_LOG_LEVEL", "INFO", "Log level: DEBUG, INFO, WARNING or ERROR."),
    Setting("TELEGRAM_BOT_TOKEN", None, "Telegram bot token (from @BotFather).", secret=True),
    Setting(
        "TELEGRAM_API_URL",
        "https://api.telegram.org/bot",
        "Bot API base URL (a self-hosted Bot API server, or a test fake).",
    ),
    Setting(
        "TELEGRAM_WEBHOOK_URL",
        None,
        "Public https URL Telegram posts updates to (webhook mode); unset: long polling.",
    ),
    Setting(
        "TELEGRAM_WEBHOOK_SECRET",
        None,
        "Secret token Telegram sends with every webhook call (1-256 of A-Z a-z 0-9 _ -).",
        secret=True,
    ),
    Setting("SLACK_BOT_TOKEN", None, "Slack bot token (xoxb-…).", secret=True),
    Setting("SLACK_SIGNING_SECRET", None, "Slack signing secret for HTTP mode.", secret=True),
    Setting(
        "SLACK_APP_TOKEN", None, "Slack app-level token (xapp-…): enables Socket Mode.", secret=True
    ),
    Setting("SLACK_API_URL", "https://slack.com/api/", "Slack Web API base URL."),
    Setting(
        "PORT",
        "8080",
        "Port of the HTTP server of `claimwatch run` (/healthz, /metrics, /slack/events); "
        "0 picks a free one.",
    ),
    Setting(
        "CLAIMWATCH_HOST",
        "0.0.0.0",
        "Address the HTTP server listens on (127.0.0.1: this machine only).",
    ),
    Setting("CLAIMWATCH_FETCH_PER_HOST", "2", "Feeds fetched at once from one host, at most."),
    Setting("CLAIMWATCH_FETCH_CONCURRENCY", "32", "Feeds fetched at once in all, at most."),
    Setting(
        "CLAIMWATCH_DELIVERY_CONCURRENCY",
        "16",
        "Channels sent to at once, at most (each gets one message at a time, in order).",
    ),
    Setting(
        "CLAIMWATCH_ALERTS_PER_MESSAGE",
        "10",
        "Alerts already waiting for one chat that go out together as one message, at most "
        "(1: one message per alert).",
    ),
    Setting(
        "CLAIMWATCH_MAX_STORY_AGE",
        "7d",
        "Stories published longer ago than this are stored but never alerted on, nor put in a "
        "digest (90m, 12h, 7d; 0: no limit). Stories without a date count as new.",
    ),
)

_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$")
_UNITS = {None: 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_age(name: str, value: str) -> timedelta | None:
    """``"7d"`` → 7 days, ``"0"`` → None (no limit)."""
    match = _DURATION.match(value.strip().lower())
    if not match:
        raise ValueError(f"{name}: expected a duration like 12h or 7d (0: none), got {value!r}")
    seconds = float(match.group(1)) * _UNITS[match.group(2)]
    return timedelta(seconds=seconds) if seconds > 0 else None


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


_TELEGRAM_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


def _check_tokens(get: Callable[[str], str | None]) -> None:
    """A pasted token of the wrong kind fails here in words, not later as a platform's 401.
    The value itself is never shown."""
    telegram = get("TELEGRAM_BOT_TOKEN")
    if telegram and not _TELEGRAM_TOKEN.match(telegram):
        raise ValueError(
            "TELEGRAM_BOT_TOKEN: expected the token @BotFather gives, like 123456789:AAE… "
            "(digits, a colon, then letters, digits, _ and -)"
        )
    bot, app = get("SLACK_BOT_TOKEN") or "", get("SLACK_APP_TOKEN") or ""
    if bot.startswith("xapp-"):
        raise ValueError(
            "SLACK_BOT_TOKEN: this is an app-level token (xapp-…); it goes in SLACK_APP_TOKEN, "
            "and SLACK_BOT_TOKEN takes the bot token (xoxb-…)"
        )
    if bot and not bot.startswith("xox"):
        raise ValueError("SLACK_BOT_TOKEN: expected a bot token (xoxb-…)")
    if app and not app.startswith("xapp-"):
        raise ValueError(
            "SLACK_APP_TOKEN: expected an app-level token (xapp-…, from Basic Information → "
            "App-Level Tokens, with connections:write)"
        )


def _url_passwords(url: str) -> tuple[str, ...]:
    """The secret part of a database URL: its password, not the whole URL (a log line that
    says which SQLite file or which server is in use is worth keeping)."""
    try:
        parts = urlsplit(url.strip())
        password = parts.password
    except ValueError:
        return (url.strip(),) if url.strip() else ()
    found = [unquote(password)] if password else []
    found += [v for k, v in parse_qsl(parts.query) if k.lower() in ("password", "sslpassword")]
    # the whole URL too: a password too short to be masked alone is masked with it
    return (url.strip(), *found) if found else ()


class Secret(str):
    """A string whose repr never shows its value."""

    def __repr__(self) -> str:
        return "Secret('***')"


@dataclass(frozen=True)
class Settings:
    config_dir: Path = Path("config")
    database_url: Secret = field(default_factory=lambda: Secret(DEFAULT_DATABASE_URL))
    log_level: str = "INFO"
    telegram_bot_token: Secret | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: Secret | None = None
    slack_bot_token: Secret | None = None
    slack_signing_secret: Secret | None = None
    slack_app_token: Secret | None = None
    slack_api_url: str = "https://slack.com/api/"
    port: int = 8080
    host: str = "0.0.0.0"
    fetch_per_host: int = 2
    fetch_concurrency: int = 32
    delivery_concurrency: int = 16
    alerts_per_message: int = 10
    max_story_age: timedelta | None = timedelta(days=7)
    secrets: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        def get(name: str) -> str | None:
            value = environ.get(name, "").strip()
            if value:
                return value
            return next(s.default for s in SETTINGS if s.name == name)

        def secret(name: str) -> Secret | None:
            value = get(name)
            return Secret(value) if value else None

        port = get("PORT") or "8080"
        if not port.isdigit():
            raise ValueError(f"PORT: expected a port number, got {port!r}")
        if environ.get("TELEGRAM_WEBHOOK_PORT", "").strip():
            raise ValueError(
                "TELEGRAM_WEBHOOK_PORT is no longer used: the Telegram webhook is served on PORT "
                "with the other routes (point your proxy there and unset it)"
            )
        limits = {}
        for name in (
            "CLAIMWATCH_FETCH_PER_HOST",
            "CLAIMWATCH_FETCH_CONCURRENCY",
            "CLAIMWATCH_DELIVERY_CONCURRENCY",
            "CLAIMWATCH_ALERTS_PER_MESSAGE",
        ):
            value = get(name) or ""
            if not value.isdigit() or int(value) < 1:
                raise ValueError(f"{name}: expected a whole number of 1 or more, got {value!r}")
            limits[name] = int(value)
        hook, hook_secret = get("TELEGRAM_WEBHOOK_URL"), get("TELEGRAM_WEBHOOK_SECRET")
        if hook and not hook.lower().startswith("https://"):
            raise ValueError(
                "TELEGRAM_WEBHOOK_URL: Telegram posts updates only to an https:// URL, "
                f"got {hook!r}"
            )
        if hook_secret and not _WEBHOOK_SECRET.match(hook_secret):
            raise ValueError(
                "TELEGRAM_WEBHOOK_SECRET: expected 1 to 256 of A-Z, a-z, 0-9, _ and - "
                "(Telegram refuses any other)"
            )
        _check_tokens(get)
        log_level = (get("CLAIMWATCH_LOG_LEVEL") or "INFO").upper()
        if log_level not in LOG_LEVELS:
            raise ValueError(
                f"CLAIMWATCH_LOG_LEVEL: expected DEBUG, INFO, WARNING or ERROR, "
                f"got {environ.get('CLAIMWATCH_LOG_LEVEL', '').strip()!r}"
            )
        secrets = tuple(
            v
            for s in SETTINGS
            if s.secret and s.name != "DATABASE_URL" and (v := environ.get(s.name, "").strip())
        ) + _url_passwords(environ.get("DATABASE_URL", ""))
        return cls(
            config_dir=Path(get("CLAIMWATCH_CONFIG") or "config"),
            database_url=Secret(get("DATABASE_URL") or "sqlite:///state/claimwatch.db"),
            log_level=log_level,
            telegram_bot_token=secret("TELEGRAM_BOT_TOKEN"),
            telegram_api_url=get("TELEGRAM_API_URL") or "https://api.telegram.org/bot",
            telegram_webhook_url=get("TELEGRAM_WEBHOOK_URL"),
            telegram_webhook_secret=secret("TELEGRAM_WEBHOOK_SECRET"),
            slack_bot_token=secret("SLACK_BOT_TOKEN"),
            slack_signing_secret=secret("SLACK_SIGNING_SECRET"),
            slack_app_token=secret("SLACK_APP_TOKEN"),
            slack_api_url=get("SLACK_API_URL") or "https://slack.com/api/",
            port=int(port),
            host=get("CLAIMWATCH_HOST") or "0.0.0.0",
            fetch_per_host=limits["CLAIMWATCH_FETCH_PER_HOST"],
            fetch_concurrency=limits["CLAIMWATCH_FETCH_CONCURRENCY"],
            delivery_concurrency=limits["CLAIMWATCH_DELIVERY_CONCURRENCY"],
            alerts_per_message=limits["CLAIMWATCH_ALERTS_PER_MESSAGE"],
            max_story_age=parse_age(
                "CLAIMWATCH_MAX_STORY_AGE", get("CLAIMWATCH_MAX_STORY_AGE") or "0"
            ),
            secrets=secrets,
        )
