from __future__ import annotations

import gzip
from pathlib import Path

import nibabel as nib
import numpy as np
import pytest
from pydicom.dataset import Dataset

from labelstack.annotations.errors import CorruptFile, ShapeMismatch, UnknownSegment
from labelstack.annotations.geometry import volume_from_datasets
from labelstack.annotations.nifti import read_nifti, write_nifti
from tests.annotations.series_factory import ct_series

NIBABEL_DATA = Path(nib.__file__).parent / "tests" / "data"


def _labelmap(shape: tuple[int, int, int]) -> np.ndarray:
    labelmap = np.zeros(shape, dtype=np.uint8)
    labelmap[3:9, 5:20, 30:50] = 1
    labelmap[20:25, 40:60, 2:12] = 2
    return labelmap


def test_export_places_every_voxel_where_the_series_puts_it(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    labelmap = _labelmap(geometry.shape)
    image = nib.Nifti1Image.from_bytes(gzip.decompress(write_nifti(labelmap, geometry)))
    assert image.shape == (64, 64, 40)
    assert int(image.header["sform_code"]) == 1 and int(image.header["qform_code"]) == 1
    # voxel (column 7, row 11, slice k) in RAS equals the DICOM position with L and P negated
    by_uid = {str(ds.SOPInstanceUID): ds for ds in ct40}
    for k in (0, 17, 39):
        ds = by_uid[geometry.sop_instance_uids[k]]
        ipp = np.asarray([float(v) for v in ds.ImagePositionPatient])
        spacing = [float(v) for v in ds.PixelSpacing]
        lps = ipp + np.asarray([float(v) for v in ds.ImageOrientationPatient[:3]]) * spacing[1] * 7
        lps = lps + np.asarray([float(v) for v in ds.ImageOrientationPatient[3:]]) * spacing[0] * 11
        ras = image.affine @ [7, 11, k, 1]
        assert np.allclose(ras[:3], [-lps[0], -lps[1], lps[2]], atol=1e-3)
    data = np.asarray(image.dataobj)
    assert data.dtype == np.uint8
    assert np.array_equal(data.transpose(2, 1, 0), labelmap)


def test_nifti_round_trips_and_survives_reorientation(ct40: list[Dataset], tmp_path: Path) -> None:
    geometry = volume_from_datasets(ct40)
    labelmap = _labelmap(geometry.shape)
    data = write_nifti(labelmap, geometry)
    assert np.array_equal(read_nifti(data, geometry), labelmap)
    assert np.array_equal(read_nifti(write_nifti(labelmap, geometry, compress=False), geometry), labelmap)
    # another tool re-saves it in RAS+ canonical order (x flipped): still the same labelmap
    canonical = nib.as_closest_canonical(nib.Nifti1Image.from_bytes(gzip.decompress(data)))
    assert not np.allclose(canonical.affine, geometry.nifti_affine)
    path = tmp_path / "canonical.nii.gz"
    nib.save(canonical, path)
    assert np.array_equal(read_nifti(path.read_bytes(), geometry), labelmap)


def test_float_labelmaps_with_whole_values_are_accepted(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    labelmap = _labelmap(geometry.shape)
    image = nib.Nifti1Image(labelmap.transpose(2, 1, 0).astype(np.float32), geometry.nifti_affine)
    assert np.array_equal(read_nifti(image.to_bytes(), geometry), labelmap)
    image = nib.Nifti1Image(labelmap.transpose(2, 1, 0).astype(np.float32) * 0.5, geometry.nifti_affine)
    with pytest.raises(CorruptFile, match="whole segment numbers"):
        read_nifti(image.to_bytes(), geometry)


def test_file_on_another_grid_is_refused(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    labelmap = _labelmap(geometry.shape)
    other = volume_from_datasets(ct_series(40, 64, 64, origin=(-120.0, -110.0, 35.0)))
    with pytest.raises(ShapeMismatch, match="affine does not match the series geometry"):
        read_nifti(write_nifti(labelmap, other), geometry)
    shorter = volume_from_datasets(ct_series(39, 64, 64))
    with pytest.raises(ShapeMismatch, match=r"NIfTI grid \[64, 64, 39\]"):
        read_nifti(write_nifti(labelmap[:39], shorter), geometry)


def test_unknown_segments_are_refused(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    with pytest.raises(UnknownSegment, match=r"\[2\]"):
        read_nifti(write_nifti(_labelmap(geometry.shape), geometry), geometry, allowed_segments={1})


def test_nibabel_sample_images_are_refused_for_a_ct_series(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    anatomical = (NIBABEL_DATA / "anatomical.nii").read_bytes()
    with pytest.raises((ShapeMismatch, CorruptFile)):
        read_nifti(anatomical, geometry)
    four_d = (NIBABEL_DATA / "example4d.nii.gz").read_bytes()
    with pytest.raises((ShapeMismatch, CorruptFile), match=r"3 dimensions|segment numbers"):
        read_nifti(four_d, geometry)


def test_nibabel_sample_image_imports_onto_its_own_grid() -> None:
    """standard.nii.gz from nibabel's tests, read onto a series with the same grid."""
    image = nib.load(NIBABEL_DATA / "standard.nii.gz")
    data = np.asarray(image.dataobj)
    assert data.ndim == 3
    affine = image.affine
    lps = np.diag([-1.0, -1.0, 1.0, 1.0]) @ affine
    columns, rows, slices = data.shape
    spacing = np.linalg.norm(lps[:3, :3], axis=0)
    directions = lps[:3, :3] / spacing
    series = []
    for k in range(slices):
        position = lps @ [0, 0, k, 1]
        series.append(
            _plane_dataset(
                f"1.2.3.{k + 1}",
                position[:3],
                (*directions[:, 0], *directions[:, 1]),
                (spacing[1], spacing[0]),
                rows,
                columns,
            )
        )
    geometry = volume_from_datasets(series)
    labelmap = read_nifti((NIBABEL_DATA / "standard.nii.gz").read_bytes(), geometry)
    assert labelmap.shape == (slices, rows, columns)
    assert np.array_equal(labelmap, data.transpose(2, 1, 0).astype(labelmap.dtype))


def _plane_dataset(
    uid: str,
    position: np.ndarray,
    orientation: tuple[float, ...],
    spacing: tuple[float, float],
    rows: int,
    columns: int,
) -> Dataset:
    ds = Dataset()
    ds.SOPInstanceUID = uid
    ds.ImagePositionPatient = [float(v) for v in position]
    ds.ImageOrientationPatient = [float(v) for v in orientation]
    ds.PixelSpacing = [float(v) for v in spacing]
    ds.Rows, ds.Columns = rows, columns
    return ds


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda b: b"garbage" * 100, "not a readable NIfTI"),
        (lambda b: b[: len(b) // 2], "truncated"),
        (lambda b: b[:2] + b"\x00" * 20 + b[22:], "not valid gzip|not a readable NIfTI|truncated"),
        (lambda b: gzip.compress(gzip.decompress(b)[:400]), "not a readable NIfTI"),
    ],
)
def test_corrupt_files_give_clear_errors(ct40: list[Dataset], mangle, message: str) -> None:  # type: ignore[no-untyped-def]
    geometry = volume_from_datasets(ct40)
    good = write_nifti(_labelmap(geometry.shape), geometry)
    with pytest.raises(CorruptFile, match=message):
        read_nifti(mangle(good), geometry)


def test_gzip_bomb_is_refused(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    bomb = gzip.compress(bytes(64 * 64 * 40 * 8 + 2_000_000))
    with pytest.raises(CorruptFile, match="expands to more"):
        read_nifti(bomb, geometry)
