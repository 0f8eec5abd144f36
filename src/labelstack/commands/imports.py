"""``labelstack import PATH...``: folders (recursively), zip files, DICOM files with any name, NIfTI."""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

if TYPE_CHECKING:  # the archive modules are imported when the command runs (see labelstack.cli)
    from rich.progress import Progress
    from sqlalchemy.orm import Session, sessionmaker

    from labelstack.archive.ingest import IngestOutcome
    from labelstack.archive.nifti_source import NiftiGrouping
    from labelstack.commands.import_helper import Helper
    from labelstack.config import Settings

console = Console()
MAX_LISTED_REJECTIONS = 50


def files_under(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Every regular file named or inside a named folder (with a short display name), in a stable
    order; inside folders, symlinks are not followed and hidden files (".DS_Store") are left out."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not child.is_symlink() and not hidden:
                    yield child, str(Path(path.name) / child.relative_to(path))
        else:
            yield path, str(path)


def import_command(
    paths: list[Path] = typer.Argument(..., help="Files, folders (searched recursively) and zip archives."),
    patient_id: str = typer.Option("", help="NIfTI: PatientID (default: from the file name)."),
    patient_name: str = typer.Option("", help="NIfTI: patient name (default: the patient ID)."),
    study_description: str = typer.Option("", help="NIfTI: study to group the volumes in."),
    series_description: str = typer.Option("", help="NIfTI: series description (default: file name)."),
    modality: str = typer.Option("MR", help="NIfTI: modality of the converted series (MR, CT or OT)."),
    phases: str = typer.Option("", help="NIfTI 4D: names of the time points, e.g. 'ED,ES'."),
) -> None:
    """Import DICOM and NIfTI files into the archive; exits with 1 if anything was rejected."""
    from labelstack.archive.nifti_source import NiftiGrouping
    from labelstack.commands import import_helper

    files = list(files_under(paths))
    grouping = NiftiGrouping(
        patient_id=patient_id,
        patient_name=patient_name,
        study_description=study_description,
        series_description=series_description,
        modality=modality,
        phases=[p.strip() for p in phases.split(",") if p.strip()],
    )
    from labelstack.cli import open_database

    settings, engine, sessions = open_database()
    started = time.perf_counter()
    helper = None
    ours = files
    if len(files) >= import_helper.SPLIT_FROM_FILES:
        from labelstack.archive import importer  # noqa: F401  (loaded once, shared with the helper)

        engine.dispose()  # no database connection crosses the fork
        half = len(files) // 2
        helper = import_helper.start(
            files[half:], run=_import_in_helper, grouping=grouping, settings=settings
        )
        ours = files[:half] if helper is not None else files
    try:
        outcomes = _import_with_helper(
            ours, len(files), settings=settings, sessions=sessions, grouping=grouping, helper=helper
        )
    except import_helper.HelperFailed as exc:
        console.print(f"[bold red]error:[/bold red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from exc
    finally:
        if helper is not None:
            helper.stop()
    engine.dispose()
    seconds = time.perf_counter() - started
    _summary(outcomes, seconds)
    _leave_objects_to_exit()
    if any(o.status == "rejected" for o in outcomes):
        raise typer.Exit(1)


def _leave_objects_to_exit() -> None:
    """Keep the interpreter's shutdown from walking everything the import left alive.

    At exit the interpreter collects garbage over every live object (SQLAlchemy,
    pydicom, the outcomes): about 0.3 s after the summary of a 400-file import.
    Frozen objects are left out of those collections and are still released
    when their last reference goes, so only reference cycles are left to the
    operating system; nothing in them needs finalising, as every file is written
    and closed, the database engine disposed and the helper joined by now.
    """
    gc.freeze()


def _import_with_helper(
    files: list[tuple[Path, str]],
    total: int,
    *,
    settings: Settings,
    sessions: sessionmaker[Session],
    grouping: NiftiGrouping,
    helper: Helper | None,
) -> list[IngestOutcome]:
    """Import ``files`` here and collect the helper's outcomes; all outcomes in file order."""
    with _progress() as progress:
        task = progress.add_task("importing", total=total)

        def advance(message: object) -> None:
            if isinstance(message, int):
                progress.advance(task, message)

        def after_file() -> None:
            advance(1)
            if helper is not None:
                helper.poll(advance)

        outcomes = _import_files(
            files, settings=settings, sessions=sessions, grouping=grouping, after_file=after_file
        )
        if helper is not None:
            outcomes += helper.finish(advance)
    return outcomes


def _import_in_helper(
    files: list[tuple[Path, str]],
    *,
    on_message: Callable[[object], None],
    grouping: NiftiGrouping,
    settings: Settings,
) -> None:
    """The helper's part (see :mod:`labelstack.commands.import_helper`): each outcome, and a 1 per file.

    The database is migrated already (the helper starts after that), so it only connects.
    """
    from labelstack.db.engine import make_engine, make_sessionmaker

    engine = make_engine(settings.resolved_database_url)
    _import_files(
        files,
        settings=settings,
        sessions=make_sessionmaker(engine, write=True),
        grouping=grouping,
        on_outcome=on_message,
        after_file=lambda: on_message(1),
    )
    engine.dispose()


def _import_files(
    files: list[tuple[Path, str]],
    *,
    settings: Settings,
    sessions: sessionmaker[Session],
    grouping: NiftiGrouping,
    after_file: Callable[[], None],
    on_outcome: Callable[[IngestOutcome], None] | None = None,
) -> list[IngestOutcome]:
    from labelstack.archive.importer import Importer, path_source
    from labelstack.archive.store import make_store
    from labelstack.services.audit import Actor

    with sessions() as db:
        importer = Importer(
            db,
            store=make_store(settings),
            settings=settings,
            source="cli",
            actor=Actor.system("cli"),
            grouping=grouping,
            on_outcome=on_outcome,
        )
        for path, name in files:
            if not path.is_file():
                importer.reject(name, "no such file")
            else:
                importer.add(path_source(path, name=name))
            after_file()
        return importer.finish()


def _progress() -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def _summary(outcomes: list[IngestOutcome], seconds: float) -> None:
    from rich.markup import escape
    from rich.table import Table

    counts = Counter(o.status for o in outcomes)
    instances = sum(o.instances for o in outcomes if o.status == "stored")
    table = Table("result", "files", title="Import summary")
    table.add_row("stored", str(counts["stored"]))
    table.add_row("duplicate", str(counts["duplicate"]))
    table.add_row("rejected", str(counts["rejected"]))
    console.print(table)
    series = {o.series_instance_uid for o in outcomes if o.status == "stored" and o.series_instance_uid}
    console.print(f"{instances} instance(s) stored in {len(series)} series")
    rate = len(outcomes) / max(seconds, 1e-9)
    console.print(f"{len(outcomes)} file(s) read in {seconds:.2f} s ({rate:.0f} per second)")
    rejected = [o for o in outcomes if o.status == "rejected"]
    if rejected:
        console.print(f"[bold red]Rejected[/bold red] ({len(rejected)}):")
        for o in rejected[:MAX_LISTED_REJECTIONS]:
            # one line per file, never wrapped, so paths stay greppable
            console.print(f"  {escape(o.name)}: {escape(o.reason or '')}", soft_wrap=True)
        if len(rejected) > MAX_LISTED_REJECTIONS:
            console.print(f"... and {len(rejected) - MAX_LISTED_REJECTIONS} more")
