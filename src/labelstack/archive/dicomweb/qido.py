"""QIDO-RS search (PS3.18 §10.6) over the index tables.

Matching follows PS3.4 §C.2.2.2: single values, UID lists (comma or
backslash separated), wildcards ``*`` and ``?`` for strings and person names
(person names case-insensitively), and ``-``-ranges for dates and times. The
answer attributes come from the index rows (PS3.18 Tables 10.6.3-3 to -5);
``includefield`` adds index attributes, or copies requested attributes from a
representative instance's stored DICOM JSON; ``includefield=all`` returns
everything known. Fuzzy matching is not offered: with ``fuzzymatching=true``
the search is literal and a Warning header says so (PS3.18 §8.3.4.1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import SimpleNamespace
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from labelstack.archive.dicomweb.attributes import DicomJson, InvalidQuery, element, multi, tag_hex
from labelstack.models import Instance, InstanceMetadata, Patient, Series, Study

MAX_RESULTS = 1000
WARN_MORE = '299 labelstack "There are additional results that can be requested"'


class Level(StrEnum):
    """The query/retrieve level of a search (PS3.18 §10.6.1)."""

    STUDY = "study"
    SERIES = "series"
    INSTANCE = "instance"


@dataclass
class QidoQuery:
    """A parsed search: matching keys by tag, extra fields, paging, and warnings to send back."""

    level: Level
    matches: dict[str, list[str]] = field(default_factory=dict)
    includefields: set[str] = field(default_factory=set)
    include_all: bool = False
    limit: int = 100
    offset: int = 0
    fuzzy: bool = False
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- parsing

CONTROL_PARAMS = {"includefield", "limit", "offset", "fuzzymatching", "accept", "charset"}


def parse_query(level: Level, params: Sequence[tuple[str, str]], *, default_limit: int = 100) -> QidoQuery:
    """Read ``{attributeID}={value}``, includefield, limit, offset and fuzzymatching (PS3.18 §8.3.4)."""
    query = QidoQuery(level=level, limit=default_limit)
    for name, value in params:
        lname = name.lower()
        if lname == "includefield":
            for item in re.split(r"[,\s]+", value.strip()):
                if not item:
                    continue
                if item.lower() == "all":
                    query.include_all = True
                else:
                    query.includefields.add(tag_hex(item))
        elif lname == "limit":
            query.limit = _non_negative(name, value)
            if query.limit > MAX_RESULTS:
                query.limit = MAX_RESULTS
                query.warnings.append(f'299 labelstack "limit lowered to {MAX_RESULTS}"')
        elif lname == "offset":
            query.offset = _non_negative(name, value)
        elif lname == "fuzzymatching":
            if value.lower() not in ("true", "false"):
                raise InvalidQuery("fuzzymatching must be true or false")
            query.fuzzy = value.lower() == "true"
            if query.fuzzy:
                query.warnings.append(
                    '299 labelstack "The fuzzymatching parameter is not supported. '
                    'Only literal matching has been performed."'
                )
        elif lname in CONTROL_PARAMS:
            continue
        else:
            tag = tag_hex(name.split(".")[0])
            query.matches.setdefault(tag, []).append(value)
    return query


def _non_negative(name: str, value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise InvalidQuery(f"{name} must be a whole number, got {value!r}") from None
    if number < 0:
        raise InvalidQuery(f"{name} must not be negative")
    return number


# ---------------------------------------------------------------- matching

Matcher = Callable[[list[str]], ColumnElement[bool]]


def _wildcard_pattern(value: str) -> str:
    escaped = value.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return escaped.replace("*", "%").replace("?", "_")


def _has_wildcard(value: str) -> bool:
    return "*" in value or "?" in value


def _string(column: InstrumentedAttribute[str], *, ignore_case: bool = False) -> Matcher:
    def match(values: list[str]) -> ColumnElement[bool]:
        value = values[-1]
        col: Any = func.lower(column) if ignore_case else column
        if ignore_case:
            value = value.lower()
        if value in ("", "*"):
            return and_(True)  # universal matching (PS3.4 C.2.2.2.3)
        if _has_wildcard(value):
            clause: ColumnElement[bool] = col.like(_wildcard_pattern(value), escape="!")
            return clause
        equal: ColumnElement[bool] = col == value
        return equal

    return match


def _uid_list(column: InstrumentedAttribute[str]) -> Matcher:
    def match(values: list[str]) -> ColumnElement[bool]:
        uids = [u.strip() for v in values for u in re.split(r"[,\\]", v) if u.strip()]
        if not uids:
            return and_(True)
        return column.in_(uids)

    return match


def _value_list(column: InstrumentedAttribute[str]) -> Matcher:
    def match(values: list[str]) -> ColumnElement[bool]:
        wanted = [u.strip() for v in values for u in re.split(r"[,\\]", v) if u.strip()]
        return column.in_(wanted) if wanted else and_(True)

    return match


def _integer(column: InstrumentedAttribute[int | None]) -> Matcher:
    def match(values: list[str]) -> ColumnElement[bool]:
        try:
            numbers = [int(u) for v in values for u in re.split(r"[,\\]", v) if u.strip()]
        except ValueError:
            raise InvalidQuery(f"{column.key} must be a whole number") from None
        return column.in_(numbers) if numbers else and_(True)

    return match


def parse_date(value: str) -> date:
    digits = value.strip().replace("-", "").replace(".", "")
    if not re.fullmatch(r"\d{8}", digits):
        raise InvalidQuery(f"malformed date {value!r}: expected YYYYMMDD")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise InvalidQuery(f"malformed date {value!r}: no such day") from None


def date_range(value: str) -> tuple[date | None, date | None]:
    """``YYYYMMDD``, ``YYYYMMDD-YYYYMMDD``, ``-YYYYMMDD`` or ``YYYYMMDD-`` (PS3.4 C.2.2.2.5)."""
    value = value.strip()
    if re.fullmatch(r"\d{8}", value):
        day = parse_date(value)
        return day, day
    low, sep, high = value.partition("-")
    if not sep or (not low and not high):
        raise InvalidQuery(f"malformed date or date range {value!r}")
    start = parse_date(low) if low else None
    end = parse_date(high) if high else None
    if start and end and start > end:
        raise InvalidQuery(f"date range {value!r} ends before it starts")
    return start, end


def _date(column: InstrumentedAttribute[date | None]) -> Matcher:
    def match(values: list[str]) -> ColumnElement[bool]:
        value = values[-1]
        if not value:
            return and_(True)
        start, end = date_range(value)
        conditions = []
        if start:
            conditions.append(column >= start)
        if end:
            conditions.append(column <= end)
        return and_(*conditions)

    return match


def _time(column: InstrumentedAttribute[str]) -> Matcher:
    def norm(text: str) -> str:
        cleaned = text.replace(":", "").strip()
        if cleaned and not re.fullmatch(r"\d{2,6}(\.\d{1,6})?", cleaned):
            raise InvalidQuery(f"malformed time {text!r}: expected HHMMSS")
        return cleaned

    def match(values: list[str]) -> ColumnElement[bool]:
        value = values[-1]
        if not value:
            return and_(True)
        low, sep, high = value.partition("-")
        if not sep:
            return column.startswith(norm(value))
        conditions = []
        if low:
            conditions.append(column >= norm(low))
        if high:
            conditions.append(column <= norm(high) + "\uffff")
        return and_(*conditions)

    return match


def _modalities_in_study(values: list[str]) -> ColumnElement[bool]:
    """Any of the values in the study's backslash-separated ModalitiesInStudy (kept by ingest)."""
    wanted = [u.strip() for v in values for u in re.split(r"[,\\]", v) if u.strip()]
    if not wanted:
        return and_(True)
    padded = literal("\\") + Study.modalities + literal("\\")
    return or_(*(padded.like(f"%\\{_wildcard_pattern(m)}\\%", escape="!") for m in wanted))


PATIENT_MATCHERS: dict[str, Matcher] = {
    "00100010": _string(Patient.patient_name, ignore_case=True),
    "00100020": _string(Patient.patient_id),
    "00100030": _date(Patient.birth_date),
    "00100040": _string(Patient.sex),
}
STUDY_MATCHERS: dict[str, Matcher] = {
    **PATIENT_MATCHERS,
    "0020000D": _uid_list(Study.study_instance_uid),
    "00080020": _date(Study.study_date),
    "00080030": _time(Study.study_time),
    "00080050": _string(Study.accession_number),
    "00081030": _string(Study.description, ignore_case=True),
    "00200010": _string(Study.study_id),
    "00080090": _string(Study.referring_physician, ignore_case=True),
    "00080061": _modalities_in_study,
}
SERIES_MATCHERS: dict[str, Matcher] = {
    "0020000E": _uid_list(Series.series_instance_uid),
    "00080060": _value_list(Series.modality),
    "00200011": _integer(Series.series_number),
    "0008103E": _string(Series.description, ignore_case=True),
    "00180015": _string(Series.body_part),
}
INSTANCE_MATCHERS: dict[str, Matcher] = {
    "00080018": _uid_list(Instance.sop_instance_uid),
    "00080016": _uid_list(Instance.sop_class_uid),
    "00200013": _integer(Instance.instance_number),
}
MATCHERS_BY_LEVEL: dict[Level, dict[str, Matcher]] = {
    Level.STUDY: STUDY_MATCHERS,
    Level.SERIES: {**STUDY_MATCHERS, **SERIES_MATCHERS},
    Level.INSTANCE: {**STUDY_MATCHERS, **SERIES_MATCHERS, **INSTANCE_MATCHERS},
}


def _conditions(query: QidoQuery) -> list[ColumnElement[bool]]:
    matchers = MATCHERS_BY_LEVEL[query.level]
    conditions = []
    for tag, values in query.matches.items():
        matcher = matchers.get(tag)
        if matcher is None:
            query.warnings.append(f'299 labelstack "{tag} is not supported for matching and was ignored"')
            continue
        conditions.append(matcher(values))
    return conditions


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
    conditions = _conditions(query)
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
