"""Recognising a NIfTI file and naming the series it becomes, without numpy, nibabel or pydicom.

Every imported file is checked with :func:`looks_like_nifti`, and the
command line builds a :class:`NiftiGrouping` before it knows whether any
NIfTI file is there; keeping these apart from :mod:`labelstack.archive.nifti`
keeps that module's imports out of a DICOM-only import.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass, field

NIFTI_SUFFIXES = (".nii", ".nii.gz")
#: The modalities a volume is converted to (MR, CT, or Secondary Capture for anything else).
MODALITIES = frozenset({"MR", "CT", "OT"})


def is_nifti_name(name: str) -> bool:
    return name.lower().endswith(NIFTI_SUFFIXES)


def looks_like_nifti(data: bytes) -> bool:
    """NIfTI-1/2 by header size (348 or 540, either byte order), also gzip-compressed."""
    head = data[:4]
    if data[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 4)
        except zlib.error:
            return False
    return head in (b"\x5c\x01\x00\x00", b"\x00\x00\x01\x5c", b"\x1c\x02\x00\x00", b"\x00\x00\x02\x1c")


@dataclass
class NiftiGrouping:
    """Patient/study/series a NIfTI volume belongs to; empty fields come from the file name."""

    patient_id: str = ""
    patient_name: str = ""
    study_description: str = ""
    study_instance_uid: str = ""
    series_description: str = ""
    modality: str = "MR"
    body_part: str = ""
    phases: list[str] = field(default_factory=list)

    def resolved(self, file_name: str) -> NiftiGrouping:
        stem = nifti_stem(file_name)
        patient_id = self.patient_id or (stem.split("_")[0] if "_" in stem else stem)[:64] or "NIFTI"
        modality = self.modality.upper() if self.modality.upper() in MODALITIES else "OT"
        return NiftiGrouping(
            patient_id=patient_id,
            patient_name=self.patient_name or patient_id,
            study_description=self.study_description or "NIfTI import",
            study_instance_uid=self.study_instance_uid,
            series_description=self.series_description or stem[:64],
            modality=modality,
            body_part=self.body_part,
            phases=list(self.phases),
        )


def nifti_stem(file_name: str) -> str:
    base = os.path.basename(file_name.replace("\\", "/"))
    for suffix in (".nii.gz", ".nii"):
        if base.lower().endswith(suffix):
            return base[: -len(suffix)]
    return base
