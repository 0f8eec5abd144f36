"""The demo image set: real pydicom files plus generated series, loaded idempotently."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.archive import demo_data
from labelstack.config import Settings
from labelstack.models import Instance, Series


def test_demo_images_load_once_with_the_promised_series(write_db: Session, settings: Settings):
    first = demo_data.load_images(write_db, settings=settings)
    assert "rejected" not in first
    series = write_db.scalars(select(Series)).all()
    by_description = {s.description: s for s in series}
    assert by_description["Axial 1.5 mm"].number_of_instances >= 200
    assert by_description["Sagittal T1 (RLE)"].modality == "MR"
    assert by_description["Apical cine"].number_of_frames == 30
    cardiac = by_description["Short axis cine (ED/ES)"]
    assert cardiac.source_format == "nifti" and cardiac.extra["nifti"]["phases"] == ["ED", "ES"]
    assert {s.modality for s in series} >= {"CT", "MR", "US", "OT"}
    syntaxes = set(write_db.scalars(select(Instance.transfer_syntax_uid).distinct()).all())
    assert {"1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.50"} <= syntaxes
    folder = demo_data.demo_dir(settings)
    assert {p.name for p in folder.iterdir()} >= {
        "cardiac_cine_ED_ES.nii.gz",
        "cardiac_cine_ED_labels.nii.gz",
        "cardiac_cine_ES_labels.nii.gz",
    }
    count = write_db.scalar(select(func.count()).select_from(Instance))
    second = demo_data.load_images(write_db, settings=settings)
    assert "0 new instance(s)" in second
    assert write_db.scalar(select(func.count()).select_from(Instance)) == count
