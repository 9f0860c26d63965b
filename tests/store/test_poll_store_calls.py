"""A poll's store calls: the stories already stored are looked up at once and dropped before
the store half, the feed's body is not kept once parsed, and a story twice in one feed is
stored once. Over a real loopback feed server and a real SQLite file."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from bot.adapters.store import Store
from bot.config import load_config
from bot.service import FeedFetch, Service
from tests.feedserver import FeedServer
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, CHANNELS, ORIGINAL, rss
from tests.test_run import DENIAL


def desk(tmp_path: Path, url: str) -> Service:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text(CHANNELS)
    (tmp_path / "feeds.yaml").write_text(f"feeds:\n  - url: {url}\n    name: Wire\n")
    return Service(load_config(tmp_path), Store.open(f"sqlite:///{tmp_path}/state.db"))


def fetch(service: Service) -> FeedFetch:
    async def go() -> FeedFetch:
        async with httpx.AsyncClient() as client:
            return await service.fetch_feed(service.config.feeds[0], client)

    return asyncio.run(go())


def test_only_new_stories_wait_for_the_store_half_and_the_body_is_dropped(
    tmp_path: Path,
) -> None:
    with FeedServer() as server:
        server.feed("/wire.rss", rss(ORIGINAL, ANALYST))
        service = desk(tmp_path, server.url("/wire.rss"))
        try:
            baseline = fetch(service)
            assert [s.key for s in baseline.stories] == ["w1", "w2"]
            assert baseline.fetched is not None and baseline.fetched.content is None
            assert baseline.fetched.etag  # what record_fetch needs is kept
            first = service.record_fetch(baseline)
            assert (first.status, first.new_stories, first.baseline) == ("ok", 2, True)

            server.touch("/wire.rss", rss(ORIGINAL, ANALYST, DENIAL))
            changed = fetch(service)
            assert [s.key for s in changed.stories] == ["w3"]  # w1 and w2 are stored already
            report = service.record_fetch(changed)
            assert (report.status, report.new_stories, report.baseline) == ("ok", 1, False)
            assert report.findings >= 1
            assert service.store.counts()["stories"] == 3

            # fetched before another poll stored the same story: stored once, counted once
            server.touch("/wire.rss", rss(ORIGINAL, DENIAL))
            assert service.record_fetch(fetch(service)).new_stories == 0
        finally:
            service.store.close()


def test_a_story_twice_in_one_feed_is_stored_once(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.feed("/wire.rss", rss(ORIGINAL))
        service = desk(tmp_path, server.url("/wire.rss"))
        try:
            service.record_fetch(fetch(service))
            server.touch("/wire.rss", rss(ORIGINAL, DENIAL, DENIAL))
            changed = fetch(service)
            assert [s.key for s in changed.stories] == ["w3", "w3"]
            report = service.record_fetch(changed)
            assert report.new_stories == 1
            assert service.store.counts()["stories"] == 2
        finally:
            service.store.close()
