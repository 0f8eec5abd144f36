"""A second process for a large ``labelstack import``: both cores.

Reading and checking DICOM files is Python work bound to one core. With many
files and more than one core, :func:`start` forks a helper once this process
has loaded the code (SQLAlchemy, the models, the importer) and opened, and if
need be migrated, the database: the helper shares what is loaded instead of
loading it again (about half a second of a core, which a busy machine does
not have to spare), imports the second half of the files with its own
database connection and sends back each file's outcome. Both run the same
importer, so every guarantee of a single import holds (per-chunk
transactions, one copy of an instance when both meet the same one); the
outcomes come back in file order.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from labelstack.archive.ingest import IngestOutcome

#: Below this many files the helper's own start-up costs more than it saves.
SPLIT_FROM_FILES = 200


class HelperFailed(Exception):
    """The helper process stopped before reporting every file."""


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass
class Helper:
    """The running helper: collect its outcomes.

    It sends each outcome as it is decided and a count (1) after each file, for progress.
    """

    process: BaseProcess
    connection: Connection
    outcomes: list[IngestOutcome] = field(default_factory=list)
    done: bool = False

    def poll(self, on_message: Callable[[object], None]) -> None:
        """Take what the helper has sent so far, without waiting."""
        while not self.done and self.connection.poll():
            self._take(on_message)

    def finish(self, on_message: Callable[[object], None]) -> list[IngestOutcome]:
        """Every outcome of the helper's files, in order, once it is done."""
        while not self.done:
            self._take(on_message)
        self.connection.close()
        self.process.join()
        return self.outcomes

    def _take(self, on_message: Callable[[object], None]) -> None:
        from labelstack.archive.ingest import IngestOutcome

        try:
            message = self.connection.recv()
        except EOFError as exc:
            raise HelperFailed("the second import process stopped unexpectedly") from exc
        if isinstance(message, HelperFailed):
            raise message
        if message is None:
            self.done = True
        elif isinstance(message, IngestOutcome):
            self.outcomes.append(message)
        on_message(message)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def start(files: list[tuple[Path, str]], *, run: Callable[..., None], **options: Any) -> Helper | None:
    """Fork a helper for ``files`` (``run(files, on_message=..., **options)`` imports them), or None
    when there is one core or no fork (the caller then imports everything itself).

    The caller has no database connection open (the helper makes its own)."""
    if cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(target=_main, args=(theirs, run, files, options), daemon=True)
    process.start()
    theirs.close()
    return Helper(process, ours)


def _main(
    connection: Connection, run: Callable[..., None], files: list[Any], options: dict[str, Any]
) -> None:
    try:
        run(files, on_message=connection.send, **options)
        connection.send(None)
    except BaseException as exc:
        connection.send(HelperFailed(f"the second import process failed: {exc!r}\n{traceback.format_exc()}"))
    finally:
        connection.close()
