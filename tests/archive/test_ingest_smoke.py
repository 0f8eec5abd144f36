"""Ingest of a real file end to end: stored bytes, index rows, duplicates."""

from __future__ import annotations

from pathlib import Path

from pydicom.data import get_testdata_file
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.archive.ingest import ingest_dicom
from labelstack.archive.store import LocalFileStore
from labelstack.models import Instance, InstanceMetadata, Series, Study
from labelstack.services.audit import Actor


def test_ingest_stores_the_original_bytes_and_indexes_them(
    write_db: Session, store: LocalFileStore, actor: Actor
):
    data = Path(str(get_testdata_file("CT_small.dcm"))).read_bytes()
    outcome = ingest_dicom(write_db, store=store, data=data, name="CT_small.dcm", source="test", actor=actor)
    assert outcome.status == "stored", outcome.reason
    instance = write_db.scalars(select(Instance)).one()
    assert store.get(instance.storage_key) == data
    assert instance.series.number_of_instances == 1
    metadata = write_db.get(InstanceMetadata, instance.id)
    assert metadata is not None
    assert metadata.dicom_json["7FE00010"] == {"vr": "OW", "BulkDataURI": "bulkdata/7FE00010"}
    again = ingest_dicom(write_db, store=store, data=data, name="copy", source="test", actor=actor)
    assert again.status == "duplicate"
    assert write_db.scalar(select(func.count()).select_from(Instance)) == 1
    assert write_db.scalar(select(Series.number_of_instances)) == 1
    assert write_db.scalar(select(Study.modalities)) == "CT"
