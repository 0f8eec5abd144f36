"""Generated DICOM series for tests and benchmarks (nothing large is committed)."""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

ROOT = "1.2.826.0.1.3680043.8.498."  # pydicom's UID root: generated UIDs stay unique


def ct_series(
    count: int,
    *,
    rows: int = 64,
    columns: int = 64,
    patient_id: str = "GEN-0001",
    patient_name: str = "Generated^Patient",
    study_uid: str | None = None,
    series_uid: str | None = None,
    study_date: date = date(2024, 5, 17),
    accession: str = "ACC-GEN-1",
    series_number: int = 1,
    seed: int = 0,
) -> list[bytes]:
    """``count`` CT slices (16-bit, Explicit VR Little Endian) of one series, encoded as Part 10 files."""
    study_uid = study_uid or generate_uid(ROOT)
    series_uid = series_uid or generate_uid(ROOT)
    frame_of_reference = generate_uid(ROOT)
    rng = np.random.default_rng(seed)
    base = (rng.integers(0, 400, size=(rows, columns)) + np.linspace(-1000, 1000, columns)).astype(np.int16)
    files = []
    for index in range(count):
        sop_uid = generate_uid(ROOT)
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = CTImageStorage
        meta.MediaStorageSOPInstanceUID = sop_uid
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = Dataset()
        ds.file_meta = meta
        ds.SpecificCharacterSet = "ISO_IR 100"
        ds.SOPClassUID = CTImageStorage
        ds.SOPInstanceUID = sop_uid
        ds.StudyInstanceUID = study_uid
        ds.SeriesInstanceUID = series_uid
        ds.FrameOfReferenceUID = frame_of_reference
        ds.PatientID = patient_id
        ds.PatientName = patient_name
        ds.PatientBirthDate = "19700101"
        ds.PatientSex = "O"
        ds.StudyDate = study_date.strftime("%Y%m%d")
        ds.StudyTime = "101500"
        ds.AccessionNumber = accession
        ds.StudyID = "1"
        ds.StudyDescription = "Generated CT"
        ds.ReferringPhysicianName = ""
        ds.Modality = "CT"
        ds.SeriesNumber = series_number
        ds.SeriesDescription = "Generated axial"
        ds.BodyPartExamined = "CHEST"
        ds.InstanceNumber = index + 1
        ds.ImagePositionPatient = [0.0, 0.0, float(index) * 1.25]
        ds.ImageOrientationPatient = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
        ds.SliceLocation = float(index) * 1.25
        ds.SliceThickness = 1.25
        ds.PixelSpacing = [0.7, 0.7]
        ds.Rows = rows
        ds.Columns = columns
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated = 16
        ds.BitsStored = 16
        ds.HighBit = 15
        ds.PixelRepresentation = 1
        ds.RescaleIntercept = 0
        ds.RescaleSlope = 1
        ds.WindowCenter = 40
        ds.WindowWidth = 400
        ds.PixelData = np.roll(base, index, axis=0).tobytes()
        out = io.BytesIO()
        pydicom.dcmwrite(out, ds, enforce_file_format=True)
        files.append(out.getvalue())
    return files
