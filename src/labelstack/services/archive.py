"""Browsing the archive: search and page through patients, studies and series, read one
series or instance, and (admins) delete. Every query goes through the access rule
(``services.access``) and every read of images or metadata is audited, once per request.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

import numpy as np
from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session

from labelstack.models import Instance, InstanceMetadata, Patient, Series, Study, User
from labelstack.services import access, audit
from labelstack.services.audit import Actor
from labelstack.services.errors import NotFound

PatientSort = Literal["patient_name", "patient_id", "birth_date", "created_at", "id"]
StudySort = Literal[
    "study_date", "patient_name", "patient_id", "description", "accession_number", "created_at",
    "number_of_instances", "id",
]  # fmt: skip
SeriesSort = Literal["study_date", "series_number", "modality", "description", "created_at", "id"]

_PATIENT_SORT: dict[str, Any] = {
    "patient_name": Patient.patient_name,
    "patient_id": Patient.patient_id,
    "birth_date": Patient.birth_date,
    "created_at": Patient.created_at,
    "id": Patient.id,
}
_STUDY_SORT: dict[str, Any] = {
    "study_date": Study.study_date,
    "patient_name": Patient.patient_name,
    "patient_id": Patient.patient_id,
    "description": Study.description,
    "accession_number": Study.accession_number,
    "created_at": Study.created_at,
    "number_of_instances": Study.number_of_instances,
    "id": Study.id,
}
_SERIES_SORT: dict[str, Any] = {
    "study_date": Study.study_date,
    "series_number": Series.series_number,
    "modality": Series.modality,
    "description": Series.description,
    "created_at": Series.created_at,
    "id": Series.id,
}


def _like(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_match(text: str, *columns: Any) -> ColumnElement[bool]:
    pattern = _like(text)
    return or_(*(func.lower(c).like(pattern.lower(), escape="\\") for c in columns))


def _visible_series(user: User) -> ColumnElement[bool]:
    return access.series_filter(user)


def _page(
    db: Session, query: Select[Any], order: list[Any], limit: int, offset: int
) -> tuple[list[Any], int]:
    total = db.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = db.scalars(query.order_by(*order).limit(limit).offset(offset)).unique().all()
    return list(rows), total


def _ordering(column: Any, tie_breaker: Any, descending: bool) -> list[Any]:
    primary = column.desc() if descending else column.asc()
    # NULLs (unknown dates, numbers) always last, on SQLite and PostgreSQL alike
    return [column.is_(None), primary, tie_breaker.desc() if descending else tie_breaker.asc()]


def _study_date_range(date_from: date | None, date_to: date | None) -> list[ColumnElement[bool]]:
    conditions = []
    if date_from is not None:
        conditions.append(Study.study_date >= date_from)
    if date_to is not None:
        conditions.append(Study.study_date <= date_to)
    return conditions


def list_patients(
    db: Session,
    *,
    user: User,
    actor: Actor,
    search: str | None = None,
    sex: str | None = None,
    sort: PatientSort = "patient_name",
    descending: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[tuple[Patient, int]], int]:
    """Patients with at least one visible series, with their number of visible studies."""
    visible_study = (
        select(Study.id)
        .join(Series, Series.study_fk == Study.id)
        .where(Study.patient_fk == Patient.id, _visible_series(user))
    )
    conditions: list[ColumnElement[bool]] = [exists(visible_study)]
    if search:
        conditions.append(_text_match(search, Patient.patient_name, Patient.patient_id))
    if sex:
        conditions.append(Patient.sex == sex.upper())
    query = select(Patient).where(*conditions)
    patients, total = _page(db, query, _ordering(_PATIENT_SORT[sort], Patient.id, descending), limit, offset)
    counts = _study_counts(db, user, [p.id for p in patients])
    _audit_browse(db, actor, "patients", total, search=search)
    return [(p, counts.get(p.id, 0)) for p in patients], total


def _study_counts(db: Session, user: User, patient_ids: Sequence[int]) -> dict[int, int]:
    if not patient_ids:
        return {}
    rows = db.execute(
        select(Study.patient_fk, func.count(func.distinct(Study.id)))
        .join(Series, Series.study_fk == Study.id)
        .where(Study.patient_fk.in_(patient_ids), _visible_series(user))
        .group_by(Study.patient_fk)
    ).all()
    return {int(patient): int(count) for patient, count in rows}


def list_studies(
    db: Session,
    *,
    user: User,
    actor: Actor,
    search: str | None = None,
    patient: int | None = None,
    modality: str | None = None,
    body_part: str | None = None,
    study_date_from: date | None = None,
    study_date_to: date | None = None,
    sort: StudySort = "study_date",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Study], int]:
    """Studies that hold a visible series matching every filter."""
    series_conditions: list[ColumnElement[bool]] = [Series.study_fk == Study.id, _visible_series(user)]
    if modality:
        series_conditions.append(Series.modality == modality.upper())
    if body_part:
        series_conditions.append(func.upper(Series.body_part) == body_part.upper())
    conditions: list[ColumnElement[bool]] = [exists(select(Series.id).where(*series_conditions))]
    conditions += _study_date_range(study_date_from, study_date_to)
    if patient is not None:
        conditions.append(Study.patient_fk == patient)
    if search:
        conditions.append(
            _text_match(
                search, Patient.patient_name, Patient.patient_id, Study.description, Study.accession_number
            )
        )
    query = select(Study).join(Patient, Patient.id == Study.patient_fk).where(*conditions)
    studies, total = _page(db, query, _ordering(_STUDY_SORT[sort], Study.id, descending), limit, offset)
    _audit_browse(db, actor, "studies", total, search=search, modality=modality)
    return studies, total


def get_study(db: Session, *, user: User, actor: Actor, study_id: int) -> tuple[Study, list[Series]]:
    """One study and its visible series (NotFound when none is visible)."""
    study = db.get(Study, study_id)
    series = (
        list(
            db.scalars(
                select(Series)
                .where(Series.study_fk == study_id, _visible_series(user))
                .order_by(Series.series_number.is_(None), Series.series_number, Series.id)
            ).all()
        )
        if study is not None
        else []
    )
    if study is None or not series:
        raise NotFound("study not found")
    audit_read(db, actor=actor, action="study.read", object_type="study", object_id=study.id)
    return study, series


def list_series(
    db: Session,
    *,
    user: User,
    actor: Actor,
    search: str | None = None,
    study: int | None = None,
    modality: str | None = None,
    body_part: str | None = None,
    source_format: str | None = None,
    study_date_from: date | None = None,
    study_date_to: date | None = None,
    sort: SeriesSort = "study_date",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Series], int]:
    """Visible series matching every filter."""
    conditions: list[ColumnElement[bool]] = [_visible_series(user)]
    conditions += _study_date_range(study_date_from, study_date_to)
    if study is not None:
        conditions.append(Series.study_fk == study)
    if modality:
        conditions.append(Series.modality == modality.upper())
    if body_part:
        conditions.append(func.upper(Series.body_part) == body_part.upper())
    if source_format:
        conditions.append(Series.source_format == source_format)
    if search:
        conditions.append(
            _text_match(
                search, Series.description, Patient.patient_name, Patient.patient_id, Study.description
            )
        )
    query = (
        select(Series)
        .join(Study, Study.id == Series.study_fk)
        .join(Patient, Patient.id == Study.patient_fk)
        .where(*conditions)
    )
    series, total = _page(db, query, _ordering(_SERIES_SORT[sort], Series.id, descending), limit, offset)
    _audit_browse(db, actor, "series", total, search=search, modality=modality)
    return series, total


def _audit_browse(db: Session, actor: Actor, what: str, total: int, **filters: str | None) -> None:
    audit_read(
        db,
        actor=actor,
        action="archive.search",
        object_type=what,
        details={"results": total, **{k: v for k, v in filters.items() if v}},
    )


def audit_read(db: Session, **event: Any) -> None:
    """Record a read of images or metadata (see ``audit.record_read``)."""
    audit.record_read(db.get_bind(), **event)  # type: ignore[arg-type]


def get_series(db: Session, *, user: User, series_id: int) -> Series:
    access.require_series(db, user, series_id)
    series = db.get(Series, series_id)
    if series is None:
        raise NotFound("series not found")
    return series


def series_detail(db: Session, *, user: User, actor: Actor, series_id: int) -> tuple[Series, list[Instance]]:
    """A series and its instances in slice order; audited as a read."""
    series = get_series(db, user=user, series_id=series_id)
    instances = slice_order(db.scalars(select(Instance).where(Instance.series_fk == series.id)).all())
    audit_read(
        db,
        actor=actor,
        action="series.read",
        object_type="series",
        object_id=series.id,
        details={"series_instance_uid": series.series_instance_uid, "instances": len(instances)},
    )
    return series, instances


def slice_order(instances: Sequence[Instance]) -> list[Instance]:
    """Time point, then position along the slice normal, then instance number, then id."""
    orientation = next((i.image_orientation for i in instances if i.image_orientation), None)
    normal = None
    if orientation and len(orientation) == 6:
        normal = np.cross(np.array(orientation[:3]), np.array(orientation[3:]))

    def key(instance: Instance) -> tuple[int, int, float, int, int]:
        along = 0.0
        has_position = normal is not None and instance.image_position is not None
        if normal is not None and instance.image_position is not None:
            along = float(np.dot(normal, np.array(instance.image_position)))
        return (
            instance.temporal_position or 0,
            0 if has_position else 1,
            along,
            instance.instance_number if instance.instance_number is not None else 1 << 30,
            instance.id,
        )

    return sorted(instances, key=key)


def instance_metadata(
    db: Session, *, user: User, actor: Actor, instance_id: int
) -> tuple[Instance, dict[str, Any]]:
    """One instance and its stored DICOM JSON; audited as a metadata read."""
    instance = db.get(Instance, instance_id)
    if instance is None:
        raise NotFound("instance not found")
    access.require_instance(db, user, instance)
    row = db.get(InstanceMetadata, instance.id)
    audit_read(
        db,
        actor=actor,
        action="instance.read_metadata",
        object_type="instance",
        object_id=instance.id,
        details={"sop_instance_uid": instance.sop_instance_uid},
    )
    return instance, row.dicom_json if row is not None else {}


def series_with_context(db: Session, series: Sequence[Series]) -> list[dict[str, Any]]:
    """Series rows with their study and patient facts, for list displays."""
    if not series:
        return []
    study_ids = {s.study_fk for s in series}
    facts = {
        study_id: (uid, study_date, description, patient_id, patient_name)
        for study_id, uid, study_date, description, patient_id, patient_name in db.execute(
            select(
                Study.id,
                Study.study_instance_uid,
                Study.study_date,
                Study.description,
                Patient.patient_id,
                Patient.patient_name,
            )
            .join(Patient, Patient.id == Study.patient_fk)
            .where(Study.id.in_(study_ids))
        ).all()
    }
    rows = []
    for s in series:
        uid, study_date, description, patient_id, patient_name = facts[s.study_fk]
        rows.append(
            {
                **{c.key: getattr(s, c.key) for c in Series.__table__.columns},
                "study_instance_uid": uid,
                "study_date": study_date,
                "study_description": description,
                "patient_id": patient_id,
                "patient_name": patient_name,
            }
        )
    return rows
