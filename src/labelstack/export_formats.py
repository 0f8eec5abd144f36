"""Export formats and choices, apart from the request model: the command line needs them to build
its options before (and without) loading pydantic."""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    dicom_seg = "dicom-seg"
    nifti = "nifti"
    coco = "coco"
    csv = "csv"
    json = "json"


class ExportWhich(StrEnum):
    """Final (accepted) versions only, or the latest version of every annotation."""

    final = "final"
    latest = "latest"
