"""Reading Explicit VR Little Endian files without pydicom: the same answers as pydicom, good or bad."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

from labelstack.archive import dicom_files
from labelstack.archive.dicom_files import InvalidDicom
from tests.archive.test_dicom_json import FILES, pydicom_json
from tests.dicom_fixtures import dataset, encode
from tests.generated import ct_series


def _with_sequences() -> bytes:
    """A CT slice with nested sequences: items of defined and undefined length, an empty item."""
    ds = dataset(ct_series(1, rows=16, columns=16)[0])
    inner = Dataset()
    inner.CodeValue = "T-D3000"
    inner.CodingSchemeDesignator = "SRT"
    inner.CodeMeaning = "Chest"
    referenced = Dataset()
    referenced.ReferencedSOPClassUID = ds.SOPClassUID
    referenced.ReferencedSOPInstanceUID = ds.SOPInstanceUID
    referenced.PurposeOfReferenceCodeSequence = Sequence([inner])
    ds.ReferencedImageSequence = Sequence([referenced, Dataset()])
    ds.AnatomicRegionSequence = Sequence([inner])
    ds.AnatomicRegionSequence.is_undefined_length = False
    return encode(ds)


def test_explicit_little_endian_files_are_read_without_pydicom_and_the_same():
    files = [ct_series(1, rows=32, columns=32)[0], _with_sequences()]
    for data in files:
        walked = dicom_files._read_walked(data)
        assert walked is not None
        assert walked == dicom_files._read_with_pydicom(data)
        assert walked.dicom_json == pydicom_json(dicom_files.parse(data))
    assert len(walked.dicom_json["00081140"]["Value"]) == 2  # (the one with sequences)


def test_most_explicit_little_endian_files_pydicom_ships_take_the_fast_way():
    walked = []
    for path in FILES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                if dicom_files._read_walked(path.read_bytes()) is not None:
                    walked.append(path.name)
            except InvalidDicom:
                pass
    assert len(walked) >= 12, walked  # the rest: other syntaxes, character sets, VRs pydicom decides


def _cuts(data: bytes) -> dict[str, bytes]:
    pixels = data.rindex(b"\xe0\x7f\x10\x00")
    return {
        "in the file meta": data[:140],
        "in an element header": data[: pixels + 3],
        "in the pixel data header": data[: pixels + 9],
        "in the pixel data": data[:-1],
        "one byte more": data + b"\x00",
        "eight bytes more": data + bytes(8),
        "a stray delimiter after the last element": data + b"\xfe\xff\x0d\xe0" + bytes(4),
    }


@pytest.mark.parametrize("case", sorted(_cuts(b"\xe0\x7f\x10\x00")))
def test_damaged_files_are_refused_for_the_same_reason_both_ways(case: str):
    data = _cuts(_with_sequences())[case]
    assert dicom_files._read_walked(data) is None
    with pytest.raises(InvalidDicom) as by_pydicom:
        dicom_files.parse(data)
    with pytest.raises(InvalidDicom) as read:
        dicom_files.read(data)
    assert read.value.detail == by_pydicom.value.detail


def test_a_sequence_cut_short_is_left_to_pydicom():
    data = _with_sequences()
    sequence = data.index(b"\x08\x00\x40\x11SQ")  # ReferencedImageSequence
    assert dicom_files._read_walked(data[: sequence + 40]) is None


def test_reading_an_explicit_little_endian_file_does_not_import_pydicom(tmp_path: Path):
    path = tmp_path / "slice.dcm"
    path.write_bytes(ct_series(1, rows=16, columns=16)[0])
    code = (
        "import sys, pathlib\n"
        "from labelstack.archive import dicom_files\n"
        f"result = dicom_files.read(pathlib.Path({str(path)!r}).read_bytes())\n"
        "assert result.dicom_json is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydicom', 'numpy')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", run.stdout + run.stderr
