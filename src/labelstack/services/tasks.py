"""Tasks: create, read, edit, change status, and list them for admins and for their assignees.

Status changes always go through ``task_workflow``. A non-admin only ever
sees tasks assigned to them: anyone else's task answers NotFound.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, func, insert, or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from labelstack.db.types import utcnow
from labelstack.models import (
    AssignmentStatus,
    LabelAssignment,
    Priority,
    ProjectMember,
    Task,
    TaskEvent,
    TaskItem,
    TaskKind,
    User,
)
from labelstack.models import TaskStatus as S
from labelstack.schemas.tasks import ItemRef, StatusChange, TaskCreate, TaskUpdate
from labelstack.services import audit, projects, task_items, task_workflow
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, DomainError, InvalidInput, NotFound

TaskSort = Literal[
    "id",
    "name",
    "project_id",
    "kind",
    "priority",
    "status",
    "assignee_id",
    "due_at",
    "created_at",
    "started_at",
    "finished_at",
    "last_activity_at",
    "items_total",
    "items_done",
    "progress",
    "active_seconds",
]
OPEN_STATES = (S.unassigned, S.open, S.in_progress)
REVIEW_KINDS = (TaskKind.review, TaskKind.qc)


@dataclass(frozen=True)
class TaskFilters:
    search: str | None = None
    project_id: int | None = None
    kind: TaskKind | None = None
    status: tuple[S, ...] = ()
    assignee_id: int | None = None
    priority: Priority | None = None
    due_before: datetime | None = None
    overdue: bool | None = None


def get(db: Session, task_id: int, *, user: User | None = None) -> Task:
    """The task; for a non-admin ``user`` only their own (anything else is NotFound)."""
    task = db.get(Task, task_id)
    if task is None or (user is not None and not user.is_admin and task.assignee_id != user.id):
        raise NotFound(f"task {task_id} not found")
    return task


def is_overdue(task: Task, now: datetime | None = None) -> bool:
    return task.due_at is not None and task.status in OPEN_STATES and task.due_at < (now or utcnow())


def create(db: Session, *, task_in: TaskCreate, actor: Actor) -> Task:
    return create_many(db, tasks_in=[(task_in, task_in.items)], actor=actor)[0]


def create_many(db: Session, *, tasks_in: list[tuple[TaskCreate, list[ItemRef]]], actor: Actor) -> list[Task]:
    """Create tasks with their items in one transaction; any bad one creates none."""
    now = utcnow()
    try:
        created = [
            _create_one(db, task_in=task_in, refs=refs, actor=actor, now=now) for task_in, refs in tasks_in
        ]
    except DomainError:
        db.rollback()
        raise
    db.commit()
    return created


def _create_one(
    db: Session, *, task_in: TaskCreate, refs: list[ItemRef], actor: Actor, now: datetime
) -> Task:
    """One task with its items, flushed but not committed."""
    projects.get(db, task_in.project_id)
    if task_in.due_at is not None and task_in.due_at <= now:
        raise InvalidInput("the due date is in the past")
    if task_in.assignee_id is not None:
        check_assignee(db, project_id=task_in.project_id, kind=task_in.kind, user_id=task_in.assignee_id)
    rows = task_items.resolve(db, project_id=task_in.project_id, kind=task_in.kind, refs=refs)
    task = Task(
        project_id=task_in.project_id,
        name=task_in.name,
        description=task_in.description,
        kind=task_in.kind,
        priority=Priority[task_in.priority],
        due_at=task_in.due_at,
        assignee_id=task_in.assignee_id,
        status=S.open if task_in.assignee_id is not None else S.unassigned,
        created_by_id=actor.user_id,
        created_at=now,
        items_total=len(rows),
    )
    db.add(task)
    db.flush()
    if rows:
        db.execute(
            insert(TaskItem),
            [
                {**row, "task_id": task.id, "project_id": task.project_id, "position": i}
                for i, row in enumerate(rows)
            ],
        )
        assignment_ids = [r["label_assignment_id"] for r in rows if r["label_assignment_id"] is not None]
        if assignment_ids:
            db.execute(
                sql_update(LabelAssignment)
                .where(LabelAssignment.id.in_(assignment_ids))
                .values(status=AssignmentStatus.in_task, task_id=task.id)
            )
    task_workflow.record_creation(db, task=task, actor=actor)
    audit.record(
        db,
        actor=actor,
        action="task.create",
        object_type="task",
        object_id=task.id,
        details={
            "project_id": task.project_id,
            "kind": task.kind.value,
            "assignee_id": task.assignee_id,
            "items": len(rows),
        },
    )
    return task


def check_assignee(db: Session, *, project_id: int, kind: TaskKind, user_id: int) -> User:
    """The user may take a task of ``kind`` in the project: active, a member, with the right part."""
    user = db.get(User, user_id)
    if user is None:
        raise InvalidInput(f"user {user_id} does not exist")
    if not user.is_active:
        raise InvalidInput(f"user {user.username!r} is deactivated")
    member = db.get(ProjectMember, (project_id, user_id))
    if member is None:
        raise InvalidInput(f"user {user.username!r} is not a member of project {project_id}")
    if kind in REVIEW_KINDS and not member.can_review:
        raise InvalidInput(f"user {user.username!r} does not review in project {project_id}")
    if kind not in REVIEW_KINDS and not member.can_annotate:
        raise InvalidInput(f"user {user.username!r} does not annotate in project {project_id}")
    return user


def update(db: Session, *, task_id: int, task_in: TaskUpdate, actor: Actor) -> Task:
    task = get(db, task_id)
    apply_changes(db, task=task, changes=task_in.model_dump(exclude_unset=True), actor=actor)
    db.commit()
    return task


def apply_changes(
    db: Session, *, task: Task, changes: dict[str, Any], actor: Actor, reason: str = ""
) -> None:
    """Apply field changes to one task (assignee changes move its status). Does not commit."""
    if task.status == S.cancelled:
        raise Conflict(f"task {task.id} is cancelled and cannot be edited")
    recorded: dict[str, Any] = {}
    for field in ("name", "description"):
        if changes.get(field) is not None and getattr(task, field) != changes[field]:
            setattr(task, field, changes[field])
            recorded[field] = changes[field]
    if changes.get("priority") is not None and task.priority != Priority[changes["priority"]]:
        task.priority = Priority[changes["priority"]]
        recorded["priority"] = changes["priority"]
    if changes.get("due_at") is not None and task.due_at != changes["due_at"]:
        task.due_at = changes["due_at"]
        recorded["due_at"] = changes["due_at"].isoformat()
    if "assignee_id" in changes and changes["assignee_id"] != task.assignee_id:
        _reassign(db, task=task, assignee_id=changes["assignee_id"], actor=actor, reason=reason)
        recorded["assignee_id"] = changes["assignee_id"]
    if recorded:
        audit.record(
            db, actor=actor, action="task.update", object_type="task", object_id=task.id, details=recorded
        )


def _reassign(db: Session, *, task: Task, assignee_id: int | None, actor: Actor, reason: str) -> None:
    if task.status == S.done:
        raise Conflict(f"task {task.id} is done; its assignee cannot change")
    if assignee_id is None:
        if task.status == S.in_progress:
            task_workflow.transition(db, task=task, to=S.open, actor=actor, reason=reason)
        if task.status == S.open:
            task_workflow.transition(db, task=task, to=S.unassigned, actor=actor, reason=reason)
        task.assignee_id = None
        return
    check_assignee(db, project_id=task.project_id, kind=task.kind, user_id=assignee_id)
    if task.status in (S.unassigned, S.in_progress):
        task_workflow.transition(db, task=task, to=S.open, actor=actor, reason=reason)
    task.assignee_id = assignee_id


def change_status(db: Session, *, task_id: int, change: StatusChange, actor: Actor) -> Task:
    """An admin's explicit status change; preconditions of the target state are checked here."""
    task = get(db, task_id)
    task_workflow.check(task, change.status)
    if change.status == S.open and task.assignee_id is None:
        raise InvalidInput("assign the task before opening it")
    if change.status == S.done:
        require_finishable(task, force=change.force)
    task_workflow.transition(db, task=task, to=change.status, actor=actor, reason=change.reason)
    if change.status == S.unassigned:
        task.assignee_id = None
    db.commit()
    return task


def require_finishable(task: Task, *, force: bool) -> None:
    pending = task.items_total - task.items_finished
    if pending and not force:
        raise Conflict(f"{pending} item(s) are not finished; finish them or pass force")


def history(db: Session, *, task_id: int, user: User) -> list[TaskEvent]:
    get(db, task_id, user=user)
    return list(
        db.scalars(select(TaskEvent).where(TaskEvent.task_id == task_id).order_by(TaskEvent.id)).all()
    )


def list_tasks(
    db: Session,
    *,
    filters: TaskFilters,
    sort: TaskSort = "due_at",
    descending: bool = False,
    limit: int = 50,
    offset: int = 0,
    now: datetime | None = None,
) -> tuple[list[Task], int]:
    conditions = _conditions(filters, now or utcnow())
    column: Any = _sort_column(sort)
    order = column.desc() if descending else column.asc()
    if sort in ("due_at", "started_at", "finished_at", "last_activity_at"):
        order = order.nulls_last() if not descending else order.nulls_first()
    tie = Task.id.desc() if descending else Task.id.asc()
    if filters.search:
        # a text search scans (or, on PostgreSQL, probes the trigram index) once for page and total
        counted = db.execute(
            select(Task, func.count().over())
            .where(*conditions)
            .order_by(order, tie)
            .limit(limit)
            .offset(offset)
        ).all()
        if counted:
            return [row[0] for row in counted], int(counted[0][1])
    total = db.scalar(select(func.count()).select_from(Task).where(*conditions)) or 0
    rows = db.scalars(select(Task).where(*conditions).order_by(order, tie).limit(limit).offset(offset)).all()
    return list(rows), total


def _sort_column(sort: TaskSort) -> ColumnElement[Any]:
    if sort == "progress":
        return (Task.items_done + Task.items_skipped) * 1.0 / func.nullif(Task.items_total, 0)
    column: ColumnElement[Any] = getattr(Task, sort)
    return column


def _conditions(filters: TaskFilters, now: datetime) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.search:
        escaped = filters.search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(Task.search_text.like(f"%{escaped}%", escape="\\"))
    if filters.project_id is not None:
        conditions.append(Task.project_id == filters.project_id)
    if filters.kind is not None:
        conditions.append(Task.kind == filters.kind)
    if filters.status:
        conditions.append(Task.status.in_(filters.status))
    if filters.assignee_id is not None:
        conditions.append(Task.assignee_id == filters.assignee_id)
    if filters.priority is not None:
        conditions.append(Task.priority == filters.priority)
    if filters.due_before is not None:
        conditions.append(Task.due_at < filters.due_before)
    if filters.overdue is True:
        conditions.append(and_(Task.status.in_(OPEN_STATES), Task.due_at < now))
    elif filters.overdue is False:
        conditions.append(or_(Task.status.not_in(OPEN_STATES), Task.due_at.is_(None), Task.due_at >= now))
    return conditions
