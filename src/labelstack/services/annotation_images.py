"""The images an annotation is drawn on, as the format core needs them.

Geometry comes from each instance's DICOM JSON in the index (no pixel reads),
so creating a labelmap or checking a contour costs one query; SEG export reads
the stored files because a Segmentation copies patient and study attributes
from its sources.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pydicom
from pydicom.dataset import Dataset
from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.annotations.geometry import ImagePlane, VolumeGeometry, volume_from_planes
from labelstack.annotations.shapes import ImageSize
from labelstack.archive.store import ImageStore
from labelstack.models import Instance, InstanceMetadata
from labelstack.services.errors import InvalidInput


def series_instances(db: Session, series_id: int, phase: str = "") -> list[Instance]:
    """The instances of one time point of a series (the first one when ``phase`` is empty)."""
    instances = list(db.scalars(select(Instance).where(Instance.series_fk == series_id)).all())
    points = sorted({i.temporal_position for i in instances if i.temporal_position is not None})
    if len(points) > 1 or (phase and points):
        wanted = _phase_number(phase, points) if phase else points[0]
        instances = [i for i in instances if i.temporal_position == wanted]
    if not instances:
        raise InvalidInput("the series has no images")
    return instances


def _phase_number(phase: str, points: list[int]) -> int:
    try:
        number = int(phase)
    except ValueError:
        raise InvalidInput(f"phase {phase!r} must be the number of a time point: {points}") from None
    if number not in points:
        raise InvalidInput(f"phase {phase!r} is not a time point of the series ({points})")
    return number


def series_geometry(db: Session, series_id: int, phase: str = "") -> VolumeGeometry:
    instances = series_instances(db, series_id, phase)
    ids = [i.id for i in instances]
    rows = db.execute(
        select(InstanceMetadata.instance_fk, InstanceMetadata.dicom_json).where(
            InstanceMetadata.instance_fk.in_(ids)
        )
    ).all()
    if len(rows) != len(ids):
        raise InvalidInput("some images of the series have no indexed attributes")
    return volume_from_planes([ImagePlane.from_dicom_json(data) for _, data in rows])


def labelmap_shape(db: Session, series_id: int, phase: str = "") -> tuple[int, int, int]:
    """(slices, rows, columns) of a labelmap on the series; a multi-frame image counts its frames."""
    instances = series_instances(db, series_id, phase)
    sizes = {(i.rows, i.columns) for i in instances}
    if len(sizes) != 1 or None in next(iter(sizes)):
        raise InvalidInput("a labelmap needs a series whose images all have the same rows and columns")
    rows, columns = next(iter(sizes))
    slices = instances[0].number_of_frames if len(instances) == 1 else len(instances)
    return (int(slices), int(rows or 0), int(columns or 0))


def image_size(instance: Instance) -> ImageSize:
    if not instance.rows or not instance.columns:
        raise InvalidInput(f"instance {instance.sop_instance_uid} has no pixel size")
    return ImageSize(rows=instance.rows, columns=instance.columns, frames=max(instance.number_of_frames, 1))


def instance_plane(db: Session, instance: Instance) -> ImagePlane | None:
    """The instance's plane in the patient, or None when it has no patient geometry (e.g. a photo)."""
    data = db.scalar(select(InstanceMetadata.dicom_json).where(InstanceMetadata.instance_fk == instance.id))
    if not data:
        return None
    try:
        return ImagePlane.from_dicom_json(data)
    except InvalidInput:
        return None


def source_datasets(store: ImageStore, storage_keys: Sequence[str]) -> list[Dataset]:
    """Stored files without pixel data: enough for a Segmentation's references and for geometry."""
    return [pydicom.dcmread(io.BytesIO(store.get(key)), stop_before_pixels=True) for key in storage_keys]
