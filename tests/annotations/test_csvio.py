from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from labelstack.annotations.csvio import (
    CLASSIFICATION_COLUMNS,
    QC_COLUMNS,
    read_classifications,
    write_table,
)
from labelstack.annotations.errors import AnnotationFormatError, CorruptFile


def test_classification_export_reads_back() -> None:
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    rows = [
        {
            "annotation_id": 1,
            "version": 2,
            "series_instance_uid": "1.2.3",
            "label": "Pneumonia",
            "value": "abnormal",
            "tentative": True,
            "bad_quality": False,
            "comment": 'left lower lobe, "patchy"',
            "author": "alice",
            "created_at": at,
        },
        {
            "annotation_id": 2,
            "version": 1,
            "sop_instance_uid": "1.2.3.4",
            "label": "Pneumonia",
            "value": "normal",
        },
    ]
    text = write_table(CLASSIFICATION_COLUMNS, rows)
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert parsed[0]["tentative"] == "true" and parsed[0]["bad_quality"] == "false"
    assert parsed[0]["created_at"] == "2026-01-02T03:04:05+00:00"
    assert parsed[1]["study_instance_uid"] == "" and parsed[1]["tentative"] == ""
    back = read_classifications(text.encode())
    assert [(r.line, r.label, r.value, r.tentative, r.bad_quality) for r in back] == [
        (2, "Pneumonia", "abnormal", True, False),
        (3, "Pneumonia", "normal", False, False),
    ]
    assert back[0].comment == 'left lower lobe, "patchy"'
    assert back[1].sop_instance_uid == "1.2.3.4"


def test_qc_table_has_its_columns() -> None:
    text = write_table(QC_COLUMNS, [{"series_instance_uid": "1.2", "phase": "ED", "decision": "fine-tune"}])
    assert text.splitlines()[0].split(",") == list(QC_COLUMNS)
    assert ",ED,,fine-tune," in text


def test_semicolon_spreadsheets_and_bom_are_read() -> None:
    text = "\ufeffseries_instance_uid;label;value;tentative\n1.2.3;Fracture;yes;Yes\n"
    (row,) = read_classifications(text.encode("utf-8"))
    assert (row.series_instance_uid, row.label, row.value, row.tentative) == (
        "1.2.3",
        "Fracture",
        "yes",
        True,
    )


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("uid,label\n1,x\n", CorruptFile, "needs a 'label' column and a 'series_instance_uid'"),
        ("series_instance_uid,label\n1.2,\n", AnnotationFormatError, "line 2 has no label"),
        ("series_instance_uid,label\n,x\n", AnnotationFormatError, "line 2 names neither"),
        (
            "series_instance_uid,label,tentative\n1.2,x,maybe\n",
            AnnotationFormatError,
            "line 2: tentative must be true or false, not 'maybe'",
        ),
        ("series_instance_uid,label\n1.2,x,extra\n", AnnotationFormatError, "line 2 has more cells"),
    ],
)
def test_bad_csv_is_refused_with_the_line(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        read_classifications(text)


def test_non_utf8_is_refused() -> None:
    with pytest.raises(CorruptFile, match="not UTF-8"):
        read_classifications(b"series_instance_uid,label\n1.2,\xff\xfe\n")
