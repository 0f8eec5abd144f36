"""Explicit VR Little Endian Part 10 files read straight from their bytes, without pydicom.

Nearly every file an archive receives is Explicit VR Little Endian (PS3.5
§A.2) with native pixel data, and reading those with pydicom (and importing
it) is the largest cost of ingest. :func:`walk` reads such a file's elements
itself and answers None for anything it does not read exactly: another
transfer syntax, a truncated or malformed element, an unknown VR, a value of
undefined length other than a sequence, elements out of order, bytes after
the last element. The caller then reads the file with pydicom, which also
words the reason for a rejection, so both ways accept, refuse and describe
the same files.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import TypeAlias

EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1"
#: VRs whose explicit encoding has two reserved bytes and a 32-bit length (PS3.5 Table 7.1-1).
_LONG_VRS = frozenset({"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"})
_VRS = _LONG_VRS | {
    "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO",
    "LT", "PN", "SH", "SL", "SS", "ST", "TM", "UI", "UL", "US",
}  # fmt: skip
_ITEM = 0xFFFEE000
_ITEM_END = 0xFFFEE00D
_SEQUENCE_END = 0xFFFEE0DD
_UNDEFINED = 0xFFFFFFFF
_TRANSFER_SYNTAX = 0x00020010
_MEDIA_STORAGE_SOP_CLASS = 0x00020002
_TAG = struct.Struct("<HH")
_SHORT = struct.Struct("<HH2sH")
_LENGTH = struct.Struct("<I")

#: A value: the element's bytes, or a sequence's items (each a list of elements).
Value: TypeAlias = "bytes | list[list[Element]]"
Element: TypeAlias = tuple[int, str, Value]


class _NotHere(Exception):
    """Something this reader leaves to pydicom."""


@dataclass(frozen=True)
class WalkedFile:
    """A file read by :func:`walk`: two file meta attributes and the data set's elements in file order."""

    transfer_syntax_uid: str
    media_storage_sop_class_uid: str
    elements: list[Element]

    def value(self, tag: int) -> Value | None:
        return next((value for t, _vr, value in self.elements if t == tag), None)


def walk(data: bytes | memoryview) -> WalkedFile | None:
    """The elements of an Explicit VR Little Endian file, or None to leave the file to pydicom."""
    if len(data) < 132 or data[128:132] != b"DICM":
        return None
    try:
        meta_elements, start = _elements(data, 132, len(data), meta=True)
        meta = {tag: value for tag, _vr, value in meta_elements}
        syntax = _uid(meta.get(_TRANSFER_SYNTAX))
        if syntax != EXPLICIT_VR_LITTLE_ENDIAN:
            return None
        elements, _end = _elements(data, start, len(data))
        return WalkedFile(syntax, _uid(meta.get(_MEDIA_STORAGE_SOP_CLASS)), elements)
    except (_NotHere, RecursionError):
        return None


def _uid(value: Value | None) -> str:
    if not isinstance(value, bytes):
        raise _NotHere
    return value.decode("ascii", "replace").rstrip("\x00 ")


def _elements(
    data: bytes | memoryview, pos: int, end: int, *, meta: bool = False, item: bool = False
) -> tuple[list[Element], int]:
    """The elements from ``pos`` to exactly ``end``, to an item delimiter (``item``), or to the
    end of the file meta group (``meta``); and where they end."""
    elements: list[Element] = []
    last = -1
    while pos < end:
        if pos + 8 > end:
            raise _NotHere
        group, number, vr_bytes, short_length = _SHORT.unpack_from(data, pos)
        tag = group << 16 | number
        if meta and group != 2:
            break
        if group == 0xFFFE:
            if item and tag == _ITEM_END and _LENGTH.unpack_from(data, pos + 4)[0] == 0:
                return elements, pos + 8
            raise _NotHere
        if tag <= last or (group == 2) != meta:
            raise _NotHere
        last = tag
        vr = vr_bytes.decode("latin_1")
        if vr in _LONG_VRS:
            if pos + 12 > end:
                raise _NotHere
            length = _LENGTH.unpack_from(data, pos + 8)[0]
            pos += 12
        elif vr in _VRS:
            length = short_length
            pos += 8
        else:
            raise _NotHere
        value: Value
        if vr == "SQ":
            value, pos = _sequence(data, pos, end, length)
        elif length == _UNDEFINED or pos + length > end:
            raise _NotHere
        else:
            value = bytes(data[pos : pos + length])  # bytes also when data is a memoryview
            pos += length
        elements.append((tag, vr, value))
    if item:
        raise _NotHere  # an item of undefined length without its delimiter
    return elements, pos


def _sequence(data: bytes | memoryview, pos: int, end: int, length: int) -> tuple[list[list[Element]], int]:
    """A sequence's items, of defined or undefined length (PS3.5 §7.5)."""
    undefined = length == _UNDEFINED
    if not undefined:
        if pos + length > end:
            raise _NotHere
        end = pos + length
    items: list[list[Element]] = []
    while True:
        if not undefined and pos == end:
            return items, pos
        if pos + 8 > end:
            raise _NotHere
        group, number = _TAG.unpack_from(data, pos)
        tag = group << 16 | number
        item_length = _LENGTH.unpack_from(data, pos + 4)[0]
        pos += 8
        if undefined and tag == _SEQUENCE_END and item_length == 0:
            return items, pos
        if tag != _ITEM:
            raise _NotHere
        if item_length == _UNDEFINED:
            elements, pos = _elements(data, pos, end, item=True)
        else:
            if pos + item_length > end:
                raise _NotHere
            elements, pos = _elements(data, pos, pos + item_length)
        items.append(elements)
