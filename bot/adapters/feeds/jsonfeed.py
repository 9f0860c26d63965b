"""JSON Feed (https://jsonfeed.org/version/1.1) → plain entry dicts; feedparser 6.0 has no reader.

An entry dict has the keys ``guid``, ``link``, ``title``, ``title_type``, ``body``,
``body_type`` and ``published`` (an aware UTC datetime or None), the same shape
``parse._normalise_entry`` makes from a feedparser entry.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

JSONFEED_PREFIX = "https://jsonfeed.org/version/"


def parse_json_feed(content: bytes) -> tuple[str | None, list[dict[str, Any]], str | None]:
    """(feed title, entry dicts, error); never raises on bad input."""
    try:
        document = json.loads(_text(content))
    except (ValueError, RecursionError) as exc:
        return None, [], f"not a feed (malformed JSON: {str(exc).splitlines()[0][:120]})"
    if not isinstance(document, dict):
        return None, [], "not a feed (JSON that is not a JSON Feed)"
    version = document.get("version")
    if not isinstance(version, str) or not version.startswith(JSONFEED_PREFIX.rstrip("/")):
        return None, [], "not a feed (JSON that is not a JSON Feed)"
    title = document.get("title") if isinstance(document.get("title"), str) else None
    items = document.get("items")
    if not isinstance(items, list):
        return title, [], None
    return title, [_entry(item) for item in items if isinstance(item, dict)], None


def _text(content: bytes) -> str | bytes:
    """JSON is UTF-8 (RFC 8259; ``json.loads`` also detects UTF-16/32). A feed that is not,
    in practice cp1252 served as if it were UTF-8, is read as cp1252 (bytes it does not define
    become U+FFFD) rather than the whole feed lost to one accented letter."""
    if json.detect_encoding(content) != "utf-8":
        return content
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _entry(item: dict[str, Any]) -> dict[str, Any]:
    if isinstance(item.get("content_html"), str) and item["content_html"].strip():
        body, body_type = item["content_html"], "text/html"
    elif isinstance(item.get("content_text"), str) and item["content_text"].strip():
        body, body_type = item["content_text"], "text/plain"
    elif isinstance(item.get("summary"), str):
        body, body_type = item["summary"], "text/plain"
    else:
        body, body_type = None, None
    guid = item.get("id")
    link = item.get("url") or item.get("external_url")
    return {
        "guid": str(guid) if isinstance(guid, str | int) and not isinstance(guid, bool) else None,
        "link": link if isinstance(link, str) else None,
        "title": item.get("title") if isinstance(item.get("title"), str) else None,
        "title_type": "text/plain",
        "body": body,
        "body_type": body_type,
        "published": _rfc3339(item.get("date_published") or item.get("date_modified")),
    }


def _rfc3339(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)
