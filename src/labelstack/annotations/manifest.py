"""The description of one labelmap version: its size, type and one content hash per slice.

A manifest is small (a hash per slice, none for an empty slice), immutable,
and has a hash of its own that identifies the whole labelmap content: two
versions with the same content hash hold exactly the same voxels.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from labelstack.annotations.errors import AnnotationFormatError
from labelstack.annotations.slicecodec import DTYPES

FORMAT = "labelstack.labelmap/1"


@dataclass(frozen=True)
class LabelmapManifest:
    shape: tuple[int, int, int]
    """(slices, rows, columns), slices in the series' slice order."""
    dtype: str
    slices: tuple[str | None, ...]
    """Content hash of each slice, None for a slice that is all background."""

    def __post_init__(self) -> None:
        if len(self.shape) != 3 or any(int(n) <= 0 for n in self.shape):
            raise AnnotationFormatError(f"labelmap shape must be three positive sizes, not {self.shape}")
        if self.dtype not in DTYPES:
            raise AnnotationFormatError(f"labelmap dtype must be one of {sorted(DTYPES)}, not {self.dtype!r}")
        if len(self.slices) != self.shape[0]:
            raise AnnotationFormatError(
                f"manifest lists {len(self.slices)} slices for a labelmap of {self.shape[0]}"
            )

    @classmethod
    def empty(cls, shape: Sequence[int], dtype: str = "uint8") -> LabelmapManifest:
        s, r, c = (int(n) for n in shape)
        return cls((s, r, c), dtype, (None,) * s)

    @property
    def rows(self) -> int:
        return self.shape[1]

    @property
    def columns(self) -> int:
        return self.shape[2]

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.to_bytes()).hexdigest()

    @property
    def used_hashes(self) -> set[str]:
        return {h for h in self.slices if h is not None}

    def changed_slices(self, other: LabelmapManifest) -> list[int]:
        """Slice indices whose content differs from ``other`` (same shape)."""
        if other.shape != self.shape:
            return list(range(self.shape[0]))
        return [k for k, (a, b) in enumerate(zip(self.slices, other.slices, strict=True)) if a != b]

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "shape": list(self.shape), "dtype": self.dtype, "slices": list(self.slices)}

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), separators=(",", ":"), sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LabelmapManifest:
        if data.get("format") != FORMAT:
            raise AnnotationFormatError(f"not a labelmap manifest (format {data.get('format')!r})")
        shape = data["shape"]
        return cls((int(shape[0]), int(shape[1]), int(shape[2])), str(data["dtype"]), tuple(data["slices"]))
