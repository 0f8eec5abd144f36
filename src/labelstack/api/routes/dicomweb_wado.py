"""WADO-RS (PS3.18 §10.4): instances, metadata, frames and bulk data."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from labelstack.api.deps import CurrentCaller, DbSession, RecentCallerDep
from labelstack.api.routes.dicomweb_common import (
    IMMUTABLE,
    INSTANCE,
    REVALIDATE,
    SERIES,
    STUDY,
    Reader,
    audit_frame_read,
    audit_read,
    base_url,
    end_read,
    not_modified,
    one_instance,
    visible_instance,
)
from labelstack.archive.dicomweb import multipart, negotiation
from labelstack.archive.dicomweb.wado import InstanceRef, WadoReader, parse_frame_list
from labelstack.services import dicomweb
from labelstack.services.errors import InvalidInput

router = APIRouter(tags=["dicomweb"])

# ------------------------------------------------------------ WADO-RS: frames (first: the most frequent)


@router.get(INSTANCE + "/frames/{frame_list}", response_class=Response)
async def retrieve_frames(
    study_uid: str,
    series_uid: str,
    instance_uid: str,
    frame_list: str,
    request: Request,
    caller: RecentCallerDep,
    reader: Reader,
) -> Response:
    """WADO-RS: frames in their stored transfer syntax, not decoded (PS3.18 §10.4.1.1.4)."""
    # The viewer's hottest route: it runs on the event loop, with the login, the access decision
    # and the instance's location usually already known (dicomweb.FrameLookups) and the frame's
    # byte range too (located ahead by WadoReader.warm_layouts); a miss goes to the thread pool.
    numbers = parse_frame_list(frame_list)
    ref = await visible_instance(request, caller, reader, study_uid, series_uid, instance_uid)
    accept = negotiation.parse_accept(request.headers.get("accept"), request.query_params.get("accept"))
    reply = negotiation.negotiate_frames(accept, ref.transfer_syntax_uid)
    etag = f'"{ref.sha256[:32]}-{frame_list}-{reply.part_type}"'
    audit_frame_read(request, caller, "dicomweb.frames", ref, frames=len(numbers))
    cached = not_modified(request, etag, IMMUTABLE)
    if cached is not None:
        return cached
    boundary = multipart.new_boundary()
    location = ref.url(base_url(request)) + "/frames/"
    heads = [(reply.part_content_type, {"Content-Location": f"{location}{n}"}) for n in numbers]
    media_type = multipart.content_type(reply.part_type, boundary, reply.transfer_syntax_uid)
    headers = {"ETag": etag, "Cache-Control": IMMUTABLE}
    known = reader.known_frames_body(ref, numbers, heads, boundary)
    if known is not None:
        return Response(known.data, media_type=media_type, headers=headers)
    frames = await run_in_threadpool(reader.frames, ref, numbers)
    parts = [multipart.Part(kind, data, extra) for (kind, extra), data in zip(heads, frames, strict=True)]
    return Response(multipart.encode_bytes(parts, boundary), media_type=media_type, headers=headers)


@router.get(SERIES + "/pixeldata", response_class=Response)
def retrieve_series_pixel_data(
    study_uid: str, series_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader
) -> Response:
    """WADO-RS: every frame of a series, not decoded, instance by instance (PS3.18 §10.4.1.1.4).

    One request instead of one per frame: a viewer building a volume takes
    hundreds of frames at once, and each separate request costs the browser
    and the server more than the bytes it carries.
    """
    refs = dicomweb.find_instances(db, user=caller.user, study_uid=study_uid, series_uid=series_uid)
    end_read(db)
    accept = negotiation.parse_accept(request.headers.get("accept"), request.query_params.get("accept"))
    replies = {
        syntax: negotiation.negotiate_frames(accept, syntax)
        for syntax in {r.transfer_syntax_uid for r in refs}
    }
    audit_read(request, caller, "dicomweb.pixeldata", refs)
    boundary = multipart.new_boundary()
    etag = dicomweb.etag_of(refs, "pixeldata", sorted(reply.part_type for reply in replies.values()))
    cached = not_modified(request, etag, REVALIDATE)
    if cached is not None:
        return cached
    # the multipart "type" is the first (root) part's (RFC 2387); every part also carries its own
    media_type = multipart.content_type(replies[refs[0].transfer_syntax_uid].part_type, boundary)
    return StreamingResponse(
        reader.pixel_data_parts(refs, base_url(request), replies, boundary),
        media_type=media_type,
        headers={"ETag": etag, "Cache-Control": REVALIDATE},
    )


# ------------------------------------------------------------------ WADO-RS: instances


def _retrieve(
    request: Request, caller: CurrentCaller, reader: WadoReader, refs: list[InstanceRef]
) -> Response:
    accept = negotiation.parse_accept(request.headers.get("accept"), request.query_params.get("accept"))
    negotiation.negotiate_dicom(accept, {r.transfer_syntax_uid for r in refs})
    audit_read(request, caller, "dicomweb.retrieve", refs)
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
    end_read(db)
    return _retrieve(request, caller, reader, refs)


@router.get(SERIES, response_class=Response)
def retrieve_series(
    study_uid: str, series_uid: str, request: Request, caller: CurrentCaller, db: DbSession, reader: Reader
) -> Response:
    """WADO-RS: every instance of a series."""
    refs = dicomweb.find_instances(db, user=caller.user, study_uid=study_uid, series_uid=series_uid)
    end_read(db)
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
    ref = one_instance(db, caller, study_uid, series_uid, instance_uid)
    return _retrieve(request, caller, reader, [ref])


# ------------------------------------------------------------------ WADO-RS: metadata


def _metadata(
    request: Request, caller: CurrentCaller, db: DbSession, reader: WadoReader, refs: list[InstanceRef]
) -> Response:
    negotiation.negotiate_json(
        negotiation.parse_accept(request.headers.get("accept"), request.query_params.get("accept"))
    )
    etag = dicomweb.etag_of(refs, "metadata", "available-transfer-syntax")
    audit_read(request, caller, "dicomweb.metadata", refs)
    cached = not_modified(request, etag, REVALIDATE)
    if cached is not None:
        return cached
    body = reader.metadata(db, refs, base_url(request), etag)
    end_read(db)
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
    ref = dicomweb.find_instance(
        db, user=caller.user, study_uid=study_uid, series_uid=series_uid, sop_instance_uid=instance_uid
    )
    return _metadata(request, caller, db, reader, [ref])


# ------------------------------------------------------------------ WADO-RS: bulk data


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
    ref = one_instance(db, caller, study_uid, series_uid, instance_uid)
    if len(tag) != 8:
        raise InvalidInput("a bulk data tag is eight hexadecimal digits")
    values = reader.bulkdata(ref, tag)
    audit_frame_read(request, caller, "dicomweb.bulkdata", ref, frames=0)
    boundary = multipart.new_boundary()
    octet = negotiation.MediaType.OCTET_STREAM
    return Response(
        multipart.encode_bytes([multipart.Part(octet, v) for v in values], boundary),
        media_type=multipart.content_type(octet, boundary),
        headers={"Cache-Control": IMMUTABLE},
    )
