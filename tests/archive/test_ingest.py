"""Ingest of real and generated DICOM in every transfer syntax, duplicates, races and bad input."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import numpy as np
import pytest
from fastapi import FastAPI
from pydicom.pixels import apply_modality_lut
from pydicom.uid import UID, JPEG2000Lossless
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.archive import render
from labelstack.archive import store as store_module
from labelstack.archive.ingest import IngestOutcome, ingest_dicom, ingest_many
from labelstack.archive.store import LocalFileStore
from labelstack.models import AuditEvent, Instance, InstanceMetadata, Patient, Series, Study
from labelstack.services.audit import Actor
from tests.dicom_fixtures import (
    ct_files,
    dataset,
    dcmtk_compress,
    encode,
    pydicom_compress,
    pydicom_file,
)

#: Real files shipped with pydicom, one per transfer syntax they cover.
REAL_FILES = {
    "CT_small.dcm": "1.2.840.10008.1.2.1",
    "MR_small_implicit.dcm": "1.2.840.10008.1.2",
    "MR_small_bigendian.dcm": "1.2.840.10008.1.2.2",
    "image_dfl.dcm": "1.2.840.10008.1.2.1.99",
    "SC_rgb_jpeg_dcmtk.dcm": "1.2.840.10008.1.2.4.50",
    "JPGExtended.dcm": "1.2.840.10008.1.2.4.51",
    "SC_rgb_jpeg_gdcm.dcm": "1.2.840.10008.1.2.4.70",
    "MR_small_jpeg_ls_lossless.dcm": "1.2.840.10008.1.2.4.80",
    "JPEGLSNearLossless_08.dcm": "1.2.840.10008.1.2.4.81",
    "MR_small_jp2klossless.dcm": "1.2.840.10008.1.2.4.90",
    "693_J2KI.dcm": "1.2.840.10008.1.2.4.91",
    "MR_small_RLE.dcm": "1.2.840.10008.1.2.5",
    "examples_ybr_color.dcm": "1.2.840.10008.1.2.4.50",  # 30-frame ultrasound
}
#: Files that lack a required attribute, with the reason we give.
MISSING_UIDS = {"JPEGLSNearLossless_08.dcm": "StudyInstanceUID is missing"}


def stored_files(store: LocalFileStore) -> list[Path]:
    return [p for p in store.root.rglob("*") if p.is_file()]


def counts(db: Session) -> tuple[int, ...]:
    db.commit()
    return tuple(
        db.scalar(select(func.count()).select_from(table)) or 0
        for table in (Patient, Study, Series, Instance, InstanceMetadata)
    )


@pytest.mark.parametrize("name", sorted(REAL_FILES))
def test_real_files_are_kept_byte_for_byte_in_their_transfer_syntax(
    name: str, write_db: Session, store: LocalFileStore, actor: Actor
):
    data = pydicom_file(name)
    outcome = ingest_dicom(write_db, store=store, data=data, name=name, source="test", actor=actor)
    if name in MISSING_UIDS:
        assert outcome.status == "rejected" and outcome.reason == MISSING_UIDS[name]
        assert counts(write_db) == (0, 0, 0, 0, 0) and stored_files(store) == []
        return
    assert outcome.status == "stored", outcome.reason
    instance = write_db.scalars(select(Instance)).one()
    assert instance.transfer_syntax_uid == REAL_FILES[name]
    assert store.get(instance.storage_key) == data
    assert instance.size_bytes == len(data)
    assert instance.series.study.patient.patient_key
    again = ingest_dicom(write_db, store=store, data=data, name=name, source="test", actor=actor)
    assert again.status == "duplicate"
    assert counts(write_db)[3] == 1 and len(stored_files(store)) == 1


@pytest.mark.parametrize(
    ("tool", "options", "syntax", "lossless"),
    [
        ("dcmcjpeg", ("+ee",), "1.2.840.10008.1.2.4.51", False),  # JPEG extended, 12 bit
        ("dcmcjpeg", ("+e1",), "1.2.840.10008.1.2.4.70", True),  # JPEG lossless SV1
        ("dcmcjpls", ("+el",), "1.2.840.10008.1.2.4.80", True),  # JPEG-LS lossless
        ("dcmcjpls", ("+en",), "1.2.840.10008.1.2.4.81", False),  # JPEG-LS near-lossless
        ("dcmcrle", (), "1.2.840.10008.1.2.5", True),
        ("pydicom", (), JPEG2000Lossless, True),  # dcmtk has no JPEG 2000 encoder
    ],
)
def test_series_compressed_by_peers_are_stored_unchanged_and_decode(
    tool: str,
    options: tuple[str, ...],
    syntax: str,
    lossless: bool,
    write_db: Session,
    store: LocalFileStore,
    actor: Actor,
    tmp_path: Path,
):
    originals = ct_files(3, seed=f"peer-{tool}-{syntax}")
    compressed = [
        (
            name,
            pydicom_compress(data, syntax)
            if tool == "pydicom"
            else dcmtk_compress(tool, data, tmp_path / name, *options),
        )
        for name, data in originals
    ]
    outcomes = ingest_many(write_db, store=store, items=compressed, source="test", actor=actor)
    assert [o.status for o in outcomes] == ["stored"] * 3
    for (_, original), (_, data), outcome in zip(originals, compressed, outcomes, strict=True):
        instance = write_db.scalars(
            select(Instance).where(Instance.sop_instance_uid == outcome.sop_instance_uid)
        ).one()
        assert instance.transfer_syntax_uid == syntax
        assert store.get(instance.storage_key) == data
        decoded = render.decode_frame(dataset(data))
        expected = dataset(original).pixel_array
        if lossless:
            assert np.array_equal(decoded, expected)
        else:  # lossy coders may also rescale: compare Hounsfield units
            hu = apply_modality_lut(decoded, dataset(data))
            assert np.abs(hu - apply_modality_lut(expected, dataset(original))).mean() < 20
        assert render.render(data, max_size=32)[:8] == b"\x89PNG\r\n\x1a\n"


def test_one_audit_row_per_committed_batch(write_db: Session, store: LocalFileStore, actor: Actor):
    ingest_many(write_db, store=store, items=ct_files(7), source="test", actor=actor, commit_every=5)
    rows = write_db.scalars(select(AuditEvent).where(AuditEvent.action == "archive.ingest")).all()
    assert sorted(r.details["stored"] for r in rows) == [2, 5]
    series = write_db.scalars(select(Series)).one()
    assert (series.number_of_instances, series.study.number_of_instances) == (7, 7)
    assert series.study.number_of_series == 1 and series.study.modalities == "CT"


def test_two_concurrent_ingests_of_the_same_file_keep_one_copy(
    app: FastAPI, store: LocalFileStore, db: Session
):
    name, data = ct_files(1, seed="race")[0]
    barrier = threading.Barrier(4)
    results: list[IngestOutcome] = []
    errors: list[BaseException] = []

    def worker() -> None:
        session: Session = app.state.write_sessionmaker()
        try:
            barrier.wait()
            results.append(
                ingest_dicom(
                    session, store=store, data=data, name=name, source="race", actor=Actor.system("t")
                )
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            session.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(r.status for r in results) == ["duplicate", "duplicate", "duplicate", "stored"]
    assert counts(db) == (1, 1, 1, 1, 1)
    assert len(stored_files(store)) == 1
    assert db.scalar(select(Series.number_of_instances)) == 1


def _without(data: bytes, keyword: str) -> bytes:
    ds = dataset(data)
    delattr(ds, keyword)
    return encode(ds)


BAD_INPUTS = {
    "truncated in the pixel data": lambda: pydicom_file("CT_small.dcm")[:-5000],
    "truncated in the header": lambda: pydicom_file("CT_small.dcm")[:900],
    "shipped truncated file": lambda: pydicom_file("MR_truncated.dcm"),
    "not DICOM at all": lambda: b"%PDF-1.4\n" + bytes(500),
    "empty": lambda: b"",
    "no SOP Instance UID": lambda: _without(pydicom_file("CT_small.dcm"), "SOPInstanceUID"),
    "no Series Instance UID": lambda: _without(pydicom_file("MR_small.dcm"), "SeriesInstanceUID"),
    "no DICM preamble": lambda: pydicom_file("no_meta.dcm"),
    "a DICOMDIR": lambda: pydicom_file("DICOMDIR"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_rejected_and_changes_nothing(
    case: str, write_db: Session, store: LocalFileStore, actor: Actor
):
    outcome = ingest_dicom(write_db, store=store, data=BAD_INPUTS[case](), name=case, source="t", actor=actor)
    assert outcome.status == "rejected"
    assert outcome.reason
    assert counts(write_db) == (0, 0, 0, 0, 0)
    assert stored_files(store) == []


def test_a_bad_file_in_a_batch_leaves_the_good_ones(write_db: Session, store: LocalFileStore, actor: Actor):
    good = ct_files(2, seed="mixed")
    items = [good[0], ("broken", good[1][1][:-100]), good[1]]
    outcomes = ingest_many(write_db, store=store, items=items, source="t", actor=actor)
    assert [o.status for o in outcomes] == ["stored", "rejected", "stored"]
    assert counts(write_db)[3] == 2 and len(stored_files(store)) == 2


def test_uid_from_a_hostile_file_never_becomes_a_path(store: LocalFileStore):
    key = store.put("../../etc/passwd", b"x")
    assert (store.root / key).resolve().is_relative_to(store.root.resolve())
    assert UID("1.2.3").is_valid


def test_a_mixed_batch_reports_each_file_and_leaves_nothing_half_written(
    write_db: Session, store: LocalFileStore, actor: Actor
):
    first, second, third = ct_files(3, seed="mixed-batch")
    ingest_many(write_db, store=store, items=[first], source="t", actor=actor)
    before = {p: p.read_bytes() for p in stored_files(store)}
    items = [
        ("again", first[1]),  # archived by an earlier batch
        second,
        ("no uid", _without(second[1], "SOPInstanceUID")),
        ("second twice", second[1]),  # a duplicate inside this batch
        ("truncated", third[1][:-10]),
        ("not dicom", b"%PDF-1.4\n" + bytes(300)),
        third,
    ]
    outcomes = ingest_many(write_db, store=store, items=items, source="t", actor=actor)
    assert [(o.name, o.status) for o in outcomes] == [
        ("again", "duplicate"),
        (second[0], "stored"),
        ("no uid", "rejected"),
        ("second twice", "duplicate"),
        ("truncated", "rejected"),
        ("not dicom", "rejected"),
        (third[0], "stored"),
    ]
    assert all(o.reason for o in outcomes if o.status == "rejected")
    assert counts(write_db)[3:] == (3, 3)
    files = stored_files(store)
    assert len(files) == 3 and not [p for p in store.root.rglob(".incoming-*")]
    assert all(p.read_bytes() == data for p, data in before.items())  # the first copy is kept
    stored = {o.sop_instance_uid: o.storage_key for o in outcomes if o.status == "stored"}
    for _name, data in (second, third):
        key = next(k for uid, k in stored.items() if uid and uid.encode() in data)
        assert (store.root / str(key)).read_bytes() == data  # byte for byte


def test_a_failing_disk_write_leaves_no_file_and_no_row(
    write_db: Session, store: LocalFileStore, actor: Actor, monkeypatch: pytest.MonkeyPatch
):
    good = ct_files(3, seed="disk-full")
    real_write = store_module._write_all
    calls = []

    def write_then_fail(fd: int, data: bytes) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_write(fd, data)

    monkeypatch.setattr(store_module, "_write_all", write_then_fail)
    with pytest.raises(OSError):
        ingest_many(write_db, store=store, items=good, source="t", actor=actor)
    write_db.rollback()
    assert counts(write_db) == (0, 0, 0, 0, 0)
    assert [p for p in store.root.rglob("*") if p.is_file()] == []


def test_a_duplicate_archived_under_another_key_leaves_no_extra_file(
    write_db: Session, store: LocalFileStore, actor: Actor
):
    """The archived check comes after storing: a file written for an instance whose row names
    another key (e.g. indexed from a PACS) is removed again."""
    name, data = ct_files(1, seed="other-key")[0]
    first = ingest_dicom(write_db, store=store, data=data, name=name, source="t", actor=actor)
    instance = write_db.scalars(select(Instance)).one()
    (store.root / str(first.storage_key)).unlink()
    instance.storage_key = "pacs:1.2/3.4/5.6"
    write_db.commit()
    again = ingest_dicom(write_db, store=store, data=data, name=name, source="t", actor=actor)
    assert again.status == "duplicate"
    assert stored_files(store) == []
    assert write_db.scalars(select(Instance.storage_key)).one() == "pacs:1.2/3.4/5.6"


def _another_copy(data: bytes) -> bytes:
    """The same instance (same SOP Instance UID) with other bytes: another description and size."""
    ds = dataset(data)
    ds.InstanceNumber = int(ds.InstanceNumber) + 100
    ds.SeriesDescription = "sent again, edited on the way"
    return encode(ds)


def test_a_file_left_without_a_row_is_indexed_as_the_bytes_stored(
    write_db: Session, store: LocalFileStore, actor: Actor
):
    """A crash between storing a file and committing its row leaves the file; the next ingest of
    that instance keeps it (first copy kept), so its row must describe that file, not the bytes
    sent this time, whose size, checksum and attributes differ."""
    name, first = ct_files(1, seed="left-behind")[0]
    second = _another_copy(first)
    assert len(second) != len(first)
    uid = str(dataset(first).SOPInstanceUID)
    key = store.put(uid, first)  # stored, then the crash: no row
    outcome = ingest_dicom(write_db, store=store, data=second, name=name, source="t", actor=actor)
    assert outcome.status == "duplicate"
    assert outcome.size_bytes == len(first)
    assert store.get(key) == first
    instance = write_db.scalars(select(Instance)).one()
    assert (instance.storage_key, instance.size_bytes) == (key, len(first))
    assert instance.sha256 == hashlib.sha256(first).hexdigest()
    assert instance.instance_number == dataset(first).InstanceNumber
    dicom_json = write_db.scalars(select(InstanceMetadata.dicom_json)).one()
    assert dicom_json["0008103E"]["Value"] == [dataset(first).SeriesDescription]
    series = write_db.scalars(select(Series)).one()
    assert (series.number_of_instances, series.size_bytes, series.description) == (
        1,
        len(first),
        dataset(first).SeriesDescription,
    )
    assert stored_files(store) == [store.root / key]


def test_the_same_bytes_left_without_a_row_are_indexed_as_stored(
    write_db: Session, store: LocalFileStore, actor: Actor
):
    name, data = ct_files(1, seed="left-behind-same")[0]
    key = store.put(str(dataset(data).SOPInstanceUID), data)
    outcome = ingest_dicom(write_db, store=store, data=data, name=name, source="t", actor=actor)
    assert (outcome.status, outcome.storage_key) == ("stored", key)
    instance = write_db.scalars(select(Instance)).one()
    assert (instance.size_bytes, instance.sha256) == (len(data), hashlib.sha256(data).hexdigest())


def test_two_ingests_of_one_instance_with_other_bytes_index_the_copy_kept(
    app: FastAPI, store: LocalFileStore, db: Session
):
    """Whichever ingest's row wins the race, it describes the one file kept."""
    name, first = ct_files(1, seed="race-other-bytes")[0]
    copies = [first, _another_copy(first)] * 2
    barrier = threading.Barrier(len(copies))
    errors: list[BaseException] = []

    def worker(data: bytes) -> None:
        session: Session = app.state.write_sessionmaker()
        try:
            barrier.wait()
            ingest_dicom(session, store=store, data=data, name=name, source="race", actor=Actor.system("t"))
        except BaseException as exc:
            errors.append(exc)
        finally:
            session.close()

    threads = [threading.Thread(target=worker, args=(data,)) for data in copies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    [path] = stored_files(store)
    kept = path.read_bytes()
    instance = db.scalars(select(Instance)).one()
    assert (instance.size_bytes, instance.sha256) == (len(kept), hashlib.sha256(kept).hexdigest())
    assert instance.instance_number == dataset(kept).InstanceNumber
    assert db.scalar(select(Series.size_bytes)) == len(kept)


def test_the_store_keeps_the_first_copy_and_says_so(store: LocalFileStore):
    first = store.put_many([("1.2.3.4", b"first copy")])
    again = store.put_many([("1.2.3.4", b"second copy, other bytes"), ("1.2.3.5", b"new")])
    assert (first.kept, again.kept) == (set(), {"1.2.3.4"})
    assert again.keys["1.2.3.4"] == first.keys["1.2.3.4"]
    assert store.get(again.keys["1.2.3.4"]) == b"first copy"
    assert sorted(p.name for p in store.root.rglob("*") if p.name.startswith(".")) == []
