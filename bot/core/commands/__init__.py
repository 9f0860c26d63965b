"""The chat core: slash commands parsed and answered as pure functions.

``handle(command, view, now) -> Reply``: the reply's messages are posted back, its effects
(subscribe, mute, track, add a feed, schedule a digest, …) are applied by the shell
(:mod:`bot.chat`) through the store. Nothing here reads a clock, a file or the network.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from rapidfuzz import process

from bot.core.commands.claims import cmd_claim, cmd_claims, cmd_sources
from bot.core.commands.digests import cmd_digest, compose_digest
from bot.core.commands.manage import (
    cmd_addfeed,
    cmd_feeds,
    cmd_mute,
    cmd_removefeed,
    cmd_status,
    cmd_subscribe,
    cmd_topics,
    cmd_track,
    cmd_unsubscribe,
    cmd_untrack,
)
from bot.core.commands.parse import parse
from bot.core.commands.types import (
    AddFeed,
    ChannelSettings,
    ChatView,
    ClaimInfo,
    Command,
    Effect,
    EnableFeed,
    FeedInfo,
    Mute,
    PostDigest,
    RemoveFeed,
    Reply,
    ScheduleDigest,
    Snapshot,
    StatusCounts,
    Subscribe,
    Track,
    Unmute,
    Unsubscribe,
    Untrack,
    say,
)
from bot.core.message import Line, Message

log = logging.getLogger(__name__)

Handler = Callable[[Command, ChatView, datetime], Reply]

HELP: tuple[tuple[str, str, bool], ...] = (
    ("help", "this list", False),
    ("claims [words]", "tracked claims, latest figure, independent sources", False),
    ("claim <id or words>", "a claim's timeline and chart", False),
    ("sources <claim>", "independent sources and their syndicated copies", False),
    ("topics", "topics, and what this chat follows", False),
    ("subscribe <topic> [severity]", "alerts on a topic here", False),
    ("unsubscribe <topic>", "stop alerts on a topic", False),
    ("mute <claim> / unmute <claim>", "stop / resume alerts on one claim here", False),
    ("feeds", "the feeds polled and their health", False),
    ("digest", "post a digest of what is new now", False),
    ("status", "health, counts, version", False),
    ("track <topic> <claim text>", "track a new claim", True),
    ("untrack <claim>", "stop tracking a claim", True),
    (
        "addfeed <url> [topic] / removefeed <feed>",
        "poll a feed (or a disabled one again), or stop",
        True,
    ),
    ("digest schedule <cron> [timezone]", "when this chat's digest is posted", True),
)


def cmd_help(command: Command, view: ChatView, now: datetime) -> Reply:
    lines = [Line(what, label=f"/{form}") for form, what, admin in HELP if not admin]
    lines += [Line(what, label=f"/{form} (admins)") for form, what, admin in HELP if admin]
    lines.append(Line("names are matched loosely: /claim troops killed finds the claim"))
    return Reply((Message("claimwatch commands", tuple(lines)),))


HANDLERS: dict[str, Handler] = {
    "help": cmd_help,
    "start": cmd_help,
    "claims": lambda c, v, n: cmd_claims(c, v),
    "claim": lambda c, v, n: cmd_claim(c, v),
    "sources": lambda c, v, n: cmd_sources(c, v),
    "topics": lambda c, v, n: cmd_topics(c, v),
    "subscribe": lambda c, v, n: cmd_subscribe(c, v),
    "unsubscribe": lambda c, v, n: cmd_unsubscribe(c, v),
    "mute": lambda c, v, n: cmd_mute(c, v, mute=True),
    "unmute": lambda c, v, n: cmd_mute(c, v, mute=False),
    "track": lambda c, v, n: cmd_track(c, v),
    "untrack": lambda c, v, n: cmd_untrack(c, v),
    "feeds": cmd_feeds,
    "addfeed": lambda c, v, n: cmd_addfeed(c, v),
    "removefeed": lambda c, v, n: cmd_removefeed(c, v),
    "digest": cmd_digest,
    "status": cmd_status,
}
ADMIN_COMMANDS = frozenset({"track", "untrack", "addfeed", "removefeed"})  # + digest schedule


def is_admin(user_id: str, settings: ChannelSettings, *, platform_admin: bool = False) -> bool:
    """Admins are the channel's configured ``admins`` or, where the platform says so, the
    chat's administrators."""
    return platform_admin or (bool(user_id) and user_id in settings.admins)


def handle(command: Command, view: ChatView, now: datetime) -> Reply:
    """Answer one command; unknown or broken input gets a helpful answer, never a traceback."""
    handler = HANDLERS.get(command.name)
    if handler is None:
        best = process.extractOne(command.name, list(HANDLERS), score_cutoff=60)
        hints = (f"Did you mean /{best[0]}?",) if best else ()
        return say(f"Unknown command /{command.name}", *hints, "See /help for the commands.")
    try:
        return handler(command, view, now)
    except Exception:  # a bug must not reach the chat as a traceback
        log.exception("command /%s failed", command.name)
        return say(f"Sorry, /{command.name} failed", "The error was logged; try /help.")


__all__ = [
    "ADMIN_COMMANDS",
    "AddFeed",
    "ChannelSettings",
    "ChatView",
    "ClaimInfo",
    "Command",
    "Effect",
    "EnableFeed",
    "FeedInfo",
    "Mute",
    "PostDigest",
    "RemoveFeed",
    "Reply",
    "ScheduleDigest",
    "Snapshot",
    "StatusCounts",
    "Subscribe",
    "Track",
    "Unmute",
    "Unsubscribe",
    "Untrack",
    "compose_digest",
    "handle",
    "is_admin",
    "parse",
]
