"""Bulk creation (packages, round-robin, balanced by open workload) and all-or-nothing bulk edits."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.models import AuditEvent, Priority, Task, TaskEvent, TaskItem
from labelstack.models import TaskStatus as S
from tests.factories import UserFactory
from tests.workflow.factories import ArchiveFactory, WorkFactory, later

BULK = "/api/v1/tasks/bulk"


def _bulk_body(project_id: int, series: list, **extra: object) -> dict:
    return {
        "project_id": project_id,
        "name_prefix": "LV",
        "kind": "annotate",
        "items": [{"series_id": s.id} for s in series],
        "due_at": later(5).isoformat(),
        **extra,
    }


def test_split_into_packages_round_robin(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    team = [users.create(n) for n in ("anna", "andre", "amir")]
    series = archive.many(10)
    project = work.project(annotators=team, series=series)
    body = _bulk_body(project.id, series, package_size=3, assignee_ids=[u.id for u in team])
    response = client.post(BULK, json=body, headers=admin.headers)
    assert response.status_code == 201, response.text
    created = response.json()["tasks"]
    assert [t["name"] for t in created] == ["LV 1/4", "LV 2/4", "LV 3/4", "LV 4/4"]
    assert [t["items_total"] for t in created] == [3, 3, 3, 1]
    assert [t["assignee_id"] for t in created] == [team[0].id, team[1].id, team[2].id, team[0].id]
    assert {t["status"] for t in created} == {"open"}
    db.commit()
    positions = db.execute(
        select(TaskItem.task_id, TaskItem.position, TaskItem.series_id).order_by(
            TaskItem.task_id, TaskItem.position
        )
    ).all()
    assert [p.series_id for p in positions] == [s.id for s in series]


def test_balanced_fills_the_least_loaded_first(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    anna, andre = users.create("anna"), users.create("andre")
    series = archive.many(8)
    project = work.project(annotators=[anna, andre], series=series)
    # anna already has 4 pending items in an open task; andre has none
    work.task(project, assignee=anna, series=series[:4], name="existing")
    body = _bulk_body(
        project.id, series, package_size=2, assignee_ids=[anna.id, andre.id], strategy="balanced"
    )
    created = client.post(BULK, json=body, headers=admin.headers).json()["tasks"]
    # loads: anna 4, andre 0 → andre, andre(2) → tie 4/4 → anna (listed first) → andre (4 vs 6)
    assert [t["assignee_id"] for t in created] == [andre.id, andre.id, anna.id, andre.id]


def test_bulk_create_without_assignees_makes_unassigned_tasks(
    client: TestClient, users: UserFactory, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    series = archive.many(4)
    project = work.project(series=series)
    created = client.post(
        BULK, json=_bulk_body(project.id, series, package_size=4), headers=admin.headers
    ).json()
    assert [(t["status"], t["items_total"]) for t in created["tasks"]] == [("unassigned", 4)]


def test_bulk_edit_changes_all(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    anna, andre = users.create("anna"), users.create("andre")
    series = archive.many(3)
    project = work.project(annotators=[anna, andre], series=series)
    tasks = [work.task(project, assignee=anna, series=[s]) for s in series]
    ids = [t.id for t in tasks]
    due = later(9)
    response = client.post(
        f"{BULK}-edit",
        json={"task_ids": ids, "assignee_id": andre.id, "priority": "urgent", "due_at": due.isoformat()},
        headers=admin.headers,
    )
    assert response.status_code == 200 and response.json() == {"updated": 3}
    db.commit()
    rows = db.scalars(select(Task).where(Task.id.in_(ids))).all()
    for row in rows:
        db.refresh(row)
        assert (row.assignee_id, row.priority, row.status) == (andre.id, Priority.urgent, S.open)
        assert abs((row.due_at - due).total_seconds()) < 1  # type: ignore[operator]
    cancelled = client.post(
        f"{BULK}-edit",
        json={"task_ids": ids, "cancel": True, "reason": "study withdrawn"},
        headers=admin.headers,
    )
    assert cancelled.status_code == 200
    db.commit()
    assert set(db.scalars(select(Task.status).where(Task.id.in_(ids))).all()) == {S.cancelled}
    reasons = db.scalars(select(TaskEvent.reason).where(TaskEvent.to_status == S.cancelled)).all()
    assert list(reasons) == ["study withdrawn"] * 3
    assert (
        db.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "task.bulk_edit"))
        == 2
    )


def test_bulk_edit_is_all_or_nothing(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    anna = users.annotator("anna")
    andre = users.create("andre")
    series = archive.many(3)
    project = work.project(annotators=[anna.user, andre], series=series)
    first = work.task(project, assignee=anna.user, series=series[:1])
    second = work.task(project, assignee=anna.user, series=series[1:2])
    done = work.task(project, assignee=anna.user, series=series[2:])
    client.post(f"/api/v1/tasks/{done.id}/start", headers=anna.headers)
    client.post(f"/api/v1/tasks/{done.id}/items/0/done", headers=anna.headers)
    db.commit()
    before = sorted(db.execute(select(Task.id, Task.assignee_id, Task.status, Task.priority)).all())
    events = db.scalar(select(func.count()).select_from(TaskEvent))
    # the done task cannot change hands, so neither do the other two
    response = client.post(
        f"{BULK}-edit",
        json={"task_ids": [first.id, second.id, done.id], "assignee_id": andre.id, "priority": "low"},
        headers=admin.headers,
    )
    assert response.status_code == 409, response.text
    assert response.json()["detail"]["task_id"] == done.id
    db.commit()
    assert sorted(db.execute(select(Task.id, Task.assignee_id, Task.status, Task.priority)).all()) == before
    assert db.scalar(select(func.count()).select_from(TaskEvent)) == events
