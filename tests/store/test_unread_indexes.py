"""Revision 0005 drops the two indexes no read used (sightings by claim, statements by story):
a store upgraded to it keeps its rows and reads them back; its downgrade puts them back."""

from __future__ import annotations

import sqlalchemy as sa

from bot.adapters.store import Store, create_engine
from tests.migrations import migrate_to
from tests.store.test_store import FEED, T0, TROOPS, result

DROPPED = {("sightings", "ix_sightings_claim_id"), ("statements", "ix_statements_story_id")}


def _indexes(url: str) -> set[tuple[str, str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            inspector = sa.inspect(conn)
            return {
                (table, index["name"])
                for table in ("sightings", "statements", "findings")
                for index in inspector.get_indexes(table)
                if index["name"]
            }
    finally:
        engine.dispose()


def test_revision_0005_drops_the_unread_indexes_and_its_downgrade_restores_them(
    db_url: str,
) -> None:
    with Store.open(db_url) as store:
        store.record(result("a"), feed_url=FEED, fetched_at=T0, deliveries=[])
    assert not _indexes(db_url) & DROPPED
    assert ("findings", "ix_findings_topic") in _indexes(db_url)  # digests read by topic

    migrate_to(db_url, "0004", down=True)
    assert _indexes(db_url) >= DROPPED
    with Store.open(db_url) as store:  # opening upgrades again, and the rows are all there
        store.record(result("b"), feed_url=FEED, fetched_at=T0, deliveries=[])
        assert [(claim, s.story_key, s.figure) for claim, s in store.sightings()] == [
            ("nk-troops", "a", TROOPS),
            ("nk-troops", "b", TROOPS),
        ]
        assert store.counts()["stories"] == 2
    assert not _indexes(db_url) & DROPPED
