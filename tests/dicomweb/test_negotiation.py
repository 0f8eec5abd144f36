"""Accept negotiation (PS3.18 §8.7): frames are served as stored, never transcoded."""

from __future__ import annotations

import pytest

from labelstack.archive.dicomweb.negotiation import (
    MediaType,
    negotiate_dicom,
    negotiate_frames,
    negotiate_json,
    negotiate_rendered,
    parse_accept,
    parse_media_type,
)
from labelstack.services.errors import NotAcceptable

NATIVE = "1.2.840.10008.1.2.1"
IMPLICIT = "1.2.840.10008.1.2"
JPEG_BASELINE = "1.2.840.10008.1.2.4.50"


def test_parse_media_type_keeps_quoted_semicolons_and_lowercases_names():
    media, params = parse_media_type('Multipart/Related; type="application/dicom"; Boundary=a;b')
    assert media == "multipart/related"
    assert params == {"type": "application/dicom", "boundary": "a"}


def test_accept_is_ordered_by_quality_and_drops_q0():
    ranges = parse_accept('image/png;q=0.5, image/jpeg, multipart/related; type="a/b"; q=0')
    assert [r.type for r in ranges] == ["image/jpeg", "image/png"]


def test_the_accept_query_parameter_wins_over_the_header():
    assert parse_accept("image/png", "image/jpeg")[0].type == "image/jpeg"


@pytest.mark.parametrize(
    "accept",
    [
        None,
        "*/*",
        "multipart/related; type=application/octet-stream; transfer-syntax=*",  # Cornerstone's wadors:
        'multipart/related; type="application/octet-stream"',  # dicomweb-client's default
        'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.1',
    ],
)
def test_native_frames_are_octet_stream_in_explicit_little_endian(accept: str | None):
    for stored in (NATIVE, IMPLICIT):
        reply = negotiate_frames(parse_accept(accept), stored)
        assert reply.part_type == MediaType.OCTET_STREAM
        assert reply.part_content_type == "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"


def test_compressed_frames_are_sent_as_stored_when_the_client_takes_them():
    reply = negotiate_frames(parse_accept('multipart/related; type="image/jpeg"'), JPEG_BASELINE)
    assert reply.part_content_type == f"image/jpeg; transfer-syntax={JPEG_BASELINE}"
    star = negotiate_frames(
        parse_accept("multipart/related; type=application/octet-stream; transfer-syntax=*"), JPEG_BASELINE
    )
    assert star.part_content_type == f"application/octet-stream; transfer-syntax={JPEG_BASELINE}"


@pytest.mark.parametrize(
    ("accept", "stored"),
    [
        ('multipart/related; type="application/octet-stream"', JPEG_BASELINE),  # would need decoding
        ('multipart/related; type="image/jls"', JPEG_BASELINE),
        ('multipart/related; type="image/jpeg"', NATIVE),
        ('multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.2', NATIVE),
        ("image/png", NATIVE),
    ],
)
def test_frames_that_would_need_transcoding_are_not_acceptable(accept: str, stored: str):
    with pytest.raises(NotAcceptable):
        negotiate_frames(parse_accept(accept), stored)


def test_instances_metadata_and_rendered():
    negotiate_dicom(parse_accept('multipart/related; type="application/dicom"'), {NATIVE})
    negotiate_dicom(parse_accept('multipart/related; type="application/dicom"; transfer-syntax=*'), {NATIVE})
    with pytest.raises(NotAcceptable):
        negotiate_dicom(
            parse_accept(f'multipart/related; type="application/dicom"; transfer-syntax={JPEG_BASELINE}'),
            {NATIVE},
        )
    assert negotiate_json(parse_accept("application/json")) == MediaType.DICOM_JSON
    with pytest.raises(NotAcceptable):
        negotiate_json(parse_accept('multipart/related; type="application/dicom+xml"'))
    assert negotiate_rendered(parse_accept(None)) == MediaType.JPEG
    assert negotiate_rendered(parse_accept("image/png")) == MediaType.PNG
    with pytest.raises(NotAcceptable):
        negotiate_rendered(parse_accept("image/gif"))
