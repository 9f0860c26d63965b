"""The store over a real SQLite file and a real PostgreSQL server (``db_url``)."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from bot.adapters.store import AlreadyRunning, Store, create_engine, normalize_url
from bot.adapters.store import tables as t
from bot.adapters.store.engine import MIGRATIONS
from bot.core.model import (
    Attribution,
    ClaimSpec,
    Figure,
    Finding,
    FindingKind,
    Hedge,
    Sighting,
    Stance,
    Statement,
    Story,
    StoryResult,
)
from bot.core.serialize import finding_to_dict

FEED = "https://example.org/world.rss"
T0 = datetime(2025, 7, 14, 9, 30, tzinfo=UTC)
KYIV = timezone(timedelta(hours=3))

TROOPS = Figure(25_000, 30_000, Hedge.RANGE, "25,000 to 30,000", counted="troops", span=(10, 26))
AT_LEAST = Figure(
    11_000, math.inf, Hedge.AT_LEAST, "more than 11,000", counted="troops", measure="m",
    period="jan", scope="national",
)  # fmt: skip
CNN = Attribution(source="Ukrainian intelligence", via="CNN")


def story(key: str, published: datetime | None = T0) -> Story:
    return Story(
        key=key,
        feed="world",
        outlet="Example News",
        url=f"https://example.org/{key}",
        title=f"Story {key}",
        text="North Korea will send 25,000 to 30,000 more troops to Russia.",
        published=published,
    )


def result(key: str, *, findings: int = 1, published: datetime | None = T0) -> StoryResult:
    s = story(key, published)
    statement = Statement(
        sentence="North Korea will send 25,000 to 30,000 more troops.",
        figures=(TROOPS, AT_LEAST),
        attribution=CNN,
        stance=Stance.SUPPORTS,
        claim_id="nk-troops",
        score=0.91,
    )
    sighting = Sighting(TROOPS, CNN, s.outlet, s.url, published, key, key, Stance.SUPPORTS)
    found = tuple(
        Finding(
            kind=FindingKind.NEW_FIGURE,
            topic="korea" if n % 2 == 0 else "gaza",
            claim_id="nk-troops",
            claim_text="additional North Korean troops to be sent to Russia",
            statement=statement,
            story=s,
            figure=TROOPS,
            previous=None,
            explanation=f"finding {n}",
        )
        for n in range(findings)
    )
    return StoryResult(
        story=s,
        origin_key=key,
        statements=(statement,),
        findings=found,
        new_claims=(ClaimSpec(f"learned-{key}", "korea", "a claim learned from " + key),),
        sightings=(("nk-troops", sighting),),
    )


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store.open(db_url)
    opened.sync_channels([("tg", "telegram", "-100123"), ("slack", "slack", "C0123")])
    yield opened
    opened.close()


def test_migrations_create_the_schema_and_reopening_keeps_the_data(db_url: str) -> None:
    with Store.open(db_url) as first:
        first.ensure_feed("world", FEED, 300)
        first.sync_channels([("tg", "telegram", "-100123")])
        assert first.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg")])

    with Store.open(db_url) as second:  # a second open upgrades nothing and keeps everything
        assert second.has_story("a")
        assert second.counts()["pending"] == 1
        assert [f.url for f in second.feed_states()] == [FEED]

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).all() == [
                (head,)
            ]
            # The migrated database is exactly what tables.py declares.
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, t.metadata) == []
            assert set(sa.inspect(conn).get_table_names()) >= {
                "feeds", "stories", "statements", "claims", "sightings",
                "findings", "channels", "outbox", "meta",
            }  # fmt: skip
    finally:
        engine.dispose()


def test_sqlite_database_gets_its_folder_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = f"{tmp_path}/deep/er/claimwatch.db"
    with Store.open(f"sqlite:///{path}"):
        pass
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    finally:
        engine.dispose()


def test_record_writes_everything_and_returns_finding_ids(store: Store) -> None:
    ids = store.record(
        result("a", findings=2),
        feed_url=FEED,
        fetched_at=T0,
        deliveries=[(0, "tg"), (1, "tg"), (1, "slack")],
    )
    assert len(ids) == 2 and ids[0] < ids[1]
    assert store.counts() == {
        "stories": 1, "findings": 2, "pending": 3, "sent": 0, "dead": 0, "claims": 1, "feeds": 0,
    }  # fmt: skip
    assert store.claims() == [(ClaimSpec("learned-a", "korea", "a claim learned from a"), True)]
    assert [(i, p["explanation"]) for i, p in store.findings_since(0)] == [
        (ids[0], "finding 0"),
        (ids[1], "finding 1"),
    ]
    assert [i for i, _ in store.findings_since(ids[0])] == [ids[1]]
    assert [p["topic"] for _, p in store.findings_since(0, topics=["gaza"])] == ["gaza"]
    assert store.findings_since(0, topics=[]) == []


def test_record_is_atomic_when_a_delivery_names_an_unknown_channel(store: Store) -> None:
    with pytest.raises(sa.exc.IntegrityError):
        store.record(
            result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg"), (0, "nowhere")]
        )
    assert not store.has_story("a")
    assert store.sightings() == [] and store.claims() == [] and store.findings_since(0) == []
    assert store.counts()["stories"] == 0 and store.pending() == []

    # Nothing half-written blocks the story from being recorded properly afterwards.
    assert len(store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg")]))
    assert store.counts()["pending"] == 1


def test_record_is_atomic_when_a_delivery_names_a_missing_finding(store: Store) -> None:
    with pytest.raises(IndexError):
        store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg"), (5, "tg")])
    assert store.counts() == dict.fromkeys(store.counts(), 0)
    assert store.recent_stories(10) == []


def test_recording_a_story_twice_writes_it_once(store: Store) -> None:
    first = store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg")])
    again = store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg")])
    assert len(first) == 1 and again == []
    counts = store.counts()
    assert (counts["stories"], counts["findings"], counts["pending"]) == (1, 1, 1)
    assert len(store.sightings()) == 1


def test_outbox_pending_then_sent_is_no_longer_pending(store: Store) -> None:
    r = result("a", findings=2)
    ids = store.record(r, feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg"), (1, "slack")])
    first, second = store.pending()
    assert (first.channel_id, first.finding_id, first.attempts) == ("tg", ids[0], 0)
    assert first.payload == finding_to_dict(r.findings[0])
    assert first.created_at == T0
    assert [i.id for i in store.pending(channel_id="slack")] == [second.id]
    assert len(store.pending(limit=1)) == 1

    store.mark_sent(first.id, "msg-17", T0 + timedelta(seconds=2))
    assert [i.id for i in store.pending()] == [second.id]

    store.mark_failed(second.id, "HTTP 502")  # failed is retried ...
    (retry,) = store.pending()
    assert (retry.id, retry.attempts) == (second.id, 1)
    store.mark_failed(second.id, "chat not found", dead=True)  # ... dead is not
    assert store.pending() == []
    counts = store.counts()
    assert (counts["pending"], counts["sent"], counts["dead"]) == (0, 1, 1)
    with pytest.raises(KeyError):
        store.mark_sent(10_000, "x", T0)


def test_one_outbox_row_per_channel_and_finding(store: Store, db_url: str) -> None:
    ids = store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg"), (0, "tg")])
    assert [(i.channel_id, i.finding_id) for i in store.pending()] == [("tg", ids[0])]

    engine = create_engine(db_url)
    row = {"channel_id": "tg", "finding_id": ids[0], "status": "pending", "attempts": 0}
    try:
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.insert(t.outbox).values(created_at=T0, **row))
    finally:
        engine.dispose()
    assert len(store.pending()) == 1


def test_sightings_round_trip_to_equal_values(store: Store) -> None:
    open_ended = Sighting(
        figure=AT_LEAST,
        attribution=Attribution(source="GUR"),
        outlet="Kyiv Independent",
        url="https://example.org/b",
        published=datetime(2025, 7, 15, 12, 0, tzinfo=KYIV),
        story_key="b",
        origin_key="a",
        stance=Stance.DISPUTES,
    )
    r = result("b")
    r = StoryResult(story=r.story, origin_key="a", sightings=(*r.sightings, ("other", open_ended)))
    store.record(r, feed_url=FEED, fetched_at=T0, deliveries=[])

    back = store.sightings()
    assert back == list(r.sightings)
    assert back[1][1].figure.high == math.inf and back[1][1].figure.is_open
    assert back[1][1].published is not None and back[1][1].published.tzinfo == UTC


def test_feed_poll_state_counts_errors_and_resets_on_success(store: Store) -> None:
    state = store.ensure_feed("world", FEED, 300)
    assert (state.name, state.etag, state.last_polled_at, state.baseline_done) == (
        "world", None, None, False,
    )  # fmt: skip
    assert store.feed_state("https://example.org/other") is None

    store.record_poll(FEED, at=T0, etag='"v1"', last_modified="Mon, 14 Jul 2025", error=None,
                      baseline_done=True)  # fmt: skip
    store.record_poll(FEED, at=T0 + timedelta(minutes=5), etag=None, last_modified=None,
                      error="HTTP 503")  # fmt: skip
    store.record_poll(FEED, at=T0 + timedelta(minutes=10), etag=None, last_modified=None,
                      error="timed out")  # fmt: skip
    failing = store.feed_state(FEED)
    assert failing is not None
    assert (failing.error_count, failing.last_error) == (2, "timed out")
    assert (failing.etag, failing.last_modified, failing.baseline_done) == (
        '"v1"', "Mon, 14 Jul 2025", True,
    )  # fmt: skip
    assert failing.last_polled_at == T0 + timedelta(minutes=10)

    store.record_poll(FEED, at=T0 + timedelta(minutes=15), etag='"v2"', last_modified=None,
                      error=None)  # fmt: skip
    healed = store.feed_state(FEED)
    assert healed is not None
    assert (healed.error_count, healed.last_error, healed.etag) == (0, None, '"v2"')

    renamed = store.ensure_feed("World news", FEED, 600)  # keeps the poll state
    assert (renamed.name, renamed.etag, renamed.baseline_done) == ("World news", '"v2"', True)
    assert len(store.feed_states()) == 1
    with pytest.raises(KeyError):
        store.record_poll("https://nowhere", at=T0, etag=None, last_modified=None, error=None)


def test_aware_datetimes_round_trip(store: Store) -> None:
    kyiv_morning = datetime(2025, 7, 14, 11, 45, 30, 123456, tzinfo=KYIV)
    store.record(result("a", published=kyiv_morning), feed_url=FEED, fetched_at=T0, deliveries=[])
    store.record(result("b", published=None), feed_url=FEED, fetched_at=T0, deliveries=[])

    (a, _), (b, _) = store.recent_stories(10)
    assert a.published == kyiv_morning and a.published.tzinfo == UTC
    assert a.published.hour == 8 and a.published.microsecond == 123456
    assert b.published is None

    store.ensure_feed("world", FEED, 300)
    store.record_poll(FEED, at=kyiv_morning, etag=None, last_modified=None, error=None)
    state = store.feed_state(FEED)
    assert state is not None and state.last_polled_at == kyiv_morning
    assert state.last_polled_at.utcoffset() == timedelta(0)


def test_recent_stories_are_newest_last_with_their_origin(store: Store) -> None:
    for key in ("a", "b", "c"):
        store.record(result(key), feed_url=FEED, fetched_at=T0, deliveries=[])
    assert [(s.key, origin) for s, origin in store.recent_stories(2)] == [("b", "b"), ("c", "c")]
    assert store.recent_stories(10)[0][0] == story("a")


def test_configured_claims_follow_the_config_and_learned_ones_stay(store: Store) -> None:
    troops = ClaimSpec("nk-troops", "korea", "additional troops", source="CNN", date="2025-07-13")
    killed = ClaimSpec("nk-killed", "korea", "North Korean soldiers killed or wounded")
    store.sync_claims([troops, killed])
    store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[])
    store.sync_claims([ClaimSpec("nk-troops", "korea", "more troops to be sent")])

    assert store.claims() == [
        (ClaimSpec("nk-troops", "korea", "more troops to be sent"), False),
        (ClaimSpec("learned-a", "korea", "a claim learned from a"), True),
    ]


def test_meta_keeps_small_values(store: Store) -> None:
    assert store.get_meta("digest:tg") is None
    store.set_meta("digest:tg", "17")
    store.set_meta("digest:tg", "42")
    assert store.get_meta("digest:tg") == "42"


def test_concurrent_writers_from_two_stores_all_land(store: Store, db_url: str) -> None:
    other = Store.open(db_url)
    errors: list[BaseException] = []

    def write(target: Store, prefix: str) -> None:
        try:
            for n in range(15):
                target.record(result(f"{prefix}{n}"), feed_url=FEED, fetched_at=T0,
                              deliveries=[(0, "tg")])  # fmt: skip
                target.record(result("shared"), feed_url=FEED, fetched_at=T0, deliveries=[])
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(s, p)) for s, p in ((store, "x"), (other, "y"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    other.close()
    assert errors == []
    counts = store.counts()
    assert (counts["stories"], counts["pending"]) == (31, 30)


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u:p@db:5432/cw", "postgresql+psycopg://u:p@db:5432/cw"),
        ("postgresql://u@db/cw", "postgresql+psycopg://u@db/cw"),
        ("postgresql+psycopg://u@db/cw", "postgresql+psycopg://u@db/cw"),
        ("sqlite:///state/claimwatch.db", "sqlite:///state/claimwatch.db"),
    ],
)
def test_database_urls_are_normalised_to_psycopg(given: str, used: str) -> None:
    assert normalize_url(given) == used


def test_unsupported_database_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported database"):
        create_engine("mysql://u@db/cw")


def test_one_run_per_state(db_url: str) -> None:
    first, second = Store.open(db_url), Store.open(db_url)
    try:
        first.lock_for_run()
        with pytest.raises(AlreadyRunning):
            second.lock_for_run()
        first.close()  # releases the lock (as a process's death does)
        second.lock_for_run()
    finally:
        first.close()
        second.close()
