"""Tasks: admins create, edit and list them; everyone lists and reads their own."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from labelstack.api.deps import AdminCaller, CurrentUser, DbSession
from labelstack.models import Priority, TaskKind, TaskStatus
from labelstack.schemas.common import Page
from labelstack.schemas.tasks import (
    BulkCreate,
    BulkCreated,
    BulkEdit,
    BulkEdited,
    PriorityName,
    StatusChange,
    TaskCreate,
    TaskEventRead,
    TaskRead,
    TaskUpdate,
)
from labelstack.services import task_bulk, tasks
from labelstack.services.tasks import TaskFilters, TaskSort

router = APIRouter(prefix="/tasks", tags=["tasks"])


def task_filters(
    search: str | None = None,
    project_id: int | None = None,
    kind: TaskKind | None = None,
    status: Annotated[list[TaskStatus] | None, Query()] = None,
    priority: PriorityName | None = None,
    due_before: datetime | None = None,
    overdue: bool | None = None,
) -> TaskFilters:
    return TaskFilters(
        search=search,
        project_id=project_id,
        kind=kind,
        status=tuple(status or ()),
        priority=Priority[priority] if priority else None,
        due_before=due_before,
        overdue=overdue,
    )


Filters = Annotated[TaskFilters, Depends(task_filters)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]


def _page(rows: list[object], total: int, limit: int, offset: int) -> Page[TaskRead]:
    return Page(items=[TaskRead.model_validate(t) for t in rows], total=total, limit=limit, offset=offset)


@router.get("", response_model=Page[TaskRead])
def list_tasks(
    _admin: AdminCaller,
    db: DbSession,
    filters: Filters,
    assignee_id: int | None = None,
    sort: TaskSort = "due_at",
    descending: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[TaskRead]:
    """Search, filter, sort and page through every task."""
    if assignee_id is not None:
        filters = TaskFilters(**{**filters.__dict__, "assignee_id": assignee_id})
    rows, total = tasks.list_tasks(
        db, filters=filters, sort=sort, descending=descending, limit=limit, offset=offset
    )
    return _page(list(rows), total, limit, offset)


@router.get("/mine", response_model=Page[TaskRead])
def list_my_tasks(
    user: CurrentUser,
    db: DbSession,
    filters: Filters,
    sort: TaskSort = "due_at",
    descending: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[TaskRead]:
    """The caller's own tasks, with the same search, filters and sorting."""
    mine = TaskFilters(**{**filters.__dict__, "assignee_id": user.id})
    rows, total = tasks.list_tasks(
        db, filters=mine, sort=sort, descending=descending, limit=limit, offset=offset
    )
    return _page(list(rows), total, limit, offset)


@router.post("", response_model=TaskRead, status_code=status.HTTP_201_CREATED)
def create_task(body: TaskCreate, caller: AdminCaller, db: DbSession) -> TaskRead:
    """Create one task with its items."""
    return TaskRead.model_validate(tasks.create(db, task_in=body, actor=caller.actor))


@router.post("/bulk", response_model=BulkCreated, status_code=status.HTTP_201_CREATED)
def bulk_create(body: BulkCreate, caller: AdminCaller, db: DbSession) -> BulkCreated:
    """Split a selection into packages and hand them out round-robin or by open workload."""
    created = task_bulk.create(db, request=body, actor=caller.actor)
    return BulkCreated(tasks=[TaskRead.model_validate(t) for t in created])


@router.post("/bulk-edit", response_model=BulkEdited)
def bulk_edit(body: BulkEdit, caller: AdminCaller, db: DbSession) -> BulkEdited:
    """Change assignee, priority, due date or cancel many tasks: all of them or none."""
    return BulkEdited(updated=task_bulk.edit(db, request=body, actor=caller.actor))


@router.get("/{task_id}", response_model=TaskRead)
def read_task(task_id: int, user: CurrentUser, db: DbSession) -> TaskRead:
    """One task (one's own, or any for admins)."""
    return TaskRead.model_validate(tasks.get(db, task_id, user=user))


@router.patch("/{task_id}", response_model=TaskRead)
def update_task(task_id: int, body: TaskUpdate, caller: AdminCaller, db: DbSession) -> TaskRead:
    """Edit a task; changing the assignee moves it back to open."""
    return TaskRead.model_validate(tasks.update(db, task_id=task_id, task_in=body, actor=caller.actor))


@router.post("/{task_id}/status", response_model=TaskRead)
def change_status(task_id: int, body: StatusChange, caller: AdminCaller, db: DbSession) -> TaskRead:
    """Move a task to another status; 409 lists the statuses allowed next."""
    return TaskRead.model_validate(tasks.change_status(db, task_id=task_id, change=body, actor=caller.actor))


@router.get("/{task_id}/history", response_model=list[TaskEventRead])
def task_history(task_id: int, user: CurrentUser, db: DbSession) -> list[TaskEventRead]:
    """Every status change: who, when, from, to."""
    return [TaskEventRead.model_validate(e) for e in tasks.history(db, task_id=task_id, user=user)]
