"""Choosing what an export contains, read from the database in one go.

The plan holds plain values only (no ORM rows), so writing the files can
stream after the request's session is gone, and the CLI and the API write
exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.annotations.enums import AnnotationKind
from labelstack.export_formats import ExportWhich
from labelstack.models import (
    Annotation,
    AnnotationVersion,
    Instance,
    Label,
    Review,
    ReviewComment,
    Series,
    Study,
    TaskItem,
    User,
)
from labelstack.schemas.exports import ExportRequest
from labelstack.services import annotation_images, audit
from labelstack.services.audit import Actor
from labelstack.services.errors import NotFound


@dataclass(frozen=True)
class LabelInfo:
    id: int
    name: str
    color: str
    kind: str


@dataclass(frozen=True)
class ImageRef:
    sop_instance_uid: str
    storage_key: str
    rows: int
    columns: int
    frames: int


@dataclass
class PlannedAnnotation:
    annotation_id: int
    kind: AnnotationKind
    label: LabelInfo
    status: str
    phase: str
    study_instance_uid: str
    series_instance_uid: str
    instance: ImageRef | None
    version_number: int
    version_content: dict[str, Any]
    author: str
    created_at: datetime
    tool: str
    client: dict[str, Any]
    series_images: list[ImageRef] = field(default_factory=list)
    """The slices a labelmap lies on, in any order (geometry sorts them)."""


@dataclass
class ExportPlan:
    request: ExportRequest
    annotations: list[PlannedAnnotation]
    labels: dict[int, LabelInfo]
    full: list[dict[str, Any]]
    """For the JSON export: every annotation with all versions and reviews."""
    reviews: list[dict[str, Any]]


def plan(db: Session, *, request: ExportRequest, actor: Actor) -> ExportPlan:
    query = select(Annotation).where(Annotation.withdrawn_at.is_(None))  # withdrawn: removed by their author
    if request.project_id is not None:
        query = query.where(Annotation.project_id == request.project_id)
    elif request.task_id is not None:
        query = query.where(
            Annotation.task_item_id.in_(select(TaskItem.id).where(TaskItem.task_id == request.task_id))
        )
    elif request.annotation_ids is not None:
        query = query.where(Annotation.id.in_(request.annotation_ids))
    if request.which == ExportWhich.final:
        query = query.where(Annotation.final_version_id.is_not(None))
    rows = list(db.scalars(query.order_by(Annotation.id)).all())
    if request.annotation_ids is not None:
        missing = sorted(set(request.annotation_ids) - {a.id for a in rows})
        if missing and request.which == ExportWhich.latest:
            raise NotFound(f"annotations not found: {missing[:20]}")
    versions = _versions(db, [a.id for a in rows])
    users = {u.id: u for u in db.scalars(select(User)).all()}
    labels = {
        row.id: LabelInfo(row.id, row.name, row.color, row.kind.value)
        for row in db.scalars(
            select(Label).where(Label.id.in_({a.label_id for a in rows} | _segment_labels(versions)))
        ).all()
    }
    series = {
        s.id: (s, st)
        for s, st in db.execute(
            select(Series, Study)
            .join(Study, Study.id == Series.study_fk)
            .where(Series.id.in_({a.series_id for a in rows}))
        ).all()
    }
    instances = {
        i.id: i
        for i in db.scalars(
            select(Instance).where(Instance.id.in_({a.instance_id for a in rows if a.instance_id}))
        ).all()
    }
    reviews = _reviews(db, [a.id for a in rows], users)
    planned: list[PlannedAnnotation] = []
    full: list[dict[str, Any]] = []
    for annotation in rows:
        history = versions.get(annotation.id, [])
        chosen_id = (
            annotation.final_version_id if request.which == ExportWhich.final else annotation.head_version_id
        )
        chosen = next((v for v in history if v.id == chosen_id), None)
        if chosen is None:
            continue
        series_row, study_row = series[annotation.series_id]
        instance = instances.get(annotation.instance_id) if annotation.instance_id else None
        item = PlannedAnnotation(
            annotation_id=annotation.id,
            kind=annotation.kind,
            label=labels[annotation.label_id],
            status=annotation.status.value,
            phase=annotation.phase,
            study_instance_uid=study_row.study_instance_uid,
            series_instance_uid=series_row.series_instance_uid,
            instance=_image(instance) if instance else None,
            version_number=chosen.number,
            version_content=chosen.content,
            author=_name(users, chosen.author_id),
            created_at=chosen.created_at,
            tool=chosen.tool,
            client=chosen.client,
        )
        if annotation.kind == AnnotationKind.LABELMAP:
            item.series_images = [
                _image(i)
                for i in annotation_images.series_instances(db, annotation.series_id, annotation.phase)
            ]
        planned.append(item)
        full.append(_full(annotation, history, reviews, users, labels, item))
    audit.record(
        db,
        actor=actor,
        action="annotation.export",
        object_type="project" if request.project_id else None,
        object_id=request.project_id,
        details={"format": request.format.value, "which": request.which.value, "annotations": len(planned)},
    )
    db.commit()
    flat_reviews = [r for a in full for r in a["reviews"]]
    return ExportPlan(request, planned, labels, full, flat_reviews)


def _versions(db: Session, ids: list[int]) -> dict[int, list[AnnotationVersion]]:
    found: dict[int, list[AnnotationVersion]] = {}
    for version in db.scalars(
        select(AnnotationVersion)
        .where(AnnotationVersion.annotation_id.in_(ids))
        .order_by(AnnotationVersion.number)
    ).all():
        found.setdefault(version.annotation_id, []).append(version)
    return found


def _segment_labels(versions: dict[int, list[AnnotationVersion]]) -> set[int]:
    return {
        int(s["label_id"])
        for history in versions.values()
        for v in history
        for s in v.content.get("segments", [])
    }


def _reviews(db: Session, ids: list[int], users: dict[int, User]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    rows = db.scalars(
        select(Review).where(Review.annotation_id.in_(ids)).order_by(Review.annotation_id, Review.number)
    ).all()
    comments: dict[int, list[dict[str, Any]]] = {}
    for comment in db.scalars(
        select(ReviewComment).where(ReviewComment.review_id.in_([r.id for r in rows]))
    ).all():
        comments.setdefault(comment.review_id, []).append(
            {"text": comment.text, "slice_index": comment.slice_index, "x": comment.x, "y": comment.y}
        )
    for review in rows:
        found.setdefault(review.annotation_id, []).append(
            {
                "annotation_id": review.annotation_id,
                "number": review.number,
                "version_id": review.version_id,
                "reviewer": _name(users, review.reviewer_id),
                "outcome": review.outcome.value,
                "comment": review.comment,
                "created_at": review.created_at.isoformat(),
                "comments": comments.get(review.id, []),
            }
        )
    return found


def _full(
    annotation: Annotation,
    history: list[AnnotationVersion],
    reviews: dict[int, list[dict[str, Any]]],
    users: dict[int, User],
    labels: dict[int, LabelInfo],
    item: PlannedAnnotation,
) -> dict[str, Any]:
    numbers = {v.id: v.number for v in history}
    return {
        "id": annotation.id,
        "kind": annotation.kind.value,
        "label": labels[annotation.label_id].name,
        "status": annotation.status.value,
        "study_instance_uid": item.study_instance_uid,
        "series_instance_uid": item.series_instance_uid,
        "sop_instance_uid": item.instance.sop_instance_uid if item.instance else None,
        "phase": annotation.phase,
        "head_version": annotation.version_count,
        "final_version": numbers.get(annotation.final_version_id or -1),
        "created_by": _name(users, annotation.created_by_id),
        "created_at": annotation.created_at.isoformat(),
        "versions": [
            {
                "number": v.number,
                "parent": numbers.get(v.parent_id or -1),
                "author": _name(users, v.author_id),
                "created_at": v.created_at.isoformat(),
                "active_seconds": v.active_seconds,
                "source": v.source,
                "restored_from": v.restored_from,
                "tool": v.tool,
                "client": v.client,
                "content_hash": v.content_hash,
                "content": v.content,
            }
            for v in history
        ],
        "reviews": [{**r, "version": numbers.get(r["version_id"])} for r in reviews.get(annotation.id, [])],
    }


def _image(instance: Instance) -> ImageRef:
    return ImageRef(
        instance.sop_instance_uid,
        instance.storage_key,
        instance.rows or 0,
        instance.columns or 0,
        instance.number_of_frames,
    )


def _name(users: dict[int, User], user_id: int | None) -> str:
    user = users.get(user_id) if user_id is not None else None
    return user.username if user else ""
