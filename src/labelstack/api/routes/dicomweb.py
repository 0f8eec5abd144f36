"""DICOMweb at ``/dicomweb`` (PS3.18): QIDO-RS, WADO-RS and STOW-RS with the API's login and access rules."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse

from labelstack.api.deps import CurrentCaller, DbSession
from labelstack.archive import render
from labelstack.archive.dicomweb import multipart, negotiation
from labelstack.archive.dicomweb.qido import Level
from labelstack.archive.dicomweb.wado import InstanceRef, WadoReader, parse_frame_list
from labelstack.archive.store import make_store
from labelstack.services import dicomweb
from labelstack.services.errors import InvalidInput, PayloadTooLarge

router = APIRouter(prefix="/dicomweb", tags=["dicomweb"])

STUDY = "/studies/{study_uid}"
SERIES = STUDY + "/series/{series_uid}"
INSTANCE = SERIES + "/instances/{instance_uid}"
IMMUTABLE = "private, max-age=86400"  # an instance's bytes never change under its UID
REVALIDATE = "private, no-cache"
AcceptParam = Annotated[str | None, Query(alias="accept", description="overrides the Accept header")]


def get_reader(request: Request) -> WadoReader:
    """One reader (store and caches) per application, made on first use."""
    state = request.app.state
    reader: WadoReader | None = getattr(state, "dicomweb_reader", None)
    if reader is None:
        settings = state.settings
        reader = WadoReader(make_store(settings), metadata_entries=settings.metadata_cache_entries)
        state.dicomweb_reader = reader
    return reader


Reader = Annotated[WadoReader, Depends(get_reader)]


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/") + router.prefix


def _audit(
    request: Request, caller: CurrentCaller, action: str, refs: list[InstanceRef], **details: object
) -> None:
    dicomweb.record_read(
        request.app.state.write_sessionmaker, actor=caller.actor, action=action, refs=refs, details=details
    )


def _not_modified(request: Request, etag: str, cache_control: str) -> Response | None:
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": cache_control})
    return None


# ------------------------------------------------------------------ QIDO-RS


def _search(
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    level: Level,
    accept: str | None,
    study_uid: str | None = None,
    series_uid: str | None = None,
) -> Response:
    negotiation.negotiate_json(negotiation.parse_accept(request.headers.get("accept"), accept))
    result = dicomweb.search(
        db,
        user=caller.user,
        level=level,
        params=list(request.query_params.multi_items()),
        base_url=base_url(request),
        study_uid=study_uid,
        series_uid=series_uid,
    )
    db.rollback()
    dicomweb.record_read(
        request.app.state.write_sessionmaker,
        actor=caller.actor,
        action="dicomweb.search",
        study_uid=study_uid,
        details={
            "level": level.value,
            "query": str(request.query_params)[:500],
            "results": len(result.items),
        },
    )
    headers = {"Cache-Control": REVALIDATE}
    if result.warnings:
        headers["Warning"] = ", ".join(result.warnings)
    return Response(json.dumps(result.items).encode(), media_type="application/dicom+json", headers=headers)


@router.get("/studies", response_class=Response)
def search_studies(
    request: Request, caller: CurrentCaller, db: DbSession, accept: AcceptParam = None
) -> Response:
    """QIDO-RS: search for studies (PS3.18 §10.6)."""
    return _search(request, caller, db, Level.STUDY, accept)


@router.get("/series", response_class=Response)
def search_series(
    request: Request, caller: CurrentCaller, db: DbSession, accept: AcceptParam = None
) -> Response:
    """QIDO-RS: search for series in all studies."""
    return _search(request, caller, db, Level.SERIES, accept)


@router.get("/instances", response_class=Response)
def search_instances(
    request: Request, caller: CurrentCaller, db: DbSession, accept: AcceptParam = None
) -> Response:
    """QIDO-RS: search for instances in all studies."""
    return _search(request, caller, db, Level.INSTANCE, accept)


@router.get(STUDY + "/series", response_class=Response)
def search_study_series(
    study_uid: str, request: Request, caller: CurrentCaller, db: DbSession, accept: AcceptParam = None
) -> Response:
    """QIDO-RS: search for series of one study."""
    return _search(request, caller, db, Level.SERIES, accept, study_uid=study_uid)


@router.get(STUDY + "/instances", response_class=Response)
def search_study_instances(
    study_uid: str, request: Request, caller: CurrentCaller, db: DbSession, accept: AcceptParam = None
) -> Response:
    """QIDO-RS: search for instances of one study."""
    return _search(request, caller, db, Level.INSTANCE, accept, study_uid=study_uid)


@router.get(SERIES + "/instances", response_class=Response)
def search_series_instances(
    study_uid: str,
    series_uid: str,
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    accept: AcceptParam = None,
) -> Response:
    """QIDO-RS: search for instances of one series."""
    return _search(request, caller, db, Level.INSTANCE, accept, study_uid=study_uid, series_uid=series_uid)


# ------------------------------------------------------------------ WADO-RS: instances


def _retrieve(
    request: Request, caller: CurrentCaller, reader: WadoReader, refs: list[InstanceRef]
) -> Response:
    accept = negotiation.parse_accept(request.headers.get("accept"), request.query_params.get("accept"))
    negotiation.negotiate_dicom(accept, {r.transfer_syntax_uid for r in refs})
    _audit(request, caller, "dicomweb.retrieve", refs)
    boundary = multipart.new_boundary()
    etag = dicomweb.etag_of(refs, "dicom")
    return StreamingResponse(
        multipart.encode(reader.instance_parts(refs, base_url(request)), boundary),
        media_type=multipart.content_type(negotiation.MediaType.DICOM, boundary),
        headers={"ETag": etag, "Cache-Control": REVALIDATE},
    )


@router.get(STUDY, response_class=Response)
def retrieve_study(
    study_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader
) -> Response:
    """WADO-RS: every instance of a study as multipart/related; type="application/dicom"."""
    refs = dicomweb.find_instances(db, user=caller.user, study_uid=study_uid)
    db.rollback()
    return _retrieve(request, caller, reader, refs)


@router.get(SERIES, response_class=Response)
def retrieve_series(
    study_uid: str, series_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader
) -> Response:
    """WADO-RS: every instance of a series."""
    refs = dicomweb.find_instances(db, user=caller.user, study_uid=study_uid, series_uid=series_uid)
    db.rollback()
    return _retrieve(request, caller, reader, refs)


@router.get(INSTANCE, response_class=Response)
def retrieve_instance(
    study_uid: str,
    series_uid: str,
    instance_uid: str,
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    reader: Reader,
) -> Response:
    """WADO-RS: one instance, byte for byte as stored."""
    refs = dicomweb.find_instances(
        db, user=caller.user, study_uid=study_uid, series_uid=series_uid, sop_instance_uid=instance_uid
    )
    db.rollback()
    return _retrieve(request, caller, reader, refs)


# ------------------------------------------------------------------ WADO-RS: metadata


def _metadata(
    request: Request, caller: CurrentCaller, db: DbSession, reader: WadoReader, refs: list[InstanceRef]
) -> Response:
    negotiation.negotiate_json(
        negotiation.parse_accept(request.headers.get("accept"), request.query_params.get("accept"))
    )
    etag = dicomweb.etag_of(refs, "metadata")
    _audit(request, caller, "dicomweb.metadata", refs)
    cached = _not_modified(request, etag, REVALIDATE)
    if cached is not None:
        return cached
    body = reader.metadata(db, refs, base_url(request), etag)
    db.rollback()
    return Response(
        body, media_type="application/dicom+json", headers={"ETag": etag, "Cache-Control": REVALIDATE}
    )


@router.get(STUDY + "/metadata", response_class=Response)
def study_metadata(
    study_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader
) -> Response:
    """WADO-RS: DICOM JSON of every instance of a study, BulkDataURIs pointing here."""
    refs = dicomweb.find_instances(db, user=caller.user, study_uid=study_uid)
    return _metadata(request, caller, db, reader, refs)


@router.get(SERIES + "/metadata", response_class=Response)
def series_metadata(
    study_uid: str, series_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader
) -> Response:
    """WADO-RS: DICOM JSON of every instance of a series."""
    refs = dicomweb.find_instances(db, user=caller.user, study_uid=study_uid, series_uid=series_uid)
    return _metadata(request, caller, db, reader, refs)


@router.get(INSTANCE + "/metadata", response_class=Response)
def instance_metadata(
    study_uid: str,
    series_uid: str,
    instance_uid: str,
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    reader: Reader,
) -> Response:
    """WADO-RS: DICOM JSON of one instance."""
    refs = dicomweb.find_instances(
        db, user=caller.user, study_uid=study_uid, series_uid=series_uid, sop_instance_uid=instance_uid
    )
    return _metadata(request, caller, db, reader, refs)


# ------------------------------------------------------------------ WADO-RS: frames and bulk data


@router.get(INSTANCE + "/frames/{frame_list}", response_class=Response)
def retrieve_frames(
    study_uid: str,
    series_uid: str,
    instance_uid: str,
    frame_list: str,
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    reader: Reader,
) -> Response:
    """WADO-RS: frames in their stored transfer syntax, not decoded (PS3.18 §10.4.1.1.4)."""
    numbers = parse_frame_list(frame_list)
    (ref,) = dicomweb.find_instances(
        db, user=caller.user, study_uid=study_uid, series_uid=series_uid, sop_instance_uid=instance_uid
    )
    db.rollback()
    accept = negotiation.parse_accept(request.headers.get("accept"), request.query_params.get("accept"))
    reply = negotiation.negotiate_frames(accept, ref.transfer_syntax_uid)
    etag = f'"{ref.sha256[:32]}-{frame_list}-{reply.part_type}"'
    _audit(request, caller, "dicomweb.frames", [ref], frames=frame_list[:200])
    cached = _not_modified(request, etag, IMMUTABLE)
    if cached is not None:
        return cached
    _layout, frames = reader.frames(ref, numbers)
    boundary = multipart.new_boundary()
    location = ref.url(base_url(request)) + "/frames/"
    parts = [
        multipart.Part(reply.part_content_type, data, {"Content-Location": f"{location}{n}"})
        for n, data in zip(numbers, frames, strict=True)
    ]
    return Response(
        multipart.encode_bytes(parts, boundary),
        media_type=multipart.content_type(reply.part_type, boundary, reply.transfer_syntax_uid),
        headers={"ETag": etag, "Cache-Control": IMMUTABLE},
    )


@router.get(INSTANCE + "/bulkdata/{tag}", response_class=Response)
def retrieve_bulkdata(
    study_uid: str,
    series_uid: str,
    instance_uid: str,
    tag: str,
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    reader: Reader,
) -> Response:
    """WADO-RS: the value behind a BulkDataURI of the metadata (PS3.18 §10.4.1.1.3)."""
    (ref,) = dicomweb.find_instances(
        db, user=caller.user, study_uid=study_uid, series_uid=series_uid, sop_instance_uid=instance_uid
    )
    db.rollback()
    if len(tag) != 8:
        raise InvalidInput("a bulk data tag is eight hexadecimal digits")
    values = reader.bulkdata(ref, tag)
    _audit(request, caller, "dicomweb.bulkdata", [ref], tag=tag)
    boundary = multipart.new_boundary()
    octet = negotiation.MediaType.OCTET_STREAM
    return Response(
        multipart.encode_bytes([multipart.Part(octet, v) for v in values], boundary),
        media_type=multipart.content_type(octet, boundary),
        headers={"Cache-Control": IMMUTABLE},
    )


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
    key = (ref.storage_key, frame, window, size, fmt, quality)
    etag = f'"{ref.sha256[:32]}-{abs(hash(key[1:])):x}"'
    _audit(request, caller, action, [ref], frame=frame)
    cached = _not_modified(request, etag, IMMUTABLE)
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


def _one(
    db: DbSession, caller: CurrentCaller, study_uid: str, series_uid: str, instance_uid: str
) -> InstanceRef:
    (ref,) = dicomweb.find_instances(
        db, user=caller.user, study_uid=study_uid, series_uid=series_uid, sop_instance_uid=instance_uid
    )
    db.rollback()
    return ref


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
    ref = _one(db, caller, study_uid, series_uid, instance_uid)
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
    ref = _one(db, caller, study_uid, series_uid, instance_uid)
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
    ref = _one(db, caller, study_uid, series_uid, instance_uid)
    return _rendered(
        request, caller, reader, ref, 1, action="dicomweb.thumbnail", default_size=THUMBNAIL_SIZE
    )


@router.get(SERIES + "/thumbnail", response_class=Response)
def series_thumbnail(
    study_uid: str, series_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader
) -> Response:
    """WADO-RS: a small picture of the middle instance of a series."""
    refs = dicomweb.find_instances(db, user=caller.user, study_uid=study_uid, series_uid=series_uid)
    db.rollback()
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
    db.rollback()
    first = [r for r in refs if r.series_instance_uid == refs[0].series_instance_uid]
    ref = first[len(first) // 2]
    return _rendered(
        request, caller, reader, ref, 1, action="dicomweb.thumbnail", default_size=THUMBNAIL_SIZE
    )


# ------------------------------------------------------------------ STOW-RS


def _store(
    request: Request,
    caller: CurrentCaller,
    db: DbSession,
    reader: WadoReader,
    body: bytes,
    study_uid: str | None,
) -> Response:
    parts = multipart.decode(body, request.headers.get("content-type"))
    reply = dicomweb.store_instances(
        db,
        store=reader.store,
        parts=parts,
        study_uid=study_uid,
        base_url=base_url(request),
        actor=caller.actor,
    )
    reader.metadata_cache.clear()
    return Response(
        json.dumps(reply.body).encode(), status_code=reply.status, media_type="application/dicom+json"
    )


async def _body(request: Request) -> bytes:
    """The request body, refused beyond the configured upload limit (413) before it is all read."""
    limit = request.app.state.settings.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"the request is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the request is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


StowBody = Annotated[bytes, Depends(_body)]


@router.post("/studies", response_class=Response, status_code=200)
def store_instances(
    request: Request, caller: CurrentCaller, db: DbSession, reader: Reader, body: StowBody
) -> Response:
    """STOW-RS: store instances (multipart/related; type="application/dicom")."""
    return _store(request, caller, db, reader, body, None)


@router.post(STUDY, response_class=Response, status_code=200)
def store_study_instances(
    study_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader, body: StowBody
) -> Response:
    """STOW-RS: store instances of one study; others are refused in FailedSOPSequence."""
    return _store(request, caller, db, reader, body, study_uid)
