"""The per-frame route's short-lived lookups never outlive a revocation, a withdrawn task or a deletion.

Changes made through the server clear them at once; changes made elsewhere
(another worker, the command line: here, straight in the database) take
effect once the lookups' bounds have passed, which the tests reach by moving
the caches' clocks instead of sleeping.
"""

from __future__ import annotations

import time

import pydicom
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from labelstack.archive.dicomweb import multipart
from labelstack.models import AuthSession, Role, Series, Task, TaskStatus, User
from labelstack.services import access, archive_delete, sessions, task_workflow
from labelstack.services.dicomweb import INSTANCE_SECONDS
from labelstack.services.sessions import token_digest
from tests.dicomweb.conftest import Archive
from tests.factories import DEFAULT_PASSWORD, LoggedIn, UserFactory
from tests.workflow.factories import SYSTEM, ArchiveFactory, WorkFactory

ACCEPT = {"Accept": "multipart/related; type=application/octet-stream; transfer-syntax=*"}


def _frame_url(ds: pydicom.Dataset) -> str:
    return (
        f"/dicomweb/studies/{ds.StudyInstanceUID}/series/{ds.SeriesInstanceUID}"
        f"/instances/{ds.SOPInstanceUID}/frames/1"
    )


def _frame(client: TestClient, who: LoggedIn | None, ds: pydicom.Dataset) -> int:
    headers = {**(who.headers if who else {}), **ACCEPT}
    return client.get(_frame_url(ds), headers=headers).status_code


def _later(app: FastAPI, seconds: float) -> None:
    """Let ``seconds`` pass for the lookups (and only for them)."""
    lookups = app.state.frame_lookups
    for cache in (lookups.logins, lookups.decisions, lookups.instances):
        cache.clock = lambda: time.monotonic() + seconds


def _ct_series(db: Session, archive: Archive) -> Series:
    series = db.scalar(select(Series).where(Series.series_instance_uid == archive.ct_series))
    assert series is not None
    return series


def _task_on_ct(db: Session, archive: Archive, who: User) -> Task:
    series = _ct_series(db, archive)
    work = WorkFactory(db, ArchiveFactory(db))
    task = work.task(work.project(annotators=[who], series=[series]), assignee=who, series=[series])
    db.commit()
    return task


def test_logout_denies_frames_at_once(client: TestClient, admin: LoggedIn, archive: Archive):
    assert _frame(client, admin, archive.ct[0]) == 200
    assert client.post("/api/v1/auth/logout", headers=admin.headers).status_code == 204
    assert _frame(client, admin, archive.ct[0]) == 401
    assert _frame(client, admin, archive.ct[1]) == 401


def test_a_session_revoked_elsewhere_is_denied_once_the_bound_has_passed(
    app: FastAPI, client: TestClient, admin: LoggedIn, archive: Archive, db: Session
):
    assert _frame(client, admin, archive.ct[0]) == 200
    mine = AuthSession.token_hash == token_digest(admin.token)
    db.execute(update(AuthSession).where(mine).values(revoked_at=AuthSession.created_at))
    db.commit()
    assert _frame(client, admin, archive.ct[1]) == 200  # the login check is still trusted
    _later(app, sessions.LOGIN_CHECK_SECONDS)
    assert _frame(client, admin, archive.ct[1]) == 401
    assert client.get("/api/v1/users/me", headers=admin.headers).status_code == 401


def test_deactivation_denies_frames_at_once(
    client: TestClient, admin: LoggedIn, archive: Archive, users: UserFactory, db: Session
):
    anna = users.annotator()
    _task_on_ct(db, archive, anna.user)
    assert _frame(client, anna, archive.ct[0]) == 200
    assert client.post(f"/api/v1/users/{anna.user.id}/deactivate", headers=admin.headers).status_code == 200
    assert _frame(client, anna, archive.ct[0]) == 401


def test_deactivation_elsewhere_denies_frames_once_the_bound_has_passed(
    app: FastAPI, client: TestClient, archive: Archive, users: UserFactory, db: Session
):
    anna = users.annotator()
    _task_on_ct(db, archive, anna.user)
    assert _frame(client, anna, archive.ct[0]) == 200
    db.execute(update(User).where(User.id == anna.user.id).values(is_active=False))
    db.commit()
    _later(app, sessions.LOGIN_CHECK_SECONDS)
    assert _frame(client, anna, archive.ct[0]) == 401


def test_a_task_cancelled_elsewhere_hides_its_series_once_the_bound_has_passed(
    app: FastAPI, client: TestClient, archive: Archive, users: UserFactory, db: Session
):
    anna = users.annotator()
    task = _task_on_ct(db, archive, anna.user)
    assert _frame(client, anna, archive.ct[0]) == 200
    task_workflow.transition(db, task=task, to=TaskStatus.cancelled, actor=SYSTEM)
    db.commit()
    assert _frame(client, anna, archive.ct[1]) == 200  # the decision is still trusted
    _later(app, access.DECISION_SECONDS)
    assert _frame(client, anna, archive.ct[1]) == 404
    assert _frame(client, anna, archive.ct[0]) == 404


def test_a_task_cancelled_through_the_api_hides_its_series_at_once(
    client: TestClient, admin: LoggedIn, archive: Archive, users: UserFactory, db: Session
):
    anna = users.annotator()
    task = _task_on_ct(db, archive, anna.user)
    assert _frame(client, anna, archive.ct[0]) == 200
    cancel = {"status": "cancelled", "reason": "not needed"}
    moved = client.post(f"/api/v1/tasks/{task.id}/status", json=cancel, headers=admin.headers)
    assert moved.status_code == 200, moved.text
    assert _frame(client, anna, archive.ct[0]) == 404


@pytest.mark.parametrize("first", ["admin", "anna"])
def test_another_users_series_stays_hidden_after_someone_warmed_the_lookups(
    first: str, client: TestClient, admin: LoggedIn, archive: Archive, users: UserFactory, db: Session
):
    anna, andre = users.annotator("anna"), users.annotator("andre")
    _task_on_ct(db, archive, anna.user)
    warmer = admin if first == "admin" else anna
    for ds in archive.ct:
        assert _frame(client, warmer, ds) == 200
    assert _frame(client, andre, archive.ct[0]) == 404
    assert _frame(client, andre, archive.ct[-1]) == 404
    assert _frame(client, None, archive.ct[0]) == 401


def test_a_series_deleted_through_the_api_answers_404_at_once(
    app: FastAPI, client: TestClient, admin: LoggedIn, archive: Archive, db: Session
):
    assert _frame(client, admin, archive.ct[0]) == 200
    series_id = _ct_series(db, archive).id
    assert client.delete(f"/api/v1/series/{series_id}", headers=admin.headers).status_code == 200
    assert _frame(client, admin, archive.ct[0]) == 404
    assert _frame(client, admin, archive.ct[1]) == 404


def test_a_series_deleted_elsewhere_answers_404_although_its_location_is_still_known(
    app: FastAPI, client: TestClient, admin: LoggedIn, archive: Archive, db: Session
):
    for ds in archive.ct[:2]:
        assert _frame(client, admin, ds) == 200
    reader = app.state.dicomweb_reader
    archive_delete.delete_series(
        db,
        store=reader.store,
        originals_dir=app.state.settings.data_dir / "originals",
        series_id=_ct_series(db, archive).id,
        actor=SYSTEM,
    )
    assert _frame(client, admin, archive.ct[0]) == 404  # read before: its layout was known
    assert _frame(client, admin, archive.ct[5]) == 404  # never read: only its location was known
    _later(app, INSTANCE_SECONDS)
    assert _frame(client, admin, archive.ct[5]) == 404


def test_the_session_cookie_is_checked_like_the_bearer_token(
    client: TestClient, archive: Archive, users: UserFactory
):
    who = users.create("cookie-admin", Role.admin)
    login = client.post("/api/v1/auth/login", json={"username": who.username, "password": DEFAULT_PASSWORD})
    assert login.status_code == 200
    assert _frame(client, None, archive.ct[0]) == 200  # the cookie set by the login
    logout = client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": login.json()["csrf_token"]})
    assert logout.status_code == 204
    client.cookies.set("labelstack_session", login.cookies["labelstack_session"])
    assert _frame(client, None, archive.ct[0]) == 401


def test_the_first_frame_of_a_series_starts_locating_the_others(
    app: FastAPI, client: TestClient, admin: LoggedIn, archive: Archive
):
    assert _frame(client, admin, archive.ct[0]) == 200
    reader = app.state.dicomweb_reader
    deadline = time.monotonic() + 30
    while len(reader.layout_cache) < len(archive.ct) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(reader.layout_cache) == len(archive.ct)
    for ds in archive.ct:
        response = client.get(_frame_url(ds), headers={**admin.headers, **ACCEPT})
        (part,) = multipart.decode(response.content, response.headers["content-type"])
        assert part.data == ds.PixelData


def test_annotation_autosaves_keep_the_lookups_other_writes_clear_them(
    client: TestClient, admin: LoggedIn, archive: Archive, db: Session
):
    """Annotators autosave every few seconds; that must not send everyone's frames back to the database."""
    assert _frame(client, admin, archive.ct[0]) == 200
    logins = client.app.state.frame_lookups.logins  # type: ignore[attr-defined]
    before = logins.generation
    client.post("/api/v1/annotations", json={}, headers=admin.headers)  # refused (422), still a write
    client.put("/api/v1/annotations/999999/draft", json={}, headers=admin.headers)
    assert logins.generation == before and len(logins) == 1
    client.post("/api/v1/projects", json={}, headers=admin.headers)  # any other write clears them
    assert logins.generation == before + 1 and len(logins) == 0
