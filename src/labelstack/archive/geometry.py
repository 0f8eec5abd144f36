"""Voxel grids and patient coordinates: NIfTI affines (RAS) and DICOM image planes (LPS).

DICOM patient coordinates are LPS (PS3.3 C.7.6.2.1.1), NIfTI world
coordinates RAS: x and y change sign. A NIfTI voxel (i, j, k) maps to DICOM
column i, row j of slice k, so the first ImageOrientationPatient vector
follows i and the second follows j.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RAS_TO_LPS = np.diag([-1.0, -1.0, 1.0, 1.0])


@dataclass
class Geometry:
    """DICOM geometry of the voxel grid, computed from the NIfTI affine."""

    row_direction: list[float]
    column_direction: list[float]
    pixel_spacing: list[float]  # [between rows, between columns]
    slice_spacing: float
    affine_lps: np.ndarray

    def position(self, k: int) -> list[float]:
        return [float(v) for v in (self.affine_lps @ np.array([0.0, 0.0, float(k), 1.0]))[:3]]


def geometry(affine_ras: np.ndarray) -> Geometry:
    lps = RAS_TO_LPS @ affine_ras
    i_axis, j_axis, k_axis = lps[:3, 0], lps[:3, 1], lps[:3, 2]
    di, dj = float(np.linalg.norm(i_axis)), float(np.linalg.norm(j_axis))
    return Geometry(
        row_direction=[float(v) for v in i_axis / di],
        column_direction=[float(v) for v in j_axis / dj],
        pixel_spacing=[dj, di],
        slice_spacing=float(np.linalg.norm(k_axis)),
        affine_lps=lps,
    )


def affine_from_positions(
    row_direction: list[float],
    column_direction: list[float],
    pixel_spacing: list[float],
    first_position: list[float],
    second_position: list[float] | None,
) -> np.ndarray:
    """The RAS voxel-to-world affine a DICOM series describes (inverse of :func:`geometry`)."""
    lps = np.eye(4)
    lps[:3, 0] = np.array(row_direction) * pixel_spacing[1]
    lps[:3, 1] = np.array(column_direction) * pixel_spacing[0]
    if second_position is not None:
        lps[:3, 2] = np.array(second_position) - np.array(first_position)
    else:
        lps[:3, 2] = np.cross(row_direction, column_direction)
    lps[:3, 3] = first_position
    return RAS_TO_LPS @ lps
