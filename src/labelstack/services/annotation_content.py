"""Checking what a client sends against the annotation and its images, and storing it.

Each kind has its rules: classification values must be labels of the project
with an allowed value, boxes and contours must lie on their image, labelmaps
must have the series' shape and only segments tied to segmentation labels.
Returns the content as stored in a version and its hash; labelmap slices are
written to the slice store here (content-addressed, so a refused save later
in the transaction leaves only unreferenced, complete files).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.annotations.enums import AnnotationKind
from labelstack.annotations.geometry import VolumeGeometry
from labelstack.annotations.labelmaps import LabelmapStore, check_segments
from labelstack.annotations.manifest import LabelmapManifest
from labelstack.annotations.patch import LabelmapPatch
from labelstack.annotations.shapes import Box, Contour
from labelstack.models import Annotation, Instance, Label, LabelKind
from labelstack.schemas.annotation_content import (
    AnnotationContent,
    BoxContent,
    ClassificationContent,
    ContourContent,
    LabelmapContent,
    QCContent,
)
from labelstack.services import annotation_images
from labelstack.services.errors import InvalidInput

#: Which label kind each annotation kind is drawn with.
LABEL_KIND = {
    AnnotationKind.CLASSIFICATION: LabelKind.classification,
    AnnotationKind.BOX: LabelKind.box,
    AnnotationKind.CONTOUR: LabelKind.contour,
    AnnotationKind.LABELMAP: LabelKind.segmentation,
    AnnotationKind.QC: LabelKind.segmentation,
}


@dataclass(frozen=True)
class StoredContent:
    content: dict[str, Any]
    content_hash: str


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def labelmap_parent(content: dict[str, Any] | None) -> LabelmapManifest | None:
    if not content or "manifest" not in content:
        return None
    return LabelmapManifest.from_json(content["manifest"])


def prepare(
    db: Session,
    *,
    annotation: Annotation,
    body: AnnotationContent,
    parent: dict[str, Any] | None,
    store: LabelmapStore,
    patch: LabelmapPatch | None = None,
) -> StoredContent:
    """Validate ``body`` for ``annotation`` and turn it into stored content.

    ``parent`` is the stored content the save builds on (labelmap patches
    apply on top of it); ``patch`` is a labelmap patch that arrived in binary
    form instead of inside ``body``.
    """
    if body.kind != annotation.kind.value:
        raise InvalidInput(
            f"content of kind {body.kind!r} cannot be saved on a {annotation.kind.value} annotation"
        )
    if isinstance(body, ClassificationContent):
        content = _classification(db, annotation, body)
    elif isinstance(body, BoxContent):
        content = _box(db, annotation, body)
    elif isinstance(body, ContourContent):
        content = _contour(db, annotation, body)
    elif isinstance(body, QCContent):
        content = {"decision": body.decision.value, "comment": body.comment}
    else:
        content = _labelmap(db, annotation, body, parent, store, patch)
    return StoredContent(content, content_hash(content))


def _classification(db: Session, annotation: Annotation, body: ClassificationContent) -> dict[str, Any]:
    ids = {v.label_id for v in body.values}
    if len(ids) != len(body.values):
        raise InvalidInput("each label may be given once in a classification")
    labels = _project_labels(db, annotation.project_id, ids, LabelKind.classification)
    values = []
    for item in body.values:
        label = labels[item.label_id]
        if label.allowed_values and item.value not in label.allowed_values:
            allowed = ", ".join(label.allowed_values)
            raise InvalidInput(
                f"value {item.value!r} is not allowed for label {label.name!r} (allowed: {allowed})"
            )
        values.append({"label_id": label.id, "value": item.value})
    return {
        "values": values,
        "tentative": body.tentative,
        "bad_quality": body.bad_quality,
        "comment": body.comment,
    }


def _instance(db: Session, annotation: Annotation) -> Instance:
    instance = db.get(Instance, annotation.instance_id) if annotation.instance_id else None
    if instance is None:
        raise InvalidInput(f"a {annotation.kind.value} is drawn on an instance; this annotation has none")
    return instance


def _box(db: Session, annotation: Annotation, body: BoxContent) -> dict[str, Any]:
    box = Box(body.x, body.y, body.width, body.height, body.frame)
    box.validate(annotation_images.image_size(_instance(db, annotation)))
    return {"x": box.x, "y": box.y, "width": box.width, "height": box.height, "frame": box.frame}


def _contour(db: Session, annotation: Annotation, body: ContourContent) -> dict[str, Any]:
    instance = _instance(db, annotation)
    contour = Contour.of(body.points, frame=body.frame, closed=body.closed, spline=body.spline)
    contour.validate(annotation_images.image_size(instance))
    content: dict[str, Any] = {
        "points": [list(p) for p in contour.points],
        "closed": contour.closed,
        "spline": contour.spline.value,
        "frame": contour.frame,
        "patient_points": None,
    }
    plane = annotation_images.instance_plane(db, instance)
    if plane is not None:
        # image coordinates put pixel corners on integers, the DICOM plane pixel centres
        centred = [(x - 0.5, y - 0.5) for x, y in contour.points]
        patient = VolumeGeometry((plane,), 1.0).image_to_patient(centred, 0)
        content["patient_points"] = [[round(float(v), 4) for v in point] for point in patient]
    return content


def _labelmap(
    db: Session,
    annotation: Annotation,
    body: LabelmapContent,
    parent: dict[str, Any] | None,
    store: LabelmapStore,
    patch: LabelmapPatch | None,
) -> dict[str, Any]:
    numbers = [s.number for s in body.segments]
    if len(set(numbers)) != len(numbers):
        raise InvalidInput("each segment number may be given once")
    _project_labels(db, annotation.project_id, {s.label_id for s in body.segments}, LabelKind.segmentation)
    if body.patch is not None and patch is not None:
        raise InvalidInput("send the labelmap patch either in the body or as binary, not both")
    if body.patch is not None:
        patch = LabelmapPatch.from_json(body.patch)
    shape = tuple(annotation.shape or ())
    if patch is None:
        patch = LabelmapPatch(shape, "uint8", {})  # type: ignore[arg-type]
    manifest = store.apply(
        patch, parent=labelmap_parent(parent), expected_shape=shape, allowed_segments=set(numbers)
    )
    if parent is not None and "manifest" in parent:
        _check_unchanged_slices_use_known_segments(store, manifest, parent, patch, set(numbers))
    return {
        "manifest": manifest.to_json(),
        "segments": [
            {"number": s.number, "label_id": s.label_id}
            for s in sorted(body.segments, key=lambda s: s.number)
        ],
    }


def _check_unchanged_slices_use_known_segments(
    store: LabelmapStore,
    manifest: LabelmapManifest,
    parent: dict[str, Any],
    patch: LabelmapPatch,
    allowed: set[int],
) -> None:
    """Dropping a segment from the list is only allowed when no untouched slice still uses it."""
    before = {int(s["number"]) for s in parent.get("segments", [])}
    dropped = before - allowed
    if not dropped:
        return
    for index, content_hash in enumerate(manifest.slices):
        if content_hash is not None and index not in patch.slices:
            check_segments(store.load_slice(manifest, index), allowed, where=f"slice {index}")


def _project_labels(db: Session, project_id: int, ids: set[int], kind: LabelKind) -> dict[int, Label]:
    labels = {label.id: label for label in db.scalars(select(Label).where(Label.id.in_(ids))).all()}
    for label_id in sorted(ids):
        label = labels.get(label_id)
        if label is None or label.project_id != project_id:
            raise InvalidInput(f"label {label_id} is not a label of project {project_id}")
        if label.kind != kind:
            raise InvalidInput(f"label {label.name!r} is a {label.kind.value} label, not {kind.value}")
        if label.is_retired:
            raise InvalidInput(f"label {label.name!r} is retired")
    return labels
