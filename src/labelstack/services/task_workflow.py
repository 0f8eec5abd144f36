"""The task state machine: the one place that knows which status may follow which.

    unassigned ──assign──▶ open ──start──▶ in_progress ──finish──▶ done
        ▲                   │ ▲                │                    │
        └────unassign───────┘ └───reassign─────┘                    │
    any state except cancelled ──cancel──▶ cancelled (final)        │
    done ──(only through review: reopen_for_correction)──▶ open ◀───┘

Every change writes a ``TaskEvent`` (who, when, from, to, why) and an audit
row in the caller's transaction; the caller commits.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.db.types import utcnow
from labelstack.models import AssignmentStatus, ItemStatus, LabelAssignment, Task, TaskEvent, TaskItem
from labelstack.models import TaskStatus as S
from labelstack.services import audit
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, InvalidTransition, NotFound

#: Changes anyone with the right to act on the task may ask for.
ALLOWED: dict[S, tuple[S, ...]] = {
    S.unassigned: (S.open, S.cancelled),
    S.open: (S.unassigned, S.in_progress, S.cancelled),
    S.in_progress: (S.open, S.done, S.cancelled),
    S.done: (S.cancelled,),
    S.cancelled: (),
}

#: Changes only a review may cause: done work goes back to its assignee for correction.
THROUGH_REVIEW: dict[S, tuple[S, ...]] = {S.done: (S.open,)}

#: Statuses in which a task still holds its label assignments and grants access to its images.
LIVE = (S.unassigned, S.open, S.in_progress, S.done)


def allowed_next(current: S, *, through_review: bool = False) -> list[S]:
    extra = THROUGH_REVIEW.get(current, ()) if through_review else ()
    return [*ALLOWED[current], *extra]


def check(task: Task, to: S, *, through_review: bool = False) -> None:
    """Raise InvalidTransition (409, with the allowed next states) unless ``to`` may follow."""
    if to not in allowed_next(task.status, through_review=through_review):
        raise InvalidTransition(task.status.value, to.value, [s.value for s in allowed_next(task.status)])


def transition(
    db: Session, *, task: Task, to: S, actor: Actor, reason: str = "", through_review: bool = False
) -> TaskEvent:
    """Move ``task`` to ``to``: check, stamp times, keep history, audit. Does not commit."""
    check(task, to, through_review=through_review)
    now = utcnow()
    before = task.status
    task.status = to
    task.last_activity_at = now
    if to == S.in_progress and task.started_at is None:
        task.started_at = now
    if to in (S.done, S.cancelled):
        task.finished_at = now
    elif before in (S.done,):
        task.finished_at = None
    if to == S.cancelled:
        _release_assignments(db, task)
    event = TaskEvent(
        task_id=task.id,
        at=now,
        actor_id=actor.user_id,
        actor_username=actor.username,
        from_status=before,
        to_status=to,
        reason=reason,
    )
    db.add(event)
    audit.record(
        db,
        actor=actor,
        action="task.status",
        object_type="task",
        object_id=task.id,
        details={"from": before.value, "to": to.value, **({"reason": reason} if reason else {})},
    )
    return event


def record_creation(db: Session, *, task: Task, actor: Actor) -> TaskEvent:
    """The first history row of a task: from nothing to its initial status."""
    event = TaskEvent(
        task_id=task.id,
        at=task.created_at,
        actor_id=actor.user_id,
        actor_username=actor.username,
        from_status=None,
        to_status=task.status,
    )
    db.add(event)
    return event


def reopen_for_correction(db: Session, *, task_id: int, item_id: int, actor: Actor, reason: str) -> Task:
    """Send one item of finished work back to its assignee, as a review requesting correction does.

    The item becomes pending again; a done task re-opens (done → open, the only
    way back from done). Adds to the caller's transaction; the caller commits.
    """
    task = db.get(Task, task_id, with_for_update=True)
    if task is None:
        raise NotFound(f"task {task_id} not found")
    item = db.get(TaskItem, item_id)
    if item is None or item.task_id != task_id:
        raise NotFound(f"item {item_id} not found in task {task_id}")
    if task.status == S.cancelled:
        raise InvalidTransition(task.status.value, S.open.value, [])
    if item.status == ItemStatus.pending:
        raise Conflict(f"item {item_id} is not finished; nothing to correct")
    if task.status == S.done:
        transition(db, task=task, to=S.open, actor=actor, reason=reason, through_review=True)
    reset_item(db, task=task, item=item)
    audit.record(
        db,
        actor=actor,
        action="task.item_reopen",
        object_type="task",
        object_id=task.id,
        details={"item_id": item.id, "reason": reason},
    )
    db.flush()
    return task


def reset_item(db: Session, *, task: Task, item: TaskItem) -> None:
    """Make a finished item pending again, keeping the task's counters right."""
    if item.status == ItemStatus.done:
        task.items_done -= 1
    elif item.status == ItemStatus.skipped:
        task.items_skipped -= 1
    item.status = ItemStatus.pending
    item.skip_reason = ""
    item.finished_at = None
    item.finished_day = None
    item.finished_by_id = None
    if item.label_assignment_id is not None:
        assignment = db.get(LabelAssignment, item.label_assignment_id)
        if assignment is not None:
            assignment.status = AssignmentStatus.in_task


def _release_assignments(db: Session, task: Task) -> None:
    for assignment in db.scalars(select(LabelAssignment).where(LabelAssignment.task_id == task.id)).all():
        if assignment.status != AssignmentStatus.done:
            assignment.status = AssignmentStatus.pending
        assignment.task_id = None
