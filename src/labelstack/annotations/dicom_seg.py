"""DICOM Segmentation objects (PS3.3 A.51) from labelmaps, and labelmaps from them.

Writing uses highdicom: each segment's frames reference the source image
they lie on (Derivation Image and Referenced Series sequences), carry the
segment's label, colour (CIELab), category and type codes and algorithm
type, and the object names its content creator. Integer labelmaps become
BINARY segmentations; per-segment probability maps become FRACTIONAL ones.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import highdicom as hd
import numpy as np
import pydicom
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError
from pydicom.sr.codedict import codes

from labelstack.annotations.enums import AlgorithmType
from labelstack.annotations.errors import AnnotationFormatError, CorruptFile, ShapeMismatch
from labelstack.annotations.geometry import VolumeGeometry, volume_from_datasets
from labelstack.annotations.labelmaps import check_segments
from labelstack.annotations.segments import Code, SegmentInfo, check_numbers

SEG_SOP_CLASS_UID = "1.2.840.10008.5.1.4.1.1.66.4"
SOFTWARE = "LabelStack"
#: Tracking IDs end with the labelmap's own segment number, so a re-import restores it.
TRACKING_MARK = " #"


@dataclass(frozen=True)
class SegHeader:
    """Series-level facts of an exported SEG."""

    content_creator: str
    series_number: int = 300
    series_description: str = "LabelStack segmentation"
    content_label: str = "SEGMENTATION"
    content_description: str | None = None
    software_version: str = "0.1.0"
    series_instance_uid: str | None = None
    sop_instance_uid: str | None = None


def write_seg(
    source_images: Sequence[Dataset],
    labelmap: np.ndarray,
    segments: Sequence[SegmentInfo],
    header: SegHeader,
) -> bytes:
    """A BINARY SEG of an integer labelmap (slices, rows, columns) or a FRACTIONAL one of
    probabilities (slices, rows, columns, segments) in [0, 1].

    ``source_images`` may come in any order; the labelmap's slices follow the
    series' slice order (ascending position along the normal).
    """
    segment_list = list(segments)
    check_numbers(segment_list)
    if not segment_list:
        raise AnnotationFormatError("a segmentation needs at least one segment")
    geometry = volume_from_datasets(source_images)
    ordered = _in_geometry_order(source_images, geometry)
    if np.issubdtype(labelmap.dtype, np.floating):
        seg_type = hd.seg.SegmentationTypeValues.FRACTIONAL
        expected = (*geometry.shape, len(segment_list))
        if labelmap.shape != expected:
            raise ShapeMismatch(
                f"probability map shape {list(labelmap.shape)} does not match {list(expected)}"
            )
        if labelmap.min() < 0 or labelmap.max() > 1:
            raise AnnotationFormatError("probabilities must lie between 0 and 1")
        pixels = labelmap.astype(np.float32)
        described = segment_list
    else:
        seg_type = hd.seg.SegmentationTypeValues.BINARY
        if labelmap.shape != geometry.shape:
            raise ShapeMismatch(
                f"labelmap shape {list(labelmap.shape)} does not match the series {list(geometry.shape)}"
            )
        check_segments(labelmap, {s.number for s in segment_list}, where="labelmap")
        present = {int(v) for v in np.unique(labelmap) if v}
        if not present:
            raise AnnotationFormatError("the labelmap is empty: there is nothing to export")
        # SEG segment numbers must run 1..n; renumber when labels leave gaps
        described = sorted((s for s in segment_list if s.number in present), key=lambda s: s.number)
        pixels = _renumber(labelmap, [s.number for s in described])
    descriptions = [_describe(index + 1, s) for index, s in enumerate(described)]
    seg = hd.seg.Segmentation(
        source_images=ordered,
        pixel_array=pixels,
        segmentation_type=seg_type,
        segment_descriptions=descriptions,
        series_instance_uid=header.series_instance_uid or hd.UID(),
        series_number=header.series_number,
        sop_instance_uid=header.sop_instance_uid or hd.UID(),
        instance_number=1,
        manufacturer=SOFTWARE,
        manufacturer_model_name=SOFTWARE,
        software_versions=header.software_version,
        device_serial_number="1",
        content_description=header.content_description or header.series_description,
        content_creator_name=_person_name(header.content_creator),
        content_label=_content_label(header.content_label),
        series_description=header.series_description[:64],
        omit_empty_frames=True,
    )
    buffer = io.BytesIO()
    seg.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


@dataclass(frozen=True)
class ReadSeg:
    labelmap: np.ndarray
    segments: list[SegmentInfo]
    fractional: bool


def read_seg(data: bytes, geometry: VolumeGeometry) -> ReadSeg:
    """A SEG as a labelmap aligned to ``geometry``; refuses one made on other images."""
    try:
        dataset = pydicom.dcmread(io.BytesIO(data))
    except (InvalidDicomError, EOFError, ValueError, OSError) as exc:
        raise CorruptFile(f"not a readable DICOM file: {exc}") from None
    if str(dataset.get("SOPClassUID", "")) != SEG_SOP_CLASS_UID:
        raise CorruptFile(f"not a DICOM Segmentation (SOP class {dataset.get('SOPClassUID', 'missing')})")
    try:
        seg = hd.seg.Segmentation.from_dataset(dataset, copy=False)
    except (AttributeError, ValueError, KeyError, TypeError) as exc:
        raise CorruptFile(f"DICOM Segmentation cannot be read: {exc}") from None
    referenced = {uid for _, _, uid in seg.get_source_image_uids()}
    ours = set(geometry.sop_instance_uids)
    if not referenced & ours:
        raise ShapeMismatch("the segmentation references none of this series' images")
    foreign = referenced - ours
    if foreign:
        raise ShapeMismatch(f"the segmentation references {len(foreign)} images that are not in this series")
    numbers = list(seg.segment_numbers)
    fractional = seg.segmentation_type == hd.seg.SegmentationTypeValues.FRACTIONAL
    try:
        if fractional:
            probabilities = seg.get_pixels_by_source_instance(
                geometry.sop_instance_uids, assert_missing_frames_are_empty=True, rescale_fractional=True
            )
            best = probabilities.argmax(axis=-1)
            labelmap = np.where(probabilities.max(axis=-1) >= 0.5, np.asarray(numbers)[best], 0)
        else:
            labelmap = seg.get_pixels_by_source_instance(
                geometry.sop_instance_uids,
                combine_segments=True,
                assert_missing_frames_are_empty=True,
                skip_overlap_checks=False,
            )
    except (ValueError, KeyError, IndexError, RuntimeError) as exc:
        raise CorruptFile(f"DICOM Segmentation frames cannot be placed on this series: {exc}") from None
    if labelmap.shape != geometry.shape:
        raise ShapeMismatch(
            f"segmentation frames are {list(labelmap.shape[1:])}, images {list(geometry.shape[1:])}"
        )
    infos = [_segment_info(seg, n) for n in numbers]
    original = _original_numbers(seg, numbers)
    if original != numbers:
        lookup = np.zeros(max(numbers) + 1, dtype=np.uint16)
        for seg_number, our_number in zip(numbers, original, strict=True):
            lookup[seg_number] = our_number
        labelmap = lookup[labelmap]
        infos = [_renumbered(info, n) for info, n in zip(infos, original, strict=True)]
    dtype = np.uint8 if max((i.number for i in infos), default=0) < 256 else np.uint16
    return ReadSeg(labelmap.astype(dtype), infos, fractional)


# -- internals ------------------------------------------------------------------------


def _in_geometry_order(source_images: Sequence[Dataset], geometry: VolumeGeometry) -> list[Dataset]:
    by_uid = {str(ds.SOPInstanceUID): ds for ds in source_images}
    return [by_uid[uid] for uid in geometry.sop_instance_uids]


def _renumber(labelmap: np.ndarray, numbers: list[int]) -> np.ndarray:
    if numbers == list(range(1, len(numbers) + 1)):
        return labelmap.astype(np.uint16 if len(numbers) > 255 else np.uint8)
    lookup = np.zeros(int(labelmap.max()) + 1, dtype=np.uint16)
    for index, number in enumerate(numbers):
        lookup[number] = index + 1
    return lookup[labelmap]


def _describe(number: int, segment: SegmentInfo) -> hd.seg.SegmentDescription:
    algorithm = None
    if segment.algorithm_type is not AlgorithmType.MANUAL:
        algorithm = hd.AlgorithmIdentificationSequence(
            name=segment.algorithm_name or "unknown",
            family=codes.cid7162.ArtificialIntelligence,
            version=segment.algorithm_version,
        )
    return hd.seg.SegmentDescription(
        segment_number=number,
        segment_label=segment.label[:64],
        segmented_property_category=_coded(segment.category),
        segmented_property_type=_coded(segment.type_code),
        algorithm_type=hd.seg.SegmentAlgorithmTypeValues[segment.algorithm_type.value],
        algorithm_identification=algorithm,
        tracking_uid=hd.UID(),
        tracking_id=f"{segment.label[:48]}{TRACKING_MARK}{segment.number}",
        display_color=hd.color.CIELabColor.from_rgb(*segment.rgb),
    )


def _coded(code: Code) -> hd.sr.CodedConcept:
    return hd.sr.CodedConcept(value=code.value, scheme_designator=code.scheme, meaning=code.meaning)


def _segment_info(seg: hd.seg.Segmentation, number: int) -> SegmentInfo:
    description = seg.get_segment_description(number)
    color = "#ff0000"
    if "RecommendedDisplayCIELabValue" in description:
        lab = hd.color.CIELabColor.from_dicom_value(description.RecommendedDisplayCIELabValue)
        color = "#{:02x}{:02x}{:02x}".format(*lab.to_rgb())
    category = description.segmented_property_category
    kind = description.segmented_property_type
    algorithm = description.algorithm_identification
    return SegmentInfo(
        number=number,
        label=str(description.segment_label),
        color=color,
        category=Code(category.value, category.scheme_designator, category.meaning),
        property_type=Code(kind.value, kind.scheme_designator, kind.meaning),
        algorithm_type=AlgorithmType(description.algorithm_type.value),
        algorithm_name=str(algorithm[0].AlgorithmName) if algorithm else None,
    )


def _original_numbers(seg: hd.seg.Segmentation, numbers: list[int]) -> list[int]:
    found: list[int] = []
    for number in numbers:
        tracking = str(seg.get_segment_description(number).get("TrackingID", ""))
        head, mark, tail = tracking.rpartition(TRACKING_MARK)
        if not (mark and head and tail.isdigit() and 1 <= int(tail) <= 65535):
            return numbers
        found.append(int(tail))
    return found if len(set(found)) == len(found) else numbers


def _renumbered(info: SegmentInfo, number: int) -> SegmentInfo:
    return SegmentInfo(
        number=number,
        label=info.label,
        color=info.color,
        category=info.category,
        property_type=info.property_type,
        algorithm_type=info.algorithm_type,
        algorithm_name=info.algorithm_name,
        algorithm_version=info.algorithm_version,
    )


def _person_name(name: str) -> str:
    # PN components are separated by ^ (PS3.5 6.2.1.2): a name already in that form is
    # kept; a plain user name becomes a family name, with the trailing caret that says so
    if "^" in name:
        return name[:64]
    return (name[:63] or "Unknown") + "^"


def _content_label(label: str) -> str:
    # Content Label is a CS: upper case, digits, space and underscore, 16 characters
    cleaned = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in label.upper())
    return cleaned[:16] or "SEGMENTATION"
