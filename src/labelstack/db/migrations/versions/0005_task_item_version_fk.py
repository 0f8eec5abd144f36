"""task items: foreign key from annotation_version_id to the annotation version it points at

The column came with the workflow tables, before annotation versions existed,
so it had no constraint. Review items whose version is gone are removed
first (the constraint deletes them from now on, as it deletes items whose
series is deleted).

On SQLite the constraint needs the table rebuilt (batch mode). Dropping the
old table would run its foreign keys' ON DELETE actions (SQLite empties a
table before dropping it), which would clear every annotation's
``task_item_id``; so foreign keys are switched off for the rebuild, outside
the transaction as SQLite requires, and every reference is checked before
they are switched on again. (The orphan clean-up is committed at that point.)

Revision ID: 0005_task_item_version_fk
Revises: 0004_annotations
Create Date: 2026-11-24 09:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_task_item_version_fk"
down_revision: str | Sequence[str] | None = "0004_annotations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK_NAME = "fk_task_items_annotation_version_id_annotation_versions"


def upgrade() -> None:
    op.execute(
        "DELETE FROM task_items WHERE annotation_version_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM annotation_versions v WHERE v.id = task_items.annotation_version_id)"
    )
    with _sqlite_foreign_keys_off(), op.batch_alter_table("task_items", schema=None) as batch_op:
        batch_op.create_foreign_key(
            FK_NAME, "annotation_versions", ["annotation_version_id"], ["id"], ondelete="CASCADE"
        )


def downgrade() -> None:
    with _sqlite_foreign_keys_off(), op.batch_alter_table("task_items", schema=None) as batch_op:
        batch_op.drop_constraint(FK_NAME, type_="foreignkey")


class _sqlite_foreign_keys_off:
    """On SQLite, foreign key enforcement off while a table is rebuilt; a no-op elsewhere."""

    def __enter__(self) -> None:
        self.sqlite = op.get_bind().dialect.name == "sqlite"
        if self.sqlite:
            _pragma_outside_transaction("PRAGMA foreign_keys=OFF")

    def __exit__(self, exc_type: object, *_: object) -> None:
        if not self.sqlite:
            return
        if exc_type is None:
            broken = op.get_bind().execute(sa.text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                raise RuntimeError(f"foreign keys broken by the table rebuild: {broken[:5]}")
        _pragma_outside_transaction("PRAGMA foreign_keys=ON")


def _pragma_outside_transaction(pragma: str) -> None:
    """Run ``pragma`` between two transactions of the migration's connection.

    SQLite ignores ``PRAGMA foreign_keys`` inside a transaction, and the
    engine issues BEGIN itself (see ``db.engine``), so the transaction Alembic
    runs in is committed, the pragma run, and a new one begun in its place.
    """
    sqlite_connection = op.get_bind().connection.driver_connection
    assert sqlite_connection is not None
    sqlite_connection.execute("COMMIT")
    sqlite_connection.execute(pragma)
    sqlite_connection.execute("BEGIN")
