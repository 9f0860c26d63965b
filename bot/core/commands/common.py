"""Helpers the handlers share: finding a claim, topic or feed by name, and plain answers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from bot.core.commands.lookup import Lookup, lookup
from bot.core.commands.types import ChatView, ClaimInfo, FeedInfo, Reply, say
from bot.core.model import FindingKind, Topic
from bot.core.render import shorten

T = TypeVar("T")

SEVERITY_WORDS = {
    "new_claim": FindingKind.NEW_CLAIM,
    "newclaim": FindingKind.NEW_CLAIM,
    "claim": FindingKind.NEW_CLAIM,
    "claims": FindingKind.NEW_CLAIM,
    "all": FindingKind.NEW_CLAIM,
    "corroboration": FindingKind.CORROBORATION,
    "corroborations": FindingKind.CORROBORATION,
    "new_figure": FindingKind.NEW_FIGURE,
    "newfigure": FindingKind.NEW_FIGURE,
    "figure": FindingKind.NEW_FIGURE,
    "figures": FindingKind.NEW_FIGURE,
    "dispute": FindingKind.DISPUTE,
    "disputes": FindingKind.DISPUTE,
    "contradiction": FindingKind.CONTRADICTION,
    "contradictions": FindingKind.CONTRADICTION,
}
SEVERITY_HELP = "new_claim < corroboration < new_figure < dispute < contradiction"


def parse_severity(word: str) -> FindingKind | None:
    return SEVERITY_WORDS.get(word.strip().lower().replace("-", "_").replace(" ", "_"))


def usage(command: str, form: str, *more: str) -> Reply:
    """The usage line as the title; never an empty box: with nothing more to say, point at /help."""
    return say(f"Usage: /{command} {form}".rstrip(), *(more or ("See /help for the commands.",)))


def refuse(command: str) -> Reply:
    return say(
        f"/{command} is for admins only",
        "Ask one of this chat's admins (the `admins:` of the channel in channels.yaml,"
        " or a chat administrator).",
    )


def claim_label(claim: ClaimInfo) -> str:
    return f"{claim.spec.id} — {shorten(claim.spec.text, 90)}"


def not_found(what: str, query: str, found: Lookup[T], label: Callable[[T], str]) -> Reply:
    """ "No claim matches …" with suggestions, or "… matches several" with the candidates."""
    if found.ambiguous:
        return say(
            f"“{shorten(query, 60)}” matches several {what}s — which one?",
            *(label(item) for item in found.ambiguous),
            "Say it with the id, e.g. " + label(found.ambiguous[0]).split(" ", 1)[0],
        )
    lines = [f"Did you mean: {label(item)}" for item in found.suggestions]
    return say(f"No {what} matches “{shorten(query, 60)}”", *lines, f"Try /{what}s for the list.")


def find_claim(view: ChatView, query: str) -> Lookup[ClaimInfo]:
    return lookup(query, list(view.claims()), lambda c: c.spec.id, lambda c: (c.spec.text,))


def find_topic(view: ChatView, query: str) -> Lookup[Topic]:
    return lookup(query, list(view.topics()), lambda t: t.id, lambda t: (t.name, *t.keywords))


def find_feed(view: ChatView, query: str) -> Lookup[FeedInfo]:
    return lookup(query, list(view.feeds()), lambda f: f.name, lambda f: (f.url,))


def topic_label(topic: Topic) -> str:
    return f"{topic.id} — {topic.name}"


def feed_label(feed: FeedInfo) -> str:
    return f"{feed.name} — {feed.url}"


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def topic_names(view: ChatView, ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "none"
