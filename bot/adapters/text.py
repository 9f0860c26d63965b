"""Untrusted text made safe to show: the characters no chat or terminal should receive.

C0 controls but tab and newline, DEL and the C1 controls (U+009B is CSI on some terminals),
the Arabic letter mark, the left-to-right and right-to-left marks, bidi embeddings, overrides
and isolates are removed; line and paragraph separators become spaces.
"""

from __future__ import annotations

import re

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SEPARATORS = re.compile("[\u2028\u2029]")


def strip_unsafe(text: str) -> str:
    """``text`` without control and direction characters (see the module docstring)."""
    return UNSAFE.sub("", _SEPARATORS.sub(" ", text))
