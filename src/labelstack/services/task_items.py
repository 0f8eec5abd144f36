"""Turning item references into task items: every reference checked against the project in batches.

Items must belong to the task's project: a series the project holds, an
instance it holds (alone or through its series), one of its pending label
assignments, or a version of one of its annotations (with the series it is
drawn on).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.models import (
    Annotation,
    AnnotationVersion,
    AssignmentStatus,
    ItemType,
    Label,
    LabelAssignment,
    TaskKind,
)
from labelstack.schemas.tasks import ItemRef
from labelstack.services import projects
from labelstack.services.errors import Conflict, InvalidInput

#: Which item types each task kind works on.
KIND_ITEMS: dict[TaskKind, frozenset[ItemType]] = {
    TaskKind.label: frozenset({ItemType.series, ItemType.instance, ItemType.label_assignment}),
    TaskKind.annotate: frozenset({ItemType.series, ItemType.instance, ItemType.label_assignment}),
    TaskKind.review: frozenset({ItemType.annotation_version, ItemType.series, ItemType.instance}),
    TaskKind.qc: frozenset({ItemType.annotation_version, ItemType.series, ItemType.instance}),
}


def resolve(db: Session, *, project_id: int, kind: TaskKind, refs: list[ItemRef]) -> list[dict[str, Any]]:
    """Item column values for each reference, in order; InvalidInput/Conflict for any bad one."""
    if wrong := sorted({r.item_type.value for r in refs} - {t.value for t in KIND_ITEMS[kind]}):
        raise InvalidInput(f"a {kind.value} task cannot hold {', '.join(wrong)} items")
    seen: set[tuple[Any, ...]] = set()
    for ref in refs:
        key = (ref.series_id, ref.instance_id, ref.label_assignment_id, ref.annotation_version_id)
        if key in seen:
            raise InvalidInput(f"item listed twice: {ref.model_dump(exclude_none=True)}")
        seen.add(key)
    series_wanted = {r.series_id for r in refs if r.series_id is not None}
    series_ok = projects.series_in_project(db, project_id, series_wanted)
    instances = projects.instances_in_project(db, project_id, {r.instance_id for r in refs if r.instance_id})
    assignments = _assignments(db, project_id, {r.label_assignment_id for r in refs if r.label_assignment_id})
    version_ids = {r.annotation_version_id for r in refs if r.annotation_version_id}
    versions = _version_series(db, project_id, version_ids)
    rows = []
    for ref in refs:
        row: dict[str, Any] = {
            "item_type": ref.item_type,
            "instance_id": None,
            "label_assignment_id": None,
            "annotation_version_id": ref.annotation_version_id,
        }
        if ref.annotation_version_id is not None and versions.get(ref.annotation_version_id) != ref.series_id:
            raise InvalidInput(
                f"annotation version {ref.annotation_version_id} is not a version of an annotation "
                f"on series {ref.series_id} in project {project_id} (or its annotation is withdrawn)"
            )
        if ref.label_assignment_id is not None:
            assignment = assignments.get(ref.label_assignment_id)
            if assignment is None:
                raise InvalidInput(
                    f"label assignment {ref.label_assignment_id} is not in project {project_id}"
                )
            row.update(
                series_id=assignment.series_id,
                instance_id=assignment.instance_id,
                label_assignment_id=assignment.id,
            )
        elif ref.instance_id is not None:
            if ref.instance_id not in instances:
                raise InvalidInput(f"instance {ref.instance_id} is not in project {project_id}")
            row.update(series_id=instances[ref.instance_id], instance_id=ref.instance_id)
        else:
            if ref.series_id not in series_ok:
                raise InvalidInput(f"series {ref.series_id} is not in project {project_id}")
            row["series_id"] = ref.series_id
        rows.append(row)
    return rows


def _version_series(db: Session, project_id: int, ids: set[int]) -> dict[int, int]:
    """Annotation version id -> the series its annotation is drawn on, for versions in the project.

    Versions of withdrawn annotations are left out: there is nothing to review in them.
    """
    if not ids:
        return {}
    rows = db.execute(
        select(AnnotationVersion.id, Annotation.series_id)
        .join(Annotation, Annotation.id == AnnotationVersion.annotation_id)
        .where(
            AnnotationVersion.id.in_(ids),
            Annotation.project_id == project_id,
            Annotation.withdrawn_at.is_(None),
        )
    ).all()
    return {version_id: series_id for version_id, series_id in rows}


def _assignments(db: Session, project_id: int, ids: set[int]) -> dict[int, LabelAssignment]:
    if not ids:
        return {}
    found = {
        a.id: a
        for a in db.scalars(
            select(LabelAssignment)
            .join(Label, Label.id == LabelAssignment.label_id)
            .where(LabelAssignment.id.in_(ids), LabelAssignment.project_id == project_id)
        ).all()
    }
    busy = sorted(i for i, a in found.items() if a.status != AssignmentStatus.pending)
    if busy:
        raise Conflict(f"label assignment(s) already in a task or done: {busy[:20]}")
    return found
