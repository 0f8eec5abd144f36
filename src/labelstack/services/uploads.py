"""Web uploads: many files and zip archives in one request, one result per file.

Limits are checked before anything is ingested: a request over
``max_upload_bytes`` or holding a file over ``max_file_bytes`` is refused
whole (413) and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import partial
from typing import BinaryIO

from sqlalchemy.orm import Session

from labelstack.archive.importer import Importer, ImportSource
from labelstack.archive.ingest import IngestOutcome
from labelstack.archive.nifti_source import NiftiGrouping
from labelstack.archive.store import ImageStore
from labelstack.config import Settings
from labelstack.services.audit import Actor
from labelstack.services.errors import PayloadTooLarge


@dataclass
class UploadedFile:
    """One file part of the request, spooled by the web server to memory or disk."""

    name: str
    file: BinaryIO
    size: int


def _rewound(file: BinaryIO) -> AbstractContextManager[BinaryIO]:
    """The spooled file, rewound; the web edge closes (and deletes) it, not the importer."""
    file.seek(0)
    return nullcontext(file)


def check_limits(files: Sequence[UploadedFile], settings: Settings) -> None:
    total = 0
    for f in files:
        if f.size > settings.max_file_bytes:
            raise PayloadTooLarge(f"{f.name!r} is larger than the {settings.max_file_bytes}-byte file limit")
        total += f.size
    if total > settings.max_upload_bytes:
        raise PayloadTooLarge(f"the upload is larger than the {settings.max_upload_bytes}-byte limit")


def import_uploads(
    db: Session,
    *,
    store: ImageStore,
    settings: Settings,
    files: Sequence[UploadedFile],
    grouping: NiftiGrouping | None,
    actor: Actor,
) -> list[IngestOutcome]:
    check_limits(files, settings)
    importer = Importer(db, store=store, settings=settings, source="upload", actor=actor, grouping=grouping)
    return importer.add_all(ImportSource(f.name, partial(_rewound, f.file), f.size) for f in files)
