"""Demo annotations: LV labelmaps (accepted, sent back for correction, waiting for review), a classification.

Runs after the demo project and its tasks exist; does nothing when the demo
project already has annotations (idempotent) or has no images yet.
"""

from __future__ import annotations

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.annotations.patch import LabelmapPatch
from labelstack.config import Settings
from labelstack.models import Annotation, Label, Project, Task, TaskItem, TaskKind, TaskStatus, User
from labelstack.schemas.annotation_content import (
    ClassificationContent,
    ClassificationValue,
    LabelmapContent,
    SegmentRef,
)
from labelstack.schemas.annotations import AnnotationCreate
from labelstack.schemas.reviews import PinnedComment, ReviewCreate
from labelstack.schemas.tasks import ItemRef, TaskCreate
from labelstack.services import access, annotation_images, annotation_versions, reviews, task_work, tasks
from labelstack.services.annotation_storage import labelmap_store
from labelstack.services.audit import Actor
from labelstack.services.demo_workflow import PROJECT_NAME
from labelstack.services.errors import DomainError


def load(db: Session, *, settings: Settings) -> str:
    project = db.scalar(select(Project).where(Project.name == PROJECT_NAME))
    if project is None:
        return "demo annotations: no demo project"
    existing = db.scalar(
        select(func.count()).select_from(Annotation).where(Annotation.project_id == project.id)
    )
    if existing:
        return f"demo annotations: {existing} already there"
    people = {
        u.username: u for u in db.scalars(select(User).where(User.username.in_(["anna", "andre", "rita"])))
    }
    labels = {x.name: x for x in db.scalars(select(Label).where(Label.project_id == project.id)).all()}
    items = _annotator_items(db, project.id)
    if len(items) < 2 or "rita" not in people or "LV myocardium" not in labels:
        return "demo annotations: no annotation tasks on images yet"
    store = labelmap_store(settings)
    made: list[Annotation] = []
    for item, task in items[:3]:
        author = db.get(User, task.assignee_id)
        if author is None:
            continue
        try:
            shape = annotation_images.labelmap_shape(db, item.series_id)
        except DomainError:
            continue
        content = LabelmapContent(
            segments=[SegmentRef(number=1, label_id=labels["LV myocardium"].id)],
            patch=LabelmapPatch.from_volume(_ring(shape)).to_json(),
        )
        body = AnnotationCreate(
            project_id=project.id,
            label_id=labels["LV myocardium"].id,
            series_id=item.series_id,
            task_item_id=item.id,
            active_seconds=180,
            tool="brush",
            client={"app": "demo"},
            content=content,
        )
        annotation = annotation_versions.create(
            db, annotation_in=body, user=author, actor=Actor.of(author), store=store
        )
        reviews.submit(db, annotation_id=annotation.id, base_version=1, user=author, actor=Actor.of(author))
        made.append(annotation)
    if not made:
        return "demo annotations: no series suited to a labelmap"
    rita = people["rita"]
    review_task = tasks.create(
        db,
        task_in=TaskCreate(
            project_id=project.id,
            name="Review LV myocardium",
            kind=TaskKind.review,
            assignee_id=rita.id,
            items=[ItemRef(annotation_version_id=a.head_version_id, series_id=a.series_id) for a in made],
        ),
        actor=Actor.system("demo"),
    )
    task_work.start(db, task_id=review_task.id, user=rita, actor=Actor.of(rita))
    review_items = db.scalars(
        select(TaskItem).where(TaskItem.task_id == review_task.id).order_by(TaskItem.position)
    )
    for n, review_item in enumerate(review_items):
        if n >= 2:
            break  # the third one waits for Rita in the review workspace
        if n == 0:
            decision = ReviewCreate(task_item_id=review_item.id, outcome="accept", comment="Clean borders.")
        else:
            decision = ReviewCreate(
                task_item_id=review_item.id,
                outcome="request_correction",
                comment="Include the papillary muscles consistently.",
                comments=[_pin_on_the_ring(made[n].shape)],
            )
        reviews.create(db, review_in=decision, user=rita, actor=Actor.of(rita))
    if "Image quality" in labels and "andre" in people:
        andre = people["andre"]
        quality = labels["Image quality"]
        annotation_versions.create(
            db,
            annotation_in=AnnotationCreate(
                project_id=project.id,
                label_id=quality.id,
                series_id=made[0].series_id,
                content=ClassificationContent(
                    values=[ClassificationValue(label_id=quality.id, value="good")]
                ),
            ),
            user=andre if _sees(db, andre, made[0].series_id) else rita,
            actor=Actor.system("demo"),
            store=store,
        )
    outcomes = "accepted / sent back / to review"
    return f"demo annotations: {len(made)} LV labelmaps ({outcomes}), reviews and a classification"


def _annotator_items(db: Session, project_id: int) -> list[tuple[TaskItem, Task]]:
    rows = db.execute(
        select(TaskItem, Task)
        .join(Task, Task.id == TaskItem.task_id)
        .where(
            Task.project_id == project_id,
            Task.kind == TaskKind.annotate,
            Task.assignee_id.is_not(None),
            Task.status.in_([TaskStatus.done, TaskStatus.in_progress]),
        )
        .order_by(TaskItem.id)
    ).all()
    return [(item, task) for item, task in rows]


def _sees(db: Session, user: User, series_id: int) -> bool:
    return access.can_see_series(db, user, series_id)


def _pin_on_the_ring(shape: list[int] | None) -> PinnedComment:
    """A pinned comment on the outer border of the ring, on its first slice."""
    slices, rows, columns = shape or [1, 1, 1]
    return PinnedComment(
        text="papillary muscle left out here",
        slice_index=slices // 3,
        x=round(columns / 2 + min(rows, columns) / 5, 1),
        y=round(rows / 2, 1),
    )


def _ring(shape: tuple[int, int, int]) -> np.ndarray:
    """A myocardium-like ring through the middle third of the slices."""
    slices, rows, columns = shape
    yy, xx = np.ogrid[0:rows, 0:columns]
    radius = (yy - rows / 2) ** 2 + (xx - columns / 2) ** 2
    outer, inner = (min(rows, columns) / 5) ** 2, (min(rows, columns) / 8) ** 2
    ring = ((radius <= outer) & (radius >= inner)).astype(np.uint8)
    volume = np.zeros(shape, np.uint8)
    volume[slices // 3 : max(slices // 3 + 1, 2 * slices // 3)] = ring
    return volume
