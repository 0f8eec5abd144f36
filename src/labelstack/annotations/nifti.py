"""NIfTI-1 labelmaps aligned to a series: export with the series' affine, import with checks.

A labelmap exported here opens in any NIfTI viewer on top of the series
converted by a standard tool (dcm2niix-like RAS affine). On import, a file
stored in another axis order or direction (for example re-saved in RAS+
canonical orientation) is turned back into the series' order; a file whose
grid does not coincide with the series is refused with the offset found.
"""

from __future__ import annotations

import gzip
import zlib

import nibabel as nib
import numpy as np
from nibabel import orientations

from labelstack.annotations.errors import CorruptFile, ShapeMismatch
from labelstack.annotations.geometry import VolumeGeometry
from labelstack.annotations.labelmaps import check_segments
from labelstack.annotations.slicecodec import dtype_name

GZIP_MAGIC = b"\x1f\x8b"
#: Beyond this many bytes per voxel a decompressed file is not a labelmap (zip bomb guard).
MAX_BYTES_PER_VOXEL = 8


def write_nifti(labelmap: np.ndarray, geometry: VolumeGeometry, *, compress: bool = True) -> bytes:
    if labelmap.shape != geometry.shape:
        raise ShapeMismatch(
            f"labelmap shape {list(labelmap.shape)} does not match the series {list(geometry.shape)}"
        )
    dtype_name(labelmap.dtype)
    data = np.ascontiguousarray(labelmap.transpose(2, 1, 0))
    image = nib.Nifti1Image(data, geometry.nifti_affine)
    image.header.set_xyzt_units("mm", "sec")
    image.header.set_intent("label", name="labelstack")
    image.set_qform(geometry.nifti_affine, code="scanner")
    image.set_sform(geometry.nifti_affine, code="scanner")
    raw = image.to_bytes()
    return gzip.compress(raw, compresslevel=6, mtime=0) if compress else raw


def read_nifti(
    data: bytes,
    geometry: VolumeGeometry,
    *,
    allowed_segments: set[int] | None = None,
    tolerance_mm: float = 0.05,
) -> np.ndarray:
    """A labelmap (slices, rows, columns) from a NIfTI file that must lie on ``geometry``."""
    slices, rows, columns = geometry.shape
    raw = _gunzip(data, limit=slices * rows * columns * MAX_BYTES_PER_VOXEL + 1_000_000)
    image = _parse(raw)
    array = _integer_voxels(image)
    if array.ndim == 4 and array.shape[3] == 1:
        array = array[..., 0]
    if array.ndim != 3:
        raise ShapeMismatch(
            f"a labelmap NIfTI has 3 dimensions, this one has {array.ndim} {list(array.shape)}"
        )
    affine = image.affine
    if affine is None:  # pragma: no cover - nibabel always provides one for NIfTI-1/2
        raise CorruptFile("the NIfTI file has no affine")
    source = orientations.io_orientation(affine)
    target = orientations.io_orientation(geometry.nifti_affine)
    transform = orientations.ornt_transform(source, target)
    array = orientations.apply_orientation(array, transform)
    affine = affine @ orientations.inv_ornt_aff(transform, image.shape[:3])
    expected = (columns, rows, slices)
    if array.shape != expected:
        raise ShapeMismatch(
            f"NIfTI grid {list(array.shape)} (columns, rows, slices) does not match "
            f"the series {list(expected)}"
        )
    if not geometry.matches_nifti_affine(affine, tolerance_mm=tolerance_mm):
        offset = np.abs(affine - geometry.nifti_affine)[:3].max()
        raise ShapeMismatch(
            f"NIfTI affine does not match the series geometry (differs by up to {offset:.3g} mm or units); "
            "the file was made on other images or resampled"
        )
    labelmap = np.ascontiguousarray(array.transpose(2, 1, 0))
    if allowed_segments is not None:
        check_segments(labelmap, allowed_segments, where="NIfTI labelmap")
    return labelmap


def _gunzip(data: bytes, *, limit: int) -> bytes:
    if not data.startswith(GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        raw = inflater.decompress(data, limit)
    except zlib.error as exc:
        raise CorruptFile(f"the NIfTI file is not valid gzip: {exc}") from None
    if inflater.unconsumed_tail:
        raise CorruptFile("the NIfTI file expands to more than a labelmap of this series can hold")
    if not inflater.eof:
        raise CorruptFile("the NIfTI file is truncated (gzip stream ends early)")
    return raw


def _parse(raw: bytes) -> nib.Nifti1Image:
    for kind in (nib.Nifti1Image, nib.Nifti2Image):
        try:
            image = kind.from_bytes(raw)
            np.asarray(image.dataobj)
            return image
        except Exception:  # nibabel raises a wide range of errors for broken input
            continue
    raise CorruptFile("not a readable NIfTI-1 or NIfTI-2 file (bad header or truncated data)")


def _integer_voxels(image: nib.Nifti1Image) -> np.ndarray:
    values = np.asanyarray(image.dataobj)
    if values.dtype.kind == "b":
        return values.astype(np.uint8)
    if values.dtype.kind == "f":
        if not np.all(np.isfinite(values)) or not np.all(values == np.round(values)):
            raise CorruptFile("NIfTI voxels must be whole segment numbers, found fractional values")
        values = values.astype(np.int64)
    if values.dtype.kind not in "iu":
        raise CorruptFile(f"NIfTI voxels of type {values.dtype} cannot be segment numbers")
    if values.size and (values.min() < 0 or values.max() > 65535):
        raise CorruptFile(
            f"NIfTI voxels must be segment numbers 0..65535, found {values.min()}..{values.max()}"
        )
    target = np.uint8 if values.size == 0 or values.max() < 256 else np.uint16
    return values.astype(target)
