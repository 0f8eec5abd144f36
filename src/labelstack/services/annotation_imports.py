"""Importing annotations made elsewhere (model outputs, other tools) as initial versions.

Everything in a file is checked before anything is written: a bad segment,
an unknown image or label, a corrupt file refuses the whole import.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.annotations import csvio
from labelstack.annotations.coco import read_coco
from labelstack.annotations.dicom_seg import read_seg
from labelstack.annotations.enums import AlgorithmType
from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.annotations.nifti import read_nifti
from labelstack.annotations.patch import LabelmapPatch
from labelstack.annotations.shapes import Box
from labelstack.models import Annotation, Instance, Label, LabelKind, Series, User
from labelstack.schemas.annotation_content import (
    AnnotationContent,
    BoxContent,
    ClassificationContent,
    ClassificationValue,
    ContourContent,
    LabelmapContent,
    SegmentRef,
)
from labelstack.schemas.annotations import AnnotationCreate
from labelstack.services import annotation_images, annotation_versions, audit, projects
from labelstack.services.audit import Actor
from labelstack.services.errors import InvalidInput


def import_labelmap(
    db: Session,
    *,
    project_id: int,
    series_id: int,
    file_format: str,
    data: bytes,
    segments: Sequence[SegmentRef] | None,
    algorithm_type: AlgorithmType,
    algorithm_name: str,
    user: User,
    actor: Actor,
    store: LabelmapStore,
) -> Annotation:
    """A NIfTI or DICOM SEG labelmap on ``series_id`` as a new annotation's first version.

    NIfTI values are tied to labels by ``segments``; SEG segments by their
    label names unless ``segments`` says otherwise.
    """
    projects.get(db, project_id, user=user)
    if not projects.series_in_project(db, project_id, {series_id}):
        raise InvalidInput(f"series {series_id} is not in project {project_id}")
    geometry = annotation_images.series_geometry(db, series_id)
    if file_format == "nifti":
        if not segments:
            raise InvalidInput("a NIfTI import needs segments: which label each voxel value stands for")
        labelmap = read_nifti(data, geometry, allowed_segments={s.number for s in segments})
        refs = list(segments)
    elif file_format == "dicom-seg":
        read = read_seg(data, geometry)
        labelmap = read.labelmap
        if (
            read.segments
            and read.segments[0].algorithm_type != AlgorithmType.MANUAL
            and algorithm_type == AlgorithmType.MANUAL
        ):
            algorithm_type = read.segments[0].algorithm_type
            algorithm_name = algorithm_name or (read.segments[0].algorithm_name or "")
        refs = (
            list(segments)
            if segments
            else _segments_by_name(db, project_id, [(s.number, s.label) for s in read.segments])
        )
    else:
        raise InvalidInput(f"labelmaps are imported from nifti or dicom-seg, not {file_format!r}")
    primary = refs[0].label_id
    body = AnnotationCreate(
        project_id=project_id,
        label_id=primary,
        series_id=series_id,
        tool=f"import:{file_format}",
        client={
            "algorithm_type": algorithm_type.value,
            "algorithm_name": algorithm_name,
            "imported_from": file_format,
        },
        content=LabelmapContent(segments=refs, patch=LabelmapPatch.from_volume(labelmap).to_json()),
    )
    return annotation_versions.create(
        db, annotation_in=body, user=user, actor=actor, store=store, source="import"
    )


def import_coco(
    db: Session, *, project_id: int, data: bytes, user: User, actor: Actor, store: LabelmapStore
) -> list[Annotation]:
    """Boxes and polygons of a COCO file on the project's instances (found by SOP Instance UID)."""
    projects.get(db, project_id, user=user)
    objects = read_coco(data)
    uids = {o.sop_instance_uid for o in objects}
    instances = {
        i.sop_instance_uid: i
        for i in db.scalars(select(Instance).where(Instance.sop_instance_uid.in_(uids))).all()
    }
    in_project = projects.series_in_project(db, project_id, {i.series_fk for i in instances.values()})
    bodies = []
    for item in objects:
        instance = instances.get(item.sop_instance_uid)
        if instance is None or instance.series_fk not in in_project:
            raise InvalidInput(f"image {item.sop_instance_uid} is not in project {project_id}")
        if (instance.rows, instance.columns) and item.shape.frame >= max(instance.number_of_frames, 1):
            raise InvalidInput(f"image {item.sop_instance_uid} has no frame {item.shape.frame}")
        kind = LabelKind.box if isinstance(item.shape, Box) else LabelKind.contour
        label = _label(db, project_id, item.category, kind)
        content: AnnotationContent
        if isinstance(item.shape, Box):
            box = item.shape
            content = BoxContent(x=box.x, y=box.y, width=box.width, height=box.height, frame=box.frame)
        else:
            content = ContourContent(points=list(item.shape.points), frame=item.shape.frame)
        bodies.append(
            AnnotationCreate(
                project_id=project_id,
                label_id=label.id,
                series_id=instance.series_fk,
                instance_id=instance.id,
                tool="import:coco",
                content=content,
            )
        )
    return _create_all(db, bodies, user, actor, store, "coco")


def import_csv(
    db: Session, *, project_id: int, data: bytes, user: User, actor: Actor, store: LabelmapStore
) -> list[Annotation]:
    """One classification per CSV row, on the series or instance it names."""
    projects.get(db, project_id, user=user)
    rows = csvio.read_classifications(data)
    bodies = []
    for row in rows:
        series_id, instance_id = _image(db, project_id, row)
        label = _label(db, project_id, row.label, LabelKind.classification, line=row.line)
        bodies.append(
            AnnotationCreate(
                project_id=project_id,
                label_id=label.id,
                series_id=series_id,
                instance_id=instance_id,
                tool="import:csv",
                content=ClassificationContent(
                    values=[ClassificationValue(label_id=label.id, value=row.value or None)],
                    tentative=row.tentative,
                    bad_quality=row.bad_quality,
                    comment=row.comment,
                ),
            )
        )
    return _create_all(db, bodies, user, actor, store, "csv")


def _create_all(
    db: Session, bodies: list[AnnotationCreate], user: User, actor: Actor, store: LabelmapStore, source: str
) -> list[Annotation]:
    if not bodies:
        raise InvalidInput("the file holds nothing to import")
    try:
        created = [
            annotation_versions.create(
                db, annotation_in=b, user=user, actor=actor, store=store, source="import", commit=False
            )
            for b in bodies
        ]
    except Exception:
        db.rollback()
        raise
    audit.record(
        db, actor=actor, action="annotation.import", details={"format": source, "annotations": len(created)}
    )
    db.commit()
    return created


def _image(db: Session, project_id: int, row: csvio.ClassificationRow) -> tuple[int, int | None]:
    if row.sop_instance_uid:
        instance = db.scalar(select(Instance).where(Instance.sop_instance_uid == row.sop_instance_uid))
        if instance is None or not projects.series_in_project(db, project_id, {instance.series_fk}):
            raise InvalidInput(
                f"line {row.line}: instance {row.sop_instance_uid} is not in project {project_id}"
            )
        return instance.series_fk, instance.id
    series = db.scalar(select(Series).where(Series.series_instance_uid == row.series_instance_uid))
    if series is None or not projects.series_in_project(db, project_id, {series.id}):
        raise InvalidInput(
            f"line {row.line}: series {row.series_instance_uid} is not in project {project_id}"
        )
    return series.id, None


def _label(db: Session, project_id: int, name: str, kind: LabelKind, *, line: int | None = None) -> Label:
    label = db.scalar(
        select(Label).where(Label.project_id == project_id, func.lower(Label.name) == name.strip().lower())
    )
    where = f"line {line}: " if line else ""
    if label is None:
        raise InvalidInput(f"{where}project {project_id} has no label named {name!r}")
    if label.kind != kind:
        raise InvalidInput(f"{where}label {label.name!r} is a {label.kind.value} label, not {kind.value}")
    return label


def _segments_by_name(db: Session, project_id: int, segments: list[tuple[int, str]]) -> list[SegmentRef]:
    return [
        SegmentRef(number=number, label_id=_label(db, project_id, name, LabelKind.segmentation).id)
        for number, name in segments
    ]
