"""Exports of annotations as a streamed zip (DICOM SEG, NIfTI, COCO, CSV, full JSON)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from labelstack.api.deps import AdminCaller, DbSession, SettingsDep
from labelstack.schemas.exports import ExportRequest
from labelstack.services import annotation_exports

router = APIRouter(prefix="/exports", tags=["exports"])


@router.post("", response_class=StreamingResponse, responses={200: {"content": {"application/zip": {}}}})
def create_export(
    body: ExportRequest, caller: AdminCaller, db: DbSession, settings: SettingsDep
) -> StreamingResponse:
    """Export a project, a task or a selection; the zip streams while it is written."""
    name, chunks = annotation_exports.export_zip(db, request=body, actor=caller.actor, settings=settings)
    return StreamingResponse(
        chunks,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
