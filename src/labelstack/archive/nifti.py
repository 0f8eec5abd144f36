"""NIfTI volumes (.nii, .nii.gz; 3D and 4D) turned into DICOM series.

The original file is kept unchanged next to the store; each slice of each time
point becomes an MR, CT or Secondary Capture instance with the geometry of
the NIfTI affine, so DICOMweb, the viewer and segmentation export treat it
like any other series. NIfTI world coordinates are RAS, DICOM patient
coordinates LPS (PS3.3 C.7.6.2.1.1): x and y change sign.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import (
    UID,
    CTImageStorage,
    ExplicitVRLittleEndian,
    MRImageStorage,
    SecondaryCaptureImageStorage,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.archive.geometry import geometry
from labelstack.archive.ingest import IngestBatch, IngestOutcome, ingest_dataset
from labelstack.archive.nifti_source import NiftiGrouping as NiftiGrouping
from labelstack.archive.store import ImageStore
from labelstack.archive.synthetic import UID_PREFIX, uid
from labelstack.models import Series
from labelstack.services import audit
from labelstack.services.audit import Actor
from labelstack.services.errors import InvalidInput, PayloadTooLarge

if TYPE_CHECKING:
    import nibabel as nib

#: One SOP Class per :data:`~labelstack.archive.nifti_source.MODALITIES`.
SOP_CLASSES = {"MR": MRImageStorage, "CT": CTImageStorage, "OT": SecondaryCaptureImageStorage}


class InvalidNifti(InvalidInput):
    """The bytes are not a NIfTI-1/2 volume we can read."""


def load(data: bytes, *, max_bytes: int) -> nib.Nifti1Image | nib.Nifti2Image:
    """The image with its voxels loaded; InvalidNifti (422) for anything we cannot read."""
    import nibabel as nib  # slow to import; only NIfTI files need it (keeps CLI start-up short)

    raw = data
    if data[:2] == b"\x1f\x8b":
        raw = _gunzip(data, max_bytes)
    if len(raw) < 348:
        raise InvalidNifti("not a NIfTI file: shorter than a NIfTI-1 header")
    size = int.from_bytes(raw[:4], "little")
    size_be = int.from_bytes(raw[:4], "big")
    kind: type[nib.Nifti1Image] | type[nib.Nifti2Image]
    if 348 in (size, size_be):
        kind = nib.Nifti1Image
    elif 540 in (size, size_be):
        kind = nib.Nifti2Image
    else:
        raise InvalidNifti("not a NIfTI file: the header size is neither 348 nor 540")
    try:
        image = kind.from_bytes(raw)
        voxels = np.asanyarray(image.dataobj)
    except Exception as exc:  # nibabel reports broken headers in many ways
        raise InvalidNifti(f"broken NIfTI header or data: {exc}") from exc
    if voxels.ndim > 4 and all(n == 1 for n in voxels.shape[4:]):
        voxels = voxels.reshape(voxels.shape[:4])
    if voxels.ndim < 2 or voxels.ndim > 4 or 0 in voxels.shape:
        raise InvalidNifti(f"unsupported NIfTI shape {voxels.shape}: expected 2D, 3D or 4D")
    if not np.all(np.isfinite(image.affine)) or abs(np.linalg.det(image.affine[:3, :3])) < 1e-9:
        raise InvalidNifti("broken NIfTI header: the affine is not invertible")
    if voxels.dtype.kind not in "iuf" or (voxels.dtype.kind == "f" and not np.all(np.isfinite(voxels))):
        raise InvalidNifti(f"unsupported NIfTI data type {voxels.dtype}")
    return kind(voxels, image.affine, image.header)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = stream.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InvalidNifti(f"broken gzip stream: {exc}") from exc
    if len(out) > max_bytes:
        raise PayloadTooLarge(f"the NIfTI volume expands beyond {max_bytes} bytes")
    return out


def to_datasets(
    image: nib.Nifti1Image | nib.Nifti2Image, *, grouping: NiftiGrouping, seed: str
) -> tuple[list[Dataset], dict[str, Any]]:
    """One dataset per (time point, slice), and the facts to keep in ``Series.extra``."""
    from nibabel.orientations import aff2axcodes

    voxels = np.asanyarray(image.dataobj)
    if voxels.ndim == 2:
        voxels = voxels[:, :, np.newaxis]
    if voxels.ndim == 3:
        voxels = voxels[..., np.newaxis]
    _nx, _ny, nz, nt = voxels.shape
    geo = geometry(np.asarray(image.affine, dtype=float))
    stored, pixel_rep, slope, intercept = _stored_values(voxels)
    zooms = image.header.get_zooms()
    space_unit, time_unit = image.header.get_xyzt_units()
    step = float(zooms[3]) if len(zooms) > 3 else 0.0
    step_ms = step * {"sec": 1000.0, "msec": 1.0, "usec": 0.001}.get(time_unit, 1000.0)
    phases = grouping.phases if len(grouping.phases) == nt else []
    study_uid = grouping.study_instance_uid or uid(grouping.patient_id, grouping.study_description, "study")
    series_uid = uid(seed, "series")
    frame_of_reference = uid(seed, "for")
    datasets = []
    for t in range(nt):
        for k in range(nz):
            number = t * nz + k + 1
            ds = _slice_dataset(grouping, uid(seed, t, k), study_uid, series_uid, number)
            ds.FrameOfReferenceUID = frame_of_reference
            ds.PositionReferenceIndicator = ""
            ds.ImagePositionPatient = [_ds(v) for v in geo.position(k)]
            ds.ImageOrientationPatient = [_ds(v) for v in geo.row_direction + geo.column_direction]
            ds.PixelSpacing = [_ds(v) for v in geo.pixel_spacing]
            ds.SliceThickness = _ds(geo.slice_spacing)
            ds.SpacingBetweenSlices = _ds(geo.slice_spacing)
            if nt > 1:
                ds.TemporalPositionIdentifier = t + 1
                ds.NumberOfTemporalPositions = nt
                if step_ms > 0:
                    ds.TriggerTime = _ds(t * step_ms)
                    ds.TemporalResolution = _ds(step_ms)
                if phases:
                    ds.ImageComments = f"phase {phases[t]}"
            ds.RescaleSlope = _ds(slope)
            ds.RescaleIntercept = _ds(intercept)
            if grouping.modality == "CT":
                ds.RescaleType = "HU"
            _set_pixels(ds, stored[:, :, k, t].T, pixel_rep)
            datasets.append(ds)
    extra = {
        "nifti": {
            "shape": [int(n) for n in voxels.shape],
            "spacing": [float(z) for z in zooms[:3]],
            "space_unit": space_unit,
            "time_points": nt,
            "time_step_ms": step_ms if nt > 1 else None,
            "phases": phases,
            "affine_ras": [[float(v) for v in row] for row in np.asarray(image.affine)],
            "orientation": "".join(aff2axcodes(image.affine)),
            "datatype": str(image.get_data_dtype()),
        }
    }
    return datasets, extra


def _ds(value: float) -> str:
    """A DS string (at most 16 characters) for ``value``."""
    for digits in range(12, 3, -1):
        text = f"{value:.{digits}g}"
        if len(text) <= 16:
            return text
    return f"{value:.3e}"


def _stored_values(voxels: np.ndarray) -> tuple[np.ndarray, int, float, float]:
    """Stored pixel values, pixel representation (0 unsigned, 1 signed), rescale slope, intercept."""
    low, high = float(voxels.min()), float(voxels.max())
    if voxels.dtype.kind in "iu" or np.array_equal(voxels, np.round(voxels)):
        if low >= 0 and high <= 65535:
            return voxels.astype(np.uint16), 0, 1.0, 0.0
        if low >= -32768 and high <= 32767:
            return voxels.astype(np.int16), 1, 1.0, 0.0
    slope = (high - low) / 65535.0 if high > low else 1.0
    stored = np.round((voxels.astype(np.float64) - low) / slope).astype(np.uint16)
    return stored, 0, slope, low


def _slice_dataset(
    grouping: NiftiGrouping, sop_uid: str, study_uid: str, series_uid: str, number: int
) -> Dataset:
    sop_class = SOP_CLASSES[grouping.modality]
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = UID(sop_class)
    meta.MediaStorageSOPInstanceUID = UID(sop_uid)
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = UID(UID_PREFIX + "1")
    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid
    ds.StudyInstanceUID = study_uid
    ds.SeriesInstanceUID = series_uid
    ds.PatientID = grouping.patient_id
    ds.PatientName = grouping.patient_name
    ds.PatientBirthDate = ""
    ds.PatientSex = ""
    ds.StudyDate = ""
    ds.StudyTime = ""
    ds.StudyID = ""
    ds.AccessionNumber = ""
    ds.ReferringPhysicianName = ""
    ds.StudyDescription = grouping.study_description
    ds.SeriesDescription = grouping.series_description
    ds.SeriesNumber = 1
    ds.InstanceNumber = number
    ds.Modality = grouping.modality
    if grouping.body_part:
        ds.BodyPartExamined = grouping.body_part
    ds.ImageType = ["DERIVED", "SECONDARY"]
    ds.DerivationDescription = "converted from NIfTI"
    if grouping.modality == "MR":
        ds.ScanningSequence = "RM"
        ds.SequenceVariant = "NONE"
        ds.ScanOptions = ""
        ds.MRAcquisitionType = "3D"
        ds.RepetitionTime = ""
        ds.EchoTime = ""
        ds.EchoTrainLength = ""
    elif grouping.modality == "CT":
        ds.KVP = ""
    else:
        ds.ConversionType = "WSD"
    return ds


def _set_pixels(ds: Dataset, plane: np.ndarray, pixel_rep: int) -> None:
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = int(plane.shape[0]), int(plane.shape[1])
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = pixel_rep
    ds.PixelData = np.ascontiguousarray(plane).astype("<i2" if pixel_rep else "<u2").tobytes()


def encode(ds: Dataset) -> bytes:
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    return out.getvalue()


def ingest_nifti(
    db: Session,
    *,
    store: ImageStore,
    originals_dir: Path,
    data: bytes,
    name: str,
    source: str,
    actor: Actor,
    grouping: NiftiGrouping | None = None,
    max_bytes: int,
) -> IngestOutcome:
    """Convert and ingest one NIfTI file as one series, all or nothing, and commit."""
    image = load(data, max_bytes=max_bytes)
    resolved = (grouping or NiftiGrouping()).resolved(name)
    digest = hashlib.sha256(data).hexdigest()
    seed = f"nifti:{digest}:{resolved.patient_id}:{resolved.study_instance_uid}:{resolved.study_description}"
    datasets, extra = to_datasets(image, grouping=resolved, seed=seed)
    first = datasets[0]
    outcome = IngestOutcome(
        name=name,
        status="stored",
        series_instance_uid=str(first.SeriesInstanceUID),
        study_instance_uid=str(first.StudyInstanceUID),
        sop_class_uid=str(first.SOPClassUID),
        transfer_syntax_uid=ExplicitVRLittleEndian,
        size_bytes=len(data),
        instances=len(datasets),
    )
    if db.scalar(select(Series.id).where(Series.series_instance_uid == outcome.series_instance_uid)):
        outcome.status = "duplicate"
        return outcome
    original = _keep_original(originals_dir, outcome.series_instance_uid or "", name, data)
    stored_keys: list[str] = []
    try:
        batch = IngestBatch()
        for ds in datasets:
            encoded = encode(ds)
            result = ingest_dataset(
                db, store=store, ds=ds, data=encoded, name=name, source=source, batch=batch
            )
            if result.storage_key and result.status == "stored":
                stored_keys.append(result.storage_key)
        series = db.scalars(
            select(Series).where(Series.series_instance_uid == outcome.series_instance_uid)
        ).one()
        extra["nifti"].update(file=os.path.basename(name), original=original.name, sha256=digest)
        series.extra = extra
        series.source_format = "nifti"
        audit.record(
            db,
            actor=actor,
            action="archive.ingest",
            object_type="series",
            object_id=outcome.series_instance_uid,
            details={"source": source, "format": "nifti", "file": name, "stored": len(datasets)},
        )
        db.commit()
    except BaseException:
        db.rollback()
        for key in stored_keys:
            store.delete(key)
        original.unlink(missing_ok=True)
        raise
    return outcome


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def originals_path(originals_dir: Path, series_uid: str) -> Path:
    return originals_dir / "nifti" / series_uid


def _keep_original(originals_dir: Path, series_uid: str, name: str, data: bytes) -> Path:
    """Write the untouched NIfTI file atomically under ``originals/nifti/<series uid>/``."""
    folder = originals_path(originals_dir, series_uid)
    folder.mkdir(parents=True, exist_ok=True)
    safe = _SAFE_NAME.sub("_", os.path.basename(name.replace("\\", "/"))).lstrip(".") or "volume.nii"
    if data[:2] == b"\x1f\x8b" and not safe.endswith(".gz"):
        safe += ".gz"
    target = folder / safe
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    return target
