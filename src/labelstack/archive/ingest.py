"""Turning DICOM bytes into stored files and index rows.

One instance is validated completely before anything is written; its file is
stored atomically and its rows are added inside a savepoint, so a rejected or
failed instance leaves neither a row nor a file behind. Re-ingesting a SOP
Instance UID is a "duplicate" and keeps the first copy, also when two
ingests race: the unique constraint on ``instances.sop_instance_uid`` decides
the winner and the loser reports a duplicate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from pydicom.dataset import Dataset
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labelstack.archive import dicom_files
from labelstack.archive.dicom_files import InstanceFacts, InvalidDicom
from labelstack.archive.store import ImageStore
from labelstack.models import Instance, InstanceMetadata, Patient, Series, Study
from labelstack.services import audit
from labelstack.services.audit import Actor

IngestStatus = Literal["stored", "duplicate", "rejected"]
#: Attempts per instance when a concurrent ingest created the same patient/study/series first.
_ATTEMPTS = 3


@dataclass
class IngestOutcome:
    """What happened to one file: stored, duplicate (already archived) or rejected with a reason."""

    name: str
    status: IngestStatus
    reason: str | None = None
    sop_instance_uid: str | None = None
    series_instance_uid: str | None = None
    study_instance_uid: str | None = None
    sop_class_uid: str | None = None
    transfer_syntax_uid: str | None = None
    size_bytes: int = 0
    storage_key: str | None = None
    instances: int = 1

    @classmethod
    def rejected(cls, name: str, reason: str) -> IngestOutcome:
        return cls(name=name, status="rejected", reason=reason)


@dataclass
class IngestBatch:
    """Index rows already resolved in this batch, so each instance costs few queries."""

    series_ids: dict[str, tuple[int, int]] = field(default_factory=dict)


def ingest_dicom(
    db: Session, *, store: ImageStore, data: bytes, name: str, source: str, actor: Actor
) -> IngestOutcome:
    """Ingest one DICOM file and commit; see :func:`ingest_many`."""
    return ingest_many(db, store=store, items=[(name, data)], source=source, actor=actor)[0]


def ingest_many(
    db: Session,
    *,
    store: ImageStore,
    items: Iterable[tuple[str, bytes]],
    source: str,
    actor: Actor,
    commit_every: int = 100,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
) -> list[IngestOutcome]:
    """Ingest many (name, bytes) items, committing every ``commit_every`` instances.

    One audit row is written per committed chunk (counts, studies, rejections).
    ``on_outcome`` is called after each item (progress bars).
    """
    outcomes: list[IngestOutcome] = []
    chunk: list[IngestOutcome] = []
    batch = IngestBatch()
    for name, data in items:
        outcome = ingest_item(db, store=store, data=data, name=name, source=source, batch=batch)
        outcomes.append(outcome)
        chunk.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
        if len(chunk) >= commit_every:
            commit_chunk(db, store=store, chunk=chunk, source=source, actor=actor)
            chunk = []
    commit_chunk(db, store=store, chunk=chunk, source=source, actor=actor)
    return outcomes


def ingest_item(
    db: Session, *, store: ImageStore, data: bytes, name: str, source: str, batch: IngestBatch | None = None
) -> IngestOutcome:
    """Validate, store and index one instance inside a savepoint; the caller commits."""
    try:
        ds = dicom_files.parse(data)
    except InvalidDicom as exc:
        return IngestOutcome.rejected(name, str(exc.detail))
    return ingest_dataset(db, store=store, ds=ds, data=data, name=name, source=source, batch=batch)


def ingest_dataset(
    db: Session,
    *,
    store: ImageStore,
    ds: Dataset,
    data: bytes,
    name: str,
    source: str,
    batch: IngestBatch | None = None,
) -> IngestOutcome:
    """Store and index an already parsed and validated dataset whose encoding is ``data``."""
    batch = batch or IngestBatch()
    info = dicom_files.facts(ds)
    outcome = IngestOutcome(
        name=name,
        status="stored",
        sop_instance_uid=info.sop_instance_uid,
        series_instance_uid=info.series_instance_uid,
        study_instance_uid=info.study_instance_uid,
        sop_class_uid=info.sop_class_uid,
        transfer_syntax_uid=info.transfer_syntax_uid,
        size_bytes=len(data),
    )
    if _exists(db, info.sop_instance_uid):
        outcome.status = "duplicate"
        return outcome
    try:
        dicom_json = dicom_files.dataset_to_dicom_json(ds)
    except Exception as exc:  # pydicom refuses to encode a malformed value
        return IngestOutcome.rejected(name, f"cannot describe the dataset as DICOM JSON: {exc}")
    key = store.put(info.sop_instance_uid, data)
    outcome.storage_key = key
    digest = hashlib.sha256(data).hexdigest()
    for attempt in range(_ATTEMPTS):
        savepoint = db.begin_nested()
        try:
            _index(db, info, dicom_json, key=key, size=len(data), sha256=digest, source=source, batch=batch)
            savepoint.commit()
            return outcome
        except IntegrityError:
            savepoint.rollback()
            batch.series_ids.pop(info.series_instance_uid, None)
            if _exists(db, info.sop_instance_uid):
                outcome.status = "duplicate"  # a concurrent ingest won; its file is ours too
                return outcome
            if attempt == _ATTEMPTS - 1:
                store.delete(key)
                raise
        except BaseException:
            savepoint.rollback()
            batch.series_ids.pop(info.series_instance_uid, None)
            if not _exists(db, info.sop_instance_uid):
                store.delete(key)
            raise
    raise AssertionError("unreachable")


def _exists(db: Session, sop_instance_uid: str) -> bool:
    return db.scalar(select(Instance.id).where(Instance.sop_instance_uid == sop_instance_uid)) is not None


def commit_chunk(
    db: Session, *, store: ImageStore, chunk: list[IngestOutcome], source: str, actor: Actor
) -> None:
    stored = [o for o in chunk if o.status == "stored"]
    rejected = [o for o in chunk if o.status == "rejected"]
    if not stored and not rejected:
        db.commit()
        return
    studies = sorted({o.study_instance_uid for o in stored if o.study_instance_uid})
    audit.record(
        db,
        actor=actor,
        action="archive.ingest",
        object_type="study" if len(studies) == 1 else None,
        object_id=studies[0] if len(studies) == 1 else None,
        details={
            "source": source,
            "stored": len(stored),
            "duplicates": sum(o.status == "duplicate" for o in chunk),
            "rejected": [{"name": o.name, "reason": o.reason} for o in rejected[:50]],
            "studies": studies[:50],
        },
    )
    try:
        db.commit()
    except BaseException:
        db.rollback()
        for o in stored:
            if o.storage_key and o.sop_instance_uid and not _exists(db, o.sop_instance_uid):
                store.delete(o.storage_key)
        raise


def _index(
    db: Session,
    info: InstanceFacts,
    dicom_json: dict[str, object],
    *,
    key: str,
    size: int,
    sha256: str,
    source: str,
    batch: IngestBatch,
) -> None:
    known = batch.series_ids.get(info.series_instance_uid)
    if known is None:
        series_id, study_id = _series_row(db, info, source)
    else:
        series_id, study_id = known
    frames = info.number_of_frames
    instance = Instance(
        sop_instance_uid=info.sop_instance_uid,
        sop_class_uid=info.sop_class_uid,
        series_fk=series_id,
        instance_number=info.instance_number,
        image_position=info.image_position,
        image_orientation=info.image_orientation,
        slice_location=info.slice_location,
        temporal_position=info.temporal_position,
        rows=info.rows,
        columns=info.columns,
        number_of_frames=frames,
        transfer_syntax_uid=info.transfer_syntax_uid,
        size_bytes=size,
        sha256=sha256,
        storage_key=key,
        source=source,
    )
    db.add(instance)
    db.flush()
    db.add(InstanceMetadata(instance_fk=instance.id, dicom_json=dicom_json))
    db.execute(
        update(Series)
        .where(Series.id == series_id)
        .values(
            number_of_instances=Series.number_of_instances + 1,
            number_of_frames=Series.number_of_frames + frames,
            size_bytes=Series.size_bytes + size,
        )
        .execution_options(synchronize_session=False)
    )
    db.execute(
        update(Study)
        .where(Study.id == study_id)
        .values(number_of_instances=Study.number_of_instances + 1, size_bytes=Study.size_bytes + size)
        .execution_options(synchronize_session=False)
    )
    db.flush()
    batch.series_ids[info.series_instance_uid] = (series_id, study_id)


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
