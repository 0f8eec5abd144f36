"""Pictures and attribute lists of archived images: series thumbnails and the metadata panel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydicom.datadict import dictionary_description, keyword_for_tag
from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.archive import render
from labelstack.archive.render import ImageFormat
from labelstack.archive.store import ImageStore
from labelstack.archive.thumbnails import ThumbnailCache
from labelstack.models import Instance, User
from labelstack.services.archive import audit_read, get_series, slice_order
from labelstack.services.audit import Actor
from labelstack.services.errors import NotFound

MAX_VALUE_CHARS = 1024


@dataclass(frozen=True)
class Picture:
    content: bytes
    media_type: str
    etag: str


def series_thumbnail(
    db: Session,
    *,
    user: User,
    actor: Actor,
    store: ImageStore,
    cache: ThumbnailCache,
    series_id: int,
    size: int = 128,
    fmt: ImageFormat = "png",
) -> Picture:
    """The middle slice (or middle frame of a cine) of a series, scaled to ``size`` pixels."""
    series = get_series(db, user=user, series_id=series_id)
    instances = slice_order(db.scalars(select(Instance).where(Instance.series_fk == series.id)).all())
    images = [i for i in instances if i.rows and i.columns and i.number_of_frames > 0]
    if not images:
        raise NotFound("this series has no images to show")
    chosen = images[len(images) // 2]
    frame = chosen.number_of_frames // 2
    key = f"{series.series_instance_uid}/{chosen.sop_instance_uid}/{frame}/{size}.{fmt}"
    content = cache.get(
        key, lambda: render.render(store.get(chosen.storage_key), frame=frame, fmt=fmt, max_size=size)
    )
    audit_read(
        db,
        actor=actor,
        action="series.thumbnail",
        object_type="series",
        object_id=series.id,
        details={"sop_instance_uid": chosen.sop_instance_uid},
    )
    return Picture(content, render.MEDIA_TYPES[fmt], cache.etag(key))


def attribute_rows(dicom_json: dict[str, Any], depth: int = 0) -> list[dict[str, Any]]:
    """The DICOM JSON as rows for a metadata panel, sequences flattened with their depth."""
    rows: list[dict[str, Any]] = []
    for tag in sorted(dicom_json):
        element = dicom_json[tag]
        number = int(tag, 16)
        vr = element.get("vr", "")
        try:
            keyword, name = keyword_for_tag(number), dictionary_description(number)
        except KeyError:
            keyword, name = "", "Private tag" if (number >> 16) % 2 else "Unknown tag"
        row = {"tag": f"({tag[:4]},{tag[4:]})", "keyword": keyword, "name": name, "vr": vr, "depth": depth}
        if vr == "SQ":
            items = element.get("Value", [])
            rows.append({**row, "value": f"{len(items)} item(s)"})
            for item in items:
                rows.extend(attribute_rows(item or {}, depth + 1))
            continue
        rows.append({**row, "value": _value_text(element)})
    return rows


def _value_text(element: dict[str, Any]) -> str:
    if "BulkDataURI" in element:
        return "(bulk data)"
    if "InlineBinary" in element:
        return f"(binary, {len(element['InlineBinary']) * 3 // 4} bytes)"
    values = element.get("Value", [])
    parts = []
    for value in values:
        if isinstance(value, dict):  # person name
            parts.append(str(value.get("Alphabetic", "")))
        else:
            parts.append("" if value is None else str(value))
    text = "\\".join(parts)
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS] + "…"
