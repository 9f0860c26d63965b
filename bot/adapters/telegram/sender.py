"""Telegram delivery: neutral messages out through python-telegram-bot, errors mapped.

``AIORateLimiter`` paces the bot (30 messages a second overall, 20 a minute per group) and
sleeps through a short 429 itself (``max_retries``); what is left is mapped onto
:mod:`bot.errors` for the dispatcher:

    RetryAfter                  → RetryLater (the channel waits retry_after seconds)
    Forbidden, "chat not found" → ChatGone (blocked, kicked: nothing more to that chat)
    ChatMigrated                → ChatMoved (the dispatcher resends to the new id)
    BadRequest "can't parse"    → resent once as plain text, then MessageRejected
    other BadRequest            → MessageRejected
    InvalidToken                → RetryLater (alerts wait; the token itself is never quoted)
    TimedOut, NetworkError, …   → DeliveryError (retried with backoff)
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    RetryAfter,
    TelegramError,
)
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.adapters.telegram.render import (
    TEXT_LIMIT,
    caption,
    clean,
    link_preview,
    to_html,
    units,
)
from bot.adapters.telegram.render import fits as fits_in_one
from bot.core.message import Message
from bot.errors import ChatGone, ChatMoved, DeliveryError, MessageRejected, RetryLater
from bot.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.telegram.org/bot"

# python-telegram-bot 22.2+ makes ``RetryAfter.retry_after`` (and its other time periods) a
# ``datetime.timedelta`` when this environment variable is true, as its next major version will
# by default; without it each 429 warns (PTBDeprecationWarning) and gives seconds as an int.
PTB_TIMEDELTA = "PTB_TIMEDELTA"


def use_timedelta_periods() -> None:
    """Opt in to PTB's timedelta periods, the way PTB documents it (an environment variable,
    read by PTB each time a period is read). A value already set is left as it is: the
    readers below take either form."""
    os.environ.setdefault(PTB_TIMEDELTA, "true")


def retry_after_s(exc: RetryAfter) -> float:
    """The seconds a 429 asks us to wait: ``retry_after`` is a timedelta when PTB's periods
    are timedeltas, an int (or float) of seconds when someone set ``PTB_TIMEDELTA`` false."""
    with warnings.catch_warnings():  # only an opted-out PTB warns here
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait: object = exc.retry_after
    if isinstance(wait, timedelta):
        return wait.total_seconds()
    if isinstance(wait, int | float):
        return float(wait)
    raise TypeError(f"RetryAfter.retry_after is {type(wait).__name__}")  # pragma: no cover


def make_bot(
    token: str,
    api_url: str = DEFAULT_API_URL,
    *,
    max_retries: int = 2,
    poll_timeout_s: float = 30.0,
    connections: int = 16,
) -> ExtBot[int]:
    """A rate-limited bot speaking to ``api_url`` (Telegram's, a self-hosted one or a fake).
    Every bot of ours is made here, so this is where PTB's timedelta periods are opted in to."""
    use_timedelta_periods()
    base = api_url.rstrip("/")
    file_url = base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file"
    return ExtBot(
        str(token),
        base_url=base,
        base_file_url=file_url,
        # One connection per channel sending at once (CLAIMWATCH_DELIVERY_CONCURRENCY).
        request=HTTPXRequest(connection_pool_size=connections, read_timeout=20.0),
        get_updates_request=HTTPXRequest(read_timeout=poll_timeout_s + 10.0),
        rate_limiter=AIORateLimiter(max_retries=max_retries),
    )


class _Redact(logging.Filter):
    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "***"), None
        return True


def guard_token_in_logs(token: str) -> None:
    """httpx logs every request URL, and a Bot API URL holds the token (python-telegram-bot
    logs it too, at DEBUG): keep httpx and httpcore at WARNING and redact the token from
    every record of the telegram, httpx and httpcore loggers."""
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    names = set(logging.root.manager.loggerDict) | {"telegram.Bot", "telegram.ext.ExtBot"}
    for name in sorted(names):
        if name.split(".")[0] not in ("telegram", "httpx", "httpcore"):
            continue
        logger = logging.getLogger(name)
        if not any(isinstance(f, _Redact) and f.secret == token for f in logger.filters):
            logger.addFilter(_Redact(token))


def plain_parts(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Plain text cut into pieces Telegram accepts (lines kept whole where they fit)."""
    parts: list[str] = []
    current = ""
    for line in text.splitlines() or [""]:
        while units(line) > limit:
            n = limit
            while units(line[:n]) > limit:
                n -= 1
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:n])
            line = line[n:]
        joined = f"{current}\n{line}" if current else line
        if units(joined) <= limit:
            current = joined
        else:
            parts.append(current)
            current = line
    if current.strip():
        parts.append(current)
    return parts or ["…"]


LATER_PART_TRIES = 3  # tries in place of a later part of a message in several (its first is out)
LATER_PART_MAX_WAIT_S = 30.0  # the longest 429 a later part waits out in place
PLAIN = "plain:"  # how a message sent as plain text marks its first id in on_post (the
# outbox keeps it: after a restart too, the rest goes plain, in the same posts)
HELD_RETRY_S = 5.0  # while held, a channel looks again this often
TOKEN_REFUSED_RETRY_S = 60.0  # a refused token: alerts wait (``claimwatch run`` stops on it)
TOKEN_REFUSED = "the Bot API refused TELEGRAM_BOT_TOKEN (401 Unauthorized)"


@dataclass
class _Out:
    """How far a message in several posts got: its first ``count`` posts are out."""

    count: int
    first_id: str | None
    on_post: Callable[[int, str], None] | None


class TelegramSender:
    """Sends neutral messages to Telegram chats; the Sender of :mod:`bot.service`."""

    platform = "telegram"

    def __init__(self, bot: Bot, *, per_chat_interval_s: float = 1.0) -> None:
        self.bot = bot
        self.per_chat_interval_s = per_chat_interval_s  # Telegram: about 1 message/s per chat
        self._next_at: dict[str, float] = {}
        self.held: str | None = None  # why the Bot API is not reached yet (see hold)

    def hold(self, reason: str) -> None:
        """The Bot API could not be reached at start: alerts wait in the outbox (the channel
        is asked to wait, no delivery attempt is spent) until :meth:`release`."""
        self.held = reason

    def release(self) -> None:
        self.held = None

    def __repr__(self) -> str:  # never the bot's repr: it shows the token
        return "TelegramSender()"

    def fits(self, chat: str | None, message: Message) -> bool:
        """Whether ``message`` (a bundle of alerts) goes to ``chat`` as one Telegram message:
        its text within 4,096 units after entity parsing, no photo."""
        return fits_in_one(message)

    async def send(self, chat: str | None, message: Message) -> str:
        """Post ``message`` (its chart as a photo); the id of the first message sent."""
        return await self.send_from(chat, message)

    async def send_from(
        self,
        chat: str | None,
        message: Message,
        *,
        posted: int = 0,
        first_id: str | None = None,
        on_post: Callable[[int, str], None] | None = None,
    ) -> str:
        """Post ``message`` from its post ``posted + 1`` on (its first ``posted`` posts, the
        first with id ``first_id``, are out); the id of its first post. A message goes in
        several posts when its text is over 4,096 units (parts) or it has a photo (last):
        ``on_post(n, first_id)`` is called when its first ``n`` posts are out, for each ``n``
        but the last, so that the caller can record how far it got (``first_id`` there is
        marked ``plain:`` when the chat refused our HTML and the message went as plain text:
        passed back, its rest goes plain too, cut as it was). A failure of a later post raises
        as a failure of the first does; the posts before it stay out."""
        if not chat:
            raise MessageRejected("no Telegram chat id configured for this channel")
        if self.held is not None:
            raise RetryLater(f"waiting for the Bot API ({self.held})", HELD_RETRY_S)
        plain = first_id is not None and first_id.startswith(PLAIN)
        if plain and first_id is not None:
            first_id = first_id.removeprefix(PLAIN)
        out = _Out(posted if first_id is not None else 0, first_id, on_post)
        try:
            await self.bot.initialize()  # once; later calls return at once
            try:
                return await self._post(chat, message, out, plain=plain)
            except BadRequest as exc:
                if out.first_id is not None or "can't parse entities" not in exc.message.lower():
                    raise  # a later part refused: its first is out in HTML
                log.warning("chat %s refused our HTML (%s); resending as plain text", chat, exc)
                return await self._post(chat, message, out, plain=True)
        except RetryAfter as exc:
            raise RetryLater(f"429: {exc.message}", retry_after_s(exc)) from exc
        except ChatMigrated as exc:
            raise ChatMoved(exc.message, str(exc.new_chat_id)) from exc
        except Forbidden as exc:
            raise ChatGone(f"403: {exc.message}") from exc
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                raise ChatGone(f"400: {exc.message}") from exc
            raise MessageRejected(f"400: {exc.message}") from exc
        except InvalidToken:  # its message quotes the token: never pass it on
            raise RetryLater(TOKEN_REFUSED, TOKEN_REFUSED_RETRY_S) from None
        except TelegramError as exc:  # TimedOut, NetworkError, Conflict…
            detail = str(exc.message).replace(str(self.bot.token), "***")
            raise DeliveryError(f"{type(exc).__name__}: {detail}") from None

    async def _post(self, chat: str, message: Message, out: _Out, *, plain: bool) -> str:
        """The message's posts (text parts, then its photo) from ``out.count + 1`` on."""
        mode: dict[str, Any] = {} if plain else {"parse_mode": ParseMode.HTML}
        posts = self._texts(chat, message, plain=plain)
        if message.image is not None:
            image = message.image
            cap, whole = caption(message)
            if plain:
                cap, whole = plain_parts(clean(message.title), 1024)[0], False
            if whole:
                posts = []

            async def photo() -> int:
                sent = await self.bot.send_photo(chat, image, caption=cap, **mode)
                return sent.message_id

            posts.append(photo)
        for number, post in enumerate(posts, 1):
            if number <= out.count:
                continue  # out before: never again
            if out.first_id is None:  # nothing out yet: a failure fails the message
                await self._pace(chat)
                out.first_id = str(await post())
            else:
                await self._send_later(chat, post)
            out.count = number
            if out.on_post is not None and number < len(posts):
                out.on_post(number, f"{PLAIN}{out.first_id}" if plain else out.first_id)
        assert out.first_id is not None
        return out.first_id

    def _texts(
        self, chat: str, message: Message, *, plain: bool
    ) -> list[Callable[[], Awaitable[int]]]:
        """One call per text part of the message (each returns its message id)."""
        if plain:
            parts, mode = plain_parts(clean(message.plain())), None  # feed text: cleaned
        else:
            parts, mode = to_html(message), ParseMode.HTML
        wanted = link_preview(message)  # a bundle: its story's preview, or none
        preview = (
            None
            if wanted is None
            else LinkPreviewOptions(is_disabled=wanted.is_disabled or None, url=wanted.url)
        )

        def text(part: str) -> Callable[[], Awaitable[int]]:
            async def post() -> int:
                sent = await self.bot.send_message(
                    chat, part, parse_mode=mode, link_preview_options=preview
                )
                return sent.message_id

            return post

        return [text(part) for part in parts]

    async def _send_later(self, chat: str, post: Callable[[], Awaitable[int]]) -> None:
        """A later post of a message in several (its first is out): retried in place, a
        short 429 waited out, up to ``LATER_PART_TRIES`` times; then its error is raised (the
        caller keeps how far the message got, and the next attempt starts at this post)."""
        for attempt in range(1, LATER_PART_TRIES + 1):
            await self._pace(chat)
            try:
                await post()
                return
            except RetryAfter as exc:
                seconds = retry_after_s(exc)
                if seconds > LATER_PART_MAX_WAIT_S or attempt == LATER_PART_TRIES:
                    raise  # the channel waits that long, the posts out kept
                pause = seconds
            except (BadRequest, Forbidden, InvalidToken):  # not going to change
                raise
            except TelegramError as exc:  # TimedOut, NetworkError, …
                log.info("chat %s: a later part failed (try %d): %s", chat, attempt, exc.message)
                if attempt == LATER_PART_TRIES:
                    raise
                pause = max(self.per_chat_interval_s, 0.1) * attempt
            await asyncio.sleep(pause)

    async def _pace(self, chat: str) -> None:
        """Wait so that messages to one chat go about one a second (the rate limiter paces
        groups and the whole bot, not private chats)."""
        now = time.monotonic()
        at = max(now, self._next_at.get(chat, now))
        self._next_at[chat] = at + self.per_chat_interval_s
        if at > now:
            await asyncio.sleep(at - now)


def sender_from_settings(settings: Settings) -> TelegramSender:
    """The Telegram sender of ``claimwatch run`` (needs ``TELEGRAM_BOT_TOKEN``)."""
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    token = str(settings.telegram_bot_token)
    guard_token_in_logs(token)
    bot = make_bot(token, settings.telegram_api_url, connections=settings.delivery_concurrency)
    return TelegramSender(bot)
