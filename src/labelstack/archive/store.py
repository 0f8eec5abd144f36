"""Where original image bytes live: the image store interface and the local file store.

Callers depend on :class:`ImageStore` only; :func:`make_store` makes the one
choice from configuration. Keys are opaque strings chosen by the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Protocol, runtime_checkable

from labelstack.config import Settings
from labelstack.services.errors import NotFound


@runtime_checkable
class ImageStore(Protocol):
    """Keeps the original bytes of each instance, addressed by a key the store chooses."""

    def put(self, sop_instance_uid: str, data: bytes) -> str:
        """Store ``data`` for this SOP Instance UID and return its key.

        Atomic (a reader never sees a partial file) and idempotent: when the
        instance is already stored, the first copy is kept and its key returned.
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
        key = self.key_for(sop_instance_uid)
        final = self._path(key)
        if final.exists():
            return key
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=final.parent, prefix=".incoming-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if self.fsync:
                    os.fsync(handle.fileno())
            # link() refuses to replace an existing file: a racing writer of the
            # same instance keeps the first copy instead of overwriting it
            with contextlib.suppress(FileExistsError):
                os.link(tmp_name, final)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
        return key

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


def make_store(settings: Settings) -> ImageStore:
    """The image store the configuration asks for."""
    if settings.pacs_url:
        from labelstack.archive.pacs import PacsStore  # the PACS store builds on this module

        return PacsStore.from_settings(settings)
    return LocalFileStore(settings.storage_dir)
