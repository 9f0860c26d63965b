"""Conditional GET when the server changes its mind about validators."""

from __future__ import annotations

from pathlib import Path

from tests.faults.rig import ANALYST, DENIAL, ORIGINAL, Desk, rss
from tests.feedserver import FeedServer


def test_a_dropped_etag_is_forgotten_and_the_next_request_is_unconditional(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.feed("/wire.rss", rss(ORIGINAL, ANALYST))
    url = feed_server.url("/wire.rss")
    desk = Desk(tmp_path, {"Wire": url})

    assert desk.poll().reports["Wire"].baseline
    learned = desk.stored().feeds[url]
    assert learned.etag and learned.last_modified
    assert desk.poll().reports["Wire"].status == "not_modified"
    assert feed_server.requests_for("/wire.rss")[-1].headers["if-none-match"] == learned.etag

    # The server is replaced by one that sends no validators at all (a CDN change, say).
    feed_server.add(
        "/wire.rss", rss(ORIGINAL, ANALYST, DENIAL), etag=False, send_last_modified=False
    )
    changed = desk.poll()
    assert changed.reports["Wire"].new_stories == 1
    assert changed.console.count("‼ Contradiction") == 1
    forgotten = desk.stored().feeds[url]
    assert (forgotten.etag, forgotten.last_modified) == (None, None)

    again = desk.poll()
    sent = feed_server.requests_for("/wire.rss")[-1].headers
    assert "if-none-match" not in sent and "if-modified-since" not in sent
    assert again.reports["Wire"].status == "ok" and again.reports["Wire"].new_stories == 0
    assert again.console == ""  # the same stories, fetched whole, alert no one twice
    stored = desk.stored()
    assert (stored.counts["stories"], stored.counts["sent"], stored.counts["pending"]) == (3, 1, 0)
    desk.close()


def test_an_etag_that_comes_back_is_used_again(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.add("/wire.rss", rss(ORIGINAL), etag=False, send_last_modified=False)
    url = feed_server.url("/wire.rss")
    desk = Desk(tmp_path, {"Wire": url})
    desk.poll()
    assert desk.stored().feeds[url].etag is None
    feed_server.add("/wire.rss", rss(ORIGINAL))  # validators again
    assert desk.poll().reports["Wire"].status == "ok"
    assert desk.poll().reports["Wire"].status == "not_modified"
    assert (
        desk.stored().feeds[url].etag
        == feed_server.requests_for("/wire.rss")[-1].headers["if-none-match"]
    )
    assert desk.stored().counts["stories"] == 1
    desk.close()
