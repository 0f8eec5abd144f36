"""What the DICOMweb routes share: URL templates, the reader (store and caches), audit, ETags."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from labelstack.api.deps import Caller, CurrentCaller, DbSession, RecentCaller, frame_lookups
from labelstack.archive.dicomweb.wado import InstanceRef, WadoReader
from labelstack.archive.store import make_store
from labelstack.services import dicomweb

PREFIX = "/dicomweb"
STUDY = "/studies/{study_uid}"
SERIES = STUDY + "/series/{series_uid}"
INSTANCE = SERIES + "/instances/{instance_uid}"
IMMUTABLE = "private, max-age=86400"  # an instance's bytes never change under its UID
REVALIDATE = "private, no-cache"
AcceptParam = Annotated[str | None, Query(alias="accept", description="overrides the Accept header")]


async def get_reader(request: Request) -> WadoReader:
    """One reader (store and caches) per application, made on first use (no I/O: on the event loop)."""
    state = request.app.state
    reader: WadoReader | None = getattr(state, "dicomweb_reader", None)
    if reader is None:
        settings = state.settings
        reader = WadoReader(
            make_store(settings),
            metadata_entries=settings.metadata_cache_entries,
            rendered_entries=settings.thumbnail_cache_entries,
        )
        state.dicomweb_reader = reader
    return reader


Reader = Annotated[WadoReader, Depends(get_reader)]


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/") + PREFIX


def audit_read(
    request: Request, caller: CurrentCaller, action: str, refs: list[InstanceRef], **details: object
) -> None:
    dicomweb.record_read(
        request.app.state.write_sessionmaker, actor=caller.actor, action=action, refs=refs, details=details
    )


def audit_frame_read(
    request: Request, caller: Caller | RecentCaller, action: str, ref: InstanceRef, frames: int
) -> None:
    """Per-frame reads (frames, rendered, thumbnails, bulk data) go to the aggregated read log."""
    dicomweb.record_frame_read(
        request.app.state.write_sessionmaker, actor=caller.actor, action=action, ref=ref, frames=frames
    )


def end_read(db: DbSession) -> None:
    """End the request's read transaction before the slow part (file reads, response building).

    A commit, not a rollback: a rollback expires every loaded object, and the
    next use of the caller's user (the audit actor) would load it again with
    its roles -- two more queries on the hottest path of the viewer.
    """
    db.commit()


def one_instance(
    db: DbSession, caller: CurrentCaller, study_uid: str, series_uid: str, instance_uid: str
) -> InstanceRef:
    """The instance an instance URL names, if the caller may see it; ends the read transaction."""
    ref = dicomweb.find_instance(
        db, user=caller.user, study_uid=study_uid, series_uid=series_uid, sop_instance_uid=instance_uid
    )
    end_read(db)
    return ref


def not_modified(request: Request, etag: str, cache_control: str) -> Response | None:
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": cache_control})
    return None


async def visible_instance(
    request: Request,
    caller: RecentCaller,
    reader: WadoReader,
    study_uid: str,
    series_uid: str,
    instance_uid: str,
) -> InstanceRef:
    """:func:`one_instance` for the per-frame routes: answered from ``FrameLookups`` when it can be.

    When a series is looked up, the reader starts locating its frames ahead of the requests.
    """
    lookups = frame_lookups(request)
    uids = {"study_uid": study_uid, "series_uid": series_uid, "sop_instance_uid": instance_uid}
    ref = dicomweb.recent_instance(lookups, user=caller.user, **uids)
    if ref is None:
        factory = request.app.state.sessionmaker
        ref = await run_in_threadpool(_locate, factory, lookups, caller, reader, uids)
    return ref


def _locate(
    factory: sessionmaker[Session],
    lookups: dicomweb.FrameLookups,
    caller: RecentCaller,
    reader: WadoReader,
    uids: dict[str, str],
) -> InstanceRef:
    with factory() as db:
        return dicomweb.locate_instance(
            db, lookups, user=caller.user, series_loaded=reader.warm_layouts, **uids
        )
