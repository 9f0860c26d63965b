"""The feeds adapter over a real HTTP server on loopback: fetch, parse, clean text, full text."""

from __future__ import annotations

import email.utils
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from bot.adapters.feeds import (
    USER_AGENT,
    extract_main_text,
    fetch,
    fetch_full_text,
    html_to_text,
    is_url,
    parse_feed,
    parse_retry_after,
    read_path,
    story_key,
)
from tests.feedserver import ClosedPort, FeedServer, feed_server

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>World &amp; Politics</title><link>https://news.example/</link>
<description>Example</description>
<item>
  <title>North Korea to send &lt;b&gt;more&lt;/b&gt; troops</title>
  <link>https://news.example/nk-troops</link>
  <guid isPermaLink="false">nk-1</guid>
  <pubDate>Wed, 02 Jul 2025 14:30:00 +0200</pubDate>
  <description><![CDATA[<p>Between 25,000 and 30,000 troops, says Ukraine&#8217;s
  intelligence &amp; CNN.</p>
  <script>alert("x")</script><style>p { color: red }</style>
  <p>Some 4,000 killed<br/>or wounded.</p>]]></description>
</item>
<item>
  <title>Second story</title>
  <link>/relative/second</link>
  <description>Plain summary with about 11,000 soldiers.</description>
</item>
<item>
  <description>Only text, no title, link or guid.</description>
</item>
</channel></rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <id>urn:wire</id>
  <updated>2025-07-03T10:00:00Z</updated>
  <entry>
    <title type="html">Analyst expects 10,000&amp;ndash;20,000</title>
    <id>urn:wire:1</id>
    <link rel="alternate" href="https://wire.example/a1"/>
    <updated>2025-07-03T12:00:00+02:00</updated>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;An analyst at the Stimson Center
      expects 10,000 to 20,000.&lt;/p&gt;</content>
  </entry>
</feed>
"""

EMPTY_RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet desk</title>
<link>https://quiet.example/</link><description>nothing</description></channel></rss>"""

HTML_PAGE = b"""<!DOCTYPE html><html><head><title>Home</title></head>
<body><h1>Welcome</h1><p>This is a web page, not a feed.</p></body></html>"""

PAGE = (Path(__file__).parent / "article_page.html").read_text(encoding="utf-8")


__all__ = ["feed_server"]  # the fixture, until tests/conftest.py imports it for everyone


# -- fetch ---------------------------------------------------------------------------------


async def test_fetch_returns_body_validators_and_sends_user_agent(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    route = server.feed("/rss.xml", RSS)
    result = await fetch(client, server.url("/rss.xml"))
    assert result.status == "ok"
    assert result.content == RSS
    assert result.http_status == 200
    assert result.etag and result.etag.startswith('"')
    assert result.last_modified == email.utils.formatdate(route.last_modified, usegmt=True)
    assert result.final_url == server.url("/rss.xml")
    assert result.permanent_redirect is False
    assert result.error is None
    sent = server.requests_for("/rss.xml")[0].headers
    assert sent["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("claimwatch/")
    assert "application/rss+xml" in sent["accept"]
    assert "if-none-match" not in sent


async def test_conditional_get_gives_not_modified_and_carries_validators(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.feed("/rss.xml", RSS)
    first = await fetch(client, server.url("/rss.xml"))
    second = await fetch(
        client, server.url("/rss.xml"), etag=first.etag, last_modified=first.last_modified
    )
    assert second.status == "not_modified"
    assert second.content is None
    assert second.http_status == 304
    assert second.etag == first.etag
    assert second.last_modified == first.last_modified
    sent = server.requests_for("/rss.xml")[1].headers
    assert sent["if-none-match"] == first.etag
    assert sent["if-modified-since"] == first.last_modified


async def test_last_modified_alone_gives_not_modified(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.feed("/rss.xml", RSS, etag=False)
    first = await fetch(client, server.url("/rss.xml"))
    assert first.etag is None
    second = await fetch(client, server.url("/rss.xml"), last_modified=first.last_modified)
    assert second.status == "not_modified"
    assert second.last_modified == first.last_modified


async def test_changed_feed_is_fetched_again_despite_old_etag(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.feed("/rss.xml", RSS)
    first = await fetch(client, server.url("/rss.xml"))
    server.touch("/rss.xml", EMPTY_RSS)
    second = await fetch(client, server.url("/rss.xml"), etag=first.etag)
    assert second.status == "ok"
    assert second.content == EMPTY_RSS
    assert second.etag != first.etag


@pytest.mark.parametrize(
    ("code", "permanent"), [(301, True), (308, True), (302, False), (307, False)]
)
async def test_redirects_are_followed_and_permanence_recorded(
    server: FeedServer, client: httpx.AsyncClient, code: int, permanent: bool
) -> None:
    server.feed("/new.xml", RSS)
    server.redirect("/old.xml", "/new.xml", code=code)
    result = await fetch(client, server.url("/old.xml"))
    assert result.status == "ok"
    assert result.content == RSS
    assert result.url == server.url("/old.xml")
    assert result.final_url == server.url("/new.xml")
    assert result.permanent_redirect is permanent


async def test_a_permanent_hop_anywhere_in_a_chain_is_recorded(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.feed("/c.xml", RSS)
    server.redirect("/b.xml", "/c.xml", code=302)
    server.redirect("/a.xml", "/b.xml", code=301)
    result = await fetch(client, server.url("/a.xml"))
    assert (result.status, result.final_url) == ("ok", server.url("/c.xml"))
    assert result.permanent_redirect is True


async def test_redirect_loop_is_a_clean_error(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.redirect("/a.xml", "/b.xml", code=302)
    server.redirect("/b.xml", "/a.xml", code=302)
    result = await fetch(client, server.url("/a.xml"))
    assert (result.status, result.error) == ("error", "too many redirects")


async def test_redirect_to_another_scheme_is_refused(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.redirect("/ftp.xml", "ftp://127.0.0.1/feed.xml", code=302)
    result = await fetch(client, server.url("/ftp.xml"))
    assert result.status == "error"
    assert result.error == "redirected to a non-http(s) URL"


@pytest.mark.parametrize("code", [404, 410, 500])
async def test_http_errors_are_clean(
    server: FeedServer, client: httpx.AsyncClient, code: int
) -> None:
    if code != 404:  # 404 is what the server answers for an unregistered path
        server.status("/feed.xml", code)
    result = await fetch(client, server.url("/feed.xml"))
    assert result.status == "error"
    assert result.error == f"HTTP {code}"
    assert result.http_status == code
    assert result.content is None
    assert result.retry_after_s is None


async def test_connection_refused_is_a_clean_error(client: httpx.AsyncClient) -> None:
    with ClosedPort() as refused:  # held: nothing else can start listening there meanwhile
        result = await fetch(client, f"http://127.0.0.1:{refused.port}/feed.xml")
    assert result.status == "error"
    assert result.error == "connection refused"
    assert result.http_status is None


async def test_only_http_urls_are_fetched(client: httpx.AsyncClient) -> None:
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/x", "/etc/passwd", "feed.xml"):
        result = await fetch(client, url)
        assert (result.status, result.error) == ("error", "not an http(s) URL"), url


async def test_slow_headers_hit_the_overall_deadline(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.feed("/slow.xml", RSS, delay_s=5.0)
    result = await fetch(client, server.url("/slow.xml"), deadline_s=0.3)
    assert (result.status, result.error) == ("error", "timed out after 0.3 s")


async def test_a_trickling_body_hits_the_overall_deadline_not_just_an_idle_timeout(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    # Each chunk arrives well within the client's 10 s read timeout; the whole body would take
    # 60 × 0.5 s = 30 s. Only an overall deadline stops it early. (The bound below is not a
    # speed check: 0.5 s against 30 s leaves a loaded machine 14 s of slack either way.)
    server.feed("/trickle.xml", RSS * 60, chunk_size=len(RSS), chunk_delay_s=0.5)
    started = time.monotonic()
    result = await fetch(client, server.url("/trickle.xml"), deadline_s=0.5)
    assert (result.status, result.error) == ("error", "timed out after 0.5 s")
    assert time.monotonic() - started < 15.0  # abandoned long before the body was complete


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
async def test_huge_body_hits_the_cap(
    server: FeedServer, client: httpx.AsyncClient, declared: bool
) -> None:
    server.huge("/huge.xml", 50_000_000, content_length=declared)
    result = await fetch(client, server.url("/huge.xml"), max_bytes=1_000_000)
    assert (result.status, result.error) == ("error", "response over 1 MB")
    assert result.content is None


async def test_gzip_bomb_hits_the_cap_counted_after_decompression(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.gzip_bomb("/bomb.xml", 100_000_000)
    result = await fetch(client, server.url("/bomb.xml"), max_bytes=2_000_000)
    assert (result.status, result.error) == ("error", "response over 2 MB")


async def test_gzip_body_is_decompressed(server: FeedServer, client: httpx.AsyncClient) -> None:
    server.feed("/gz.xml", RSS, gzip=True)
    result = await fetch(client, server.url("/gz.xml"), max_bytes=len(RSS))
    assert result.status == "ok"
    assert result.content == RSS


@pytest.mark.parametrize("code", [429, 503])
async def test_retry_after_seconds(
    server: FeedServer, client: httpx.AsyncClient, code: int
) -> None:
    server.status("/busy.xml", code, retry_after="120")
    result = await fetch(client, server.url("/busy.xml"))
    assert (result.status, result.error) == ("error", f"HTTP {code}")
    assert result.retry_after_s == 120.0


async def test_retry_after_http_date(server: FeedServer, client: httpx.AsyncClient) -> None:
    # An hour ahead, counted from the wall clock when the answer is read: a minute of slack for
    # a stalled machine between writing the date and reading it (and 1 s for its rounding).
    later = datetime.now(UTC) + timedelta(hours=1)
    server.status("/busy.xml", 503, retry_after=email.utils.format_datetime(later, usegmt=True))
    result = await fetch(client, server.url("/busy.xml"))
    assert result.retry_after_s is not None
    assert 3540.0 <= result.retry_after_s <= 3601.0


def test_parse_retry_after() -> None:
    now = datetime(2025, 7, 2, 12, 0, tzinfo=UTC)
    assert parse_retry_after("30", now=now) == 30.0
    assert parse_retry_after(" 2.5 ", now=now) == 2.5
    assert parse_retry_after("-5", now=now) == 0.0
    assert parse_retry_after("Wed, 02 Jul 2025 12:01:00 GMT", now=now) == 60.0
    assert parse_retry_after("Wed, 02 Jul 2025 11:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after("nan", now=now) is None
    assert parse_retry_after(None, now=now) is None


def test_is_url() -> None:
    assert is_url("https://news.example/rss.xml")
    assert is_url("HTTP://127.0.0.1:8080/feed")
    assert not is_url("feeds/world.xml")
    assert not is_url("/var/feeds/world.xml")
    assert not is_url("file:///var/feeds/world.xml")
    assert not is_url("https://")


def test_read_path(tmp_path: Path) -> None:
    feed = tmp_path / "world.xml"
    feed.write_bytes(RSS)
    result = read_path(feed)
    assert (result.status, result.content, result.error) == ("ok", RSS, None)
    assert result.last_modified is not None

    assert read_path(tmp_path / "missing.xml").error == f"file not found: {tmp_path}/missing.xml"
    assert read_path(feed, max_bytes=100).error == "file over 100 bytes"
    directory = read_path(tmp_path)
    assert directory.status == "error"
    assert directory.error is not None and "directory" in directory.error


# -- parse ---------------------------------------------------------------------------------


def test_parse_rss_cleans_text_and_keeps_feed_order() -> None:
    parsed = parse_feed(RSS, feed_name="world", base_url="https://news.example/rss.xml")
    assert parsed.error is None
    assert parsed.title == "World & Politics"
    first, second, third = parsed.stories
    assert first.key == "nk-1"
    assert (first.feed, first.outlet) == ("world", "world")
    assert first.url == "https://news.example/nk-troops"
    assert first.title == "North Korea to send more troops"
    assert first.text == (
        "Between 25,000 and 30,000 troops, says Ukraine’s intelligence & CNN.\n\n"
        "Some 4,000 killed\nor wounded."
    )
    assert first.published == datetime(2025, 7, 2, 12, 30, tzinfo=UTC)
    assert second.key == second.url == "https://news.example/relative/second"
    assert second.text == "Plain summary with about 11,000 soldiers."
    assert second.published is None
    assert third.title == "" and third.url == ""
    assert third.key == story_key(None, None, "", "Only text, no title, link or guid.")
    assert third.key.startswith("sha256:")


def test_outlet_overrides_feed_name() -> None:
    parsed = parse_feed(RSS, feed_name="world", outlet="Example News")
    assert {(s.feed, s.outlet) for s in parsed.stories} == {("world", "Example News")}


def test_parse_atom_prefers_content_and_converts_to_utc() -> None:
    parsed = parse_feed(ATOM, feed_name="wire")
    assert (parsed.error, parsed.title) == (None, "Atom Wire")
    (story,) = parsed.stories
    assert story.key == "urn:wire:1"
    assert story.url == "https://wire.example/a1"
    assert story.title == "Analyst expects 10,000–20,000"
    assert story.text == "An analyst at the Stimson Center expects 10,000 to 20,000."
    assert story.published == datetime(2025, 7, 3, 10, 0, tzinfo=UTC)
    assert story.published.tzinfo is not None


def test_parse_json_feed() -> None:
    document = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Desk",
      "items": [{"id": 7, "url": "https://json.example/7", "title": "Troops &amp; shells",
                 "content_html": "<p>Up to 12 million shells.</p><script>x()</script>",
                 "date_published": "2025-07-04T09:00:00+03:00"},
                {"id": "8", "content_text": "Fewer than 5 < 6 & plain."}]}"""
    parsed = parse_feed(document, feed_name="json")
    assert (parsed.error, parsed.title) == (None, "JSON Desk")
    first, second = parsed.stories
    assert (first.key, first.url, first.title) == (
        "7",
        "https://json.example/7",
        "Troops &amp; shells",
    )
    assert first.text == "Up to 12 million shells."
    assert first.published == datetime(2025, 7, 4, 6, 0, tzinfo=UTC)
    assert (second.key, second.text) == ("8", "Fewer than 5 < 6 & plain.")


def test_html_page_is_not_a_feed() -> None:
    parsed = parse_feed(HTML_PAGE, feed_name="home")
    assert parsed.error == "not a feed (looks like HTML)"
    assert parsed.stories == []


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "empty document"),
        (b"  \n ", "empty document"),
        (b"just some words, no markup", "not a feed (looks like plain text)"),
        (b'{"hello": "world"}', "not a feed (JSON that is not a JSON Feed)"),
        (
            b"<?xml version='1.0'?><catalog><book>1</book></catalog>",
            "not a feed (XML root <catalog>)",
        ),
    ],
)
def test_what_is_not_a_feed_is_named(content: bytes, error: str) -> None:
    parsed = parse_feed(content, feed_name="x")
    assert (parsed.error, parsed.stories) == (error, [])


def test_malformed_xml_names_the_line() -> None:
    parsed = parse_feed(b'<?xml version="1.0"?>\n<rss>\n<channel <<< </rss>', feed_name="x")
    assert parsed.stories == []
    assert parsed.error is not None
    assert parsed.error.startswith("malformed XML at line 3: ")


def test_empty_feed_is_reported_with_its_title() -> None:
    parsed = parse_feed(EMPTY_RSS, feed_name="quiet")
    assert (parsed.title, parsed.stories, parsed.error) == (
        "Quiet desk",
        [],
        "empty feed: no entries",
    )


def test_recoverable_problems_still_yield_stories() -> None:
    # &nbsp; is not an XML entity: the strict parser fails, feedparser recovers the entries.
    broken = RSS.replace(b"Second story", b"Second&nbsp;story")
    parsed = parse_feed(broken, feed_name="world")
    assert parsed.error is None
    assert [s.title for s in parsed.stories][:2] == [
        "North Korea to send more troops",
        "Second story",
    ]
    # A declared encoding that the bytes contradict: an encoding override, still parsed.
    latin = RSS.replace(b'encoding="utf-8"', b'encoding="us-ascii"').replace(
        b"Second story", "Second stóry".encode()
    )
    parsed = parse_feed(latin, feed_name="world")
    assert parsed.error is None
    assert len(parsed.stories) == 3


def test_story_key_prefers_guid_then_link_then_content_hash() -> None:
    assert story_key(" g-1 ", "https://x.example/1", "T", "text") == "g-1"
    assert story_key(None, "https://x.example/1", "T", "text") == "https://x.example/1"
    assert story_key("", "  ", "T", "text") == story_key(None, None, "T", "text")
    assert story_key(None, None, "T", "text") != story_key(None, None, "T", "other text")
    assert len(story_key(None, None, "T", "text")) == len("sha256:") + 64


def test_missing_guid_falls_back_to_link_then_hash_in_a_feed() -> None:
    feed = b"""<rss version="2.0"><channel><title>t</title>
    <item><title>A</title><link>https://x.example/a</link></item>
    <item><title>B</title><description>no link</description></item></channel></rss>"""
    a, b = parse_feed(feed, feed_name="x").stories
    assert a.key == "https://x.example/a"
    assert b.key == story_key(None, None, "B", "no link")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs &lol9;</title>
<item><guid>l1</guid><title>&lol9;</title><description>before &lol9; after</description></item>
</channel></rss>"""


def test_billion_laughs_does_not_expand() -> None:
    started = time.monotonic()
    parsed = parse_feed(BILLION_LAUGHS, feed_name="laughs")
    # A bomb detector, not a speed check: expanding &lol9; means 10^9 "lol"s.
    assert time.monotonic() - started < 10.0
    texts = [parsed.title or ""] + [s.title + s.text for s in parsed.stories]
    assert all(len(text) < 200 for text in texts), texts
    assert not any("lollol" in text for text in texts), texts


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE rss [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]>',
        b'<!DOCTYPE rss SYSTEM "file:///etc/passwd">',
    ],
    ids=["general-entity", "parameter-entity", "external-dtd"],
)
def test_external_entities_are_not_resolved(doctype: bytes) -> None:
    assert "root:" in Path("/etc/passwd").read_text()  # the secret the attack would leak
    document = (
        b'<?xml version="1.0"?>\n' + doctype + b'\n<rss version="2.0"><channel><title>XXE</title>'
        b"<item><guid>x1</guid><title>leak &xxe;</title><description>&xxe;</description></item>"
        b"</channel></rss>"
    )
    parsed = parse_feed(document, feed_name="xxe")
    everything = repr(parsed)
    assert "root:" not in everything
    assert "/bin/" not in everything


# -- clean text ------------------------------------------------------------------------------


def test_html_to_text() -> None:
    assert html_to_text("<p>One &amp; two</p><p>Three</p>") == "One & two\n\nThree"
    assert html_to_text("a<script>var x = '<p>';</script>b<style>p{}</style>c") == "abc"
    assert html_to_text("line<br>break<br/>again") == "line\nbreak\nagain"
    assert html_to_text("<div>  lots \n of\t space&nbsp;here </div>") == "lots of space here"
    assert html_to_text("x<!-- hidden -->y") == "xy"
    assert html_to_text("<ul><li>600 killed</li><li>4,000 wounded</li></ul>") == (
        "600 killed\n\n4,000 wounded"
    )
    assert html_to_text("25,000&#8211;30,000 troops &lt;est.&gt;") == "25,000–30,000 troops <est.>"
    assert html_to_text("plain\ntext\n\nsecond   paragraph") == "plain text\n\nsecond paragraph"
    assert html_to_text("soft\u00adhy\u200bphen\x00") == "softhyphen"
    assert html_to_text("") == html_to_text("<p></p>") == ""


def test_extract_main_text_keeps_the_article_and_drops_related_and_boilerplate() -> None:
    text = extract_main_text(PAGE, url="https://news.example/world/nk-troops")
    assert text is not None
    assert "between 25,000 and 30,000 additional troops" in text
    assert "no information about plans to increase the troop count to 30,000" in text
    assert "\n\n" in text  # paragraphs separated by blank lines
    for dropped in ("Related articles", "479 drones", "117 drones", "All rights reserved",
                    "Privacy policy", "Politics", "dataLayer", "50% off"):  # fmt: skip
        assert dropped not in text, dropped


def test_related_block_inside_the_article_without_class_names_is_dropped() -> None:
    page = (
        PAGE.replace("</article>", "")
        .replace('<aside class="related-articles">', "<section>")
        .replace("</aside>", '</section><h2>Analysis</h2><p>The 30,000 figure would nearly '
                 "triple the force Pyongyang is believed to have deployed so far.</p></article>")
    )  # fmt: skip
    text = extract_main_text(page)
    assert text is not None
    assert "between 25,000 and 30,000 additional troops" in text
    assert "nearly triple the force" in text
    assert "479 drones" not in text and "Related articles" not in text


def test_a_read_more_line_does_not_swallow_the_rest_of_the_article() -> None:
    page = PAGE.replace("<p>An analyst", "<p>Read more</p><p>An analyst")
    text = extract_main_text(page)
    assert text is not None
    assert "An analyst at the Stimson Center" in text


async def test_fetch_full_text_over_http(server: FeedServer, client: httpx.AsyncClient) -> None:
    server.page(
        "/article.html", PAGE
    )  # on loopback: private addresses allowed (allow_private=True)
    server.add("/data.bin", b"\x00\x01binary", content_type="application/octet-stream")
    text = await fetch_full_text(client, server.url("/article.html"), allow_private=True)
    assert text is not None
    assert "Stimson Center" in text and "479 drones" not in text
    assert "text/html" in server.requests_for("/article.html")[0].headers["accept"]
    assert await fetch_full_text(client, server.url("/missing.html"), allow_private=True) is None
    assert await fetch_full_text(client, server.url("/data.bin"), allow_private=True) is None
    assert (
        await fetch_full_text(
            client, server.url("/article.html"), max_bytes=1_000, allow_private=True
        )
        is None
    )


def test_content_that_looks_like_a_path_is_never_opened() -> None:
    # feedparser.parse(bytes) would open a file of that name; parse_feed hands it a stream.
    parsed = parse_feed(b"/etc/passwd", feed_name="x")
    assert parsed.error == "not a feed (looks like plain text)"
    assert "root:" not in repr(parsed)


def test_feed_server_fixture_records_requests(feed_server: FeedServer) -> None:
    feed_server.feed("/rss.xml", RSS)
    with httpx.Client(trust_env=False) as http:
        first = http.get(feed_server.url("/rss.xml?x=1"), headers={"X-Probe": "yes"})
        again = http.get(
            feed_server.url("/rss.xml"), headers={"If-None-Match": first.headers["ETag"]}
        )
    assert (first.status_code, first.content, again.status_code) == (200, RSS, 304)
    recorded = feed_server.requests_for("/rss.xml")
    assert [r.path for r in recorded] == ["/rss.xml?x=1", "/rss.xml"]
    assert recorded[0].headers["x-probe"] == "yes"


def test_a_related_articles_list_in_a_feed_summary_is_dropped() -> None:
    summary = (
        "<p>North Korea has sent about 15,000 troops to Russia, an official said.</p>"
        "<p>Related articles:</p>"
        '<p><a href="https://x.example/a">Drone strikes close 3 Moscow airports</a></p>'
        '<p><a href="https://x.example/b">Pyongyang to build 1,000 drones a month</a></p>'
    )
    text = html_to_text(summary)
    assert text == "North Korea has sent about 15,000 troops to Russia, an official said."


def test_story_text_and_title_are_bounded() -> None:
    huge = "North Korea sent troops. " * 20_000  # 500,000 characters
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><guid>g1</guid><title>{'Long title ' * 200}</title>"
        f"<description>{huge}</description></item></channel></rss>"
    )
    (story,) = parse_feed(feed.encode(), feed_name="T").stories
    assert len(story.text) <= 100_002 and story.text.endswith(" …")
    assert len(story.title) <= 502
