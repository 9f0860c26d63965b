"""Notices in the outbox: a row is an alert (``finding_id``) or a notice (``notice`` and its key).

A notice is a message about the bot itself, such as "Feed X is gone (HTTP 410); no longer polled".
Its key (``feed-disabled:<url>``) is unique per channel, so it is queued, and delivered, once.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:  # SQLite: the table is rebuilt
        batch.alter_column("finding_id", existing_type=sa.Integer, nullable=True)
        batch.add_column(sa.Column("notice", sa.JSON))
        batch.add_column(sa.Column("notice_key", sa.Text))
        batch.create_unique_constraint(
            "uq_outbox_channel_id_notice_key", ["channel_id", "notice_key"]
        )
        batch.create_check_constraint(
            "alert_or_notice", "finding_id IS NOT NULL OR notice IS NOT NULL"
        )


def downgrade() -> None:
    op.execute("DELETE FROM outbox WHERE finding_id IS NULL")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_constraint("alert_or_notice", type_="check")
        batch.drop_constraint("uq_outbox_channel_id_notice_key", type_="unique")
        batch.drop_column("notice_key")
        batch.drop_column("notice")
        batch.alter_column("finding_id", existing_type=sa.Integer, nullable=False)
