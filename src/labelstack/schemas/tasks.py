"""Tasks, their items and their history as the API sees them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from labelstack.models.task import ItemStatus, ItemType, Priority, TaskKind, TaskStatus
from labelstack.schemas.common import ReadModel

PriorityName = Literal["low", "normal", "high", "urgent"]


class ItemRef(BaseModel):
    """One thing to work on. Give exactly one of: a label assignment, an annotation version
    (with the series it is drawn on), an instance, or a series."""

    series_id: int | None = None
    instance_id: int | None = None
    label_assignment_id: int | None = None
    annotation_version_id: int | None = None

    @model_validator(mode="after")
    def _one_target(self) -> ItemRef:
        if self.annotation_version_id is not None:
            if self.series_id is None or self.instance_id is not None or self.label_assignment_id is not None:
                raise ValueError("an annotation version item needs series_id and nothing else")
            return self
        given = [v for v in (self.series_id, self.instance_id, self.label_assignment_id) if v is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of series_id, instance_id, label_assignment_id")
        return self

    @property
    def item_type(self) -> ItemType:
        if self.annotation_version_id is not None:
            return ItemType.annotation_version
        if self.label_assignment_id is not None:
            return ItemType.label_assignment
        if self.instance_id is not None:
            return ItemType.instance
        return ItemType.series


class TaskCreate(BaseModel):
    project_id: int
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=10_000)
    kind: TaskKind
    priority: PriorityName = "normal"
    due_at: datetime | None = None
    assignee_id: int | None = None
    items: list[ItemRef] = Field(default_factory=list, max_length=10_000)

    @field_validator("due_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return _require_aware(value)


class TaskUpdate(BaseModel):
    """Fields an admin may change; omitted fields stay. ``assignee_id: null`` unassigns."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=10_000)
    priority: PriorityName | None = None
    due_at: datetime | None = None
    assignee_id: int | None = None

    @field_validator("due_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return _require_aware(value)


def _require_aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("give the time zone (e.g. 2026-12-01T12:00:00Z)")
    return value


class BulkCreate(BaseModel):
    """Split ``items`` into packages of ``package_size`` and hand them out."""

    project_id: int
    name_prefix: str = Field(min_length=1, max_length=150)
    description: str = Field(default="", max_length=10_000)
    kind: TaskKind
    priority: PriorityName = "normal"
    due_at: datetime | None = None
    items: list[ItemRef] = Field(min_length=1, max_length=100_000)
    package_size: int = Field(ge=1, le=10_000)
    assignee_ids: list[int] = Field(default_factory=list, max_length=500)
    strategy: Literal["round_robin", "balanced"] = "round_robin"

    @field_validator("due_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return _require_aware(value)


class BulkEdit(BaseModel):
    """The same change to many tasks at once; all of them change or none."""

    task_ids: list[int] = Field(min_length=1, max_length=10_000)
    assignee_id: int | None = None
    unassign: bool = False
    priority: PriorityName | None = None
    due_at: datetime | None = None
    cancel: bool = False
    reason: str = Field(default="", max_length=2000)

    @field_validator("due_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return _require_aware(value)

    @model_validator(mode="after")
    def _something(self) -> BulkEdit:
        if self.assignee_id is not None and self.unassign:
            raise ValueError("give assignee_id or unassign, not both")
        if not (self.cancel or self.unassign or self.assignee_id or self.priority or self.due_at):
            raise ValueError("nothing to change")
        return self


class StatusChange(BaseModel):
    status: TaskStatus
    reason: str = Field(default="", max_length=2000)
    force: bool = False


class FinishTask(BaseModel):
    force: bool = Field(default=False, description="finish even though some items are still pending")


class SkipItem(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class ActiveTime(BaseModel):
    seconds: int = Field(ge=1, le=3600, description="active seconds since the last report")


class TaskRead(ReadModel):
    id: int
    project_id: int
    name: str
    description: str
    kind: TaskKind
    priority: PriorityName
    status: TaskStatus
    assignee_id: int | None
    due_at: datetime | None
    overdue: bool = False
    created_by_id: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    last_activity_at: datetime | None
    items_total: int
    items_done: int
    items_skipped: int
    items_finished: int
    progress: float = 0.0
    active_seconds: int

    @field_validator("priority", mode="before")
    @classmethod
    def _priority_name(cls, value: object) -> object:
        return value.name if isinstance(value, Priority) else value

    @model_validator(mode="after")
    def _derived(self) -> TaskRead:
        live = self.status in (TaskStatus.unassigned, TaskStatus.open, TaskStatus.in_progress)
        self.overdue = bool(live and self.due_at is not None and self.due_at < datetime.now(UTC))
        self.progress = round(self.items_finished / self.items_total, 4) if self.items_total else 0.0
        return self


class TaskItemRead(ReadModel):
    id: int
    task_id: int
    position: int
    item_type: ItemType
    series_id: int
    instance_id: int | None
    label_assignment_id: int | None
    annotation_version_id: int | None
    status: ItemStatus
    skip_reason: str
    active_seconds: int
    finished_at: datetime | None


class ItemAt(BaseModel):
    """An item with its place in the task, for walking next / previous / by index."""

    item: TaskItemRead
    index: int
    total: int
    previous_index: int | None
    next_index: int | None
    next_pending_index: int | None


class TaskEventRead(ReadModel):
    id: int
    at: datetime
    actor_id: int | None
    actor_username: str | None
    from_status: TaskStatus | None
    to_status: TaskStatus
    reason: str


class BulkCreated(BaseModel):
    tasks: list[TaskRead]


class BulkEdited(BaseModel):
    updated: int
