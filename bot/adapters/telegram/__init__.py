"""The Telegram adapter: ``render`` (HTML parts), ``sender`` (alerts out), ``bot`` (commands)."""

from __future__ import annotations

from bot.adapters.telegram.bot import TelegramBot, start
from bot.adapters.telegram.sender import TelegramSender, make_bot, sender_from_settings

__all__ = ["TelegramBot", "TelegramSender", "make_bot", "sender_from_settings", "start"]
