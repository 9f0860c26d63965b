"""The console channel: prints neutral messages to a terminal with rich, never as markup.

Feed text is untrusted, so every piece is added as :class:`rich.text.Text` (a story title of
``[bold red]`` stays literal text) and control characters are stripped.
"""

from __future__ import annotations

import itertools
import re
from typing import IO

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from bot.core.message import Message

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_STYLES = {
    "contradiction": "bold red",
    "dispute": "bold yellow",
    "new_figure": "bold cyan",
    "corroboration": "green",
    "new_claim": "magenta",
}


def clean(text: str) -> str:
    """Drop terminal control characters and bidi overrides from untrusted text."""
    return _CONTROL.sub("", text)


class ConsoleChannel:
    """Sends messages to a terminal (or any text stream)."""

    platform = "console"

    def __init__(self, file: IO[str] | None = None, *, width: int | None = None) -> None:
        self.console = Console(file=file, width=width, highlight=False, soft_wrap=False)
        self._ids = itertools.count(1)

    def render(self, message: Message) -> Panel:
        body = Text()
        for i, line in enumerate(message.lines):
            if i:
                body.append("\n")
            if line.label:
                body.append(clean(line.label) + ": ", style="bold")
            body.append(
                clean(f"“{line.text}”" if line.quote else line.text),
                style="italic" if line.quote else "",
            )
        if message.link:
            body.append("\n" + clean(message.link), style="underline blue")
        title = Text(clean(message.title), style=_STYLES.get(message.severity or "", "bold"))
        return Panel(body, title=title, title_align="left", expand=True)

    async def send(self, chat: str | None, message: Message) -> str:
        self.console.print(self.render(message))
        return f"console-{next(self._ids)}"
