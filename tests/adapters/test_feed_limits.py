"""M4 and L1: what one feed document can make the bot store and show is bounded."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bot.adapters.feeds import parse_feed, read_feed
from bot.adapters.feeds.parse import MAX_ENTRIES, MAX_KEY


def rss(items: str) -> bytes:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'
    ).encode()


def item(i: int, *, guid: str | None = None, link: str | None = None) -> str:
    guid_tag = f"<guid>{guid}</guid>" if guid is not None else ""
    link = link if link is not None else f"https://n.example/{i}"
    return (
        f"<item><title>Troops {i}</title><link>{link}</link>{guid_tag}"
        f"<description>Some {i} troops were killed, officials said.</description></item>"
    )


async def test_only_the_first_entries_of_a_huge_feed_are_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(rss("".join(item(i) for i in range(MAX_ENTRIES + 700))))
    with caplog.at_level(logging.INFO):
        read = await read_feed(None, str(path), feed_name="big")
    assert len(read.stories) == MAX_ENTRIES == 500
    assert read.stories[0].title == "Troops 0" and read.stories[-1].title == "Troops 499"
    assert "1200 entries, only the first 500 are read" in caplog.text


def test_a_json_feed_is_capped_too() -> None:
    items = ",".join(
        f'{{"id": "{i}", "url": "https://n.example/{i}", "title": "T{i}"}}' for i in range(600)
    )
    doc = f'{{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{items}]}}'
    assert len(parse_feed(doc.encode(), feed_name="j").stories) == MAX_ENTRIES


def test_a_huge_guid_becomes_a_hash_and_a_huge_link_is_dropped() -> None:
    big = "https://news.example/" + "a" * 2_000_000
    [story] = parse_feed(rss(item(1, guid=big, link=big)), feed_name="w").stories
    assert story.key.startswith("sha256:") and len(story.key) == 71
    assert story.url == ""
    [same] = parse_feed(rss(item(1, guid=big, link=big)), feed_name="w").stories
    assert same.key == story.key  # still the story's identity: the next poll knows it
    ok = "g" * MAX_KEY
    [kept] = parse_feed(rss(item(2, guid=ok)), feed_name="w").stories
    assert kept.key == ok and kept.url == "https://n.example/2"


@pytest.mark.parametrize(
    "link",
    [
        "https://news.example/a\n\u202e<b>x</b> & @admin",
        "https://news.example/a\tb",
        "https://news.example/a b",
        "https://news.example/\u2066x",
        "https://news.example/\u2028x",
        "https://news.example/\x85x",
        "http://[bad",
    ],
)
def test_a_link_with_whitespace_controls_or_bidi_marks_is_not_kept(link: str) -> None:
    doc = json.dumps(
        {"version": "https://jsonfeed.org/version/1.1", "title": "J",
         "items": [{"id": "1", "url": link, "title": "T"}]}
    )  # fmt: skip
    [story] = parse_feed(doc.encode(), feed_name="j").stories
    assert story.url == ""
