"""The dicomweb-client library against a live LabelStack: search, retrieve, metadata, frames, store."""

from __future__ import annotations

import io

import httpx
import numpy as np
import pydicom
import pytest
from dicomweb_client.api import DICOMwebClient
from pydicom.encaps import generate_frames

from tests.dicomweb.conftest import Archive
from tests.factories import LoggedIn
from tests.generated import ct_series


def test_search_studies_series_and_instances(dw: DICOMwebClient, archive: Archive):
    studies = dw.search_for_studies()
    expected = {archive.ct_study} | {str(ds.StudyInstanceUID) for ds in archive.files.values()}
    assert {s["0020000D"]["Value"][0] for s in studies} == expected
    (study,) = dw.search_for_studies(search_filters={"PatientID": "DW-001"})
    assert study["0020000D"]["Value"] == [archive.ct_study]
    assert study["00100010"]["Value"] == [{"Alphabetic": "Doe^Jane"}]
    assert study["00201208"]["Value"] == [12]
    assert study["00080061"]["Value"] == ["CT"]
    series = dw.search_for_series(study_instance_uid=archive.ct_study)
    assert [s["0020000E"]["Value"][0] for s in series] == [archive.ct_series]
    instances = dw.search_for_instances(
        study_instance_uid=archive.ct_study, series_instance_uid=archive.ct_series, limit=5, offset=2
    )
    assert [i["00200013"]["Value"][0] for i in instances] == [3, 4, 5, 6, 7]


def test_retrieve_study_series_and_instance_returns_the_stored_bytes(dw: DICOMwebClient, archive: Archive):
    study = dw.retrieve_study(archive.ct_study)
    assert sorted(ds.SOPInstanceUID for ds in study) == sorted(ds.SOPInstanceUID for ds in archive.ct)
    series = dw.retrieve_series(archive.ct_study, archive.ct_series)
    assert len(series) == 12
    first = archive.ct[0]
    instance = dw.retrieve_instance(archive.ct_study, archive.ct_series, first.SOPInstanceUID)
    assert instance.PixelData == first.PixelData
    assert instance.PatientName == "Doe^Jane"


def test_metadata_has_bulkdata_uris_that_resolve_here(
    dw: DICOMwebClient, archive: Archive, base_url: str, admin: LoggedIn
):
    metadata = dw.retrieve_series_metadata(archive.ct_study, archive.ct_series)
    assert len(metadata) == 12
    first = next(m for m in metadata if m["00080018"]["Value"][0] == archive.ct[0].SOPInstanceUID)
    expected = (
        f"{base_url}/dicomweb/studies/{archive.ct_study}/series/{archive.ct_series}"
        f"/instances/{archive.ct[0].SOPInstanceUID}/bulkdata/7FE00010"
    )
    # dicomweb-client rewrites BulkDataURIs onto its own base URL (and drops the port): read ours raw
    raw = httpx.get(
        f"{base_url}/dicomweb/studies/{archive.ct_study}/series/{archive.ct_series}/metadata",
        headers=admin.headers,
    ).json()
    assert expected in [m["7FE00010"]["BulkDataURI"] for m in raw]
    assert first["7FE00010"]["BulkDataURI"].endswith(expected.split("/dicomweb")[1])
    (pixels,) = dw.retrieve_bulkdata(expected)
    assert pixels == archive.ct[0].PixelData
    ds = pydicom.Dataset.from_json(first, bulk_data_uri_handler=lambda *_: b"")
    assert ds.Rows == 64 and ds.PatientID == "DW-001"
    # how each instance's frames are encoded, before any is fetched (0008,3002)
    assert ds.AvailableTransferSyntaxUID == archive.ct[0].file_meta.TransferSyntaxUID
    one = dw.retrieve_instance_metadata(archive.ct_study, archive.ct_series, archive.ct[0].SOPInstanceUID)
    assert one["00080018"]["Value"] == [archive.ct[0].SOPInstanceUID]


def test_native_frames_are_the_pixel_bytes(dw: DICOMwebClient, archive: Archive):
    ds = archive.ct[3]
    (frame,) = dw.retrieve_instance_frames(ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID, [1])
    assert frame == ds.PixelData
    pixels = np.frombuffer(frame, dtype=np.int16).reshape(64, 64)
    assert np.array_equal(pixels, ds.pixel_array)


@pytest.mark.parametrize("name", ["SC_rgb_rle_2frame.dcm", "examples_ybr_color.dcm"])
def test_compressed_frames_are_served_as_stored(dw: DICOMwebClient, archive: Archive, name: str):
    ds = archive.files[name]
    count = int(ds.NumberOfFrames)
    frames = dw.retrieve_instance_frames(
        ds.StudyInstanceUID,
        ds.SeriesInstanceUID,
        ds.SOPInstanceUID,
        [count, 1],
        media_types=(("application/octet-stream", "*"),),
    )
    expected = list(generate_frames(ds.PixelData, number_of_frames=count))
    assert frames == [expected[-1], expected[0]]


def test_rendered_frames(dw: DICOMwebClient, archive: Archive):
    ds = archive.files["examples_ybr_color.dcm"]
    jpeg = dw.retrieve_instance_frames_rendered(
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID, [2], media_types=("image/jpeg",)
    )
    assert jpeg[:2] == b"\xff\xd8"
    png = dw.retrieve_instance_rendered(
        archive.ct_study, archive.ct_series, archive.ct[0].SOPInstanceUID, media_types=("image/png",)
    )
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_store_instances_then_find_them(dw: DICOMwebClient, archive: Archive):
    new = [pydicom.dcmread(io.BytesIO(d)) for d in ct_series(3, patient_id="STOW-1")]
    response = dw.store_instances(new)
    assert len(response.ReferencedSOPSequence) == 3
    assert "FailedSOPSequence" not in response
    (study,) = dw.search_for_studies(search_filters={"PatientID": "STOW-1"})
    assert study["00201208"]["Value"] == [3]
    again = dw.store_instances(new[:1])  # idempotent: the same instance is not stored twice
    assert len(again.ReferencedSOPSequence) == 1
    (study,) = dw.search_for_studies(search_filters={"PatientID": "STOW-1"})
    assert study["00201208"]["Value"] == [3]
