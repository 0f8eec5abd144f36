"""Browse API: search, filters, sort and paging; slice order; metadata panel; thumbnails; access; audit."""

from __future__ import annotations

import io
import random
from typing import Any

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from pydicom.uid import JPEG2000Lossless, JPEGLSLossless, RLELossless
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.archive.ingest import ingest_many
from labelstack.archive.store import LocalFileStore
from labelstack.models import AuditEvent, Series, Study
from labelstack.services.audit import Actor
from tests.dicom_fixtures import ct_files, mr_files, pydicom_compress, pydicom_file
from tests.factories import LoggedIn, UserFactory

API = "/api/v1"


@pytest.fixture
def archive(write_db: Session, store: LocalFileStore) -> dict[str, Any]:
    """Three patients, four studies, five series, ingested in shuffled order."""
    ct_a = ct_files(6, seed="ct-a", patient_id="P-A", patient_name="Alpha^Ann", study_date="20230110",
                    study_description="CT chest", body_part="CHEST")  # fmt: skip
    ct_b = ct_files(3, seed="ct-b", patient_id="P-B", patient_name="Beta^Bob", study_date="20240220",
                    study_description="CT abdomen", body_part="ABDOMEN")  # fmt: skip
    mr_a = mr_files(4, seed="mr-a", patient_id="P-A", patient_name="Alpha^Ann", study_date="20240315",
                    study_description="MR head", body_part="HEAD")  # fmt: skip
    mr_a2 = mr_files(2, seed="mr-a2", patient_id="P-A", patient_name="Alpha^Ann", study_date="20240315",
                     study_description="MR head", body_part="HEAD", series_number=2)  # fmt: skip
    items = ct_a + ct_b + mr_a + mr_a2 + [("CT_small", pydicom_file("CT_small.dcm"))]
    random.Random(4).shuffle(items)
    outcomes = ingest_many(write_db, store=store, items=items, source="test", actor=Actor.system("t"))
    assert all(o.status == "stored" for o in outcomes)
    write_db.commit()
    return {"ct_a": ct_a}


@pytest.fixture
def admin(users: UserFactory) -> LoggedIn:
    return users.admin()


def get(client: TestClient, who: LoggedIn, path: str, **params: Any) -> Any:
    response = client.get(API + path, headers=who.headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_study_search_filters_sort_and_paging(client: TestClient, admin: LoggedIn, archive: dict[str, Any]):
    everything = get(client, admin, "/studies")
    assert everything["total"] == 4
    dates = [s["study_date"] for s in everything["items"]]
    assert dates == ["2024-03-15", "2024-02-20", "2023-01-10", "2004-01-19"]  # newest first by default
    assert [s["study_date"] for s in get(client, admin, "/studies", modality="MR")["items"]] == ["2024-03-15"]
    ranged = get(client, admin, "/studies", study_date_from="2024-01-01", study_date_to="2024-02-28")
    assert [s["description"] for s in ranged["items"]] == ["CT abdomen"]
    assert get(client, admin, "/studies", search="alpha")["total"] == 2
    assert get(client, admin, "/studies", body_part="abdomen")["total"] == 1
    by_name = get(client, admin, "/studies", sort="patient_name", descending=False)["items"]
    names = [s["patient"]["patient_name"] for s in by_name]
    assert names == sorted(names)
    page1 = get(client, admin, "/studies", sort="id", descending=False, limit=3, offset=0)
    page2 = get(client, admin, "/studies", sort="id", descending=False, limit=3, offset=3)
    assert (page1["total"], len(page1["items"]), len(page2["items"])) == (4, 3, 1)
    assert {s["id"] for s in page1["items"]}.isdisjoint({s["id"] for s in page2["items"]})
    mr = get(client, admin, "/studies", modality="MR")["items"][0]
    assert mr["modalities"] == ["MR"] and mr["number_of_series"] == 2 and mr["number_of_instances"] == 6
    bad = client.get(API + "/studies", headers=admin.headers, params={"study_date_from": "2024-13-45"})
    assert bad.status_code == 422


def test_patients_and_series_lists(client: TestClient, admin: LoggedIn, archive: dict[str, Any]):
    patients = get(client, admin, "/patients", sort="patient_id")
    ids = [p["patient_id"] for p in patients["items"]]
    assert ids[-2:] == ["P-A", "P-B"] and patients["total"] == 3
    assert next(p for p in patients["items"] if p["patient_id"] == "P-A")["number_of_studies"] == 2
    assert get(client, admin, "/patients", search="beta")["total"] == 1
    series = get(client, admin, "/series", modality="MR", sort="series_number", descending=False)
    assert [s["series_number"] for s in series["items"]] == [1, 2]
    assert series["items"][0]["patient_id"] == "P-A" and series["items"][0]["study_description"] == "MR head"
    study_id = series["items"][0]["study_id"]
    detail = get(client, admin, f"/studies/{study_id}")
    assert [s["series_number"] for s in detail["series"]] == [1, 2]
    assert get(client, admin, "/series", search="chest", body_part="CHEST")["total"] == 1


def test_series_detail_lists_instances_in_slice_order(
    client: TestClient, admin: LoggedIn, archive: dict[str, Any], db: Session
):
    series_id = db.scalar(select(Series.id).where(Series.modality == "CT", Series.body_part == "CHEST"))
    db.commit()
    detail = get(client, admin, f"/series/{series_id}")
    positions = [i["image_position"][2] for i in detail["instances"]]
    assert positions == sorted(positions) and len(positions) == 6
    assert [i["instance_number"] for i in detail["instances"]] == [1, 2, 3, 4, 5, 6]
    mr_id = db.scalar(select(Series.id).where(Series.modality == "MR", Series.series_number == 1))
    db.commit()
    mr = get(client, admin, f"/series/{mr_id}")["instances"]
    along = [i["image_position"][0] for i in mr]  # sagittal: the normal is -x
    assert along == sorted(along, reverse=True)


def test_instance_attributes_for_the_metadata_panel(
    client: TestClient, admin: LoggedIn, archive: dict[str, Any], db: Session
):
    series_id = db.scalar(select(Series.id).where(Series.source_format == "dicom", Series.body_part == ""))
    db.commit()
    instance_id = get(client, admin, f"/series/{series_id}")["instances"][0]["id"]
    body = get(client, admin, f"/instances/{instance_id}")
    rows = {r["keyword"]: r for r in body["attributes"]}
    assert rows["PatientName"]["value"] == "CompressedSamples^CT1"
    assert rows["PatientName"]["tag"] == "(0010,0010)" and rows["PatientName"]["vr"] == "PN"
    assert rows["PixelData"]["value"] == "(bulk data)"
    assert body["series_id"] == series_id


def test_thumbnails_decode_compressed_syntaxes_and_use_etags(
    client: TestClient, admin: LoggedIn, write_db: Session, store: LocalFileStore, db: Session
):
    base = ct_files(3, seed="thumbs", size=96)
    sources = {
        "rle": [(n, pydicom_compress(d, RLELossless)) for n, d in ct_files(3, seed="t-rle", size=96)],
        "j2k": [(n, pydicom_compress(d, JPEG2000Lossless)) for n, d in ct_files(3, seed="t-j2k", size=96)],
        "jls": [(n, pydicom_compress(d, JPEGLSLossless)) for n, d in ct_files(3, seed="t-jls", size=96)],
        "jpeg": [("jpeg", pydicom_file("SC_rgb_jpeg_dcmtk.dcm"))],
        "us-cine": [("cine", pydicom_file("examples_ybr_color.dcm"))],
        "native": base,
    }
    for items in sources.values():
        ingest_many(write_db, store=store, items=items, source="t", actor=Actor.system("t"))
    ids = db.scalars(select(Series.id)).all()
    db.commit()
    assert len(ids) == len(sources)
    for series_id in ids:
        response = client.get(
            f"{API}/series/{series_id}/thumbnail", headers=admin.headers, params={"size": 64}
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "image/png"
        picture = Image.open(io.BytesIO(response.content))
        assert max(picture.size) == 64
        assert picture.getextrema() != (0, 0)
        etag = response.headers["etag"]
        again = client.get(
            f"{API}/series/{series_id}/thumbnail",
            headers={**admin.headers, "If-None-Match": etag},
            params={"size": 64},
        )
        assert again.status_code == 304
    jpeg = client.get(f"{API}/series/{ids[0]}/thumbnail", headers=admin.headers, params={"format": "jpeg"})
    assert jpeg.headers["content-type"] == "image/jpeg" and jpeg.content[:2] == b"\xff\xd8"


def test_non_admins_see_nothing_yet(
    client: TestClient, users: UserFactory, archive: dict[str, Any], db: Session
):
    anna = users.annotator()
    series_id = db.scalar(select(Series.id))
    db.commit()
    for path in ("/patients", "/studies", "/series"):
        assert get(client, anna, path)["total"] == 0
    for path in (f"/series/{series_id}", f"/series/{series_id}/thumbnail", "/instances/1", "/studies/1"):
        response = client.get(API + path, headers=anna.headers)
        assert response.status_code == 404, path


def test_reads_are_audited_once_per_request(
    client: TestClient, admin: LoggedIn, archive: dict[str, Any], db: Session
):
    series_id = db.scalar(select(Series.id))
    db.commit()
    get(client, admin, f"/series/{series_id}")
    client.get(f"{API}/series/{series_id}/thumbnail", headers=admin.headers)
    get(client, admin, "/studies")
    events = db.scalars(select(AuditEvent).where(AuditEvent.actor_id == admin.user.id)).all()
    actions = [e.action for e in events]
    assert actions.count("series.read") == 1 and actions.count("series.thumbnail") == 1
    assert actions.count("archive.search") == 1


def test_delete_series_and_study_remove_rows_and_files(
    client: TestClient, admin: LoggedIn, archive: dict[str, Any], db: Session, store: LocalFileStore
):
    def files() -> int:
        return sum(1 for p in store.root.rglob("*") if p.is_file())

    assert files() == 16
    mr2 = db.scalar(select(Series.id).where(Series.modality == "MR", Series.series_number == 2))
    db.commit()
    response = client.delete(f"{API}/series/{mr2}", headers=admin.headers)
    assert response.status_code == 200 and response.json()["deleted_instances"] == 2
    assert files() == 14
    study = db.scalars(select(Study).where(Study.description == "MR head")).one()
    assert (study.number_of_series, study.number_of_instances) == (1, 4)
    db.commit()
    assert client.delete(f"{API}/studies/{study.id}", headers=admin.headers).json()["deleted_instances"] == 4
    assert files() == 10
    assert db.scalar(select(func.count()).select_from(Study).where(Study.id == study.id)) == 0
    db.commit()
    assert client.get(f"{API}/studies/{study.id}", headers=admin.headers).status_code == 404
    assert client.delete(f"{API}/studies/{study.id}", headers=admin.headers).status_code == 404
    patients = get(client, admin, "/patients")
    assert {p["patient_id"] for p in patients["items"]} >= {"P-A", "P-B"}


def test_deleting_the_last_series_removes_study_and_patient(
    client: TestClient, admin: LoggedIn, archive: dict[str, Any], db: Session
):
    series_id = db.scalar(select(Series.id).join(Study).where(Study.description == "CT abdomen"))
    db.commit()
    assert client.delete(f"{API}/series/{series_id}", headers=admin.headers).status_code == 200
    assert get(client, admin, "/patients", search="P-B")["total"] == 0
    assert get(client, admin, "/studies")["total"] == 3
