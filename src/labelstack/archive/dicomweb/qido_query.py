"""QIDO-RS queries (PS3.18 §8.3.4, §10.6.1): parsing the query string and matching on the index.

Matching follows PS3.4 §C.2.2.2: single values, UID lists (comma or
backslash separated), wildcards ``*`` and ``?`` for strings and person names
(person names case-insensitively), and ``-``-ranges for dates and times.
Fuzzy matching is not offered: with ``fuzzymatching=true`` the search is
literal and a Warning header says so (PS3.18 §8.3.4.1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, or_
from sqlalchemy.orm import InstrumentedAttribute

from labelstack.archive.dicomweb.attributes import InvalidQuery, tag_hex
from labelstack.models import Instance, Patient, Series, Study

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


def conditions_for(query: QidoQuery) -> list[ColumnElement[bool]]:
    matchers = MATCHERS_BY_LEVEL[query.level]
    conditions = []
    for tag, values in query.matches.items():
        matcher = matchers.get(tag)
        if matcher is None:
            query.warnings.append(f'299 labelstack "{tag} is not supported for matching and was ignored"')
            continue
        conditions.append(matcher(values))
    return conditions
