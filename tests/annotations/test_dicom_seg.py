from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset

from labelstack.annotations.dicom_seg import SegHeader, read_seg, write_seg
from labelstack.annotations.errors import AnnotationFormatError, CorruptFile, ShapeMismatch, UnknownSegment
from labelstack.annotations.geometry import volume_from_datasets
from labelstack.annotations.segments import SegmentInfo
from tests.annotations.series_factory import ct_series

DCIODVFY = shutil.which("dciodvfy") or "/usr/bin/dciodvfy"

SEGMENTS = [
    SegmentInfo(1, "Liver", "#dd8844"),
    SegmentInfo(4, "Left kidney", "#3366ff", algorithm_type="SEMIAUTOMATIC", algorithm_name="grow-cut"),
    SegmentInfo(
        7, "Tumour", "#ff0000", algorithm_type="AUTOMATIC", algorithm_name="unet", algorithm_version="2"
    ),
]


def _labelmap(shape: tuple[int, int, int]) -> np.ndarray:
    labelmap = np.zeros(shape, dtype=np.uint8)
    labelmap[5:15, 10:40, 10:30] = 1
    labelmap[12:20, 40:55, 35:60] = 4
    labelmap[30:33, 20:25, 20:26] = 7
    return labelmap


def dciodvfy_errors(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "seg.dcm"
    path.write_bytes(data)
    result = subprocess.run([DCIODVFY, str(path)], capture_output=True, text=True, check=False)
    return [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("Error")]


def test_seg_round_trips_to_the_same_labelmap(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    labelmap = _labelmap(geometry.shape)
    data = write_seg(ct40, labelmap, SEGMENTS, SegHeader(content_creator="alice"))
    read = read_seg(data, geometry)
    assert read.labelmap.dtype == np.uint8
    assert np.array_equal(read.labelmap, labelmap)
    assert [(s.number, s.label, s.algorithm_type.value) for s in read.segments] == [
        (1, "Liver", "MANUAL"),
        (4, "Left kidney", "SEMIAUTOMATIC"),
        (7, "Tumour", "AUTOMATIC"),
    ]
    assert read.segments[2].algorithm_name == "unet"
    # CIELab round trip keeps colours within a unit or two per channel
    for original, back in zip(SEGMENTS, read.segments, strict=True):
        assert np.allclose(original.rgb, back.rgb, atol=2)


def test_seg_passes_dciodvfy_and_references_its_sources(ct40: list[Dataset], tmp_path: Path) -> None:
    geometry = volume_from_datasets(ct40)
    data = write_seg(ct40, _labelmap(geometry.shape), SEGMENTS, SegHeader(content_creator="Smith^Alice"))
    assert dciodvfy_errors(data, tmp_path) == []
    seg = pydicom.dcmread(io.BytesIO(data))
    source = ct40[0]
    assert seg.SOPClassUID == "1.2.840.10008.5.1.4.1.1.66.4"
    assert seg.SegmentationType == "BINARY"
    assert seg.StudyInstanceUID == source.StudyInstanceUID
    assert seg.FrameOfReferenceUID == source.FrameOfReferenceUID
    assert seg.PatientID == source.PatientID
    assert str(seg.ContentCreatorName) == "Smith^Alice"
    referenced = {
        item.ReferencedSOPInstanceUID for item in seg.ReferencedSeriesSequence[0].ReferencedInstanceSequence
    }
    assert referenced == {str(ds.SOPInstanceUID) for ds in ct40}
    assert seg.ReferencedSeriesSequence[0].SeriesInstanceUID == source.SeriesInstanceUID
    # each frame derives from the source image it lies on
    uid_at = dict(enumerate(geometry.sop_instance_uids))
    labelmap = _labelmap(geometry.shape)
    for frame in seg.PerFrameFunctionalGroupsSequence:
        uid = frame.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
        number = frame.SegmentIdentificationSequence[0].ReferencedSegmentNumber
        k = next(k for k, u in uid_at.items() if u == uid)
        assert labelmap[k].any()
        assert number in {1, 2, 3}
    segment = seg.SegmentSequence[1]
    assert segment.SegmentLabel == "Left kidney"
    assert segment.SegmentAlgorithmType == "SEMIAUTOMATIC"
    assert segment.SegmentedPropertyCategoryCodeSequence[0].CodeValue == "91723000"
    assert len(segment.RecommendedDisplayCIELabValue) == 3


def test_single_image_mr_exports_and_validates(tmp_path: Path) -> None:
    mr = pydicom.dcmread(get_testdata_file("MR_small.dcm"))
    geometry = volume_from_datasets([mr])
    labelmap = np.zeros(geometry.shape, np.uint8)
    labelmap[0, 20:40, 25:45] = 1
    data = write_seg([mr], labelmap, [SegmentInfo(1, "Brain", "#ffee00")], SegHeader(content_creator="bob"))
    assert dciodvfy_errors(data, tmp_path) == []
    assert np.array_equal(read_seg(data, geometry).labelmap, labelmap)


def test_fractional_probabilities_export_and_threshold_back(ct40: list[Dataset], tmp_path: Path) -> None:
    geometry = volume_from_datasets(ct40)
    probabilities = np.zeros((*geometry.shape, 2), dtype=np.float32)
    probabilities[10:14, 10:30, 10:30, 0] = 0.9
    probabilities[10:14, 10:20, 10:20, 0] = 0.3
    probabilities[20:22, 5:9, 5:9, 1] = 0.75
    segments = [
        SegmentInfo(1, "Liver", "#dd8844", algorithm_type="AUTOMATIC", algorithm_name="unet"),
        SegmentInfo(2, "Spleen", "#8844dd", algorithm_type="AUTOMATIC", algorithm_name="unet"),
    ]
    data = write_seg(ct40, probabilities, segments, SegHeader(content_creator="model"))
    assert dciodvfy_errors(data, tmp_path) == []
    assert pydicom.dcmread(io.BytesIO(data)).SegmentationType == "FRACTIONAL"
    read = read_seg(data, geometry)
    assert read.fractional
    expected = np.zeros(geometry.shape, np.uint8)
    expected[10:14, 10:30, 10:30] = 1
    expected[10:14, 10:20, 10:20] = 0
    expected[20:22, 5:9, 5:9] = 2
    assert np.array_equal(read.labelmap, expected)


def test_export_refuses_mismatched_or_empty_content(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    header = SegHeader(content_creator="alice")
    with pytest.raises(
        ShapeMismatch, match=r"labelmap shape \[39, 64, 64\] does not match the series \[40, 64, 64\]"
    ):
        write_seg(ct40, np.zeros((39, 64, 64), np.uint8), SEGMENTS, header)
    unknown = _labelmap(geometry.shape)
    unknown[0, 0, 0] = 9
    with pytest.raises(UnknownSegment, match=r"\[9\]"):
        write_seg(ct40, unknown, SEGMENTS, header)
    with pytest.raises(AnnotationFormatError, match="empty"):
        write_seg(ct40, np.zeros(geometry.shape, np.uint8), SEGMENTS, header)
    with pytest.raises(AnnotationFormatError, match="used twice"):
        write_seg(ct40, _labelmap(geometry.shape), [*SEGMENTS, SegmentInfo(1, "Again")], header)


def test_import_refuses_a_seg_made_on_another_series(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    data = write_seg(ct40, _labelmap(geometry.shape), SEGMENTS, SegHeader(content_creator="alice"))
    other = volume_from_datasets(ct_series(40, 64, 64))
    with pytest.raises(ShapeMismatch, match="references none of this series"):
        read_seg(data, other)
    fewer = volume_from_datasets(sorted(ct40, key=lambda ds: float(ds.ImagePositionPatient[2]))[:20])
    with pytest.raises(ShapeMismatch, match="20 images that are not in this series"):
        read_seg(data, fewer)


def test_import_refuses_corrupt_and_non_seg_files(ct40: list[Dataset]) -> None:
    geometry = volume_from_datasets(ct40)
    with pytest.raises(CorruptFile, match=r"not a readable DICOM file|not a DICOM Segmentation"):
        read_seg(b"this is not dicom", geometry)
    ct_bytes = Path(get_testdata_file("CT_small.dcm")).read_bytes()
    with pytest.raises(CorruptFile, match="not a DICOM Segmentation"):
        read_seg(ct_bytes, geometry)
    data = write_seg(ct40, _labelmap(geometry.shape), SEGMENTS, SegHeader(content_creator="alice"))
    with pytest.raises(CorruptFile):
        read_seg(data[: len(data) // 2], geometry)


def test_segment_description_checks() -> None:
    with pytest.raises(AnnotationFormatError, match="from 1 to 65535"):
        SegmentInfo(0, "x")
    with pytest.raises(AnnotationFormatError, match="#rrggbb"):
        SegmentInfo(1, "x", "red")
    with pytest.raises(AnnotationFormatError, match="name the algorithm"):
        SegmentInfo(1, "x", algorithm_type="AUTOMATIC")
    with pytest.raises(ValueError):
        SegmentInfo(1, "x", algorithm_type="GUESSED")
