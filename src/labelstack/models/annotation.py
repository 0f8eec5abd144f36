"""Annotations, their immutable versions, and the one draft per author.

An annotation is one labelled thing on an instance or a series; what it says
lives in versions that are never changed once written. ``version_count`` is
the number of the head version and is what a save compares and swaps, so two
saves on the same base can never both succeed. Labelmap versions hold a
manifest of content-addressed slice files (see ``labelstack.annotations``),
so a version row stays small whatever the volume.

An annotation is never deleted by its author: removing it from the image
withdraws it (``withdrawn_at``), a change recorded as a version like any
other, so its history stays and it can be reinstated.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Enum, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from labelstack.annotations.enums import AnnotationKind
from labelstack.db.base import Base
from labelstack.db.types import JSONType, UTCDateTime, utcnow


class AnnotationStatus(StrEnum):
    """Where an annotation stands in its review loop."""

    open = "open"
    submitted = "submitted"
    changes_requested = "changes_requested"
    final = "final"


def _enum(kind: type[Any], name: str) -> Enum:
    return Enum(kind, name=name, native_enum=False, length=24, values_callable=lambda e: [m.value for m in e])


class Annotation(Base):
    __tablename__ = "annotations"
    __table_args__ = (
        Index("ix_annotations_project_label", "project_id", "label_id"),
        Index("ix_annotations_series", "series_id"),
        Index("ix_annotations_task_item", "task_item_id"),
        Index("uq_annotations_creator_client_key", "created_by_id", "client_key", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    label_id: Mapped[int] = mapped_column(ForeignKey("labels.id", ondelete="RESTRICT"))
    kind: Mapped[AnnotationKind] = mapped_column(_enum(AnnotationKind, "annotation_kind"))
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("instances.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(String(32), default="", doc="time point, e.g. ED/ES, for QC")
    task_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("task_items.id", ondelete="SET NULL"), doc="the annotator's item"
    )
    label_assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("label_assignments.id", ondelete="SET NULL"), index=True
    )
    review_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("task_items.id", ondelete="SET NULL"), doc="the review item that asked for a correction"
    )
    status: Mapped[AnnotationStatus] = mapped_column(
        _enum(AnnotationStatus, "annotation_status"), default=AnnotationStatus.open
    )
    shape: Mapped[list[int] | None] = mapped_column(
        JSONType, nullable=True, doc="labelmap (slices, rows, cols)"
    )
    version_count: Mapped[int] = mapped_column(Integer, default=0, doc="number of the head version")
    head_version_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    final_version_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    review_count: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(
        UTCDateTime, nullable=True, doc="set while the annotation is withdrawn (removed from its image)"
    )
    withdrawn_by_id: Mapped[int | None] = mapped_column(Integer, nullable=True, doc="who withdrew it")
    client_key: Mapped[str | None] = mapped_column(
        String(64), nullable=True, doc="the creating client's key for it: a create sent again finds it"
    )
    client_sequence: Mapped[int] = mapped_column(
        Integer,
        default=0,
        server_default="0",
        doc="the latest of the creating client's bodies taken in (see annotation_creates)",
    )


class AnnotationVersion(Base):
    """One immutable state of an annotation: who, when, how long, from which parent, with what."""

    __tablename__ = "annotation_versions"
    __table_args__ = (UniqueConstraint("annotation_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    annotation_id: Mapped[int] = mapped_column(ForeignKey("annotations.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("annotation_versions.id", ondelete="SET NULL"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    active_seconds: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(
        String(16), default="save", doc="save, draft, quiet, submit, restore, import, withdraw, reinstate"
    )
    restored_from: Mapped[int | None] = mapped_column(Integer, nullable=True, doc="version number restored")
    tool: Mapped[str] = mapped_column(String(64), default="")
    client: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    content: Mapped[dict[str, Any]] = mapped_column(JSONType)
    content_hash: Mapped[str] = mapped_column(String(64))


class AnnotationDraft(Base):
    """Autosaved work of one author on one annotation, overwritten in place until it becomes a version."""

    __tablename__ = "annotation_drafts"
    __table_args__ = (
        UniqueConstraint("annotation_id", "author_id"),
        Index("ix_annotation_drafts_updated", "updated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    annotation_id: Mapped[int] = mapped_column(ForeignKey("annotations.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    base_version_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    base_number: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[dict[str, Any]] = mapped_column(JSONType)
    content_hash: Mapped[str] = mapped_column(String(64))
    active_seconds: Mapped[int] = mapped_column(Integer, default=0)
    saves: Mapped[int] = mapped_column(Integer, default=1)
    tool: Mapped[str] = mapped_column(String(64), default="")
    client: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
