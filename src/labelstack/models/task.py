"""Tasks, their items, their status history and the active time reported on them.

Review items point at an annotation version that does not have a table yet:
``TaskItem.annotation_version_id`` is a plain integer today and gains its
foreign key when the annotation tables arrive (migration 0004). Every item
also carries ``series_id``, the series the item is about, so that the access
rule ("a user sees the images of their own tasks") is one indexed lookup for
every item type, and ``project_id``, so progress per project needs no join.

``Task`` keeps denormalised counters (items total / done / skipped, active
seconds) that the task services update in the same transaction as the items,
so list pages report progress without touching the item table.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, validates
from sqlalchemy.types import TypeDecorator

from labelstack.db.base import Base
from labelstack.db.types import UTCDateTime, utcnow


class TaskKind(enum.StrEnum):
    """The kind of work: classify images, draw per label assignment, check annotations, or QC."""

    label = "label"
    annotate = "annotate"
    review = "review"
    qc = "qc"


class TaskStatus(enum.StrEnum):
    """Workflow states; the allowed changes live in ``services.task_workflow``."""

    unassigned = "unassigned"
    open = "open"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"


class Priority(enum.IntEnum):
    """Stored as a number so that sorting by priority means sorting by urgency."""

    low = 0
    normal = 1
    high = 2
    urgent = 3


class PriorityType(TypeDecorator[Priority]):
    impl = SmallInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return int(value) if isinstance(value, Priority) else int(Priority[str(value)])

    def process_result_value(self, value: int | None, dialect: Dialect) -> Priority | None:
        return None if value is None else Priority(value)


class ItemType(enum.StrEnum):
    """What a task item points at."""

    series = "series"
    instance = "instance"
    label_assignment = "label_assignment"
    annotation_version = "annotation_version"


class ItemStatus(enum.StrEnum):
    pending = "pending"
    done = "done"
    skipped = "skipped"


def _enum(kind: type[enum.Enum], name: str) -> Enum:
    return Enum(kind, name=name, native_enum=False, length=20)


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_project_status_due", "project_id", "status", "due_at", "id"),
        Index("ix_tasks_assignee_status_due", "assignee_id", "status", "due_at", "id"),
        Index("ix_tasks_status_due", "status", "due_at", "id"),
        Index("ix_tasks_due", "due_at", "id"),
        Index("ix_tasks_created", "created_at", "id"),
        Index("ix_tasks_priority", "priority", "id"),
        Index("ix_tasks_project_due", "project_id", "due_at", "id"),
        Index("ix_tasks_project_priority", "project_id", "priority", "id"),
        Index("ix_tasks_assignee_due", "assignee_id", "due_at", "id"),
        Index("ix_tasks_assignee_priority", "assignee_id", "priority", "id"),
        Index("ix_tasks_kind_due", "kind", "due_at", "id"),
        Index("ix_tasks_kind_created", "kind", "created_at", "id"),
        Index("ix_tasks_status_assignee_activity", "status", "assignee_id", "last_activity_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[TaskKind] = mapped_column(_enum(TaskKind, "task_kind"))
    priority: Mapped[Priority] = mapped_column(PriorityType, default=Priority.normal)
    status: Mapped[TaskStatus] = mapped_column(
        _enum(TaskStatus, "task_status"), default=TaskStatus.unassigned
    )
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_activity_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    items_total: Mapped[int] = mapped_column(Integer, default=0)
    items_done: Mapped[int] = mapped_column(Integer, default=0)
    items_skipped: Mapped[int] = mapped_column(Integer, default=0)
    active_seconds: Mapped[int] = mapped_column(BigInteger, default=0)
    search_text: Mapped[str] = mapped_column(
        Text, default="", doc="lower-cased name and description; trigram-indexed on PostgreSQL"
    )

    @validates("name", "description")
    def _keep_search_text(self, key: str, value: str) -> str:
        name = value if key == "name" else (self.name or "")
        description = value if key == "description" else (self.description or "")
        self.search_text = search_text(name, description)
        return value

    @property
    def items_finished(self) -> int:
        return self.items_done + self.items_skipped


def search_text(name: str, description: str) -> str:
    """What text search matches against: one lower-cased column, so one index serves it."""
    return f"{name}\n{description}".lower()


class TaskItem(Base):
    __tablename__ = "task_items"
    __table_args__ = (
        Index("ix_task_items_task_position", "task_id", "position", unique=True),
        Index("ix_task_items_series_task", "series_id", "task_id"),
        Index("ix_task_items_project_finished", "project_id", "finished_day"),
        Index("ix_task_items_finisher_day", "finished_by_id", "finished_day"),
        Index("ix_task_items_assignment", "label_assignment_id"),
        Index("ix_task_items_annotation_version", "annotation_version_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    project_id: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, doc="0-based order within the task")
    item_type: Mapped[ItemType] = mapped_column(_enum(ItemType, "task_item_type"))
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    instance_id: Mapped[int | None] = mapped_column(ForeignKey("instances.id", ondelete="CASCADE"))
    label_assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("label_assignments.id", ondelete="CASCADE")
    )
    annotation_version_id: Mapped[int | None] = mapped_column(
        # use_alter: annotations point at task items, so this closes a cycle of foreign keys
        ForeignKey("annotation_versions.id", ondelete="CASCADE", use_alter=True),
        nullable=True,
        doc="the version a review or QC item is about",
    )
    status: Mapped[ItemStatus] = mapped_column(
        _enum(ItemStatus, "task_item_status"), default=ItemStatus.pending
    )
    skip_reason: Mapped[str] = mapped_column(Text, default="")
    active_seconds: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_day: Mapped[date | None] = mapped_column(Date, nullable=True, doc="UTC day, for per-day stats")
    finished_by_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class TaskEvent(Base):
    """One status change of a task: who, when, from, to (and why)."""

    __tablename__ = "task_events"
    __table_args__ = (Index("ix_task_events_task_at", "task_id", "at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor_username: Mapped[str | None] = mapped_column(String(64), nullable=True)
    from_status: Mapped[TaskStatus | None] = mapped_column(_enum(TaskStatus, "task_status"), nullable=True)
    to_status: Mapped[TaskStatus] = mapped_column(_enum(TaskStatus, "task_status"))
    reason: Mapped[str] = mapped_column(Text, default="")


class WorkTime(Base):
    """Active seconds a client reported for one item: the source of time-spent statistics."""

    __tablename__ = "work_time"
    __table_args__ = (
        Index("ix_work_time_user_day", "user_id", "day"),
        Index("ix_work_time_project_day", "project_id", "day"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer)
    project_id: Mapped[int] = mapped_column(Integer)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    seconds: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    day: Mapped[date] = mapped_column(Date)
