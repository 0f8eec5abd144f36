"""Reading DICOM Part 10 files strictly, and describing them for the index and DICOMweb.

pydicom reads leniently (a truncated file yields a shorter value and at most a
warning); an archive must not keep such files, so :func:`parse` checks that
every element is complete and the file ends where its last element ends.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pydicom
from pydicom.dataset import Dataset
from pydicom.encaps import generate_fragments
from pydicom.errors import InvalidDicomError
from pydicom.uid import UID

from labelstack.services.errors import InvalidInput

UNDEFINED_LENGTH = 0xFFFFFFFF
MEDIA_DIRECTORY = "1.2.840.10008.1.3.10"
PIXEL_DATA = 0x7FE00010
BULK_TAGS = frozenset({0x7FE00008, 0x7FE00009, 0x7FE00010})
_UID_PATTERN = re.compile(r"^[0-9]+(\.[0-9]+)*$")

#: The BulkDataURI stored in the index is relative to the instance's WADO-RS URL
#: (``.../instances/{sop}/``); the metadata route prefixes it when serving.
BULKDATA_PREFIX = "bulkdata/"


class InvalidDicom(InvalidInput):
    """The bytes are not a complete, indexable DICOM Part 10 file."""


def relative_bulkdata_uri(tag: str) -> str:
    """The stored form of a BulkDataURI: ``bulkdata/7FE00010``."""
    return BULKDATA_PREFIX + tag


def parse(data: bytes) -> Dataset:
    """A complete DICOM Part 10 dataset, or InvalidDicom with the reason."""
    if len(data) < 132 or data[128:132] != b"DICM":
        raise InvalidDicom("not a DICOM Part 10 file (no 'DICM' preamble)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ds = pydicom.dcmread(io.BytesIO(data))
        except InvalidDicomError as exc:
            raise InvalidDicom(f"not a readable DICOM file: {exc}") from exc
        except Exception as exc:  # arbitrary bytes make the parser fail in arbitrary ways
            raise InvalidDicom(f"unreadable DICOM ({type(exc).__name__}): {exc}") from exc
    if str(ds.file_meta.get("MediaStorageSOPClassUID", "")) == MEDIA_DIRECTORY:
        raise InvalidDicom("a DICOMDIR media index, not an image: import the files it lists")
    if any("End of file reached" in str(w.message) for w in caught):
        raise InvalidDicom("truncated DICOM file: a sequence or pixel data has no end")
    _check_complete(ds, len(data))
    for keyword in ("SOPInstanceUID", "SOPClassUID", "StudyInstanceUID", "SeriesInstanceUID"):
        value = str(ds.get(keyword, "") or "").strip()
        if not value:
            raise InvalidDicom(f"{keyword} is missing")
        if len(value) > 64 or not _UID_PATTERN.match(value):
            raise InvalidDicom(f"{keyword} {value[:80]!r} is not a valid UID")
    if "TransferSyntaxUID" not in ds.file_meta:
        raise InvalidDicom("the file meta information has no TransferSyntaxUID")
    _check_pixel_data(ds)
    return ds


def _check_complete(ds: Dataset, size: int) -> None:
    if UID(ds.file_meta.get("TransferSyntaxUID", "")).is_deflated:
        return  # positions refer to the inflated stream
    last_end: int | None = None
    for raw in ds.elements():
        length = getattr(raw, "length", None)
        tell = getattr(raw, "value_tell", None)
        value = getattr(raw, "value", None)
        if length is None or tell is None:
            last_end = None  # already parsed (a sequence): its end is not known here
            continue
        if length == UNDEFINED_LENGTH:
            last_end = tell + (len(value) if isinstance(value, bytes) else 0) + 8
        else:
            if isinstance(value, bytes) and len(value) != length:
                raise InvalidDicom(f"truncated DICOM file: element {raw.tag} is cut short")
            last_end = tell + length
    if last_end is not None and last_end != size:
        raise InvalidDicom("truncated DICOM file: it does not end where its last element ends")


def _check_pixel_data(ds: Dataset) -> None:
    if "PixelData" not in ds:
        return
    rows, columns = int(ds.get("Rows") or 0), int(ds.get("Columns") or 0)
    if rows <= 0 or columns <= 0:
        raise InvalidDicom("pixel data without Rows and Columns")
    transfer_syntax = UID(ds.file_meta.TransferSyntaxUID)
    raw = ds.get_item(PIXEL_DATA)
    value = raw.value if raw is not None else None
    if not isinstance(value, bytes):
        return
    if transfer_syntax.is_encapsulated:
        try:
            fragments = list(generate_fragments(value))
        except (ValueError, KeyError) as exc:
            raise InvalidDicom(f"encapsulated pixel data is malformed: {exc}") from exc
        if not fragments:
            raise InvalidDicom("encapsulated pixel data has no fragments")
        return
    bits = int(ds.get("BitsAllocated") or 0)
    samples = int(ds.get("SamplesPerPixel") or 1)
    frames = number_of_frames(ds)
    expected = math.ceil(rows * columns * samples * frames * bits / 8)
    if len(value) < expected:
        raise InvalidDicom(f"pixel data holds {len(value)} bytes, the header announces {expected}")


def number_of_frames(ds: Dataset) -> int:
    try:
        return max(1, int(ds.get("NumberOfFrames") or 1))
    except (TypeError, ValueError):
        return 1


def dataset_to_dicom_json(ds: Dataset, bulkdata_uri: Callable[[str], str] | None = None) -> dict[str, Any]:
    """The PS3.18 F.2 JSON of ``ds``, pixel data and other large binaries as BulkDataURIs.

    ``bulkdata_uri`` maps a tag ("7FE00010") to the URI to write; by default
    the stored relative form :func:`relative_bulkdata_uri`.
    """
    uri = bulkdata_uri or relative_bulkdata_uri

    def handler(element: pydicom.DataElement) -> str:
        return uri(f"{element.tag:08X}")

    result = ds.to_json_dict(bulk_data_threshold=1024, bulk_data_element_handler=handler)
    for tag in BULK_TAGS:
        key = f"{tag:08X}"
        entry = result.get(key)
        if entry is not None and "BulkDataURI" not in entry:
            result[key] = {"vr": entry.get("vr", "OB"), "BulkDataURI": uri(key)}
    return result


@dataclass(frozen=True)
class InstanceFacts:
    """What the index keeps about one instance, read from its dataset."""

    sop_instance_uid: str
    sop_class_uid: str
    study_instance_uid: str
    series_instance_uid: str
    transfer_syntax_uid: str
    patient_id: str
    patient_name: str
    birth_date: date | None
    sex: str
    study_date: date | None
    study_time: str
    study_description: str
    accession_number: str
    study_id: str
    referring_physician: str
    modality: str
    body_part: str
    series_description: str
    series_number: int | None
    frame_of_reference_uid: str
    instance_number: int | None
    image_position: list[float] | None
    image_orientation: list[float] | None
    slice_location: float | None
    temporal_position: int | None
    rows: int | None
    columns: int | None
    number_of_frames: int


def facts(ds: Dataset) -> InstanceFacts:
    return InstanceFacts(
        sop_instance_uid=_text(ds, "SOPInstanceUID"),
        sop_class_uid=_text(ds, "SOPClassUID"),
        study_instance_uid=_text(ds, "StudyInstanceUID"),
        series_instance_uid=_text(ds, "SeriesInstanceUID"),
        transfer_syntax_uid=str(ds.file_meta.TransferSyntaxUID),
        patient_id=_text(ds, "PatientID", 64),
        patient_name=_text(ds, "PatientName", 324),
        birth_date=_date(ds, "PatientBirthDate"),
        sex=_text(ds, "PatientSex", 16),
        study_date=_date(ds, "StudyDate"),
        study_time=_text(ds, "StudyTime", 32),
        study_description=_text(ds, "StudyDescription", 256),
        accession_number=_text(ds, "AccessionNumber", 64),
        study_id=_text(ds, "StudyID", 32),
        referring_physician=_text(ds, "ReferringPhysicianName", 324),
        modality=_text(ds, "Modality", 16),
        body_part=_text(ds, "BodyPartExamined", 64),
        series_description=_text(ds, "SeriesDescription", 256),
        series_number=_int(ds, "SeriesNumber"),
        frame_of_reference_uid=_text(ds, "FrameOfReferenceUID", 64),
        instance_number=_int(ds, "InstanceNumber"),
        image_position=_floats(ds, "ImagePositionPatient", 3),
        image_orientation=_floats(ds, "ImageOrientationPatient", 6),
        slice_location=_float(ds, "SliceLocation"),
        temporal_position=_int(ds, "TemporalPositionIdentifier"),
        rows=_int(ds, "Rows"),
        columns=_int(ds, "Columns"),
        number_of_frames=number_of_frames(ds) if "PixelData" in ds else 0,
    )


def _value(ds: Dataset, keyword: str) -> Any:
    try:
        return ds.get(keyword)
    except Exception:  # a malformed value of an attribute we only index
        return None


def _text(ds: Dataset, keyword: str, limit: int = 64) -> str:
    value = _value(ds, keyword)
    if value is None:
        return ""
    if isinstance(value, pydicom.multival.MultiValue):
        value = "\\".join(str(v) for v in value)
    return str(value).strip()[:limit]


def _int(ds: Dataset, keyword: str) -> int | None:
    value = _value(ds, keyword)
    try:
        return None if value in (None, "") else int(value)
    except (TypeError, ValueError):
        return None


def _float(ds: Dataset, keyword: str) -> float | None:
    value = _value(ds, keyword)
    try:
        return None if value in (None, "") else float(value)
    except (TypeError, ValueError):
        return None


def _floats(ds: Dataset, keyword: str, count: int) -> list[float] | None:
    value = _value(ds, keyword)
    try:
        numbers = [float(v) for v in value] if value is not None else []
    except (TypeError, ValueError):
        return None
    return numbers if len(numbers) == count and all(math.isfinite(n) for n in numbers) else None


def _date(ds: Dataset, keyword: str) -> date | None:
    text = _text(ds, keyword, 32).replace(".", "")
    if len(text) < 8 or not text[:8].isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
