"""The one-pass reader: its DICOM JSON and index columns equal pydicom's own on every file pydicom ships."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pydicom
import pydicom.data
import pytest

from labelstack.archive import dicom_files
from labelstack.archive.dicom_files import BULK_TAGS, InvalidDicom, relative_bulkdata_uri
from tests.generated import ct_series

#: The files inside the pydicom wheel (the local folders, so nothing is downloaded).
DATA = Path(pydicom.data.__file__).parent
FILES = sorted(
    (p for folder in ("test_files", "charset_files") for p in (DATA / folder).glob("*") if p.is_file()),
    key=lambda p: p.name,
)


def pydicom_json(ds: pydicom.Dataset) -> dict[str, Any]:
    """What pydicom's own encoder makes, with the archive's BulkDataURI rule for pixel data."""
    result = ds.to_json_dict(
        bulk_data_threshold=1024,
        bulk_data_element_handler=lambda element: relative_bulkdata_uri(f"{element.tag:08X}"),
    )
    for tag in BULK_TAGS:
        key = f"{tag:08X}"
        if key in result and "BulkDataURI" not in result[key]:
            result[key] = {"vr": result[key]["vr"], "BulkDataURI": relative_bulkdata_uri(key)}
    return result


def readable(path: Path) -> pydicom.Dataset | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return dicom_files.parse(path.read_bytes())
        except InvalidDicom:
            return None


def test_the_corpus_covers_what_the_fast_path_must_get_right():
    syntaxes = set()
    charsets = set()
    for path in FILES:
        ds = readable(path)
        if ds is not None:
            syntaxes.add(str(ds.file_meta.TransferSyntaxUID))
            charsets.add(str(ds.get("SpecificCharacterSet", "")))
    assert {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"} <= syntaxes
    assert {"ISO_IR 100", "ISO_IR 192"} <= charsets
    assert len(charsets) > 5  # character sets the fast path hands to pydicom


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_dicom_json_and_index_columns_equal_pydicoms(path: Path):
    data = path.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ds = dicom_files.parse(data)
        except InvalidDicom as exc:
            with pytest.raises(InvalidDicom) as caught:
                dicom_files.read(data)
            assert caught.value.detail == exc.detail
            return
        result = dicom_files.read(data)
        assert result.info == dicom_files.facts(ds)
        try:
            expected = pydicom_json(ds)
        except Exception:
            assert result.dicom_json is None
            assert result.json_error and result.json_error.startswith("cannot describe the dataset")
            return
    assert result.dicom_json == expected


def test_generated_ct_reads_the_same_both_ways():
    (data,) = ct_series(1, rows=32, columns=32)
    ds = dicom_files.parse(data)
    result = dicom_files.read(data)
    assert result.dicom_json == pydicom_json(ds)
    assert result.info == dicom_files.facts(ds)
    assert result.info.image_position == [0.0, 0.0, 0.0]
    assert result.dicom_json["7FE00010"] == {"vr": "OW", "BulkDataURI": "bulkdata/7FE00010"}
