"""The demo image set: real files that ship with pydicom plus generated series.

Real files: a CT, an MR, ultrasound (a 30-frame JPEG cine, JPEG 2000, palette
colour) and compressed CT/secondary captures. Generated: a 220-slice chest CT
phantom, an RLE-compressed MR, a JPEG 2000 MR, an ultrasound cine, and a
two-phase (ED/ES) cardiac NIfTI volume with matching label maps kept in
``<data dir>/demo/`` for annotation import. Loading twice changes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import nibabel as nib
import numpy as np
import pydicom
from pydicom.data import get_testdata_file
from pydicom.uid import JPEG2000Lossless, RLELossless
from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.archive import nifti, synthetic
from labelstack.archive.importer import Importer, path_source
from labelstack.archive.ingest import IngestOutcome
from labelstack.archive.store import make_store
from labelstack.archive.synthetic import SeriesSpec
from labelstack.config import Settings
from labelstack.models import Series
from labelstack.services.audit import Actor

PYDICOM_FILES = (
    "CT_small.dcm",
    "MR_small.dcm",
    "examples_ybr_color.dcm",  # US, 30 frames, JPEG baseline
    "examples_jpeg2k.dcm",  # US, JPEG 2000 lossless
    "examples_palette.dcm",  # US, palette colour
    "693_J2KI.dcm",  # CT, JPEG 2000
    "SC_rgb_jpeg_gdcm.dcm",  # JPEG lossless (process 14)
    "SC_rgb_jpeg_dcmtk.dcm",  # JPEG baseline
)
CT = SeriesSpec(
    seed="demo-ct-chest",
    patient_id="DEMO-CT-01",
    patient_name="Phantom^Chest",
    study_description="CT chest with contrast",
    series_description="Axial 1.5 mm",
    study_date="20240312",
    body_part="CHEST",
)
MR = SeriesSpec(
    seed="demo-mr-head",
    patient_id="DEMO-MR-01",
    patient_name="Phantom^Head",
    study_description="MR head",
    series_description="Sagittal T1 (RLE)",
    study_date="20240405",
    body_part="HEAD",
)
MR_J2K = SeriesSpec(
    seed="demo-mr-head-j2k",
    patient_id="DEMO-MR-01",
    patient_name="Phantom^Head",
    study_description="MR head",
    series_description="Sagittal T1 (JPEG 2000)",
    study_date="20240405",
    series_number=2,
    body_part="HEAD",
)
US = SeriesSpec(
    seed="demo-us-cardiac",
    patient_id="DEMO-US-01",
    patient_name="Phantom^Echo",
    study_description="Echocardiography",
    series_description="Apical cine",
    study_date="20240520",
    body_part="HEART",
)
CARDIAC_PATIENT = "DEMO-CMR-01"
CARDIAC_FILE = "cardiac_cine_ED_ES.nii.gz"
PHASES = ("ED", "ES")


def demo_dir(settings: Settings) -> Path:
    return settings.data_dir / "demo"


def load_images(db: Session, *, settings: Settings) -> str:
    """Load the demo images; returns one line that says what happened."""
    importer = Importer(
        db, store=make_store(settings), settings=settings, source="demo", actor=Actor.system("demo")
    )
    for name in PYDICOM_FILES:
        path = get_testdata_file(name)
        if path is not None:
            importer.add(path_source(Path(str(path)), name=f"pydicom/{name}"))
    for spec, items in (
        (CT, lambda: synthetic.ct_series(CT, slices=220)),
        (MR, lambda: _compressed(synthetic.mr_series(MR), RLELossless)),
        (MR_J2K, lambda: _compressed(synthetic.mr_series(MR_J2K, slices=12), JPEG2000Lossless)),
        (US, lambda: iter([synthetic.us_cine(US)])),
    ):
        if _has_series(db, spec.series_uid):
            continue
        for name, data in items():
            importer.add_bytes(f"generated/{name}", data)
    outcomes = importer.finish()
    outcomes.append(_load_cardiac(db, settings=settings))
    stored = sum(o.instances for o in outcomes if o.status == "stored")
    rejected = [o.name for o in outcomes if o.status == "rejected"]
    line = f"demo images: {stored} new instance(s); cardiac NIfTI and label maps in {demo_dir(settings)}"
    return line + (f"; rejected: {', '.join(rejected)}" if rejected else "")


def _has_series(db: Session, series_uid: str) -> bool:
    return db.scalar(select(Series.id).where(Series.series_instance_uid == series_uid)) is not None


def _compressed(items: Iterator[tuple[str, bytes]], syntax: str) -> Iterator[tuple[str, bytes]]:
    for name, data in items:
        ds = pydicom.dcmread(io.BytesIO(data))
        ds.compress(syntax)
        out = io.BytesIO()
        ds.save_as(out, enforce_file_format=True)
        yield name, out.getvalue()


def write_cardiac_files(folder: Path) -> Path:
    """The 4D image and one label map per phase (and a 4D one), written once."""
    folder.mkdir(parents=True, exist_ok=True)
    image_path = folder / CARDIAC_FILE
    if image_path.exists():
        return image_path
    image, labels, affine = synthetic.cardiac_volume()
    for t, phase in enumerate(PHASES):
        seg = nib.Nifti1Image(labels[..., t], affine)
        seg.set_data_dtype(np.uint8)
        nib.save(seg, folder / f"cardiac_cine_{phase}_labels.nii.gz")
    nib.save(nib.Nifti1Image(labels, affine), folder / "cardiac_cine_labels_4d.nii.gz")
    volume = nib.Nifti1Image(image, affine)
    volume.header.set_xyzt_units("mm", "msec")
    volume.header.set_zooms((*np.linalg.norm(affine[:3, :3], axis=0), 350.0))  # 350 ms from ED to ES
    tmp = folder / f".tmp-{CARDIAC_FILE}"
    nib.save(volume, tmp)
    tmp.replace(image_path)
    return image_path


def _load_cardiac(db: Session, *, settings: Settings) -> IngestOutcome:
    path = write_cardiac_files(demo_dir(settings))
    return nifti.ingest_nifti(
        db,
        store=make_store(settings),
        originals_dir=settings.data_dir / "originals",
        data=path.read_bytes(),
        name=path.name,
        source="demo",
        actor=Actor.system("demo"),
        grouping=nifti.NiftiGrouping(
            patient_id=CARDIAC_PATIENT,
            patient_name="Phantom^Cardiac",
            study_description="Cardiac MR cine",
            series_description="Short axis cine (ED/ES)",
            modality="MR",
            body_part="HEART",
            phases=list(PHASES),
        ),
        max_bytes=settings.max_file_bytes,
    )
