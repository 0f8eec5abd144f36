"""Deleting studies and series (admins): rows and files go together.

Rows are removed and committed first, then the files; a crash in between
leaves an unreferenced file (harmless, never served), never a row without
its file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from labelstack.archive import nifti
from labelstack.archive.store import ImageStore
from labelstack.models import Instance, Patient, Series, Study
from labelstack.services import audit
from labelstack.services.audit import Actor
from labelstack.services.errors import NotFound


def delete_study(
    db: Session, *, store: ImageStore, originals_dir: Path, study_id: int, actor: Actor
) -> tuple[int, int]:
    """Remove a study with all its series and files; returns (series, instances) removed."""
    study = db.get(Study, study_id)
    if study is None:
        raise NotFound("study not found")
    series = list(db.scalars(select(Series).where(Series.study_fk == study.id)).all())
    keys = list(
        db.scalars(select(Instance.storage_key).join(Series).where(Series.study_fk == study.id)).all()
    )
    patient_fk = study.patient_fk
    audit.record(
        db,
        actor=actor,
        action="study.delete",
        object_type="study",
        object_id=study.id,
        details={
            "study_instance_uid": study.study_instance_uid,
            "series": len(series),
            "instances": len(keys),
        },
    )
    db.execute(delete(Study).where(Study.id == study.id))
    _drop_empty_patient(db, patient_fk)
    db.commit()
    _remove_files(store, keys, originals_dir, [s.series_instance_uid for s in series])
    return len(series), len(keys)


def delete_series(
    db: Session, *, store: ImageStore, originals_dir: Path, series_id: int, actor: Actor
) -> int:
    """Remove one series and its files, keeping the study's counts right; returns instances removed."""
    series = db.get(Series, series_id)
    if series is None:
        raise NotFound("series not found")
    keys = list(db.scalars(select(Instance.storage_key).where(Instance.series_fk == series.id)).all())
    db.execute(select(Study.id).where(Study.id == series.study_fk).with_for_update())
    study = db.get(Study, series.study_fk)
    assert study is not None
    audit.record(
        db,
        actor=actor,
        action="series.delete",
        object_type="series",
        object_id=series.id,
        details={"series_instance_uid": series.series_instance_uid, "instances": len(keys)},
    )
    series_uid = series.series_instance_uid
    db.execute(delete(Series).where(Series.id == series.id))
    remaining = db.execute(
        select(
            func.count(Series.id),
            func.coalesce(func.sum(Series.number_of_instances), 0),
            func.coalesce(func.sum(Series.size_bytes), 0),
        ).where(Series.study_fk == study.id)
    ).one()
    if remaining[0] == 0:
        patient_fk = study.patient_fk
        db.execute(delete(Study).where(Study.id == study.id))
        _drop_empty_patient(db, patient_fk)
    else:
        modalities = db.scalars(select(Series.modality).where(Series.study_fk == study.id).distinct()).all()
        parts = db.scalars(select(Series.body_part).where(Series.study_fk == study.id).distinct()).all()
        study.number_of_series = int(remaining[0])
        study.number_of_instances = int(remaining[1])
        study.size_bytes = int(remaining[2])
        study.modalities = "\\".join(sorted(m for m in modalities if m))[:128]
        study.body_parts = "\\".join(sorted(p for p in parts if p))[:256]
    db.commit()
    _remove_files(store, keys, originals_dir, [series_uid])
    return len(keys)


def _drop_empty_patient(db: Session, patient_fk: int) -> None:
    db.flush()
    if db.scalar(select(func.count(Study.id)).where(Study.patient_fk == patient_fk)) == 0:
        db.execute(delete(Patient).where(Patient.id == patient_fk))


def _remove_files(store: ImageStore, keys: list[str], originals_dir: Path, series_uids: list[str]) -> None:
    for key in keys:
        store.delete(key)
    for uid in series_uids:
        shutil.rmtree(nifti.originals_path(originals_dir, uid), ignore_errors=True)
