"""Exports: a plan read from the database, written as a streamed zip (API) or into a folder (CLI)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from labelstack.annotations.atomic import write_atomic
from labelstack.archive.store import make_store
from labelstack.config import Settings
from labelstack.schemas.exports import ExportRequest
from labelstack.services import export_plan, export_writers
from labelstack.services.annotation_storage import labelmap_store
from labelstack.services.audit import Actor


def export_zip(
    db: Session, *, request: ExportRequest, actor: Actor, settings: Settings
) -> tuple[str, Iterator[bytes]]:
    """The file name and the zip chunks; the plan is read now, the files are written while streaming."""
    plan = export_plan.plan(db, request=request, actor=actor)
    files = export_writers.entries(plan, images=make_store(settings), labelmaps=labelmap_store(settings))
    scope = (
        f"project-{request.project_id}"
        if request.project_id
        else f"task-{request.task_id}"
        if request.task_id
        else "selection"
    )
    return f"labelstack-{scope}-{request.format.value}-{request.which.value}.zip", export_writers.zip_stream(
        files
    )


def export_to_directory(
    db: Session,
    *,
    request: ExportRequest,
    actor: Actor,
    settings: Settings,
    output: Path,
    on_start: Callable[[int], None] | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> list[Path]:
    plan = export_plan.plan(db, request=request, actor=actor)
    if on_start is not None:
        on_start(export_writers.work_units(plan))
    written = []
    for relative, data in export_writers.entries(
        plan, images=make_store(settings), labelmaps=labelmap_store(settings), progress=on_progress
    ):
        target = output / relative
        write_atomic(target, data)
        written.append(target)
    return written
