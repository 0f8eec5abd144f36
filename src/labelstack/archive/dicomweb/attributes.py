"""DICOM JSON attributes (PS3.18 §F.2) built from index rows, and attribute names in query strings."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from pydicom.datadict import dictionary_VR, keyword_for_tag, tag_for_keyword

from labelstack.services.errors import DomainError

DicomJson = dict[str, Any]


class InvalidQuery(DomainError):
    """A QIDO/WADO query the standard calls malformed: 400 Bad Request (PS3.18 §8.3.4)."""

    status_code = 400


def tag_hex(name: str) -> str:
    """``'PatientName'``, ``'00100010'`` or ``'0010,0010'`` -> ``'00100010'``."""
    cleaned = name.strip().replace(",", "").replace("(", "").replace(")", "")
    if len(cleaned) == 8 and all(c in "0123456789abcdefABCDEF" for c in cleaned):
        return cleaned.upper()
    tag = tag_for_keyword(cleaned)
    if tag is None:
        raise InvalidQuery(f"unknown attribute {name!r}")
    return f"{tag:08X}"


def keyword(tag: str) -> str:
    return keyword_for_tag(int(tag, 16)) or tag


@lru_cache(maxsize=4096)
def vr_of(tag: str) -> str:
    try:
        return str(dictionary_VR(int(tag, 16)))
    except KeyError:
        return "UN"


def element(tag: str, value: Any) -> DicomJson:
    """One attribute in DICOM JSON: empty values carry only the VR."""
    vr = vr_of(tag)
    if value is None or value == "" or value == []:
        return {"vr": vr}
    values = value if isinstance(value, list) else [value]
    if vr == "PN":
        return {"vr": vr, "Value": [{"Alphabetic": str(v)} for v in values]}
    if vr == "DA":
        return {"vr": vr, "Value": [v.strftime("%Y%m%d") if isinstance(v, date) else str(v) for v in values]}
    if vr in ("IS", "SL", "SS", "UL", "US"):
        return {"vr": vr, "Value": [int(v) for v in values]}
    if vr in ("DS", "FL", "FD"):
        return {"vr": vr, "Value": [float(v) for v in values]}
    return {"vr": vr, "Value": [str(v) for v in values]}


def multi(value: str) -> list[str]:
    """A backslash-separated multi-value string as a list."""
    return [v for v in value.split("\\") if v] if value else []
