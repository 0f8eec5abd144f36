"""DICOMweb over HTTP: matching rules, negotiation, errors, access, audit and caching headers."""

from __future__ import annotations

import io

import pydicom
import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.archive.dicomweb import multipart
from labelstack.models import AuditEvent, Instance
from labelstack.services import audit
from tests.dicomweb.conftest import Archive
from tests.factories import LoggedIn, UserFactory
from tests.generated import ct_series

CORNERSTONE_ACCEPT = "multipart/related; type=application/octet-stream; transfer-syntax=*"


def _series_url(archive: Archive) -> str:
    return f"/dicomweb/studies/{archive.ct_study}/series/{archive.ct_series}"


def _instance_url(ds: pydicom.Dataset) -> str:
    return (
        f"/dicomweb/studies/{ds.StudyInstanceUID}/series/{ds.SeriesInstanceUID}/instances/{ds.SOPInstanceUID}"
    )


def _studies(client: TestClient, who: LoggedIn, query: str) -> list[str]:
    response = client.get(f"/dicomweb/studies?{query}", headers=who.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/dicom+json"
    return [s["00100020"]["Value"][0] for s in response.json() if "Value" in s["00100020"]]


def test_qido_matching(client: TestClient, admin: LoggedIn, archive: Archive):
    assert _studies(client, admin, "PatientName=doe*") == ["DW-001"]  # person names ignore case
    assert _studies(client, admin, "PatientName=D?e^Jane") == ["DW-001"]
    assert _studies(client, admin, "PatientName=Doe") == []  # no wildcard: the whole value
    assert _studies(client, admin, "PatientID=DW-00*") == ["DW-001"]
    assert _studies(client, admin, "00100020=DW-001") == ["DW-001"]
    assert _studies(client, admin, "AccessionNumber=ACC-DW-1") == ["DW-001"]
    assert _studies(client, admin, "StudyDate=20240101-20241231&PatientID=DW-001") == ["DW-001"]
    assert _studies(client, admin, "StudyDate=20240518-&PatientID=DW-001") == []
    assert _studies(client, admin, "StudyDate=-20240517&PatientID=DW-001") == ["DW-001"]
    assert _studies(client, admin, "ModalitiesInStudy=CT&PatientID=DW-001") == ["DW-001"]
    assert _studies(client, admin, "ModalitiesInStudy=MR&PatientID=DW-001") == []
    assert _studies(client, admin, f"StudyInstanceUID=1.2.3,{archive.ct_study}") == ["DW-001"]
    series = client.get("/dicomweb/series?Modality=CT&PatientID=DW-001", headers=admin.headers).json()
    assert [s["0020000E"]["Value"][0] for s in series] == [archive.ct_series]


def test_qido_includefield_limit_offset_and_warnings(client: TestClient, admin: LoggedIn, archive: Archive):
    plain = client.get("/dicomweb/studies?PatientID=DW-001", headers=admin.headers).json()[0]
    assert "00200032" not in plain and "00180050" not in plain
    extra = client.get(
        "/dicomweb/studies?PatientID=DW-001&includefield=SliceThickness,00081030", headers=admin.headers
    ).json()[0]
    assert extra["00180050"]["Value"] == [1.25]
    everything = client.get(
        f"{_series_url(archive)}/instances?includefield=all&limit=1", headers=admin.headers
    ).json()[0]
    assert everything["00200032"]["Value"] == [0.0, 0.0, 0.0]
    paged = client.get(f"{_series_url(archive)}/instances?limit=4&offset=10", headers=admin.headers)
    assert [i["00200013"]["Value"][0] for i in paged.json()] == [11, 12]
    more = client.get(f"{_series_url(archive)}/instances?limit=4", headers=admin.headers)
    assert "additional results" in more.headers["warning"]
    fuzzy = client.get("/dicomweb/studies?PatientName=doe*&fuzzymatching=true", headers=admin.headers)
    assert fuzzy.status_code == 200 and "fuzzymatching" in fuzzy.headers["warning"]
    literal = client.get("/dicomweb/studies?PatientName=doe*&fuzzymatching=false", headers=admin.headers)
    assert "warning" not in literal.headers


@pytest.mark.parametrize(
    "query",
    [
        "StudyDate=2024-13-45",
        "StudyDate=yesterday",
        "StudyDate=20240231",
        "StudyDate=20241231-20240101",
        "NoSuchAttribute=1",
        "limit=-1",
        "offset=x",
        "fuzzymatching=maybe",
    ],
)
def test_malformed_queries_are_400(client: TestClient, admin: LoggedIn, archive: Archive, query: str):
    response = client.get(f"/dicomweb/studies?{query}", headers=admin.headers)
    assert response.status_code == 400, response.text
    assert response.json()["detail"]


def test_unknown_uids_are_404(client: TestClient, admin: LoggedIn, archive: Archive):
    ds = archive.ct[0]
    for url in [
        "/dicomweb/studies/1.2.3.4",
        f"/dicomweb/studies/{archive.ct_study}/series/1.2.3/metadata",
        f"/dicomweb/studies/{archive.ct_study}/series/{archive.ct_series}/instances/1.2.3/frames/1",
        f"/dicomweb/studies/{archive.files['MR_small.dcm'].StudyInstanceUID}/series/{ds.SeriesInstanceUID}",
        _instance_url(ds) + "/frames/2",
    ]:
        assert client.get(url, headers=admin.headers).status_code == 404, url


def test_hidden_images_look_exactly_like_missing_ones(
    client: TestClient, users: UserFactory, archive: Archive
):
    annotator = users.annotator()
    assert client.get("/dicomweb/studies", headers=annotator.headers).json() == []
    assert client.get("/dicomweb/instances", headers=annotator.headers).json() == []
    ds = archive.ct[0]
    for url in [
        f"/dicomweb/studies/{archive.ct_study}",
        f"{_series_url(archive)}/metadata",
        f"{_series_url(archive)}/pixeldata",
        _instance_url(ds),
        _instance_url(ds) + "/frames/1",
        _instance_url(ds) + "/rendered",
        _instance_url(ds) + "/bulkdata/7FE00010",
        f"{_series_url(archive)}/thumbnail",
    ]:
        response = client.get(url, headers=annotator.headers)
        assert response.status_code == 404, url
        assert (
            response.json()
            == client.get(url.replace(archive.ct_study, "1.2.3"), headers=annotator.headers).json()
        )


def test_frames_for_cornerstone_wadors(client: TestClient, admin: LoggedIn, archive: Archive, db: Session):
    ds = archive.ct[5]
    response = client.get(
        _instance_url(ds) + "/frames/1", headers={**admin.headers, "Accept": CORNERSTONE_ACCEPT}
    )
    assert response.status_code == 200
    header = response.headers["content-type"]
    assert header.startswith('multipart/related; type="application/octet-stream"; boundary=')
    (part,) = multipart.decode(response.content, header)
    assert part.content_type == "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"
    assert part.data == ds.PixelData
    assert response.headers["etag"] and "max-age" in response.headers["cache-control"]
    again = client.get(
        _instance_url(ds) + "/frames/1",
        headers={**admin.headers, "Accept": CORNERSTONE_ACCEPT, "If-None-Match": response.headers["etag"]},
    )
    assert again.status_code == 304 and again.content == b""


def test_series_pixel_data_is_every_frame_with_its_location_and_length(
    client: TestClient, admin: LoggedIn, archive: Archive, db: Session
):
    url = f"{_series_url(archive)}/pixeldata"
    response = client.get(url, headers={**admin.headers, "Accept": CORNERSTONE_ACCEPT})
    assert response.status_code == 200
    header = response.headers["content-type"]
    assert header.startswith('multipart/related; type="application/octet-stream"; boundary=')
    parts = multipart.decode(response.content, header)
    by_location = {p.headers["content-location"]: p for p in parts}
    assert len(parts) == len(archive.ct) == 12
    for ds in archive.ct:
        part = by_location[
            f"http://testserver/dicomweb{_instance_url(ds).removeprefix('/dicomweb')}/frames/1"
        ]
        assert part.content_type == "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"
        assert bytes(part.data) == ds.PixelData
        assert part.headers["content-length"] == str(len(ds.PixelData))
    # instance order: the parts come as the instances are numbered
    numbers = {_instance_url(ds): int(ds.InstanceNumber) for ds in archive.ct}
    order = [
        numbers["/dicomweb" + p.headers["content-location"].split("/dicomweb", 1)[1].rsplit("/frames", 1)[0]]
        for p in parts
    ]
    assert order == sorted(order)
    again = client.get(
        url,
        headers={**admin.headers, "Accept": CORNERSTONE_ACCEPT, "If-None-Match": response.headers["etag"]},
    )
    assert again.status_code == 304


def test_series_pixel_data_leaves_out_an_instance_without_pixels(
    client: TestClient, admin: LoggedIn, archive: Archive
):
    ds = pydicom.dcmread(
        io.BytesIO(ct_series(1, study_uid=archive.ct_study, series_uid=archive.ct_series)[0])
    )
    del ds.PixelData  # e.g. a state or a report filed in the image series
    for keyword in ("Rows", "Columns", "BitsAllocated", "BitsStored", "HighBit", "PixelRepresentation"):
        delattr(ds, keyword)
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    assert _stow(client, admin, [out.getvalue()]).status_code == 200
    response = client.get(
        f"{_series_url(archive)}/pixeldata", headers={**admin.headers, "Accept": CORNERSTONE_ACCEPT}
    )
    assert response.status_code == 200
    parts = multipart.decode(response.content, response.headers["content-type"])
    assert len(parts) == len(archive.ct)
    assert not [p for p in parts if ds.SOPInstanceUID in p.headers["content-location"]]


def test_series_pixel_data_of_compressed_frames_is_negotiated_before_it_starts(
    client: TestClient, admin: LoggedIn, archive: Archive
):
    ds = archive.files["examples_ybr_color.dcm"]
    url = f"/dicomweb/studies/{ds.StudyInstanceUID}/series/{ds.SeriesInstanceUID}/pixeldata"
    refused = client.get(
        url, headers={**admin.headers, "Accept": 'multipart/related; type="application/octet-stream"'}
    )
    assert refused.status_code == 406
    ok = client.get(url, headers={**admin.headers, "Accept": CORNERSTONE_ACCEPT})
    parts = multipart.decode(ok.content, ok.headers["content-type"])
    assert len(parts) == int(ds.NumberOfFrames)
    # labelled as asked (octet-stream), with the stored syntax: as the per-frame route does for Cornerstone
    assert {p.content_type for p in parts} == {
        "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.50"
    }
    assert all(bytes(p.data).startswith(b"\xff\xd8") for p in parts)
    assert [p.headers["content-location"].rsplit("/", 1)[1] for p in parts] == [
        str(n) for n in range(1, int(ds.NumberOfFrames) + 1)
    ]


def test_jpeg_frames_negotiation(client: TestClient, admin: LoggedIn, archive: Archive):
    ds = archive.files["examples_ybr_color.dcm"]
    url = _instance_url(ds) + "/frames/1,3"
    refused = client.get(
        url, headers={**admin.headers, "Accept": 'multipart/related; type="application/octet-stream"'}
    )
    assert refused.status_code == 406
    ok = client.get(url, headers={**admin.headers, "Accept": 'multipart/related; type="image/jpeg"'})
    assert ok.status_code == 200
    parts = multipart.decode(ok.content, ok.headers["content-type"])
    assert [p.content_type for p in parts] == ["image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50"] * 2
    assert all(bytes(p.data).startswith(b"\xff\xd8") for p in parts)
    assert client.get(_instance_url(ds) + "/frames/0", headers=admin.headers).status_code == 422
    metadata_xml = client.get(
        _instance_url(ds) + "/metadata", headers={**admin.headers, "Accept": "application/dicom+xml"}
    )
    assert metadata_xml.status_code == 406


def test_every_read_is_audited_once_per_request(
    client: TestClient, admin: LoggedIn, archive: Archive, db: Session
):
    ds = archive.ct[0]
    client.get(_instance_url(ds) + "/frames/1", headers=admin.headers)
    client.get(f"{_series_url(archive)}/metadata", headers=admin.headers)
    client.get(f"{_series_url(archive)}", headers=admin.headers)
    client.get(f"{_series_url(archive)}/pixeldata", headers=admin.headers)
    client.get("/dicomweb/studies?PatientID=DW-001", headers=admin.headers)
    audit.flush_frame_reads(db.get_bind())  # frame reads are written in aggregate, every few seconds
    db.rollback()
    rows = db.scalars(select(AuditEvent).where(AuditEvent.action.startswith("dicomweb."))).all()
    actions = sorted(r.action for r in rows)
    assert actions == [
        "dicomweb.frames",
        "dicomweb.metadata",
        "dicomweb.pixeldata",
        "dicomweb.retrieve",
        "dicomweb.search",
    ]
    retrieve = next(r for r in rows if r.action == "dicomweb.retrieve")
    assert retrieve.actor_username == admin.user.username
    assert retrieve.object_id == archive.ct_study and retrieve.details["instances"] == 12


def test_metadata_etag_changes_when_the_series_changes(client: TestClient, admin: LoggedIn, archive: Archive):
    url = f"{_series_url(archive)}/metadata"
    first = client.get(url, headers=admin.headers)
    assert first.headers["cache-control"] == "private, no-cache"
    etag = first.headers["etag"]
    assert client.get(url, headers={**admin.headers, "If-None-Match": etag}).status_code == 304
    extra = ct_series(1, study_uid=archive.ct_study, series_uid=archive.ct_series, seed=5)
    assert _stow(client, admin, extra).status_code == 200
    changed = client.get(url, headers={**admin.headers, "If-None-Match": etag})
    assert changed.status_code == 200 and len(changed.json()) == 13


def _stow(client: TestClient, who: LoggedIn, files: list[bytes], url: str = "/dicomweb/studies", **kw: str):
    boundary = multipart.new_boundary()
    parts = [multipart.Part(kw.get("part_type", "application/dicom"), f) for f in files]
    body = multipart.encode_bytes(parts, boundary)
    headers = {**who.headers, "Content-Type": multipart.content_type("application/dicom", boundary)}
    return client.post(url, content=body, headers=headers)


def test_stow_statuses_and_failure_reasons(
    client: TestClient, admin: LoggedIn, archive: Archive, db: Session
):
    good = ct_series(2, patient_id="STOW-2")
    study = pydicom.dcmread(io.BytesIO(good[0])).StudyInstanceUID
    truncated = good[1][:-100]
    mixed = _stow(client, admin, [good[0], b"not dicom at all", truncated], url=f"/dicomweb/studies/{study}")
    assert mixed.status_code == 202, mixed.text
    body = mixed.json()
    assert len(body["00081199"]["Value"]) == 1
    reasons = [f["00081197"]["Value"][0] for f in body["00081198"]["Value"]]
    assert reasons == [0xC000, 0xC000]
    other_study = ct_series(1, patient_id="STOW-3")
    wrong = _stow(client, admin, other_study, url=f"/dicomweb/studies/{study}")
    assert wrong.status_code == 409
    assert wrong.json()["00081198"]["Value"][0]["00081197"]["Value"] == [0xA900]
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Instance).where(Instance.source == "stow")) == 1
    assert _stow(client, admin, good[:1]).status_code == 200  # again: a duplicate, still a success


def test_stow_refuses_what_is_not_multipart_related(client: TestClient, admin: LoggedIn, archive: Archive):
    plain = client.post(
        "/dicomweb/studies", content=b"x", headers={**admin.headers, "Content-Type": "application/dicom"}
    )
    assert plain.status_code == 415
    no_end = client.post(
        "/dicomweb/studies",
        content=b"--b\r\nContent-Type: application/dicom\r\n\r\nxx",
        headers={**admin.headers, "Content-Type": "multipart/related; type=application/dicom; boundary=b"},
    )
    assert no_end.status_code == 422


def test_thumbnails_and_rendered_options(client: TestClient, admin: LoggedIn, archive: Archive):
    thumb = client.get(f"{_series_url(archive)}/thumbnail", headers=admin.headers)
    assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/jpeg"
    assert max(Image.open(io.BytesIO(thumb.content)).size) <= 128
    png = client.get(
        _instance_url(archive.ct[0]) + "/rendered?window=40,400&viewport=32,32",
        headers={**admin.headers, "Accept": "image/png"},
    )
    assert png.status_code == 200 and Image.open(io.BytesIO(png.content)).size == (32, 32)
    bad = client.get(_instance_url(archive.ct[0]) + "/rendered?window=40", headers=admin.headers)
    assert bad.status_code == 422
    gif = client.get(
        _instance_url(archive.ct[0]) + "/rendered", headers={**admin.headers, "Accept": "image/gif"}
    )
    assert gif.status_code == 406
