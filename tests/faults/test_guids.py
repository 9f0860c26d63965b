"""Story identity: entries without a guid, two entries with one guid, a guid whose text is
edited, and a relative guid in a feed that moves.

What a user expects, and what these tests hold the bot to: a story is alerted on once. Its
identity is its guid, else its link, else a hash of its title and text. An entry republished
under the same guid with edited text is the same story: no second alert, and the stored text
stays the one the alert was made from (an edit that changes a figure is not followed; a
correction published as a new entry is). Two entries sharing one guid are one story: the
earlier published one is kept.
"""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from tests.faults.rig import ANALYST, CONTRADICTION, DENIAL, DISPUTE, ORIGINAL, Desk, Item, rss
from tests.feedserver import FeedServer


def rss_without_guids(*items: Item, links: bool = True) -> bytes:
    body = "".join(
        f"<item><title>{escape(title)}</title>"
        + (f"<link>https://wire.example/{guid}</link>" if links else "")
        + f"<pubDate>{format_datetime(when)}</pubDate>"
        f"<description>{escape(text)}</description></item>"
        for guid, title, text, when in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}'
        "</channel></rss>"
    ).encode()


def test_entries_without_a_guid_are_known_by_their_link(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    # no ETag and no Last-Modified: every poll fetches and parses the whole feed again
    feed_server.add("/wire", rss_without_guids(ORIGINAL), etag=False, send_last_modified=False)
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    assert desk.poll().reports["Wire"].baseline
    feed_server.add(
        "/wire", rss_without_guids(ORIGINAL, DENIAL), etag=False, send_last_modified=False
    )
    first = desk.poll()
    assert first.console.count(CONTRADICTION) == 1
    for _ in range(2):
        again = desk.poll()
        assert again.reports["Wire"].status == "ok" and again.reports["Wire"].new_stories == 0
        assert again.console == ""
    stored = desk.stored()
    assert sorted(s.key for s in stored.stories) == [
        "https://wire.example/w1",
        "https://wire.example/w3",
    ]
    assert (stored.counts["sent"], stored.counts["pending"]) == (1, 0)
    desk.close()


def test_entries_without_a_guid_or_a_link_are_known_by_their_text(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    bare = rss_without_guids(ORIGINAL, links=False)
    feed_server.add("/wire", bare, etag=False, send_last_modified=False)
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    desk.poll()
    both = rss_without_guids(ORIGINAL, DENIAL, links=False)
    feed_server.add("/wire", both, etag=False, send_last_modified=False)
    assert desk.poll().console.count(CONTRADICTION) == 1
    assert desk.poll().console == ""
    stored = desk.stored()
    assert [s.key[:7] for s in stored.stories] == ["sha256:", "sha256:"]
    assert [s.url for s in stored.stories] == ["", ""]  # no link to show, and none invented
    assert (stored.counts["stories"], stored.counts["sent"]) == (2, 1)
    desk.close()


def test_two_entries_with_one_guid_are_one_story_and_one_alert(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.feed("/wire", rss(ORIGINAL))
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    desk.poll()
    twin = ("w3", "GUR repeats: no information", DENIAL[2], DENIAL[3] + timedelta(hours=2))
    feed_server.touch("/wire", rss(ORIGINAL, twin, DENIAL))
    seen = desk.poll()
    assert seen.reports["Wire"].new_stories == 1
    assert seen.console.count(CONTRADICTION) == 1
    stored = desk.stored()
    assert stored.counts["stories"] == 2
    assert stored.story("w3").title == DENIAL[1]  # the earlier one
    assert (stored.counts["sent"], stored.counts["pending"]) == (1, 0)
    desk.close()


def test_an_edited_entry_under_the_same_guid_is_not_a_second_alert(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.feed("/wire", rss(ORIGINAL))
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    desk.poll()
    feed_server.touch("/wire", rss(ORIGINAL, ANALYST))
    assert desk.poll().console.count(DISPUTE) == 1

    edited = (
        "w2",
        "Analyst doubts troop estimate (updated)",
        "North Korea is more likely to send 12,000 to 18,000 additional troops to Russia, an "
        "analyst at the Stimson Center said on Thursday.",
        ANALYST[3],
    )
    feed_server.touch("/wire", rss(ORIGINAL, edited))
    after_edit = desk.poll()
    assert after_edit.reports["Wire"].status == "ok"
    assert after_edit.reports["Wire"].new_stories == 0
    assert after_edit.console == ""
    stored = desk.stored()
    assert stored.story("w2").title == ANALYST[1]  # the text the alert was made from
    assert "10,000 to 20,000" in stored.story("w2").text
    assert (stored.counts["stories"], stored.counts["findings"], stored.counts["sent"]) == (2, 2, 1)
    desk.close()


def test_relative_guids_survive_the_feed_moving(tmp_path: Path, feed_server: FeedServer) -> None:
    """feedparser resolves a guid that is not a URL (``<guid>w1</guid>``, isPermaLink by
    default) against the feed's URL; if the key followed it, a 301 or a mirror would make every
    story in the feed new again and alert on each once more."""
    feed_server.feed("/old/wire", rss(ORIGINAL, ANALYST, DENIAL))
    desk = Desk(tmp_path, {"Wire": feed_server.url("/old/wire")}, severity="corroboration")
    assert desk.poll().reports["Wire"].new_stories == 3
    # the new home and the mirror send no validators: the feed is fetched and parsed each time
    fresh = {"etag": False, "send_last_modified": False}
    feed_server.feed("/new/feeds/wire.xml", rss(ORIGINAL, ANALYST, DENIAL), **fresh)
    feed_server.redirect("/old/wire", "/new/feeds/wire.xml", code=301)
    moved = desk.poll()
    assert moved.reports["Wire"].status == "ok"
    assert moved.reports["Wire"].new_stories == 0 and moved.console == ""
    mirror = f"http://localhost:{feed_server.port}/mirror"
    feed_server.redirect("/new/feeds/wire.xml", mirror, code=302)
    feed_server.feed("/mirror", rss(ORIGINAL, ANALYST, DENIAL), **fresh)
    mirrored = desk.poll()
    assert mirrored.reports["Wire"].status == "ok"
    assert mirrored.reports["Wire"].new_stories == 0 and mirrored.console == ""
    stored = desk.stored()
    assert sorted(s.key for s in stored.stories) == ["w1", "w2", "w3"]
    assert stored.counts["stories"] == 3 and stored.counts["sent"] == 0
    desk.close()
