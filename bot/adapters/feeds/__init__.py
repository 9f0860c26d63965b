"""The feeds adapter: fetch feeds (httpx, conditional GET) or read files, parse, clean text.

    fetch / read_path ──▶ FetchResult(content) ──▶ parse_feed ──▶ ParsedFeed(stories)
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
from bot.adapters.html import extract_main_text, html_to_text

__all__ = [
    "USER_AGENT",
    "FetchResult",
    "ParsedFeed",
    "extract_main_text",
    "fetch",
    "fetch_full_text",
    "html_to_text",
    "is_url",
    "parse_feed",
    "parse_retry_after",
    "read_path",
    "story_key",
]
