from __future__ import annotations

import numpy as np
import pytest
import zstandard

from labelstack.annotations import slicecodec
from labelstack.annotations.errors import AnnotationFormatError, ShapeMismatch


def _plane(dtype: str = "uint8") -> np.ndarray:
    plane = np.zeros((32, 48), dtype=dtype)
    plane[4:10, 5:30] = 1
    plane[20:25, 40:48] = 7
    return plane


@pytest.mark.parametrize("codec", ["zstd", "rle", "raw"])
@pytest.mark.parametrize("dtype", ["uint8", "uint16"])
def test_every_codec_round_trips(codec: str, dtype: str) -> None:
    plane = _plane(dtype)
    if dtype == "uint16":
        plane[0, 0] = 4000
    data = slicecodec.encode(plane, codec)
    back = slicecodec.decode(data, codec=codec, rows=32, columns=48, dtype=dtype)
    assert back.dtype == np.dtype(dtype)
    assert np.array_equal(back, plane)


def test_run_length_is_value_length_pairs() -> None:
    plane = np.array([[0, 0, 3], [3, 3, 0]], dtype=np.uint8)
    pairs = np.frombuffer(slicecodec.rle_encode(plane), dtype="<u4").tolist()
    assert pairs == [0, 2, 3, 3, 0, 1]


def test_hash_depends_on_pixels_type_and_size() -> None:
    plane = _plane()
    assert slicecodec.slice_hash(plane) == slicecodec.slice_hash(plane.copy())
    assert slicecodec.slice_hash(plane) != slicecodec.slice_hash(plane.astype(np.uint16))
    assert slicecodec.slice_hash(plane) != slicecodec.slice_hash(plane.reshape(48, 32))
    changed = plane.copy()
    changed[0, 0] = 1
    assert slicecodec.slice_hash(plane) != slicecodec.slice_hash(changed)


def test_wrong_sizes_are_refused_with_the_expected_size() -> None:
    plane = _plane()
    with pytest.raises(ShapeMismatch, match=r"expected 1600 \(32x50 uint8\)"):
        slicecodec.decode(slicecodec.compress(plane), codec="zstd", rows=32, columns=50, dtype="uint8")
    with pytest.raises(ShapeMismatch, match="covers 1536 pixels"):
        slicecodec.decode(slicecodec.rle_encode(plane), codec="rle", rows=32, columns=49, dtype="uint8")
    with pytest.raises(ShapeMismatch, match="raw slice holds 1536 bytes"):
        slicecodec.decode(plane.tobytes(), codec="raw", rows=32, columns=48, dtype="uint16")


def test_garbage_and_bombs_are_refused() -> None:
    with pytest.raises(AnnotationFormatError, match="not valid zstd"):
        slicecodec.decode(b"not zstd at all", codec="zstd", rows=4, columns=4, dtype="uint8")
    bomb = zstandard.ZstdCompressor().compress(bytes(10_000_000))
    with pytest.raises(AnnotationFormatError):
        slicecodec.decode(bomb, codec="zstd", rows=4, columns=4, dtype="uint8")
    with pytest.raises(AnnotationFormatError, match="uint32 pairs"):
        slicecodec.decode(b"12345", codec="rle", rows=1, columns=1, dtype="uint8")
    with pytest.raises(AnnotationFormatError, match="too large for uint8"):
        pairs = np.array([300, 4], dtype="<u4").tobytes()
        slicecodec.decode(pairs, codec="rle", rows=2, columns=2, dtype="uint8")
    with pytest.raises(ValueError):
        slicecodec.decode(b"", codec="png", rows=1, columns=1, dtype="uint8")
    with pytest.raises(AnnotationFormatError, match="dtype must be one of"):
        slicecodec.decode(b"", codec="raw", rows=1, columns=1, dtype="int32")
