"""DICOM JSON (PS3.18 §F.2) straight from the raw elements of a parsed dataset.

pydicom's ``Dataset.to_json_dict`` first turns every raw element into a value
object and then that object into JSON, which makes it the largest single cost
of ingest. The common value representations are encoded here in one step from
the element bytes; anything unusual (big endian, character sets other than
Latin-1/UTF-8, UN, a value that does not decode cleanly) is handed to pydicom
element by element, so the result is always what pydicom would produce. The
test suite checks that on every file that ships with pydicom.

:func:`encode_walked` does the same for the elements of a file read without
pydicom (:mod:`labelstack.archive.dicom_walk`); where an element would need
pydicom it answers None and the caller reads the file with pydicom instead.
"""

from __future__ import annotations

import base64
import math
import struct
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from labelstack.archive.dicom_walk import Element

if TYPE_CHECKING:  # pydicom is imported only when a file needs it (start-up of the CLI)
    from pydicom.dataelem import DataElement
    from pydicom.dataset import Dataset

DicomJson = dict[str, Any]
BulkUri = Callable[[str], str]

#: Binary values longer than this become a BulkDataURI (pydicom's rule for a 1024-byte base64 threshold).
INLINE_BINARY_LIMIT = (1024 // 4) * 3
#: The character sets whose text is decoded here; others go through pydicom.
_CODECS = {"": "latin_1", "ISO_IR 6": "latin_1", "ISO_IR 100": "latin_1", "ISO_IR 192": "utf_8"}
_NUMBERS = {"US": "H", "SS": "h", "UL": "I", "SL": "i", "FL": "f", "FD": "d", "UV": "Q", "SV": "q"}
_BYTES = frozenset({"OB", "OD", "OF", "OL", "OV", "OW"})
_SPLIT_RSTRIP = frozenset({"AS", "CS", "DA", "DT", "TM", "UI"})  # pydicom: rstrip the whole, then split
_TEXT = frozenset({"LO", "SH", "UC"})  # split, rstrip each value
_SINGLE = frozenset({"LT", "ST", "UT"})


class _Fallback(Exception):
    """This element is left to pydicom."""


_SPECIFIC_CHARACTER_SET = 0x00080005


def encode_walked(elements: list[Element], bulk_uri: BulkUri) -> DicomJson | None:
    """The DICOM JSON of elements read by :func:`~labelstack.archive.dicom_walk.walk`, or None
    when one of them needs pydicom (then the whole file goes through :func:`encode`)."""
    charset = next((value for tag, _vr, value in elements if tag == _SPECIFIC_CHARACTER_SET), b"")
    if not isinstance(charset, bytes) or b"\\" in charset:
        return None
    codec = _CODECS.get(charset.decode("latin_1").rstrip(" \x00").strip())
    if codec is None:
        return None
    try:
        return _encode_walked(elements, bulk_uri, codec)
    except _Fallback:
        return None


def _encode_walked(elements: list[Element], bulk_uri: BulkUri, codec: str) -> DicomJson:
    result: DicomJson = {}
    for tag, vr, value in elements:
        key = f"{tag:08X}"
        if isinstance(value, bytes):
            result[key] = _element(vr, value, key, bulk_uri, codec)
            continue
        if any(t == _SPECIFIC_CHARACTER_SET for item in value for t, _vr, _value in item):
            raise _Fallback  # an item with a character set of its own
        result[key] = {"vr": "SQ", "Value": [_encode_walked(item, bulk_uri, codec) for item in value]}
    return result


def encode(ds: Dataset, bulk_uri: BulkUri) -> DicomJson:
    """The DICOM JSON of ``ds`` with binaries over 768 bytes as ``bulk_uri(tag)``."""
    implicit, little = ds.original_encoding
    codec = _codec(ds)
    if not little or codec is None:
        return _pydicom(ds, bulk_uri)
    return _encode(ds, bulk_uri, codec, bool(implicit))


def _codec(ds: Dataset) -> str | None:
    import pydicom

    charset = ds.get("SpecificCharacterSet", "")
    if isinstance(charset, pydicom.multival.MultiValue):
        return None
    return _CODECS.get(str(charset or "").strip())


def _encode(ds: Dataset, bulk_uri: BulkUri, codec: str, implicit: bool) -> DicomJson:
    from pydicom.dataelem import RawDataElement

    result: DicomJson = {}
    for tag, raw in ds._dict.items():
        key = f"{tag:08X}"
        try:
            if not isinstance(raw, RawDataElement):
                raise _Fallback
            vr = raw.VR or (_dictionary_vr(tag) if implicit else None)
            if vr == "SQ":
                items = ds[tag].value
                if any(0x00080005 in item for item in items):
                    raise _Fallback  # an item with a character set of its own
                result[key] = {
                    "vr": "SQ",
                    "Value": [_encode(item, bulk_uri, codec, implicit) for item in items],
                }
                continue
            value = raw.value
            if vr is None or not isinstance(value, bytes):
                raise _Fallback
            result[key] = _element(vr, value, key, bulk_uri, codec)
        except _Fallback:
            result[key] = _pydicom_element(ds[tag], bulk_uri)
    return result


def _dictionary_vr(tag: int) -> str | None:
    from pydicom.datadict import dictionary_VR

    if tag >> 16 & 1:  # private: the VR is not known
        return None
    try:
        vr = str(dictionary_VR(tag))
    except KeyError:
        return None
    return vr if len(vr) == 2 else None  # "US or SS": ambiguous, pydicom decides


def _element(vr: str, value: bytes, key: str, bulk_uri: BulkUri, codec: str) -> DicomJson:
    if not value:
        return {"vr": vr}
    if vr in _BYTES:
        if len(value) > INLINE_BINARY_LIMIT:
            return {"vr": vr, "BulkDataURI": bulk_uri(key)}
        return {"vr": vr, "InlineBinary": base64.b64encode(value).decode()}
    if vr in _NUMBERS:
        code = _NUMBERS[vr]
        size = struct.calcsize(code)
        if len(value) % size:
            raise _Fallback
        numbers = list(struct.unpack(f"<{len(value) // size}{code}", value))
        if vr in ("FL", "FD") and not all(math.isfinite(n) for n in numbers):
            raise _Fallback
        return {"vr": vr, "Value": numbers}
    if vr == "AT":
        if len(value) % 4:
            raise _Fallback
        halves = struct.unpack(f"<{len(value) // 2}H", value)
        return {
            "vr": vr,
            "Value": [f"{g:04X}{e:04X}" for g, e in zip(halves[::2], halves[1::2], strict=True)],
        }
    values = _strings(vr, value, codec)
    if values is None:
        return {"vr": vr}
    if vr == "PN":
        return {"vr": vr, "Value": [_person_name(v) for v in values]}
    if vr == "DS":
        return {"vr": vr, "Value": [_number(float, v) for v in values]}
    if vr == "IS":
        return {"vr": vr, "Value": [_number(int, v) for v in values]}
    return {"vr": vr, "Value": values}


def _strings(vr: str, value: bytes, codec: str) -> list[str] | None:
    """The decoded values the way pydicom splits and strips them; None when empty."""
    if vr in _SPLIT_RSTRIP or vr in ("DS", "IS", "AE", "UR"):
        text = value.decode("latin_1")
    elif vr in _TEXT or vr in _SINGLE or vr == "PN":
        try:
            text = value.decode(codec)
        except UnicodeDecodeError:
            raise _Fallback from None
    else:
        raise _Fallback  # UN and anything else: pydicom knows best
    if vr in _SPLIT_RSTRIP:
        values = text.rstrip(" \x00").split("\\")
    elif vr in ("DS", "IS"):
        values = text.strip().split("\\")
    elif vr == "AE":
        values = [v.strip() for v in text.split("\\")]
    elif vr == "UR":
        values = [text.rstrip()]
    elif vr == "PN":
        values = text.rstrip("\x00 ").split("\\")
    elif vr in _TEXT:
        values = [v.rstrip("\x00 ") for v in text.split("\\")]
    else:
        values = [text.rstrip("\x00 ")]
    if values == [""]:
        return None
    if len(values) > 1 and "" in values:
        raise _Fallback  # empty values inside a list: pydicom's rules per VR
    return values


def _person_name(value: str) -> dict[str, str]:
    groups = value.split("=")
    while len(groups) > 1 and not groups[-1]:
        groups.pop()  # pydicom leaves out empty trailing component groups
    if len(groups) > 3:
        raise _Fallback
    name = {"Alphabetic": groups[0]}
    if len(groups) > 1:
        name["Ideographic"] = groups[1]
    if len(groups) > 2:
        name["Phonetic"] = groups[2]
    return name


def _number(kind: type[int] | type[float], text: str) -> int | float:
    try:
        number = kind(text.strip())
    except ValueError:
        raise _Fallback from None
    if isinstance(number, float) and not math.isfinite(number):
        raise _Fallback
    return number


def _pydicom(ds: Dataset, bulk_uri: BulkUri) -> DicomJson:
    def handler(element: DataElement) -> str:
        return bulk_uri(f"{element.tag:08X}")

    return ds.to_json_dict(bulk_data_threshold=1024, bulk_data_element_handler=handler)


def _pydicom_element(element: DataElement, bulk_uri: BulkUri) -> DicomJson:
    def handler(item: DataElement) -> str:
        return bulk_uri(f"{item.tag:08X}")

    return element.to_json_dict(bulk_data_element_handler=handler, bulk_data_threshold=1024)
