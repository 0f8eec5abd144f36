"""Saving and loading labelmap versions on top of the shared slice store.

The rules every labelmap save obeys: the shape is the series' shape, the
voxels use only the segment numbers defined for the annotation, and only
changed slices are written. The caller records the returned manifest in the
version row; the slice files are already durable when this returns.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from labelstack.annotations.errors import ShapeMismatch, UnknownSegment
from labelstack.annotations.manifest import LabelmapManifest
from labelstack.annotations.patch import EncodedSlice, LabelmapPatch
from labelstack.annotations.slicecodec import DTYPES, compress, decode, decompress, dtype_name, slice_hash
from labelstack.annotations.slicestore import SliceStore


def check_shape(actual: Iterable[int], expected: Iterable[int]) -> None:
    actual_t, expected_t = tuple(int(n) for n in actual), tuple(int(n) for n in expected)
    if actual_t != expected_t:
        raise ShapeMismatch(
            f"labelmap shape {list(actual_t)} does not match the series "
            f"{list(expected_t)} (slices, rows, columns)"
        )


def check_segments(plane: np.ndarray, allowed: Collection[int], *, where: str) -> None:
    """Refuse voxels whose segment number is not 0 or one of ``allowed``."""
    if plane.dtype.kind != "u":
        raise UnknownSegment(f"{where} holds {plane.dtype} values; segment numbers are unsigned integers")
    top = int(plane.max()) if plane.size else 0
    if top <= len(allowed) and all(v in allowed for v in range(1, top + 1)):
        return  # every value lies in 0..top and all of 1..top are defined: no histogram needed
    # a histogram is linear in the voxels, where np.unique would sort them
    present = np.flatnonzero(np.bincount(plane.ravel()))
    unknown = sorted(int(v) for v in present if v != 0 and int(v) not in allowed)
    if unknown:
        defined = ", ".join(str(n) for n in sorted(allowed)) or "none"
        raise UnknownSegment(
            f"{where} contains segment numbers {unknown} that are not defined (defined: {defined})"
        )


#: Slices are decoded, checked, hashed, compressed and written in parallel: zstd, hashlib and
#: fsync let go of the interpreter lock, and fsyncs issued together share the file system's
#: journal commits, so a full save of hundreds of slices is not hundreds of disk waits in a row.
_SLICE_WORKERS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="labelmap-slices")


class LabelmapStore:
    def __init__(self, root: Path) -> None:
        self.slices = SliceStore(root)

    def apply(
        self,
        patch: LabelmapPatch,
        *,
        parent: LabelmapManifest | None,
        expected_shape: Iterable[int],
        allowed_segments: Collection[int],
    ) -> LabelmapManifest:
        """Validate ``patch`` completely, then store its slices and return the new manifest.

        Nothing is written unless every slice is valid.
        """
        check_shape(patch.shape, expected_shape)
        if parent is not None:
            check_shape(parent.shape, patch.shape)
        _, rows, columns = patch.shape
        dtype = patch.dtype
        if parent is not None and parent.dtype != dtype:
            # widening uint8 → uint16 is fine; the stored slices of the parent keep their type
            dtype = "uint16" if "uint16" in (dtype, parent.dtype) else dtype

        def checked(item: tuple[int, EncodedSlice]) -> np.ndarray:
            index, encoded = item
            plane = decode(encoded.data, codec=encoded.codec, rows=rows, columns=columns, dtype=patch.dtype)
            check_segments(plane, allowed_segments, where=f"slice {index}")
            return plane.astype(DTYPES[dtype], copy=False)

        items = sorted(patch.slices.items())
        planes = list(_SLICE_WORKERS.map(checked, items))  # every slice valid before any is written
        hashes: list[str | None] = list(parent.slices) if parent is not None else [None] * patch.shape[0]
        if parent is not None and parent.dtype != dtype:
            hashes = [self._rewrite(h, parent, dtype) for h in hashes]
        for (index, _), content_hash in zip(items, _SLICE_WORKERS.map(self._put, planes), strict=True):
            hashes[index] = content_hash
        return LabelmapManifest(patch.shape, dtype, tuple(hashes))

    def save_volume(
        self, volume: np.ndarray, *, expected_shape: Iterable[int], allowed_segments: Collection[int]
    ) -> LabelmapManifest:
        check_shape(volume.shape, expected_shape)
        dtype_name(volume.dtype)
        check_segments(volume, allowed_segments, where="labelmap")
        hashes = tuple(_SLICE_WORKERS.map(self._put, (np.ascontiguousarray(plane) for plane in volume)))
        slices, rows, columns = volume.shape
        return LabelmapManifest((slices, rows, columns), dtype_name(volume.dtype), hashes)

    def load(self, manifest: LabelmapManifest) -> np.ndarray:
        volume = np.zeros(manifest.shape, dtype=DTYPES[manifest.dtype])
        for index, content_hash in enumerate(manifest.slices):
            if content_hash is not None:
                volume[index] = self._get(content_hash, manifest)
        return volume

    def load_slice(self, manifest: LabelmapManifest, index: int) -> np.ndarray:
        if not 0 <= index < manifest.shape[0]:
            raise ShapeMismatch(f"slice index {index} is outside 0..{manifest.shape[0] - 1}")
        content_hash = manifest.slices[index]
        if content_hash is None:
            return np.zeros(manifest.shape[1:], dtype=DTYPES[manifest.dtype])
        return self._get(content_hash, manifest)

    def stored_bytes(self, manifest: LabelmapManifest) -> int:
        """Bytes on disk for this version's distinct slices (shared slices counted once)."""
        return sum(self.slices.path_for(h).stat().st_size for h in manifest.used_hashes)

    # -- internals ----------------------------------------------------------------

    def _put(self, plane: np.ndarray) -> str | None:
        if not plane.any():
            return None
        content_hash = slice_hash(plane)
        if content_hash not in self.slices:
            self.slices.put(content_hash, compress(plane))
        return content_hash

    def _get(self, content_hash: str, manifest: LabelmapManifest) -> np.ndarray:
        return decompress(
            self.slices.get(content_hash), rows=manifest.rows, columns=manifest.columns, dtype=manifest.dtype
        )

    def _rewrite(self, content_hash: str | None, parent: LabelmapManifest, dtype: str) -> str | None:
        if content_hash is None:
            return None
        return self._put(self._get(content_hash, parent).astype(DTYPES[dtype]))
