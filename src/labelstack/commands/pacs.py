"""``labelstack pacs ...``: work with the configured DICOMweb PACS."""

from __future__ import annotations

import typer
from rich.console import Console

pacs_app = typer.Typer(
    help="Work with the configured DICOMweb PACS (LABELSTACK_PACS_URL).", no_args_is_help=True
)
console = Console()
err_console = Console(stderr=True)


@pacs_app.command("sync")
def sync_command() -> None:
    """Index the studies already in the PACS (the images stay there)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from labelstack.archive.pacs import PacsStore
    from labelstack.archive.pacs_sync import study_uids, sync
    from labelstack.cli import open_database
    from labelstack.services.audit import Actor
    from labelstack.services.errors import DomainError

    settings, _engine, sessions = open_database()
    if not settings.pacs_url:
        err_console.print("[red]error:[/red] LABELSTACK_PACS_URL is not set")
        raise typer.Exit(2)
    store = PacsStore.from_settings(settings)
    try:
        studies = study_uids(store)
        with (
            Progress(
                TextColumn("[bold]syncing[/bold]"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("studies · {task.fields[indexed]} new instances"),
                TimeElapsedColumn(),
                console=console,
            ) as progress,
            sessions() as db,
        ):
            task = progress.add_task("sync", total=len(studies), indexed=0)
            summary = sync(
                db,
                store=store,
                actor=Actor.system("pacs-sync"),
                studies=studies,
                on_study=lambda _uid, s: progress.update(task, advance=1, indexed=s.indexed),
            )
    except DomainError as exc:
        err_console.print(f"[red]error:[/red] {exc.detail}")
        raise typer.Exit(1) from exc
    finally:
        store.close()
    console.print(
        f"{summary.studies} studies, {summary.series} series: {summary.indexed} instances indexed, "
        f"{summary.already_indexed} already indexed, {len(summary.rejected)} rejected"
    )
    for name, reason in summary.rejected[:20]:
        console.print(f"  rejected {name}: {reason}")
    if summary.rejected:
        raise typer.Exit(1)
