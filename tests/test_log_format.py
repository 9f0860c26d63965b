"""M3 and L2: a log line holds one record, and no secret, whatever the untrusted text says."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.chat import answer
from bot.logfmt import escape_controls, stream_handler
from bot.service import Service
from tests.test_netguard import service, text_of

__all__ = ["service"]  # the fixture, shared with tests/test_netguard.py

FORGED = "2026-11-24 12:00:00,000 CRITICAL bot.service: admin token rotated, see http://evil"


@pytest.fixture
def logged() -> Iterator[io.StringIO]:
    """What the root logger writes through claimwatch's handler (secret: s3cr3t-token-123)."""
    out = io.StringIO()
    handler = stream_handler(out, ["s3cr3t-token-123"])
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield out
    root.removeHandler(handler)
    root.setLevel(old_level)


def test_a_newline_in_a_chat_argument_cannot_forge_a_log_record(
    service: Service, logged: io.StringIO
) -> None:
    text = f'/addfeed "http://10.0.0.1/feed\n{FORGED}"'
    reply = text_of(answer(service, text, channel_id="desk", user_id="alice"))
    assert "Feed not added" in reply
    lines = logged.getvalue().splitlines()
    assert lines, "the refusal was logged"
    assert not any(line.startswith("2026-11-24 12:00:00,000 CRITICAL") for line in lines)
    assert all(" INFO " in line or " WARNING " in line for line in lines)


def test_controls_and_bidi_marks_are_escaped_in_the_message(logged: io.StringIO) -> None:
    logging.getLogger("bot.feeds").warning("title %s", "a\nb\r\x1b[31mc\u202ed\u2028e\x85")
    [line] = logged.getvalue().splitlines()
    assert line.endswith("title a\\nb\\r\\x1b[31mc\\u202ed\\u2028e\\x85")
    assert escape_controls("plain – “quotes”, 600 killed") == "plain – “quotes”, 600 killed"


def test_secrets_are_masked_in_the_traceback_too(logged: io.StringIO) -> None:
    try:
        raise RuntimeError("The token `s3cr3t-token-123` was rejected by the server.")
    except RuntimeError:
        logging.getLogger("bot.telegram").exception("update failed for s3cr3t-token-123")
    text = logged.getvalue()
    assert "s3cr3t-token-123" not in text
    assert "update failed for ***" in text
    assert "RuntimeError: The token `***` was rejected" in text
