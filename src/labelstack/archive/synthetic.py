"""Generated, anatomy-like image series for the demo set, tests and benchmarks.

Nothing here is patient data: a CT phantom (body, lungs, heart, spine, in
Hounsfield units), an MR volume, an ultrasound cine, all with realistic
geometry. UIDs are derived from a seed, so generating the same series twice
yields the same instances (the demo stays idempotent).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import (
    UID,
    CTImageStorage,
    ExplicitVRLittleEndian,
    MRImageStorage,
    UltrasoundMultiFrameImageStorage,
    generate_uid,
)

#: UID root for generated instances (pydicom's documented example root).
UID_PREFIX = "1.2.826.0.1.3680043.8.498."


def uid(*parts: object) -> str:
    """A stable UID for the given seed parts."""
    return generate_uid(prefix=UID_PREFIX, entropy_srcs=[str(p) for p in parts])


@dataclass(frozen=True)
class SeriesSpec:
    """Who and what a generated series is about."""

    seed: str
    patient_id: str = "DEMO-001"
    patient_name: str = "Demo^Phantom"
    study_description: str = "Demo study"
    series_description: str = "Generated series"
    study_date: str = "20240115"
    series_number: int = 1
    body_part: str = "CHEST"

    @property
    def study_uid(self) -> str:
        return uid(self.patient_id, self.study_description, "study")

    @property
    def series_uid(self) -> str:
        return uid(self.seed, "series")

    @property
    def frame_of_reference_uid(self) -> str:
        return uid(self.seed, "for")


def _base(spec: SeriesSpec, sop_class: str, sop_uid: str, modality: str) -> Dataset:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = UID(sop_class)
    meta.MediaStorageSOPInstanceUID = UID(sop_uid)
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = UID(UID_PREFIX + "1")
    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid
    ds.StudyInstanceUID = spec.study_uid
    ds.SeriesInstanceUID = spec.series_uid
    ds.PatientID = spec.patient_id
    ds.PatientName = spec.patient_name
    ds.PatientBirthDate = "19700101"
    ds.PatientSex = "O"
    ds.StudyDate = spec.study_date
    ds.SeriesDate = spec.study_date
    ds.StudyTime = "101500"
    ds.StudyID = "1"
    ds.AccessionNumber = spec.seed[:16].upper()
    ds.ReferringPhysicianName = ""
    ds.StudyDescription = spec.study_description
    ds.SeriesDescription = spec.series_description
    ds.SeriesNumber = spec.series_number
    ds.Modality = modality
    ds.BodyPartExamined = spec.body_part
    ds.Manufacturer = "LabelStack synthetic"
    return ds


def _encode(ds: Dataset) -> bytes:
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    return out.getvalue()


def _ellipse(shape: tuple[int, int], cy: float, cx: float, ry: float, rx: float) -> np.ndarray:
    y, x = np.ogrid[: shape[0], : shape[1]]
    result: np.ndarray = ((y - cy) / ry) ** 2 + ((x - cx) / rx) ** 2 <= 1.0
    return result


def ct_phantom_slice(z: float, size: int = 256) -> np.ndarray:
    """Hounsfield units of a chest-like slice; ``z`` runs 0 (abdomen) .. 1 (neck)."""
    hu = np.full((size, size), -1000.0, dtype=np.float32)
    s = size / 256
    c = size / 2
    body_rx, body_ry = (110 - 25 * z) * s, (80 - 15 * z) * s
    hu[_ellipse(hu.shape, c, c, body_ry, body_rx)] = 40.0
    hu[_ellipse(hu.shape, c, c, body_ry - 6 * s, body_rx - 6 * s)] = 20.0
    lung_size = np.sin(np.clip(z * np.pi * 1.1, 0, np.pi))
    if lung_size > 0.05:
        for side in (-1, 1):
            lung = _ellipse(hu.shape, c - 5 * s, c + side * 45 * s, 55 * s * lung_size, 32 * s * lung_size)
            hu[lung] = -820.0
    heart_size = np.exp(-(((z - 0.45) / 0.18) ** 2))
    if heart_size > 0.1:
        hu[_ellipse(hu.shape, c + 5 * s, c + 12 * s, 35 * s * heart_size, 42 * s * heart_size)] = 45.0
    if z < 0.35:
        hu[_ellipse(hu.shape, c + 10 * s, c - 30 * s, 30 * s, 40 * s)] = 60.0  # liver
    hu[_ellipse(hu.shape, c + 55 * s, c, 12 * s, 12 * s)] = 700.0  # vertebra
    hu[_ellipse(hu.shape, c + 55 * s, c, 6 * s, 6 * s)] = 30.0  # canal
    hu[_ellipse(hu.shape, c + 30 * s, c - 8 * s, 7 * s, 7 * s)] = 200.0  # aorta with contrast
    rng = np.random.default_rng(int(z * 10_000))
    hu += rng.normal(0, 8, hu.shape).astype(np.float32)
    return hu


def ct_series(
    spec: SeriesSpec, *, slices: int = 200, size: int = 256, spacing: float = 0.8, thickness: float = 1.5
) -> Iterator[tuple[str, bytes]]:
    """An axial CT, feet first in the index but head-first positions (z increases with slice)."""
    for i in range(slices):
        sop = uid(spec.seed, "ct", i)
        ds = _base(spec, CTImageStorage, sop, "CT")
        ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
        ds.FrameOfReferenceUID = spec.frame_of_reference_uid
        ds.PositionReferenceIndicator = ""
        ds.InstanceNumber = i + 1
        z = -300.0 + i * thickness
        ds.ImagePositionPatient = [-size * spacing / 2, -size * spacing / 2, z]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.SliceLocation = z
        ds.SliceThickness = thickness
        ds.PixelSpacing = [spacing, spacing]
        ds.KVP = 120
        ds.RescaleIntercept = -1024
        ds.RescaleSlope = 1
        ds.RescaleType = "HU"
        ds.WindowCenter = 40
        ds.WindowWidth = 400
        hu = ct_phantom_slice(i / max(slices - 1, 1), size)
        _pixels(ds, np.clip(hu + 1024, 0, 4095).astype(np.uint16), bits_stored=12)
        yield f"CT{i + 1:04d}.dcm", _encode(ds)


def mr_series(spec: SeriesSpec, *, slices: int = 24, size: int = 192) -> Iterator[tuple[str, bytes]]:
    """A sagittal-ish brain-like MR: bright scalp, grey matter, darker ventricles."""
    for i in range(slices):
        sop = uid(spec.seed, "mr", i)
        ds = _base(spec, MRImageStorage, sop, "MR")
        ds.ImageType = ["ORIGINAL", "PRIMARY", "M"]
        ds.ScanningSequence = "SE"
        ds.SequenceVariant = "NONE"
        ds.ScanOptions = ""
        ds.MRAcquisitionType = "2D"
        ds.RepetitionTime = 500
        ds.EchoTime = 15
        ds.EchoTrainLength = 1
        ds.MagneticFieldStrength = 1.5
        ds.FrameOfReferenceUID = spec.frame_of_reference_uid
        ds.PositionReferenceIndicator = ""
        ds.InstanceNumber = i + 1
        x = -60.0 + i * 5.0
        ds.ImagePositionPatient = [x, -120.0, 120.0]
        ds.ImageOrientationPatient = [0, 1, 0, 0, 0, -1]
        ds.SliceLocation = x
        ds.SliceThickness = 5.0
        ds.PixelSpacing = [1.25, 1.25]
        t = abs(i - slices / 2) / (slices / 2)
        img = np.zeros((size, size), dtype=np.float32)
        c = size / 2
        r = (0.42 - 0.18 * t * t) * size
        img[_ellipse(img.shape, c, c, r * 1.15, r)] = 900
        img[_ellipse(img.shape, c, c, r * 1.05, r * 0.9)] = 550
        img[_ellipse(img.shape, c, c, r * 0.9, r * 0.75)] = 700
        if t < 0.5:
            img[_ellipse(img.shape, c - 0.1 * size, c, 0.08 * size, 0.05 * size)] = 180
        img += np.random.default_rng(i).normal(0, 20, img.shape).astype(np.float32)
        _pixels(ds, np.clip(img, 0, 4095).astype(np.uint16), bits_stored=12)
        yield f"MR{i + 1:04d}.dcm", _encode(ds)


def us_cine(spec: SeriesSpec, *, frames: int = 30, rows: int = 240, columns: int = 320) -> tuple[str, bytes]:
    """One multi-frame ultrasound instance: a beating sector-shaped "heart" over a cine loop."""
    sop = uid(spec.seed, "us")
    ds = _base(spec, UltrasoundMultiFrameImageStorage, sop, "US")
    ds.ImageType = ["ORIGINAL", "PRIMARY", "CARDIOLOGY"]
    ds.InstanceNumber = 1
    ds.NumberOfFrames = frames
    ds.FrameTime = 33.3
    ds.FrameIncrementPointer = 0x00181063
    ds.CineRate = 30
    y, x = np.ogrid[:rows, :columns]
    angle = np.arctan2(x - columns / 2, y + 10)
    radius = np.hypot(x - columns / 2, y + 10)
    sector = (np.abs(angle) < 0.6) & (radius < rows * 0.95)
    cine = np.zeros((frames, rows, columns), dtype=np.uint8)
    rng = np.random.default_rng(7)
    for f in range(frames):
        beat = 0.5 + 0.5 * np.sin(2 * np.pi * f / frames)
        speckle = rng.gamma(2.0, 30.0, (rows, columns))
        cavity = _ellipse(
            (rows, columns), rows * 0.55, columns / 2, rows * (0.18 + 0.06 * beat), columns * 0.12
        )
        wall = _ellipse(
            (rows, columns), rows * 0.55, columns / 2, rows * (0.26 + 0.05 * beat), columns * 0.19
        )
        frame = np.where(wall, speckle * 1.6, speckle * 0.6)
        frame = np.where(cavity, speckle * 0.15, frame)
        cine[f] = np.clip(np.where(sector, frame, 0), 0, 255).astype(np.uint8)
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = rows, columns
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.PixelData = cine.tobytes()
    return "US_cine.dcm", _encode(ds)


def _pixels(ds: Dataset, arr: np.ndarray, *, bits_stored: int) -> None:
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = arr.shape
    ds.BitsAllocated = 16
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 0
    ds.PixelData = arr.astype("<u2").tobytes()


def cardiac_volume(
    *, size: int = 96, slices: int = 12, phases: int = 2
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A short-axis cine-like 4D volume (x, y, z, t), its labels and its RAS affine.

    Labels: 1 left-ventricle blood pool, 2 myocardium, 3 right ventricle; phase 0
    is end-diastole (large cavity), the last phase end-systole.
    """
    image = np.zeros((size, size, slices, phases), dtype=np.int16)
    labels = np.zeros((size, size, slices, phases), dtype=np.uint8)
    rng = np.random.default_rng(3)
    c = size / 2
    for t in range(phases):
        squeeze = t / max(phases - 1, 1)
        for k in range(slices):
            taper = 1.0 - 0.5 * (k / max(slices - 1, 1)) ** 2
            r_lv = size * (0.16 - 0.05 * squeeze) * taper
            r_myo = r_lv + size * (0.06 + 0.02 * squeeze)
            shape = (size, size)
            rv = _ellipse(shape, c, c - r_myo - size * 0.08, r_myo * 1.1, size * 0.09 * taper)
            myo = _ellipse(shape, c, c, r_myo, r_myo)
            lv = _ellipse(shape, c, c, r_lv, r_lv)
            sl = np.full(shape, 80.0)
            sl[_ellipse(shape, c, c, size * 0.45, size * 0.4)] = 200.0
            sl[rv] = 650.0
            sl[myo] = 250.0
            sl[lv] = 700.0
            sl += rng.normal(0, 15, shape)
            # NIfTI arrays are indexed [x, y]; the drawing is [row=y, col=x]
            image[:, :, k, t] = np.clip(sl, 0, 2000).astype(np.int16).T
            lab = np.zeros(shape, dtype=np.uint8)
            lab[rv & ~myo] = 3
            lab[myo] = 2
            lab[lv] = 1
            labels[:, :, k, t] = lab.T
    # an oblique short-axis orientation, 1.4 mm in-plane, 8 mm slices (RAS)
    angle = np.deg2rad(30)
    rot = np.array(
        [[np.cos(angle), 0, np.sin(angle)], [0, 1, 0], [-np.sin(angle), 0, np.cos(angle)]]
    ) @ np.diag([1.4, 1.4, 8.0])
    affine = np.eye(4)
    affine[:3, :3] = rot
    affine[:3, 3] = [-60.0, -70.0, 20.0]
    return image, labels, affine
