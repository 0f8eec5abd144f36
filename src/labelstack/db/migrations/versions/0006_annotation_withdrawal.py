"""annotations: withdrawn_at and withdrawn_by_id, so removing an annotation is a recorded change

An annotation its author removes from the image is withdrawn, not deleted:
its versions stay, a version with source ``withdraw`` records the moment, and
these two columns say whether (and by whom) it is withdrawn now. Both are
plain nullable columns, so adding and dropping them needs no table rebuild
on SQLite.

Revision ID: 0006_annotation_withdrawal
Revises: 0005_task_item_version_fk
Create Date: 2026-11-24 12:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labelstack.db.types

revision: str = "0006_annotation_withdrawal"
down_revision: str | Sequence[str] | None = "0005_task_item_version_fk"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "annotations",
        sa.Column("withdrawn_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=True),
    )
    op.add_column("annotations", sa.Column("withdrawn_by_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    # plain ALTER TABLE DROP COLUMN (SQLite 3.35+): a batch rebuild of ``annotations`` would run the
    # ON DELETE CASCADE of its versions (see 0005)
    op.drop_column("annotations", "withdrawn_by_id")
    op.drop_column("annotations", "withdrawn_at")
