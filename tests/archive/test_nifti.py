"""NIfTI volumes become DICOM series whose geometry reproduces the NIfTI affine."""

from __future__ import annotations

import gzip
from pathlib import Path

import nibabel as nib
import numpy as np
import pytest
from pydicom.pixels import apply_modality_lut
from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.archive import nifti
from labelstack.archive.demo_data import PHASES, write_cardiac_files
from labelstack.archive.geometry import affine_from_positions
from labelstack.archive.nifti import NiftiGrouping, ingest_nifti
from labelstack.archive.store import LocalFileStore
from labelstack.config import Settings
from labelstack.models import Instance, Series
from labelstack.services.audit import Actor
from labelstack.services.errors import InvalidInput, PayloadTooLarge
from tests.dicom_fixtures import NIBABEL_DATA, dataset


def _ingest(
    db: Session, store: LocalFileStore, settings: Settings, data: bytes, name: str, **grouping: object
) -> Series:
    outcome = ingest_nifti(
        db,
        store=store,
        originals_dir=settings.data_dir / "originals",
        data=data,
        name=name,
        source="test",
        actor=Actor.system("test"),
        grouping=NiftiGrouping(**grouping),  # type: ignore[arg-type]
        max_bytes=settings.max_file_bytes,
    )
    assert outcome.status == "stored", outcome.reason
    return db.scalars(select(Series).where(Series.series_instance_uid == outcome.series_instance_uid)).one()


def _volume_from_series(db: Session, store: LocalFileStore, series: Series) -> tuple[np.ndarray, np.ndarray]:
    """Rebuild (x, y, z, t) voxels and the RAS affine from the stored DICOM instances (in k order)."""
    instances = sorted(
        db.scalars(select(Instance).where(Instance.series_fk == series.id)).all(),
        key=lambda i: i.instance_number or 0,
    )
    times = sorted({i.temporal_position or 0 for i in instances})
    per_time = [[i for i in instances if (i.temporal_position or 0) == t] for t in times]
    first = dataset(store.get(per_time[0][0].storage_key))
    second = per_time[0][1].image_position if len(per_time[0]) > 1 else None
    affine = affine_from_positions(
        [float(v) for v in first.ImageOrientationPatient[:3]],
        [float(v) for v in first.ImageOrientationPatient[3:]],
        [float(v) for v in first.PixelSpacing],
        [float(v) for v in first.ImagePositionPatient],
        second,
    )
    volume = np.stack(
        [
            np.stack(
                [
                    apply_modality_lut(ds.pixel_array, ds).T
                    for ds in (dataset(store.get(i.storage_key)) for i in row)
                ],
                axis=-1,
            )
            for row in per_time
        ],
        axis=-1,
    )
    return volume, affine


@pytest.mark.parametrize(
    "file_name", ["anatomical.nii", "example4d.nii.gz", "reoriented_anat_moved.nii", "example_nifti2.nii.gz"]
)
def test_geometry_and_voxels_reproduce_the_nifti(
    file_name: str, write_db: Session, store: LocalFileStore, settings: Settings
):
    data = (NIBABEL_DATA / file_name).read_bytes()
    series = _ingest(write_db, store, settings, data, file_name)
    image = nib.load(NIBABEL_DATA / file_name)
    volume, affine = _volume_from_series(write_db, store, series)
    assert np.allclose(affine, image.affine, atol=1e-4), (affine, image.affine)
    expected = np.asanyarray(image.dataobj)
    if expected.ndim == 3:
        expected = expected[..., np.newaxis]
    span = float(expected.max() - expected.min()) or 1.0
    assert volume.shape == expected.shape
    assert np.abs(volume - expected).max() <= span / 65535 + 1e-6
    facts = series.extra["nifti"]
    assert facts["shape"] == list(expected.shape)
    assert facts["time_points"] == expected.shape[3]
    assert np.allclose(facts["spacing"], image.header.get_zooms()[:3])
    assert series.number_of_instances == expected.shape[2] * expected.shape[3]
    assert series.frame_of_reference_uid


def test_cardiac_4d_with_named_phases(
    write_db: Session, store: LocalFileStore, settings: Settings, tmp_path: Path
):
    path = write_cardiac_files(tmp_path)
    series = _ingest(
        write_db, store, settings, path.read_bytes(), path.name, phases=list(PHASES), modality="MR"
    )
    instances = write_db.scalars(select(Instance).where(Instance.series_fk == series.id)).all()
    assert sorted({i.temporal_position for i in instances}) == [1, 2]
    es = dataset(store.get(next(i for i in instances if i.temporal_position == 2).storage_key))
    assert es.ImageComments == "phase ES" and es.NumberOfTemporalPositions == 2
    assert float(es.TriggerTime) == pytest.approx(350.0)
    assert series.extra["nifti"]["phases"] == ["ED", "ES"]
    labels = nib.load(tmp_path / "cardiac_cine_ED_labels.nii.gz")
    assert np.allclose(labels.affine, _volume_from_series(write_db, store, series)[1], atol=1e-4)
    assert set(np.unique(np.asanyarray(labels.dataobj))) == {0, 1, 2, 3}


def test_grouping_from_the_file_name_and_idempotent_reimport(
    write_db: Session, store: LocalFileStore, settings: Settings
):
    data = (NIBABEL_DATA / "anatomical.nii").read_bytes()
    series = _ingest(write_db, store, settings, data, "sub-01_T1w.nii")
    assert series.study.patient.patient_id == "sub-01"
    assert series.description == "sub-01_T1w"
    again = ingest_nifti(
        write_db, store=store, originals_dir=settings.data_dir / "originals", data=data,
        name="sub-01_T1w.nii", source="test", actor=Actor.system("t"), max_bytes=settings.max_file_bytes,
    )  # fmt: skip
    assert again.status == "duplicate"
    assert len(write_db.scalars(select(Series)).all()) == 1


BROKEN = {
    "truncated voxels": lambda data: data[: len(data) // 2],
    "bad datatype": lambda data: data[:70] + (999).to_bytes(2, "big") + data[72:],
    "zero dimension": lambda data: data[:42] + (0).to_bytes(2, "big") + data[44:],
    "header only": lambda data: data[:200],
    "not nifti": lambda data: b"\x00" * 400,
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_nifti_is_invalid_input(
    case: str, write_db: Session, store: LocalFileStore, settings: Settings
):
    data = (NIBABEL_DATA / "anatomical.nii").read_bytes()  # big-endian header
    with pytest.raises(InvalidInput):
        ingest_nifti(
            write_db, store=store, originals_dir=settings.data_dir / "originals", data=BROKEN[case](data),
            name="broken.nii", source="t", actor=Actor.system("t"), max_bytes=settings.max_file_bytes,
        )  # fmt: skip
    assert write_db.scalars(select(Instance)).all() == []


def test_gzip_bomb_is_refused(settings: Settings):
    bomb = gzip.compress(b"\x5c\x01\x00\x00" + bytes(5_000_000))
    with pytest.raises(PayloadTooLarge, match="expands beyond"):
        nifti.load(bomb, max_bytes=1_000_000)
