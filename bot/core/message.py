"""Neutral messages: what a reply, an alert or a digest says, before any platform's markup.

Text fields hold plain, untrusted text; each adapter escapes it for its own markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a message: a label (may be empty) and its text, optionally a quote."""

    text: str
    label: str = ""
    quote: bool = False


@dataclass(frozen=True, slots=True)
class Message:
    title: str
    lines: tuple[Line, ...] = ()
    link: str | None = None
    kind: str = "reply"  # "alert", "bundle" (of alerts), "digest" or "reply"
    severity: str | None = None  # a FindingKind value for alerts
    image: bytes | None = field(default=None, repr=False)
    thread_key: str | None = None  # alerts: the claim id, so later findings can join a thread
    # a bundle (kind "bundle"): the alerts it holds, each as it would be sent alone, in order
    parts: tuple[Message, ...] = ()

    def plain(self) -> str:
        """The message as plain text: the fallback every platform can show (a bundle: its
        title, then each alert's text after a blank line)."""
        if self.parts:
            return "\n\n".join([self.title, *(part.plain() for part in self.parts)])
        out = [self.title]
        for line in self.lines:
            text = f"“{line.text}”" if line.quote else line.text
            out.append(f"{line.label}: {text}" if line.label else text)
        if self.link:
            out.append(self.link)
        return "\n".join(out)
