"""M2: summaries that used to crash the "related articles" filter, read through a real file."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from bot.adapters.feeds import parse, read_feed
from bot.adapters.html import html_to_text

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>North Korea to send 30,000 troops</title><link>https://example.com/a</link>
<description>Some 30,000 troops, officials said.</description></item>
<item><title>Other</title><link>https://example.com/b</link>
<description>{summary}</description></item>
</channel></rss>"""


def escaped(html: str) -> str:
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.parametrize(
    "summary",
    [
        '<span>Related</span><ul><li><a href="/x">x</a></li></ul>',
        "<b>Read more</b><ol><li>one</li></ol>",
        '<div>Most read</div><ul><li><a href="/y">y</a></li></ul>',
    ],
)
async def test_a_related_block_at_the_top_of_a_summary_does_not_break_the_feed(
    tmp_path: Path, summary: str
) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(FEED.format(summary=escaped(summary)))
    read = await read_feed(None, str(path), feed_name="wire")
    assert read.error is None
    assert [s.title for s in read.stories] == ["North Korea to send 30,000 troops", "Other"]
    assert read.stories[0].text == "Some 30,000 troops, officials said."
    assert read.stories[1].text == ""  # the related block, and nothing else, is gone


@pytest.mark.parametrize(
    "html",
    [
        "<span>Related</span> 600 killed, officials said",
        "<div><span>Related</span> 600 killed, officials said</div>",
        "<p>Intro.</p><div><b>See also</b> 600 killed, officials said</div>",
    ],
)
def test_prose_after_a_related_word_in_the_summary_is_kept(html: str) -> None:
    assert html_to_text(html).endswith("600 killed, officials said")


def test_a_related_block_inside_a_wrapper_is_still_dropped() -> None:
    html = (
        "<p>Some 600 killed.</p><div><div><h3>Related</h3><ul><li><a href='/a'>479 drones</a>"
        "</li></ul></div></div>"
    )
    assert html_to_text(html) == "Some 600 killed."


async def test_a_cleaner_that_fails_costs_one_text_not_the_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(html: str) -> str:
        raise AssertionError("a bug in html_to_text")

    monkeypatch.setattr(parse, "html_to_text", broken)
    path = tmp_path / "wire.xml"
    path.write_text(FEED.format(summary=escaped("<p>Some <b>600</b> killed &amp; more</p>")))
    read = await read_feed(None, str(path), feed_name="wire")
    assert read.error is None and len(read.stories) == 2
    assert read.stories[1].text == "Some 600 killed & more"


def test_whitespace_is_collapsed_at_every_character_a_regex_calls_space() -> None:
    """html_to_text collapses runs with str.split(): that splits at exactly the characters `\\s`
    matches (so the text is the same as with `re.sub(r"\\s+", " ", line).strip()`)."""
    space = re.compile(r"\s")
    assert all(bool(space.fullmatch(c)) == c.isspace() for c in map(chr, range(sys.maxunicode + 1)))
    odd = "\u00a0 about\u2003\u2003 4,000\t\u3000troops \u2028"
    assert html_to_text(f"<p>{odd}</p><p>x<br>{odd}</p>") == (
        "about 4,000 troops\n\nx\nabout 4,000 troops"
    )
