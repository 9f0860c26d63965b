"""How much of an outbox row's message is out: ``posts_sent`` (and the first post's id in
``message_id`` while the row is pending).

A message can go out in several posts (a long digest, a Telegram message over 4,096
characters, text parts then a photo). When a later post fails, the row stays pending with the
posts already out counted here, and the next attempt sends only the rest.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("posts_sent", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:  # SQLite: the table is rebuilt
        batch.drop_column("posts_sent")
