"""What a reviewer's screen shows for one review item, read in one go.

The version under review with its content, the annotation's whole history of
versions and reviews (numbered per annotation, with their pinned comments),
and the names of the people in it, so a reviewer who is not an admin can see
who drew what without reading the user directory.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.models import (
    Annotation,
    AnnotationVersion,
    Review,
    ReviewComment,
    TaskItem,
    TaskKind,
    User,
)
from labelstack.services import annotation_versions, reviews, task_work, tasks
from labelstack.services.errors import InvalidInput


@dataclass(frozen=True)
class ReviewContext:
    item: TaskItem
    annotation: Annotation
    version: AnnotationVersion
    versions: list[AnnotationVersion]
    reviews: list[tuple[Review, list[ReviewComment]]]
    people: dict[int, str]


def for_item(db: Session, *, task_id: int, index: int, user: User) -> ReviewContext:
    """The review screen of item ``index`` of review task ``task_id`` (its assignee or an admin)."""
    task = tasks.get(db, task_id, user=user)
    if task.kind != TaskKind.review:
        raise InvalidInput(f"task {task.id} is a {task.kind.value} task, not a review task")
    item = task_work.item_at(db, task_id=task.id, index=index, user=user).item
    version = db.get(AnnotationVersion, item.annotation_version_id) if item.annotation_version_id else None
    if version is None:
        raise InvalidInput(f"task item {item.id} does not point at an annotation version")
    annotation = annotation_versions.get(db, version.annotation_id, user=user)
    reviews.require_not_withdrawn(annotation)
    history = annotation_versions.history(db, annotation=annotation)
    reviewed = reviews.list_reviews(db, annotation_id=annotation.id, user=user)
    ids = {v.author_id for v in history} | {r.reviewer_id for r, _ in reviewed} | {annotation.created_by_id}
    people = {
        u.id: u.full_name or u.username
        for u in db.scalars(select(User).where(User.id.in_({i for i in ids if i is not None}))).all()
    }
    return ReviewContext(item, annotation, version, history, reviewed, people)
