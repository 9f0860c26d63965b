"""One path reads a feed: ``feeds.read_feed``, under both ``Service.fetch_feed`` (polls) and
``Service.read`` (replay, feeds named on the command line); same stories, same errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.adapters import feeds
from bot.adapters.store import Store
from bot.config import load_config
from bot.service import FeedError, FeedSource, Service
from tests.adapters.test_feeds import EMPTY_RSS, HTML_PAGE
from tests.clock import Clock
from tests.feedserver import FeedServer
from tests.test_config import CLAIMS
from tests.test_poll import ANALYST, ORIGINAL, rss

RSS = rss(ORIGINAL, ANALYST).encode()


@pytest.fixture
def service(tmp_path: Path, server: FeedServer) -> Iterator[Service]:
    (tmp_path / "claims.yaml").write_text(CLAIMS)
    (tmp_path / "channels.yaml").write_text("channels: []\n")
    (tmp_path / "feeds.yaml").write_text(
        "feeds:\n"
        f"  - {{url: '{server.url('/wire.rss')}', name: Wire}}\n"
        f"  - {{url: '{server.url('/huge')}', name: Huge}}\n"
        f"  - {{url: '{server.url('/page')}', name: Page}}\n"
        f"  - {{url: '{server.url('/empty')}', name: Empty}}\n"
    )
    store = Store.open(f"sqlite:///{tmp_path}/state.db")
    yield Service(load_config(tmp_path), store, now=Clock())
    store.close()


async def test_read_feed_gets_parses_and_drops_the_body(
    server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.feed("/wire.rss", RSS)
    first = await feeds.read_feed(client, server.url("/wire.rss"), feed_name="Wire")
    assert first.error is None and not first.empty
    assert [s.title for s in first.stories] == [ORIGINAL[1], ANALYST[1]]
    assert first.fetched.status == "ok" and first.fetched.content is None
    assert first.fetched.etag

    again = await feeds.read_feed(
        client, server.url("/wire.rss"), feed_name="Wire", etag=first.fetched.etag
    )
    assert again.fetched.status == "not_modified"
    assert again.stories == () and again.error is None
    assert server.requests_for("/wire.rss")[-1].headers["if-none-match"] == first.fetched.etag


async def test_read_feed_names_what_went_wrong(
    server: FeedServer, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    server.page("/page", HTML_PAGE)
    server.feed("/empty", EMPTY_RSS)
    server.huge("/huge", 20_000_000)
    page = await feeds.read_feed(client, server.url("/page"), feed_name="Page")
    assert page.error == "not a feed (looks like HTML)" and not page.empty
    empty = await feeds.read_feed(client, server.url("/empty"), feed_name="Empty")
    assert empty.empty and (empty.error or "").startswith("empty feed")
    huge = await feeds.read_feed(client, server.url("/huge"), feed_name="Huge")
    assert huge.fetched.status == "error" and "over 10 MB" in (huge.error or "")
    missing = await feeds.read_feed(None, str(tmp_path / "nope.xml"), feed_name="File")
    assert missing.error == f"file not found: {tmp_path / 'nope.xml'}"
    (tmp_path / "wire.xml").write_bytes(RSS)
    local = await feeds.read_feed(None, str(tmp_path / "wire.xml"), feed_name="File")
    assert len(local.stories) == 2 and local.error is None


async def test_a_poll_and_a_replay_read_the_same_stories_and_errors(
    service: Service, server: FeedServer, client: httpx.AsyncClient
) -> None:
    server.feed("/wire.rss", RSS)
    server.huge("/huge", 20_000_000)
    server.page("/page", HTML_PAGE)
    server.feed("/empty", EMPTY_RSS)
    wire, huge, page, empty = service.config.feeds

    polled = await service.fetch_feed(wire, client)
    replayed = await service.read(FeedSource.of(wire), client)
    assert polled.error is None and list(polled.stories) == replayed

    for spec in (huge, page):
        fetched = await service.fetch_feed(spec, client)
        with pytest.raises(FeedError) as raised:
            await service.read(FeedSource.of(spec), client)
        assert fetched.error and str(raised.value) == f"{spec.location}: {fetched.error}"

    # an empty feed is a quiet poll, but nothing to replay
    quiet = await service.fetch_feed(empty, client)
    assert quiet.error is None and quiet.stories == ()
    with pytest.raises(FeedError, match="empty feed"):
        await service.read(FeedSource.of(empty), client)
