"""The store: feeds' poll state, stories, claims, sightings, findings and the outbox.

SQLite by default (``state/claimwatch.db``), PostgreSQL by URL. ``Store.open`` migrates the
schema to the newest Alembic revision, so an existing database is upgraded, never recreated.
Each public method is one transaction; on SQLite, writes take the lock up front
(``BEGIN IMMEDIATE``) so concurrent writers wait on ``busy_timeout`` instead of failing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from bot.adapters.store import tables as t
from bot.adapters.store.chat import ChatStore
from bot.adapters.store.engine import (
    DEFAULT_URL,
    WRITE,
    create_engine,
    dialect_insert,
    migrate,
    unwatched_sqlite,
)
from bot.adapters.store.rows import (
    FEED_COLUMNS,
    ConnectionRun,
    CursorRun,
    RecordSql,
    sighting_from_row,
    story_from_row,
    write_story,
)
from bot.adapters.store.runlock import RunLock
from bot.core.model import ClaimSpec, Sighting, Story, StoryResult

log = logging.getLogger(__name__)

_DELIVERABLE = ("pending", "failed")
_NEXT_POLL = "feed_next_poll:"
_MOVED = "feed_moved:"
_ROWS_A_BATCH = 5_000  # rows a executemany when syncing the configured claims
_CLAIM_FIELDS = ("topic", "text", "source", "date", "learned")
_UTC_TIME = t.UTCDateTime()  # feeds.last_polled_at's type
_KEYS_A_QUERY = 500  # story keys looked up in one query (SQLite allows 32,766 parameters)


@dataclass(frozen=True)
class FeedState:
    url: str
    name: str
    etag: str | None
    last_modified: str | None
    last_polled_at: datetime | None
    baseline_done: bool
    error_count: int
    last_error: str | None
    disabled: bool


@dataclass(frozen=True)
class PollState:
    """What a poll reads of a feed before fetching it (:meth:`Store.poll_state`)."""

    feed: FeedState
    not_before: datetime | None  # after a backoff or a Retry-After, when set
    moved_to: str | None  # where a permanent redirect (301/308) moved it, if one did


@dataclass(frozen=True)
class OutboxItem:
    """One message to deliver: an alert (its finding's payload) or a notice (``kind``)."""

    id: int
    channel_id: str
    finding_id: int | None  # None for a notice
    payload: dict[str, Any]
    attempts: int
    created_at: datetime
    kind: str = "alert"  # "alert" or "notice"
    # A message in several posts: how many are out (0: none), and the first one's id
    posts_sent: int = 0
    message_id: str | None = None


@dataclass(frozen=True)
class Notice:
    """A message about the bot itself for some channels, queued once per channel and ``key``
    (e.g. ``feed-disabled:<url>#<n>``, ``digest:<period>``), even across restarts.
    ``payload``: title and lines."""

    key: str
    payload: dict[str, Any]
    channels: tuple[str, ...]
    at: datetime


@dataclass(frozen=True)
class OpsSummary:
    """What ``/healthz`` and ``/metrics`` show of the store (one cheap read)."""

    feeds_enabled: int
    feeds_disabled: int
    last_polled_at: datetime | None
    outbox_waiting: int
    outbox_dead: int


class Store(ChatStore):  # ChatStore: the chat's settings (bot/adapters/store/chat.py)
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._run_lock: RunLock | None = None
        self._writer = engine.execution_options(**{WRITE: True})
        self._record_sql: RecordSql | None = None  # see _sql

    @classmethod
    def open(cls, url: str = DEFAULT_URL) -> Store:
        """Connect and run ``alembic upgrade head`` on the database."""
        engine = create_engine(url)
        try:
            migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        log.info("store opened: %s", engine.url.render_as_string(hide_password=True))
        return cls(engine)

    def close(self) -> None:
        if self._run_lock is not None:
            self._run_lock.release()
        self._engine.dispose()

    def lock_for_run(self) -> None:
        """Hold this state for one `claimwatch run`; raise AlreadyRunning if another has it."""
        if self._run_lock is None:
            lock = RunLock(self._engine)
            lock.acquire()
            self._run_lock = lock

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._engine.url.render_as_string(hide_password=True)!r})"

    # feeds

    def ensure_feed(self, name: str, url: str, interval_s: int) -> FeedState:
        """Register a feed (its poll state starts empty) or update its name and interval."""
        with self._writer.begin() as conn:
            conn.execute(
                dialect_insert(conn, t.feeds)
                .values(
                    url=url,
                    name=name,
                    interval_s=interval_s,
                    baseline_done=False,
                    error_count=0,
                    disabled=False,
                )
                .on_conflict_do_update(
                    index_elements=[t.feeds.c.url], set_={"name": name, "interval_s": interval_s}
                )
            )
            row = conn.execute(sa.select(t.feeds).where(t.feeds.c.url == url)).one()
        return _feed_state(row)

    def feed_state(self, url: str) -> FeedState | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(t.feeds).where(t.feeds.c.url == url)).first()
        return None if row is None else _feed_state(row)

    def poll_state(self, url: str) -> PollState | None:
        """The feed's state, when it may be polled next and where it moved: what
        ``feed_state``, ``feed_not_before`` and ``feed_location`` answer, in one indexed read
        on a pooled driver connection (as ``has_story``: a poll asks all three of every feed,
        and three SQLAlchemy reads cost about ten times this one); None for an unknown feed."""
        dialect = self._engine.dialect
        raw = self._engine.raw_connection()
        try:
            cursor = raw.cursor()
            try:
                cursor.execute(self._sql(dialect).poll_state, (_NEXT_POLL + url, _MOVED + url, url))
                row = cursor.fetchone()
            finally:
                cursor.close()
        finally:
            raw.close()  # back to the pool, which ends any transaction the driver began
        if row is None:
            return None
        values = dict(zip(FEED_COLUMNS, row, strict=False))
        # the column type's reading of the driver's value (SQLite: naive UTC text)
        polled_at = _UTC_TIME.process_result_value(values["last_polled_at"], dialect)
        state = FeedState(
            url=values["url"],
            name=values["name"],
            etag=values["etag"],
            last_modified=values["last_modified"],
            last_polled_at=polled_at,
            baseline_done=bool(values["baseline_done"]),
            error_count=values["error_count"],
            last_error=values["last_error"],
            disabled=bool(values["disabled"]),
        )
        next_poll, moved = row[len(FEED_COLUMNS)], row[len(FEED_COLUMNS) + 1]
        return PollState(state, _not_before(next_poll), moved or None)

    def feed_states(self) -> list[FeedState]:
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(t.feeds).order_by(t.feeds.c.id)).all()
        return [_feed_state(row) for row in rows]

    def record_poll(
        self,
        url: str,
        *,
        at: datetime,
        etag: str | None,
        last_modified: str | None,
        error: str | None,
        baseline_done: bool | None = None,
    ) -> None:
        """Note a poll. ``error`` None is a success and resets the error count, else it counts
        one more. On a success the validators given replace the stored ones: a None
        ``etag``/``last_modified`` forgets it (the server stopped sending one, so the next
        request is unconditional). On an error a None keeps the stored value, as does a None
        ``baseline_done`` always."""
        values: dict[str, Any] = {"last_polled_at": at}
        if etag is not None or error is None:
            values["etag"] = etag
        if last_modified is not None or error is None:
            values["last_modified"] = last_modified
        if baseline_done is not None:
            values["baseline_done"] = baseline_done
        if error is None:
            values.update(error_count=0, last_error=None)
        else:
            values.update(error_count=t.feeds.c.error_count + 1, last_error=error[:2000])
        with self._writer.begin() as conn:
            done = conn.execute(sa.update(t.feeds).where(t.feeds.c.url == url).values(values))
            if done.rowcount == 0:
                raise KeyError(f"unknown feed {url!r}: call ensure_feed first")

    # feeds: the poll policy (Service.poll) — disabled feeds, moved URLs, "not before" times.
    # The moved URL and the next poll time live in ``meta`` keyed by the feed's URL.

    def disable_feed(self, url: str, reason: str, *, notice: Notice | None = None) -> None:
        """Stop polling a feed (after a 410, or too many failures); ``reason`` is kept. The
        ``notice`` to its channels is queued in the same transaction."""
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(t.feeds)
                .where(t.feeds.c.url == url)
                .values(disabled=True, last_error=reason[:2000])
            )
            if notice is not None:
                _queue_notice(conn, notice)

    def queue_notice(self, notice: Notice) -> int:
        """Queue a notice for its channels; a channel that had it (same key) gets nothing.
        Returns how many rows were queued."""
        with self._writer.begin() as conn:
            return _queue_notice(conn, notice)

    def enable_feed(self, url: str) -> None:
        """Poll a feed again from a clean slate (no errors, no wait)."""
        with self._writer.begin() as conn:
            conn.execute(
                sa.update(t.feeds)
                .where(t.feeds.c.url == url, t.feeds.c.disabled.is_(True))
                .values(disabled=False, error_count=0)
            )
        if self.get_meta(_NEXT_POLL + url):
            self.set_meta(_NEXT_POLL + url, "")

    def feed_not_before(self, url: str) -> datetime | None:
        """When the feed may be polled next (after a backoff or a Retry-After), if set."""
        return _not_before(self.get_meta(_NEXT_POLL + url))

    def set_feed_not_before(self, url: str, when: datetime | None) -> None:
        self.set_meta(_NEXT_POLL + url, when.astimezone(UTC).isoformat() if when else "")

    def feed_location(self, url: str) -> str | None:
        """Where the feed lives now, if a permanent redirect moved it (301/308)."""
        return self.get_meta(_MOVED + url) or None

    def set_feed_location(self, url: str, location: str) -> None:
        self.set_meta(_MOVED + url, location)

    # stories and the engine's results

    def has_story(self, key: str) -> bool:
        """One indexed read on a pooled driver connection: ``Service.ingest`` asks it before
        every story (``replay``, ``demo``), and a single SELECT needs none of a SQLAlchemy
        transaction's machinery (on SQLite it reads the last commit, as it did in one)."""
        raw = self._engine.raw_connection()
        try:
            cursor = raw.cursor()
            try:
                cursor.execute(self._sql(self._engine.dialect).has_story, (key,))
                found = cursor.fetchone()
            finally:
                cursor.close()
        finally:
            raw.close()  # back to the pool, which ends any transaction the driver began
        return found is not None

    def known_stories(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` are stored already: one query a few hundred keys (a poll's
        stories are checked at once, not one ``has_story`` each)."""
        wanted = list(dict.fromkeys(keys))
        known: set[str] = set()
        if not wanted:
            return known
        with self._engine.connect() as conn:
            sql = self._sql(conn.dialect)
            for start in range(0, len(wanted), _KEYS_A_QUERY):
                chunk = wanted[start : start + _KEYS_A_QUERY]
                query = sql.known_stories.format(", ".join([sql.placeholder] * len(chunk)))
                known.update(conn.exec_driver_sql(query, tuple(chunk)).scalars())
        return known

    def record(
        self,
        result: StoryResult,
        *,
        feed_url: str,
        fetched_at: datetime,
        deliveries: Sequence[tuple[int, str]],
    ) -> list[int]:
        """Write a story and everything concluded from it in one transaction; return the ids of
        its findings, in order. ``deliveries`` are (index into ``result.findings``, channel id):
        one outbox row each. A story key seen before writes nothing and returns []."""
        if unwatched_sqlite(self._engine):
            ids = self._record_on_driver(result, feed_url, fetched_at, deliveries)
        else:
            with self._writer.begin() as conn:
                ids = write_story(
                    ConnectionRun(conn),
                    self._sql(conn.dialect),
                    result,
                    feed_url=feed_url,
                    fetched_at=fetched_at,
                    deliveries=deliveries,
                )
        if ids is None:
            log.debug("story %s already recorded", result.story.key)
            return []
        return ids

    def _record_on_driver(
        self,
        result: StoryResult,
        feed_url: str,
        fetched_at: datetime,
        deliveries: Sequence[tuple[int, str]],
    ) -> list[int] | None:
        """``record``'s transaction on the pooled SQLite connection itself: the same BEGIN
        IMMEDIATE, statements and COMMIT as through SQLAlchemy, less its per-statement work (a
        third of a story's write); a driver error is raised as SQLAlchemy's (``DBAPIError``)."""
        dialect = self._engine.dialect
        sql = self._sql(dialect)
        raw = self._engine.raw_connection()
        try:
            driver: Any = raw.driver_connection  # sqlite3.Connection
            cursor = driver.cursor()
            try:
                cursor.execute("BEGIN IMMEDIATE")
                try:
                    ids = write_story(
                        CursorRun(cursor),
                        sql,
                        result,
                        feed_url=feed_url,
                        fetched_at=fetched_at,
                        deliveries=deliveries,
                    )
                except BaseException:
                    driver.rollback()
                    raise
                driver.commit()
            finally:
                cursor.close()
        except dialect.loaded_dbapi.Error as err:
            raise sa.exc.DBAPIError.instance(
                None, None, err, dialect.loaded_dbapi.Error, dialect=dialect
            ) from err
        finally:
            raw.close()  # back to the pool (which rolls back whatever a failed commit left)
        return ids

    def _sql(self, dialect: sa.Dialect) -> RecordSql:
        """The SQL of the per-story path, built once (building it costs more than running it)."""
        if self._record_sql is None:
            self._record_sql = RecordSql.of(dialect)
        return self._record_sql

    def sync_claims(self, specs: Sequence[ClaimSpec]) -> None:
        """Make the configured claims (learned=False) those given; learned claims stay. One
        executemany for the claims and one for the stale ones (100,000 claims at start-up)."""
        now = datetime.now(UTC)
        with self._writer.begin() as conn:
            insert = dialect_insert(conn, t.claims)
            upsert = insert.on_conflict_do_update(
                index_elements=[t.claims.c.id],
                set_={name: insert.excluded[name] for name in _CLAIM_FIELDS},
            )
            for start in range(0, len(specs), _ROWS_A_BATCH):  # a batch's rows at a time
                rows = [
                    {"id": s.id, "topic": s.topic, "text": s.text, "source": s.source}
                    | {"date": s.date, "learned": False, "created_at": now}
                    for s in specs[start : start + _ROWS_A_BATCH]
                ]
                conn.execute(upsert, rows)
            configured = {s.id for s in specs}
            stale = [
                {"stale": claim_id}
                for claim_id in conn.execute(
                    sa.select(t.claims.c.id).where(t.claims.c.learned.is_(False))
                ).scalars()
                if claim_id not in configured
            ]
            if stale:
                conn.execute(
                    sa.delete(t.claims).where(t.claims.c.id == sa.bindparam("stale")), stale
                )

    def claims(self, *, learned_only: bool = False) -> list[tuple[ClaimSpec, bool]]:
        """Every claim with whether it was learned, configured ones first (``learned_only``:
        just the learned ones, which is what a restart restores)."""
        query = sa.select(t.claims).order_by(
            t.claims.c.learned, t.claims.c.created_at, t.claims.c.id
        )
        if learned_only:
            query = query.where(t.claims.c.learned.is_(True))
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            (
                ClaimSpec(id=r.id, topic=r.topic, text=r.text, source=r.source, date=r.date),
                r.learned,
            )
            for r in rows
        ]

    def sightings(self) -> list[tuple[str, Sighting]]:
        """Every sighting as (claim id, sighting), oldest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(t.sightings).order_by(t.sightings.c.id)).all()
        return [(row.claim_id, sighting_from_row(row)) for row in rows]

    def recent_stories(self, limit: int) -> list[tuple[Story, str]]:
        """The last ``limit`` stories recorded as (story, origin key), newest last."""
        query = sa.select(t.stories).order_by(t.stories.c.id.desc()).limit(limit)
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return [(story_from_row(row), row.origin_key) for row in reversed(rows)]

    # channels and the outbox

    def sync_channels(self, channels: Sequence[tuple[str, str, str | None]]) -> None:
        """Add or update channels (id, platform, chat). Channels not listed are kept, with
        their outbox history; ``pending(channel_id=...)`` picks one channel's rows."""
        with self._writer.begin() as conn:
            for channel_id, platform, chat in channels:
                conn.execute(
                    dialect_insert(conn, t.channels)
                    .values(id=channel_id, platform=platform, chat=chat, settings={})
                    .on_conflict_do_update(
                        index_elements=[t.channels.c.id], set_={"platform": platform, "chat": chat}
                    )
                )

    def pending(self, limit: int = 100, channel_id: str | None = None) -> list[OutboxItem]:
        """Outbox rows still to deliver (pending, or failed but not dead), oldest first."""
        query = (
            sa.select(t.outbox, t.findings.c.payload)
            .outerjoin(t.findings, t.findings.c.id == t.outbox.c.finding_id)
            .where(t.outbox.c.status.in_(_DELIVERABLE))
            .order_by(t.outbox.c.id)
            .limit(limit)
        )
        if channel_id is not None:
            query = query.where(t.outbox.c.channel_id == channel_id)
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            OutboxItem(
                id=row.id,
                channel_id=row.channel_id,
                finding_id=row.finding_id,
                payload=row.payload if row.finding_id is not None else row.notice,
                attempts=row.attempts,
                created_at=row.created_at,
                kind="alert" if row.finding_id is not None else "notice",
                posts_sent=row.posts_sent,
                message_id=row.message_id if row.posts_sent else None,
            )
            for row in rows
        ]

    def record_posts(self, item_id: int | Sequence[int], posts: int, first_id: str) -> None:
        """Record that the first ``posts`` posts of a row's message (or a bundle's rows') are
        out, the first with id ``first_id``: the row stays pending, and the next attempt
        sends only the posts after these (``OutboxItem.posts_sent``)."""
        self._update_outbox(item_id, posts_sent=posts, message_id=first_id)

    def mark_sent(self, item_id: int | Sequence[int], message_id: str, at: datetime) -> None:
        """Mark a row sent, or the rows of a bundle (one message holding several alerts): all
        with the one message id, in one transaction."""
        self._update_outbox(
            item_id,
            status="sent",
            message_id=message_id,
            sent_at=at,
            last_error=None,
            attempts=t.outbox.c.attempts + 1,
        )

    def mark_failed(self, item_id: int, error: str, *, dead: bool = False) -> None:
        """Count a failed attempt; a dead row is never offered again."""
        self._update_outbox(
            item_id,
            status="dead" if dead else "failed",
            last_error=error[:2000],
            attempts=t.outbox.c.attempts + 1,
        )

    def _update_outbox(self, item_id: int | Sequence[int], **values: Any) -> None:
        ids = [item_id] if isinstance(item_id, int) else list(item_id)
        with self._writer.begin() as conn:
            done = conn.execute(sa.update(t.outbox).where(t.outbox.c.id.in_(ids)).values(values))
            if done.rowcount != len(set(ids)):
                raise KeyError(f"no outbox item {item_id}")  # rolled back: none is updated

    def findings_since(
        self, after_id: int, topics: Sequence[str] | None = None
    ) -> list[tuple[int, dict[str, Any]]]:
        """Findings with an id above ``after_id`` (in ``topics`` when given), oldest first."""
        query = sa.select(t.findings.c.id, t.findings.c.payload).where(t.findings.c.id > after_id)
        if topics is not None:
            query = query.where(t.findings.c.topic.in_(list(topics)))
        with self._engine.connect() as conn:
            rows = conn.execute(query.order_by(t.findings.c.id)).all()
        return [(row.id, row.payload) for row in rows]

    def counts(self) -> dict[str, int]:
        """stories, findings, pending, sent, dead, claims, feeds."""

        def total(table: sa.Table, *where: Any) -> Any:
            return sa.select(sa.func.count()).select_from(table).where(*where).scalar_subquery()

        status = t.outbox.c.status
        query = sa.select(
            total(t.stories).label("stories"),
            total(t.findings).label("findings"),
            total(t.outbox, status.in_(_DELIVERABLE)).label("pending"),
            total(t.outbox, status == "sent").label("sent"),
            total(t.outbox, status == "dead").label("dead"),
            total(t.claims).label("claims"),
            total(t.feeds).label("feeds"),
        )
        with self._engine.connect() as conn:
            row = conn.execute(query).one()
        return {name: int(value) for name, value in row._mapping.items()}

    def ops_summary(self) -> OpsSummary:
        """Feeds enabled and disabled, the last poll, outbox rows waiting and dead."""
        feeds, status = t.feeds.c, t.outbox.c.status

        def count(table: sa.Table, *where: Any) -> Any:
            return sa.select(sa.func.count()).select_from(table).where(*where).scalar_subquery()

        query = sa.select(
            count(t.feeds, feeds.disabled.is_(False)).label("enabled"),
            count(t.feeds, feeds.disabled.is_(True)).label("disabled"),
            sa.select(sa.func.max(feeds.last_polled_at)).scalar_subquery().label("last"),
            count(t.outbox, status.in_(_DELIVERABLE)).label("waiting"),
            count(t.outbox, status == "dead").label("dead"),
        )
        with self._engine.connect() as conn:
            row = conn.execute(query).one()
        last = row.last
        if isinstance(last, str):  # SQLite returns max() of a datetime column as text
            last = datetime.fromisoformat(last)
        if last is not None and last.tzinfo is None:
            last = last.replace(tzinfo=UTC)
        return OpsSummary(
            feeds_enabled=int(row.enabled),
            feeds_disabled=int(row.disabled),
            last_polled_at=last,
            outbox_waiting=int(row.waiting),
            outbox_dead=int(row.dead),
        )

    # a small key/value table for other parts' bookkeeping (e.g. the last digest sent)

    def get_meta(self, key: str) -> str | None:
        with self._engine.connect() as conn:
            return conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        with self._writer.begin() as conn:
            conn.execute(
                dialect_insert(conn, t.meta)
                .values(key=key, value=value)
                .on_conflict_do_update(index_elements=[t.meta.c.key], set_={"value": value})
            )


def _queue_notice(conn: sa.Connection, notice: Notice) -> int:
    rows = [
        {
            "channel_id": channel_id,
            "finding_id": None,
            "notice": notice.payload,
            "notice_key": notice.key,
            "status": "pending",
            "attempts": 0,
            "created_at": notice.at,
        }
        for channel_id in dict.fromkeys(notice.channels)
    ]
    queued = 0
    for row in rows:
        done = conn.execute(  # RETURNING: psycopg's rowcount is 0 here, a row inserted or not
            dialect_insert(conn, t.outbox)
            .values(row)
            .on_conflict_do_nothing(index_elements=[t.outbox.c.channel_id, t.outbox.c.notice_key])
            .returning(t.outbox.c.id)
        )
        queued += len(done.all())
    return queued


def _not_before(value: str | None) -> datetime | None:
    if not value:
        return None
    when = datetime.fromisoformat(value)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def _feed_state(row: sa.Row[Any]) -> FeedState:
    return FeedState(
        url=row.url,
        name=row.name,
        etag=row.etag,
        last_modified=row.last_modified,
        last_polled_at=row.last_polled_at,
        baseline_done=bool(row.baseline_done),
        error_count=row.error_count,
        last_error=row.last_error,
        disabled=bool(row.disabled),
    )


def pending_channels(store: Store) -> list[str]:
    """The channels with outbox rows still to deliver (what ``Store.pending`` offers), the one
    with the oldest row first: one query, so that the dispatcher can start a sender per channel
    without reading every row."""
    channel = t.outbox.c.channel_id
    query = (
        sa.select(channel)
        .where(t.outbox.c.status.in_(_DELIVERABLE))
        .group_by(channel)
        .order_by(sa.func.min(t.outbox.c.id))
    )
    with store._engine.connect() as conn:
        return [str(row[0]) for row in conn.execute(query)]
