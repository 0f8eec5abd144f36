"""Where each frame's bytes are inside a stored DICOM file, so frames are served without decoding.

PS3.5 §8.2 (native pixel data: frames are consecutive, each
Rows * Columns * SamplesPerPixel * BitsAllocated / 8 bytes) and §A.4
(encapsulated pixel data: a Basic Offset Table item, then fragments; a frame
is one or more fragments). The layout is computed once per instance from the
header alone (the pixel data element is not read for native syntaxes) and
then cached; serving a frame is a positioned read of the file.
"""

from __future__ import annotations

import io
import os
import struct
from dataclasses import dataclass
from pathlib import Path

import pydicom
from pydicom.dataelem import RawDataElement
from pydicom.tag import Tag

from labelstack.archive.dicomweb.negotiation import (
    DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
    EXPLICIT_VR_BIG_ENDIAN,
)
from labelstack.services.errors import InvalidInput, NotAcceptable, NotFound

PIXEL_DATA = Tag(0x7FE0, 0x0010)
ITEM = 0xE000FFFE.to_bytes(4, "little")  # (FFFE,E000) as stored little-endian
SEQUENCE_DELIMITER = 0xE0DDFFFE.to_bytes(4, "little")
DEFER_BYTES = 256  # larger values stay on disk while the header is parsed

Fragment = tuple[int, int]  # (offset in the file, length)


@dataclass(frozen=True)
class FrameLayout:
    """The byte ranges of every frame of one instance."""

    transfer_syntax_uid: str
    frames: tuple[tuple[Fragment, ...], ...]
    encapsulated: bool

    @property
    def number_of_frames(self) -> int:
        return len(self.frames)

    def ranges(self, frame_number: int) -> tuple[Fragment, ...]:
        """Frame numbers start at 1 (PS3.18 §8.3.5.1, ``{frameList}``)."""
        if not 1 <= frame_number <= len(self.frames):
            raise NotFound(f"frame {frame_number} does not exist (the instance has {len(self.frames)})")
        return self.frames[frame_number - 1]


def layout_of(source: Path | bytes) -> FrameLayout:
    """Read the header of a stored instance and locate each frame."""
    try:
        if isinstance(source, Path):
            with source.open("rb") as fp:
                return _layout(fp)
        return _layout(io.BytesIO(source))
    except (pydicom.errors.InvalidDicomError, struct.error, EOFError, ValueError) as exc:
        raise InvalidInput(f"the stored instance cannot be parsed: {exc}") from exc


def _layout(fp: io.BufferedIOBase | io.BytesIO) -> FrameLayout:
    ds = pydicom.dcmread(fp, defer_size=DEFER_BYTES)
    syntax = str(ds.file_meta.get("TransferSyntaxUID", ""))
    if syntax in (DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN):
        raise NotAcceptable(f"frames of instances stored in {syntax} are not served")
    raw = ds.get_item(PIXEL_DATA, keep_deferred=True)
    if not isinstance(raw, RawDataElement):
        raise NotFound("the instance has no pixel data")
    value_tell = int(raw.value_tell)
    frames_count = int(ds.get("NumberOfFrames", 1) or 1)
    if raw.length != 0xFFFFFFFF:  # native
        bits = int(ds.BitsAllocated) * int(ds.Rows) * int(ds.Columns) * int(ds.get("SamplesPerPixel", 1))
        frame_size = (bits + 7) // 8
        if frame_size * frames_count > raw.length:
            raise InvalidInput("the pixel data is shorter than its frames")
        frames = tuple(((value_tell + i * frame_size, frame_size),) for i in range(frames_count))
        return FrameLayout(syntax, frames, encapsulated=False)
    if isinstance(raw.value, bytes):
        value = raw.value
    else:  # deferred: read the items straight from the file
        fp.seek(value_tell)
        value = fp.read()
    return FrameLayout(syntax, _encapsulated(value, value_tell, frames_count), encapsulated=True)


def _encapsulated(value: bytes, base: int, frames_count: int) -> tuple[tuple[Fragment, ...], ...]:
    items: list[Fragment] = []
    pos = 0
    while pos + 8 <= len(value):
        tag, length = value[pos : pos + 4], struct.unpack_from("<I", value, pos + 4)[0]
        if tag == SEQUENCE_DELIMITER:
            break
        if tag != ITEM:
            raise InvalidInput("malformed encapsulated pixel data")
        items.append((pos + 8, length))
        pos += 8 + length
    if not items:
        raise InvalidInput("encapsulated pixel data without items")
    (bot_start, bot_length), fragments = items[0], items[1:]
    if not fragments:
        raise InvalidInput("encapsulated pixel data without fragments")

    def absolute(group: list[Fragment]) -> tuple[Fragment, ...]:
        return tuple((base + start, length) for start, length in group)

    if frames_count == 1:
        return (absolute(fragments),)
    if len(fragments) == frames_count:
        return tuple(absolute([f]) for f in fragments)
    if bot_length >= 4 * frames_count:
        # offsets are relative to the first byte of the first fragment's item tag
        first_item = fragments[0][0] - 8
        starts = [first_item + o for o in struct.unpack_from(f"<{frames_count}I", value, bot_start)] + [
            len(value)
        ]
        return tuple(
            absolute([f for f in fragments if starts[i] <= f[0] - 8 < starts[i + 1]])
            for i in range(frames_count)
        )
    # no offset table: a frame ends with a JPEG/JPEG-LS end-of-image marker (PS3.5 §A.4)
    grouped: list[list[Fragment]] = [[]]
    for fragment in fragments:
        grouped[-1].append(fragment)
        end = value[fragment[0] + fragment[1] - 2 : fragment[0] + fragment[1]]
        if end in (b"\xff\xd9", b"\xd9\x00") and len(grouped) < frames_count:
            grouped.append([])
    if len(grouped) != frames_count or not grouped[-1]:
        raise InvalidInput("cannot tell where the frames of this encapsulated pixel data begin")
    return tuple(absolute(g) for g in grouped)


def read_frame(layout: FrameLayout, frame_number: int, *, path: Path | None, data: bytes | None) -> bytes:
    """The frame's bytes, by positioned reads of ``path`` or slices of ``data``."""
    ranges = layout.ranges(frame_number)
    if data is not None:
        return b"".join(data[start : start + length] for start, length in ranges)
    if path is None:
        raise ValueError("a frame needs a path or the instance bytes")
    fd = os.open(path, os.O_RDONLY)
    try:
        return b"".join(os.pread(fd, length, start) for start, length in ranges)
    finally:
        os.close(fd)


def read_frames(
    layout: FrameLayout, frame_numbers: list[int], *, path: Path | None, data: bytes | None
) -> list[bytes]:
    for number in frame_numbers:
        layout.ranges(number)  # every number is checked before anything is read
    if data is not None or path is None:
        return [read_frame(layout, n, path=path, data=data) for n in frame_numbers]
    fd = os.open(path, os.O_RDONLY)
    try:
        return [b"".join(os.pread(fd, ln, st) for st, ln in layout.ranges(n)) for n in frame_numbers]
    finally:
        os.close(fd)


def frame_size(layout: FrameLayout, frame_number: int) -> int:
    return sum(length for _start, length in layout.ranges(frame_number))


def read_frames_into(
    layout: FrameLayout, frame_numbers: list[int], path: Path, holes: list[memoryview]
) -> None:
    """Fill each hole with its frame by positioned reads of ``path`` (no intermediate copy).

    Raises ``EOFError`` if the file is shorter than its layout says (the hole
    would keep bytes that are not the frame's).
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        for number, hole in zip(frame_numbers, holes, strict=True):
            pos = 0
            for start, length in layout.ranges(number):
                target = hole[pos : pos + length]
                while target:
                    got = os.preadv(fd, [target], start)
                    if got == 0:
                        raise EOFError(f"{path.name} ends before frame {number}")
                    target, start = target[got:], start + got
                pos += length
    finally:
        os.close(fd)
