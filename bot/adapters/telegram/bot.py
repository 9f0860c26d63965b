"""Telegram commands: long polling in, the chat core's answers out.

Each message that starts with ``/`` (also ``/cmd@thisbot``) in a private chat, group or
supergroup goes to :func:`bot.chat.answer`; its messages go back through
:class:`TelegramSender` (charts as photos). Admin commands are for the channel's configured
``admins`` (Telegram user ids) or, in groups, the chat's administrators as ``getChatMember``
says — anonymous admins post as the group itself (``sender_chat`` is the chat).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable

from telegram import BotCommand, Update
from telegram import Message as TgMessage
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import InvalidToken, TelegramError

from bot.adapters.telegram.sender import TelegramSender, guard_token_in_logs, sender_from_settings
from bot.chat import answer
from bot.core.commands import ADMIN_COMMANDS, HELP
from bot.errors import ClaimwatchError, DeliveryError
from bot.service import Service
from bot.settings import Settings

log = logging.getLogger(__name__)

_COMMAND = re.compile(r"/([A-Za-z0-9_]+)")
START_RETRY_FIRST_S = 2.0  # the Bot API unreachable at start: tried again after 2, 4, 8 … s
START_RETRY_MAX_S = 60.0
REFUSED = (
    "telegram: the Bot API refused TELEGRAM_BOT_TOKEN (401 Unauthorized); "
    "check the token @BotFather gave"
)


class TokenRefused(ClaimwatchError):
    """The Bot API answered 401 to the bot's token: `claimwatch run` stops with this line."""


_ADMIN_STATUSES = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}


def menu() -> list[BotCommand]:
    """The command menu for ``setMyCommands``, from the chat core's help table."""
    commands: dict[str, str] = {}
    for form, what, admin in HELP:
        for alternative in form.split(" / "):
            name = alternative.split()[0]
            description = f"{what} (admins)" if admin else what
            commands.setdefault(name, description[:256])
    return [BotCommand(name, description) for name, description in commands.items()]


class TelegramBot:
    """Receives commands by long polling and answers them; ``sender`` delivers alerts."""

    def __init__(
        self, service: Service, sender: TelegramSender, *, poll_timeout_s: int = 30
    ) -> None:
        self.service = service
        self.sender = sender
        self.bot = sender.bot
        self.poll_timeout_s = poll_timeout_s
        self.retry_first_s = START_RETRY_FIRST_S
        self._offset: int | None = None
        self._task: asyncio.Task[None] | None = None
        self._starting: asyncio.Task[None] | None = None

    def __repr__(self) -> str:  # never the bot's repr: it shows the token
        return "TelegramBot()"

    async def connect(self) -> None:
        """getMe (the bot's @name, for ``/cmd@name``) and the command menu."""
        guard_token_in_logs(self.bot.token)
        await self.bot.initialize()
        await self.bot.set_my_commands(menu())

    async def start(self) -> None:
        """Connect, drop any webhook, then poll for updates in the background (see
        :meth:`start_or_retry`)."""
        await self.start_or_retry(self._begin_polling)

    async def _begin_polling(self) -> None:
        await self.connect()
        await self.bot.delete_webhook()
        log.info("telegram: polling as @%s", self.bot.username)
        self._task = asyncio.create_task(self._poll_forever(), name="telegram-polling")

    async def start_or_retry(self, begin: Callable[[], Awaitable[None]]) -> None:
        """Run ``begin`` (connect and start receiving). A refused token raises
        :class:`TokenRefused` at once; an unreachable Bot API (network down, Telegram down)
        does not stop the bot: one warning, then ``begin`` is tried again in the background
        with a backoff until it works, and meanwhile the sender holds alerts in the outbox."""
        try:
            await begin()
        except InvalidToken:
            raise TokenRefused(REFUSED) from None
        except TelegramError as exc:  # NetworkError, TimedOut, a 5xx, RetryAfter…
            log.warning(
                "telegram: cannot reach the Bot API (%s); feeds are still polled and alerts "
                "wait in the outbox; retrying in the background",
                exc,
            )
            self.sender.hold(str(exc))
            self.service.metrics.platform_down(
                "telegram", f"telegram: cannot reach the Bot API ({exc})"
            )
            self._starting = asyncio.create_task(self._retry_start(begin), name="telegram-start")
            return
        self.service.metrics.platform_up("telegram")

    async def _retry_start(self, begin: Callable[[], Awaitable[None]]) -> None:
        attempt = 0
        while True:
            wait = min(START_RETRY_MAX_S, self.retry_first_s * 2.0**attempt)
            attempt += 1
            await asyncio.sleep(wait)
            try:
                await begin()
            except InvalidToken:
                log.error("%s; Telegram stays off until the bot is restarted", REFUSED)
                self.service.metrics.platform_down("telegram", REFUSED, fatal=True)
                return  # the sender still holds: alerts keep waiting in the outbox
            except TelegramError as exc:
                log.debug("telegram: start attempt %d failed: %s", attempt + 1, exc)
                continue
            self.sender.release()
            self.service.metrics.platform_up("telegram")
            log.info("telegram: Bot API reached after %d retries; alerts go out", attempt)
            return

    async def stop(self) -> None:
        for task in (self._starting, self._task):
            if task is not None:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        self._starting = self._task = None
        await self.bot.shutdown()

    async def _poll_forever(self) -> None:
        failures = 0
        while True:
            try:
                await self.poll_once(self.poll_timeout_s)
                failures = 0
            except InvalidToken:
                log.error("%s; polling stopped until the bot is restarted", REFUSED)
                self.service.metrics.platform_down("telegram", REFUSED, fatal=True)
                return
            except TelegramError as exc:  # network trouble, Conflict (another poller)…
                failures += 1
                wait = min(60.0, 2.0**failures)
                log.warning("telegram: getUpdates failed (%s); retrying in %.0fs", exc, wait)
                await asyncio.sleep(wait)

    async def poll_once(self, timeout: int = 0) -> int:
        """One getUpdates; every update is handled. The number of updates."""
        updates = await self.bot.get_updates(
            offset=self._offset, timeout=timeout, allowed_updates=["message"]
        )
        for update in updates:
            self._offset = update.update_id + 1
            try:
                await self.handle(update)
            except Exception:  # one bad update must not stop the others
                log.exception("telegram: update %d failed", update.update_id)
        return len(updates)

    async def handle(self, update: Update) -> None:
        message = update.message
        text = (message.text or message.caption or "") if message else ""
        if message is None or not text.startswith("/"):
            return
        chat = str(message.chat.id)
        user = message.from_user
        user_id = str(user.id) if user else ""
        replies = await asyncio.to_thread(
            answer,
            self.service,
            text,
            channel_id=self.channel_id(chat),
            user_id=user_id,
            platform_admin=await self._platform_admin(message, text),
            bot_name=self.bot.username,
        )
        for reply in replies or []:
            try:
                await self.sender.send(chat, reply)
            except DeliveryError as exc:
                log.warning("telegram: reply to chat %s failed: %s", chat, exc)
                return

    def channel_id(self, chat: str) -> str:
        for spec in self.service.config.channels:
            if spec.platform == "telegram" and spec.chat == chat:
                return spec.id
        return f"telegram:{chat}"

    async def _platform_admin(self, message: TgMessage, text: str) -> bool:
        """Whether Telegram says the author administers this group (asked only when the
        command needs an admin; in a private chat only the configured admins count)."""
        match = _COMMAND.match(text)
        name = match.group(1).lower() if match else ""
        if name not in ADMIN_COMMANDS and name != "digest":
            return False
        if message.chat.type == ChatType.PRIVATE:
            return False
        if message.sender_chat is not None:  # anonymous admin: posts as the group itself
            return message.sender_chat.id == message.chat.id
        if message.from_user is None:
            return False
        try:
            member = await self.bot.get_chat_member(message.chat.id, message.from_user.id)
        except TelegramError as exc:  # cannot tell: not an admin
            log.warning("telegram: getChatMember in chat %s failed: %s", message.chat.id, exc)
            return False
        return member.status in _ADMIN_STATUSES


def start(service: Service, settings: Settings) -> TelegramBot:
    """The Telegram runner of ``claimwatch run``: it shares the bot (and its rate limiter)
    of the service's Telegram sender when there is one."""
    sender = service.senders.get("telegram")
    if not isinstance(sender, TelegramSender):
        sender = sender_from_settings(settings)
        service.senders["telegram"] = sender
    return TelegramBot(service, sender)
