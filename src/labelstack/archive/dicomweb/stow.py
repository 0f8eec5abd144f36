"""STOW-RS (PS3.18 §10.5): the parts of a store request and the Store Instances Response.

The response dataset (PS3.18 §10.5.3, Table 10.5.3-3) lists every stored
instance in ReferencedSOPSequence and every refused one in FailedSOPSequence
with a FailureReason; the HTTP status is 200 when all were stored, 202 when
some failed and 409 when none was stored.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import pydicom
from pydicom.errors import InvalidDicomError

from labelstack.archive.dicomweb import multipart
from labelstack.archive.dicomweb.attributes import DicomJson, element
from labelstack.archive.dicomweb.negotiation import MediaType, parse_media_type


class FailureReason(IntEnum):
    """FailureReason (0008,1197) values used by STOW-RS (PS3.18 Table 10.5.3-4, PS3.4 Annex GG)."""

    PROCESSING_FAILURE = 0x0110
    #: the instance is not of the study the request URL names
    STUDY_MISMATCH = 0xA900
    CANNOT_UNDERSTAND = 0xC000
    OUT_OF_RESOURCES = 0xA700


@dataclass
class StowItem:
    """One received part: its bytes and the UIDs read from its header (when readable)."""

    name: str
    data: bytes | memoryview
    sop_instance_uid: str = ""
    sop_class_uid: str = ""
    study_instance_uid: str = ""
    series_instance_uid: str = ""
    failure: FailureReason | None = None
    reason: str = ""


@dataclass
class StowResult:
    """What happened to one item."""

    item: StowItem
    stored: bool
    reason: str = ""
    failure: FailureReason | None = None
    duplicate: bool = False


_HEADER_TAGS = ["SOPInstanceUID", "SOPClassUID", "StudyInstanceUID", "SeriesInstanceUID"]


def read_items(
    parts: list[multipart.Part], *, study_uid: str | None, read_headers: bool = True
) -> list[StowItem]:
    """Check each part's media type, and (``read_headers``) its UIDs, before anything is stored.

    The header is needed up front only to refuse instances of another study
    (``/studies/{study}``) or to address them in a PACS; otherwise ingest
    reads it anyway and its outcome supplies the UIDs.
    """
    items = []
    for number, part in enumerate(parts, start=1):
        item = StowItem(name=f"part {number}", data=part.data)
        media, _ = parse_media_type(part.content_type)
        if media != MediaType.DICOM:
            item.failure = FailureReason.CANNOT_UNDERSTAND
            item.reason = f"part is {media}, not application/dicom"
            items.append(item)
            continue
        if not read_headers:
            items.append(item)
            continue
        try:
            ds = pydicom.dcmread(io.BytesIO(part.data), stop_before_pixels=True, specific_tags=_HEADER_TAGS)
            item.sop_instance_uid = str(ds.get("SOPInstanceUID", "") or "")
            item.sop_class_uid = str(ds.get("SOPClassUID", "") or "")
            item.study_instance_uid = str(ds.get("StudyInstanceUID", "") or "")
            item.series_instance_uid = str(ds.get("SeriesInstanceUID", "") or "")
        except (InvalidDicomError, EOFError, ValueError, TypeError, OSError, KeyError) as exc:
            item.failure, item.reason = FailureReason.CANNOT_UNDERSTAND, f"not a DICOM file: {exc}"
        if item.failure is None and study_uid and item.study_instance_uid != study_uid:
            item.failure = FailureReason.STUDY_MISMATCH
            item.reason = f"StudyInstanceUID {item.study_instance_uid} is not {study_uid}"
        items.append(item)
    return items


def take_uids(
    item: StowItem, *, sop: str | None, sop_class: str | None, series: str | None, study: str | None
) -> None:
    """Fill in UIDs that were not read up front."""
    item.sop_instance_uid = item.sop_instance_uid or sop or ""
    item.sop_class_uid = item.sop_class_uid or sop_class or ""
    item.series_instance_uid = item.series_instance_uid or series or ""
    item.study_instance_uid = item.study_instance_uid or study or ""


def response(results: list[StowResult], base_url: str, study_uid: str | None) -> tuple[int, DicomJson]:
    """The Store Instances Response Module as DICOM JSON, and the HTTP status."""
    referenced: list[DicomJson] = []
    failed: list[DicomJson] = []
    for result in results:
        item = result.item
        entry: dict[str, Any] = {
            "00081150": element("00081150", item.sop_class_uid),
            "00081155": element("00081155", item.sop_instance_uid),
        }
        if result.stored:
            entry["00081190"] = element(
                "00081190",
                f"{base_url}/studies/{item.study_instance_uid}/series/{item.series_instance_uid}"
                f"/instances/{item.sop_instance_uid}",
            )
            referenced.append(entry)
        else:
            reason = result.failure or FailureReason.CANNOT_UNDERSTAND
            entry["00081197"] = {"vr": "US", "Value": [int(reason)]}
            failed.append(entry)
    body: DicomJson = {}
    studies = {r.item.study_instance_uid for r in results if r.stored}
    retrieve_study = study_uid or (studies.pop() if len(studies) == 1 else None)
    if retrieve_study:
        body["00081190"] = element("00081190", f"{base_url}/studies/{retrieve_study}")
    if failed:
        body["00081198"] = {"vr": "SQ", "Value": failed}
    if referenced:
        body["00081199"] = {"vr": "SQ", "Value": referenced}
    status = 200 if not failed else (202 if referenced else 409)
    return status, body
