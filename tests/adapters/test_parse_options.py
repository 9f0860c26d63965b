"""``parse_feed`` asks feedparser not to resolve relative URIs inside entries' HTML (the stories
keep text, never the markup's links; a story's own link is resolved by ``_story``): the stories
are those feedparser's defaults give, field by field, on news feeds with markup of every kind."""

from __future__ import annotations

import io
from html import escape

import feedparser
import pytest

from bot.adapters.feeds.parse import _normalise_entry, _story, parse_feed
from bot.core.model import Story

BASE = "https://wire.example/world/feed.xml"

SUMMARIES = (
    "Some 30,000 troops were sent, officials said.",
    '<p>About <a href="/live/troops">25,000 to 30,000</a> more troops, '
    '<img src="img/map.png" alt="a map of Kursk"> Ukrainian intelligence told CNN.</p>'
    "<p>GUR said it had <em>no information</em> about the plan.</p>",
    '<div><p>Up to 600 killed.</p><span>Related</span><ul><li><a href="../x">Drone strike: '
    '21 killed</a></li><li><a href="y?a=1&amp;b=2">More</a></li></ul></div>',
    "<p>1 < 2 & 3 > 2, the ministry said &mdash; &nbsp;nearly 4,000 wounded</p>",
    "<script>alert('x')</script><style>p{}</style><p>11,000 troops</p><iframe src='/v'>"
    "fallback 15,000</iframe><object data='a.swf'>object text</object><applet>app</applet>",
    "<p>Line one<br>line two<br/>line three</p><!-- a comment --><blockquote cite='/q'>"
    "&#8220;Some 600 killed,&#8221; he said.</blockquote>",
    '<table><tr><td><a href="//cdn.example/a">6,000</a></td><td>killed or wounded</td></tr>'
    "</table><unknown-tag attr=/rel>kept 12 million shells</unknown-tag>",
    "<p>Unclosed <b>bold <i>and italic <a href='rel'>link</p><p>A second paragraph",
    '<svg><a xlink:href="/s">svg 3</a></svg><math><mi>x</mi></math><form action="/f">'
    "<button>Press 9</button></form><video src='v.mp4' poster='p.jpg'>no video</video>",
)


def rss(summaries: tuple[str, ...]) -> bytes:
    items = "".join(
        f"<item><title>Story {n}: 30,000 &amp; more</title><link>/world/{n}</link>"
        f"<guid>story-{n}</guid><pubDate>Mon, 14 Jul 2025 09:{n:02d}:00 GMT</pubDate>"
        f"<description>{escape(summary)}</description></item>"
        for n, summary in enumerate(summaries)
    )
    cdata = "".join(
        f"<item><title>CDATA {n}</title><link>https://wire.example/c/{n}</link>"
        f"<description><![CDATA[{summary}]]></description></item>"
        for n, summary in enumerate(summaries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>https://wire.example/</link>{items}{cdata}</channel></rss>"
    ).encode()


def atom(summaries: tuple[str, ...]) -> bytes:
    entries = "".join(
        f'<entry xml:base="https://wire.example/a/{n}/"><title type="html">'
        f"{escape('<b>Atom</b> ' + str(n))}</title><id>tag:wire.example,2025:{n}</id>"
        f'<link href="story"/><updated>2025-07-14T09:{n:02d}:00Z</updated>'
        f'<content type="html">{escape(summary)}</content>'
        f'<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{n} summary '
        f'<a href="rel/{n}">link</a></div></summary></entry>'
        for n, summary in enumerate(summaries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
        f'xml:base="https://wire.example/"><title>Wire</title>{entries}</feed>'
    ).encode()


def with_defaults(content: bytes) -> list[Story]:
    """What ``parse_feed`` gave with feedparser's default options (its code path after it)."""
    parsed = feedparser.parse(io.BytesIO(content))
    entries = [_normalise_entry(e) for e in parsed["entries"]]
    stories = [_story(e, feed_name="wire", outlet="Wire", base_url=BASE) for e in entries]
    return [s for s in stories if s is not None]


@pytest.mark.parametrize("document", [rss(SUMMARIES), atom(SUMMARIES)], ids=["rss", "atom"])
def test_stories_are_those_of_feedparsers_defaults(document: bytes) -> None:
    parsed = parse_feed(document, feed_name="wire", outlet="Wire", base_url=BASE)
    assert parsed.error is None
    expected = with_defaults(document)
    assert len(parsed.stories) == len(expected) >= len(SUMMARIES)
    for got, want in zip(parsed.stories, expected, strict=True):
        assert got == want  # every field: key, url, title, text (byte for byte), published
    texts = " ".join(s.text for s in parsed.stories)
    assert "alert(" not in texts and "p{}" not in texts  # scripts and styles still dropped
    assert "<" not in " ".join(s.title for s in parsed.stories)
