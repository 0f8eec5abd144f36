"""The demo project: labels, members and tasks in every state, on whatever images the archive holds.

Idempotent and incremental: the project, labels and the tasks that need no
images are made on the first run; the image tasks are made on the first run
that finds images in the archive (so running ``labelstack demo`` again after
importing images fills them in).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.db.types import utcnow
from labelstack.models import (
    AssignmentStatus,
    Label,
    LabelAssignment,
    Project,
    Series,
    Task,
    TaskKind,
    TaskStatus,
    User,
)
from labelstack.schemas.labels import AssignmentsCreate, LabelCreate
from labelstack.schemas.projects import ImagesAdd, MemberIn, ProjectCreate
from labelstack.schemas.tasks import BulkCreate, ItemRef, PriorityName, StatusChange, TaskCreate, TaskUpdate
from labelstack.services import assignments, labels, projects, task_bulk, task_work, tasks
from labelstack.services.audit import Actor

PROJECT_NAME = "Cardiac MR demo"
IMAGE_TASK_PREFIX = "LV myocardium"
ACTOR = Actor.system("demo")

LABELS: list[dict[str, Any]] = [
    {
        "name": "Image quality",
        "kind": "classification",
        "color": "#4363d8",
        "description": "Overall diagnostic quality of the series.",
        "allowed_values": ["good", "acceptable", "non-diagnostic"],
    },
    {
        "name": "Finding",
        "kind": "classification",
        "color": "#f58231",
        "allowed_values": ["normal", "abnormal", "uncertain"],
    },
    {"name": "Lesion", "kind": "box", "color": "#e6194b", "description": "Box around each focal lesion."},
    {"name": "LV endocardium", "kind": "contour", "color": "#3cb44b"},
    {"name": "LV myocardium", "kind": "segmentation", "color": "#ffe119"},
    {"name": "LV blood pool", "kind": "segmentation", "color": "#ef4444"},
    {"name": "RV blood pool", "kind": "segmentation", "color": "#22c55e"},
]

MEMBERS = {
    "admin": (True, True),
    "anna": (True, False),
    "andre": (True, False),
    "rita": (True, True),
}

#: Tasks that need no images: (name, kind, assignee, final status, due in days (negative: overdue), priority)
PLAIN_TASKS: list[tuple[str, TaskKind, str | None, TaskStatus, int, PriorityName]] = [
    ("Read the labelling guide", TaskKind.label, "anna", TaskStatus.done, 5, "normal"),
    ("Agree on LV borders (calibration)", TaskKind.annotate, "andre", TaskStatus.in_progress, 2, "high"),
    ("Check the QC checklist", TaskKind.qc, "rita", TaskStatus.open, -1, "urgent"),
    ("Spare package for a new annotator", TaskKind.annotate, None, TaskStatus.unassigned, 14, "low"),
    ("Old protocol pilot", TaskKind.label, "anna", TaskStatus.cancelled, 3, "normal"),
]


def load(db: Session) -> str:
    people = {u.username: u for u in db.scalars(select(User).where(User.username.in_(MEMBERS))).all()}
    project = _project(db, people)
    label_ids = _labels(db, project)
    series_ids = list(db.scalars(select(Series.id).order_by(Series.id)).all())
    if series_ids:
        projects.add_images(db, project_id=project.id, images=ImagesAdd(series_ids=series_ids), actor=ACTOR)
    made = _plain_tasks(db, project, people)
    if series_ids:
        made += _image_tasks(db, project, people, label_ids, series_ids)
    total = db.scalar(select(func.count()).select_from(Task).where(Task.project_id == project.id))
    images = f"{len(series_ids)} series" if series_ids else "no images yet: run again after importing images"
    return (
        f"demo project {PROJECT_NAME!r}: {len(label_ids)} labels, {total} tasks ({images}) [{made} new tasks]"
    )


def _project(db: Session, people: dict[str, User]) -> Project:
    project = db.scalar(select(Project).where(Project.name == PROJECT_NAME))
    if project is None:
        project = projects.create(
            db,
            project_in=ProjectCreate(
                name=PROJECT_NAME,
                description="Left-ventricle segmentation and image-quality labelling on cardiac MR.",
            ),
            actor=ACTOR,
        )
    present = {m.user_id for m in project.members}
    for username, (annotate, review) in MEMBERS.items():
        user = people.get(username)
        if user is not None and user.id not in present:
            member = MemberIn(user_id=user.id, can_annotate=annotate, can_review=review)
            project = projects.set_member(db, project_id=project.id, member_in=member, actor=ACTOR)
    return project


def _labels(db: Session, project: Project) -> dict[str, int]:
    existing = {x.name: x.id for x in db.scalars(select(Label).where(Label.project_id == project.id)).all()}
    for spec in LABELS:
        if spec["name"] not in existing:
            label = labels.create(
                db, label_in=LabelCreate.model_validate({**spec, "project_id": project.id}), actor=ACTOR
            )
            existing[label.name] = label.id
    return existing


def _plain_tasks(db: Session, project: Project, people: dict[str, User]) -> int:
    names = set(db.scalars(select(Task.name).where(Task.project_id == project.id)).all())
    made = 0
    for name, kind, username, status, due_days, priority in PLAIN_TASKS:
        if name in names or (username is not None and username not in people):
            continue
        assignee = people[username] if username else None
        task = tasks.create(
            db,
            task_in=TaskCreate(
                project_id=project.id,
                name=name,
                kind=kind,
                priority=priority,
                due_at=utcnow() + timedelta(days=max(due_days, 1)),
                assignee_id=assignee.id if assignee else None,
            ),
            actor=ACTOR,
        )
        if due_days < 0:
            tasks.update(
                db,
                task_id=task.id,
                task_in=TaskUpdate(due_at=utcnow() + timedelta(days=due_days)),
                actor=ACTOR,
            )
        _drive(db, task, assignee, status)
        made += 1
    return made


def _image_tasks(
    db: Session, project: Project, people: dict[str, User], label_ids: dict[str, int], series_ids: list[int]
) -> int:
    exists = db.scalar(
        select(Task.id).where(Task.project_id == project.id, Task.name.startswith(IMAGE_TASK_PREFIX))
    )
    annotators = [people[n] for n in ("anna", "andre") if n in people]
    if exists is not None or not annotators:
        return 0
    assignments.create_many(
        db,
        project_id=project.id,
        request=AssignmentsCreate(label_ids=[label_ids["LV myocardium"]], series_ids=series_ids),
        actor=ACTOR,
    )
    pending = db.scalars(
        select(LabelAssignment.id)
        .where(LabelAssignment.project_id == project.id, LabelAssignment.status == AssignmentStatus.pending)
        .order_by(LabelAssignment.id)
    ).all()
    package = max(1, len(pending) // 4)
    created = task_bulk.create(
        db,
        request=BulkCreate(
            project_id=project.id,
            name_prefix=IMAGE_TASK_PREFIX,
            kind=TaskKind.annotate,
            priority="high",
            due_at=utcnow() + timedelta(days=10),
            items=[ItemRef(label_assignment_id=a) for a in pending],
            package_size=package,
            assignee_ids=[u.id for u in annotators],
            strategy="balanced",
        ),
        actor=ACTOR,
    )
    # the packages walk through the workflow: one done, one half way, the rest open (one overdue)
    for n, task in enumerate(created):
        assignee = db.get(User, task.assignee_id) if task.assignee_id else None
        if n == 0:
            _drive(db, task, assignee, TaskStatus.done)
        elif n == 1:
            _drive(db, task, assignee, TaskStatus.in_progress, finish_items=max(1, task.items_total // 2))
        elif n == len(created) - 1 and n > 1:
            tasks.update(
                db, task_id=task.id, task_in=TaskUpdate(due_at=utcnow() - timedelta(days=2)), actor=ACTOR
            )
    made = len(created)
    quality = tasks.create(
        db,
        task_in=TaskCreate(
            project_id=project.id,
            name="Image quality, all series",
            kind=TaskKind.label,
            due_at=utcnow() + timedelta(days=7),
            items=[ItemRef(series_id=s) for s in series_ids],
        ),
        actor=ACTOR,
    )
    reviewer = people.get("rita")
    if reviewer is not None:
        qc = tasks.create(
            db,
            task_in=TaskCreate(
                project_id=project.id,
                name="QC of finished segmentations",
                kind=TaskKind.qc,
                priority="urgent",
                due_at=utcnow() + timedelta(days=3),
                assignee_id=reviewer.id,
                items=[ItemRef(series_id=s) for s in series_ids[: max(1, len(series_ids) // 2)]],
            ),
            actor=ACTOR,
        )
        _drive(db, qc, reviewer, TaskStatus.in_progress, finish_items=1)
        made += 1
    return made + (1 if quality else 0)


def _drive(db: Session, task: Task, assignee: User | None, status: TaskStatus, finish_items: int = 0) -> None:
    """Walk a fresh task through the real workflow to ``status``, as its assignee would."""
    if status in (TaskStatus.unassigned, TaskStatus.open):
        return
    if status == TaskStatus.cancelled:
        tasks.change_status(
            db, task_id=task.id, change=StatusChange(status=status, reason="protocol changed"), actor=ACTOR
        )
        return
    assert assignee is not None
    actor = Actor.of(assignee)
    task_work.start(db, task_id=task.id, user=assignee, actor=actor)
    todo = task.items_total if status == TaskStatus.done else min(finish_items, task.items_total)
    for index in range(todo):
        task_work.add_time(
            db, task_id=task.id, index=index, seconds=90 + 30 * index, user=assignee, actor=actor
        )
        task_work.finish_item(db, task_id=task.id, index=index, user=assignee, actor=actor)
    if status == TaskStatus.done and task.status != TaskStatus.done:
        task_work.finish(db, task_id=task.id, user=assignee, actor=actor, force=False)
