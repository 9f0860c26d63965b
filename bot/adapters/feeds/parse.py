"""Feed bytes → ``ParsedFeed``: RSS/Atom through feedparser, JSON Feed by hand, text cleaned.

feedparser only ever sees a ``BytesIO`` (given ``bytes`` or ``str`` it may open a file or a
URL of that name). Its SAX parser does not fetch external entities, and feedparser strips the
DOCTYPE before parsing, keeping only entity declarations with literal values, so billion-laughs
and XXE documents parse to nothing harmful (``tests/adapters/test_feeds.py`` checks this).
"""

from __future__ import annotations

import hashlib
import html as html_lib
import io
import logging
import re
import time
import unicodedata
import xml.sax
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from bot.adapters.feeds.jsonfeed import parse_json_feed
from bot.adapters.html import html_to_text
from bot.core.model import Story

logger = logging.getLogger(__name__)

_ROOT = re.compile(rb"<([A-Za-z][\w:.-]*)")
_HTML_DOCTYPE = re.compile(rb"<!doctype\s+html", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed: its title and stories (feed order), or why there are none."""

    title: str | None
    stories: list[Story]
    error: str | None  # "not a feed (looks like HTML)", "empty feed: no entries", ...


MAX_ENTRIES = 500  # stories read from one feed document, in feed order; the rest are dropped
MAX_KEY = 1_000  # a longer guid (or link) is kept as its SHA-256: the key is stored and indexed
MAX_URL = 2_048  # a longer link is dropped (the story keeps no URL)


def story_key(entry_guid: str | None, link: str | None, title: str, text: str) -> str:
    """The story's identity: its guid, else its link, else a hash of its title and text (a
    guid or link over ``MAX_KEY`` characters is hashed too)."""
    for candidate in (entry_guid, link):
        if candidate and candidate.strip():
            key = candidate.strip()
            if len(key) <= MAX_KEY:
                return key
            return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    digest = hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()
    return f"sha256:{digest}"


def safe_url(link: str | None) -> str:
    """``link`` when it is an http(s) URL a reader can be shown, else "" (too long, or holding
    whitespace, control or format characters such as a newline or a bidi override)."""
    if not link or len(link) > MAX_URL:
        return ""
    if any(c <= " " or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in link):
        return ""
    try:
        scheme = urlsplit(link).scheme.lower()
    except ValueError:
        return ""
    return link if scheme in ("http", "https") else ""


def _capped(items: list[Any], feed_name: str) -> list[Any]:
    if len(items) > MAX_ENTRIES:
        logger.info(
            "feed %s: %d entries, only the first %d are read", feed_name, len(items), MAX_ENTRIES
        )
    return items[:MAX_ENTRIES]


def parse_feed(
    content: bytes, *, feed_name: str, outlet: str | None = None, base_url: str | None = None
) -> ParsedFeed:
    """Parse RSS, Atom or JSON Feed bytes into clean stories; never raises on bad input."""
    source = outlet or feed_name
    kind = _sniff(content)
    if kind == "empty":
        return ParsedFeed(None, [], "empty document")
    if kind == "html":
        return ParsedFeed(None, [], "not a feed (looks like HTML)")
    if kind == "json":
        title, items, error = parse_json_feed(content)
        stories = [
            story
            for item in _capped(items, feed_name)
            if (story := _story(item, feed_name=feed_name, outlet=source, base_url=base_url))
        ]
        return _finish(title, stories, error, had_entries=bool(items))
    try:  # no base URL: feedparser would resolve a relative guid against it (see _story)
        parsed = feedparser.parse(io.BytesIO(content), resolve_relative_uris=False)
    except Exception as exc:  # feedparser has no documented failure modes; keep the scheduler up
        logger.warning("feedparser crashed on %s: %r", feed_name, exc)
        return ParsedFeed(None, [], f"feed parser failed: {type(exc).__name__}")
    feed_info: Mapping[str, Any] = parsed.get("feed", {})
    title = _clean(feed_info.get("title"), feed_info.get("title_detail")) or None
    entries = [_normalise_entry(e) for e in _capped(parsed.get("entries", []), feed_name)]
    if parsed.get("bozo") and not entries and not title:
        return ParsedFeed(None, [], _bozo_message(parsed.get("bozo_exception"), kind, content))
    if not entries and not title and not parsed.get("version"):
        root = _root_name(content)
        what = f"XML root <{root}>" if root else "no RSS or Atom root element"
        return ParsedFeed(None, [], f"not a feed ({what})")
    if parsed.get("bozo"):
        logger.info(
            "feed %s parsed despite a problem: %s",
            feed_name,
            _one_line(parsed.get("bozo_exception")),
        )
    stories = [
        story
        for entry in entries
        if (story := _story(entry, feed_name=feed_name, outlet=source, base_url=base_url))
    ]
    return _finish(title, stories, None, had_entries=bool(entries))


def _finish(
    title: str | None, stories: list[Story], error: str | None, *, had_entries: bool
) -> ParsedFeed:
    if error:
        return ParsedFeed(title, [], error)
    if not had_entries:
        return ParsedFeed(title, [], "empty feed: no entries")
    if not stories:
        return ParsedFeed(title, [], "empty feed: no entry has a title, text or link")
    return ParsedFeed(title, stories, None)


def _normalise_entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    """A feedparser entry as the plain dict ``_story`` reads (``jsonfeed`` makes the same)."""
    body, body_type = None, None
    contents = entry.get("content") or []
    if contents and contents[0].get("value"):
        body, body_type = contents[0].get("value"), contents[0].get("type")
    elif entry.get("summary"):
        body, body_type = entry.get("summary"), (entry.get("summary_detail") or {}).get("type")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "guid": entry.get("id"),
        "link": entry.get("link"),
        "title": entry.get("title"),
        "title_type": (entry.get("title_detail") or {}).get("type"),
        "body": body,
        "body_type": body_type,
        "published": _from_struct(stamp),
    }


MAX_TITLE = 500  # characters; feed text is untrusted and bounded
MAX_TEXT = 100_000  # a long read is ~10,000 words; anything past this is not one story


def bound(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, at a paragraph or word break where there is one."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n\n", 0, limit)
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit].rstrip() + " …"


def _story(
    entry: Mapping[str, Any], *, feed_name: str, outlet: str, base_url: str | None
) -> Story | None:
    title = bound(
        _one_line(_clean(entry.get("title"), {"type": entry.get("title_type")})), MAX_TITLE
    )
    text = bound(_clean(entry.get("body"), {"type": entry.get("body_type")}), MAX_TEXT)
    # Links are resolved against where the feed was fetched; the guid never is: it is the
    # story's identity, and a feed that moves (301) or is served by a mirror (302) must not
    # make every story in it new again.
    raw_link = entry.get("link") if isinstance(entry.get("link"), str) else None
    try:
        link = urljoin(base_url, raw_link) if raw_link and base_url else raw_link
    except ValueError:  # "http://[x": an invalid URL is no link
        link = None
    guid = entry.get("guid") if isinstance(entry.get("guid"), str) else None
    if not (title or text or link):
        return None
    url = safe_url(link.strip() if link else None)
    return Story(
        key=story_key(guid, link, title, text),
        feed=feed_name,
        outlet=outlet,
        url=url,
        title=title,
        text=text,
        published=entry.get("published"),
    )


def _clean(value: object, detail: Mapping[str, Any] | None) -> str:
    if not isinstance(value, str) or not value:
        return ""
    if (detail or {}).get("type") == "text/plain":
        value = value.replace("&", "&amp;").replace("<", "&lt;")
    try:
        return html_to_text(value)
    except Exception:  # a bug in the cleaner must not cost the whole feed
        logger.exception("html_to_text failed; the entry's text is kept with its tags stripped")
        return _one_line(html_lib.unescape(_TAG.sub(" ", value)))


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _from_struct(stamp: object) -> datetime | None:
    if not isinstance(stamp, time.struct_time):
        return None
    try:
        return datetime(*stamp[:6], tzinfo=UTC)  # feedparser normalises to UTC
    except (ValueError, OverflowError):
        return None


def _sniff(content: bytes) -> str:
    """ "empty", "html", "json" or "xml" (anything else goes to feedparser to judge)."""
    head = content[:4096]
    for bom in _BOMS:
        head = head.removeprefix(bom)
    head = head.lstrip()
    if not head:
        return "empty"
    if head[:1] in (b"{", b"["):
        return "json"
    if _HTML_DOCTYPE.search(head) or (_root_name(head) or "").lower() == "html":
        return "html"
    return "xml" if head[:1] == b"<" else "text"


def _root_name(content: bytes) -> str | None:
    match = _ROOT.search(content[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _bozo_message(exc: object, kind: str, content: bytes) -> str:
    if kind == "text":
        return "not a feed (looks like plain text)"
    if isinstance(exc, xml.sax.SAXParseException):
        return f"malformed XML at line {exc.getLineNumber()}: {exc.getMessage()}"
    root = _root_name(content)
    found = f" (XML root <{root}>)" if root else ""
    return f"not a feed{found}: {_one_line(exc) or 'unreadable'}"
