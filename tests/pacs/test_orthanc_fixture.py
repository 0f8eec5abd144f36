"""The Orthanc the PACS tests run against: real, loopback-only, password-protected, DICOMweb on."""

from __future__ import annotations

from pathlib import Path

import httpx
import pydicom
import pytest
from dicomweb_client.api import DICOMwebClient
from dicomweb_client.session_utils import create_session_from_auth
from pydicom.data import get_testdata_file
from requests.auth import HTTPBasicAuth

from tests.orthanc import Orthanc

pytestmark = pytest.mark.orthanc


def test_orthanc_requires_its_password_and_speaks_dicomweb(orthanc: Orthanc):
    assert httpx.get(f"{orthanc.url}/system").status_code == 401
    session = create_session_from_auth(HTTPBasicAuth(*orthanc.auth))
    client = DICOMwebClient(orthanc.dicomweb_url, session=session)
    ds = pydicom.dcmread(str(get_testdata_file("CT_small.dcm")))
    client.store_instances([ds])
    assert orthanc.instance_count() == 1
    (found,) = client.search_for_studies(search_filters={"PatientID": ds.PatientID})
    assert found["0020000D"]["Value"] == [ds.StudyInstanceUID]


def test_orthanc_can_be_stopped_and_started_again_with_its_storage(orthanc: Orthanc):
    with orthanc.client() as c:
        data = Path(str(get_testdata_file("MR_small.dcm"))).read_bytes()
        assert c.post("/instances", content=data).is_success
    orthanc.stop()
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{orthanc.url}/system", auth=orthanc.auth, timeout=2)
    orthanc.start()
    assert orthanc.instance_count() == 1
