"""Frame reads: every one audited (aggregated per user and series), and access decided per request."""

from __future__ import annotations

import time

import pydicom
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.models import AuditEvent, Series
from labelstack.services import audit
from tests.dicomweb.conftest import Archive
from tests.factories import LoggedIn, UserFactory
from tests.workflow.factories import ArchiveFactory, WorkFactory

ACCEPT = {"Accept": "multipart/related; type=application/octet-stream; transfer-syntax=*"}


def _frame_url(ds: pydicom.Dataset, frames: str = "1") -> str:
    return (
        f"/dicomweb/studies/{ds.StudyInstanceUID}/series/{ds.SeriesInstanceUID}"
        f"/instances/{ds.SOPInstanceUID}/frames/{frames}"
    )


def _get_frame(client: TestClient, who: LoggedIn, ds: pydicom.Dataset) -> int:
    return client.get(_frame_url(ds), headers={**who.headers, **ACCEPT}).status_code


def _frame_rows(db: Session) -> list[AuditEvent]:
    db.rollback()
    return list(db.scalars(select(AuditEvent).where(AuditEvent.action == "dicomweb.frames")))


def test_frame_reads_become_one_row_per_user_and_series_seen_by_the_audit_log(
    client: TestClient, admin: LoggedIn, archive: Archive, users: UserFactory
):
    for ds in (archive.ct[0], archive.ct[1], archive.ct[2], archive.ct[0]):
        assert _get_frame(client, admin, ds) == 200
    other = archive.files["MR_small.dcm"]
    assert _get_frame(client, admin, other) == 200
    # the audit log API writes what is pending before it answers
    page = client.get("/api/v1/audit", params={"action": "dicomweb.frames"}, headers=admin.headers).json()
    by_series = {row["object_id"]: row for row in page["items"]}
    assert set(by_series) == {archive.ct_series, str(other.SeriesInstanceUID)}
    ct = by_series[archive.ct_series]
    assert ct["actor_username"] == admin.user.username and ct["object_type"] == "series"
    assert ct["details"]["requests"] == 4 and ct["details"]["frames"] == 4
    assert ct["details"]["instances"] == 3 and ct["details"]["studies"] == [archive.ct_study]
    assert sorted(ct["details"]["sop_instance_uids"]) == sorted(str(d.SOPInstanceUID) for d in archive.ct[:3])


def test_frame_reads_are_written_by_the_background_flush(
    client: TestClient, admin: LoggedIn, archive: Archive, db: Session
):
    assert _get_frame(client, admin, archive.ct[5]) == 200
    deadline = time.monotonic() + audit.FRAME_READ_FLUSH_SECONDS * 5
    rows = _frame_rows(db)
    while not rows and time.monotonic() < deadline:
        time.sleep(0.1)
        rows = _frame_rows(db)
    assert [(r.object_id, r.details["requests"]) for r in rows] == [(archive.ct_series, 1)]


def test_a_failed_flush_keeps_the_reads_for_the_next_one(app: FastAPI, archive: Archive, db: Session):
    engine = app.state.engine
    batcher = audit.FrameReadBatcher(engine, interval=3600)
    who = audit.Actor(None, "reader", "127.0.0.1")
    batcher.add(
        actor=who,
        action="dicomweb.frames",
        study_uid="1.2",
        series_uid="1.2.3",
        sop_instance_uid="1.2.3.4",
        frames=2,
    )
    batcher.bind = None  # type: ignore[assignment]  # the database is away
    try:
        batcher.flush()
    except Exception:
        pass
    else:
        raise AssertionError("the flush should have failed")
    batcher.add(
        actor=who,
        action="dicomweb.frames",
        study_uid="1.2",
        series_uid="1.2.3",
        sop_instance_uid="1.2.3.5",
        frames=1,
    )
    batcher.bind = engine
    assert batcher.flush() == 1
    (row,) = _frame_rows(db)
    assert row.details["requests"] == 2 and row.details["frames"] == 3 and row.details["instances"] == 2


def test_reassigning_a_task_hides_its_series_at_once(
    client: TestClient, admin: LoggedIn, archive: Archive, users: UserFactory, db: Session
):
    anna = users.logged_in("anna")
    andre = users.create("andre")
    series = db.scalar(select(Series).where(Series.series_instance_uid == archive.ct_series))
    assert series is not None
    work = WorkFactory(db, ArchiveFactory(db))
    project = work.project(annotators=[anna.user, andre], series=[series])
    task = work.task(project, assignee=anna.user, series=[series])
    db.commit()
    assert _get_frame(client, anna, archive.ct[0]) == 200
    moved = client.patch(f"/api/v1/tasks/{task.id}", json={"assignee_id": andre.id}, headers=admin.headers)
    assert moved.status_code == 200, moved.text
    assert _get_frame(client, anna, archive.ct[0]) == 404
    assert _get_frame(client, anna, archive.ct[1]) == 404
    audit.flush_frame_reads(db.get_bind())
    reads = [r for r in _frame_rows(db) if r.actor_username == "anna"]
    assert [(r.object_id, r.details["requests"]) for r in reads] == [(archive.ct_series, 1)]
