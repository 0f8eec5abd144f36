"""annotations: client_key and client_sequence, so a create sent twice makes one annotation

A client names the annotation it creates with a key of its own. The same
create can reach the server twice: retried after a lost answer, or sent once
more by a closing tab (a keepalive request) while the first is still on its
way. The second then finds the first's annotation by the key, unique per
creator, instead of making another; ``client_sequence`` keeps the newest of
the bodies taken in. Plain columns and an index: no table rebuild on SQLite.

Revision ID: 0007_annotation_client_key
Revises: 0006_annotation_withdrawal
Create Date: 2026-11-25 12:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_annotation_client_key"
down_revision: str | Sequence[str] | None = "0006_annotation_withdrawal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("annotations", sa.Column("client_key", sa.String(length=64), nullable=True))
    op.add_column(
        "annotations", sa.Column("client_sequence", sa.Integer(), nullable=False, server_default="0")
    )
    op.create_index(
        "uq_annotations_creator_client_key", "annotations", ["created_by_id", "client_key"], unique=True
    )


def downgrade() -> None:
    # plain DROP INDEX / ALTER TABLE DROP COLUMN (SQLite 3.35+): a batch rebuild of ``annotations``
    # would run the ON DELETE CASCADE of its versions (see 0005)
    op.drop_index("uq_annotations_creator_client_key", table_name="annotations")
    op.drop_column("annotations", "client_sequence")
    op.drop_column("annotations", "client_key")
