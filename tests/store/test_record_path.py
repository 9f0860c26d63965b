"""Store.record's driver-level write path: the rows it writes are those SQLAlchemy's types
would write, finding ids come back right with two writers, and a poll's story keys are looked up
in one go. Over a real SQLite file and a real PostgreSQL server (``db_url``)."""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
import sqlalchemy as sa

from bot.adapters.store import Store, create_engine
from bot.adapters.store import tables as t
from bot.adapters.store.codec import attribution_json, figure_json
from bot.core.model import Attribution, StoryResult
from bot.core.serialize import finding_to_dict
from tests.store.test_store import FEED, T0, result

KYIV = timezone(timedelta(hours=3))
CHANNELS = [("tg", "telegram", "-100123"), ("slack", "slack", "C0123")]
RECORD_TABLES = (t.stories, t.statements, t.claims, t.sightings, t.findings, t.outbox)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store.open(db_url)
    opened.sync_channels(CHANNELS)
    yield opened
    opened.close()


def reference_record(
    conn: sa.Connection,
    r: StoryResult,
    fetched_at: datetime,
    deliveries: list[tuple[int, str]],
) -> None:
    """What Store.record wrote before it went driver-level: SQLAlchemy Core, row by row."""
    story = r.story
    story_id = conn.execute(
        sa.insert(t.stories).returning(t.stories.c.id),
        {
            "key": story.key, "origin_key": r.origin_key or story.key, "feed": story.feed,
            "feed_url": FEED, "outlet": story.outlet, "url": story.url, "title": story.title,
            "text": story.text, "published": story.published, "fetched_at": fetched_at,
        },
    ).scalar_one()  # fmt: skip
    for position, s in enumerate(r.statements):
        conn.execute(
            sa.insert(t.statements),
            {
                "story_id": story_id, "position": position, "sentence": s.sentence,
                "claim_id": s.claim_id, "stance": str(s.stance),
                "figures": [figure_json(f) for f in s.figures],
                "attribution": attribution_json(s.attribution), "score": s.score,
            },
        )  # fmt: skip
    for spec in r.new_claims:
        conn.execute(
            sa.insert(t.claims),
            {
                "id": spec.id, "topic": spec.topic, "text": spec.text, "source": spec.source,
                "date": spec.date, "learned": True, "created_at": fetched_at,
            },
        )  # fmt: skip
    for claim_id, s in r.sightings:
        conn.execute(
            sa.insert(t.sightings),
            {
                "claim_id": claim_id, "story_key": s.story_key, "origin_key": s.origin_key,
                "figure": figure_json(s.figure), "attribution": attribution_json(s.attribution),
                "outlet": s.outlet, "url": s.url, "published": s.published,
                "stance": str(s.stance),
            },
        )  # fmt: skip
    ids = [
        conn.execute(
            sa.insert(t.findings).returning(t.findings.c.id),
            {
                "kind": str(f.kind), "severity": f.severity, "topic": f.topic,
                "claim_id": f.claim_id, "story_key": f.story.key,
                "payload": finding_to_dict(f), "created_at": fetched_at,
            },
        ).scalar_one()
        for f in r.findings
    ]  # fmt: skip
    for index, channel in deliveries:
        conn.execute(
            sa.insert(t.outbox),
            {
                "channel_id": channel, "finding_id": ids[index], "status": "pending",
                "attempts": 0, "created_at": fetched_at,
            },
        )  # fmt: skip


def raw_rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables record writes, as the driver returns them (JSON as text)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            text = "::text" if conn.dialect.name == "postgresql" else ""
            dumped = {}
            for table in RECORD_TABLES:
                columns = ", ".join(
                    f'"{c.name}"{text if isinstance(c.type, sa.JSON) else ""}' for c in table.c
                )
                query = f"SELECT {columns} FROM {table.name} ORDER BY 1"
                dumped[table.name] = [tuple(row) for row in conn.exec_driver_sql(query)]
            return dumped
    finally:
        engine.dispose()


@pytest.fixture
def other_url(db_url: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A second, empty database of the same kind as ``db_url``."""
    if db_url.startswith("sqlite"):
        yield db_url.replace("claimwatch.db", "reference.db")
        return
    # not the fresh_postgres_url fixture: the store under test may already hold that one
    server = request.getfixturevalue("postgres_server")
    name = f"t_{uuid.uuid4().hex[:16]}"
    server.execute(f"CREATE DATABASE {name}")
    try:
        yield server.url(name)
    finally:
        server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_record_writes_the_rows_sqlalchemys_types_would(
    store: Store, db_url: str, other_url: str
) -> None:
    naive_at = datetime(2025, 7, 14, 9, 30)  # naive: taken as UTC
    cases = [
        (result("a", findings=3), T0, [(0, "tg"), (2, "tg"), (2, "slack")]),
        (result("b", findings=0, published=None), naive_at, []),
        (result("c", published=datetime(2025, 7, 14, 12, 0, 0, 5, tzinfo=KYIV)), T0, [(0, "tg")]),
    ]
    for r, at, deliveries in cases:
        store.record(r, feed_url=FEED, fetched_at=at, deliveries=deliveries)

    with Store.open(other_url) as reference:
        reference.sync_channels(CHANNELS)
        with reference._engine.begin() as conn:
            for r, at, deliveries in cases:
                reference_record(conn, r, at, deliveries)

    mine, theirs = raw_rows(db_url), raw_rows(other_url)
    assert [len(rows) for rows in mine.values()] == [3, 3, 3, 3, 4, 4]
    assert mine == theirs
    # JSON as json.dumps writes it; an infinite bound is null
    figures = json.loads(mine["statements"][0][6])
    assert figures[1]["high"] is None and figures[1]["low"] == 11_000


def test_text_beyond_ascii_and_shared_times_are_written_as_sqlalchemy_would(
    store: Store, db_url: str, other_url: str
) -> None:
    """JSON text (escapes, non-ASCII, an infinite bound) and the sightings' times, written once
    a distinct value by Store.record, are what SQLAlchemy's types write row by row."""
    base = result("é", findings=2)
    story = dataclasses.replace(
        base.story, outlet="Le Monde — « Monde »", title='Kursk: "30,000" troops\nnew', text="ü"
    )
    statement = dataclasses.replace(
        base.statements[0],
        sentence='He said "no information" — ça\tva',
        attribution=Attribution(source="ГУР", via=None),
    )
    sighting = base.sightings[0][1]
    same_instant = datetime(2025, 7, 14, 12, 30, tzinfo=KYIV)  # 09:30 UTC, as T0
    sightings = [
        dataclasses.replace(sighting, published=when, attribution=statement.attribution)
        for when in (T0, same_instant, datetime(2025, 7, 14, 9, 30), None, T0)
    ]
    r = dataclasses.replace(
        base,
        story=story,
        statements=(statement, statement),
        findings=tuple(
            dataclasses.replace(f, story=story, statement=statement) for f in base.findings
        ),
        sightings=tuple(("nk-troops", s) for s in sightings),
    )
    store.record(r, feed_url=FEED, fetched_at=T0, deliveries=[(1, "slack")])
    with Store.open(other_url) as reference:
        reference.sync_channels(CHANNELS)
        with reference._engine.begin() as conn:
            reference_record(conn, r, T0, [(1, "slack")])

    mine, theirs = raw_rows(db_url), raw_rows(other_url)
    assert [len(rows) for rows in mine.values()] == [1, 2, 1, 5, 2, 1]
    assert mine == theirs
    payload = mine["findings"][0][6]
    assert "\\u2014" in payload and json.loads(payload)["outlet"] == "Le Monde — « Monde »"


def test_two_writers_get_their_own_finding_ids(store: Store, db_url: str) -> None:
    with Store.open(db_url) as second:
        got: dict[str, list[int]] = {}
        for n in range(4):  # the two stores take turns on one database
            for writer, key in ((store, f"first-{n}"), (second, f"second-{n}")):
                got[key] = writer.record(
                    result(key, findings=2), feed_url=FEED, fetched_at=T0, deliveries=[(1, "tg")]
                )
    everything = [found for ids in got.values() for found in ids]
    assert len(set(everything)) == 16
    by_id = dict(store.findings_since(0))
    for key, ids in got.items():
        assert [by_id[i]["story_key"] for i in ids] == [key, key]
        assert [by_id[i]["explanation"] for i in ids] == ["finding 0", "finding 1"]
    # each outbox row names its own story's second finding
    assert sorted(item.finding_id or 0 for item in store.pending()) == sorted(
        ids[1] for ids in got.values()
    )


def test_known_stories_looks_up_many_keys_at_once(store: Store) -> None:
    for key in ("a", "b"):
        store.record(result(key), feed_url=FEED, fetched_at=T0, deliveries=[])
    keys = [f"unknown-{n}" for n in range(1_200)] + ["b", "a", "b"]  # more than one query's worth
    assert store.known_stories(keys) == {"a", "b"}
    assert store.known_stories(iter(["a", "x"])) == {"a"}
    assert store.known_stories([]) == set()
    assert store.has_story("a") and not store.has_story("x")


def test_an_old_key_records_nothing_and_returns_no_ids(store: Store) -> None:
    assert store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg")])
    before = store.counts()
    again = store.record(
        result("a", findings=3), feed_url=FEED, fetched_at=T0, deliveries=[(2, "slack")]
    )
    assert again == []
    assert store.counts() == before
    assert store.record(result("z"), feed_url=FEED, fetched_at=datetime.now(UTC), deliveries=[])


@contextmanager
def watching(engine: sa.Engine) -> Iterator[list[str]]:
    """A ``before_cursor_execute`` listener on ``engine``: the statements it saw."""
    seen: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement.split(" (")[0])

    sa.event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", before)


def test_a_watched_engine_sees_every_statement_and_both_paths_write_the_same_rows(
    store: Store, db_url: str, other_url: str
) -> None:
    """Unwatched, SQLite's record runs on the driver's cursor; watched (a tracer, a fault
    test), through SQLAlchemy, where the listener sees each statement. Same rows either way."""
    cases = [(result("a", findings=2), [(0, "tg"), (1, "slack")]), (result("b"), [(0, "tg")])]
    for r, deliveries in cases:
        store.record(r, feed_url=FEED, fetched_at=T0, deliveries=deliveries)
    with Store.open(other_url) as watched, watching(watched._engine) as seen:
        watched.sync_channels(CHANNELS)
        seen.clear()
        for r, deliveries in cases:
            watched.record(r, feed_url=FEED, fetched_at=T0, deliveries=deliveries)
    assert seen.count("INSERT INTO stories") == 2
    assert seen.count("INSERT INTO findings") == 2 and seen.count("INSERT INTO outbox") == 2
    assert raw_rows(db_url) == raw_rows(other_url)


def test_a_failed_record_on_the_driver_leaves_nothing_and_raises_sqlalchemys_error(
    store: Store,
) -> None:
    before = store.counts()
    with pytest.raises(sa.exc.IntegrityError):  # an outbox row for a channel that is not there
        store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "nowhere")])
    with pytest.raises(IndexError):
        store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(5, "tg")])
    assert store.counts() == before
    assert not store.has_story("a")
    # the pooled connection is usable and the story can be recorded after all
    assert len(store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[(0, "tg")]))
    assert store.counts()["stories"] == before["stories"] + 1
    assert [item.channel_id for item in store.pending()] == ["tg"]
