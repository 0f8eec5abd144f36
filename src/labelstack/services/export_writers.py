"""Writing an export plan as files: DICOM SEG, NIfTI, COCO, CSV or one full JSON.

``entries`` yields (path, bytes) one file at a time so that a large export
never sits in memory; ``zip_stream`` turns them into zip chunks for an HTTP
response, the CLI writes them into a folder.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from labelstack.annotations import csvio
from labelstack.annotations.coco import CocoCategory, CocoImage, CocoObject, write_coco
from labelstack.annotations.dicom_seg import SegHeader, write_seg
from labelstack.annotations.enums import AlgorithmType, AnnotationKind
from labelstack.annotations.geometry import volume_from_datasets
from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.annotations.manifest import LabelmapManifest
from labelstack.annotations.nifti import write_nifti
from labelstack.annotations.segments import SegmentInfo
from labelstack.annotations.shapes import Box, Contour
from labelstack.archive.store import ImageStore
from labelstack.export_formats import ExportFormat
from labelstack.services.annotation_images import source_datasets
from labelstack.services.export_plan import ExportPlan, PlannedAnnotation

Progress = Callable[[str], None]


def entries(
    plan: ExportPlan, *, images: ImageStore, labelmaps: LabelmapStore, progress: Progress | None = None
) -> Iterator[tuple[str, bytes]]:
    fmt = plan.request.format
    if fmt in (ExportFormat.dicom_seg, ExportFormat.nifti):
        yield from _volumes(plan, fmt, images, labelmaps, progress)
    elif fmt == ExportFormat.coco:
        yield "coco/annotations.json", json.dumps(_coco(plan), indent=1).encode()
    elif fmt == ExportFormat.csv:
        yield from _csv(plan)
    else:
        document = {"format": "labelstack.export/1", "annotations": plan.full}
        yield "annotations.json", json.dumps(document, indent=1, default=str).encode()
    if progress is not None and fmt not in (ExportFormat.dicom_seg, ExportFormat.nifti):
        for item in plan.annotations:
            progress(f"annotation {item.annotation_id}")


def work_units(plan: ExportPlan) -> int:
    if plan.request.format in (ExportFormat.dicom_seg, ExportFormat.nifti):
        return sum(1 for a in plan.annotations if a.kind == AnnotationKind.LABELMAP)
    return len(plan.annotations)


def _volumes(
    plan: ExportPlan,
    fmt: ExportFormat,
    images: ImageStore,
    labelmaps: LabelmapStore,
    progress: Progress | None,
) -> Iterator[tuple[str, bytes]]:
    legend: dict[str, Any] = {}
    for item in plan.annotations:
        if item.kind != AnnotationKind.LABELMAP:
            continue
        manifest = LabelmapManifest.from_json(item.version_content["manifest"])
        volume = labelmaps.load(manifest)
        segments = _segments(plan, item)
        datasets = source_datasets(images, [i.storage_key for i in item.series_images])
        name = f"annotation-{item.annotation_id}-v{item.version_number}"
        if not volume.any():
            if progress is not None:
                progress(f"{name} (empty, skipped)")
            continue
        if fmt == ExportFormat.dicom_seg:
            header = SegHeader(
                content_creator=item.author or "LabelStack",
                series_description=f"{item.label.name} ({name})",
                content_label=item.label.name,
            )
            data = write_seg(datasets, volume, segments, header)
            yield f"dicom-seg/{item.series_instance_uid}/{name}.dcm", data
        else:
            geometry = volume_from_datasets(datasets)
            yield f"nifti/{item.series_instance_uid}/{name}.nii.gz", write_nifti(volume, geometry)
            legend[f"{item.series_instance_uid}/{name}.nii.gz"] = [
                {"value": s.number, "label": s.label, "color": s.color} for s in segments
            ]
        if progress is not None:
            progress(name)
    if legend:
        yield "nifti/segments.json", json.dumps(legend, indent=1).encode()


def _segments(plan: ExportPlan, item: PlannedAnnotation) -> list[SegmentInfo]:
    algorithm = AlgorithmType(str(item.client.get("algorithm_type", "MANUAL")).upper())
    name = item.client.get("algorithm_name") or (item.tool if algorithm != AlgorithmType.MANUAL else None)
    found = []
    for segment in item.version_content.get("segments", []):
        label = plan.labels[int(segment["label_id"])]
        found.append(
            SegmentInfo(
                number=int(segment["number"]),
                label=label.name,
                color=label.color,
                algorithm_type=algorithm,
                algorithm_name=name or "unknown",
                algorithm_version=str(item.client.get("algorithm_version", "1")),
            )
        )
    return found


def _coco(plan: ExportPlan) -> dict[str, Any]:
    images: dict[tuple[str, int], CocoImage] = {}
    categories: dict[int, CocoCategory] = {}
    objects: list[CocoObject] = []
    for item in plan.annotations:
        if item.kind not in (AnnotationKind.BOX, AnnotationKind.CONTOUR) or item.instance is None:
            continue
        content = item.version_content
        frame = int(content.get("frame", 0))
        key = (item.instance.sop_instance_uid, frame)
        if key not in images:
            images[key] = CocoImage(len(images) + 1, key[0], item.instance.rows, item.instance.columns, frame)
        if item.label.id not in categories:
            categories[item.label.id] = CocoCategory(item.label.id, item.label.name, item.label.color)
        shape: Box | Contour
        if item.kind == AnnotationKind.BOX:
            shape = Box(content["x"], content["y"], content["width"], content["height"], frame)
        else:
            shape = Contour.of(
                content["points"], frame=frame, closed=content["closed"], spline=content["spline"]
            )
        attributes = {
            "annotation_id": item.annotation_id,
            "version": item.version_number,
            "author": item.author,
        }
        objects.append(CocoObject(images[key].image_id, item.label.id, shape, attributes))
    return write_coco(list(images.values()), list(categories.values()), objects)


def _csv(plan: ExportPlan) -> Iterator[tuple[str, bytes]]:
    classifications, qc = [], []
    for item in plan.annotations:
        common = {
            "annotation_id": item.annotation_id,
            "version": item.version_number,
            "status": item.status,
            "study_instance_uid": item.study_instance_uid,
            "series_instance_uid": item.series_instance_uid,
            "sop_instance_uid": item.instance.sop_instance_uid if item.instance else "",
            "author": item.author,
            "created_at": item.created_at,
        }
        content = item.version_content
        if item.kind == AnnotationKind.CLASSIFICATION:
            for value in content["values"]:
                classifications.append(
                    {
                        **common,
                        "label": plan.labels[int(value["label_id"])].name
                        if int(value["label_id"]) in plan.labels
                        else "",
                        "value": value.get("value"),
                        "tentative": content["tentative"],
                        "bad_quality": content["bad_quality"],
                        "comment": content["comment"],
                    }
                )
        elif item.kind == AnnotationKind.QC:
            qc.append({**common, "phase": item.phase, "label": item.label.name, **content})
    reviews = []
    by_id = {a.annotation_id: a for a in plan.annotations}
    for review in plan.reviews:
        reviewed = by_id.get(review["annotation_id"])
        reviews.append(
            {
                **review,
                "review_number": review["number"],
                "version": review.get("version"),
                "label": reviewed.label.name if reviewed else "",
                "series_instance_uid": reviewed.series_instance_uid if reviewed else "",
                "sop_instance_uid": reviewed.instance.sop_instance_uid
                if reviewed and reviewed.instance
                else "",
            }
        )
    yield "csv/classifications.csv", csvio.write_table(csvio.CLASSIFICATION_COLUMNS, classifications).encode()
    yield "csv/qc.csv", csvio.write_table(csvio.QC_COLUMNS, qc).encode()
    yield "csv/reviews.csv", csvio.write_table(csvio.REVIEW_COLUMNS, reviews).encode()


class _Sink:
    """A write-only stream that hands out what was written since the last call."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._position = 0

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def seek(self, *_: object) -> int:
        raise OSError("not seekable")

    def flush(self) -> None:
        return None

    def take(self) -> bytes:
        data, self._chunks = b"".join(self._chunks), []
        return data


def zip_stream(files: Iterable[tuple[str, bytes]]) -> Iterator[bytes]:
    """A zip archive of ``files`` produced piece by piece (no seeking back, no whole archive in memory)."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:  # type: ignore[call-overload]
        for path, data in files:
            archive.writestr(path, data)
            yield sink.take()
    yield sink.take()
