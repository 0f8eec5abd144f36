"""Where voxels are in the patient: from a series' image planes to affines and back.

DICOM describes each image by the patient position of its first pixel
(Image Position (Patient)), the directions of its rows and columns (Image
Orientation (Patient)) and the pixel spacing, all in the LPS patient frame
(PS3.3 C.7.6.2.1.1). A labelmap is indexed (slice, row, column) with slices in
the order of their position along the normal. NIfTI stores voxels indexed
(i=column, j=row, k=slice) and its affine maps them to RAS, hence the flip
of the first two axes.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from pydicom.dataset import Dataset

from labelstack.annotations.errors import GeometryError

#: LPS ↔ RAS differs by the sign of the first two axes.
LPS_TO_RAS = np.diag([-1.0, -1.0, 1.0, 1.0])

#: How far (mm) positions and (unitless) directions may stray and still be one volume.
POSITION_TOLERANCE_MM = 1e-3
DIRECTION_TOLERANCE = 1e-4
SPACING_RELATIVE_TOLERANCE = 0.01


@dataclass(frozen=True)
class ImagePlane:
    """The geometry of one image (one slice) in the patient frame."""

    sop_instance_uid: str
    position: tuple[float, float, float]
    orientation: tuple[float, float, float, float, float, float]
    pixel_spacing: tuple[float, float]
    """(between rows, between columns) in mm, as in Pixel Spacing (0028,0030)."""
    rows: int
    columns: int
    slice_thickness: float | None = None

    @classmethod
    def from_dataset(cls, ds: Dataset) -> ImagePlane:
        try:
            return cls(
                sop_instance_uid=str(ds.SOPInstanceUID),
                position=_floats(ds.ImagePositionPatient, 3),  # type: ignore[arg-type]
                orientation=_floats(ds.ImageOrientationPatient, 6),  # type: ignore[arg-type]
                pixel_spacing=_floats(ds.PixelSpacing, 2),  # type: ignore[arg-type]
                rows=int(ds.Rows),
                columns=int(ds.Columns),
                slice_thickness=float(ds.SliceThickness) if ds.get("SliceThickness") else None,
            )
        except AttributeError as exc:
            raise GeometryError(
                f"image {ds.get('SOPInstanceUID', '?')} lacks plane geometry: {exc}"
            ) from None

    @classmethod
    def from_dicom_json(cls, data: Mapping[str, Any]) -> ImagePlane:
        """From an instance's DICOM JSON (PS3.18 F.2), as the archive keeps it."""

        def value(tag: str) -> list[Any]:
            item = data.get(tag) or {}
            found = item.get("Value")
            if not found:
                raise GeometryError(f"image {_json_uid(data)} lacks attribute ({tag[:4]},{tag[4:]})")
            return list(found)

        return cls(
            sop_instance_uid=_json_uid(data),
            position=_floats(value("00200032"), 3),  # type: ignore[arg-type]
            orientation=_floats(value("00200037"), 6),  # type: ignore[arg-type]
            pixel_spacing=_floats(value("00280030"), 2),  # type: ignore[arg-type]
            rows=int(value("00280010")[0]),
            columns=int(value("00280011")[0]),
            slice_thickness=_optional_float(data, "00180050"),
        )

    @property
    def row_direction(self) -> np.ndarray:
        """Unit vector along a row (increasing column index)."""
        return np.asarray(self.orientation[:3], dtype=float)

    @property
    def column_direction(self) -> np.ndarray:
        """Unit vector down a column (increasing row index)."""
        return np.asarray(self.orientation[3:], dtype=float)

    @property
    def normal(self) -> np.ndarray:
        return np.cross(self.row_direction, self.column_direction)


@dataclass(frozen=True)
class VolumeGeometry:
    """A stack of parallel, equally spaced planes: what a labelmap is aligned to."""

    planes: tuple[ImagePlane, ...]
    """In labelmap slice order (ascending position along the normal)."""
    slice_spacing: float

    @property
    def shape(self) -> tuple[int, int, int]:
        first = self.planes[0]
        return (len(self.planes), first.rows, first.columns)

    @property
    def sop_instance_uids(self) -> list[str]:
        return [p.sop_instance_uid for p in self.planes]

    @property
    def lps_affine(self) -> np.ndarray:
        """Maps (column, row, slice, 1) voxel indices to LPS millimetres."""
        first = self.planes[0]
        affine = np.eye(4)
        affine[:3, 0] = first.row_direction * first.pixel_spacing[1]
        affine[:3, 1] = first.column_direction * first.pixel_spacing[0]
        affine[:3, 2] = first.normal * self.slice_spacing
        affine[:3, 3] = first.position
        return affine

    @property
    def nifti_affine(self) -> np.ndarray:
        """Maps NIfTI voxel indices (i=column, j=row, k=slice) to RAS millimetres."""
        return LPS_TO_RAS @ self.lps_affine

    def image_to_patient(self, points: Sequence[Sequence[float]], slice_index: float) -> np.ndarray:
        """(column x, row y) points on a slice to LPS patient coordinates."""
        xy = np.asarray(points, dtype=float).reshape(-1, 2)
        voxels = np.column_stack([xy, np.full(len(xy), float(slice_index)), np.ones(len(xy))])
        return (self.lps_affine @ voxels.T).T[:, :3]

    def patient_to_image(self, points: Sequence[Sequence[float]]) -> np.ndarray:
        """LPS patient points to (column x, row y, slice) voxel coordinates (fractional)."""
        xyz = np.asarray(points, dtype=float).reshape(-1, 3)
        homogeneous = np.column_stack([xyz, np.ones(len(xyz))])
        return (np.linalg.inv(self.lps_affine) @ homogeneous.T).T[:, :3]

    def matches_nifti_affine(self, affine: np.ndarray, *, tolerance_mm: float = 0.01) -> bool:
        """True if ``affine`` places every voxel within ``tolerance_mm`` of where the series puts it."""
        corners = np.array(
            [
                [i, j, k, 1.0]
                for i in (0, self.shape[2] - 1)
                for j in (0, self.shape[1] - 1)
                for k in (0, self.shape[0] - 1)
            ]
        ).T
        distance = np.abs((np.asarray(affine, dtype=float) @ corners) - (self.nifti_affine @ corners))
        return bool(distance[:3].max() <= tolerance_mm)


def volume_from_planes(planes: Sequence[ImagePlane]) -> VolumeGeometry:
    """Sort planes along their normal and check they form one regular volume.

    Refuses mixed orientations, mixed sizes or spacing, duplicated positions and
    gaps, each with a message naming the offending images.
    """
    if not planes:
        raise GeometryError("a series with no images has no geometry")
    first = planes[0]
    for plane in planes[1:]:
        if not np.allclose(plane.orientation, first.orientation, atol=DIRECTION_TOLERANCE):
            raise GeometryError(
                f"image {plane.sop_instance_uid} has orientation {list(plane.orientation)}, "
                f"unlike {list(first.orientation)} of image {first.sop_instance_uid}"
            )
        if (plane.rows, plane.columns) != (first.rows, first.columns):
            raise GeometryError(
                f"image {plane.sop_instance_uid} is {plane.rows}x{plane.columns}, "
                f"unlike {first.rows}x{first.columns} of image {first.sop_instance_uid}"
            )
        if not np.allclose(plane.pixel_spacing, first.pixel_spacing, rtol=SPACING_RELATIVE_TOLERANCE):
            raise GeometryError(f"image {plane.sop_instance_uid} has a different pixel spacing")
    normal = first.normal
    ordered = sorted(planes, key=lambda p: float(np.dot(normal, p.position)))
    if len(ordered) == 1:
        return VolumeGeometry(tuple(ordered), first.slice_thickness or 1.0)
    offsets = np.array([float(np.dot(normal, p.position)) for p in ordered])
    gaps = np.diff(offsets)
    if np.any(gaps < POSITION_TOLERANCE_MM):
        at = int(np.argmin(gaps))
        first_uid, second_uid = ordered[at].sop_instance_uid, ordered[at + 1].sop_instance_uid
        raise GeometryError(f"images {first_uid} and {second_uid} lie at the same position")
    spacing = float(np.median(gaps))
    irregular = np.flatnonzero(
        np.abs(gaps - spacing) > max(spacing * SPACING_RELATIVE_TOLERANCE, POSITION_TOLERANCE_MM)
    )
    if irregular.size:
        at = int(irregular[0])
        raise GeometryError(
            f"slice spacing is irregular: {gaps[at]:.4g} mm between images "
            f"{ordered[at].sop_instance_uid} and {ordered[at + 1].sop_instance_uid}, "
            f"{spacing:.4g} mm elsewhere"
        )
    for a, b in itertools.pairwise(ordered):
        step = np.asarray(b.position) - np.asarray(a.position)
        in_plane = step - np.dot(step, normal) * normal
        if np.linalg.norm(in_plane) > max(POSITION_TOLERANCE_MM, 0.01 * spacing):
            raise GeometryError(
                f"image {b.sop_instance_uid} is shifted within its plane relative to the previous slice"
            )
    return VolumeGeometry(tuple(ordered), spacing)


def volume_from_datasets(datasets: Sequence[Dataset]) -> VolumeGeometry:
    return volume_from_planes([ImagePlane.from_dataset(ds) for ds in datasets])


def _floats(values: Any, count: int) -> tuple[float, ...]:
    result = tuple(float(v) for v in values)
    if len(result) != count:
        raise GeometryError(f"expected {count} numbers, found {len(result)}")
    return result


def _optional_float(data: Mapping[str, Any], tag: str) -> float | None:
    found = (data.get(tag) or {}).get("Value")
    return float(found[0]) if found else None


def _json_uid(data: Mapping[str, Any]) -> str:
    item = data.get("00080018") or {}
    return str((item.get("Value") or ["?"])[0])
