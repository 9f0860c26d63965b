"""``Store.poll_state``: a poll's one read answers what ``feed_state``, ``feed_not_before`` and
``feed_location`` answer, whatever the feed's meta rows say."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta, timezone

import pytest

from bot.adapters.store import PollState, Store
from tests.store.test_store import FEED, T0

OTHER = "https://example.org/other.xml"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store.open(db_url)
    yield opened
    opened.close()


def three_reads(store: Store, url: str) -> PollState | None:
    state = store.feed_state(url)
    if state is None:
        return None
    return PollState(state, store.feed_not_before(url), store.feed_location(url))


def test_poll_state_is_the_three_reads_in_one(store: Store) -> None:
    assert store.poll_state(FEED) is None  # not registered

    store.ensure_feed("world", FEED, 300)
    store.ensure_feed("other", OTHER, 600)
    fresh = store.poll_state(FEED)
    assert fresh is not None and fresh == three_reads(store, FEED)
    assert (fresh.feed.name, fresh.not_before, fresh.moved_to) == ("world", None, None)

    store.record_poll(FEED, at=T0, etag='"v1"', last_modified=None, error="HTTP 503")
    store.set_feed_not_before(FEED, T0 + timedelta(seconds=90))
    store.set_feed_location(FEED, "https://example.org/moved.xml")
    store.set_feed_not_before(OTHER, T0.astimezone(timezone(timedelta(hours=2))))
    waiting = store.poll_state(FEED)
    assert waiting == three_reads(store, FEED)
    assert waiting is not None and waiting.feed.error_count == 1
    assert waiting.feed.last_polled_at == T0 and waiting.feed.etag == '"v1"'
    assert (waiting.not_before, waiting.moved_to) == (
        T0 + timedelta(seconds=90),
        "https://example.org/moved.xml",
    )
    other = store.poll_state(OTHER)  # one feed's meta rows are not another's
    assert other == three_reads(store, OTHER)
    assert other is not None and (other.not_before, other.moved_to) == (T0, None)

    store.set_feed_not_before(FEED, None)  # cleared: an empty value reads as none
    store.disable_feed(FEED, "gone (HTTP 410)")
    cleared = store.poll_state(FEED)
    assert cleared == three_reads(store, FEED)
    assert cleared is not None and cleared.not_before is None and cleared.feed.disabled
