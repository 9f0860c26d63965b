"""Neutral messages as Slack Block Kit, with every piece of feed text escaped for mrkdwn.

Feed text is untrusted: ``&``, ``<`` and ``>`` are escaped so that ``<!channel>``, ``<@U123>``
or ``<https://evil.example|your bank>`` show literally and ping no one; text objects are
``verbatim`` so Slack does not auto-link bare names or URLs either. The only link markup is the
story link, built here from an http(s) URL. Sections stay within 3,000 characters and a Slack
message within 50 blocks and ``MAX_MESSAGE_TEXT`` characters of text in its blocks, all told:
:func:`to_payloads` splits a longer message into several.

Slack's limits on one ``chat.postMessage``: 50 blocks, 3,000 characters a section and 150 a
header (``invalid_blocks``, documented with Block Kit); the text of all the blocks together
(``msg_blocks_too_long``: undocumented, about 12,000 characters "with a buffer for block
containers", as Slack's staff put it in slackapi/bolt-js#2509, so we stop at 11,000); the
top-level ``text`` is *truncated*, not refused, past 40,000 characters (Slack's changelog
"Truncating really long messages", warning ``message_truncated``), and best kept under 4,000:
ours is the notification fallback, cut at ``MAX_FALLBACK``.

A bundle (``Message.parts``: several alerts for one channel) is a header ("3 alerts"), then
each alert's blocks as it would go alone, after a divider (each alert's buttons with a
``block_id`` of their own: Slack refuses a message that repeats one). :func:`fits` says whether
it goes as one message; a bundle that does not is cut between its alerts, never inside one.
"""

from __future__ import annotations

import re
from typing import Any

from bot.adapters.text import strip_unsafe
from bot.core.message import Message
from bot.core.render import bundle

Block = dict[str, Any]

MAX_SECTION = 3000  # characters of a section's text
MAX_BLOCKS = 50  # blocks in one message
MAX_HEADER = 150  # characters of a header block's plain text
MAX_FALLBACK = 3000  # characters of the notification text we send
MAX_VALUE = 2000  # characters of a button's value
MAX_MESSAGE_TEXT = 11_000  # characters of text in one message's blocks, all told
MAX_BUNDLE_TEXT = MAX_MESSAGE_TEXT  # its name before it applied to every message

MUTE_ACTION = "claimwatch_mute"  # the "Mute this claim" button; its value is the claim id
TIMELINE_ACTION = "claimwatch_timeline"  # the "Show timeline" button; its value is the claim id

_LINK_UNSAFE = re.compile(r"[<>|\s\"]")


def escape(text: str) -> str:
    """Untrusted text as mrkdwn that shows literally: ``&``, ``<``, ``>`` escaped."""
    text = strip_unsafe(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, text: str) -> str | None:
    """``<url|text>`` for an http(s) URL (None for anything else)."""
    if not url.lower().startswith(("http://", "https://")):
        return None
    safe = _LINK_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", strip_unsafe(url))
    return f"<{safe.replace('&', '&amp;')}|{escape(text)}>"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chunks(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut at a space where one is near,
    never inside an ``&amp;``-style entity."""
    out = []
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit)
        if cut <= 0:
            cut = limit
            amp = text.rfind("&", cut - 5, cut)
            if amp != -1 and ";" not in text[amp:cut]:
                cut = amp
        out.append(text[:cut])
        text = text[cut:].lstrip(" ")
    out.append(text)
    return out


def _line(label: str, text: str, quote: bool) -> str:
    body = escape(text)
    if quote:
        body = "\n".join("> " + part for part in (f"“{body}”").split("\n"))
    return f"*{escape(label)}:* {body}" if label else body


def _header(title: str) -> str:
    return _cut(" ".join(strip_unsafe(title).split()), MAX_HEADER) or "claimwatch"


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}


def _button(text: str, action_id: str, value: str) -> Block:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": text, "emoji": False},
        "action_id": action_id,
        "value": value,
    }


def actions(message: Message) -> Block | None:
    """The alert's buttons ("Mute this claim", "Show timeline"), their values the claim id
    (``Message.thread_key``); None for anything but an alert on a claim."""
    claim = " ".join((message.thread_key or "").split())
    if message.kind != "alert" or not claim or len(claim) > MAX_VALUE:
        return None
    return {
        "type": "actions",
        "block_id": "claimwatch_alert",
        "elements": [
            _button("Mute this claim", MUTE_ACTION, claim),
            _button("Show timeline", TIMELINE_ACTION, claim),
        ],
    }


def _bundle_blocks(message: Message) -> list[Block]:
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": _header(message.title), "emoji": False},
        }
    ]
    for number, part in enumerate(message.parts, 1):
        blocks.append({"type": "divider"})
        for block in to_blocks(part)[0]:
            if block.get("block_id"):
                block = {**block, "block_id": f"{block['block_id']}_{number}"}
            blocks.append(block)
    return blocks


def text_size(blocks: list[Block]) -> int:
    """Characters of text in ``blocks`` (sections, headers, context and button labels)."""
    size = 0
    for block in blocks:
        size += len((block.get("text") or {}).get("text", ""))
        for element in block.get("elements", []):
            text = element.get("text")
            size += len(text.get("text", "") if isinstance(text, dict) else text or "")
    return size


def _within(blocks: list[Block]) -> bool:
    return len(blocks) <= MAX_BLOCKS and text_size(blocks) <= MAX_MESSAGE_TEXT


def fits(message: Message) -> bool:
    """Whether the message goes as one Slack message: 50 blocks, ``MAX_MESSAGE_TEXT``."""
    return _within(to_blocks(message)[0])


def to_blocks(message: Message) -> tuple[list[Block], str]:
    """Block Kit (header, sections, context, an alert's buttons) and the plain-text fallback,
    both escaped."""
    if message.parts:
        return _bundle_blocks(message), _cut(escape(message.plain()), MAX_FALLBACK)
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": _header(message.title), "emoji": False},
        }
    ]
    pending = ""
    for line in message.lines:
        for piece in _chunks(_line(line.label, line.text, line.quote), MAX_SECTION):
            if pending and len(pending) + 1 + len(piece) > MAX_SECTION:
                blocks.append(_section(pending))
                pending = ""
            pending = f"{pending}\n{piece}" if pending else piece
    if pending:
        blocks.append(_section(pending))
    context = [escape(message.kind)]
    if message.severity:
        context.append(escape(message.severity.replace("_", " ")))
    story = link(message.link, "Read the story") if message.link else None
    if story and len(story) < MAX_SECTION - 100:
        context.append(story)
    blocks.append(
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": " · ".join(context), "verbatim": True}],
        }
    )
    buttons = actions(message)
    if buttons is not None:
        blocks.append(buttons)
    return blocks, _cut(escape(message.plain()), MAX_FALLBACK)


def _alert_groups(alerts: tuple[Message, ...]) -> list[list[Message]]:
    """A bundle's alerts in runs that each go as one message, in order (a run of one: an
    alert alone)."""
    groups: list[list[Message]] = []
    for alert in alerts:
        if groups and fits(bundle([*groups[-1], alert])):
            groups[-1].append(alert)
        else:
            groups.append([alert])
    return groups


def runs(message: Message) -> list[Message]:
    """A bundle over Slack's limits as the runs of its alerts that each go as one message (a
    bundle of its own, or an alert alone), in order; any other message as it is."""
    if not message.parts or fits(message):
        return [message]
    return [bundle(group) for group in _alert_groups(message.parts)]


def to_payloads(message: Message) -> list[tuple[list[Block], str]]:
    """The message as one or more Slack messages, each within Slack's limits on a whole
    message (50 blocks, ``MAX_MESSAGE_TEXT``): a bundle cut between its alerts (each run a
    bundle of its own, "2 alerts", or an alert alone), anything else between its blocks."""
    blocks, text = to_blocks(message)
    if _within(blocks):
        return [(blocks, text)]
    if message.parts:
        return [p for group in _alert_groups(message.parts) for p in to_payloads(bundle(group))]
    out: list[tuple[list[Block], str]] = []
    part: list[Block] = []
    size = 0
    for block in blocks:  # every block alone is within the limits (a section: 3,000)
        more = text_size([block])
        if part and (len(part) == MAX_BLOCKS or size + more > MAX_MESSAGE_TEXT):
            out.append((part, text if not out else f"{_cut(text, 200)} (part {len(out) + 1})"))
            part, size = [], 0
        part.append(block)
        size += more
    out.append((part, text if not out else f"{_cut(text, 200)} (part {len(out) + 1})"))
    return out
