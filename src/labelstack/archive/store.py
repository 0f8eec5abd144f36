"""Where original image bytes live: the image store interface and the local file store.

Callers depend on :class:`ImageStore` only; :func:`make_store` makes the one
choice from configuration. Keys are opaque strings chosen by the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from labelstack.config import Settings
from labelstack.services.errors import NotFound

#: Files written and synced at once: the journal commits concurrent fsyncs together.
_IO_THREADS = 16
_io_pool = ThreadPoolExecutor(_IO_THREADS, thread_name_prefix="image-store-io")
#: Temporary names: unique per process (pid) and per file (counter), cheap to make.
_temporary_numbers = itertools.count()


@dataclass
class PutResults:
    """What a batch put did: the key of each stored instance, the reason for each refused one.

    ``kept`` names the instances whose key held a file already (left by an
    ingest that stopped before its row was committed, or written by a racing
    one): that first copy is kept, and it may hold other bytes than those given.
    """

    keys: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Written:
    """A file written under a temporary name, and the fan-out folders made for it (their parents
    need a sync too)."""

    temporary: str
    made: list[Path]


@runtime_checkable
class ImageStore(Protocol):
    """Keeps the original bytes of each instance, addressed by a key the store chooses."""

    #: Storing sends the bytes over the network (a PACS). Ingest then asks the
    #: index first and sends only what it does not hold; a local store is
    #: written first and the index asked after, so the lookup overlaps the writes.
    remote: bool

    def put(self, sop_instance_uid: str, data: bytes | memoryview) -> str:
        """Store ``data`` for this SOP Instance UID and return its key.

        Atomic (a reader never sees a partial file) and idempotent: when the
        instance is already stored, the first copy is kept and its key returned.
        """
        ...

    def put_many(self, items: Iterable[tuple[str, bytes | memoryview]]) -> PutResults:
        """Store many (SOP Instance UID, bytes) at once, each as :meth:`put` would.

        ``items`` may be lazy: a store starts storing each one as it arrives, so
        whatever produces the next item (parsing it) overlaps the storing.
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

    remote = False

    def __init__(self, root: Path, *, fsync: bool = True) -> None:
        self.root = root
        self.fsync = fsync
        self.root.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def key_for(sop_instance_uid: str) -> str:
        digest = hashlib.sha256(sop_instance_uid.encode()).hexdigest()
        return f"{digest[:2]}/{digest[2:4]}/{digest}.dcm"

    def _path(self, key: str) -> Path:
        # on the frame route's every request: membership tests, not a loop over the parts
        parts = key.split("/")
        unsafe = "" in parts or "." in parts or ".." in parts or (os.sep != "/" and os.sep in key)
        if len(parts) != 3 or unsafe:
            raise NotFound(f"no stored file for key {key!r}")
        return self.root.joinpath(*parts)

    def put(self, sop_instance_uid: str, data: bytes | memoryview) -> str:
        return self.put_many([(sop_instance_uid, data)]).keys[sop_instance_uid]

    def put_many(self, items: Iterable[tuple[str, bytes | memoryview]]) -> PutResults:
        """Write every file to a temporary name, make them all durable together, then link them.

        One durability barrier per batch instead of one per file: the files are
        written and synced concurrently (threads; the system calls release the
        GIL and the journal commits concurrent syncs together) before any final
        name exists, and the folders holding the new names (and the parents of
        new folders) are synced before returning, so a caller that indexes
        afterwards never commits a row whose file a crash could lose. Each write
        starts as soon as its item arrives, while the caller produces the next.
        """
        results = PutResults()
        writes: list[tuple[str, Path, Future[Written | None]]] = []
        try:
            for sop_instance_uid, data in items:
                key = self.key_for(sop_instance_uid)
                if sop_instance_uid not in results.keys:
                    final = self._path(key)
                    writing = _io_pool.submit(self._write_temporary, final, data)
                    writes.append((sop_instance_uid, final, writing))
                results.keys[sop_instance_uid] = key
            outcomes = [(uid, final, future.result()) for uid, final, future in writes]
            results.kept.update(uid for uid, _final, done in outcomes if done is None)
            written = [(uid, final, done) for uid, final, done in outcomes if done is not None]
            for sop_instance_uid, final, done in written:
                try:
                    # link() refuses to replace an existing file: a racing writer of the
                    # same instance keeps the first copy instead of overwriting it
                    os.link(done.temporary, final)
                except FileExistsError:
                    results.kept.add(sop_instance_uid)
            if self.fsync and (written or results.kept):
                folders = {final.parent for _uid, final, _done in written}
                folders |= {made.parent for _uid, _final, done in written for made in done.made}
                # a kept file may be a racing writer's, its folders not synced yet
                kept = (final for uid, final, _done in outcomes if uid in results.kept)
                folders |= {folder for final in kept for folder in final.parents[:3]}
                _sync_directories(folders)
        finally:
            wait([future for _uid, _final, future in writes])
            done_writes = [f.result() for _uid, _final, f in writes if f.exception() is None]
            list(_io_pool.map(_remove, [done.temporary for done in done_writes if done is not None]))
        return results

    def _write_temporary(self, final: Path, data: bytes | memoryview) -> Written | None:
        """``data`` in a new, exclusively created (and synced) file next to ``final``, or None when
        ``final`` exists already (the instance is stored: the first copy is kept)."""
        if os.path.exists(final):
            return None
        name = str(final.parent / f".incoming-{final.stem[:16]}-{os.getpid()}-{next(_temporary_numbers)}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        made: list[Path] = []
        try:
            fd = os.open(name, flags, 0o600)
        except FileNotFoundError:  # a new fan-out folder (or one removed behind our back)
            made = [folder for folder in (final.parent.parent, final.parent) if _make_folder(folder)]
            fd = os.open(name, flags, 0o600)
        try:
            _write_all(fd, data)
            if self.fsync:
                os.fsync(fd)
        except BaseException:
            os.close(fd)
            _remove(name)
            raise
        os.close(fd)
        return Written(name, made)

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


def _write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _sync_all(fds: list[int]) -> None:
    if len(fds) <= 1:
        for fd in fds:
            os.fsync(fd)
        return
    list(_io_pool.map(os.fsync, fds))


def _make_folder(folder: Path) -> bool:
    try:
        folder.mkdir()
    except FileExistsError:
        return False
    return True


def _remove(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)


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
