"""Generated DICOM series for tests, built on the real CT_small.dcm from pydicom's test files.

The CT_small header supplies a realistic patient/study module; each slice
gets its own UIDs, position and pixels. Nothing is written to the repository.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import numpy as np
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid


def ct_series(
    slices: int = 40,
    rows: int = 64,
    columns: int = 64,
    *,
    spacing: float = 2.5,
    pixel_spacing: Sequence[float] = (0.7, 0.8),
    orientation: Sequence[float] = (1, 0, 0, 0, 1, 0),
    origin: Sequence[float] = (-120.0, -110.0, 30.0),
    shuffle: bool = True,
) -> list[Dataset]:
    """A CT series of ``slices`` images; returned in shuffled order unless told otherwise."""
    template = dcmread(get_testdata_file("CT_small.dcm"))
    study_uid, series_uid, frame_uid = generate_uid(), generate_uid(), generate_uid()
    row_dir = np.asarray(orientation[:3], dtype=float)
    col_dir = np.asarray(orientation[3:], dtype=float)
    normal = np.cross(row_dir, col_dir)
    yy, xx = np.mgrid[0:rows, 0:columns]
    datasets = []
    for k in range(slices):
        ds = copy.deepcopy(template)
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.StudyInstanceUID = study_uid
        ds.SeriesInstanceUID = series_uid
        ds.FrameOfReferenceUID = frame_uid
        ds.SeriesNumber = 2
        ds.InstanceNumber = k + 1
        position = np.asarray(origin, dtype=float) + normal * spacing * k
        ds.ImagePositionPatient = [f"{v:.4f}" for v in position]
        ds.ImageOrientationPatient = [f"{float(v):.8f}" for v in orientation]
        ds.PixelSpacing = [str(v) for v in pixel_spacing]
        ds.SliceThickness = str(spacing)
        ds.SliceLocation = f"{float(np.dot(normal, position)):.4f}"
        ds.Rows, ds.Columns = rows, columns
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.PixelData = ((xx + yy + k) % 2000 - 1000).astype("<i2").tobytes()
        for private in [e.tag for e in ds if e.tag.group % 2 == 1]:
            del ds[private]
        datasets.append(ds)
    if shuffle:
        np.random.default_rng(7).shuffle(datasets)  # type: ignore[arg-type]
    return datasets
