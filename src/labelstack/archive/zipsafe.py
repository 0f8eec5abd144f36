"""Reading zip archives that strangers send: no path tricks, no links, no bombs.

The whole central directory is checked before a single member is read, so an
unsafe archive is refused as a whole and nothing from it is stored. Reads are
bounded by the declared size too, in case a member lies about it.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from labelstack.services.errors import InvalidInput

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


class UnsafeArchive(InvalidInput):
    """The zip archive is malformed or tries something we refuse."""


@dataclass(frozen=True)
class ZipLimits:
    max_member_bytes: int
    max_total_bytes: int
    max_ratio: int
    max_members: int


def is_zip(head: bytes) -> bool:
    return head[:4] in ZIP_MAGIC


def check_member_name(name: str) -> None:
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        raise UnsafeArchive(f"refusing zip member with an absolute path: {name!r}")
    if ".." in normalised.split("/"):
        raise UnsafeArchive(f"refusing zip member that climbs out with '..': {name!r}")
    if "\x00" in name:
        raise UnsafeArchive("refusing zip member whose name contains a NUL byte")


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def safe_members(archive: zipfile.ZipFile, limits: ZipLimits) -> list[zipfile.ZipInfo]:
    """The file members, after checking every entry against the limits."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise UnsafeArchive(f"the zip has {len(infos)} members, more than the limit of {limits.max_members}")
    total = 0
    members = []
    for info in infos:
        check_member_name(info.filename)
        if _is_symlink(info):
            raise UnsafeArchive(f"refusing symbolic link in zip: {info.filename!r}")
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise UnsafeArchive(f"refusing encrypted zip member {info.filename!r}")
        if info.file_size > limits.max_member_bytes:
            raise UnsafeArchive(
                f"zip member {info.filename!r} expands to {info.file_size} bytes, over the limit"
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio and info.file_size > 1024 * 1024:
            raise UnsafeArchive(
                f"zip member {info.filename!r} expands {ratio:.0f}-fold "
                f"(limit {limits.max_ratio}): a zip bomb?"
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise UnsafeArchive(f"the zip expands to more than {limits.max_total_bytes} bytes")
        members.append(info)
    return members


def iter_zip(source: BinaryIO, limits: ZipLimits) -> Iterator[tuple[str, bytes]]:
    """(member name, bytes) of every file in a checked archive; UnsafeArchive before any yield if unsafe."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnsafeArchive(f"not a readable zip archive: {exc}") from exc
    with archive:
        members = safe_members(archive, limits)
        for info in members:
            try:
                with archive.open(info) as member:
                    data = member.read(info.file_size + 1)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                raise UnsafeArchive(f"cannot read zip member {info.filename!r}: {exc}") from exc
            if len(data) > info.file_size:
                raise UnsafeArchive(f"zip member {info.filename!r} is larger than it declares")
            yield info.filename, data
