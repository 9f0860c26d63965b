"""The one way a feed is read: fetch (conditional GET) or read a file, then parse.

    read_feed ──▶ fetch / read_path ──▶ parse_feed ──▶ FeedRead(stories, error)

``Service.fetch_feed`` (polls) and ``Service.read`` (replay, demo, a feed named on the command
line) both come through here, so the size limits, deadlines, SSRF guard and error wording of
:mod:`bot.adapters.feeds.fetch` and the parsing rules hold for both. Never raises for network,
HTTP, file or format problems.
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass
from pathlib import Path

import httpx

from bot.adapters.feeds.fetch import FetchResult, fetch, is_url, read_path
from bot.adapters.feeds.parse import parse_feed
from bot.core.model import Story


@dataclass(frozen=True)
class FeedRead:
    """What one read of a feed gave. ``fetched`` is the fetch result with its body dropped
    (validators, redirects, HTTP status, Retry-After); ``error`` is one line for a person
    (the fetch's, or the parser's when no story came out); ``empty`` says the document is a
    feed without entries (``error`` then says so too)."""

    fetched: FetchResult
    stories: tuple[Story, ...] = ()
    title: str | None = None
    error: str | None = None
    empty: bool = False


async def read_feed(
    client: httpx.AsyncClient | None,
    location: str,
    *,
    feed_name: str,
    outlet: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    guard: bool | None = None,
) -> FeedRead:
    """Fetch ``location`` (an http(s) URL, conditionally when ``etag`` or ``last_modified``
    is given, through the SSRF guard when ``guard`` is not None) or read it as a local file
    (``client`` may then be None), and parse what came back."""
    if is_url(location):
        if client is None:
            raise ValueError("reading a feed URL needs an httpx client")
        fetched = await fetch(client, location, etag=etag, last_modified=last_modified, guard=guard)
    else:
        fetched = await asyncio.to_thread(read_path, Path(location))
    if fetched.status == "not_modified":
        return FeedRead(dataclasses.replace(fetched, content=None))
    if fetched.status == "error" or fetched.content is None:
        failed = fetched.error or "nothing received"
        return FeedRead(dataclasses.replace(fetched, content=None), error=failed)
    parsed = parse_feed(
        fetched.content,
        feed_name=feed_name,
        outlet=outlet,
        base_url=fetched.final_url or location,
    )
    error = parsed.error if parsed.error and not parsed.stories else None
    return FeedRead(
        dataclasses.replace(fetched, content=None),
        tuple(parsed.stories),
        parsed.title,
        error,
        empty=bool(error and error.startswith("empty feed")),
    )
