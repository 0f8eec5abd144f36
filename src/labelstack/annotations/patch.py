"""A labelmap save that carries only the slices that changed.

A patch names the labelmap's full shape and type and maps slice indices to
encoded slices (zstd, run-length or raw). Applied on top of the parent
version's manifest it gives the new version; without a parent, unnamed slices
are background, so a full save is a patch that names every non-empty slice.

Two wire forms: JSON (slices base64-encoded) and a compact binary container,
``LSPATCH1`` + little-endian uint32 header length + JSON header + payloads.
"""

from __future__ import annotations

import base64
import binascii
import json
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from labelstack.annotations.enums import SliceCodec
from labelstack.annotations.errors import AnnotationFormatError, ShapeMismatch
from labelstack.annotations.slicecodec import dtype_name, encode

MAGIC = b"LSPATCH1"


@dataclass(frozen=True)
class EncodedSlice:
    codec: SliceCodec
    data: bytes


@dataclass(frozen=True)
class LabelmapPatch:
    shape: tuple[int, int, int]
    dtype: str
    slices: Mapping[int, EncodedSlice] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.shape) != 3 or any(int(n) <= 0 for n in self.shape):
            raise AnnotationFormatError(
                f"labelmap shape must be three positive sizes, not {list(self.shape)}"
            )
        for index in self.slices:
            if not 0 <= index < self.shape[0]:
                raise ShapeMismatch(f"slice index {index} is outside 0..{self.shape[0] - 1}")

    @property
    def payload_bytes(self) -> int:
        return sum(len(s.data) for s in self.slices.values())

    # -- building -----------------------------------------------------------------

    @classmethod
    def from_slices(
        cls,
        shape: tuple[int, int, int],
        planes: Mapping[int, np.ndarray],
        *,
        codec: SliceCodec | str = SliceCodec.ZSTD,
    ) -> LabelmapPatch:
        dtype = dtype_name(next(iter(planes.values())).dtype) if planes else "uint8"
        return cls(
            _three(shape),
            dtype,
            {int(k): EncodedSlice(SliceCodec(codec), encode(p, codec)) for k, p in planes.items()},
        )

    @classmethod
    def from_volume(cls, volume: np.ndarray, *, codec: SliceCodec | str = SliceCodec.ZSTD) -> LabelmapPatch:
        """A full save: every non-empty slice of ``volume``."""
        if volume.ndim != 3:
            raise ShapeMismatch(
                f"a labelmap volume has 3 dimensions (slices, rows, columns), not {volume.ndim}"
            )
        nonempty = np.flatnonzero(volume.reshape(volume.shape[0], -1).any(axis=1))
        patch = cls.from_slices(_three(volume.shape), {int(k): volume[k] for k in nonempty}, codec=codec)
        return cls(patch.shape, dtype_name(volume.dtype), patch.slices)

    # -- JSON form ----------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "shape": list(self.shape),
            "dtype": self.dtype,
            "slices": {
                str(k): {"codec": s.codec.value, "data": base64.b64encode(s.data).decode()}
                for k, s in sorted(self.slices.items())
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LabelmapPatch:
        try:
            shape = tuple(int(n) for n in data["shape"])
            dtype = str(data.get("dtype", "uint8"))
            slices: dict[int, EncodedSlice] = {}
            for key, item in dict(data.get("slices") or {}).items():
                slices[int(key)] = EncodedSlice(
                    SliceCodec(item.get("codec", "zstd")), base64.b64decode(item["data"], validate=True)
                )
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise AnnotationFormatError(f"malformed labelmap patch: {exc}") from None
        if len(shape) != 3:
            raise ShapeMismatch(f"labelmap shape must have 3 sizes (slices, rows, columns), not {len(shape)}")
        return cls(shape, dtype, slices)

    # -- binary form --------------------------------------------------------------

    def to_bytes(self) -> bytes:
        ordered = sorted(self.slices.items())
        header = {
            "shape": list(self.shape),
            "dtype": self.dtype,
            "slices": [{"index": k, "codec": s.codec.value, "length": len(s.data)} for k, s in ordered],
        }
        head = json.dumps(header, separators=(",", ":")).encode()
        return b"".join([MAGIC, struct.pack("<I", len(head)), head, *(s.data for _, s in ordered)])

    @classmethod
    def from_bytes(cls, body: bytes) -> LabelmapPatch:
        if not body.startswith(MAGIC) or len(body) < len(MAGIC) + 4:
            raise AnnotationFormatError("not a labelmap patch (missing LSPATCH1 header)")
        (head_length,) = struct.unpack_from("<I", body, len(MAGIC))
        start = len(MAGIC) + 4
        try:
            header = json.loads(body[start : start + head_length])
            offset = start + head_length
            slices: dict[int, EncodedSlice] = {}
            for item in header["slices"]:
                length = int(item["length"])
                if length < 0 or offset + length > len(body):
                    raise AnnotationFormatError("labelmap patch is truncated")
                slices[int(item["index"])] = EncodedSlice(
                    SliceCodec(item["codec"]), body[offset : offset + length]
                )
                offset += length
            shape = tuple(int(n) for n in header["shape"])
            dtype = str(header["dtype"])
        except (KeyError, TypeError, ValueError) as exc:
            raise AnnotationFormatError(f"malformed labelmap patch header: {exc}") from None
        if offset != len(body):
            raise AnnotationFormatError(f"labelmap patch has {len(body) - offset} unexpected trailing bytes")
        if len(shape) != 3:
            raise ShapeMismatch(f"labelmap shape must have 3 sizes (slices, rows, columns), not {len(shape)}")
        return cls(shape, dtype, slices)


def _three(shape: tuple[int, ...] | list[int]) -> tuple[int, int, int]:
    if len(shape) != 3:
        raise ShapeMismatch(f"labelmap shape must have 3 sizes (slices, rows, columns), not {len(shape)}")
    return (int(shape[0]), int(shape[1]), int(shape[2]))
