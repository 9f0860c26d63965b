"""A `full_text: true` feed: the figures sit in the article page, not in the feed's summary."""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from bot.adapters import feeds
from bot.adapters.store import Store
from bot.config import load_config
from bot.service import Service
from tests.feedserver import FeedServer
from tests.test_config import CLAIMS
from tests.test_poll import CHANNELS, rss

PAGE = (Path(__file__).parent / "adapters" / "article_page.html").read_text()


async def test_full_text_feed_reads_the_article_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the page is on loopback: allow private addresses, as a newsroom on its intranet would
    # (the partial stands in for Service passing allow_private_feeds as fetch_full_text's guard)
    monkeypatch.setattr(
        feeds, "fetch_full_text", functools.partial(feeds.fetch_full_text, allow_private=True)
    )
    with FeedServer() as server:
        server.page("/story.html", PAGE)
        teaser = (
            "s1",
            "Troops",
            "Read the full story on our site.",
            datetime(2025, 7, 2, tzinfo=UTC),
        )
        server.feed("/teasers.rss", rss())
        (tmp_path / "claims.yaml").write_text(CLAIMS)
        (tmp_path / "channels.yaml").write_text(CHANNELS)
        (tmp_path / "feeds.yaml").write_text(
            f"feeds:\n  - url: {server.url('/teasers.rss')}\n    name: Teasers\n"
            "    interval: 5m\n    full_text: true\n"
        )
        config = load_config(tmp_path)
        with Store.open(f"sqlite:///{tmp_path}/state.db") as store:
            service = Service(config, store)
            service.allow_private_feeds = True
            async with httpx.AsyncClient(trust_env=False) as client:
                baseline = await service.poll(config.feeds[0], client)
                assert baseline.baseline and baseline.new_stories == 0
                item = rss(teaser).replace("https://wire.example/s1", server.url("/story.html"))
                server.touch("/teasers.rss", item)
                report = await service.poll(config.feeds[0], client)
            assert report.new_stories == 1
            findings = [p for _, p in store.findings_since(0)]
            # the figures come from the page (the teaser has none) ...
            figures = {p["figure"]["text"] for p in findings if p["figure"]}
            assert {"11,000", "4,000"} <= {
                f.removeprefix("about ").removeprefix("some ") for f in figures
            }, figures
            assert any(p["kind"] == "corroboration" for p in findings)
            # ... and the "related articles" block (479 drones, 41 aircraft) gives nothing
            texts = " ".join(p["sentence"] for p in findings)
            assert "drones" not in texts and "aircraft" not in texts
            assert [r.path for r in server.requests_for("/story.html")] == ["/story.html"]
