"""The image archive: browse patients, studies, series and instances; thumbnails; delete (admins)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response

from labelstack.api.deps import AdminCaller, CurrentCaller, DbSession, SettingsDep
from labelstack.archive.render import ImageFormat
from labelstack.archive.store import ImageStore, make_store
from labelstack.archive.thumbnails import ThumbnailCache, cache_for
from labelstack.config import Settings
from labelstack.schemas.archive import (
    AttributeRead,
    DeleteResult,
    InstanceAttributes,
    InstanceRead,
    PatientRead,
    SeriesDetail,
    SeriesRead,
    StudyDetail,
    StudyRead,
)
from labelstack.schemas.common import Page
from labelstack.services import archive, archive_delete, archive_images
from labelstack.services.archive import PatientSort, SeriesSort, StudySort

router = APIRouter(tags=["archive"])

Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]
Search = Annotated[str | None, Query(description="text in names, IDs, descriptions, accession numbers")]


def image_store(request: Request, settings: Settings) -> ImageStore:
    """The configured image store, made once per app."""
    store: ImageStore | None = getattr(request.app.state, "image_store", None)
    if store is None:
        store = request.app.state.image_store = make_store(settings)
    return store


def thumbnail_cache(settings: Settings) -> ThumbnailCache:
    return cache_for(settings.data_dir / "cache" / "thumbnails", settings.thumbnail_cache_entries)


@router.get("/patients", response_model=Page[PatientRead])
def list_patients(
    caller: CurrentCaller,
    db: DbSession,
    search: Search = None,
    sex: str | None = None,
    sort: PatientSort = "patient_name",
    descending: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[PatientRead]:
    """Patients with images the caller may see."""
    rows, total = archive.list_patients(
        db, user=caller.user, actor=caller.actor, search=search, sex=sex,
        sort=sort, descending=descending, limit=limit, offset=offset,
    )  # fmt: skip
    items = [PatientRead.model_validate(p).model_copy(update={"number_of_studies": n}) for p, n in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


@router.get("/studies", response_model=Page[StudyRead])
def list_studies(
    caller: CurrentCaller,
    db: DbSession,
    search: Search = None,
    patient: Annotated[int | None, Query(description="patient id (the index's, not PatientID)")] = None,
    modality: str | None = None,
    body_part: str | None = None,
    study_date_from: date | None = None,
    study_date_to: date | None = None,
    sort: StudySort = "study_date",
    descending: bool = True,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[StudyRead]:
    """Search studies by text, modality, body part and study date range."""
    rows, total = archive.list_studies(
        db, user=caller.user, actor=caller.actor, search=search, patient=patient, modality=modality,
        body_part=body_part, study_date_from=study_date_from, study_date_to=study_date_to,
        sort=sort, descending=descending, limit=limit, offset=offset,
    )  # fmt: skip
    return Page(items=[StudyRead.model_validate(s) for s in rows], total=total, limit=limit, offset=offset)


@router.get("/studies/{study_id}", response_model=StudyDetail)
def read_study(study_id: int, caller: CurrentCaller, db: DbSession) -> StudyDetail:
    """One study with the series the caller may see."""
    study, series = archive.get_study(db, user=caller.user, actor=caller.actor, study_id=study_id)
    rows = [SeriesRead.model_validate(r) for r in archive.series_with_context(db, series)]
    return StudyDetail.model_validate({**StudyRead.model_validate(study).model_dump(), "series": rows})


@router.delete("/studies/{study_id}", response_model=DeleteResult)
def delete_study(
    study_id: int, caller: AdminCaller, db: DbSession, settings: SettingsDep, request: Request
) -> DeleteResult:
    """Delete a study: its rows and its files."""
    series, instances = archive_delete.delete_study(
        db, store=image_store(request, settings), originals_dir=settings.data_dir / "originals",
        study_id=study_id, actor=caller.actor,
    )  # fmt: skip
    return DeleteResult(deleted_studies=1, deleted_series=series, deleted_instances=instances)


@router.get("/series", response_model=Page[SeriesRead])
def list_series(
    caller: CurrentCaller,
    db: DbSession,
    search: Search = None,
    study: Annotated[int | None, Query(description="study id")] = None,
    modality: str | None = None,
    body_part: str | None = None,
    source_format: Annotated[str | None, Query(pattern="^(dicom|nifti)$")] = None,
    study_date_from: date | None = None,
    study_date_to: date | None = None,
    sort: SeriesSort = "study_date",
    descending: bool = True,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[SeriesRead]:
    """Search series by text, study, modality, body part, format and study date range."""
    rows, total = archive.list_series(
        db, user=caller.user, actor=caller.actor, search=search, study=study, modality=modality,
        body_part=body_part, source_format=source_format, study_date_from=study_date_from,
        study_date_to=study_date_to, sort=sort, descending=descending, limit=limit, offset=offset,
    )  # fmt: skip
    items = [SeriesRead.model_validate(r) for r in archive.series_with_context(db, rows)]
    return Page(items=items, total=total, limit=limit, offset=offset)


@router.get("/series/{series_id}", response_model=SeriesDetail)
def read_series(series_id: int, caller: CurrentCaller, db: DbSession) -> SeriesDetail:
    """One series with its instances in slice order."""
    series, instances = archive.series_detail(db, user=caller.user, actor=caller.actor, series_id=series_id)
    context = archive.series_with_context(db, [series])[0]
    return SeriesDetail.model_validate(
        {**context, "instances": [InstanceRead.model_validate(i) for i in instances]}
    )


@router.get(
    "/series/{series_id}/thumbnail",
    response_class=Response,
    responses={200: {"content": {"image/png": {}, "image/jpeg": {}}}, 304: {"description": "not modified"}},
)
def series_thumbnail(
    series_id: int,
    caller: CurrentCaller,
    db: DbSession,
    settings: SettingsDep,
    request: Request,
    size: Annotated[int, Query(ge=16, le=512)] = 128,
    format: ImageFormat = "png",
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    """The middle slice of the series as a small picture (cached; ETag)."""
    picture = archive_images.series_thumbnail(
        db, user=caller.user, actor=caller.actor, store=image_store(request, settings),
        cache=thumbnail_cache(settings), series_id=series_id, size=size, fmt=format,
    )  # fmt: skip
    headers = {"ETag": picture.etag, "Cache-Control": "private, max-age=3600"}
    if if_none_match and picture.etag in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(picture.content, media_type=picture.media_type, headers=headers)


@router.delete("/series/{series_id}", response_model=DeleteResult)
def delete_series(
    series_id: int, caller: AdminCaller, db: DbSession, settings: SettingsDep, request: Request
) -> DeleteResult:
    """Delete a series: its rows and its files (an emptied study goes too)."""
    instances = archive_delete.delete_series(
        db, store=image_store(request, settings), originals_dir=settings.data_dir / "originals",
        series_id=series_id, actor=caller.actor,
    )  # fmt: skip
    return DeleteResult(deleted_series=1, deleted_instances=instances)


@router.get("/instances/{instance_id}", response_model=InstanceAttributes)
def read_instance(instance_id: int, caller: CurrentCaller, db: DbSession) -> InstanceAttributes:
    """One instance with its full attribute list (tag, keyword, VR, value) for the metadata panel."""
    instance, dicom_json = archive.instance_metadata(
        db, user=caller.user, actor=caller.actor, instance_id=instance_id
    )
    return InstanceAttributes(
        instance=InstanceRead.model_validate(instance),
        series_id=instance.series_fk,
        attributes=[AttributeRead.model_validate(r) for r in archive_images.attribute_rows(dicom_json)],
    )
