"""Telegram HTML: escaped feed text, http(s) links only, parts Telegram accepts."""

from __future__ import annotations

import pytest

from bot.adapters.telegram.fake import EntityError, parse_html
from bot.adapters.telegram.render import CAPTION_LIMIT, TEXT_LIMIT, caption, to_html, units
from bot.core.message import Line, Message

NASTY = 'Troops <b>25,000</b> & "more" </a> <i unclosed <script>alert(1)</script> &amp;'


def test_a_title_full_of_markup_is_escaped_and_shown_literally() -> None:
    [part] = to_html(Message(NASTY, (Line("x < y & z", label="<i>"),)))
    assert "<b>25,000</b>" not in part
    assert "&lt;b&gt;25,000&lt;/b&gt; &amp; " in part
    shown = parse_html(part)  # accepted, as Telegram would
    assert shown.splitlines() == [NASTY, "<i>: x < y & z"]


def test_lines_labels_quotes_and_links() -> None:
    message = Message(
        "New figure",
        (Line("25,000 to 30,000", label="Figure"), Line("some 600 killed", quote=True)),
        link="https://example.com/a?b=1&c=2",
    )
    [part] = to_html(message)
    assert part.startswith("<b>New figure</b>\n<b>Figure:</b> 25,000 to 30,000\n")
    assert "<blockquote>some 600 killed</blockquote>" in part
    assert part.endswith(
        '<a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>'
    )
    parse_html(part)


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://x"])
def test_only_web_links_become_anchors(link: str) -> None:
    [part] = to_html(Message("t", link=link))
    assert "<a " not in part
    assert parse_html(part).endswith(link)


def test_a_20000_character_message_is_split_at_line_boundaries() -> None:
    lines = tuple(Line(f"line {i} & <{i}> " + "é" * 80, label=f"L{i}") for i in range(200))
    message = Message("Long digest", lines)
    parts = to_html(message)
    assert len(parts) >= 5
    assert all(units(p) <= TEXT_LIMIT for p in parts)
    shown = "\n".join(parse_html(p) for p in parts)
    assert shown == message.plain()  # nothing lost, nothing added, lines intact


def test_one_over_long_line_is_cut_at_safe_points() -> None:
    text = ("word&word <x> 😀 " * 2000)[:20000]  # emoji: surrogate pairs in UTF-16
    message = Message("t", (Line(text, quote=True), Line("&" * 5000, label="amps")))
    parts = to_html(message)
    assert all(units(p) <= TEXT_LIMIT for p in parts)
    for part in parts:
        parse_html(part)  # every part well formed: tags closed, entities whole
    joined = "".join(parse_html(p) for p in parts).replace("\n", "")
    assert joined.count("😀") == text.count("😀")
    assert joined.count("&") == text.count("&") + 5000


def test_the_checker_itself_refuses_what_telegram_refuses() -> None:
    for bad in ["<b>x", "<b>x</i>", "<script>x</script>", "a < b", "&nbsp;", "AT&T"]:
        with pytest.raises(EntityError):
            parse_html(bad)


def test_a_caption_holds_the_whole_message_or_only_its_title() -> None:
    short = Message("Claim c1", (Line("12,000"),))
    assert caption(short) == ("<b>Claim c1</b>\n12,000", True)
    long = Message("Claim c1 <&>", tuple(Line("x" * 100) for _ in range(30)))
    text, whole = caption(long)
    assert not whole and text == "<b>Claim c1 &lt;&amp;&gt;</b>"
    huge_title, _ = caption(Message("T" * 5000))
    assert units(huge_title) <= CAPTION_LIMIT
    parse_html(huge_title)
