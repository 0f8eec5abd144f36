"""One labelmap slice as bytes: zstd for storage, zstd, run-length or raw from clients.

A slice is a 2-D array of segment numbers (uint8 or uint16, 0 = background).
Storage always uses zstd of the little-endian raw bytes; clients may send
zstd, a run-length form that is trivial to produce in a browser, or raw
bytes. Decoding checks the exact size so that a truncated or oversized
payload is refused instead of silently padded.
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np
import zstandard

from labelstack.annotations.enums import SliceCodec
from labelstack.annotations.errors import AnnotationFormatError, ShapeMismatch

#: Segment number types a labelmap may use (PS3.3 allows up to 65535 segments).
DTYPES: dict[str, np.dtype[Any]] = {"uint8": np.dtype("<u1"), "uint16": np.dtype("<u2")}

ZSTD_LEVEL = 3


def dtype_of(name: str) -> np.dtype:
    try:
        return DTYPES[name]
    except KeyError:
        raise AnnotationFormatError(f"labelmap dtype must be one of {sorted(DTYPES)}, not {name!r}") from None


def dtype_name(dtype: np.dtype) -> str:
    for name, known in DTYPES.items():
        if np.dtype(dtype) == known or np.dtype(dtype).newbyteorder("<") == known:
            return name
    raise AnnotationFormatError(f"labelmap dtype must be uint8 or uint16, not {np.dtype(dtype)}")


def slice_hash(plane: np.ndarray) -> str:
    """Content hash of a slice: equal pixels, type and size give the same hash."""
    raw = np.ascontiguousarray(plane, dtype=plane.dtype.newbyteorder("<"))
    header = f"{dtype_name(plane.dtype)}:{plane.shape[0]}:{plane.shape[1]}:".encode()
    return hashlib.sha256(header + raw.tobytes()).hexdigest()


def compress(plane: np.ndarray) -> bytes:
    raw = np.ascontiguousarray(plane, dtype=plane.dtype.newbyteorder("<")).tobytes()
    return zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_content_size=True).compress(raw)


def decompress(blob: bytes, *, rows: int, columns: int, dtype: str) -> np.ndarray:
    np_dtype = dtype_of(dtype)
    expected = rows * columns * np_dtype.itemsize
    try:
        raw = zstandard.ZstdDecompressor().decompress(blob, max_output_size=expected + 1)
    except zstandard.ZstdError as exc:
        raise AnnotationFormatError(f"slice is not valid zstd data: {exc}") from None
    if len(raw) != expected:
        raise ShapeMismatch(f"slice holds {len(raw)} bytes, expected {expected} ({rows}x{columns} {dtype})")
    return np.frombuffer(raw, dtype=np_dtype).reshape(rows, columns)


def rle_encode(plane: np.ndarray) -> bytes:
    """Run-length form: little-endian uint32 pairs (value, run length) in raster order."""
    flat = np.ascontiguousarray(plane).ravel()
    if flat.size == 0:
        return b""
    change = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    starts = np.concatenate(([0], change))
    runs = np.diff(np.concatenate((starts, [flat.size])))
    pairs = np.empty(starts.size * 2, dtype="<u4")
    pairs[0::2] = flat[starts]
    pairs[1::2] = runs
    return pairs.tobytes()


def rle_decode(data: bytes, *, rows: int, columns: int, dtype: str) -> np.ndarray:
    np_dtype = dtype_of(dtype)
    if len(data) % 8:
        raise AnnotationFormatError("run-length slice must be a whole number of (value, length) uint32 pairs")
    pairs = np.frombuffer(data, dtype="<u4")
    values, runs = pairs[0::2], pairs[1::2]
    total = int(runs.sum(dtype=np.uint64))
    if total != rows * columns:
        raise ShapeMismatch(f"run-length slice covers {total} pixels, expected {rows}x{columns}")
    if values.size and int(values.max()) > np.iinfo(np_dtype).max:
        raise AnnotationFormatError(
            f"run-length slice holds value {int(values.max())}, too large for {dtype}"
        )
    return np.repeat(values.astype(np_dtype), runs).reshape(rows, columns)


def decode(data: bytes, *, codec: SliceCodec | str, rows: int, columns: int, dtype: str) -> np.ndarray:
    """A client's slice payload as an array, whatever codec it chose."""
    codec = SliceCodec(codec)
    if codec is SliceCodec.ZSTD:
        return decompress(data, rows=rows, columns=columns, dtype=dtype)
    if codec is SliceCodec.RLE:
        return rle_decode(data, rows=rows, columns=columns, dtype=dtype)
    np_dtype = dtype_of(dtype)
    if len(data) != rows * columns * np_dtype.itemsize:
        raise ShapeMismatch(
            f"raw slice holds {len(data)} bytes, expected {rows * columns * np_dtype.itemsize}"
            f" ({rows}x{columns} {dtype})"
        )
    return np.frombuffer(data, dtype=np_dtype).reshape(rows, columns)


def encode(plane: np.ndarray, codec: SliceCodec | str = SliceCodec.ZSTD) -> bytes:
    codec = SliceCodec(codec)
    if codec is SliceCodec.ZSTD:
        return compress(plane)
    if codec is SliceCodec.RLE:
        return rle_encode(plane)
    return np.ascontiguousarray(plane, dtype=plane.dtype.newbyteorder("<")).tobytes()
