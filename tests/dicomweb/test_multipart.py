"""multipart/related encoding and decoding (RFC 2387, PS3.18 §8.6.1.2)."""

from __future__ import annotations

import os

import pytest

from labelstack.archive.dicomweb import multipart
from labelstack.services.errors import InvalidInput, UnsupportedMediaType


def test_round_trip_keeps_binary_bytes_and_headers():
    parts = [
        multipart.Part("application/dicom", os.urandom(5000)),
        multipart.Part("application/dicom", b"\r\n--not-the-boundary\r\n", {"Content-Location": "/x"}),
        multipart.Part("application/dicom", b""),
    ]
    boundary = multipart.new_boundary()
    body = multipart.encode_bytes(parts, boundary)
    header = multipart.content_type("application/dicom", boundary)
    assert header.startswith('multipart/related; type="application/dicom"; boundary=')
    decoded = multipart.decode(body, header)
    assert [p.data for p in decoded] == [p.data for p in parts]
    assert decoded[1].headers == {"content-location": "/x"}
    assert {p.content_type for p in decoded} == {"application/dicom"}


def test_preamble_epilogue_and_quoted_boundary_are_accepted():
    body = b"preamble\r\n--b1\r\nContent-Type: application/dicom\r\n\r\nDATA\r\n--b1--\r\nepilogue"
    (part,) = multipart.decode(body, 'multipart/related; type="application/dicom"; boundary="b1"')
    assert part.data == b"DATA"


def test_a_part_without_content_type_takes_the_type_parameter():
    body = b"--b\r\nContent-Location: x\r\n\r\nDATA\r\n--b--"
    (part,) = multipart.decode(body, "multipart/related; type=application/dicom; boundary=b")
    assert part.content_type == "application/dicom"


@pytest.mark.parametrize("header", [None, "application/dicom", "multipart/related; type=application/dicom"])
def test_wrong_content_types_are_refused(header: str | None):
    with pytest.raises(UnsupportedMediaType):
        multipart.decode(b"", header)


def test_a_body_without_its_closing_boundary_is_refused():
    with pytest.raises(InvalidInput):
        multipart.decode(b"--b\r\nContent-Type: a/b\r\n\r\ntruncated", "multipart/related; boundary=b")


def test_decoded_parts_are_views_of_the_body_not_copies():
    boundary = multipart.new_boundary()
    images = [os.urandom(2000), os.urandom(3000)]
    body = multipart.encode_bytes([multipart.Part("application/dicom", d) for d in images], boundary)
    decoded = multipart.decode(body, multipart.content_type("application/dicom", boundary))
    assert [bytes(p.data) for p in decoded] == images
    for part in decoded:
        assert isinstance(part.data, memoryview)
        assert part.data.obj is body


def test_a_part_without_a_header_separator_is_refused():
    with pytest.raises(InvalidInput):
        multipart.decode(b"--b\r\nContent-Type: a/b DATA\r\n--b--", "multipart/related; boundary=b")


def test_a_body_encoded_into_one_buffer_is_the_same_body():
    parts = [
        multipart.Part("application/octet-stream", os.urandom(3000), {"Content-Location": "/f/1"}),
        multipart.Part("image/jp2", os.urandom(17), {}),
        multipart.Part("application/octet-stream", b"", {"Content-Location": "/f/3"}),
    ]
    boundary = multipart.new_boundary()
    body = multipart.encode_into(
        [(p.content_type, p.headers) for p in parts], [len(p.data) for p in parts], boundary
    )
    assert [len(h) for h in body.holes] == [3000, 17, 0]
    for hole, part in zip(body.holes, parts, strict=True):
        hole[:] = part.data
    assert body.data.tobytes() == multipart.encode_bytes(parts, boundary)
