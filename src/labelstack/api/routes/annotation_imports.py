"""Importing annotations from files as initial versions (admins)."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, UploadFile, status
from pydantic import TypeAdapter, ValidationError

from labelstack.annotations.enums import AlgorithmType
from labelstack.api.deps import AdminCaller, DbSession, SettingsDep
from labelstack.schemas.annotation_content import SegmentRef
from labelstack.schemas.annotations import AnnotationRead
from labelstack.services import annotation_imports
from labelstack.services.annotation_storage import labelmap_store
from labelstack.services.errors import InvalidInput, PayloadTooLarge

router = APIRouter(prefix="/annotations", tags=["annotations"])
SEGMENTS = TypeAdapter(list[SegmentRef])


@router.post("/import", response_model=list[AnnotationRead], status_code=status.HTTP_201_CREATED)
async def import_annotations(
    caller: AdminCaller,
    db: DbSession,
    settings: SettingsDep,
    file: Annotated[UploadFile, File()],
    format: Annotated[Literal["nifti", "dicom-seg", "coco", "csv"], Form()],
    project_id: Annotated[int, Form()],
    series_id: Annotated[int | None, Form()] = None,
    segments: Annotated[str, Form(description='JSON list of {"number", "label_id"}')] = "",
    algorithm_type: Annotated[AlgorithmType, Form()] = AlgorithmType.AUTOMATIC,
    algorithm_name: Annotated[str, Form(max_length=64)] = "",
) -> list[AnnotationRead]:
    """Import NIfTI or DICOM SEG labelmaps on one series, COCO boxes/polygons, or a CSV of classifications."""
    data = await file.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        raise PayloadTooLarge(f"the file is larger than {settings.max_file_bytes} bytes")
    store = labelmap_store(settings)
    if format in ("coco", "csv"):
        importer = annotation_imports.import_coco if format == "coco" else annotation_imports.import_csv
        made = importer(
            db, project_id=project_id, data=data, user=caller.user, actor=caller.actor, store=store
        )
        return [AnnotationRead.model_validate(a) for a in made]
    if series_id is None:
        raise InvalidInput("a labelmap import needs series_id")
    try:
        refs = SEGMENTS.validate_python(json.loads(segments)) if segments else None
    except (ValueError, ValidationError) as exc:
        raise InvalidInput(f"segments must be a JSON list of number/label_id pairs: {exc}") from None
    made_one = annotation_imports.import_labelmap(
        db,
        project_id=project_id,
        series_id=series_id,
        file_format=format,
        data=data,
        segments=refs,
        algorithm_type=algorithm_type,
        algorithm_name=algorithm_name or "imported",
        user=caller.user,
        actor=caller.actor,
        store=store,
    )
    return [AnnotationRead.model_validate(made_one)]
