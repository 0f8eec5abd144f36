"""Media types, transfer syntaxes and the ``Accept`` header of DICOMweb requests.

PS3.18 §8.7 (acceptable media types) and Table 8.7.3-2/-5 (transfer syntax
UIDs for each bulk data media type). LabelStack never transcodes: a frame is
offered in the transfer syntax it is stored in, and a request that only
accepts something else is answered 406 (PS3.18 §8.7.2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from labelstack.services.errors import NotAcceptable


class MediaType(StrEnum):
    """Media types LabelStack produces or consumes on ``/dicomweb`` (PS3.18 §8.7.3)."""

    DICOM = "application/dicom"
    DICOM_JSON = "application/dicom+json"
    JSON = "application/json"
    OCTET_STREAM = "application/octet-stream"
    MULTIPART_RELATED = "multipart/related"
    JPEG = "image/jpeg"
    JPEG_LS = "image/jls"
    JPEG_2000 = "image/jp2"
    JPEG_2000_PART2 = "image/jpx"
    HTJ2K = "image/jphc"
    RLE = "image/dicom-rle"
    PNG = "image/png"
    MPEG2 = "video/mpeg"
    MP4 = "video/mp4"


#: Transfer syntaxes whose pixel data is native (not encapsulated).
EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1"
IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2"
DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99"
EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2"
NATIVE_LITTLE_ENDIAN = frozenset(
    {EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN}
)

#: PS3.18 Table 8.7.3-5: the media type of an encapsulated frame, by transfer syntax.
COMPRESSED_MEDIA_TYPES: dict[str, MediaType] = {
    "1.2.840.10008.1.2.4.50": MediaType.JPEG,
    "1.2.840.10008.1.2.4.51": MediaType.JPEG,
    "1.2.840.10008.1.2.4.57": MediaType.JPEG,
    "1.2.840.10008.1.2.4.70": MediaType.JPEG,
    "1.2.840.10008.1.2.4.80": MediaType.JPEG_LS,
    "1.2.840.10008.1.2.4.81": MediaType.JPEG_LS,
    "1.2.840.10008.1.2.4.90": MediaType.JPEG_2000,
    "1.2.840.10008.1.2.4.91": MediaType.JPEG_2000,
    "1.2.840.10008.1.2.4.92": MediaType.JPEG_2000_PART2,
    "1.2.840.10008.1.2.4.93": MediaType.JPEG_2000_PART2,
    "1.2.840.10008.1.2.4.201": MediaType.HTJ2K,
    "1.2.840.10008.1.2.4.202": MediaType.HTJ2K,
    "1.2.840.10008.1.2.4.203": MediaType.HTJ2K,
    "1.2.840.10008.1.2.5": MediaType.RLE,
    "1.2.840.10008.1.2.4.100": MediaType.MPEG2,
    "1.2.840.10008.1.2.4.101": MediaType.MPEG2,
    "1.2.840.10008.1.2.4.102": MediaType.MP4,
    "1.2.840.10008.1.2.4.103": MediaType.MP4,
    "1.2.840.10008.1.2.4.104": MediaType.MP4,
    "1.2.840.10008.1.2.4.105": MediaType.MP4,
    "1.2.840.10008.1.2.4.106": MediaType.MP4,
}


@dataclass(frozen=True)
class MediaRange:
    """One entry of an ``Accept`` header: ``type/subtype; param=value; q=0.8``."""

    type: str
    params: dict[str, str] = field(default_factory=dict)
    q: float = 1.0

    @property
    def is_wildcard(self) -> bool:
        return self.type in ("*/*", "*")

    def matches(self, media_type: str) -> bool:
        if self.is_wildcard:
            return True
        main, _, sub = self.type.partition("/")
        want_main, _, _ = media_type.partition("/")
        return self.type == media_type or (sub == "*" and main == want_main)


def split_header_list(value: str) -> list[str]:
    """Split on commas that are not inside quotes."""
    items: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in value:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [i.strip() for i in items if i.strip()]


def parse_media_type(value: str) -> tuple[str, dict[str, str]]:
    """``'multipart/related; type="application/dicom"; boundary=x'`` -> type and lower-cased params."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in value:
        if ch == '"':
            quoted = not quoted
            continue
        if ch == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    media = parts[0].strip().lower()
    params: dict[str, str] = {}
    for raw in parts[1:]:
        name, sep, val = raw.partition("=")
        if sep:
            params[name.strip().lower()] = val.strip()
    return media, params


def parse_accept(header: str | None, accept_param: str | None = None) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header (or the ``accept`` query parameter, PS3.18 §8.3.3.1),
    best first; an absent header accepts anything."""
    value = accept_param or header
    if not value or not value.strip():
        return [MediaRange("*/*")]
    ranges: list[MediaRange] = []
    for item in split_header_list(value):
        media, params = parse_media_type(item)
        q = 1.0
        if "q" in params:
            try:
                q = max(0.0, min(1.0, float(params.pop("q"))))
            except ValueError:
                q = 0.0
        if q > 0:
            ranges.append(MediaRange(media, params, q))
    ranges.sort(key=lambda r: -r.q)  # stable: equal q keeps the client's order
    return ranges


def frame_media_type(transfer_syntax_uid: str) -> MediaType:
    """The media type a stored frame is served as without transcoding."""
    if transfer_syntax_uid in NATIVE_LITTLE_ENDIAN or not transfer_syntax_uid:
        return MediaType.OCTET_STREAM
    media = COMPRESSED_MEDIA_TYPES.get(transfer_syntax_uid)
    if media is None:
        raise NotAcceptable(f"frames stored in transfer syntax {transfer_syntax_uid} cannot be served")
    return media


def served_transfer_syntax(transfer_syntax_uid: str) -> str:
    """Native little-endian pixel data is byte-identical in Explicit VR Little Endian."""
    if transfer_syntax_uid in NATIVE_LITTLE_ENDIAN or not transfer_syntax_uid:
        return EXPLICIT_VR_LITTLE_ENDIAN
    return transfer_syntax_uid


@dataclass(frozen=True)
class FrameReply:
    """How frames are labelled: the multipart ``type`` and each part's Content-Type."""

    part_type: str
    transfer_syntax_uid: str

    @property
    def part_content_type(self) -> str:
        return f"{self.part_type}; transfer-syntax={self.transfer_syntax_uid}"


def negotiate_frames(accept: list[MediaRange], stored_transfer_syntax: str) -> FrameReply:
    """Choose how to send frames stored in ``stored_transfer_syntax`` (PS3.18 §8.7.3.3.2, §8.7.4).

    ``transfer-syntax=*`` asks for the stored syntax whatever it is (what
    Cornerstone's ``wadors:`` loader sends); ``application/octet-stream``
    without ``*`` is only possible for native pixel data.
    """
    syntax = served_transfer_syntax(stored_transfer_syntax)
    stored_media = frame_media_type(stored_transfer_syntax)
    for candidate in accept:
        if candidate.is_wildcard:
            return FrameReply(stored_media, syntax)
        if candidate.type != MediaType.MULTIPART_RELATED:
            continue
        part = candidate.params.get("type", "*/*").lower()
        wanted_syntax = candidate.params.get("transfer-syntax")
        if part in ("*/*", "*"):
            if wanted_syntax in (None, "*", syntax):
                return FrameReply(stored_media, syntax)
            continue
        if wanted_syntax == "*":
            if part == MediaType.OCTET_STREAM or part == stored_media:
                return FrameReply(part, syntax)
            continue
        if part == stored_media and wanted_syntax in (None, syntax):
            return FrameReply(part, syntax)
    raise NotAcceptable(
        f"frames are stored as {stored_media} (transfer syntax {syntax}) and are not transcoded; "
        f'accept multipart/related; type="{stored_media}" or transfer-syntax=*'
    )


def negotiate_dicom(accept: list[MediaRange], stored_transfer_syntaxes: set[str]) -> None:
    """Instances are sent as stored: ``multipart/related; type="application/dicom"`` (PS3.18 §8.7.3.2)."""
    for candidate in accept:
        if candidate.is_wildcard:
            return
        if candidate.type != MediaType.MULTIPART_RELATED:
            continue
        part = candidate.params.get("type", MediaType.DICOM).lower()
        wanted = candidate.params.get("transfer-syntax")
        if part not in (MediaType.DICOM, "*/*"):
            continue
        if wanted in (None, "*") or stored_transfer_syntaxes <= {wanted}:
            return
    raise NotAcceptable(
        'instances are sent as stored: accept multipart/related; type="application/dicom"; transfer-syntax=*'
    )


def negotiate_json(accept: list[MediaRange]) -> str:
    """QIDO results and metadata are DICOM JSON (PS3.18 §8.7.3.1, §F.2)."""
    for candidate in accept:
        if candidate.matches(MediaType.DICOM_JSON) or candidate.type == MediaType.JSON:
            return MediaType.DICOM_JSON
    raise NotAcceptable("only application/dicom+json is offered here")


def negotiate_rendered(accept: list[MediaRange]) -> MediaType:
    """Rendered frames and thumbnails: JPEG by default, PNG when asked (PS3.18 §8.7.3.4)."""
    for candidate in accept:
        if candidate.is_wildcard or candidate.type == "image/*":
            return MediaType.JPEG
        if candidate.type in (MediaType.JPEG, MediaType.PNG):
            return MediaType(candidate.type)
    raise NotAcceptable("rendered images are offered as image/jpeg or image/png")
