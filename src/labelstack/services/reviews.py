"""Reviews: a reviewer's decision on one annotation version, and the loop it drives.

Accept makes the version final. Request correction sends the annotation back
to its annotator: their task item re-opens through the workflow (or, if they
have none to re-open, a correction task is created for the version's author),
and when they hand in the next version the review item re-opens pointing at
it. Reviews are numbered per annotation; the whole history stays.
"""

from __future__ import annotations

import contextlib

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from labelstack.models import (
    Annotation,
    AnnotationStatus,
    AnnotationVersion,
    Review,
    ReviewComment,
    ReviewOutcome,
    Task,
    TaskItem,
    TaskKind,
    TaskStatus,
    User,
)
from labelstack.schemas.reviews import ReviewCreate
from labelstack.schemas.tasks import ItemRef, TaskCreate
from labelstack.services import annotation_versions, audit, task_work, task_workflow, tasks
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, InvalidInput, NotFound, PermissionDenied


def create(db: Session, *, review_in: ReviewCreate, user: User, actor: Actor) -> Review:
    """Record a review of the version a review task item points at, and act on its outcome."""
    item = db.get(TaskItem, review_in.task_item_id)
    task = db.get(Task, item.task_id) if item is not None else None
    if item is None or task is None:
        raise NotFound(f"task item {review_in.task_item_id} not found")
    if task.assignee_id != user.id:
        raise PermissionDenied("only the reviewer of this review task may review its items")
    if task.kind != TaskKind.review:
        raise InvalidInput(f"task {task.id} is a {task.kind.value} task, not a review task")
    if item.annotation_version_id is None:
        raise InvalidInput(f"task item {item.id} does not point at an annotation version")
    if task.status != TaskStatus.in_progress:
        raise Conflict(f"start task {task.id} before reviewing its items (it is {task.status.value})")
    version = db.get(AnnotationVersion, item.annotation_version_id)
    annotation = db.get(Annotation, version.annotation_id) if version is not None else None
    if version is None or annotation is None:
        raise InvalidInput(f"task item {item.id} points at a version that does not exist")
    require_not_withdrawn(annotation)
    number = annotation.review_count + 1
    swapped = db.execute(
        update(Annotation)
        .where(Annotation.id == annotation.id, Annotation.review_count == number - 1)
        .values(review_count=number)
        .execution_options(synchronize_session=False)
    )
    if swapped.rowcount != 1:  # type: ignore[attr-defined]
        db.rollback()
        raise Conflict(
            f"another review of annotation {annotation.id} was recorded at the same moment; try again"
        )
    annotation.review_count = number
    review = Review(
        annotation_id=annotation.id,
        number=number,
        version_id=version.id,
        task_item_id=item.id,
        reviewer_id=user.id,
        outcome=review_in.outcome,
        comment=review_in.comment,
    )
    db.add(review)
    db.flush()
    for pin in review_in.comments:
        db.add(
            ReviewComment(review_id=review.id, text=pin.text, slice_index=pin.slice_index, x=pin.x, y=pin.y)
        )
    audit.record(
        db,
        actor=actor,
        action=f"review.{review_in.outcome.value}",
        object_type="annotation",
        object_id=annotation.id,
        details={"review": number, "version": version.number, "task_id": task.id, "item_id": item.id},
    )
    if review_in.outcome == ReviewOutcome.accept:
        annotation.status = AnnotationStatus.final
        annotation.final_version_id = version.id
        annotation.review_item_id = None
    elif review_in.outcome == ReviewOutcome.request_correction:
        annotation.status = AnnotationStatus.changes_requested
        annotation.review_item_id = item.id
        _send_back(db, annotation=annotation, version=version, actor=actor, reason=review_in.comment)
    if review_in.outcome == ReviewOutcome.comment:
        db.commit()
    else:
        # marks the review item done (and the review task when it was the last); commits everything
        task_work.finish_item(db, task_id=task.id, index=item.position, user=user, actor=actor)
    return review


def require_not_withdrawn(annotation: Annotation) -> None:
    """A withdrawn annotation (its author removed it) has nothing left to review."""
    if annotation.withdrawn_at is not None:
        raise Conflict(
            f"annotation {annotation.id} was withdrawn by its author "
            f"on {annotation.withdrawn_at:%Y-%m-%d %H:%M} UTC; there is nothing to review"
        )


def submit(db: Session, *, annotation_id: int, base_version: int, user: User, actor: Actor) -> Annotation:
    """The annotator hands in the head version; after a correction request it goes back into review."""
    annotation = annotation_versions.get(db, annotation_id, user=user)
    annotation_versions.check_editable(db, annotation, user)
    if annotation.version_count != base_version:
        raise annotation_versions.stale(db, annotation, base_version)
    if annotation.status == AnnotationStatus.final:
        raise Conflict(f"annotation {annotation.id} is final; save a new version first")
    reopened = _back_into_review(db, annotation=annotation, actor=actor)
    annotation.status = AnnotationStatus.submitted
    audit.record(
        db,
        actor=actor,
        action="annotation.submit",
        object_type="annotation",
        object_id=annotation.id,
        details={"version": base_version, "review_item_id": reopened},
    )
    db.commit()
    return annotation


def list_reviews(db: Session, *, annotation_id: int, user: User) -> list[tuple[Review, list[ReviewComment]]]:
    annotation = annotation_versions.get(db, annotation_id, user=user)
    rows = db.scalars(
        select(Review).where(Review.annotation_id == annotation.id).order_by(Review.number)
    ).all()
    comments: dict[int, list[ReviewComment]] = {r.id: [] for r in rows}
    if rows:
        for comment in db.scalars(
            select(ReviewComment).where(ReviewComment.review_id.in_(comments)).order_by(ReviewComment.id)
        ).all():
            comments[comment.review_id].append(comment)
    return [(r, comments[r.id]) for r in rows]


def _send_back(
    db: Session, *, annotation: Annotation, version: AnnotationVersion, actor: Actor, reason: str
) -> None:
    """Re-open the annotator's item, or create a correction task when there is none to re-open."""
    item = db.get(TaskItem, annotation.task_item_id) if annotation.task_item_id else None
    task = db.get(Task, item.task_id) if item is not None else None
    if item is not None and task is not None and task.status != TaskStatus.cancelled:
        # a pending item raises Conflict: the work is already with the annotator
        with contextlib.suppress(Conflict):
            task_workflow.reopen_for_correction(
                db, task_id=task.id, item_id=item.id, actor=actor, reason=reason or "correction requested"
            )
        return
    author = version.author_id or annotation.created_by_id
    if author is None:
        raise InvalidInput("the version has no author to send the correction to")
    correction = tasks.create(
        db,
        task_in=TaskCreate(
            project_id=annotation.project_id,
            name=f"Correction of annotation {annotation.id}",
            description=reason,
            kind=TaskKind.annotate,
            assignee_id=author,
            items=[ItemRef(series_id=annotation.series_id)],
        ),
        actor=actor,
    )
    new_item = db.scalar(select(TaskItem).where(TaskItem.task_id == correction.id))
    annotation.task_item_id = new_item.id if new_item else None


def _back_into_review(db: Session, *, annotation: Annotation, actor: Actor) -> int | None:
    if annotation.status != AnnotationStatus.changes_requested or annotation.review_item_id is None:
        return None
    item = db.get(TaskItem, annotation.review_item_id)
    task = db.get(Task, item.task_id) if item is not None else None
    if item is None or task is None or task.status == TaskStatus.cancelled:
        return None
    task_workflow.reopen_for_correction(
        db, task_id=task.id, item_id=item.id, actor=actor, reason=f"annotation {annotation.id} corrected"
    )
    item.annotation_version_id = annotation.head_version_id
    annotation.review_item_id = None
    return item.id
