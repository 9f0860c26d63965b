"""A bundle: several alerts for one chat as one neutral message (bot.core.render.bundle)."""

from __future__ import annotations

import pytest

from bot.core.render import bundle, render_alert

BASE = {"claim": "c1", "figure": {"text": "6,000"}, "sentence": "It said 6,000.", "outlet": "Wire"}


def test_a_lone_alert_is_the_alert_itself() -> None:
    payload = {**BASE, "kind": "new_figure"}
    assert bundle([render_alert(payload)]) == render_alert(payload)


def test_a_bundle_holds_each_alert_as_it_is_alone_under_a_short_header() -> None:
    payloads = [{**BASE, "kind": "new_figure"}, {**BASE, "kind": "contradiction", "claim": "c2"}]
    message = bundle([render_alert(p) for p in payloads])
    assert message.title == "2 alerts" and message.kind == "bundle"
    assert message.parts == tuple(render_alert(p) for p in payloads)
    assert message.severity == "contradiction"  # the gravest
    assert message.thread_key is None  # two claims: no one thread
    assert bundle([render_alert(payloads[0])] * 2).thread_key == "c1"
    parts = message.plain().split("\n\n")
    assert parts == ["2 alerts", *(render_alert(p).plain() for p in payloads)]


def test_a_bundle_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        bundle([])
