"""annotations: annotations, immutable versions, drafts per author, reviews and their comments

Revision ID: 0004_annotations
Revises: 0003_workflow
Create Date: 2026-11-24 05:43:42.314122
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labelstack.db.types

revision: str = "0004_annotations"
down_revision: str | Sequence[str] | None = "0003_workflow"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("label_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "classification",
                "box",
                "contour",
                "labelmap",
                "qc",
                name="annotation_kind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("instance_id", sa.Integer(), nullable=True),
        sa.Column("phase", sa.String(length=32), nullable=False),
        sa.Column("task_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("label_assignment_id", sa.Integer(), nullable=True),
        sa.Column("review_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "submitted",
                "changes_requested",
                "final",
                name="annotation_status",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("shape", labelstack.db.types.JSONType, nullable=True),
        sa.Column("version_count", sa.Integer(), nullable=False),
        sa.Column("head_version_id", sa.Integer(), nullable=True),
        sa.Column("final_version_id", sa.Integer(), nullable=True),
        sa.Column("review_count", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_annotations_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["instance_id"],
            ["instances.id"],
            name=op.f("fk_annotations_instance_id_instances"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["label_assignment_id"],
            ["label_assignments.id"],
            name=op.f("fk_annotations_label_assignment_id_label_assignments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["label_id"], ["labels.id"], name=op.f("fk_annotations_label_id_labels"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_annotations_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["review_item_id"],
            ["task_items.id"],
            name=op.f("fk_annotations_review_item_id_task_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"], ["series.id"], name=op.f("fk_annotations_series_id_series"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["task_item_id"],
            ["task_items.id"],
            name=op.f("fk_annotations_task_item_id_task_items"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
    )
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_annotations_label_assignment_id"), ["label_assignment_id"], unique=False
        )
        batch_op.create_index("ix_annotations_project_label", ["project_id", "label_id"], unique=False)
        batch_op.create_index("ix_annotations_series", ["series_id"], unique=False)
        batch_op.create_index("ix_annotations_task_item", ["task_item_id"], unique=False)

    op.create_table(
        "annotation_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("annotation_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("base_version_id", sa.Integer(), nullable=True),
        sa.Column("base_number", sa.Integer(), nullable=False),
        sa.Column("content", labelstack.db.types.JSONType, nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("active_seconds", sa.Integer(), nullable=False),
        sa.Column("saves", sa.Integer(), nullable=False),
        sa.Column("tool", sa.String(length=64), nullable=False),
        sa.Column("client", labelstack.db.types.JSONType, nullable=False),
        sa.Column("created_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotation_id"],
            ["annotations.id"],
            name=op.f("fk_annotation_drafts_annotation_id_annotations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_annotation_drafts_author_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotation_drafts")),
        sa.UniqueConstraint(
            "annotation_id", "author_id", name=op.f("uq_annotation_drafts_annotation_id_author_id")
        ),
    )
    with op.batch_alter_table("annotation_drafts", schema=None) as batch_op:
        batch_op.create_index("ix_annotation_drafts_updated", ["updated_at"], unique=False)

    op.create_table(
        "annotation_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("annotation_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("active_seconds", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("restored_from", sa.Integer(), nullable=True),
        sa.Column("tool", sa.String(length=64), nullable=False),
        sa.Column("client", labelstack.db.types.JSONType, nullable=False),
        sa.Column("content", labelstack.db.types.JSONType, nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotation_id"],
            ["annotations.id"],
            name=op.f("fk_annotation_versions_annotation_id_annotations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_annotation_versions_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["annotation_versions.id"],
            name=op.f("fk_annotation_versions_parent_id_annotation_versions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotation_versions")),
        sa.UniqueConstraint(
            "annotation_id", "number", name=op.f("uq_annotation_versions_annotation_id_number")
        ),
    )
    with op.batch_alter_table("annotation_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_annotation_versions_author_id"), ["author_id"], unique=False)

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("annotation_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("task_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "accept", "request_correction", "comment", name="review_outcome", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotation_id"],
            ["annotations.id"],
            name=op.f("fk_reviews_annotation_id_annotations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["users.id"], name=op.f("fk_reviews_reviewer_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["task_item_id"],
            ["task_items.id"],
            name=op.f("fk_reviews_task_item_id_task_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["annotation_versions.id"],
            name=op.f("fk_reviews_version_id_annotation_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        sa.UniqueConstraint("annotation_id", "number", name=op.f("uq_reviews_annotation_id_number")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_reviewer_id"), ["reviewer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviews_version_id"), ["version_id"], unique=False)

    op.create_table(
        "review_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("slice_index", sa.Integer(), nullable=True),
        sa.Column("x", sa.Float(), nullable=True),
        sa.Column("y", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_comments_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_comments")),
    )
    with op.batch_alter_table("review_comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_comments_review_id"), ["review_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_comments_review_id"))

    op.drop_table("review_comments")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_version_id"))
        batch_op.drop_index(batch_op.f("ix_reviews_reviewer_id"))

    op.drop_table("reviews")
    with op.batch_alter_table("annotation_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_annotation_versions_author_id"))

    op.drop_table("annotation_versions")
    with op.batch_alter_table("annotation_drafts", schema=None) as batch_op:
        batch_op.drop_index("ix_annotation_drafts_updated")

    op.drop_table("annotation_drafts")
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.drop_index("ix_annotations_task_item")
        batch_op.drop_index("ix_annotations_series")
        batch_op.drop_index("ix_annotations_project_label")
        batch_op.drop_index(batch_op.f("ix_annotations_label_assignment_id"))

    op.drop_table("annotations")
