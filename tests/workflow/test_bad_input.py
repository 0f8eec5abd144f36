"""Bad input answers a clear 4xx and changes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.models import (
    AuditEvent,
    Label,
    LabelAssignment,
    Project,
    ProjectMember,
    Task,
    TaskEvent,
    TaskItem,
)
from labelstack.models import TaskStatus as S
from tests.factories import LoggedIn, UserFactory
from tests.workflow.factories import ArchiveFactory, WorkFactory, later

TABLES = (Project, ProjectMember, Label, LabelAssignment, Task, TaskItem, TaskEvent, AuditEvent)


def _snapshot(db: Session) -> dict[str, object]:
    db.commit()
    counts: dict[str, object] = {
        t.__tablename__: db.scalar(select(func.count()).select_from(t)) for t in TABLES
    }
    counts["statuses"] = sorted(
        db.execute(select(Task.id, Task.status, Task.assignee_id, Task.priority)).all()
    )
    return counts


@pytest.fixture
def scene(client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory):
    admin = users.admin()
    anna = users.annotator("anna")
    ghost = users.create("ghost")
    outsider = users.create("outsider")
    series = archive.many(3)
    foreign = archive.series()
    project = work.project(annotators=[anna.user, ghost], series=series)
    other = work.project("Other", annotators=[anna.user], series=[foreign])
    from labelstack.services import users as user_service
    from tests.workflow.factories import SYSTEM

    user_service.set_active(db, user_id=ghost.id, active=False, actor=SYSTEM)
    label = work.label(project, "LV")
    work.label(other, "Foreign label")
    open_task = work.task(project, assignee=anna.user, series=series[:2], name="open")
    cancelled = work.task(project, assignee=anna.user, series=series[2:], name="cancelled")
    client.post(f"/api/v1/tasks/{cancelled.id}/status", json={"status": "cancelled"}, headers=admin.headers)
    return {
        "admin": admin,
        "anna": anna,
        "ghost": ghost,
        "outsider": outsider,
        "project": project,
        "other": other,
        "series": series,
        "foreign": foreign,
        "label": label,
        "open": open_task,
        "cancelled": cancelled,
    }


def _task_body(scene: dict, **changes: object) -> dict:
    body = {
        "project_id": scene["project"].id,
        "name": "t",
        "kind": "annotate",
        "assignee_id": scene["anna"].user.id,
        "due_at": later(2).isoformat(),
        "items": [{"series_id": scene["series"][0].id}],
    }
    body.update(changes)
    return body


CASES: dict[str, tuple[int, Callable[[dict], tuple[str, str, dict]]]] = {
    "assign to an inactive user": (
        422,
        lambda s: ("POST", "/api/v1/tasks", _task_body(s, assignee_id=s["ghost"].id)),
    ),
    "assign to a non-member": (
        422,
        lambda s: ("POST", "/api/v1/tasks", _task_body(s, assignee_id=s["outsider"].id)),
    ),
    "assign to nobody who exists": (
        422,
        lambda s: ("POST", "/api/v1/tasks", _task_body(s, assignee_id=99999)),
    ),
    "due date in the past": (
        422,
        lambda s: ("POST", "/api/v1/tasks", _task_body(s, due_at=later(-1).isoformat())),
    ),
    "due date without a time zone": (
        422,
        lambda s: ("POST", "/api/v1/tasks", _task_body(s, due_at="2030-01-01T00:00:00")),
    ),
    "items from another project": (
        422,
        lambda s: ("POST", "/api/v1/tasks", _task_body(s, items=[{"series_id": s["foreign"].id}])),
    ),
    "an item listed twice": (
        422,
        lambda s: ("POST", "/api/v1/tasks", _task_body(s, items=[{"series_id": s["series"][0].id}] * 2)),
    ),
    "an item with two targets": (
        422,
        lambda s: ("POST", "/api/v1/tasks", _task_body(s, items=[{"series_id": 1, "instance_id": 1}])),
    ),
    "review items in an annotate task": (
        422,
        lambda s: (
            "POST",
            "/api/v1/tasks",
            _task_body(s, items=[{"annotation_version_id": 1, "series_id": s["series"][0].id}]),
        ),
    ),
    "unknown project": (404, lambda s: ("POST", "/api/v1/tasks", _task_body(s, project_id=9999))),
    "unknown label in assignments": (
        422,
        lambda s: (
            "POST",
            f"/api/v1/projects/{s['project'].id}/assignments",
            {"label_ids": [s["label"], 9999], "series_ids": [s["series"][0].id]},
        ),
    ),
    "another project's label in assignments": (
        422,
        lambda s: (
            "POST",
            f"/api/v1/projects/{s['project'].id}/assignments",
            {"label_ids": [s["label"] + 1], "series_ids": [s["series"][0].id]},
        ),
    ),
    "assignment on an image outside the project": (
        422,
        lambda s: (
            "POST",
            f"/api/v1/projects/{s['project'].id}/assignments",
            {"label_ids": [s["label"]], "series_ids": [s["foreign"].id]},
        ),
    ),
    "duplicate label name": (
        409,
        lambda s: ("POST", "/api/v1/labels", {"project_id": s["project"].id, "name": "lv", "kind": "box"}),
    ),
    "allowed values on a box label": (
        422,
        lambda s: (
            "POST",
            "/api/v1/labels",
            {"project_id": s["project"].id, "name": "B", "kind": "box", "allowed_values": ["x"]},
        ),
    ),
    "editing a cancelled task": (
        409,
        lambda s: ("PATCH", f"/api/v1/tasks/{s['cancelled'].id}", {"priority": "urgent"}),
    ),
    "reassigning to an inactive user": (
        422,
        lambda s: ("PATCH", f"/api/v1/tasks/{s['open'].id}", {"assignee_id": s["ghost"].id}),
    ),
    "opening an unassigned task": (
        409,
        lambda s: ("POST", f"/api/v1/tasks/{s['cancelled'].id}/status", {"status": "open"}),
    ),
    "bulk edit touching a cancelled task": (
        409,
        lambda s: (
            "POST",
            "/api/v1/tasks/bulk-edit",
            {"task_ids": [s["open"].id, s["cancelled"].id], "priority": "urgent"},
        ),
    ),
    "bulk edit with an unknown task": (
        404,
        lambda s: (
            "POST",
            "/api/v1/tasks/bulk-edit",
            {"task_ids": [s["open"].id, 9999], "priority": "urgent"},
        ),
    ),
    "bulk edit to a non-member": (
        422,
        lambda s: (
            "POST",
            "/api/v1/tasks/bulk-edit",
            {"task_ids": [s["open"].id], "assignee_id": s["outsider"].id},
        ),
    ),
    "bulk create with a past due date": (
        422,
        lambda s: (
            "POST",
            "/api/v1/tasks/bulk",
            {
                "project_id": s["project"].id,
                "name_prefix": "p",
                "kind": "annotate",
                "items": [{"series_id": x.id} for x in s["series"]],
                "package_size": 1,
                "due_at": later(-1).isoformat(),
            },
        ),
    ),
    "bulk create with one foreign item": (
        422,
        lambda s: (
            "POST",
            "/api/v1/tasks/bulk",
            {
                "project_id": s["project"].id,
                "name_prefix": "p",
                "kind": "annotate",
                "items": [{"series_id": x.id} for x in [*s["series"], s["foreign"]]],
                "package_size": 1,
            },
        ),
    ),
    "member who is deactivated": (
        422,
        lambda s: ("POST", f"/api/v1/projects/{s['other'].id}/members", {"user_id": s["ghost"].id}),
    ),
    "project name taken": (409, lambda s: ("POST", "/api/v1/projects", {"name": "cardiac mr"})),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_and_changes_nothing(case: str, scene: dict, client: TestClient, db: Session):
    status, make = CASES[case]
    method, path, body = make(scene)
    admin: LoggedIn = scene["admin"]
    before = _snapshot(db)
    response = client.request(method, path, json=body, headers=admin.headers)
    assert response.status_code == status, response.text
    assert "detail" in response.json()
    assert _snapshot(db) == before


def test_finishing_with_pending_items_needs_force(scene: dict, client: TestClient, db: Session):
    anna: LoggedIn = scene["anna"]
    task = scene["open"]
    client.post(f"/api/v1/tasks/{task.id}/start", headers=anna.headers)
    before = _snapshot(db)
    response = client.post(f"/api/v1/tasks/{task.id}/finish", json={}, headers=anna.headers)
    assert response.status_code == 409 and "force" in response.json()["detail"]
    assert _snapshot(db) == before
    admin_done = client.post(
        f"/api/v1/tasks/{task.id}/status", json={"status": "done"}, headers=scene["admin"].headers
    )
    assert admin_done.status_code == 409 and _snapshot(db) == before
    forced = client.post(f"/api/v1/tasks/{task.id}/finish", json={"force": True}, headers=anna.headers)
    assert forced.status_code == 200
    db.commit()
    assert db.get(Task, task.id) is not None
    assert db.scalar(select(Task.status).where(Task.id == task.id)) == S.done


def test_a_label_in_use_is_retired_not_deleted(
    scene: dict, client: TestClient, db: Session, work: WorkFactory
):
    admin: LoggedIn = scene["admin"]
    project, label = scene["project"], scene["label"]
    unused = work.label(project, "unused", "box")
    made = client.post(
        f"/api/v1/projects/{project.id}/assignments",
        json={"label_ids": [label], "series_ids": [scene["series"][0].id]},
        headers=admin.headers,
    )
    assert made.status_code == 201, made.text
    before = _snapshot(db)
    refused = client.delete(f"/api/v1/labels/{label}", headers=admin.headers)
    assert refused.status_code == 409 and "retire" in refused.json()["detail"]
    assert _snapshot(db) == before
    retired = client.patch(f"/api/v1/labels/{label}", json={"is_retired": True}, headers=admin.headers)
    assert retired.status_code == 200 and retired.json()["is_retired"] is True
    assert client.delete(f"/api/v1/labels/{unused}", headers=admin.headers).status_code == 204
    again = client.post(
        f"/api/v1/projects/{project.id}/assignments",
        json={"label_ids": [label], "series_ids": [scene["series"][1].id]},
        headers=admin.headers,
    )
    assert again.status_code == 422 and "retired" in again.json()["detail"]
