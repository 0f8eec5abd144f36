"""What an assignee does with a task: start it, walk its items, finish items, report time, finish it.

Progress counters and active time on the task row change in the same
transaction as the items, so list pages read them without touching items.
Finishing the last pending item finishes the task.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from labelstack.db.types import utcnow
from labelstack.models import AssignmentStatus, ItemStatus, LabelAssignment, Task, TaskItem, User, WorkTime
from labelstack.models import TaskStatus as S
from labelstack.services import audit, task_workflow, tasks
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, NotFound, PermissionDenied


@dataclass(frozen=True)
class ItemPosition:
    item: TaskItem
    index: int
    total: int
    previous_index: int | None
    next_index: int | None
    next_pending_index: int | None


def start(db: Session, *, task_id: int, user: User, actor: Actor) -> Task:
    """The assignee starts the task. Starting a task already in progress changes nothing and is
    no error: a second tab, a workspace opened again, or a retried request while the first start
    was on its way all mean the same thing. Every other status is checked as usual."""
    task = _own_task(db, task_id, user, lock=True)
    if task.status == S.in_progress:
        return task
    task_workflow.transition(db, task=task, to=S.in_progress, actor=actor)
    db.commit()
    return task


def item_at(db: Session, *, task_id: int, index: int, user: User) -> ItemPosition:
    task = tasks.get(db, task_id, user=user)
    item = db.scalar(select(TaskItem).where(TaskItem.task_id == task_id, TaskItem.position == index))
    if item is None:
        raise NotFound(f"task {task_id} has no item at index {index}")
    return _position(db, task, item)


def next_pending(db: Session, *, task_id: int, user: User, after: int = -1) -> ItemPosition:
    """The first pending item after ``after`` (wrapping round to the start)."""
    task = tasks.get(db, task_id, user=user)
    index = _next_pending_index(db, task_id, after)
    if index is None:
        raise NotFound(f"task {task_id} has no pending items")
    return item_at(db, task_id=task.id, index=index, user=user)


def list_items(
    db: Session, *, task_id: int, user: User, limit: int = 100, offset: int = 0
) -> tuple[list[TaskItem], int]:
    task = tasks.get(db, task_id, user=user)
    rows = db.scalars(
        select(TaskItem)
        .where(TaskItem.task_id == task_id)
        .order_by(TaskItem.position)
        .limit(limit)
        .offset(offset)
    ).all()
    return list(rows), task.items_total


def finish_item(
    db: Session, *, task_id: int, index: int, user: User, actor: Actor, skip_reason: str | None = None
) -> ItemPosition:
    """Mark one item done (or skipped, with a reason); the last one finishes the task."""
    task = _own_task(db, task_id, user, lock=True)
    if task.status != S.in_progress:
        raise Conflict(f"start task {task_id} before working on its items (it is {task.status.value})")
    item = _item(db, task_id, index)
    now = utcnow()
    if item.status != ItemStatus.pending:
        task_workflow.reset_item(db, task=task, item=item)
    item.status = ItemStatus.skipped if skip_reason is not None else ItemStatus.done
    item.skip_reason = skip_reason or ""
    item.finished_at, item.finished_day, item.finished_by_id = now, now.date(), user.id
    if item.status == ItemStatus.done:
        task.items_done += 1
    else:
        task.items_skipped += 1
    if item.label_assignment_id is not None:
        assignment = db.get(LabelAssignment, item.label_assignment_id)
        if assignment is not None:
            assignment.status = (
                AssignmentStatus.done if item.status == ItemStatus.done else AssignmentStatus.in_task
            )
    task.last_activity_at = now
    audit.record(
        db,
        actor=actor,
        action="task.item_skip" if skip_reason is not None else "task.item_done",
        object_type="task",
        object_id=task.id,
        details={"item_id": item.id, "index": index, **({"reason": skip_reason} if skip_reason else {})},
    )
    if task.items_finished == task.items_total:
        task_workflow.transition(db, task=task, to=S.done, actor=actor, reason="all items finished")
    db.commit()
    return _position(db, task, item)


def finish(db: Session, *, task_id: int, user: User, actor: Actor, force: bool) -> Task:
    """The assignee completes the task; pending items need ``force``."""
    task = _own_task(db, task_id, user, lock=True)
    task_workflow.check(task, S.done)
    tasks.require_finishable(task, force=force)
    pending = task.items_total - task.items_finished
    reason = f"finished with {pending} pending item(s)" if pending else ""
    task_workflow.transition(db, task=task, to=S.done, actor=actor, reason=reason)
    db.commit()
    return task


def add_time(db: Session, *, task_id: int, index: int, seconds: int, user: User, actor: Actor) -> TaskItem:
    """Add active seconds reported by a client (the viewer's autosave) to an item and its task."""
    task = _own_task(db, task_id, user, lock=True)
    if task.status != S.in_progress:
        raise Conflict(f"task {task_id} is {task.status.value}; time counts only while in progress")
    item = _item(db, task_id, index)
    now = utcnow()
    item.active_seconds += seconds
    task.active_seconds += seconds
    task.last_activity_at = now
    db.add(
        WorkTime(
            user_id=user.id,
            project_id=task.project_id,
            task_id=task.id,
            item_id=item.id,
            seconds=seconds,
            at=now,
            day=now.date(),
        )
    )
    db.commit()
    return item


def _own_task(db: Session, task_id: int, user: User, *, lock: bool = False) -> Task:
    """The caller's own task: others' tasks are NotFound, and admins act on it only if it is theirs."""
    task = db.get(Task, task_id, with_for_update=lock)
    if task is None or (task.assignee_id != user.id and not user.is_admin):
        raise NotFound(f"task {task_id} not found")
    if task.assignee_id != user.id:
        raise PermissionDenied("only the assignee works on a task")
    return task


def _item(db: Session, task_id: int, index: int) -> TaskItem:
    item = db.scalar(select(TaskItem).where(TaskItem.task_id == task_id, TaskItem.position == index))
    if item is None:
        raise NotFound(f"task {task_id} has no item at index {index}")
    return item


def _next_pending_index(db: Session, task_id: int, after: int) -> int | None:
    def first(condition: ColumnElement[bool]) -> int | None:
        found: int | None = db.scalar(
            select(func.min(TaskItem.position)).where(
                TaskItem.task_id == task_id, TaskItem.status == ItemStatus.pending, condition
            )
        )
        return found

    found = first(TaskItem.position > after)
    return found if found is not None else first(TaskItem.position <= after)


def _position(db: Session, task: Task, item: TaskItem) -> ItemPosition:
    index, total = item.position, task.items_total
    return ItemPosition(
        item=item,
        index=index,
        total=total,
        previous_index=index - 1 if index > 0 else None,
        next_index=index + 1 if index + 1 < total else None,
        next_pending_index=_next_pending_index(db, task.id, index),
    )
