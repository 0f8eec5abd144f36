"""Import of whatever people bring: DICOM files with any name, NIfTI volumes, zip archives.

One pass over the sources, each sorted by its first bytes (not its name:
DICOM files often have none). DICOM instances are committed in chunks, a
NIfTI volume as one series, a zip member by member after the whole archive
passed :mod:`labelstack.archive.zipsafe`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from labelstack.archive import nifti_source, zipsafe
from labelstack.archive.ingest import CHUNK_BYTES, IngestBatch, IngestOutcome, commit_chunk, ingest_chunk
from labelstack.archive.store import ImageStore
from labelstack.config import Settings
from labelstack.services.audit import Actor
from labelstack.services.errors import DomainError


@dataclass
class ImportSource:
    """One thing to import: a name, a way to open its bytes (a context manager), its size."""

    name: str
    open: Callable[[], AbstractContextManager[BinaryIO]]
    size: int


def path_source(path: Path, name: str | None = None) -> ImportSource:
    return ImportSource(name or str(path), lambda: path.open("rb"), path.stat().st_size)


class Importer:
    """Feeds sources into the archive, committing as it goes; collects one outcome per file."""

    def __init__(
        self,
        db: Session,
        *,
        store: ImageStore,
        settings: Settings,
        source: str,
        actor: Actor,
        grouping: nifti_source.NiftiGrouping | None = None,
        on_outcome: Callable[[IngestOutcome], None] | None = None,
        commit_every: int = 100,
    ) -> None:
        self.db = db
        self.store = store
        self.settings = settings
        self.source = source
        self.actor = actor
        self.grouping = grouping
        self.on_outcome = on_outcome
        self.commit_every = commit_every
        self.outcomes: list[IngestOutcome] = []
        self._pending: list[tuple[str, bytes]] = []
        self._pending_bytes = 0
        self._batch = IngestBatch()
        self.limits = zipsafe.ZipLimits(
            max_member_bytes=settings.max_file_bytes,
            max_total_bytes=settings.max_upload_bytes,
            max_ratio=settings.max_zip_ratio,
            max_members=settings.max_zip_members,
        )

    def add_all(self, sources: Iterable[ImportSource]) -> list[IngestOutcome]:
        for item in sources:
            self.add(item)
        return self.finish()

    def add(self, item: ImportSource) -> None:
        if item.size > self.settings.max_file_bytes:
            self._record_in_order(
                IngestOutcome.rejected(item.name, f"larger than {self.settings.max_file_bytes} bytes")
            )
            return
        with item.open() as handle:
            head = handle.read(8)
            handle.seek(0)
            if zipsafe.is_zip(head):
                self._add_zip(item.name, handle)
                return
            data = handle.read()
        self.add_bytes(item.name, data)

    def add_bytes(self, name: str, data: bytes) -> None:
        if nifti_source.looks_like_nifti(data) or nifti_source.is_nifti_name(name):
            self._add_nifti(name, data)
            return
        self._pending.append((name, data))
        self._pending_bytes += len(data)
        if len(self._pending) >= self.commit_every or self._pending_bytes >= CHUNK_BYTES:
            self._commit()

    def reject(self, name: str, reason: str) -> None:
        """Record a source that could not even be opened."""
        self._record_in_order(IngestOutcome.rejected(name, reason))

    def _add_zip(self, name: str, handle: BinaryIO) -> None:
        try:
            for member, data in zipsafe.iter_zip(handle, self.limits):
                self.add_bytes(f"{name}/{member}", data)
        except zipsafe.UnsafeArchive as exc:
            self._record_in_order(IngestOutcome.rejected(name, str(exc.detail)))

    def _add_nifti(self, name: str, data: bytes) -> None:
        from labelstack.archive import nifti  # numpy, nibabel, pydicom: only NIfTI files need them

        self._commit()
        try:
            outcome = nifti.ingest_nifti(
                self.db,
                store=self.store,
                originals_dir=self.settings.data_dir / "originals",
                data=data,
                name=name,
                source=self.source,
                actor=self.actor,
                grouping=self.grouping,
                max_bytes=self.settings.max_file_bytes,
            )
        except DomainError as exc:
            outcome = IngestOutcome.rejected(name, str(exc.detail))
        self._record(outcome)

    def _record_in_order(self, outcome: IngestOutcome) -> None:
        """Record an outcome decided without ingest, after those of the files before it."""
        if self._pending:
            self._commit()
        self._record(outcome)

    def _record(self, outcome: IngestOutcome) -> None:
        self.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def _commit(self) -> None:
        """Ingest the DICOM files waiting in this chunk (one store barrier, one bulk insert) and commit."""
        pending, self._pending, self._pending_bytes = self._pending, [], 0
        chunk = ingest_chunk(self.db, store=self.store, items=pending, source=self.source, batch=self._batch)
        commit_chunk(self.db, store=self.store, chunk=chunk, source=self.source, actor=self.actor)
        for outcome in chunk:
            self._record(outcome)

    def finish(self) -> list[IngestOutcome]:
        self._commit()
        return self.outcomes
