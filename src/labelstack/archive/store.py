"""Where original image bytes live: the image store interface and the local file store.

Callers depend on :class:`ImageStore` only; :func:`make_store` makes the one
choice from configuration. Keys are opaque strings chosen by the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from labelstack.config import Settings
from labelstack.services.errors import NotFound

#: Files synced at once: the journal commits concurrent fsyncs together.
_SYNC_THREADS = 16
_sync_pool = ThreadPoolExecutor(_SYNC_THREADS, thread_name_prefix="image-store-sync")
#: Temporary names: unique per process (pid) and per file (counter), cheap to make.
_temporary_numbers = itertools.count()


@dataclass
class PutResults:
    """What a batch put did: the key of each stored instance, the reason for each refused one."""

    keys: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class ImageStore(Protocol):
    """Keeps the original bytes of each instance, addressed by a key the store chooses."""

    def put(self, sop_instance_uid: str, data: bytes) -> str:
        """Store ``data`` for this SOP Instance UID and return its key.

        Atomic (a reader never sees a partial file) and idempotent: when the
        instance is already stored, the first copy is kept and its key returned.
        """
        ...

    def put_many(self, items: Sequence[tuple[str, bytes]]) -> PutResults:
        """Store many (SOP Instance UID, bytes) at once, each as :meth:`put` would.

        Everything in ``keys`` is durable when this returns.
        """
        ...

    def get(self, key: str) -> bytes:
        """The stored bytes; NotFound when the key holds nothing."""
        ...

    def local_path(self, key: str) -> Path | None:
        """A file path for zero-copy serving when the store is local, else None."""
        ...

    def delete(self, key: str) -> None:
        """Remove the stored bytes; a missing key is not an error."""
        ...


class LocalFileStore:
    """Original files under one directory, two levels of fan-out by a hash of the UID.

    The key is the path relative to the root; it never contains anything the
    sender chose, so a hostile UID cannot point outside the root.
    """

    def __init__(self, root: Path, *, fsync: bool = True) -> None:
        self.root = root
        self.fsync = fsync
        self.root.mkdir(parents=True, exist_ok=True)
        self._made: set[Path] = set()  # fan-out folders known to exist

    @staticmethod
    def key_for(sop_instance_uid: str) -> str:
        digest = hashlib.sha256(sop_instance_uid.encode()).hexdigest()
        return f"{digest[:2]}/{digest[2:4]}/{digest}.dcm"

    def _path(self, key: str) -> Path:
        parts = key.split("/")
        if len(parts) != 3 or any(p in ("", ".", "..") or os.sep in p for p in parts):
            raise NotFound(f"no stored file for key {key!r}")
        return self.root.joinpath(*parts)

    def put(self, sop_instance_uid: str, data: bytes) -> str:
        return self.put_many([(sop_instance_uid, data)]).keys[sop_instance_uid]

    def put_many(self, items: Sequence[tuple[str, bytes]]) -> PutResults:
        """Write every file to a temporary name, make them all durable together, then link them.

        One durability barrier per batch instead of one per file: the data of
        every file is synced (concurrently) before any final name exists, and
        the directories holding the new names are synced before returning, so
        a caller that indexes afterwards never commits a row whose file a
        crash could lose.
        """
        results = PutResults()
        pending: list[tuple[str, str, Path, str, int]] = []
        made: set[Path] = set()  # folders created here: their parents must be synced too
        try:
            for sop_instance_uid, data in items:
                key = self.key_for(sop_instance_uid)
                final = self._path(key)
                if sop_instance_uid in results.keys or final.exists():
                    results.keys[sop_instance_uid] = key
                    continue
                fd, tmp_name = self._temporary(final, made)
                pending.append((sop_instance_uid, key, final, tmp_name, fd))
                results.keys[sop_instance_uid] = key
                _write_all(fd, data)
            if self.fsync:
                _sync_all([fd for *_, fd in pending])
            for _sop, _key, final, tmp_name, _fd in pending:
                # link() refuses to replace an existing file: a racing writer of the
                # same instance keeps the first copy instead of overwriting it
                with contextlib.suppress(FileExistsError):
                    os.link(tmp_name, final)
            if self.fsync and pending:
                folders = {final.parent for _sop, _key, final, _tmp, _fd in pending}
                _sync_directories(folders | {folder.parent for folder in made})
        finally:
            for _sop, _key, _final, tmp_name, fd in pending:
                os.close(fd)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp_name)
        return results

    def _temporary(self, final: Path, made: set[Path]) -> tuple[int, str]:
        """A new, exclusively created file next to ``final`` (so the rename stays in one folder)."""
        folder = final.parent
        if folder not in self._made:
            self._make_folder(folder, made)
        name = str(folder / f".incoming-{final.stem[:16]}-{os.getpid()}-{next(_temporary_numbers)}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        try:
            return os.open(name, flags, 0o600), name
        except FileNotFoundError:  # the folder was removed behind our back
            self._make_folder(folder, made)
            return os.open(name, flags, 0o600), name

    def _make_folder(self, folder: Path, made: set[Path]) -> None:
        for level in (folder.parent, folder):
            try:
                level.mkdir()
                made.add(level)
            except FileExistsError:
                pass
        self._made.add(folder)

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as exc:
            raise NotFound(f"no stored file for key {key!r}") from exc

    def local_path(self, key: str) -> Path | None:
        return self._path(key)

    def delete(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(key).unlink()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _sync_all(fds: list[int]) -> None:
    if len(fds) <= 1:
        for fd in fds:
            os.fsync(fd)
        return
    list(_sync_pool.map(os.fsync, fds))


def _sync_directories(directories: set[Path]) -> None:
    fds = [os.open(d, os.O_RDONLY) for d in directories]
    try:
        _sync_all(fds)
    finally:
        for fd in fds:
            os.close(fd)


def make_store(settings: Settings) -> ImageStore:
    """The image store the configuration asks for."""
    if settings.pacs_url:
        from labelstack.archive.pacs import PacsStore  # the PACS store builds on this module

        return PacsStore.from_settings(settings)
    return LocalFileStore(settings.storage_dir)
