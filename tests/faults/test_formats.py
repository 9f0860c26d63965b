"""Every feed format feedparser reads, plus JSON Feed, through the whole path: poll → store →
finding → outbox → the console channel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.faults.rig import CONTRADICTION, DENIAL, ORIGINAL, Desk, Item
from tests.faults.test_encoding import json_feed
from tests.feedserver import FeedServer


def link(guid: str) -> str:
    return f"https://wire.example/{guid}"


def iso(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")


def rss_091(*items: Item) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{link(g)}</link>"
        f"<description>{escape(x)}</description></item>"
        for g, t, x, _ in items
    )
    return (
        '<?xml version="1.0" encoding="ISO-8859-1"?>'
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">'
        '<rss version="0.91"><channel><title>Wire</title><link>https://wire.example/</link>'
        f"<description>d</description><language>en</language>{body}</channel></rss>"
    )


def rss_092(*items: Item) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{link(g)}</link>"
        f"<description>{escape(x)}</description></item>"
        for g, t, x, _ in items
    )
    return (
        '<?xml version="1.0"?><rss version="0.92"><channel><title>Wire</title>'
        f"<link>https://wire.example/</link><description>d</description>{body}</channel></rss>"
    )


def rss_10(*items: Item) -> str:
    seq = "".join(f'<rdf:li rdf:resource="{link(g)}"/>' for g, *_ in items)
    body = "".join(
        f'<item rdf:about="{link(g)}"><title>{escape(t)}</title><link>{link(g)}</link>'
        f"<description>{escape(x)}</description><dc:date>{iso(w)}</dc:date></item>"
        for g, t, x, w in items
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://wire.example/rss"><title>Wire</title>'
        "<link>https://wire.example/</link><description>d</description>"
        f"<items><rdf:Seq>{seq}</rdf:Seq></items></channel>{body}</rdf:RDF>"
    )


def rss_20(*items: Item) -> str:
    body = "".join(
        f'<item><guid isPermaLink="false">{g}</guid><title>{escape(t)}</title>'
        f"<link>{link(g)}</link><pubDate>{format_datetime(w)}</pubDate>"
        f"<description>{escape(x)}</description></item>"
        for g, t, x, w in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>https://wire.example/</link><description>d</description>{body}</channel></rss>"
    )


def atom_03(*items: Item) -> str:
    body = "".join(
        f'<entry><title>{escape(t)}</title><link rel="alternate" type="text/html" '
        f'href="{link(g)}"/><id>tag:wire.example,2025:{g}</id><issued>{iso(w)}</issued>'
        f'<modified>{iso(w)}</modified><content type="text/html" mode="escaped">'
        f"{escape(escape(x))}</content></entry>"
        for g, t, x, w in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed version="0.3" '
        'xmlns="http://purl.org/atom/ns#"><title>Wire</title>'
        '<link rel="alternate" type="text/html" href="https://wire.example/"/>'
        f"<modified>2025-07-10T13:00:00Z</modified>{body}</feed>"
    )


def atom_10(*items: Item) -> str:
    body = "".join(
        f'<entry><title>{escape(t)}</title><link href="{link(g)}"/>'
        f"<id>urn:uuid:0000-{g}</id><published>{iso(w)}</published><updated>{iso(w)}</updated>"
        f'<content type="html">{escape("<p>" + escape(x) + "</p>")}</content></entry>'
        for g, t, x, w in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Wire</title><id>urn:uuid:wire</id><updated>2025-07-10T13:00:00Z</updated>"
        f"{body}</feed>"
    )


FORMATS: dict[str, tuple[Callable[..., str], str]] = {
    "rss-0.91": (rss_091, "application/rss+xml"),
    "rss-0.92": (rss_092, "application/rss+xml"),
    "rss-1.0-rdf": (rss_10, "application/rdf+xml"),
    "rss-2.0": (rss_20, "application/rss+xml"),
    "atom-0.3": (atom_03, "application/atom+xml"),
    "atom-1.0": (atom_10, "application/atom+xml"),
    "json-feed-1.1": (json_feed, "application/feed+json"),
}
DATED = {"rss-1.0-rdf", "rss-2.0", "atom-0.3", "atom-1.0", "json-feed-1.1"}


@pytest.mark.parametrize("name", list(FORMATS))
def test_each_format_goes_from_the_feed_to_an_alert(
    tmp_path: Path, feed_server: FeedServer, name: str
) -> None:
    make, content_type = FORMATS[name]
    feed_server.add("/feed", make(ORIGINAL), content_type=content_type)
    desk = Desk(tmp_path, {"Wire": feed_server.url("/feed")})
    first = desk.poll().reports["Wire"]
    assert (first.status, first.new_stories, first.baseline) == ("ok", 1, True), first

    feed_server.touch("/feed", make(ORIGINAL, DENIAL))
    seen = desk.poll()
    assert seen.reports["Wire"].new_stories == 1, seen.reports["Wire"]
    assert seen.console.count(CONTRADICTION) == 1
    assert link("w3") in seen.console
    assert ("10 Jul 2025" if name in DATED else "undated") in seen.console

    stored = desk.stored()
    denial = stored.story("w3")
    assert denial.title == DENIAL[1]
    assert denial.text == DENIAL[2]
    assert denial.published == (DENIAL[3] if name in DATED else None)
    assert stored.kinds()[-1] == "contradiction"
    assert (stored.counts["stories"], stored.counts["sent"], stored.counts["pending"]) == (2, 1, 0)
    assert desk.poll().console == ""  # and never again
    desk.close()
