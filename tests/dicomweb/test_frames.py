"""Frame byte ranges found from the header alone match what pydicom decodes out of the file."""

from __future__ import annotations

from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.encaps import generate_frames

from labelstack.archive.dicomweb.frames import (
    frame_size,
    layout_of,
    read_frame,
    read_frames,
    read_frames_into,
)
from labelstack.services.errors import InvalidInput, NotFound

FILES = [
    "CT_small.dcm",  # explicit VR little endian
    "MR_small_implicit.dcm",  # implicit VR
    "rtdose.dcm",  # native multi-frame
    "SC_rgb_rle_2frame.dcm",  # RLE, two frames
    "rtdose_rle.dcm",  # RLE, 15 frames
    "examples_ybr_color.dcm",  # JPEG baseline multi-frame
    "MR_small_jp2klossless.dcm",
    "MR_small_jpeg_ls_lossless.dcm",
    "JPEG2000-embedded-sequence-delimiter.dcm",
]


def _path(name: str) -> Path:
    found = get_testdata_file(name)
    assert found, name
    return Path(str(found))


@pytest.mark.parametrize("name", FILES)
def test_frames_are_the_stored_bytes(name: str):
    path = _path(name)
    layout = layout_of(path)
    ds = pydicom.dcmread(path)
    count = int(ds.get("NumberOfFrames", 1) or 1)
    assert layout.number_of_frames == count
    if layout.encapsulated:
        expected = list(generate_frames(ds.PixelData, number_of_frames=count))
    else:
        size = len(ds.PixelData) // count
        expected = [ds.PixelData[i * size : (i + 1) * size] for i in range(count)]
    numbers = list(range(1, count + 1))
    assert read_frames(layout, numbers, path=path, data=None) == expected
    assert read_frames(layout, numbers, path=None, data=path.read_bytes()) == expected
    holes = [memoryview(bytearray(frame_size(layout, n))) for n in numbers]
    read_frames_into(layout, numbers, path, holes)
    assert [h.tobytes() for h in holes] == expected
    assert layout_of(path.read_bytes()) == layout


def test_frame_numbers_outside_the_instance_are_not_found():
    path = _path("CT_small.dcm")
    layout = layout_of(path)
    for number in (0, 2):
        with pytest.raises(NotFound):
            read_frame(layout, number, path=path, data=None)


def test_files_without_pixel_data_or_broken_files_are_refused():
    with pytest.raises(NotFound):
        layout_of(_path("rtplan.dcm"))
    with pytest.raises(InvalidInput):
        layout_of(b"not a dicom file at all")


def test_reading_frames_into_place_from_a_file_cut_short_fails(tmp_path: Path):
    path = _path("CT_small.dcm")
    layout = layout_of(path)
    short = tmp_path / "short.dcm"
    ((start, length),) = layout.ranges(1)
    short.write_bytes(path.read_bytes()[: start + length - 10])
    hole = memoryview(bytearray(frame_size(layout, 1)))
    with pytest.raises(EOFError):
        read_frames_into(layout, [1], short, [hole])
    with pytest.raises(NotFound):
        frame_size(layout, 2)
