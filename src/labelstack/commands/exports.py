"""``labelstack export --format {dicom-seg,nifti,coco,csv,json} --output DIR [--project ID]``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from labelstack.export_formats import ExportFormat, ExportWhich

console = Console()


def export_command(
    format: ExportFormat = typer.Option(..., "--format", help="dicom-seg, nifti, coco, csv or json."),
    output: Path = typer.Option(..., "--output", help="Folder to write the files into (created if needed)."),
    project: int | None = typer.Option(None, "--project", help="Only this project's annotations."),
    task: int | None = typer.Option(None, "--task", help="Only the annotations of this task."),
    which: ExportWhich = typer.Option(ExportWhich.latest, "--which", help="final versions only, or latest."),
) -> None:
    """Export annotations in a standard format."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from labelstack.cli import open_database
    from labelstack.schemas.exports import ExportRequest
    from labelstack.services import annotation_exports
    from labelstack.services.audit import Actor
    from labelstack.services.errors import DomainError

    if project is not None and task is not None:
        raise typer.BadParameter("give --project or --task, not both")
    settings, engine, sessions = open_database()
    request = ExportRequest(format=format, project_id=project, task_id=task, which=which)
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    )
    try:
        with sessions() as db, progress:
            bar = progress.add_task(f"exporting {format.value}", total=None)
            written = annotation_exports.export_to_directory(
                db,
                request=request,
                actor=Actor.system("cli"),
                settings=settings,
                output=output,
                on_start=lambda total: progress.update(bar, total=total),
                on_progress=lambda _name: progress.advance(bar),
            )
    except DomainError as exc:
        console.print(f"[red]export failed:[/red] {exc.detail}")
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    console.print(f"{len(written)} file(s) written to {output}")
