from __future__ import annotations

import numpy as np
import pytest
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset

from labelstack.annotations.errors import GeometryError
from labelstack.annotations.geometry import ImagePlane, volume_from_datasets, volume_from_planes
from tests.annotations.series_factory import ct_series


def test_slices_are_ordered_along_the_normal(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    positions = [float(ds.ImagePositionPatient[2]) for ds in ct40]
    by_uid = {str(ds.SOPInstanceUID): float(ds.ImagePositionPatient[2]) for ds in ct40}
    assert [by_uid[uid] for uid in geometry.sop_instance_uids] == sorted(positions)
    assert geometry.shape == (40, 64, 64)
    assert geometry.slice_spacing == pytest.approx(2.5)


def test_affine_maps_voxels_to_each_slice_position(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    by_uid = {str(ds.SOPInstanceUID): ds for ds in ct40}
    for k, uid in enumerate(geometry.sop_instance_uids):
        ds = by_uid[uid]
        lps = geometry.lps_affine @ [0, 0, k, 1]
        assert np.allclose(lps[:3], [float(v) for v in ds.ImagePositionPatient], atol=1e-3)
        # column 10, row 5: 10 x column spacing along the row, 5 x row spacing down the column
        lps = geometry.lps_affine @ [10, 5, k, 1]
        expected = np.asarray([float(v) for v in ds.ImagePositionPatient]) + np.array([10 * 0.8, 5 * 0.7, 0])
        assert np.allclose(lps[:3], expected, atol=1e-3)
    ras = geometry.nifti_affine @ [0, 0, 0, 1]
    lps0 = geometry.lps_affine @ [0, 0, 0, 1]
    assert np.allclose(ras[:3], [-lps0[0], -lps0[1], lps0[2]])


def test_oblique_series_contours_round_trip_through_patient_space() -> None:
    c, s = np.cos(0.3), np.sin(0.3)
    datasets = ct_series(6, 32, 40, orientation=(c, s, 0, 0, 0, -1), spacing=3.0)
    geometry = volume_from_datasets(datasets)
    points = [(1.5, 2.0), (30.0, 4.25), (12.0, 28.5)]
    patient = geometry.image_to_patient(points, 4)
    back = geometry.patient_to_image(patient)
    assert np.allclose(back[:, :2], points)
    assert np.allclose(back[:, 2], 4)
    # a point on slice 4 lies in that slice's plane
    plane = geometry.planes[4]
    assert np.allclose((patient - plane.position) @ plane.normal, 0, atol=1e-3)


def test_plane_from_archive_dicom_json_equals_plane_from_dataset() -> None:
    ds = dcmread(get_testdata_file("MR_small.dcm"))
    assert ImagePlane.from_dicom_json(ds.to_json_dict()) == ImagePlane.from_dataset(ds)
    with pytest.raises(GeometryError, match=r"lacks attribute \(0020,0032\)"):
        data = ds.to_json_dict()
        del data["00200032"]
        ImagePlane.from_dicom_json(data)


def test_single_slice_uses_its_thickness() -> None:
    ds = dcmread(get_testdata_file("CT_small.dcm"))
    geometry = volume_from_datasets([ds])
    assert geometry.shape == (1, 128, 128)
    assert geometry.slice_spacing == pytest.approx(float(ds.SliceThickness))


def _plane(uid: str, z: float, **changes: object) -> ImagePlane:
    values: dict[str, object] = {
        "sop_instance_uid": uid,
        "position": (0.0, 0.0, z),
        "orientation": (1.0, 0.0, 0.0, 0.0, 1.0, 0.0),
        "pixel_spacing": (1.0, 1.0),
        "rows": 8,
        "columns": 8,
    }
    values.update(changes)
    return ImagePlane(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("planes", "message"),
    [
        ([], "no images"),
        (
            [_plane("a", 0), _plane("b", 1, orientation=(0.0, 1.0, 0.0, 0.0, 0.0, 1.0))],
            "image b has orientation",
        ),
        ([_plane("a", 0), _plane("b", 1, rows=9)], r"image b is 9x8, unlike 8x8"),
        ([_plane("a", 0), _plane("b", 0)], "images a and b lie at the same position"),
        (
            [_plane("a", 0), _plane("b", 1), _plane("c", 2), _plane("d", 5)],
            "slice spacing is irregular: 3 mm between images c and d",
        ),
        ([_plane("a", 0), _plane("b", 1, position=(4.0, 0.0, 1.0))], "image b is shifted within its plane"),
        ([_plane("a", 0), _plane("b", 1, pixel_spacing=(2.0, 2.0))], "different pixel spacing"),
    ],
)
def test_irregular_series_are_refused_with_the_culprit(planes: list[ImagePlane], message: str) -> None:
    with pytest.raises(GeometryError, match=message):
        volume_from_planes(planes)


def test_missing_geometry_attribute_names_the_image() -> None:
    ds = dcmread(get_testdata_file("CT_small.dcm"))
    del ds.ImageOrientationPatient
    with pytest.raises(GeometryError, match=f"image {ds.SOPInstanceUID} lacks plane geometry"):
        ImagePlane.from_dataset(ds)
