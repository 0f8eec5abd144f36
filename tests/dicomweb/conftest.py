"""An archive with real and generated DICOM files, served over HTTP for DICOMweb clients."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pydicom
import pytest
from dicomweb_client.api import DICOMwebClient
from fastapi import FastAPI
from pydicom.data import get_testdata_file

from labelstack.archive.ingest import ingest_many
from labelstack.archive.store import make_store
from labelstack.config import Settings
from labelstack.services.audit import Actor
from tests.factories import LoggedIn, UserFactory
from tests.generated import ct_series
from tests.live import serving

REAL_FILES = ["CT_small.dcm", "MR_small.dcm", "SC_rgb_rle_2frame.dcm", "examples_ybr_color.dcm"]


@dataclass
class Archive:
    ct: list[pydicom.Dataset]  # the generated CT series, in slice order
    files: dict[str, pydicom.Dataset]  # pydicom's own test files by name

    @property
    def ct_study(self) -> str:
        return str(self.ct[0].StudyInstanceUID)

    @property
    def ct_series(self) -> str:
        return str(self.ct[0].SeriesInstanceUID)


def load(app: FastAPI, items: list[tuple[str, bytes]], source: str = "test") -> None:
    settings: Settings = app.state.settings
    with app.state.write_sessionmaker() as db:
        outcomes = ingest_many(
            db, store=make_store(settings), items=items, source=source, actor=Actor.system()
        )
    assert all(o.status == "stored" for o in outcomes), [o for o in outcomes if o.status != "stored"]


@pytest.fixture
def archive(app: FastAPI) -> Archive:
    ct = ct_series(12, patient_id="DW-001", patient_name="Doe^Jane", accession="ACC-DW-1")
    real = {name: Path(str(get_testdata_file(name))).read_bytes() for name in REAL_FILES}
    load(app, [(f"ct{i}", data) for i, data in enumerate(ct)] + list(real.items()))
    import io

    return Archive(
        ct=[pydicom.dcmread(io.BytesIO(d)) for d in ct],
        files={name: pydicom.dcmread(io.BytesIO(data)) for name, data in real.items()},
    )


@pytest.fixture
def admin(users: UserFactory) -> LoggedIn:
    return users.admin()


@pytest.fixture
def base_url(app: FastAPI) -> Iterator[str]:
    with serving(app) as url:
        yield url


@pytest.fixture
def dw(base_url: str, admin: LoggedIn) -> DICOMwebClient:
    """dicomweb-client talking to the live server as an admin."""
    return DICOMwebClient(f"{base_url}/dicomweb", headers=admin.headers)
