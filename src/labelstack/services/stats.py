"""Who did what: numbers for the dashboard, each one a grouped query over indexed columns.

QC decisions are counted by the QC service, which registers its query in
``QC_DECISIONS``: what a decision means lives there, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from labelstack.db.types import utcnow
from labelstack.models import (
    AnnotationVersion,
    AssignmentStatus,
    ItemStatus,
    Label,
    LabelAssignment,
    Project,
    ProjectImage,
    Review,
    Task,
    TaskItem,
    TaskStatus,
    User,
    WorkTime,
)
from labelstack.services import projects
from labelstack.services.errors import NotFound
from labelstack.services.tasks import OPEN_STATES

#: Versions that only change whether an annotation is shown are not annotation work.
_NOT_WORK_SOURCES = ("withdraw", "reinstate")

QC_DECISION_NAMES = ("accept", "reject", "fine_tune", "unclassified")
#: query(db, project_id or None) -> {decision: count}. The QC work registers the real query.
QcSource = Callable[[Session, int | None], dict[str, int]]
QC_DECISIONS: list[QcSource] = [lambda _db, _project_id: {}]

DEFAULT_DAYS = 30


def project_stats(db: Session, *, project_id: int, user: User, days: int = DEFAULT_DAYS) -> dict[str, Any]:
    project = projects.get(db, project_id, user=user)
    now = utcnow()
    since = now.date() - timedelta(days=days - 1)
    images = db.scalar(
        select(func.count()).select_from(ProjectImage).where(ProjectImage.project_id == project_id)
    )
    by_assignment = _grouped(
        db, LabelAssignment.status, LabelAssignment.project_id == project_id, names=list(AssignmentStatus)
    )
    # one pass over the project's tasks: counts, overdue, item counters and time per status
    overdue_now = case((Task.status.in_(OPEN_STATES) & (Task.due_at < now), 1), else_=0)
    by_status = dict.fromkeys([s.value for s in TaskStatus], 0)
    overdue = items_total = items_finished = seconds = 0
    for status, n, late, total, finished, active in db.execute(
        select(
            Task.status,
            func.count(),
            func.sum(overdue_now),
            func.sum(Task.items_total),
            func.sum(Task.items_done + Task.items_skipped),
            func.sum(Task.active_seconds),
        )
        .where(Task.project_id == project_id)
        .group_by(Task.status)
    ).all():
        by_status[str(status)] = int(n)
        overdue += int(late or 0)
        seconds += int(active or 0)
        if status != TaskStatus.cancelled:
            items_total += int(total or 0)
            items_finished += int(finished or 0)
    per_day = dict(
        db.execute(
            select(TaskItem.finished_day, func.count())
            .where(TaskItem.project_id == project_id, TaskItem.finished_day >= since)
            .group_by(TaskItem.finished_day)
        ).all()
    )
    return {
        "project_id": project.id,
        "name": project.name,
        "images": images or 0,
        "assignments": {"total": sum(by_assignment.values()), "by_status": by_assignment},
        "tasks": {"total": sum(by_status.values()), "by_status": by_status, "overdue": overdue},
        "items": {"total": items_total, "finished": items_finished},
        "active_seconds": seconds,
        "progress_per_day": _days(since, now.date(), per_day),
    }


def user_stats(db: Session, *, user_id: int, days: int = DEFAULT_DAYS) -> dict[str, Any]:
    user = db.get(User, user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found")
    today = utcnow().date()
    since = today - timedelta(days=days - 1)
    by_status = _grouped(db, Task.status, Task.assignee_id == user_id, names=list(TaskStatus))
    items = dict(
        db.execute(
            select(TaskItem.status, func.count())
            .where(TaskItem.finished_by_id == user_id, TaskItem.finished_day.is_not(None))
            .group_by(TaskItem.status)
        ).all()
    )
    items_per_day = dict(
        db.execute(
            select(TaskItem.finished_day, func.count())
            .where(TaskItem.finished_by_id == user_id, TaskItem.finished_day >= since)
            .group_by(TaskItem.finished_day)
        ).all()
    )
    time_per_day = dict(
        db.execute(
            select(WorkTime.day, func.sum(WorkTime.seconds))
            .where(WorkTime.user_id == user_id, WorkTime.day >= since)
            .group_by(WorkTime.day)
        ).all()
    )
    total_seconds = db.scalar(
        select(func.coalesce(func.sum(WorkTime.seconds), 0)).where(WorkTime.user_id == user_id)
    )
    annotations_made = db.scalar(
        select(func.count(func.distinct(AnnotationVersion.annotation_id))).where(
            AnnotationVersion.author_id == user_id, AnnotationVersion.source.not_in(_NOT_WORK_SOURCES)
        )
    )
    reviews_made = db.scalar(select(func.count()).select_from(Review).where(Review.reviewer_id == user_id))
    return {
        "user_id": user.id,
        "username": user.username,
        "tasks": {"by_status": by_status, "done": by_status[TaskStatus.done.value]},
        "items_done": items.get(ItemStatus.done, 0),
        "items_skipped": items.get(ItemStatus.skipped, 0),
        "annotations_made": int(annotations_made or 0),
        "reviews_made": int(reviews_made or 0),
        "active_seconds": int(total_seconds or 0),
        "per_day": [
            {
                "day": d["day"],
                "items_finished": d["count"],
                "active_seconds": int(time_per_day.get(d["day"], 0)),
            }
            for d in _days(since, today, items_per_day)
        ],
    }


def label_stats(db: Session, *, project_id: int, user: User) -> list[dict[str, Any]]:
    projects.get(db, project_id, user=user)
    counts: dict[tuple[int, str], int] = {
        (label_id, str(status)): n
        for label_id, status, n in db.execute(
            select(LabelAssignment.label_id, LabelAssignment.status, func.count())
            .where(LabelAssignment.project_id == project_id)
            .group_by(LabelAssignment.label_id, LabelAssignment.status)
        )
    }
    labels = db.scalars(select(Label).where(Label.project_id == project_id).order_by(Label.name)).all()
    result = []
    for label in labels:
        by_status = {s.value: counts.get((label.id, s.value), 0) for s in AssignmentStatus}
        result.append(
            {
                "label_id": label.id,
                "name": label.name,
                "kind": label.kind.value,
                "is_retired": label.is_retired,
                "assignments": sum(by_status.values()),
                "by_status": by_status,
            }
        )
    return result


def qc_stats(db: Session, *, project_id: int | None = None) -> dict[str, Any]:
    if project_id is not None:
        projects.get(db, project_id)
    counts = dict.fromkeys(QC_DECISION_NAMES, 0)
    for source in QC_DECISIONS:
        for name, n in source(db, project_id).items():
            counts[name] = counts.get(name, 0) + n
    total = sum(counts.values())
    return {
        "project_id": project_id,
        "total": total,
        "decisions": [
            {"decision": name, "count": n, "percent": round(100.0 * n / total, 1) if total else 0.0}
            for name, n in counts.items()
        ],
    }


def working_now(db: Session, *, project_id: int | None = None) -> list[dict[str, Any]]:
    """For each user with work in progress, the task they touched last and the item they are on."""
    conditions = [Task.status == TaskStatus.in_progress, Task.assignee_id.is_not(None)]
    if project_id is not None:
        conditions.append(Task.project_id == project_id)
    latest = (
        select(
            Task.assignee_id.label("user_id"),
            func.max(Task.last_activity_at).label("at"),
            func.count().label("in_progress"),
        )
        .where(*conditions)
        .group_by(Task.assignee_id)
        .subquery()
    )
    current_item = (
        select(func.min(TaskItem.position))
        .where(TaskItem.task_id == Task.id, TaskItem.status == ItemStatus.pending)
        .correlate(Task)
        .scalar_subquery()
    )
    rows = db.execute(
        select(Task, User.username, Project.name, current_item, latest.c.in_progress)
        .join(latest, (Task.assignee_id == latest.c.user_id) & (Task.last_activity_at == latest.c.at))
        .join(User, User.id == Task.assignee_id)
        .join(Project, Project.id == Task.project_id)
        .where(*conditions)
        .order_by(Task.last_activity_at.desc(), Task.id)
    ).all()
    result, seen = [], set()
    for task, username, project_name, index, in_progress in rows:
        if task.assignee_id in seen:  # two tasks touched in the same instant: keep one
            continue
        seen.add(task.assignee_id)
        result.append(
            {
                "user_id": task.assignee_id,
                "username": username,
                "task_id": task.id,
                "task_name": task.name,
                "project_id": task.project_id,
                "project_name": project_name,
                "kind": task.kind.value,
                "current_index": index,
                "items_total": task.items_total,
                "items_finished": task.items_finished,
                "tasks_in_progress": int(in_progress),
                "last_activity_at": task.last_activity_at,
            }
        )
    return result


def _grouped(db: Session, column: Any, where: Any, *, names: list[Any]) -> dict[str, int]:
    found = {
        str(k): int(n) for k, n in db.execute(select(column, func.count()).where(where).group_by(column))
    }
    return {str(name): found.get(str(name), 0) for name in names}


def _days(since: date, until: date, counts: dict[Any, int]) -> list[dict[str, Any]]:
    result, day = [], since
    while day <= until:
        result.append({"day": day, "count": int(counts.get(day, 0))})
        day += timedelta(days=1)
    return result
