"""Chat settings changed by command: subscriptions, mutes, digest state, tracked claims, feeds.

Revision ID: 0002
Revises: 0001
Create Date: 2025-07-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC_DT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "chat_subscriptions",
        sa.Column("channel_id", sa.Text, nullable=False),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("min_severity", sa.Text),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("updated_at", UTC_DT, nullable=False),
        sa.PrimaryKeyConstraint("channel_id", "topic", name="pk_chat_subscriptions"),
    )
    op.create_table(
        "chat_mutes",
        sa.Column("channel_id", sa.Text, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("created_at", UTC_DT, nullable=False),
        sa.PrimaryKeyConstraint("channel_id", "claim_id", name="pk_chat_mutes"),
    )
    op.create_table(
        "chat_digests",
        sa.Column("channel_id", sa.Text, nullable=False),
        sa.Column("cron", sa.Text),
        sa.Column("timezone", sa.Text),
        sa.Column("last_period", UTC_DT),
        sa.Column("last_finding_id", sa.Integer, nullable=False),
        sa.Column("updated_at", UTC_DT, nullable=False),
        sa.PrimaryKeyConstraint("channel_id", name="pk_chat_digests"),
    )
    op.create_table(
        "chat_claims",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("changed_by", sa.Text),
        sa.Column("updated_at", UTC_DT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_chat_claims"),
    )
    op.create_table(
        "chat_feeds",
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("topic", sa.Text),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("changed_by", sa.Text),
        sa.Column("updated_at", UTC_DT, nullable=False),
        sa.PrimaryKeyConstraint("url", name="pk_chat_feeds"),
    )


def downgrade() -> None:
    for table in ("chat_feeds", "chat_claims", "chat_digests", "chat_mutes", "chat_subscriptions"):
        op.drop_table(table)
