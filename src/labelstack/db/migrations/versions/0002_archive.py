"""archive index

Revision ID: 0002_archive
Revises: 0001_foundation
Create Date: 2026-11-24 05:22:48.673560
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import labelstack.db.types

revision: str = "0002_archive"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_key", sa.String(length=128), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("patient_name", sa.String(length=324), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=16), nullable=False),
        sa.Column("created_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
        sa.UniqueConstraint("patient_key", name=op.f("uq_patients_patient_key")),
    )
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patients_patient_id"), ["patient_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_patients_patient_name"), ["patient_name"], unique=False)

    op.create_table(
        "studies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("study_instance_uid", sa.String(length=64), nullable=False),
        sa.Column("patient_fk", sa.Integer(), nullable=False),
        sa.Column("study_date", sa.Date(), nullable=True),
        sa.Column("study_time", sa.String(length=32), nullable=False),
        sa.Column("description", sa.String(length=256), nullable=False),
        sa.Column("accession_number", sa.String(length=64), nullable=False),
        sa.Column("study_id", sa.String(length=32), nullable=False),
        sa.Column("referring_physician", sa.String(length=324), nullable=False),
        sa.Column("modalities", sa.String(length=128), nullable=False),
        sa.Column("body_parts", sa.String(length=256), nullable=False),
        sa.Column("number_of_series", sa.Integer(), nullable=False),
        sa.Column("number_of_instances", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("created_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_fk"], ["patients.id"], name=op.f("fk_studies_patient_fk_patients"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_studies")),
        sa.UniqueConstraint("study_instance_uid", name=op.f("uq_studies_study_instance_uid")),
    )
    with op.batch_alter_table("studies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_studies_accession_number"), ["accession_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_studies_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_studies_description"), ["description"], unique=False)
        batch_op.create_index(batch_op.f("ix_studies_patient_fk"), ["patient_fk"], unique=False)
        batch_op.create_index("ix_studies_study_date_id", ["study_date", "id"], unique=False)

    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_instance_uid", sa.String(length=64), nullable=False),
        sa.Column("study_fk", sa.Integer(), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("body_part", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=256), nullable=False),
        sa.Column("series_number", sa.Integer(), nullable=True),
        sa.Column("frame_of_reference_uid", sa.String(length=64), nullable=False),
        sa.Column("number_of_instances", sa.Integer(), nullable=False),
        sa.Column("number_of_frames", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("source_format", sa.String(length=16), nullable=False),
        sa.Column("extra", labelstack.db.types.JSONType, nullable=False),
        sa.Column("created_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["study_fk"], ["studies.id"], name=op.f("fk_series_study_fk_studies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
        sa.UniqueConstraint("series_instance_uid", name=op.f("uq_series_series_instance_uid")),
    )
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_series_body_part"), ["body_part"], unique=False)
        batch_op.create_index(batch_op.f("ix_series_modality"), ["modality"], unique=False)
        batch_op.create_index(batch_op.f("ix_series_study_fk"), ["study_fk"], unique=False)

    op.create_table(
        "instances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sop_instance_uid", sa.String(length=64), nullable=False),
        sa.Column("sop_class_uid", sa.String(length=64), nullable=False),
        sa.Column("series_fk", sa.Integer(), nullable=False),
        sa.Column("instance_number", sa.Integer(), nullable=True),
        sa.Column("image_position", labelstack.db.types.JSONType, nullable=True),
        sa.Column("image_orientation", labelstack.db.types.JSONType, nullable=True),
        sa.Column("slice_location", sa.Float(), nullable=True),
        sa.Column("temporal_position", sa.Integer(), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=True),
        sa.Column("columns", sa.Integer(), nullable=True),
        sa.Column("number_of_frames", sa.Integer(), nullable=False),
        sa.Column("transfer_syntax_uid", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("created_at", labelstack.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_fk"], ["series.id"], name=op.f("fk_instances_series_fk_series"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instances")),
        sa.UniqueConstraint("sop_instance_uid", name=op.f("uq_instances_sop_instance_uid")),
    )
    with op.batch_alter_table("instances", schema=None) as batch_op:
        batch_op.create_index(
            "ix_instances_series_order", ["series_fk", "instance_number", "id"], unique=False
        )

    op.create_table(
        "instance_metadata",
        sa.Column("instance_fk", sa.Integer(), nullable=False),
        sa.Column("dicom_json", labelstack.db.types.JSONType, nullable=False),
        sa.ForeignKeyConstraint(
            ["instance_fk"],
            ["instances.id"],
            name=op.f("fk_instance_metadata_instance_fk_instances"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("instance_fk", name=op.f("pk_instance_metadata")),
    )


def downgrade() -> None:
    op.drop_table("instance_metadata")
    with op.batch_alter_table("instances", schema=None) as batch_op:
        batch_op.drop_index("ix_instances_series_order")

    op.drop_table("instances")
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_series_study_fk"))
        batch_op.drop_index(batch_op.f("ix_series_modality"))
        batch_op.drop_index(batch_op.f("ix_series_body_part"))

    op.drop_table("series")
    with op.batch_alter_table("studies", schema=None) as batch_op:
        batch_op.drop_index("ix_studies_study_date_id")
        batch_op.drop_index(batch_op.f("ix_studies_patient_fk"))
        batch_op.drop_index(batch_op.f("ix_studies_description"))
        batch_op.drop_index(batch_op.f("ix_studies_created_at"))
        batch_op.drop_index(batch_op.f("ix_studies_accession_number"))

    op.drop_table("studies")
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patients_patient_name"))
        batch_op.drop_index(batch_op.f("ix_patients_patient_id"))

    op.drop_table("patients")
