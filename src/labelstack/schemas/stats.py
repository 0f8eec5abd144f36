"""Dashboard statistics as the API returns them."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field


class DayCount(BaseModel):
    day: date
    count: int


class StatusCounts(BaseModel):
    total: int
    by_status: dict[str, int]


class TaskCounts(StatusCounts):
    overdue: int


class ItemCounts(BaseModel):
    total: int
    finished: int


class ProjectStats(BaseModel):
    project_id: int
    name: str
    images: int
    assignments: StatusCounts
    tasks: TaskCounts
    items: ItemCounts
    active_seconds: int
    progress_per_day: list[DayCount]


class UserTaskCounts(BaseModel):
    by_status: dict[str, int]
    done: int


class UserDay(BaseModel):
    day: date
    items_finished: int
    active_seconds: int


class UserStats(BaseModel):
    user_id: int
    username: str
    tasks: UserTaskCounts
    items_done: int
    items_skipped: int
    annotations_made: int = Field(description="annotations the user saved a version of (imports included)")
    reviews_made: int = Field(description="review decisions the user recorded")
    active_seconds: int
    per_day: list[UserDay]


class LabelStats(BaseModel):
    label_id: int
    name: str
    kind: str
    is_retired: bool
    assignments: int
    by_status: dict[str, int]


class QcDecisionCount(BaseModel):
    decision: str
    count: int
    percent: float


class QcStats(BaseModel):
    project_id: int | None
    total: int
    decisions: list[QcDecisionCount]


class WorkingNow(BaseModel):
    user_id: int
    username: str
    task_id: int
    task_name: str
    project_id: int
    project_name: str
    kind: str
    current_index: int | None
    items_total: int
    items_finished: int
    tasks_in_progress: int
    last_activity_at: datetime | None
