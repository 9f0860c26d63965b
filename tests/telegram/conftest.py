"""A Service whose Telegram channels deliver through the real adapter to the fake Bot API."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.adapters.feeds import parse_feed
from bot.adapters.store import Store
from bot.adapters.telegram.sender import TelegramSender
from bot.config import load_config
from bot.service import Service
from tests.clock import Clock
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss

CHANNELS = """\
channels:
  - {id: a, platform: telegram, chat: "100", min_severity: corroboration, admins: ["7"]}
  - {id: b, platform: telegram, chat: "-200", min_severity: corroboration}
"""
NASTY = 'Doubts <b>25,000</b> & "more" </a> <i unclosed <script>x</script> &amp;'


MakeService = Callable[..., Service]


@pytest.fixture
def make_service(tmp_path: Path, sender: TelegramSender) -> Iterator[MakeService]:
    """make_service(title=..., outlet=...) → a Service, two stories ingested, alerts waiting."""
    stores: list[Store] = []

    def make(
        *, title: str = ANALYST[1], outlet: str | None = None, clock: Clock | None = None
    ) -> Service:
        (tmp_path / "claims.yaml").write_text(CLAIMS)
        (tmp_path / "channels.yaml").write_text(CHANNELS)
        (tmp_path / "feeds.yaml").write_text("feeds: []\n")
        feed = rss(ORIGINAL, (ANALYST[0], title, ANALYST[2], ANALYST[3]))
        store = Store.open(f"sqlite:///{tmp_path}/state.db")
        stores.append(store)
        service = Service(
            load_config(tmp_path), store, senders={"telegram": sender}, now=clock or Clock()
        )
        for story in parse_feed(feed.encode(), feed_name="Wire", outlet=outlet).stories:
            service.ingest(story, feed_url="wire")
        return service

    yield make
    for store in stores:
        store.close()
