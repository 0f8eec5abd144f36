"""Reading DICOM Part 10 files strictly, and describing them for the index and DICOMweb.

pydicom reads leniently (a truncated file yields a shorter value and at most a
warning); an archive must not keep such files, so :func:`parse` checks that
every element is complete and the file ends where its last element ends.

:func:`read` is the one pass ingest makes over a file: parse and check it,
encode its DICOM JSON from the raw elements (:mod:`labelstack.archive.dicom_json`)
and take the index columns from that JSON, so no element is decoded twice.
Explicit VR Little Endian files are read without pydicom
(:mod:`labelstack.archive.dicom_walk`); everything else, and anything that
reader leaves alone, goes through pydicom, which is imported only then.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from labelstack.archive import dicom_json, dicom_walk
from labelstack.services.errors import InvalidInput

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

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


@dataclass
class ReadInstance:
    """One checked DICOM file: its index columns and DICOM JSON (None, with the reason, when
    pydicom cannot describe it). Small and picklable: worker processes send it back."""

    info: InstanceFacts
    dicom_json: dict[str, Any] | None
    json_error: str | None = None


def read(data: bytes | memoryview) -> ReadInstance:
    """Parse, check and describe one file in one pass, or InvalidDicom with the reason."""
    return _read_walked(data) or _read_with_pydicom(data)


def _read_walked(data: bytes | memoryview) -> ReadInstance | None:
    """:func:`read` without pydicom, or None when the file needs pydicom."""
    walked = dicom_walk.walk(data)
    if walked is None or walked.media_storage_sop_class_uid == MEDIA_DIRECTORY:
        return None
    attributes = dicom_json.encode_walked(walked.elements, relative_bulkdata_uri)
    if attributes is None:
        return None
    _bulk_data_as_uris(attributes, relative_bulkdata_uri)
    pixels = walked.value(PIXEL_DATA)
    info = facts_from_json(attributes, walked.transfer_syntax_uid, has_pixel_data=pixels is not None)
    _check_uids(info)
    if pixels is not None:
        _check_pixel_header(info)
        if isinstance(pixels, bytes):
            _check_pixel_bytes(info, pixels, encapsulated=False)
    return ReadInstance(info, attributes)


def _read_with_pydicom(data: bytes | memoryview) -> ReadInstance:
    ds = _parse_complete(data)
    attributes: dict[str, Any] | None = None
    json_error: str | None = None
    try:
        attributes = dataset_to_dicom_json(ds)
    except Exception as exc:  # pydicom refuses to encode a malformed value
        json_error = f"cannot describe the dataset as DICOM JSON: {exc}"
    if attributes is None:
        info = facts(ds)
    else:
        syntax = str(ds.file_meta.TransferSyntaxUID)
        info = facts_from_json(attributes, syntax, has_pixel_data=PIXEL_DATA in ds)
    _check_uids(info)
    _check_dataset_pixel_data(ds, info)
    return ReadInstance(info, attributes, json_error)


def parse(data: bytes) -> Dataset:
    """A complete DICOM Part 10 dataset, or InvalidDicom with the reason."""
    ds = _parse_complete(data)
    info = facts(ds)
    _check_uids(info)
    _check_dataset_pixel_data(ds, info)
    return ds


def _parse_complete(data: bytes | memoryview) -> Dataset:
    import pydicom
    from pydicom.errors import InvalidDicomError
    from pydicom.uid import UID

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
    if "TransferSyntaxUID" not in ds.file_meta:
        raise InvalidDicom("the file meta information has no TransferSyntaxUID")
    if not UID(str(ds.file_meta.TransferSyntaxUID)).is_transfer_syntax:
        raise InvalidDicom(f"{ds.file_meta.TransferSyntaxUID} is not a transfer syntax pydicom knows")
    _check_complete(ds, len(data))
    return ds


def _check_uids(info: InstanceFacts) -> None:
    for keyword, value in (
        ("SOPInstanceUID", info.sop_instance_uid),
        ("SOPClassUID", info.sop_class_uid),
        ("StudyInstanceUID", info.study_instance_uid),
        ("SeriesInstanceUID", info.series_instance_uid),
    ):
        if not value:
            raise InvalidDicom(f"{keyword} is missing")
        if len(value) > 64 or not _UID_PATTERN.match(value):
            raise InvalidDicom(f"{keyword} {value[:80]!r} is not a valid UID")


def _check_complete(ds: Dataset, size: int) -> None:
    from pydicom.uid import UID

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


def _check_dataset_pixel_data(ds: Dataset, info: InstanceFacts) -> None:
    from pydicom.uid import UID

    if PIXEL_DATA not in ds:
        return
    _check_pixel_header(info)
    raw = ds.get_item(PIXEL_DATA)
    value = raw.value if raw is not None else None
    if isinstance(value, bytes):
        _check_pixel_bytes(info, value, encapsulated=UID(ds.file_meta.TransferSyntaxUID).is_encapsulated)


def _check_pixel_header(info: InstanceFacts) -> None:
    if (info.rows or 0) <= 0 or (info.columns or 0) <= 0:
        raise InvalidDicom("pixel data without Rows and Columns")


def _check_pixel_bytes(info: InstanceFacts, value: bytes, *, encapsulated: bool) -> None:
    """Pixel data that holds what Rows, Columns and the rest announce."""
    if encapsulated:
        from pydicom.encaps import generate_fragments

        try:
            fragments = list(generate_fragments(value))
        except (ValueError, KeyError) as exc:
            raise InvalidDicom(f"encapsulated pixel data is malformed: {exc}") from exc
        if not fragments:
            raise InvalidDicom("encapsulated pixel data has no fragments")
        return
    bits = info.bits_allocated or 0
    samples = info.samples_per_pixel or 1
    expected = math.ceil((info.rows or 0) * (info.columns or 0) * samples * info.number_of_frames * bits / 8)
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
    result = dicom_json.encode(ds, uri)
    _bulk_data_as_uris(result, uri)
    return result


def _bulk_data_as_uris(attributes: dict[str, Any], uri: Callable[[str], str]) -> None:
    """Pixel data (and float/double pixel data) as BulkDataURIs, also when small enough to inline."""
    for tag in BULK_TAGS:
        key = f"{tag:08X}"
        entry = attributes.get(key)
        if entry is not None and "BulkDataURI" not in entry:
            attributes[key] = {"vr": entry.get("vr", "OB"), "BulkDataURI": uri(key)}


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
    bits_allocated: int | None = None
    samples_per_pixel: int | None = None


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
        bits_allocated=_int(ds, "BitsAllocated"),
        samples_per_pixel=_int(ds, "SamplesPerPixel"),
    )


def facts_from_json(
    attributes: dict[str, Any], transfer_syntax_uid: str, *, has_pixel_data: bool
) -> InstanceFacts:
    """:func:`facts` read from the DICOM JSON already built (dictionary look-ups, nothing decoded)."""
    found = _JsonValues(attributes)
    frames = found.integer("00280008")
    return InstanceFacts(
        sop_instance_uid=found.text("00080018"),
        sop_class_uid=found.text("00080016"),
        study_instance_uid=found.text("0020000D"),
        series_instance_uid=found.text("0020000E"),
        transfer_syntax_uid=transfer_syntax_uid,
        patient_id=found.text("00100020", 64),
        patient_name=found.text("00100010", 324),
        birth_date=_parse_date(found.text("00100030", 32)),
        sex=found.text("00100040", 16),
        study_date=_parse_date(found.text("00080020", 32)),
        study_time=found.text("00080030", 32),
        study_description=found.text("00081030", 256),
        accession_number=found.text("00080050", 64),
        study_id=found.text("00200010", 32),
        referring_physician=found.text("00080090", 324),
        modality=found.text("00080060", 16),
        body_part=found.text("00180015", 64),
        series_description=found.text("0008103E", 256),
        series_number=found.integer("00200011"),
        frame_of_reference_uid=found.text("00200052", 64),
        instance_number=found.integer("00200013"),
        image_position=found.numbers("00200032", 3),
        image_orientation=found.numbers("00200037", 6),
        slice_location=found.number("00201041"),
        temporal_position=found.integer("00200100"),
        rows=found.integer("00280010"),
        columns=found.integer("00280011"),
        number_of_frames=max(1, frames or 1) if has_pixel_data else 0,
        bits_allocated=found.integer("00280100"),
        samples_per_pixel=found.integer("00280002"),
    )


class _JsonValues:
    """Index columns out of DICOM JSON, with :func:`facts`' rules for odd values."""

    def __init__(self, attributes: dict[str, Any]) -> None:
        self.attributes = attributes

    def values(self, tag: str) -> list[Any]:
        entry = self.attributes.get(tag)
        return list(entry.get("Value") or []) if isinstance(entry, dict) else []

    def text(self, tag: str, limit: int = 64) -> str:
        parts = [_json_text(v) for v in self.values(tag)]
        return "\\".join(parts).strip()[:limit]

    def integer(self, tag: str) -> int | None:
        values = self.values(tag)
        if len(values) != 1 or isinstance(values[0], bool) or not isinstance(values[0], int):
            return None
        return values[0]

    def number(self, tag: str) -> float | None:
        values = self.values(tag)
        if len(values) != 1 or not isinstance(values[0], int | float) or isinstance(values[0], bool):
            return None
        return float(values[0])

    def numbers(self, tag: str, count: int) -> list[float] | None:
        values = self.values(tag)
        if len(values) != count or not all(isinstance(v, int | float) for v in values):
            return None
        numbers = [float(v) for v in values]
        return numbers if all(math.isfinite(n) for n in numbers) else None


def _json_text(value: Any) -> str:
    if isinstance(value, dict):  # a person name: its component groups
        groups = [value.get("Alphabetic", ""), value.get("Ideographic", ""), value.get("Phonetic", "")]
        while len(groups) > 1 and not groups[-1]:
            groups.pop()
        return "=".join(groups)
    return "" if value is None else str(value)


def _value(ds: Dataset, keyword: str) -> Any:
    try:
        return ds.get(keyword)
    except Exception:  # a malformed value of an attribute we only index
        return None


def _text(ds: Dataset, keyword: str, limit: int = 64) -> str:
    from pydicom.multival import MultiValue

    value = _value(ds, keyword)
    if value is None:
        return ""
    if isinstance(value, MultiValue):
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
    return _parse_date(_text(ds, keyword, 32))


def _parse_date(text: str) -> date | None:
    text = text.replace(".", "")
    if len(text) < 8 or not text[:8].isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
