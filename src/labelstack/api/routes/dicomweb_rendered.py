"""WADO-RS rendered resources and thumbnails (PS3.18 §10.4.1.1.5-6): JPEG or PNG."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Request
from fastapi.responses import Response

from labelstack.api.deps import CurrentCaller, DbSession
from labelstack.api.routes.dicomweb_common import (
    IMMUTABLE,
    INSTANCE,
    SERIES,
    STUDY,
    Reader,
    audit_frame_read,
    end_read,
    not_modified,
    one_instance,
)
from labelstack.archive import render
from labelstack.archive.dicomweb import negotiation
from labelstack.archive.dicomweb.wado import InstanceRef, WadoReader, parse_frame_list
from labelstack.services import dicomweb
from labelstack.services.errors import InvalidInput

router = APIRouter(tags=["dicomweb"])

# ------------------------------------------------------------------ WADO-RS: rendered and thumbnails


def _window(text: str | None) -> render.Window | None:
    """``window=center,width[,function]`` (PS3.18 §8.3.5.1.3)."""
    if not text:
        return None
    try:
        center, width = (float(v) for v in text.split(",")[:2])
    except ValueError:
        raise InvalidInput("window must be center,width[,function]") from None
    if width <= 0:
        raise InvalidInput("window width must be positive")
    return render.Window(center=center, width=width)


def _viewport(text: str | None, default: int | None) -> int | None:
    if not text:
        return default
    try:
        sizes = [int(v) for v in text.split(",")[:2] if v.strip()]
    except ValueError:
        raise InvalidInput("viewport must be width,height in pixels") from None
    if not sizes or min(sizes) < 1 or max(sizes) > 4096:
        raise InvalidInput("viewport must be between 1 and 4096 pixels")
    return max(sizes)


def _rendered(
    request: Request,
    caller: CurrentCaller,
    reader: WadoReader,
    ref: InstanceRef,
    frame: int,
    *,
    action: str,
    default_size: int | None,
) -> Response:
    accept = negotiation.parse_accept(request.headers.get("accept"), request.query_params.get("accept"))
    media = negotiation.negotiate_rendered(accept)
    params = request.query_params
    window = _window(params.get("window"))
    size = _viewport(params.get("viewport"), default_size)
    try:
        quality = int(params.get("quality", "90"))
    except ValueError:
        raise InvalidInput("quality must be a number from 1 to 100") from None
    if not 1 <= quality <= 100:
        raise InvalidInput("quality must be a number from 1 to 100")
    fmt: render.ImageFormat = "png" if media == negotiation.MediaType.PNG else "jpeg"
    key = (ref.storage_key, ref.sha256, frame, window, size, fmt, quality)
    variant = hashlib.blake2b(repr(key[2:]).encode(), digest_size=8).hexdigest()  # stable across workers
    etag = f'"{ref.sha256[:32]}-{variant}"'
    audit_frame_read(request, caller, action, ref, frames=1)
    cached = not_modified(request, etag, IMMUTABLE)
    if cached is not None:
        return cached
    image = reader.rendered_cache.get_or_make(
        key,
        lambda: render.render(
            reader.instance_bytes(ref),
            frame=frame - 1,
            window=window,
            fmt=fmt,
            max_size=size,
            quality=quality,
        ),
    )
    return Response(image, media_type=str(media), headers={"ETag": etag, "Cache-Control": IMMUTABLE})


@router.get(INSTANCE + "/rendered", response_class=Response)
def rendered_instance(
    study_uid: str,
    series_uid: str,
    instance_uid: str,
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    reader: Reader,
) -> Response:
    """WADO-RS: the first frame rendered as JPEG or PNG, with optional window and viewport."""
    ref = one_instance(db, caller, study_uid, series_uid, instance_uid)
    return _rendered(request, caller, reader, ref, 1, action="dicomweb.rendered", default_size=None)


@router.get(INSTANCE + "/frames/{frame_list}/rendered", response_class=Response)
def rendered_frame(
    study_uid: str,
    series_uid: str,
    instance_uid: str,
    frame_list: str,
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    reader: Reader,
) -> Response:
    """WADO-RS: one frame rendered as JPEG or PNG."""
    numbers = parse_frame_list(frame_list)
    if len(numbers) != 1:
        raise InvalidInput("rendered frames are served one at a time")
    ref = one_instance(db, caller, study_uid, series_uid, instance_uid)
    return _rendered(request, caller, reader, ref, numbers[0], action="dicomweb.rendered", default_size=None)


THUMBNAIL_SIZE = 128
THUMB = "dicomweb.thumbnail"


@router.get(INSTANCE + "/thumbnail", response_class=Response)
def instance_thumbnail(
    study_uid: str,
    series_uid: str,
    instance_uid: str,
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    reader: Reader,
) -> Response:
    """WADO-RS: a small picture of an instance (PS3.18 §10.4.1.1.6)."""
    ref = one_instance(db, caller, study_uid, series_uid, instance_uid)
    return _rendered(
        request, caller, reader, ref, 1, action="dicomweb.thumbnail", default_size=THUMBNAIL_SIZE
    )


@router.get(SERIES + "/thumbnail", response_class=Response)
def series_thumbnail(
    study_uid: str, series_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader
) -> Response:
    """WADO-RS: a small picture of the middle instance of a series."""
    refs = dicomweb.find_instances(db, user=caller.user, study_uid=study_uid, series_uid=series_uid)
    end_read(db)
    ref = refs[len(refs) // 2]
    frame = (ref.number_of_frames + 1) // 2
    return _rendered(
        request, caller, reader, ref, frame, action="dicomweb.thumbnail", default_size=THUMBNAIL_SIZE
    )


@router.get(STUDY + "/thumbnail", response_class=Response)
def study_thumbnail(
    study_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader
) -> Response:
    """WADO-RS: a small picture of a study (the middle instance of its first series)."""
    refs = dicomweb.find_instances(db, user=caller.user, study_uid=study_uid)
    end_read(db)
    first = [r for r in refs if r.series_instance_uid == refs[0].series_instance_uid]
    ref = first[len(first) // 2]
    return _rendered(
        request, caller, reader, ref, 1, action="dicomweb.thumbnail", default_size=THUMBNAIL_SIZE
    )
