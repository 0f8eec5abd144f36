"""Content-addressed store of compressed labelmap slices, shared between versions.

A slice file is named by the hash of its pixels and never changes, so a new
version only writes the slices it changed and every older version stays
readable as it was (copy-on-write). Writing a slice that already exists is a
no-op, which also makes two concurrent writers of the same content harmless.
"""

from __future__ import annotations

import re
from pathlib import Path

from labelstack.annotations.atomic import write_atomic
from labelstack.annotations.errors import AnnotationFormatError

_HASH = re.compile(r"^[0-9a-f]{64}$")


class SliceStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, content_hash: str) -> Path:
        if not _HASH.match(content_hash):
            raise AnnotationFormatError(f"not a slice content hash: {content_hash!r}")
        return self.root / content_hash[:2] / content_hash[2:4] / f"{content_hash}.zst"

    def put(self, content_hash: str, blob: bytes) -> bool:
        """Store ``blob`` under ``content_hash``; False if it was already there."""
        path = self.path_for(content_hash)
        if path.exists():
            return False
        write_atomic(path, blob)
        return True

    def get(self, content_hash: str) -> bytes:
        path = self.path_for(content_hash)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise FileNotFoundError(f"labelmap slice {content_hash} is missing from {self.root}") from None

    def __contains__(self, content_hash: str) -> bool:
        return self.path_for(content_hash).exists()
