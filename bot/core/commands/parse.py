"""Turning a chat line into a :class:`Command`: ``/claim@claimwatch_bot troops killed``."""

from __future__ import annotations

import re
import shlex

from bot.core.commands.types import Command

_HEAD = re.compile(r"^/([A-Za-z][A-Za-z0-9_]*)(?:@([A-Za-z0-9_]+))?(?=\s|$)")


def parse(
    text: str,
    *,
    channel_id: str = "",
    user_id: str = "",
    is_admin: bool = False,
    bot_name: str | None = None,
) -> Command | None:
    """The command in ``text``, or None when it is not one (or is addressed to another bot).

    Quoted arguments stay together (``/track korea "some 600 killed"``); an unbalanced quote
    falls back to splitting on whitespace.
    """
    stripped = text.strip()
    match = _HEAD.match(stripped)
    if match is None:
        return None
    name, addressee = match.group(1).lower(), match.group(2)
    if addressee and bot_name and addressee.lower() != bot_name.lower().lstrip("@"):
        return None
    rest = stripped[match.end() :].strip()
    try:
        args = tuple(shlex.split(rest))
    except ValueError:
        args = tuple(rest.split())
    return Command(name, args, channel_id, user_id, is_admin, rest)
