"""Web upload of DICOM files, NIfTI volumes and zip archives, many at once."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from labelstack.api.deps import CurrentCaller, DbSession, SettingsDep
from labelstack.api.routes.archive import image_store
from labelstack.archive.nifti_source import NiftiGrouping
from labelstack.schemas.archive import UploadItemRead, UploadResult
from labelstack.services import uploads
from labelstack.services.errors import DomainError, InvalidInput, PayloadTooLarge

router = APIRouter(tags=["archive"])

MAX_PARTS = 10_000
GROUPING_FIELDS = (
    "patient_id",
    "patient_name",
    "study_description",
    "series_description",
    "modality",
    "body_part",
)

_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        **{name: {"type": "string"} for name in GROUPING_FIELDS},
                        "phases": {"type": "string", "description": "NIfTI time point names, e.g. 'ED,ES'"},
                    },
                }
            }
        },
    }
}


class LengthRequired(DomainError):
    status_code = 411


@router.post("/uploads", response_model=UploadResult, openapi_extra=_UPLOAD_BODY)
async def upload(request: Request, caller: CurrentCaller, db: DbSession, settings: SettingsDep) -> Any:
    """Upload DICOM files, NIfTI volumes and zips (multipart field ``files``); one result per file."""
    declared = request.headers.get("content-length")
    if declared is None:
        raise LengthRequired("uploads need a Content-Length header")
    if not declared.isdigit() or int(declared) > settings.max_upload_bytes:
        raise PayloadTooLarge(f"the upload is larger than the {settings.max_upload_bytes}-byte limit")
    db.commit()  # do not hold the database while the body streams in
    try:
        form = await request.form(max_files=MAX_PARTS, max_fields=100)
    except Exception as exc:  # malformed multipart body
        raise InvalidInput(f"cannot read the multipart body: {exc}") from exc
    try:
        files = [
            uploads.UploadedFile(part.filename or "upload", part.file, part.size or 0)
            for part in form.getlist("files")
            if isinstance(part, UploadFile)
        ]
        if not files:
            raise InvalidInput("no files: send them as multipart field 'files'")
        text = {name: str(form.get(name) or "") for name in (*GROUPING_FIELDS, "phases")}
        grouping = NiftiGrouping(
            **{name: text[name] for name in GROUPING_FIELDS if text[name]},
            phases=[p.strip() for p in text["phases"].split(",") if p.strip()],
        )
        outcomes = await run_in_threadpool(
            uploads.import_uploads,
            db,
            store=image_store(request, settings),
            settings=settings,
            files=files,
            grouping=grouping,
            actor=caller.actor,
        )
    finally:
        await form.close()
    items = [UploadItemRead.model_validate(o, from_attributes=True) for o in outcomes]
    result = UploadResult(
        stored=sum(i.status == "stored" for i in items),
        duplicates=sum(i.status == "duplicate" for i in items),
        rejected=sum(i.status == "rejected" for i in items),
        items=items,
    )
    if result.rejected and not (result.stored or result.duplicates):
        detail = {"message": "no file was accepted", **result.model_dump()}
        return JSONResponse({"detail": detail}, status_code=422)
    return result
