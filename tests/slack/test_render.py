"""Block Kit rendering: feed text shown literally, limits kept, long messages split."""

from __future__ import annotations

import json

from bot.adapters.slack.render import (
    MAX_BLOCKS,
    MAX_MESSAGE_TEXT,
    MAX_SECTION,
    MUTE_ACTION,
    TIMELINE_ACTION,
    actions,
    escape,
    link,
    text_size,
    to_blocks,
    to_payloads,
)
from bot.core.message import Line, Message

HOSTILE = "<!channel> <!here> <@U123> <https://evil.example|your bank> & co"


def alert(*lines: Line, link: str | None = "https://news.example/a?b=1&c=2") -> Message:
    return Message(
        "≠ Disputed figure: 10,000 to 20,000", lines, link, kind="alert", severity="dispute"
    )


def texts(blocks: list[dict[str, object]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def test_hostile_feed_text_is_escaped_everywhere() -> None:
    blocks, fallback = to_blocks(alert(Line(HOSTILE, label="Claim"), Line(HOSTILE, quote=True)))
    section = blocks[1]["text"]["text"]
    assert "*Claim:* &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;" in section
    assert "&lt;https://evil.example|your bank&gt; &amp; co" in section
    assert "> “&lt;!channel&gt;" in section
    assert blocks[1]["text"]["verbatim"] is True
    assert "<!" not in texts(blocks) and "<@" not in texts(blocks)
    assert "<https://evil" not in fallback and "&lt;!channel&gt;" in fallback


def test_hostile_labels_and_title_cannot_ping() -> None:
    message = Message("<!channel> title", (Line("x", label="<@U1>"),), kind="reply")
    blocks, fallback = to_blocks(message)
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "<!channel> title", "emoji": False},
    }
    assert blocks[1]["text"]["text"] == "*&lt;@U1&gt;:* x"
    assert fallback.startswith("&lt;!channel&gt; title")


def test_the_story_link_is_ours_and_only_http() -> None:
    blocks, _ = to_blocks(alert(Line("x")))
    context = blocks[-1]["elements"][0]["text"]
    assert context == "alert · dispute · <https://news.example/a?b=1&amp;c=2|Read the story>"
    assert link("javascript:alert(1)", "x") is None
    assert link("https://e.example/a|b>c <d", "t&") == "<https://e.example/a%7Cb%3Ec%20%3Cd|t&amp;>"
    blocks, _ = to_blocks(alert(Line("x"), link=None))
    assert "<" not in blocks[-1]["elements"][0]["text"]


def test_control_characters_and_bidi_overrides_are_dropped() -> None:
    assert escape("a\x00b\u202ec\td\ne") == "abc\td\ne"


def test_sections_stay_within_3000_characters() -> None:
    long = ("word " * 1000) + ("&" * 2000)  # 5,000 + 2,000 characters; & grows 5×
    blocks, _ = to_blocks(alert(*[Line(long, label=f"L{i}") for i in range(3)]))
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert all(len(s) <= MAX_SECTION for s in sections)
    joined = "".join(sections)
    assert joined.count("&amp;") == 3 * 2000  # no entity cut in half
    assert joined.count("word") == 3 * 1000


def test_short_lines_share_a_section() -> None:
    blocks, _ = to_blocks(alert(Line("one", label="A"), Line("two", label="B")))
    assert [b["type"] for b in blocks] == ["header", "section", "context"]
    assert blocks[1]["text"]["text"] == "*A:* one\n*B:* two"


def test_a_message_over_50_blocks_or_11000_characters_is_split_into_several() -> None:
    lines = tuple(Line("x" * 2900, label=str(i)) for i in range(120))
    payloads = to_payloads(Message("Digest", lines, kind="digest"))
    assert len(payloads) == 40  # three sections of 2,900 characters a message, not 50 blocks
    assert all(len(blocks) <= MAX_BLOCKS for blocks, _ in payloads)
    assert all(text_size(blocks) <= MAX_MESSAGE_TEXT for blocks, _ in payloads)
    assert sum(len(b) for b, _ in payloads) == 1 + 120 + 1
    assert payloads[1][1].endswith("(part 2)")
    assert to_payloads(alert(Line("short"))) == [to_blocks(alert(Line("short")))]


def test_an_alert_on_a_claim_carries_mute_and_timeline_buttons() -> None:
    message = Message("‼ Contradiction", (Line("x"),), kind="alert", thread_key="dprk-troops")
    blocks, _ = to_blocks(message)
    assert blocks[-1]["type"] == "actions"
    assert [(e["text"]["text"], e["action_id"], e["value"]) for e in blocks[-1]["elements"]] == [
        ("Mute this claim", MUTE_ACTION, "dprk-troops"),
        ("Show timeline", TIMELINE_ACTION, "dprk-troops"),
    ]
    assert actions(Message("reply", kind="reply", thread_key="dprk-troops")) is None
    assert actions(alert(Line("x"))) is None  # no claim id: no buttons
