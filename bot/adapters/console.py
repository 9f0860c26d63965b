"""The console channel: prints neutral messages to a terminal with rich, never as markup.

Feed text is untrusted, so every piece is added as :class:`rich.text.Text` (a story title of
``[bold red]`` stays literal text) and control characters are stripped.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from bot.adapters.text import strip_unsafe
from bot.core.message import Message

_STYLES = {
    "contradiction": "bold red",
    "dispute": "bold yellow",
    "new_figure": "bold cyan",
    "corroboration": "green",
    "new_claim": "magenta",
}


def clean(text: str) -> str:
    """Drop terminal control characters and bidi overrides from untrusted text."""
    return strip_unsafe(text)


class ConsoleChannel:
    """Sends messages to a terminal (or any text stream)."""

    platform = "console"

    def __init__(
        self,
        file: IO[str] | None = None,
        *,
        width: int | None = None,
        chart_dir: Path | None = None,
    ) -> None:
        self.console = Console(file=file, width=width, highlight=False, soft_wrap=False)
        self._ids = itertools.count(1)
        self.chart_dir = chart_dir  # where message images are saved (None: not saved)
        self._charts = itertools.count(1)

    def save_image(self, message: Message) -> Path | None:
        """Write the message's PNG into ``chart_dir``; its path, or None."""
        if message.image is None or self.chart_dir is None:
            return None
        self.chart_dir.mkdir(parents=True, exist_ok=True)
        path = self.chart_dir / f"chart-{next(self._charts)}.png"
        while path.exists():
            path = self.chart_dir / f"chart-{next(self._charts)}.png"
        path.write_bytes(message.image)
        return path

    def show(self, message: Message) -> None:
        """Print the message, saving its chart (if any) first."""
        self.console.print(self.render(message, image_path=self.save_image(message)))

    def render(self, message: Message, *, image_path: Path | None = None) -> Panel:
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
        if message.image is not None:
            body.append("\n" + _image_note(message.image, image_path), style="dim")
        title = Text(clean(message.title), style=_STYLES.get(message.severity or "", "bold"))
        return Panel(body, title=title, title_align="left", expand=True)

    async def send(self, chat: str | None, message: Message) -> str:
        self.show(message)
        return f"console-{next(self._ids)}"


def _image_note(image: bytes, path: Path | None) -> str:
    """ "[chart: 1080×1080 PNG, saved to …]" (the size read from the PNG header)."""
    size = "PNG"
    if image[:8] == b"\x89PNG\r\n\x1a\n" and len(image) >= 24:
        width, height = int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")
        size = f"{width}×{height} PNG"
    where = f", saved to {path}" if path else ""
    return f"[chart: {size}{where}]"
