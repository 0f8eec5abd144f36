"""CSV tables: classifications (with their flags), QC decisions and review outcomes out;
classifications in.

One column set per table, named here so that exports and the importer agree.
Import errors name the line, so a spreadsheet user can find the cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from labelstack.annotations.errors import AnnotationFormatError, CorruptFile

CLASSIFICATION_COLUMNS = (
    "annotation_id",
    "version",
    "status",
    "study_instance_uid",
    "series_instance_uid",
    "sop_instance_uid",
    "label",
    "value",
    "tentative",
    "bad_quality",
    "comment",
    "author",
    "created_at",
)
QC_COLUMNS = (
    "annotation_id",
    "version",
    "series_instance_uid",
    "phase",
    "label",
    "decision",
    "comment",
    "author",
    "created_at",
)
REVIEW_COLUMNS = (
    "annotation_id",
    "review_number",
    "version",
    "label",
    "series_instance_uid",
    "sop_instance_uid",
    "reviewer",
    "outcome",
    "comment",
    "created_at",
)

_TRUE = {"1", "true", "yes", "y", "t", "x"}
_FALSE = {"", "0", "false", "no", "n", "f"}


def write_table(columns: Iterable[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """CSV text with a header row; booleans as true/false, None as empty."""
    columns = list(columns)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _cell(row.get(c)) for c in columns})
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class ClassificationRow:
    line: int
    series_instance_uid: str
    sop_instance_uid: str
    label: str
    value: str
    tentative: bool
    bad_quality: bool
    comment: str


def read_classifications(data: bytes | str) -> list[ClassificationRow]:
    """Rows of a classification CSV; needs ``label`` and a series or instance UID per row."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CorruptFile("the CSV file is not UTF-8 text") from None
    else:
        text = data
    # spreadsheets in many locales write ';' or tabs: the header line tells which
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in reader.fieldnames or []]
    if "label" not in header or not ({"series_instance_uid", "sop_instance_uid"} & set(header)):
        raise CorruptFile(
            "a classification CSV needs a 'label' column and "
            "a 'series_instance_uid' or 'sop_instance_uid' column"
        )
    rows: list[ClassificationRow] = []
    try:
        for raw in reader:
            line = reader.line_num
            cells = {
                (k or "").strip(): (v or "").strip() for k, v in raw.items() if isinstance(v, str | None)
            }
            if None in raw:
                raise AnnotationFormatError(f"line {line} has more cells than the header")
            series_uid, sop_uid = cells.get("series_instance_uid", ""), cells.get("sop_instance_uid", "")
            if not (series_uid or sop_uid):
                raise AnnotationFormatError(f"line {line} names neither a series nor an instance")
            if not cells.get("label"):
                raise AnnotationFormatError(f"line {line} has no label")
            rows.append(
                ClassificationRow(
                    line=line,
                    series_instance_uid=series_uid,
                    sop_instance_uid=sop_uid,
                    label=cells["label"],
                    value=cells.get("value", ""),
                    tentative=_flag(cells.get("tentative", ""), "tentative", line),
                    bad_quality=_flag(cells.get("bad_quality", ""), "bad_quality", line),
                    comment=cells.get("comment", ""),
                )
            )
    except csv.Error as exc:
        raise CorruptFile(f"line {reader.line_num}: {exc}") from None
    return rows


def _flag(text: str, column: str, line: int) -> bool:
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise AnnotationFormatError(f"line {line}: {column} must be true or false, not {text!r}")
