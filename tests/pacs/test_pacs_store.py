"""Orthanc as the PACS: STOW-RS forwarding in one call per request, reads through LabelStack, PACS down."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pydicom
import pytest
from dicomweb_client.api import DICOMwebClient
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.api.app import create_app
from labelstack.archive.dicomweb import multipart
from labelstack.archive.dicomweb.wado import WadoReader
from labelstack.archive.pacs import PacsError, PacsStore
from labelstack.config import Settings
from labelstack.models import Instance
from tests.factories import LoggedIn, UserFactory
from tests.generated import ct_series
from tests.helpers import run_cli
from tests.live import serving
from tests.orthanc import Orthanc

pytestmark = pytest.mark.orthanc


@pytest.fixture
def pacs_settings(settings: Settings, orthanc: Orthanc) -> Settings:
    return settings.model_copy(
        update={
            "pacs_url": orthanc.dicomweb_url,
            "pacs_username": orthanc.username,
            "pacs_password": SecretStr(orthanc.password),
            "pacs_timeout_seconds": 10.0,
        }
    )


@pytest.fixture
def calls() -> list[str]:
    return []


@pytest.fixture
def pacs_app(pacs_settings: Settings, calls: list[str]) -> Iterator[FastAPI]:
    app = create_app(pacs_settings, migrate=False)
    store = PacsStore.from_settings(pacs_settings)
    # the app's own store, with a hook that lists each request it sends to the PACS
    store._client.event_hooks["request"] = [lambda r: calls.append(f"{r.method} {r.url.path}")]
    app.state.dicomweb_reader = WadoReader(store, metadata_entries=pacs_settings.metadata_cache_entries)
    yield app
    store.close()
    app.state.engine.dispose()


@pytest.fixture
def base(pacs_app: FastAPI) -> Iterator[str]:
    with serving(pacs_app) as url:
        yield url


@pytest.fixture
def admin(users: UserFactory) -> LoggedIn:
    return users.admin()


def _stow(base: str, admin: LoggedIn, files: list[bytes]) -> httpx.Response:
    boundary = multipart.new_boundary()
    body = multipart.encode_bytes([multipart.Part("application/dicom", f) for f in files], boundary)
    headers = {**admin.headers, "Content-Type": multipart.content_type("application/dicom", boundary)}
    return httpx.post(f"{base}/dicomweb/studies", content=body, headers=headers, timeout=60)


def _count(db: Session) -> int:
    db.rollback()
    return db.scalar(select(func.count()).select_from(Instance)) or 0


def test_stow_is_forwarded_in_one_call_and_indexed_here(
    base: str, admin: LoggedIn, orthanc: Orthanc, calls: list[str], db: Session, pacs_settings: Settings
):
    files = ct_series(6, patient_id="PACS-1")
    response = _stow(base, admin, files)
    assert response.status_code == 200, response.text
    assert len(response.json()["00081199"]["Value"]) == 6
    assert calls == ["POST /dicom-web/studies"]  # one STOW-RS for the whole request
    assert orthanc.instance_count() == 6
    assert _count(db) == 6
    keys = db.scalars(select(Instance.storage_key)).all()
    assert all(k.startswith("pacs:") for k in keys)
    stored_locally = (
        list(pacs_settings.storage_dir.rglob("*.dcm")) if pacs_settings.storage_dir.exists() else []
    )
    assert stored_locally == []


def test_reads_are_served_from_the_pacs_through_labelstack(
    base: str, admin: LoggedIn, calls: list[str], orthanc: Orthanc
):
    files = ct_series(4, patient_id="PACS-2")
    assert _stow(base, admin, files).status_code == 200
    first = pydicom.dcmread(io.BytesIO(files[0]))
    dw = DICOMwebClient(f"{base}/dicomweb", headers=admin.headers)  # no PACS credentials here
    calls.clear()
    instance = dw.retrieve_instance(first.StudyInstanceUID, first.SeriesInstanceUID, first.SOPInstanceUID)
    assert instance.PixelData == first.PixelData
    assert any(c.startswith("GET /dicom-web/studies/") for c in calls)
    (frame,) = dw.retrieve_instance_frames(
        first.StudyInstanceUID, first.SeriesInstanceUID, first.SOPInstanceUID, [1]
    )
    assert frame == first.PixelData
    series = dw.retrieve_series(first.StudyInstanceUID, first.SeriesInstanceUID)
    assert sorted(ds.SOPInstanceUID for ds in series) == sorted(
        pydicom.dcmread(io.BytesIO(f)).SOPInstanceUID for f in files
    )
    (study,) = dw.search_for_studies(search_filters={"PatientID": "PACS-2"})  # the index is ours
    assert study["00201208"]["Value"] == [4]


def test_pacs_down_gives_503_loses_nothing_and_a_retry_works(
    base: str, admin: LoggedIn, orthanc: Orthanc, db: Session
):
    stored = ct_series(2, patient_id="PACS-3")
    assert _stow(base, admin, stored).status_code == 200
    first = pydicom.dcmread(io.BytesIO(stored[0]))
    url = (
        f"{base}/dicomweb/studies/{first.StudyInstanceUID}/series/{first.SeriesInstanceUID}"
        f"/instances/{first.SOPInstanceUID}/frames/1"
    )
    assert httpx.get(url, headers=admin.headers).status_code == 200  # may be cached from here on
    before = _count(db)
    orthanc.stop()
    files = ct_series(3, patient_id="PACS-4")
    response = _stow(base, admin, files)
    assert response.status_code == 503
    assert "PACS" in response.json()["detail"]
    assert _count(db) == before  # nothing indexed for instances the PACS does not have
    second = pydicom.dcmread(io.BytesIO(stored[1]))
    other = (
        f"{base}/dicomweb/studies/{second.StudyInstanceUID}/series/{second.SeriesInstanceUID}"
        f"/instances/{second.SOPInstanceUID}"
    )
    down = httpx.get(other, headers=admin.headers)
    assert down.status_code == 503, down.text
    # metadata and search come from LabelStack's own index and keep working
    assert httpx.get(f"{base}/dicomweb/studies?PatientID=PACS-3", headers=admin.headers).status_code == 200
    orthanc.start()
    retry = _stow(base, admin, files)
    assert retry.status_code == 200, retry.text
    assert _count(db) == before + 3
    assert orthanc.instance_count() == 5
    assert httpx.get(other, headers=admin.headers).status_code == 200


def _pacs_env(orthanc: Orthanc) -> dict[str, str]:
    return {
        "LABELSTACK_PACS_URL": orthanc.dicomweb_url,
        "LABELSTACK_PACS_USERNAME": orthanc.username,
        "LABELSTACK_PACS_PASSWORD": orthanc.password,
    }


def _empty_the_pacs(orthanc: Orthanc) -> None:
    """Delete everything Orthanc holds (its REST API), so anything sent afterwards shows in its count."""
    with orthanc.client() as c:
        for patient in c.get("/patients").json():
            assert c.delete(f"/patients/{patient}").is_success
    assert orthanc.instance_count() == 0


def test_stowing_archived_instances_again_sends_nothing_to_the_pacs(
    base: str, admin: LoggedIn, orthanc: Orthanc, calls: list[str], db: Session
):
    files = ct_series(3, patient_id="PACS-5")
    assert _stow(base, admin, files).status_code == 200
    _empty_the_pacs(orthanc)
    calls.clear()
    again = _stow(base, admin, files)
    assert again.status_code == 200, again.text
    assert len(again.json()["00081199"]["Value"]) == 3  # duplicates are reported as stored
    assert calls == []
    assert orthanc.instance_count() == 0
    assert _count(db) == 3


def test_importing_archived_files_again_sends_nothing_to_the_pacs(
    pacs_settings: Settings, orthanc: Orthanc, db: Session, tmp_path: Path
):
    folder = tmp_path / "import"
    folder.mkdir()
    for n, data in enumerate(ct_series(4, patient_id="PACS-6")):
        (folder / f"{n}.dcm").write_bytes(data)
    first = run_cli(pacs_settings, "import", str(folder), **_pacs_env(orthanc))
    assert first.returncode == 0, first.stdout + first.stderr
    assert orthanc.instance_count() == 4
    _empty_the_pacs(orthanc)
    again = run_cli(pacs_settings, "import", str(folder), **_pacs_env(orthanc))
    assert again.returncode == 0, again.stdout + again.stderr
    assert re.search(r"duplicate\s*│\s*4\b", again.stdout), again.stdout
    assert orthanc.instance_count() == 0  # nothing was sent
    assert _count(db) == 4


def test_pacs_sync_indexes_what_the_pacs_already_holds(
    pacs_settings: Settings, orthanc: Orthanc, db: Session
):
    files = ct_series(5, patient_id="SYNC-1") + ct_series(3, patient_id="SYNC-2")
    with orthanc.client() as c:
        for data in files:
            assert c.post("/instances", content=data).is_success
    env = _pacs_env(orthanc)
    result = run_cli(pacs_settings, "pacs", "sync", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "8 instances indexed" in result.stdout
    assert _count(db) == 8
    again = run_cli(pacs_settings, "pacs", "sync", **env)
    assert again.returncode == 0 and "0 instances indexed, 8 already indexed" in again.stdout
    orthanc.stop()
    down = run_cli(pacs_settings, "pacs", "sync", **env)
    assert down.returncode == 1 and "not reachable" in down.stderr


def test_wrong_pacs_credentials_are_a_clear_502(orthanc: Orthanc):
    store = PacsStore(orthanc.dicomweb_url, username=orthanc.username, password="wrong", timeout=10)
    try:
        with pytest.raises(PacsError) as refused:
            store.put("1.2.3", ct_series(1)[0])
        assert refused.value.status_code == 502 and "credentials" in str(refused.value.detail)
    finally:
        store.close()
    assert orthanc.instance_count() == 0
