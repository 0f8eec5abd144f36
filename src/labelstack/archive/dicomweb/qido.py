"""QIDO-RS search (PS3.18 §10.6) over the index tables.

The answer attributes come from the index rows (PS3.18 Tables 10.6.3-3 to -5);
``includefield`` adds index attributes, or copies requested attributes from a
representative instance's stored DICOM JSON; ``includefield=all`` returns
everything known. Query parsing and matching live in ``qido_query``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from labelstack.archive.dicomweb.attributes import DicomJson, element, multi
from labelstack.archive.dicomweb.qido_query import (
    PATIENT_MATCHERS,
    WARN_MORE,
    Level,
    QidoQuery,
    conditions_for,
    parse_query,
)
from labelstack.models import Instance, InstanceMetadata, Patient, Series, Study

__all__ = ["Level", "QidoQuery", "SearchResult", "parse_query", "search"]

# ---------------------------------------------------------------- searching


@dataclass
class SearchResult:
    items: list[DicomJson]
    warnings: list[str]


def search(
    db: Session,
    *,
    query: QidoQuery,
    visible: ColumnElement[bool] | None,
    base_url: str,
    study_uid: str | None = None,
    series_uid: str | None = None,
) -> SearchResult:
    """Run ``query`` over the series ``visible`` admits (None: all); ``base_url`` is the DICOMweb root."""
    conditions = conditions_for(query)
    if visible is not None:
        conditions.append(
            Study.id.in_(select(Series.study_fk).where(visible)) if query.level is Level.STUDY else visible
        )
    if study_uid:
        conditions.append(Study.study_instance_uid == study_uid)
    if series_uid:
        conditions.append(Series.series_instance_uid == series_uid)
    statement: Any
    warnings = list(query.warnings)
    if query.level is Level.STUDY:
        rows = _studies(db, query, conditions)
        if len(rows) > query.limit:
            rows = rows[: query.limit]
            warnings.append(WARN_MORE)
        items = [_answer(query.level, row, base_url) for row in rows]
        _add_included(db, query, rows, items)
        return SearchResult(items, warnings)
    if query.level is Level.SERIES:
        statement = (
            select(*_columns(Series), *_columns(Study), *_columns(Patient))
            .join(Study, Series.study_fk == Study.id)
            .join(Patient, Study.patient_fk == Patient.id)
            .order_by(Study.id, Series.series_number, Series.id)
        )
    else:
        statement = (
            select(*_columns(Instance), *_columns(Series), *_columns(Study), *_columns(Patient))
            .join(Series, Instance.series_fk == Series.id)
            .join(Study, Series.study_fk == Study.id)
            .join(Patient, Study.patient_fk == Patient.id)
            .order_by(Series.id, Instance.instance_number, Instance.id)
        )
    rows = _rows(db, statement.limit(query.limit + 1).offset(query.offset), *conditions)
    if len(rows) > query.limit:
        rows = rows[: query.limit]
        warnings.append(WARN_MORE)
    items = [_answer(query.level, row, base_url) for row in rows]
    _add_included(db, query, rows, items)
    return SearchResult(items, warnings)


def _studies(db: Session, query: QidoQuery, conditions: list[ColumnElement[bool]]) -> list[Any]:
    """Page through study ids first (on the date index, joining patients only when matched on),
    then load just that page's rows: deep pages and big indexes stay cheap."""
    ids_statement = select(Study.id)
    if any(tag in PATIENT_MATCHERS for tag in query.matches):
        ids_statement = ids_statement.join(Patient, Study.patient_fk == Patient.id)
    ids = list(
        db.scalars(
            ids_statement.where(*conditions)
            .order_by(Study.study_date.desc(), Study.id.desc())
            .limit(query.limit + 1)
            .offset(query.offset)
        )
    )
    if not ids:
        return []
    found = _rows(
        db,
        select(*_columns(Study), *_columns(Patient)).join(Patient, Study.patient_fk == Patient.id),
        Study.id.in_(ids),
    )
    by_id = {row[0].id: row for row in found}
    return [by_id[i] for i in ids if i in by_id]


ANSWER_COLUMNS: dict[str, tuple[str, ...]] = {
    "patients": ("id", "patient_name", "patient_id", "birth_date", "sex"),
    "studies": (
        "id",
        "study_instance_uid",
        "study_date",
        "study_time",
        "accession_number",
        "modalities",
        "referring_physician",
        "description",
        "study_id",
        "number_of_series",
        "number_of_instances",
    ),
    "series": (
        "id",
        "series_instance_uid",
        "modality",
        "description",
        "body_part",
        "series_number",
        "number_of_instances",
    ),
    "instances": (
        "id",
        "sop_instance_uid",
        "sop_class_uid",
        "transfer_syntax_uid",
        "instance_number",
        "number_of_frames",
        "rows",
        "columns",
    ),
}


def _columns(model: type[Any]) -> list[Any]:
    """The columns an answer needs, labelled ``<table>.<column>``: plain rows cost far less than
    ORM objects, and leaving out the rest saves converting values nobody reads."""
    table = model.__table__
    return [table.c[name].label(f"{table.name}.{name}") for name in ANSWER_COLUMNS[table.name]]


def _rows(db: Session, statement: Any, *conditions: ColumnElement[bool]) -> list[tuple[Any, ...]]:
    """Each result row as one attribute namespace per selected table, in selection order."""
    result = db.execute(statement.where(*conditions))
    keys = list(result.keys())
    tables = list(dict.fromkeys(k.split(".", 1)[0] for k in keys))
    groups = [[(i, k.split(".", 1)[1]) for i, k in enumerate(keys) if k.startswith(t + ".")] for t in tables]
    return [
        tuple(SimpleNamespace(**{name: row[i] for i, name in group}) for group in groups) for row in result
    ]


def _patient_attrs(p: Patient) -> DicomJson:
    return {
        "00100010": element("00100010", p.patient_name),
        "00100020": element("00100020", p.patient_id),
        "00100030": element("00100030", p.birth_date),
        "00100040": element("00100040", p.sex),
    }


def _study_attrs(s: Study, base_url: str) -> DicomJson:
    return {
        "00080020": element("00080020", s.study_date),
        "00080030": element("00080030", s.study_time),
        "00080050": element("00080050", s.accession_number),
        "00080056": element("00080056", "ONLINE"),
        "00080061": element("00080061", multi(s.modalities)),
        "00080090": element("00080090", s.referring_physician),
        "00081030": element("00081030", s.description),
        "00081190": element("00081190", f"{base_url}/studies/{s.study_instance_uid}"),
        "0020000D": element("0020000D", s.study_instance_uid),
        "00200010": element("00200010", s.study_id),
        "00201206": element("00201206", s.number_of_series),
        "00201208": element("00201208", s.number_of_instances),
    }


def _series_attrs(se: Series, study_uid: str, base_url: str) -> DicomJson:
    return {
        "00080060": element("00080060", se.modality),
        "0008103E": element("0008103E", se.description),
        "00180015": element("00180015", se.body_part),
        "0020000E": element("0020000E", se.series_instance_uid),
        "00200011": element("00200011", se.series_number),
        "00201209": element("00201209", se.number_of_instances),
        "00081190": element("00081190", f"{base_url}/studies/{study_uid}/series/{se.series_instance_uid}"),
    }


def _instance_attrs(i: Instance, series_uid: str, study_uid: str, base_url: str) -> DicomJson:
    return {
        "00080016": element("00080016", i.sop_class_uid),
        "00080018": element("00080018", i.sop_instance_uid),
        "00080056": element("00080056", "ONLINE"),
        "00083002": element("00083002", i.transfer_syntax_uid),
        "00200013": element("00200013", i.instance_number),
        "00280008": element("00280008", i.number_of_frames),
        "00280010": element("00280010", i.rows),
        "00280011": element("00280011", i.columns),
        "00081190": element(
            "00081190",
            f"{base_url}/studies/{study_uid}/series/{series_uid}/instances/{i.sop_instance_uid}",
        ),
    }


def _answer(level: Level, row: Any, base_url: str) -> DicomJson:
    if level is Level.STUDY:
        study, patient = row
        attrs = {**_patient_attrs(patient), **_study_attrs(study, base_url)}
    elif level is Level.SERIES:
        series, study, patient = row
        attrs = {
            **_patient_attrs(patient),
            **_study_attrs(study, base_url),
            **_series_attrs(series, study.study_instance_uid, base_url),
        }
    else:
        instance, series, study, patient = row
        attrs = {
            **_patient_attrs(patient),
            **_study_attrs(study, base_url),
            **_series_attrs(series, study.study_instance_uid, base_url),
            **_instance_attrs(instance, series.series_instance_uid, study.study_instance_uid, base_url),
        }
    return dict(sorted(attrs.items()))


def _add_included(db: Session, query: QidoQuery, rows: Sequence[Any], items: list[DicomJson]) -> None:
    """Copy attributes the index does not hold from a representative instance's DICOM JSON."""
    if not rows or not (query.include_all or query.includefields):
        return
    wanted = query.includefields
    missing = {t for t in wanted if t not in items[0]}
    if not missing and not query.include_all:
        return
    if query.level is Level.INSTANCE:
        keys = [row[0].id for row in rows]
        representative = dict(zip(keys, keys, strict=True))
    else:
        owner = Series.study_fk if query.level is Level.STUDY else Instance.series_fk
        keys = [row[0].id for row in rows]
        first = (
            select(owner.label("owner"), func.min(Instance.id).label("instance_id"))
            .join(Series, Instance.series_fk == Series.id)
            .where(owner.in_(keys))
            .group_by(owner)
        )
        representative = {o: i for o, i in db.execute(first).all()}
    stored: dict[int, DicomJson] = dict(
        db.execute(
            select(InstanceMetadata.instance_fk, InstanceMetadata.dicom_json).where(
                InstanceMetadata.instance_fk.in_(list(representative.values()))
            )
        ).all()
    )
    for position, (key, item) in enumerate(zip(keys, items, strict=True)):
        source: DicomJson = stored.get(representative.get(key, -1)) or {}
        for tag, value in source.items():
            if tag in item or not isinstance(value, dict):
                continue
            if "BulkDataURI" in value or "InlineBinary" in value:
                continue
            if tag in missing or (query.include_all and _belongs(query.level, tag)):
                item[tag] = value
        for tag in missing - item.keys():
            item[tag] = element(tag, None)
        items[position] = dict(sorted(item.items()))


def _belongs(level: Level, tag: str) -> bool:
    """With ``includefield=all``, study and series answers take only patient/study/series-level groups."""
    if level is Level.INSTANCE:
        return True
    group = tag[:4]
    return group in ("0008", "0010", "0020", "0018") and not tag.startswith("7FE0")
