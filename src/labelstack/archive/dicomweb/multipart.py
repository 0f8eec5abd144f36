"""multipart/related bodies (RFC 2387) as PS3.18 §8.6.1.2 uses them for WADO-RS and STOW-RS.

Encoding yields the body piece by piece so a study can be streamed without
holding it in memory; decoding splits a received body on its boundary and
returns each part's headers and bytes.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from labelstack.archive.dicomweb.negotiation import parse_media_type
from labelstack.services.errors import InvalidInput, UnsupportedMediaType

CRLF = b"\r\n"


@dataclass(frozen=True)
class Part:
    """One body part: its Content-Type, the bytes, and any further headers (e.g. Content-Location)."""

    content_type: str
    #: a memoryview of the whole body for decoded parts (see :func:`decode`)
    data: bytes | memoryview
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Body:
    """What :func:`encode_into` made: the whole body, and the holes for the parts' data in it."""

    data: memoryview
    holes: list[memoryview]


def new_boundary() -> str:
    return "labelstack-" + secrets.token_hex(16)


def content_type(part_type: str, boundary: str, transfer_syntax_uid: str | None = None) -> str:
    """``multipart/related; type="..."; boundary=...`` (the ``type`` parameter is quoted, PS3.18 §8.7.1)."""
    value = f'multipart/related; type="{part_type}"; boundary={boundary}'
    if transfer_syntax_uid:
        value += f"; transfer-syntax={transfer_syntax_uid}"
    return value


def part_header(part_content_type: str, boundary: str, extra: dict[str, str] | None = None) -> bytes:
    lines = [b"--" + boundary.encode(), b"Content-Type: " + part_content_type.encode()]
    for name, value in (extra or {}).items():
        lines.append(f"{name}: {value}".encode())
    return CRLF.join(lines) + CRLF + CRLF


def closing(boundary: str) -> bytes:
    return b"--" + boundary.encode() + b"--" + CRLF


def encode(parts: Iterable[Part], boundary: str) -> Iterator[bytes | memoryview]:
    """The body, one chunk per header and per part."""
    for part in parts:
        yield part_header(part.content_type, boundary, part.headers)
        yield part.data
        yield CRLF
    yield closing(boundary)


def encode_bytes(parts: Iterable[Part], boundary: str) -> bytes:
    return b"".join(encode(parts, boundary))


def encode_into(heads: list[tuple[str, dict[str, str]]], sizes: list[int], boundary: str) -> Body:
    """A whole body in one buffer, each part's data left as a hole of its size to be filled in place.

    ``heads`` are each part's Content-Type and further headers. A frame read
    straight into its hole (``os.preadv``) is copied once, from the page cache
    into the reply, instead of once more to join the pieces.
    """
    pieces = [part_header(kind, boundary, extra) for kind, extra in heads]
    ending = closing(boundary)
    buffer = bytearray(sum(len(p) for p in pieces) + sum(sizes) + len(CRLF) * len(sizes) + len(ending))
    view = memoryview(buffer)
    holes: list[memoryview] = []
    pos = 0
    for piece, size in zip(pieces, sizes, strict=True):
        view[pos : pos + len(piece)] = piece
        pos += len(piece)
        holes.append(view[pos : pos + size])
        pos += size
        view[pos : pos + len(CRLF)] = CRLF
        pos += len(CRLF)
    view[pos:] = ending
    return Body(view, holes)


def boundary_of(content_type_header: str | None) -> tuple[str, dict[str, str]]:
    """The boundary and parameters of a multipart/related Content-Type header."""
    if not content_type_header:
        raise UnsupportedMediaType("Content-Type multipart/related with a boundary is required")
    media, params = parse_media_type(content_type_header)
    if media != "multipart/related":
        raise UnsupportedMediaType(f"expected multipart/related, got {media or 'nothing'}")
    boundary = params.get("boundary")
    if not boundary:
        raise UnsupportedMediaType("multipart/related without a boundary parameter")
    return boundary, params


def decode(body: bytes, content_type_header: str | None) -> list[Part]:
    """Split a multipart/related body into its parts (the preamble and epilogue are ignored).

    Each part's data is a memoryview of ``body``: a 100-part STOW-RS request is
    tens of megabytes, and slicing or splitting it would copy all of it.
    """
    boundary, params = boundary_of(content_type_header)
    default_type = params.get("type", "application/octet-stream")
    dash_boundary = b"--" + boundary.encode()
    delimiter = CRLF + dash_boundary
    view = memoryview(body)
    parts: list[Part] = []
    if body.startswith(dash_boundary):
        pos = len(dash_boundary)
    else:
        first = body.find(delimiter)
        pos = first + len(delimiter) if first >= 0 else -1
    while pos >= 0:
        if body.startswith(b"--", pos):
            return parts
        following = body.find(delimiter, pos)
        end = following if following >= 0 else len(body)
        head_end = body.find(b"\r\n\r\n", pos, end)
        if head_end < 0:
            # a part without headers: "--boundary\r\n\r\nDATA"
            raise InvalidInput("malformed multipart body: a part has no header/body separator")
        headers = _headers(body[pos:head_end])
        parts.append(Part(headers.pop("content-type", default_type), view[head_end + 4 : end], headers))
        pos = following + len(delimiter) if following >= 0 else -1
    raise InvalidInput("malformed multipart body: the closing boundary is missing")


def _headers(raw: bytes) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in raw.strip(b" \t\r\n").split(CRLF):
        name, sep, value = line.decode("latin-1").partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers
