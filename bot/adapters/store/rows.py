"""Rows to domain values and back: what ``Store.record`` writes and the readers rebuild."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.adapters.store import tables as t
from bot.adapters.store.codec import (
    attribution_from_json,
    attribution_json,
    figure_from_json,
    figure_json,
)
from bot.adapters.store.engine import dialect_insert
from bot.core.model import Sighting, Stance, Story, StoryResult
from bot.core.serialize import finding_to_dict


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


# Statements built once: building one costs more than running it (one executemany a table).
_INSERT_STATEMENTS = sa.insert(t.statements)
_INSERT_SIGHTINGS = sa.insert(t.sightings)
_INSERT_FINDINGS = sa.insert(t.findings).returning(t.findings.c.id, sort_by_parameter_order=True)
_INSERT_CLAIMS: dict[str, Any] = {}  # dialect name -> INSERT ... ON CONFLICT (id) DO NOTHING


def _claims_insert(conn: sa.Connection) -> Any:
    name = conn.dialect.name
    stmt = _INSERT_CLAIMS.get(name)
    if stmt is None:
        stmt = _INSERT_CLAIMS[name] = dialect_insert(conn, t.claims).on_conflict_do_nothing(
            index_elements=[t.claims.c.id]
        )
    return stmt


def write_results(
    conn: sa.Connection, result: StoryResult, story_id: int, fetched_at: datetime
) -> None:
    """The statements, learned claims and sightings of one story."""
    if result.statements:
        conn.execute(
            _INSERT_STATEMENTS,
            [
                {
                    "story_id": story_id,
                    "position": position,
                    "sentence": s.sentence,
                    "claim_id": s.claim_id,
                    "stance": str(s.stance),
                    "figures": [figure_json(f) for f in s.figures],
                    "attribution": attribution_json(s.attribution),
                    "score": s.score,
                }
                for position, s in enumerate(result.statements)
            ],
        )
    if result.new_claims:
        conn.execute(
            _claims_insert(conn),
            [
                {
                    "id": spec.id,
                    "topic": spec.topic,
                    "text": spec.text,
                    "source": spec.source,
                    "date": spec.date,
                    "learned": True,
                    "created_at": fetched_at,
                }
                for spec in result.new_claims
            ],
        )
    if result.sightings:
        conn.execute(
            _INSERT_SIGHTINGS,
            [
                {
                    "claim_id": claim_id,
                    "story_key": s.story_key,
                    "origin_key": s.origin_key,
                    "figure": figure_json(s.figure),
                    "attribution": attribution_json(s.attribution),
                    "outlet": s.outlet,
                    "url": s.url,
                    "published": s.published,
                    "stance": str(s.stance),
                }
                for claim_id, s in result.sightings
            ],
        )


def write_findings(conn: sa.Connection, result: StoryResult, created_at: datetime) -> list[int]:
    if not result.findings:
        return []
    rows = [
        {
            "kind": str(f.kind),
            "severity": f.severity,
            "topic": f.topic,
            "claim_id": f.claim_id,
            "story_key": f.story.key,
            "payload": finding_to_dict(f),
            "created_at": created_at,
        }
        for f in result.findings
    ]
    inserted = conn.execute(_INSERT_FINDINGS, rows)
    return [int(found_id) for found_id in inserted.scalars()]
