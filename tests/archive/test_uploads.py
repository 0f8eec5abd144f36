"""POST /api/v1/uploads: many files and zips at once, per-file results, limits, hostile zips."""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.api.app import create_app
from labelstack.config import Settings
from labelstack.models import AuditEvent, Instance, Series, Study
from tests.dicom_fixtures import NIBABEL_DATA, ct_files, pydicom_file
from tests.factories import LoggedIn, UserFactory

URL = "/api/v1/uploads"


@pytest.fixture
def admin(users: UserFactory) -> LoggedIn:
    return users.admin()


def files_field(*items: tuple[str, bytes]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, data, "application/octet-stream")) for name, data in items]


def zipped(*members: tuple[str, bytes], symlink: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return out.getvalue()


def nothing_stored(db: Session, settings: Settings) -> bool:
    db.commit()
    rows = db.scalar(select(func.count()).select_from(Instance)) or 0
    files = (
        [p for p in settings.storage_dir.rglob("*") if p.is_file()] if settings.storage_dir.exists() else []
    )
    originals = settings.data_dir / "originals"
    kept = [p for p in originals.rglob("*") if p.is_file()] if originals.exists() else []
    return rows == 0 and not files and not kept


def test_upload_of_many_files_reports_each(client: TestClient, admin: LoggedIn, db: Session):
    ct = ct_files(3, seed="upload")
    response = client.post(
        URL,
        headers=admin.headers,
        files=files_field(
            *ct, ("again", ct[0][1]), ("notes.txt", b"hello"), ("CT_small", pydicom_file("CT_small.dcm"))
        ),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["stored"], body["duplicates"], body["rejected"]) == (4, 1, 1)
    statuses = {item["name"]: item["status"] for item in body["items"]}
    assert statuses["again"] == "duplicate" and statuses["notes.txt"] == "rejected"
    db.commit()
    assert db.scalar(select(func.count()).select_from(Instance)) == 4
    assert db.scalar(select(func.count()).select_from(Study)) == 2
    audit = db.scalars(select(AuditEvent).where(AuditEvent.action == "archive.ingest")).all()
    assert [a.actor_username for a in audit] == [admin.user.username]


def test_zip_with_folders_and_any_names_is_imported(client: TestClient, admin: LoggedIn, db: Session):
    ct = ct_files(4, seed="zip")
    archive = zipped(*((f"patient/ct/{i}", data) for i, (_, data) in enumerate(ct)), ("patient/README", b"x"))
    response = client.post(URL, headers=admin.headers, files=files_field(("study.zip", archive)))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] == 4 and body["rejected"] == 1
    assert {i["name"] for i in body["items"]} >= {"study.zip/patient/ct/0", "study.zip/patient/README"}


HOSTILE_ZIPS = {
    "dot-dot path": lambda data: zipped(("ok.dcm", data), ("../../escape.dcm", data)),
    "absolute path": lambda data: zipped(("ok.dcm", data), ("/absolute/escape.dcm", data)),
    "windows drive": lambda data: zipped(("ok.dcm", data), ("C:/x.dcm", data)),
    "symlink": lambda data: zipped(("ok.dcm", data), symlink="link.dcm"),
    "zip bomb": lambda data: zipped(("ok.dcm", data), ("bomb.dcm", bytes(40 * 1024 * 1024))),
    "not a zip inside": lambda data: b"PK\x03\x04" + bytes(200),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_ZIPS))
def test_hostile_zips_are_refused_whole(
    case: str, client: TestClient, admin: LoggedIn, db: Session, settings: Settings
):
    archive = HOSTILE_ZIPS[case](ct_files(1, seed="hostile")[0][1])
    response = client.post(URL, headers=admin.headers, files=files_field(("evil.zip", archive)))
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail["rejected"] == 1 and detail["items"][0]["name"] == "evil.zip"
    assert detail["items"][0]["reason"]
    assert nothing_stored(db, settings)
    assert not (settings.data_dir.parent / "escape.dcm").exists()


@pytest.fixture
def small_limits(settings: Settings) -> Iterator[TestClient]:
    limited = settings.model_copy(update={"max_upload_bytes": 300_000, "max_file_bytes": 100_000})
    application = create_app(limited, migrate=False)
    with TestClient(application) as test_client:
        yield test_client
    application.state.engine.dispose()


def test_oversized_uploads_get_413_and_store_nothing(
    small_limits: TestClient, users: UserFactory, db: Session, settings: Settings
):
    admin = users.admin()
    big_request = small_limits.post(URL, headers=admin.headers, files=files_field(("a", bytes(400_000))))
    assert big_request.status_code == 413, big_request.text
    one_big_file = small_limits.post(
        URL, headers=admin.headers, files=files_field(*ct_files(1, seed="fine"), ("b", bytes(150_000)))
    )
    assert one_big_file.status_code == 413, one_big_file.text
    assert "file limit" in one_big_file.json()["detail"]
    assert nothing_stored(db, settings)
    fine = small_limits.post(URL, headers=admin.headers, files=files_field(*ct_files(1, seed="fine")))
    assert fine.status_code == 200


def test_upload_without_files_is_a_422(client: TestClient, admin: LoggedIn):
    response = client.post(URL, headers=admin.headers, data={"patient_id": "x"})
    assert response.status_code == 422


def test_nifti_upload_with_grouping_fields(
    client: TestClient, admin: LoggedIn, db: Session, settings: Settings
):
    data = (NIBABEL_DATA / "example4d.nii.gz").read_bytes()
    response = client.post(
        URL,
        headers=admin.headers,
        files=files_field(("fmri.nii.gz", data)),
        data={"patient_id": "SUBJ-7", "study_description": "Research scan", "phases": "rest,task"},
    )
    assert response.status_code == 200, response.text
    item = response.json()["items"][0]
    assert item["status"] == "stored" and item["instances"] == 48
    db.commit()
    series = db.scalars(select(Series)).one()
    assert series.source_format == "nifti" and series.source == "upload"
    assert series.study.patient.patient_id == "SUBJ-7"
    assert series.study.description == "Research scan"
    assert series.extra["nifti"]["phases"] == ["rest", "task"]
    kept = next((settings.data_dir / "originals").rglob("*.nii.gz"))
    assert kept.read_bytes() == data


def test_broken_nifti_header_is_a_422(client: TestClient, admin: LoggedIn, db: Session, settings: Settings):
    data = bytearray((NIBABEL_DATA / "anatomical.nii").read_bytes())
    data[70:72] = (999).to_bytes(2, "little" if data[0] == 0x5C else "big")  # unknown datatype code
    response = client.post(URL, headers=admin.headers, files=files_field(("broken.nii", bytes(data))))
    assert response.status_code == 422, response.text
    assert "NIfTI" in response.json()["detail"]["items"][0]["reason"]
    assert nothing_stored(db, settings)


def test_upload_needs_a_login(client: TestClient, tmp_path: Path):
    assert client.post(URL, files=files_field(("a", b"x"))).status_code == 401
