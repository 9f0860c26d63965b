"""Rows to domain values and back: what ``Store.record`` writes and the readers rebuild.

The write path of ``Store.record`` runs once a story, so it skips SQLAlchemy's per-row work: the
SQL of each table is built once a dialect (:class:`RecordSql`), rows are plain tuples with their
JSON encoded once (a figure shared by a statement and its sighting is encoded once), and each
table gets one driver-level ``executemany``. The statements run through
``Connection.exec_driver_sql`` (:class:`ConnectionRun`), so that engine events such as
``before_cursor_execute`` see every one, or, on a SQLite engine nobody watches, straight on the
driver's cursor (:class:`CursorRun`: SQLAlchemy's per-statement work was a third of a story's
write). What is stored is what
SQLAlchemy's types would store: naive UTC text on SQLite, ``timestamptz`` on PostgreSQL, JSON
as ``json.dumps`` writes it.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import sqlalchemy as sa

from bot.adapters.store import tables as t
from bot.adapters.store.codec import (
    attribution_from_json,
    attribution_json,
    figure_from_json,
    figure_json,
)
from bot.core.model import Attribution, Figure, Sighting, Stance, Story, StoryResult
from bot.core.serialize import finding_to_dict


def _json_dumps() -> Callable[[Any], str]:
    """``json.dumps`` with its defaults (what SQLAlchemy's JSON type calls: no json_serializer
    is configured), the same text, but its C encoder made once: ``json.dumps`` makes it again
    on every call, most of the cost of a finding's payload. Without ``check_circular``: the
    values are trees of dicts and lists made for the call."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python without the C accelerator
        return json.dumps
    encoder = json.JSONEncoder()
    encode = make(
        None,  # markers: no circular check
        encoder.default,
        json.encoder.encode_basestring_ascii,
        encoder.indent,
        encoder.key_separator,
        encoder.item_separator,
        encoder.sort_keys,
        encoder.skipkeys,
        encoder.allow_nan,
    )

    def dumps(value: Any) -> str:
        return "".join(encode(value, 0))

    return dumps


_dumps = _json_dumps()


def story_from_row(row: sa.Row[Any]) -> Story:
    return Story(
        key=row.key,
        feed=row.feed,
        outlet=row.outlet,
        url=row.url,
        title=row.title,
        text=row.text,
        published=row.published,
    )


def sighting_from_row(row: sa.Row[Any]) -> Sighting:
    return Sighting(
        figure=figure_from_json(row.figure),
        attribution=attribution_from_json(row.attribution),
        outlet=row.outlet,
        url=row.url,
        published=row.published,
        story_key=row.story_key,
        origin_key=row.origin_key,
        stance=Stance(row.stance),
    )


# --- the write path of Store.record --------------------------------------------------------

_STORY: tuple[str, ...] = ("key", "origin_key", "feed", "feed_url", "outlet", "url", "title")
_STORY += ("text", "published", "fetched_at")
_STATEMENT: tuple[str, ...] = ("story_id", "position", "sentence", "claim_id", "stance")
_STATEMENT += ("figures", "attribution", "score")
_CLAIM = ("id", "topic", "text", "source", "date", "learned", "created_at")
_SIGHTING: tuple[str, ...] = ("claim_id", "story_key", "origin_key", "figure", "attribution")
_SIGHTING += ("outlet", "url", "published", "stance")
FEED_COLUMNS: tuple[str, ...] = (
    "url",
    "name",
    "etag",
    "last_modified",
    "last_polled_at",
    "baseline_done",
)
FEED_COLUMNS += ("error_count", "last_error", "disabled")  # FeedState's fields, in order
_FINDING = ("id", "kind", "severity", "topic", "claim_id", "story_key", "payload", "created_at")
_OUTBOX = ("channel_id", "finding_id", "status", "attempts", "created_at")


@dataclass(frozen=True)
class RecordSql:
    """The SQL ``Store.record`` runs, for one dialect (SQLite or PostgreSQL), built once."""

    sqlite: bool
    story: str  # INSERT … ON CONFLICT (key) DO NOTHING RETURNING id (SQLite: and max(findings.id))
    statements: str
    claims: str  # INSERT … ON CONFLICT (id) DO NOTHING
    sightings: str
    findings: str  # with the ids given (see _write_findings)
    outbox: str
    has_story: str
    known_stories: str  # … WHERE key IN (…): format with the placeholders
    poll_state: str  # a feed's row (FEED_COLUMNS) and two meta values: see Store.poll_state
    placeholder: str
    next_finding_ids: str  # PostgreSQL: n ids from the findings' sequence

    @classmethod
    def of(cls, dialect: sa.Dialect) -> RecordSql:
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        quote = dialect.identifier_preparer.quote
        sqlite = dialect.name == "sqlite"

        def insert(table: sa.Table, columns: Sequence[str], tail: str = "") -> str:
            values = ", ".join(
                mark if sqlite or not isinstance(table.c[c].type, sa.JSON) else f"{mark}::json"
                for c in columns
            )
            names = ", ".join(quote(c) for c in columns)
            return f"INSERT INTO {quote(table.name)} ({names}) VALUES ({values}){tail}"

        stories, key = quote(t.stories.name), quote("key")
        # SQLite: the largest finding id comes back with the story's, in the same statement;
        # the ids after it are the story's findings' (the write lock is held: BEGIN IMMEDIATE)
        returning = "id, (SELECT max(id) FROM findings)" if sqlite else "id"
        return cls(
            sqlite=sqlite,
            story=insert(
                t.stories, _STORY, f" ON CONFLICT ({key}) DO NOTHING RETURNING {returning}"
            ),
            statements=insert(t.statements, _STATEMENT),
            claims=insert(t.claims, _CLAIM, " ON CONFLICT (id) DO NOTHING"),
            sightings=insert(t.sightings, _SIGHTING),
            findings=insert(t.findings, _FINDING),
            outbox=insert(t.outbox, _OUTBOX),
            has_story=f"SELECT 1 FROM {stories} WHERE {key} = {mark} LIMIT 1",
            known_stories=f"SELECT {key} FROM {stories} WHERE {key} IN ({{}})",
            poll_state=(
                f"SELECT {', '.join(quote(c) for c in FEED_COLUMNS)}, "
                f"(SELECT value FROM meta WHERE {key} = {mark}), "
                f"(SELECT value FROM meta WHERE {key} = {mark}) "
                f"FROM feeds WHERE url = {mark}"
            ),
            placeholder=mark,
            next_finding_ids=(
                "SELECT nextval(pg_get_serial_sequence('findings', 'id')) "
                f"FROM generate_series(1, {mark})"
            ),
        )

    def time(self, value: datetime | None) -> Any:
        """A datetime as ``UTCDateTime`` binds it: naive UTC text on SQLite (SQLAlchemy's
        format, microseconds always), an aware UTC datetime on PostgreSQL."""
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        if self.sqlite:
            return value.replace(tzinfo=None).isoformat(" ", "microseconds")
        return value


class _Encoder:
    """JSON of one story's figures and attributions and its sightings' times, each distinct
    value encoded once."""

    def __init__(self, sql: RecordSql) -> None:
        self._sql = sql
        self._figures: dict[int, tuple[Figure, str]] = {}
        self._attributions: dict[tuple[str | None, str | None], str] = {}
        self._times: dict[datetime | None, Any] = {}

    def time(self, value: datetime | None) -> Any:
        """``RecordSql.time``, once a distinct time (equal times bind alike)."""
        if value not in self._times:
            self._times[value] = self._sql.time(value)
        return self._times[value]

    def figure(self, figure: Figure) -> str:
        known = self._figures.get(id(figure))
        if known is None:  # keyed by identity (the figure is held, so the id is not reused)
            known = self._figures[id(figure)] = (figure, _dumps(figure_json(figure)))
        return known[1]

    def figures(self, figures: Sequence[Figure]) -> str:
        return "[" + ", ".join(self.figure(f) for f in figures) + "]"  # json.dumps' separators

    def attribution(self, attribution: Attribution) -> str:
        key = (attribution.source, attribution.via)
        known = self._attributions.get(key)
        if known is None:
            known = self._attributions[key] = _dumps(attribution_json(attribution))
        return known


class Run(Protocol):
    """Where ``write_story`` runs its SQL, in the caller's transaction."""

    def rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """Run one statement; the rows it returns."""
        ...

    def many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """Run one statement for each of ``rows`` (an ``executemany``)."""
        ...


class ConnectionRun:
    """``Run`` through a SQLAlchemy connection (``exec_driver_sql``: events see each statement)."""

    __slots__ = ("_conn",)

    def __init__(self, conn: sa.Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return list(self._conn.exec_driver_sql(sql, params).all())

    def many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self._conn.exec_driver_sql(sql, rows)


class CursorRun:
    """``Run`` on a DB-API cursor (the caller began the transaction and ends it)."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        self._cursor.execute(sql, params)
        return list(self._cursor.fetchall())

    def many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self._cursor.executemany(sql, rows)


def write_story(
    run: Run,
    sql: RecordSql,
    result: StoryResult,
    *,
    feed_url: str,
    fetched_at: datetime,
    deliveries: Sequence[tuple[int, str]],
) -> list[int] | None:
    """One story and everything concluded from it, in the caller's transaction: the ids of
    its findings in order, or None (nothing written) when its key is stored already."""
    story = result.story
    at = sql.time(fetched_at)
    published = sql.time(story.published)
    story_row = (
        story.key,
        result.origin_key or story.key,
        story.feed,
        feed_url,
        story.outlet,
        story.url,
        story.title,
        story.text,
        published,
        at,
    )
    returned = run.rows(sql.story, story_row)
    if not returned:
        return None
    story_id = returned[0][0]
    last_finding = returned[0][1] if sql.sqlite else None
    encode = _Encoder(sql)
    if result.statements:
        statement_rows = [
            (
                story_id,
                position,
                s.sentence,
                s.claim_id,
                str(s.stance),
                encode.figures(s.figures),
                encode.attribution(s.attribution),
                s.score,
            )
            for position, s in enumerate(result.statements)
        ]
        run.many(sql.statements, statement_rows)
    if result.new_claims:
        claim_rows = [
            (spec.id, spec.topic, spec.text, spec.source, spec.date, True, at)
            for spec in result.new_claims
        ]
        run.many(sql.claims, claim_rows)
    if result.sightings:
        sighting_rows = [
            (
                claim_id,
                s.story_key,
                s.origin_key,
                encode.figure(s.figure),
                encode.attribution(s.attribution),
                s.outlet,
                s.url,
                encode.time(s.published),
                str(s.stance),
            )
            for claim_id, s in result.sightings
        ]
        run.many(sql.sightings, sighting_rows)
    ids = _write_findings(run, sql, result, at, last_finding)
    outbox_rows = []
    for index, channel_id in dict.fromkeys(deliveries):
        if not 0 <= index < len(ids):
            raise IndexError(f"delivery names finding {index} of {len(ids)}")
        outbox_rows.append((channel_id, ids[index], "pending", 0, at))
    if outbox_rows:
        run.many(sql.outbox, outbox_rows)
    return ids


def _write_findings(
    run: Run, sql: RecordSql, result: StoryResult, at: Any, last: int | None
) -> list[int]:
    """``last``: on SQLite, the largest finding id when the story was inserted."""
    count = len(result.findings)
    if not count:
        return []
    if sql.sqlite:  # the write lock is held (BEGIN IMMEDIATE): rowids go on from the largest
        ids = list(range(int(last or 0) + 1, int(last or 0) + 1 + count))
    else:
        ids = sorted(int(row[0]) for row in run.rows(sql.next_finding_ids, (count,)))
    rows = [
        (
            found_id,
            str(f.kind),
            f.severity,
            f.topic,
            f.claim_id,
            f.story.key,
            _dumps(finding_to_dict(f)),
            at,
        )
        for found_id, f in zip(ids, result.findings, strict=True)
    ]
    run.many(sql.findings, rows)
    return ids
