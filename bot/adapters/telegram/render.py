"""Neutral messages as Telegram HTML, split into parts Telegram accepts.

Every piece of feed text is escaped with :func:`html.escape`; only ``http(s)`` links become
``<a href>``. A part is at most 4,096 UTF-16 code units *of HTML source* (Telegram counts the
text after entity parsing, which is never longer), so each part is accepted as it is. Parts
are cut between lines; a single over-long line is cut inside its text, never inside a tag,
an entity or a character (a surrogate pair in Telegram's UTF-16 count), and its tags are
closed at the cut and reopened in the next part.

A bundle (``Message.parts``: several alerts for one chat) is its bold header ("3 alerts"),
then each alert exactly as it would go alone, after a rule line. It goes as one message when
its text *after* entity parsing is within 4,096 units (:func:`fits`), as Telegram counts.

Link previews (:func:`link_preview`): Telegram previews the first URL of a message, under all
of it, unless told which. A lone alert previews its story, named (a URL quoted from the feed
may come first in its text); a bundle would show its first story's card under every alert, as
if it belonged to the last, so a bundle previews a story only when all its alerts come from
it, and otherwise shows none.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.adapters.text import strip_unsafe
from bot.core.message import Message

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
RULE = "─" * 12  # between the alerts of a bundle: narrow enough for a phone's line

_TAG = re.compile(r"<[^>]*>")

# Telegram notifies a user named in any message text ("@chief_editor"), whatever the parse
# mode: a word joiner after the @ keeps feed text from pinging anyone, and is invisible.
_MENTION = re.compile(r"@(?=\w)")

# A block is one line of the message: (open tag, plain text, close tag) segments.
Segment = tuple[str, str, str]
Block = list[Segment]


def units(text: str) -> int:
    """Length in UTF-16 code units, the way Telegram counts."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def clean(text: str) -> str:
    """Untrusted text without control or direction characters, and mentioning nobody."""
    return _MENTION.sub("@\u2060", strip_unsafe(text))


def is_web_link(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://"))


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _blocks(message: Message) -> list[Block]:
    if message.parts:
        blocks: list[Block] = [[("<b>", clean(message.title) or "…", "</b>")]]
        for part in message.parts:
            blocks.append([("", RULE, "")])
            blocks += _blocks(part)
        return blocks
    blocks = [[("<b>", clean(message.title) or "…", "</b>")]]
    for line in message.lines:
        block: Block = []
        if line.label:
            block.append(("<b>", clean(line.label) + ":", "</b>"))
        if line.quote:
            if block:
                block.append(("", "\n", ""))
            block.append(("<blockquote>", clean(line.text), "</blockquote>"))
        else:
            block.append(("", (" " if block else "") + clean(line.text), ""))
        blocks.append(block)
    if message.link:
        link = _web_link(message.link)
        if link:
            href = html.escape(link, quote=True)
            blocks.append([(f'<a href="{href}">', link, "</a>")])
        else:  # javascript:, data:, … stay visible text, never a link
            blocks.append([("", strip_unsafe(message.link).strip(), "")])
    return blocks


def _web_link(url: str | None) -> str | None:
    """The message's link as it is shown and linked (None: not an http(s) link)."""
    link = strip_unsafe(url or "").strip()
    return link if is_web_link(link) and not any(c.isspace() for c in link) else None


@dataclass(frozen=True)
class LinkPreview:
    """The Bot API's ``link_preview_options``: a preview of ``url``, or none (``is_disabled``)."""

    url: str | None = None
    is_disabled: bool = False


def link_preview(message: Message) -> LinkPreview | None:
    """How ``message`` previews a link: a lone alert its story's (named: Telegram's default is
    the first URL in the text, which may be one quoted from the feed); a bundle its story's
    when all its alerts come from one story, else none; anything else None (the default)."""
    if not message.parts:
        story = _web_link(message.link) if message.kind == "alert" else None
        return LinkPreview(url=story) if story else None
    links = {_web_link(part.link) for part in message.parts}
    story = links.pop() if len(links) == 1 else None
    return LinkPreview(url=story) if story else LinkPreview(is_disabled=True)


def _render(block: Block) -> str:
    return "".join(o + _esc(t) + c for o, t, c in block if t)


def _fit(text: str, budget: int) -> int:
    """How many characters of ``text`` fit in ``budget`` units once escaped (at least 1),
    preferring to stop after a space or newline."""
    used = n = 0
    for ch in text:
        cost = units(_esc(ch))
        if used + cost > budget:
            break
        used += cost
        n += 1
    if n == 0:
        return 1
    if n < len(text):
        cut = max(text.rfind(" ", 0, n), text.rfind("\n", 0, n))
        if cut >= n // 2:
            return cut + 1
    return n


def _hard_split(block: Block, limit: int) -> Iterator[str]:
    """Pieces of one over-long block, each at most ``limit`` units, tags closed in each."""
    piece, used = "", 0
    for open_, text, close in block:
        if units(open_) + units(close) > limit // 4:  # a monster href: keep it as text
            open_, close = "", ""
        overhead = units(open_) + units(close)
        while text:
            room = limit - used - overhead
            if room < 16 and piece:  # not worth starting the segment here
                yield piece
                piece, used = "", 0
                continue
            n = _fit(text, room)
            chunk = open_ + _esc(text[:n]) + close
            text = text[n:]
            piece += chunk
            used += units(chunk)
            if text:
                yield piece
                piece, used = "", 0
    if piece:
        yield piece


def shown_units(source: str) -> int:
    """UTF-16 units of the text Telegram shows for our HTML ``source`` (tags dropped, entities
    decoded): what its 4,096 limit counts."""
    return units(html.unescape(_TAG.sub("", source)))


def fits(message: Message, *, limit: int = TEXT_LIMIT) -> bool:
    """Whether the message goes as one Telegram text message (no photo)."""
    return message.image is None and len(to_html(message, limit=limit)) == 1


def to_html(message: Message, *, limit: int = TEXT_LIMIT) -> list[str]:
    """The message as Telegram HTML parts, each within ``limit`` UTF-16 units (of HTML source;
    a bundle whose shown text is within ``limit`` is one part)."""
    if message.parts:
        one = "\n".join(r for r in map(_render, _blocks(message)) if r)
        if shown_units(one) <= limit:
            return [one]
    parts: list[str] = []
    current = ""
    for block in _blocks(message):
        rendered = _render(block)
        if not rendered:
            continue
        joined = f"{current}\n{rendered}" if current else rendered
        if units(joined) <= limit:
            current = joined
            continue
        if current:
            parts.append(current)
        current = rendered
        if units(rendered) > limit:
            *whole, current = list(_hard_split(block, limit))
            parts.extend(whole)
    if current:
        parts.append(current)
    return parts


def caption(message: Message) -> tuple[str, bool]:
    """A photo caption within 1,024 units, and whether it holds the whole message (if not,
    the text goes in messages of its own and the caption is only the title)."""
    whole = to_html(message, limit=CAPTION_LIMIT)
    if len(whole) == 1:
        return whole[0], True
    title = to_html(Message(message.title), limit=CAPTION_LIMIT)
    return title[0], False
