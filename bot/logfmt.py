"""The log line format of the entry points: secrets masked, untrusted text kept on one line.

Log messages quote untrusted text (feed titles, chat arguments, URLs): a newline in it would
start a line that looks like another record, and a bidi override would reorder what a person
reads. :class:`SafeFormatter` escapes those characters in the message (``\\n`` is written as
the two characters ``\\`` ``n``) and masks every secret in the whole formatted record,
traceback included.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import IO

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# C0 and C1 controls, DEL, line and paragraph separators, bidi embeddings, overrides, isolates
# and marks: nothing a log line needs, everything a forged one does.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """``text`` with each unsafe character written as its Python escape (``\\n``, ``\\u202e``)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class SafeFormatter(logging.Formatter):
    """A Formatter that escapes controls in the message and masks ``secrets`` everywhere."""

    def __init__(self, secrets: Sequence[str] = (), fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        # longest first: a URL holding a password is masked whole, not around its password
        self.secrets = sorted((s for s in secrets if len(s) >= 6), key=len, reverse=True)

    def formatMessage(self, record: logging.LogRecord) -> str:
        original = record.message
        record.message = escape_controls(original)
        try:
            return super().formatMessage(record)
        finally:
            record.message = original

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)  # the message, then the traceback and stack, if any
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


def stream_handler(stream: IO[str], secrets: Sequence[str] = ()) -> logging.Handler:
    """The handler ``claimwatch`` logs through."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(SafeFormatter(secrets))
    return handler
