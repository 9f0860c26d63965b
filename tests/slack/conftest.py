"""The fake Slack Web API (bot/adapters/slack/fake.py) as a fixture."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.adapters.slack.fake import FakeSlack


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake
