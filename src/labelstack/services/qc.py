"""Quality control of segmentations: one decision per QC item and time point, kept as QC annotations.

A QC task's item points at a series (or one labelmap version on it). The QC
user scores each time point they look at (ED, ES, or any point of a 4D
series): accept, reject, fine-tune or unclassified, with a comment. Each
(item, time point) has one QC annotation whose versions are the decisions in
order, so changing one's mind keeps the history and the head is the answer.
Time points are stored as their number (``TemporalPositionIdentifier``), the
same way labelmaps name them; a series without time points uses "".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.annotations.enums import AnnotationKind, QCDecision
from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.models import (
    Annotation,
    AnnotationVersion,
    Instance,
    Label,
    LabelKind,
    Series,
    Task,
    TaskItem,
    TaskKind,
    TaskStatus,
    User,
)
from labelstack.schemas.annotation_content import QCContent
from labelstack.schemas.annotations import AnnotationCreate, VersionSave
from labelstack.services import annotation_versions, stats, task_work, tasks
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, InvalidInput, PermissionDenied


@dataclass(frozen=True)
class TimePoint:
    """One time point of a series: the value stored as ``phase`` and a name to show (ED, ES, 3 ...)."""

    phase: str
    name: str


@dataclass(frozen=True)
class Decision:
    item_id: int
    index: int
    series_id: int
    phase: str
    annotation_id: int
    version: int
    decision: str
    comment: str
    decided_at: Any


@dataclass(frozen=True)
class Segmentation:
    """A labelmap on the item's series that the QC looks at."""

    annotation_id: int
    label_id: int
    phase: str
    version: int


@dataclass(frozen=True)
class ItemContext:
    item: TaskItem
    time_points: list[TimePoint]
    segmentations: list[Segmentation]
    decisions: list[Decision]


def time_points(db: Session, series_id: int) -> list[TimePoint]:
    """The series' time points in order, named by the phases a NIfTI import recorded (ED/ES)."""
    points = sorted(
        p
        for p in db.scalars(
            select(Instance.temporal_position)
            .where(Instance.series_fk == series_id, Instance.temporal_position.is_not(None))
            .distinct()
        ).all()
        if p is not None
    )
    if not points:
        return [TimePoint("", "")]
    series = db.get(Series, series_id)
    names = list(((series.extra or {}).get("nifti") or {}).get("phases") or []) if series else []
    if len(names) != len(points):
        names = [str(p) for p in points]
    return [TimePoint(str(p), str(n)) for p, n in zip(points, names, strict=True)]


def item_context(db: Session, *, task_id: int, index: int, user: User) -> ItemContext:
    """What the QC screen of one item needs: time points, the segmentations to judge, decisions so far."""
    task, item = _qc_item(db, task_id, index, user)
    points = time_points(db, item.series_id)
    return ItemContext(
        item=item,
        time_points=points,
        segmentations=_segmentations(db, task, item, points),
        decisions=[d for d in task_decisions(db, task_id=task.id, user=user) if d.item_id == item.id],
    )


def decide(
    db: Session,
    *,
    task_id: int,
    index: int,
    phase: str,
    decision: QCDecision,
    comment: str,
    active_seconds: int,
    user: User,
    actor: Actor,
    store: LabelmapStore,
) -> Decision:
    """Record the assignee's decision on one time point of one item (a new version when one exists)."""
    task, item = _qc_item(db, task_id, index, user)
    if task.assignee_id != user.id:
        raise PermissionDenied("only the assignee of this QC task makes its decisions")
    if task.status != TaskStatus.in_progress:
        raise Conflict(f"start task {task_id} before deciding on its items (it is {task.status.value})")
    known = {p.phase for p in time_points(db, item.series_id)}
    if phase not in known:
        raise InvalidInput(f"phase {phase!r} is not a time point of series {item.series_id}: {sorted(known)}")
    content = QCContent(decision=decision, comment=comment)
    existing = _decision_annotation(db, item.id, phase)
    if existing is None:
        annotation = annotation_versions.create(
            db,
            annotation_in=AnnotationCreate(
                project_id=task.project_id,
                label_id=_judged_label(db, task, item, phase),
                series_id=item.series_id,
                phase=phase,
                task_item_id=item.id,
                active_seconds=active_seconds,
                tool="qc",
                content=content,
            ),
            user=user,
            actor=actor,
            store=store,
        )
    else:
        annotation_versions.save(
            db,
            annotation_id=existing.id,
            save_in=VersionSave(
                base_version=existing.version_count,
                active_seconds=active_seconds,
                tool="qc",
                content=content,
            ),
            user=user,
            actor=actor,
            store=store,
        )
        annotation = existing
    db.refresh(annotation)
    found = [d for d in _decisions(db, [item]) if d.annotation_id == annotation.id]
    return found[0]


def task_decisions(db: Session, *, task_id: int, user: User) -> list[Decision]:
    """The current decision of every (item, time point) of the task that has one, in item order."""
    tasks.get(db, task_id, user=user)
    items = list(db.scalars(select(TaskItem).where(TaskItem.task_id == task_id)).all())
    return _decisions(db, items)


def counts(decisions: list[Decision]) -> dict[str, int]:
    """How many of each decision, every decision named (zeros included)."""
    result = {d.value: 0 for d in QCDecision}
    for decision in decisions:
        result[decision.decision] = result.get(decision.decision, 0) + 1
    return result


def project_counts(db: Session, project_id: int | None) -> dict[str, int]:
    """Head decisions of every QC annotation (of one project), for the dashboard's QC statistics."""
    query = (
        select(AnnotationVersion.content)
        .join(Annotation, Annotation.head_version_id == AnnotationVersion.id)
        .where(Annotation.kind == AnnotationKind.QC)
    )
    if project_id is not None:
        query = query.where(Annotation.project_id == project_id)
    result: dict[str, int] = {}
    for content in db.scalars(query).all():
        name = str(content.get("decision", "")).replace("-", "_")
        result[name] = result.get(name, 0) + 1
    return result


stats.QC_DECISIONS.append(project_counts)


# -- helpers -------------------------------------------------------------------------------


def _qc_item(db: Session, task_id: int, index: int, user: User) -> tuple[Task, TaskItem]:
    task = tasks.get(db, task_id, user=user)
    if task.kind != TaskKind.qc:
        raise InvalidInput(f"task {task.id} is a {task.kind.value} task, not a QC task")
    item = task_work.item_at(db, task_id=task.id, index=index, user=user).item
    return task, item


def _decision_annotation(db: Session, item_id: int, phase: str) -> Annotation | None:
    return db.scalar(
        select(Annotation)
        .where(
            Annotation.task_item_id == item_id,
            Annotation.kind == AnnotationKind.QC,
            Annotation.phase == phase,
        )
        .order_by(Annotation.id)
        .limit(1)
    )


def _decisions(db: Session, items: list[TaskItem]) -> list[Decision]:
    if not items:
        return []
    by_id = {i.id: i for i in items}
    rows = db.execute(
        select(Annotation, AnnotationVersion)
        .join(AnnotationVersion, AnnotationVersion.id == Annotation.head_version_id)
        .where(Annotation.task_item_id.in_(by_id), Annotation.kind == AnnotationKind.QC)
        .order_by(Annotation.id)
    ).all()
    seen: set[tuple[int, str]] = set()
    found = []
    for annotation, version in rows:
        key = (annotation.task_item_id or 0, annotation.phase)
        if key in seen:  # two tabs that created at once: the first one is the answer
            continue
        seen.add(key)
        item = by_id[annotation.task_item_id or 0]
        found.append(
            Decision(
                item_id=item.id,
                index=item.position,
                series_id=item.series_id,
                phase=annotation.phase,
                annotation_id=annotation.id,
                version=version.number,
                decision=str(version.content.get("decision", "")),
                comment=str(version.content.get("comment", "")),
                decided_at=version.created_at,
            )
        )
    found.sort(key=lambda d: (d.index, d.phase))
    return found


def _segmentations(db: Session, task: Task, item: TaskItem, points: list[TimePoint]) -> list[Segmentation]:
    """The labelmap the item points at, or every labelmap on its series in the task's project."""
    query = select(Annotation).where(
        Annotation.kind == AnnotationKind.LABELMAP,
        Annotation.series_id == item.series_id,
        Annotation.project_id == task.project_id,
        Annotation.version_count > 0,
        Annotation.withdrawn_at.is_(None),
    )
    pinned: AnnotationVersion | None = None
    if item.annotation_version_id is not None:
        pinned = db.get(AnnotationVersion, item.annotation_version_id)
        if pinned is not None:
            query = query.where(Annotation.id == pinned.annotation_id)
    first = points[0].phase
    result = []
    for annotation in db.scalars(query.order_by(Annotation.id)).all():
        final_id = annotation.final_version_id
        final = db.get(AnnotationVersion, final_id) if final_id else None
        number = pinned.number if pinned else (final.number if final else annotation.version_count)
        # a labelmap made without a phase lies on the first time point
        result.append(Segmentation(annotation.id, annotation.label_id, annotation.phase or first, number))
    return result


def _judged_label(db: Session, task: Task, item: TaskItem, phase: str) -> int:
    """The segmentation label a decision is about: that of the item's labelmap, else the project's first."""
    points = time_points(db, item.series_id)
    for segmentation in _segmentations(db, task, item, points):
        if segmentation.phase == phase:
            return segmentation.label_id
    label_id = db.scalar(
        select(func.min(Label.id)).where(
            Label.project_id == task.project_id,
            Label.kind == LabelKind.segmentation,
            Label.is_retired.is_(False),
        )
    )
    if label_id is None:
        raise InvalidInput(f"project {task.project_id} has no segmentation label to record QC decisions on")
    return int(label_id)
