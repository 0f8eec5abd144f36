"""Labels (named classes of a project) and label assignments (label x image)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from labelstack.db.base import Base
from labelstack.db.types import JSONType, UTCDateTime, utcnow


class LabelKind(enum.StrEnum):
    """How a label is drawn: a class for the whole image, a box, a contour, or a voxel mask."""

    classification = "classification"
    box = "box"
    contour = "contour"
    segmentation = "segmentation"


class AssignmentStatus(enum.StrEnum):
    """Where a label assignment stands: waiting for a task, inside one, or finished."""

    pending = "pending"
    in_task = "in_task"
    done = "done"


class Label(Base):
    __tablename__ = "labels"
    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String(7), default="#e6194b")
    kind: Mapped[LabelKind] = mapped_column(Enum(LabelKind, name="label_kind", native_enum=False, length=16))
    allowed_values: Mapped[list[str]] = mapped_column(JSONType, default=list)
    is_retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LabelAssignment(Base):
    """ "Annotate label L on image X": the unit an admin hands out and packs into tasks.

    ``task_id`` is the live (not cancelled) task that holds the assignment, if any.
    """

    __tablename__ = "label_assignments"
    __table_args__ = (
        Index("ix_label_assignments_project_status", "project_id", "status"),
        Index("ix_label_assignments_label_status", "label_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    label_id: Mapped[int] = mapped_column(ForeignKey("labels.id", ondelete="RESTRICT"))
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"), index=True)
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("instances.id", ondelete="CASCADE"))
    status: Mapped[AssignmentStatus] = mapped_column(
        Enum(AssignmentStatus, name="assignment_status", native_enum=False, length=16),
        default=AssignmentStatus.pending,
    )
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
