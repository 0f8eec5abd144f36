"""Annotations: create, read, save versions, autosave drafts, restore, withdraw, submit for review."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status

from labelstack.api.deps import (
    Caller,
    CurrentCaller,
    CurrentUser,
    DbSession,
    ReadDbSession,
    SettingsDep,
)
from labelstack.config import Settings
from labelstack.models import AnnotationStatus
from labelstack.schemas.annotations import (
    AnnotationCreate,
    AnnotationRead,
    BaseVersion,
    DraftRead,
    DraftSave,
    VersionRead,
    VersionSave,
    VersionSummary,
    Withdrawal,
)
from labelstack.schemas.common import Page
from labelstack.schemas.reviews import PinnedCommentRead, ReviewRead
from labelstack.services import (
    annotation_creates,
    annotation_drafts,
    annotation_labelmaps,
    annotation_versions,
    annotation_withdrawal,
    reviews,
)
from labelstack.services.annotation_labelmaps import PatchSave
from labelstack.services.annotation_storage import labelmap_store

router = APIRouter(prefix="/annotations", tags=["annotations"])

PATCH_MEDIA_TYPE = "application/vnd.labelstack.labelmap-patch"
PATCH_BODY = {
    "requestBody": {"content": {PATCH_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}}}
}


def _writer(caller: Caller, settings: Settings) -> dict[str, Any]:
    """Who saves and where labelmap slices go: the arguments every saving service takes."""
    return {"user": caller.user, "actor": caller.actor, "store": labelmap_store(settings)}


@router.post("", response_model=AnnotationRead, status_code=status.HTTP_201_CREATED)
def create_annotation(
    body: AnnotationCreate,
    response: Response,
    caller: CurrentCaller,
    db: DbSession,
    read_db: ReadDbSession,
    settings: SettingsDep,
) -> AnnotationRead:
    """Create an annotation with its first version; 200 with the annotation its ``client_key`` already
    names (a create sent again), taking its body in as a version if newer (``client_sequence``)."""
    annotation, created = annotation_creates.create_once(
        db, read_db=read_db, annotation_in=body, **_writer(caller, settings)
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return AnnotationRead.model_validate(annotation)


@router.get("", response_model=Page[AnnotationRead])
def list_annotations(
    user: CurrentUser,
    db: DbSession,
    project_id: int | None = None,
    series_id: int | None = None,
    task_id: int | None = None,
    label_id: int | None = None,
    status: AnnotationStatus | None = None,
    include_withdrawn: bool = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[AnnotationRead]:
    """Annotations on images the caller may see, filtered (withdrawn ones only when asked for)."""
    rows, total = annotation_versions.list_annotations(
        db,
        user=user,
        project_id=project_id,
        series_id=series_id,
        task_id=task_id,
        label_id=label_id,
        status=status,
        include_withdrawn=include_withdrawn,
        limit=limit,
        offset=offset,
    )
    return Page(
        items=[AnnotationRead.model_validate(a) for a in rows], total=total, limit=limit, offset=offset
    )


@router.get("/{annotation_id}", response_model=AnnotationRead)
def get_annotation(annotation_id: int, user: CurrentUser, db: DbSession) -> AnnotationRead:
    """One annotation with its head and final version ids."""
    return AnnotationRead.model_validate(annotation_versions.get(db, annotation_id, user=user))


@router.get("/{annotation_id}/versions", response_model=list[VersionSummary])
def list_versions(annotation_id: int, user: CurrentUser, db: DbSession) -> list[VersionSummary]:
    """The history: every version, oldest first."""
    annotation = annotation_versions.get(db, annotation_id, user=user)
    return [VersionSummary.model_validate(v) for v in annotation_versions.history(db, annotation=annotation)]


@router.post("/{annotation_id}/versions", response_model=VersionRead, status_code=status.HTTP_201_CREATED)
def save_version(
    annotation_id: int,
    body: VersionSave,
    caller: CurrentCaller,
    db: DbSession,
    read_db: ReadDbSession,
    settings: SettingsDep,
) -> VersionRead:
    """Save a new version on ``base_version``; 409 with the head if someone saved first."""
    saved = annotation_versions.save(
        db, read_db=read_db, annotation_id=annotation_id, save_in=body, **_writer(caller, settings)
    )
    return VersionRead.model_validate(saved)


async def binary_patch(
    request: Request,
    base_version: Annotated[int, Query(ge=0)],
    active_seconds: Annotated[int, Query(ge=0, le=86_400)] = 0,
    tool: Annotated[str, Query(max_length=64)] = "",
) -> PatchSave:
    """The binary patch body and its query parameters, shared by the labelmap save and autosave.

    Only reading the body is asynchronous; the routes themselves are plain
    functions, so their database and file work runs in the thread pool and
    never holds up the event loop.
    """
    return PatchSave(await request.body(), base_version, active_seconds, tool)


BinaryPatch = Annotated[PatchSave, Depends(binary_patch)]


@router.post(
    "/{annotation_id}/labelmap",
    response_model=VersionSummary,
    status_code=status.HTTP_201_CREATED,
    openapi_extra=PATCH_BODY,
)
def save_labelmap_patch(
    annotation_id: int,
    patch: BinaryPatch,
    caller: CurrentCaller,
    db: DbSession,
    read_db: ReadDbSession,
    settings: SettingsDep,
) -> VersionSummary:
    """Save only the changed slices of a labelmap, sent in the compact binary patch form."""
    saved = annotation_labelmaps.save_binary_patch(
        db, read_db=read_db, annotation_id=annotation_id, save=patch, **_writer(caller, settings)
    )
    return VersionSummary.model_validate(saved)


@router.put("/{annotation_id}/draft/labelmap", response_model=DraftRead, openapi_extra=PATCH_BODY)
def put_labelmap_draft(
    annotation_id: int,
    patch: BinaryPatch,
    caller: CurrentCaller,
    db: DbSession,
    read_db: ReadDbSession,
    settings: SettingsDep,
) -> DraftRead:
    """Autosave of a labelmap: the slices changed since the previous draft, in the binary patch form."""
    draft = annotation_labelmaps.save_binary_draft(
        db, read_db=read_db, annotation_id=annotation_id, save=patch, **_writer(caller, settings)
    )
    return DraftRead.model_validate(draft)


@router.get("/{annotation_id}/versions/{number}", response_model=VersionRead)
def get_version(annotation_id: int, number: int, user: CurrentUser, db: DbSession) -> VersionRead:
    """One version with its content."""
    annotation = annotation_versions.get(db, annotation_id, user=user)
    return VersionRead.model_validate(annotation_versions.version(db, annotation, number))


@router.get("/{annotation_id}/versions/{number}/labelmap", response_class=Response)
def get_labelmap(
    annotation_id: int, number: int, user: CurrentUser, db: DbSession, settings: SettingsDep
) -> Response:
    """A labelmap version's non-empty slices in the binary patch form."""
    body = annotation_labelmaps.version_patch(
        db, annotation_id=annotation_id, number=number, user=user, store=labelmap_store(settings)
    )
    return Response(content=body, media_type=PATCH_MEDIA_TYPE)


@router.post("/{annotation_id}/versions/{number}/restore", response_model=VersionRead, status_code=201)
def restore_version(
    annotation_id: int, number: int, body: BaseVersion, caller: CurrentCaller, db: DbSession
) -> VersionRead:
    """Make an old version's content the new head (as a new version)."""
    restored = annotation_versions.restore(
        db,
        annotation_id=annotation_id,
        number=number,
        base_version=body.base_version,
        user=caller.user,
        actor=caller.actor,
    )
    return VersionRead.model_validate(restored)


@router.post("/{annotation_id}/withdraw", response_model=AnnotationRead)
def withdraw_annotation(
    annotation_id: int, body: Withdrawal, caller: CurrentCaller, db: DbSession
) -> AnnotationRead:
    """Remove the annotation from its image, as a new version on ``base_version`` (409 if stale)."""
    annotation = annotation_withdrawal.withdraw(
        db,
        annotation_id=annotation_id,
        base_version=body.base_version,
        active_seconds=body.active_seconds,
        user=caller.user,
        actor=caller.actor,
    )
    return AnnotationRead.model_validate(annotation)


@router.post("/{annotation_id}/reinstate", response_model=AnnotationRead)
def reinstate_annotation(
    annotation_id: int, body: BaseVersion, caller: CurrentCaller, db: DbSession
) -> AnnotationRead:
    """Undo a withdrawal: the annotation is back, as a new version on ``base_version``."""
    annotation = annotation_withdrawal.reinstate(
        db, annotation_id=annotation_id, base_version=body.base_version, user=caller.user, actor=caller.actor
    )
    return AnnotationRead.model_validate(annotation)


@router.put("/{annotation_id}/draft", response_model=DraftRead)
def put_draft(
    annotation_id: int,
    body: DraftSave,
    caller: CurrentCaller,
    db: DbSession,
    read_db: ReadDbSession,
    settings: SettingsDep,
) -> DraftRead:
    """Autosave: replace the caller's draft of this annotation."""
    draft = annotation_drafts.put(
        db, read_db=read_db, annotation_id=annotation_id, draft_in=body, **_writer(caller, settings)
    )
    return DraftRead.model_validate(draft)


@router.get("/{annotation_id}/draft", response_model=DraftRead)
def get_draft(annotation_id: int, user: CurrentUser, db: DbSession) -> DraftRead:
    """The caller's draft, to pick up where a closed tab left off."""
    return DraftRead.model_validate(annotation_drafts.get(db, annotation_id=annotation_id, user=user))


@router.delete("/{annotation_id}/draft", status_code=status.HTTP_204_NO_CONTENT)
def discard_draft(annotation_id: int, caller: CurrentCaller, db: DbSession) -> Response:
    """Throw the caller's draft away."""
    annotation_drafts.discard(db, annotation_id=annotation_id, user=caller.user, actor=caller.actor)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{annotation_id}/draft/promote", response_model=VersionRead, status_code=201)
def promote_draft(annotation_id: int, caller: CurrentCaller, db: DbSession) -> VersionRead:
    """Explicit save: the caller's draft becomes a version."""
    saved = annotation_drafts.promote(db, annotation_id=annotation_id, user=caller.user, actor=caller.actor)
    return VersionRead.model_validate(saved)


@router.post("/{annotation_id}/submit", response_model=AnnotationRead)
def submit_annotation(
    annotation_id: int, body: BaseVersion, caller: CurrentCaller, db: DbSession
) -> AnnotationRead:
    """Hand in the head version for review (a corrected one goes back to its reviewer)."""
    annotation = reviews.submit(
        db, annotation_id=annotation_id, base_version=body.base_version, user=caller.user, actor=caller.actor
    )
    return AnnotationRead.model_validate(annotation)


@router.get("/{annotation_id}/reviews", response_model=list[ReviewRead])
def list_reviews(annotation_id: int, user: CurrentUser, db: DbSession) -> list[ReviewRead]:
    """Every review of the annotation, numbered 1, 2, 3 ..."""
    return [
        ReviewRead.model_validate(review).model_copy(
            update={"comments": [PinnedCommentRead.model_validate(c) for c in comments]}
        )
        for review, comments in reviews.list_reviews(db, annotation_id=annotation_id, user=user)
    ]
