"""Index rows for ingested instances: patient, study and series resolved once, instances in bulk.

The caller runs these inside a savepoint and owns the transaction; an
IntegrityError means a concurrent ingest created a row first (the caller
retries or reports a duplicate).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from labelstack.archive.dicom_files import InstanceFacts
from labelstack.models import Instance, InstanceMetadata, Patient, Series, Study


@dataclass
class IngestBatch:
    """Index rows already resolved in this batch, so each instance costs few queries."""

    series_ids: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class NewInstance:
    """One validated instance whose bytes are stored, ready for its index rows."""

    info: InstanceFacts
    dicom_json: dict[str, Any]
    key: str
    size: int
    sha256: str


def index_many(db: Session, items: Sequence[NewInstance], *, source: str, batch: IngestBatch) -> None:
    """All rows of many instances: one multi-row INSERT each for instances and metadata,
    one counter UPDATE per series and per study."""
    if not items:
        return
    series_of: dict[str, tuple[int, int]] = {}
    for item in items:
        uid = item.info.series_instance_uid
        if uid not in series_of:
            known = batch.series_ids.get(uid)
            series_of[uid] = known if known is not None else _series_row(db, item.info, source)
    ids = db.scalars(
        insert(Instance).returning(Instance.id, sort_by_parameter_order=True),
        [_instance_values(item, series_of[item.info.series_instance_uid][0], source) for item in items],
    ).all()
    db.execute(
        insert(InstanceMetadata),
        [{"instance_fk": id_, "dicom_json": item.dicom_json} for id_, item in zip(ids, items, strict=True)],
    )
    per_series: dict[int, list[int]] = {}
    per_study: dict[int, list[int]] = {}
    for item in items:
        series_id, study_id = series_of[item.info.series_instance_uid]
        counts = per_series.setdefault(series_id, [0, 0, 0])
        counts[0] += 1
        counts[1] += item.info.number_of_frames
        counts[2] += item.size
        totals = per_study.setdefault(study_id, [0, 0])
        totals[0] += 1
        totals[1] += item.size
    for series_id, (instances, frames, size) in per_series.items():
        _add_to_series(db, series_id, instances=instances, frames=frames, size=size)
    for study_id, (instances, size) in per_study.items():
        _add_to_study(db, study_id, instances=instances, size=size)
    batch.series_ids.update(series_of)


def index_one(db: Session, item: NewInstance, *, source: str, batch: IngestBatch) -> None:
    """The rows of one instance (the fallback when a batch met a concurrent ingest)."""
    index_many(db, [item], source=source, batch=batch)


def _instance_values(item: NewInstance, series_id: int, source: str) -> dict[str, Any]:
    info = item.info
    return {
        "sop_instance_uid": info.sop_instance_uid,
        "sop_class_uid": info.sop_class_uid,
        "series_fk": series_id,
        "instance_number": info.instance_number,
        "image_position": info.image_position,
        "image_orientation": info.image_orientation,
        "slice_location": info.slice_location,
        "temporal_position": info.temporal_position,
        "rows": info.rows,
        "columns": info.columns,
        "number_of_frames": info.number_of_frames,
        "transfer_syntax_uid": info.transfer_syntax_uid,
        "size_bytes": item.size,
        "sha256": item.sha256,
        "storage_key": item.key,
        "source": source,
    }


def _add_to_series(db: Session, series_id: int, *, instances: int, frames: int, size: int) -> None:
    db.execute(
        update(Series)
        .where(Series.id == series_id)
        .values(
            number_of_instances=Series.number_of_instances + instances,
            number_of_frames=Series.number_of_frames + frames,
            size_bytes=Series.size_bytes + size,
        )
        .execution_options(synchronize_session=False)
    )


def _add_to_study(db: Session, study_id: int, *, instances: int, size: int) -> None:
    db.execute(
        update(Study)
        .where(Study.id == study_id)
        .values(number_of_instances=Study.number_of_instances + instances, size_bytes=Study.size_bytes + size)
        .execution_options(synchronize_session=False)
    )


def _series_row(db: Session, info: InstanceFacts, source: str) -> tuple[int, int]:
    series = db.scalar(select(Series).where(Series.series_instance_uid == info.series_instance_uid))
    if series is not None:
        return series.id, series.study_fk
    study = _study_row(db, info)
    series = Series(
        series_instance_uid=info.series_instance_uid,
        study_fk=study.id,
        modality=info.modality,
        body_part=info.body_part,
        description=info.series_description,
        series_number=info.series_number,
        frame_of_reference_uid=info.frame_of_reference_uid,
        source=source,
        source_format="dicom",
        extra={},
    )
    db.add(series)
    db.flush()
    # lock the study row (PostgreSQL) so concurrent new series do not lose each other's modality
    db.execute(select(Study.id).where(Study.id == study.id).with_for_update())
    db.refresh(study)
    study.number_of_series += 1
    study.modalities = _add_to_set(study.modalities, info.modality, 128)
    study.body_parts = _add_to_set(study.body_parts, info.body_part, 256)
    db.flush()
    return series.id, study.id


def _study_row(db: Session, info: InstanceFacts) -> Study:
    study = db.scalar(select(Study).where(Study.study_instance_uid == info.study_instance_uid))
    if study is not None:
        return study
    patient = _patient_row(db, info)
    study = Study(
        study_instance_uid=info.study_instance_uid,
        patient_fk=patient.id,
        study_date=info.study_date,
        study_time=info.study_time,
        description=info.study_description,
        accession_number=info.accession_number,
        study_id=info.study_id,
        referring_physician=info.referring_physician,
        modalities="",
        body_parts="",
    )
    db.add(study)
    db.flush()
    return study


def patient_key(info: InstanceFacts) -> str:
    """PatientID when there is one; else a stand-in per study (never merge unknown patients)."""
    return info.patient_id or f"~{info.study_instance_uid}"


def _patient_row(db: Session, info: InstanceFacts) -> Patient:
    key = patient_key(info)
    patient = db.scalar(select(Patient).where(Patient.patient_key == key))
    if patient is not None:
        if not patient.patient_name and info.patient_name:
            patient.patient_name = info.patient_name
        return patient
    patient = Patient(
        patient_key=key,
        patient_id=info.patient_id,
        patient_name=info.patient_name,
        birth_date=info.birth_date,
        sex=info.sex,
    )
    db.add(patient)
    db.flush()
    return patient


def _add_to_set(joined: str, value: str, limit: int) -> str:
    values = [v for v in joined.split("\\") if v]
    if value and value not in values:
        values.append(value)
    result = "\\".join(sorted(values))
    return result[:limit]
