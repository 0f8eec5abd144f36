"""Pixels to pictures: decode one frame in any transfer syntax, apply LUTs and window, encode.

Decoding uses pydicom's pixel handlers with the pylibjpeg plugins (JPEG
baseline/extended/lossless, JPEG-LS, JPEG 2000, RLE). The modality LUT
(PS3.3 C.11.1) turns stored values into real units; the window (PS3.3 C.11.2,
from the dataset or given by the caller) maps them to grey levels.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pydicom
from PIL import Image
from pydicom.dataset import Dataset
from pydicom.pixels import apply_color_lut, apply_modality_lut, pixel_array

__all__ = ["apply_modality_lut", "number_of_frames"]

from labelstack.archive.dicom_files import number_of_frames
from labelstack.services.errors import InvalidInput, NotFound

ImageFormat = Literal["png", "jpeg"]
MEDIA_TYPES: dict[str, str] = {"png": "image/png", "jpeg": "image/jpeg"}


class CannotRender(InvalidInput):
    """The instance has no pixels we can decode."""


@dataclass(frozen=True)
class Window:
    """A VOI window: centre and width in modality units (e.g. Hounsfield)."""

    center: float
    width: float


def read_dataset(data: bytes) -> Dataset:
    return pydicom.dcmread(io.BytesIO(data))


def decode_frame(ds: Dataset, frame: int = 0) -> np.ndarray:
    """One frame's pixels: (rows, columns) for grey, (rows, columns, 3) for colour."""
    if "PixelData" not in ds:
        raise CannotRender("this instance has no pixel data")
    frames = number_of_frames(ds)
    if not 0 <= frame < frames:
        raise NotFound(f"frame {frame + 1} does not exist (the instance has {frames})")
    try:
        arr = pixel_array(ds, index=frame if frames > 1 else None)
    except Exception as exc:  # missing codec or corrupt stream
        raise CannotRender(f"cannot decode the pixel data: {exc}") from exc
    if arr.ndim == 3 and frames > 1 and arr.shape[-1] not in (3, 4):
        arr = arr[0]
    return arr


def to_8bit(ds: Dataset, arr: np.ndarray, window: Window | None = None) -> np.ndarray:
    """Grey or RGB 8-bit pixels ready for display."""
    photometric = str(ds.get("PhotometricInterpretation", "MONOCHROME2")).strip()
    if photometric == "PALETTE COLOR":
        arr = apply_color_lut(arr, ds)
    if arr.ndim == 3:
        return _scale_color(arr)
    values = apply_modality_lut(arr, ds).astype(np.float32)
    window = window or dataset_window(ds) or _range_window(values)
    low = window.center - 0.5 - (window.width - 1) / 2
    span = max(window.width - 1, 1.0)
    grey = np.clip((values - low) / span, 0.0, 1.0) * 255.0
    if photometric == "MONOCHROME1":
        grey = 255.0 - grey
    return np.rint(grey).astype(np.uint8)


def _scale_color(arr: np.ndarray) -> np.ndarray:
    if arr.dtype == np.uint8:
        return arr[..., :3]
    top = float(arr.max()) or 1.0
    return (arr[..., :3].astype(np.float32) / top * 255.0).astype(np.uint8)


def dataset_window(ds: Dataset) -> Window | None:
    center, width = ds.get("WindowCenter"), ds.get("WindowWidth")
    if center is None or width is None:
        return None
    try:
        c = float(center[0] if isinstance(center, pydicom.multival.MultiValue) else center)
        w = float(width[0] if isinstance(width, pydicom.multival.MultiValue) else width)
    except (TypeError, ValueError, IndexError):
        return None
    return Window(c, w) if w > 0 else None


def _range_window(values: np.ndarray) -> Window:
    """Robust min/max: the 0.5th to 99.5th percentile, so one hot pixel does not wash out the image."""
    low, high = np.percentile(values, [0.5, 99.5]) if values.size else (0.0, 1.0)
    if high <= low:
        high = low + 1
    return Window(center=float(low + high) / 2, width=float(high - low))


def encode(
    pixels: np.ndarray, fmt: ImageFormat = "png", *, max_size: int | None = None, quality: int = 90
) -> bytes:
    image = Image.fromarray(pixels)
    if max_size:
        image.thumbnail((max_size, max_size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if fmt == "jpeg":
        image.convert("RGB" if pixels.ndim == 3 else "L").save(out, "JPEG", quality=quality)
    else:
        image.save(out, "PNG", optimize=False)
    return out.getvalue()


def render(
    data: bytes,
    *,
    frame: int = 0,
    window: Window | None = None,
    fmt: ImageFormat = "png",
    max_size: int | None = None,
    quality: int = 90,
) -> bytes:
    """Encoded picture of one frame of the DICOM file ``data``."""
    ds = read_dataset(data)
    return encode(to_8bit(ds, decode_frame(ds, frame), window), fmt, max_size=max_size, quality=quality)
