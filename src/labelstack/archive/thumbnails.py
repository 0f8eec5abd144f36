"""Series thumbnails: rendered once, kept on disk and in a bounded in-memory cache.

A key names exactly what was rendered (series, chosen instance and frame,
size, format), so a changed series gets a new key and never a stale picture.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path


class ThumbnailCache:
    """A two-level cache: ``entries`` pictures in memory, every picture on disk."""

    def __init__(self, directory: Path, entries: int) -> None:
        self.directory = directory
        self.entries = entries
        self._memory: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def etag(key: str) -> str:
        return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'

    def _path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode()).hexdigest()
        return self.directory / digest[:2] / digest

    def get(self, key: str, render: Callable[[], bytes]) -> bytes:
        with self._lock:
            hit = self._memory.get(key)
            if hit is not None:
                self._memory.move_to_end(key)
                return hit
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = render()
            self._write(path, data)
        self._remember(key, data)
        return data

    def _remember(self, key: str, data: bytes) -> None:
        if self.entries <= 0:
            return
        with self._lock:
            self._memory[key] = data
            self._memory.move_to_end(key)
            while len(self._memory) > self.entries:
                self._memory.popitem(last=False)

    def __len__(self) -> int:
        return len(self._memory)

    def forget(self, prefix: str) -> None:
        """Drop in-memory pictures whose key starts with ``prefix`` (a deleted series)."""
        with self._lock:
            for key in [k for k in self._memory if k.startswith(prefix)]:
                del self._memory[key]

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


_caches: dict[tuple[str, int], ThumbnailCache] = {}
_caches_lock = threading.Lock()


def cache_for(directory: Path, entries: int) -> ThumbnailCache:
    """One cache per directory in this process, shared by every request."""
    key = (str(directory.resolve()), entries)
    with _caches_lock:
        cache = _caches.get(key)
        if cache is None:
            cache = _caches[key] = ThumbnailCache(directory, entries)
        return cache
