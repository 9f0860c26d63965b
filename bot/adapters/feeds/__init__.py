"""The feeds adapter: fetch feeds (httpx, conditional GET) or read files, parse, clean text.

    fetch / read_path ──▶ FetchResult(content) ──▶ parse_feed ──▶ ParsedFeed(stories)
    read_feed: the two in one, the only way the service reads a feed ──▶ FeedRead(stories)
    fetch_full_text (full_text feeds) ──▶ extract_main_text (trafilatura)

Nothing here raises for network, HTTP, file or format problems: each result carries a
one-line ``error`` a person can read.
"""

from __future__ import annotations

from bot.adapters.feeds.fetch import (
    USER_AGENT,
    FetchResult,
    fetch,
    fetch_full_text,
    is_url,
    parse_retry_after,
    read_path,
)
from bot.adapters.feeds.parse import ParsedFeed, parse_feed, story_key
from bot.adapters.feeds.read import FeedRead, read_feed
from bot.adapters.html import extract_main_text, html_to_text

__all__ = [
    "USER_AGENT",
    "FeedRead",
    "FetchResult",
    "ParsedFeed",
    "extract_main_text",
    "fetch",
    "fetch_full_text",
    "html_to_text",
    "is_url",
    "parse_feed",
    "parse_retry_after",
    "read_feed",
    "read_path",
    "story_key",
]
