"""DICOMweb at ``/dicomweb`` (PS3.18): QIDO-RS, WADO-RS and STOW-RS with the API's login and access rules."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from labelstack.api.deps import CurrentCaller, DbSession
from labelstack.api.routes import dicomweb_rendered, dicomweb_wado
from labelstack.api.routes.dicomweb_common import (
    PREFIX,
    REVALIDATE,
    SERIES,
    STUDY,
    AcceptParam,
    Reader,
    base_url,
    end_read,
)
from labelstack.archive.dicomweb import multipart, negotiation
from labelstack.archive.dicomweb.qido import Level
from labelstack.archive.dicomweb.wado import WadoReader
from labelstack.services import dicomweb
from labelstack.services.errors import PayloadTooLarge

router = APIRouter(prefix=PREFIX, tags=["dicomweb"])
# WADO-RS first: routes are matched in order, and a viewer's frame requests outnumber all others
router.include_router(dicomweb_wado.router)

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
    end_read(db)
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


router.include_router(dicomweb_rendered.router)
