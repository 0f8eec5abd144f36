"""Many tasks at once: split a selection into packages and hand them out; edit many tasks together.

Both are all-or-nothing: every task is checked and changed inside one
transaction, and the first problem rolls everything back.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.models import Task
from labelstack.models import TaskStatus as S
from labelstack.schemas.tasks import BulkCreate, BulkEdit, TaskCreate
from labelstack.services import audit, task_workflow, tasks
from labelstack.services.audit import Actor
from labelstack.services.errors import DomainError, InvalidInput, NotFound


def create(db: Session, *, request: BulkCreate, actor: Actor) -> list[Task]:
    """Packages of ``package_size`` items, named "<prefix> 1/N" ..., given round-robin or by workload."""
    refs = request.items
    packages = [refs[i : i + request.package_size] for i in range(0, len(refs), request.package_size)]
    assignees = plan_assignees(
        db, assignee_ids=request.assignee_ids, sizes=[len(p) for p in packages], strategy=request.strategy
    )
    width = len(str(len(packages)))
    tasks_in = [
        (
            TaskCreate(
                project_id=request.project_id,
                name=f"{request.name_prefix} {n + 1:0{width}d}/{len(packages)}",
                description=request.description,
                kind=request.kind,
                priority=request.priority,
                due_at=request.due_at,
                assignee_id=assignees[n],
            ),
            package,
        )
        for n, package in enumerate(packages)
    ]
    return tasks.create_many(db, tasks_in=tasks_in, actor=actor)


def plan_assignees(
    db: Session, *, assignee_ids: list[int], sizes: list[int], strategy: str
) -> list[int | None]:
    """Who gets each package. Balanced: the one with the fewest pending items in live tasks so far."""
    if not assignee_ids:
        return [None] * len(sizes)
    if len(set(assignee_ids)) != len(assignee_ids):
        raise InvalidInput("an assignee is listed twice")
    if strategy == "round_robin":
        return [assignee_ids[n % len(assignee_ids)] for n in range(len(sizes))]
    load = dict.fromkeys(assignee_ids, 0)
    pending = func.sum(Task.items_total - Task.items_done - Task.items_skipped)
    for user_id, count in db.execute(
        select(Task.assignee_id, pending)
        .where(Task.assignee_id.in_(assignee_ids), Task.status.in_((S.open, S.in_progress)))
        .group_by(Task.assignee_id)
    ):
        if user_id is not None:
            load[user_id] = int(count or 0)
    order = {user_id: n for n, user_id in enumerate(assignee_ids)}
    plan: list[int | None] = []
    for size in sizes:
        chosen = min(assignee_ids, key=lambda u: (load[u], order[u]))
        plan.append(chosen)
        load[chosen] += size
    return plan


def edit(db: Session, *, request: BulkEdit, actor: Actor) -> int:
    """Apply one change to every listed task, or to none of them."""
    ids = sorted(set(request.task_ids))
    found = {t.id: t for t in db.scalars(select(Task).where(Task.id.in_(ids)).with_for_update()).all()}
    if missing := [i for i in ids if i not in found]:
        raise NotFound(f"task(s) not found: {missing[:20]}")
    changes: dict[str, object] = {}
    if request.priority is not None:
        changes["priority"] = request.priority
    if request.due_at is not None:
        changes["due_at"] = request.due_at
    if request.assignee_id is not None:
        changes["assignee_id"] = request.assignee_id
    if request.unassign:
        changes["assignee_id"] = None
    try:
        for task_id in ids:
            task = found[task_id]
            try:
                if changes:
                    tasks.apply_changes(db, task=task, changes=changes, actor=actor, reason=request.reason)
                if request.cancel:
                    task_workflow.transition(
                        db, task=task, to=S.cancelled, actor=actor, reason=request.reason
                    )
            except DomainError as exc:
                exc.detail = {"task_id": task_id, "error": exc.detail}
                raise
        audit.record(
            db,
            actor=actor,
            action="task.bulk_edit",
            object_type="task",
            object_id=None,
            details={
                "task_ids": ids[:1000],
                "count": len(ids),
                **request.model_dump(mode="json", exclude={"task_ids"}),
            },
        )
        db.commit()
    except Exception:
        db.rollback()
        raise
    return len(ids)
