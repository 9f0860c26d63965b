"""A wrong declared charset: the story comes out readable (at worst with U+FFFD), no crash."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.rig import CONTRADICTION, DENIAL, ORIGINAL, Desk, Item, rss
from tests.feedserver import FeedServer

READABLE = "Ukraine’s military intelligence, the GUR"
MOJIBAKE = ("â€", "Ã", "\ufffd")


def json_feed(*items: Item) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Wire",
            "items": [
                {
                    "id": guid,
                    "url": f"https://wire.example/{guid}",
                    "title": title,
                    "content_text": text,
                    "date_published": when.isoformat(),
                }
                for guid, title, text, when in items
            ],
        },
        ensure_ascii=False,
    )


CASES: dict[str, tuple[Callable[..., bytes], str]] = {
    # XML says utf-8, the bytes are cp1252 (a CMS that writes Windows text into a template)
    "xml-says-utf8-bytes-cp1252": (
        lambda *i: rss(*i, encoding="cp1252", declare="utf-8"),
        "application/rss+xml; charset=utf-8",
    ),
    # the HTTP header says latin-1, the body is utf-8 (and says nothing itself)
    "http-says-latin1-body-utf8": (
        lambda *i: rss(*i, encoding="utf-8", declare=None),
        "application/rss+xml; charset=iso-8859-1",
    ),
    # both say latin-1, the body is utf-8
    "both-say-latin1-body-utf8": (
        lambda *i: rss(*i, encoding="utf-8", declare="iso-8859-1"),
        "text/xml; charset=iso-8859-1",
    ),
    # a JSON Feed (UTF-8 by definition) written in cp1252
    "json-feed-in-cp1252": (
        lambda *i: json_feed(*i).encode("cp1252"),
        "application/feed+json",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_wrong_charset_still_gives_a_readable_story_and_its_alert(
    tmp_path: Path, feed_server: FeedServer, case: str
) -> None:
    make, content_type = CASES[case]
    feed_server.add("/wire", make(ORIGINAL), content_type=content_type)
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    assert desk.poll().reports["Wire"].baseline

    feed_server.add("/wire", make(ORIGINAL, DENIAL), content_type=content_type)
    seen = desk.poll()
    assert seen.reports["Wire"].status == "ok", seen.reports["Wire"].error
    assert seen.console.count(CONTRADICTION) == 1
    assert READABLE in seen.console
    assert not any(bad in seen.console for bad in MOJIBAKE)

    stored = desk.stored()
    denial = stored.story(DENIAL[0])
    assert READABLE in denial.text and not any(bad in denial.text for bad in MOJIBAKE)
    assert (stored.counts["stories"], stored.counts["sent"], stored.counts["pending"]) == (2, 1, 0)
    desk.close()


def test_bytes_no_charset_defines_become_replacement_characters_not_a_lost_feed(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    # 0x81 and 0x9d are undefined in cp1252 and invalid in utf-8: at worst U+FFFD, never a crash
    garbled = ("w3", DENIAL[1], DENIAL[2].replace("’", "\x81"), DENIAL[3])
    body = json_feed(ORIGINAL).encode()
    feed_server.add("/wire", body, content_type="application/feed+json")
    desk = Desk(tmp_path, {"Wire": feed_server.url("/wire")})
    desk.poll()
    mixed = json_feed(ORIGINAL, garbled).encode("utf-8").replace("\x81".encode(), b"\x81")
    feed_server.add("/wire", mixed, content_type="application/feed+json")
    seen = desk.poll()
    assert seen.reports["Wire"].new_stories == 1
    assert seen.console.count(CONTRADICTION) == 1
    text = desk.stored().story("w3").text
    assert "Ukraine\ufffds military intelligence" in text
    desk.close()
