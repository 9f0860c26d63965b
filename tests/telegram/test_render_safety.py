"""M6, L4, L6, L1: feed text reaching chats pings nobody and carries no control or bidi mark."""

from __future__ import annotations

import io
import json

import pytest

from bot.adapters.console import ConsoleChannel
from bot.adapters.slack.render import to_payloads
from bot.adapters.telegram.fake import FakeBotAPI, parse_html
from bot.adapters.telegram.render import to_html
from bot.adapters.telegram.sender import TelegramSender
from bot.core.message import Line, Message

UNSAFE = ["\u200e", "\u200f", "\u061c", "\u2028", "\u2029", "\x85", "\x9b", "\x1b", "\u202e"]
EVIL = "Chief says @chief_editor \u200fRLM\u061c \x9b2J\x1b[2J \u202eRTL\u2028next\x85 @everyone"


def evil_message(link: str | None = "https://news.example/a") -> Message:
    return Message(EVIL, (Line(EVIL, label=EVIL), Line(EVIL, quote=True)), link=link)


def test_telegram_html_mentions_nobody_and_carries_no_unsafe_character() -> None:
    [html] = to_html(evil_message())
    text = parse_html(html)
    assert "@chief_editor" not in text and "@everyone" not in text
    assert "@\u2060chief_editor" in text  # still reads "@chief_editor": the joiner is invisible
    assert not [c for c in UNSAFE if c in text]


def test_a_link_with_whitespace_is_shown_as_text_never_as_an_href() -> None:
    [html] = to_html(evil_message(link="https://news.example/a\n<b>x</b> & @admin"))
    assert "<a href" not in html


@pytest.mark.parametrize("char", UNSAFE)
def test_slack_and_console_drop_each_unsafe_character(char: str) -> None:
    message = Message(f"a{char}b", (Line(f"c{char}d", label=f"e{char}f"),))
    for blocks, fallback in to_payloads(message):
        assert char not in json.dumps(blocks, ensure_ascii=False) and char not in fallback
    out = io.StringIO()
    ConsoleChannel(out, width=100).show(message)
    assert char not in out.getvalue()


async def test_the_plain_text_fallback_is_cleaned_too(
    fake_api: FakeBotAPI, sender: TelegramSender
) -> None:
    fake_api.fail("100", 400, "Bad Request: can't parse entities: unsupported start tag")
    await sender.send("100", evil_message())
    [plain] = fake_api.sent_to("100")
    assert plain.parse_mode is None  # the resend, as plain text
    assert "@chief_editor" not in plain.text
    assert not [c for c in UNSAFE if c in plain.text]
