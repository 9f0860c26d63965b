"""Malformed XML that still has entries: the stories it does have go the whole way."""

from __future__ import annotations

from collections.abc import Callable
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.faults.rig import CONTRADICTION, DENIAL, ORIGINAL, Desk, Item
from tests.feedserver import FeedServer


def sloppy_item(item: Item) -> str:
    guid, title, text, when = item
    # a bare "&", an unclosed <br>, an undefined entity: what hand-rolled feeds are made of
    return (
        f"<item><guid>{guid}</guid><title>{title} & more&nbsp;</title>"
        f"<link>https://wire.example/{guid}</link><pubDate>{format_datetime(when)}</pubDate>"
        f"<description>{text}<br></description></item>"
    )


HEAD = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
BROKEN: dict[str, Callable[[str], str]] = {
    "bare-ampersands-and-unclosed-tags": lambda items: HEAD + items + "</channel></rss>",
    "cut-off-mid-document": lambda items: HEAD + items + "<item><title>Half an ite",
    "junk-after-the-root": lambda items: HEAD + items + "</channel></rss><rss><oops>",
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_malformed_xml_with_entries_reaches_the_store_and_the_user(
    tmp_path: Path, feed_server: FeedServer, case: str
) -> None:
    make = BROKEN[case]
    feed_server.feed("/wire", make(sloppy_item(ORIGINAL)))
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    first = desk.poll().reports["Wire"]
    assert first.status == "ok" and first.baseline and first.new_stories >= 1, first

    feed_server.touch("/wire", make(sloppy_item(ORIGINAL) + sloppy_item(DENIAL)))
    seen = desk.poll()
    assert seen.reports["Wire"].status == "ok" and seen.reports["Wire"].error is None
    assert seen.console.count(CONTRADICTION) == 1
    assert "no information about plans" in seen.console

    stored = desk.stored()
    denial = stored.story("w3")
    assert denial.title.startswith(DENIAL[1]) and "& more" in denial.title
    assert "no information about plans" in denial.text
    assert stored.feeds[feed_server.url("/wire")].last_error is None
    assert (stored.counts["sent"], stored.counts["pending"]) == (1, 0)
    desk.close()


def test_xml_too_broken_for_any_entry_is_an_error_the_feed_keeps(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.feed("/wire", HEAD + "".join(sloppy_item(ORIGINAL)))
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    desk.poll()
    feed_server.touch("/wire", "<rss><channel><<<<")
    broken = desk.poll()
    assert broken.reports["Wire"].status == "error" and broken.console == ""
    state = desk.stored().feeds[feed_server.url("/wire")]
    assert state.error_count == 1 and state.last_error and "XML" in state.last_error
    assert desk.stored().counts["stories"] == 1  # what was learned stays
    desk.close()
