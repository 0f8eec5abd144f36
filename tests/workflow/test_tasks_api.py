"""Tasks through the API: creating, walking items, finishing, time spent, and my-tasks isolation."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.models import AuditEvent, Task, TaskItem, WorkTime
from tests.factories import UserFactory
from tests.workflow.factories import ArchiveFactory, WorkFactory, later

TASKS = "/api/v1/tasks"


def test_admin_creates_a_task_and_the_assignee_works_through_it(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    anna = users.annotator("anna")
    series = archive.many(3)
    project = work.project(annotators=[anna.user], series=series)
    due = later(3).isoformat()
    body = {
        "project_id": project.id,
        "name": "LV segmentation batch 1",
        "kind": "annotate",
        "priority": "high",
        "due_at": due,
        "assignee_id": anna.user.id,
        "items": [{"series_id": s.id} for s in series],
    }
    created = client.post(TASKS, json=body, headers=admin.headers)
    assert created.status_code == 201, created.text
    task = created.json()
    assert task["status"] == "open" and task["priority"] == "high"
    assert (task["items_total"], task["items_finished"], task["progress"]) == (3, 0, 0.0)
    task_id = task["id"]

    # walking before starting is fine; marking is not
    first = client.get(f"{TASKS}/{task_id}/items/0", headers=anna.headers).json()
    assert (first["index"], first["previous_index"], first["next_index"], first["total"]) == (0, None, 1, 3)
    assert first["item"]["series_id"] == series[0].id
    assert client.post(f"{TASKS}/{task_id}/items/0/done", headers=anna.headers).status_code == 409
    started = client.post(f"{TASKS}/{task_id}/start", headers=anna.headers)
    assert started.status_code == 200 and started.json()["started_at"] is not None

    assert (
        client.post(f"{TASKS}/{task_id}/items/0/time", json={"seconds": 40}, headers=anna.headers).status_code
        == 200
    )
    assert (
        client.post(f"{TASKS}/{task_id}/items/0/time", json={"seconds": 20}, headers=anna.headers).status_code
        == 200
    )
    assert (
        client.post(f"{TASKS}/{task_id}/items/1/time", json={"seconds": 0}, headers=anna.headers).status_code
        == 422
    )
    done = client.post(f"{TASKS}/{task_id}/items/0/done", headers=anna.headers).json()
    assert done["item"]["status"] == "done" and done["item"]["active_seconds"] == 60
    assert done["next_pending_index"] == 1
    assert client.post(f"{TASKS}/{task_id}/items/1/skip", json={}, headers=anna.headers).status_code == 422
    skipped = client.post(
        f"{TASKS}/{task_id}/items/1/skip", json={"reason": "motion artefact"}, headers=anna.headers
    )
    assert skipped.json()["item"]["skip_reason"] == "motion artefact"
    nxt = client.get(f"{TASKS}/{task_id}/items/next", params={"after": 0}, headers=anna.headers).json()
    assert nxt["index"] == 2
    last = client.get(f"{TASKS}/{task_id}/items/2", headers=anna.headers).json()
    assert (last["previous_index"], last["next_index"]) == (1, None)
    assert client.get(f"{TASKS}/{task_id}/items/3", headers=anna.headers).status_code == 404

    # finishing with a pending item needs force
    refused = client.post(f"{TASKS}/{task_id}/finish", json={}, headers=anna.headers)
    assert refused.status_code == 409 and "1 item" in refused.json()["detail"]
    read = client.get(f"{TASKS}/{task_id}", headers=anna.headers).json()
    assert read["status"] == "in_progress"
    assert (read["items_done"], read["items_skipped"], read["items_finished"]) == (1, 1, 2)
    assert read["active_seconds"] == 60 and abs(read["progress"] - 2 / 3) < 0.001
    finished = client.post(f"{TASKS}/{task_id}/finish", json={"force": True}, headers=anna.headers)
    assert finished.status_code == 200 and finished.json()["status"] == "done"

    db.commit()
    assert db.scalar(select(func.sum(WorkTime.seconds)).where(WorkTime.task_id == task_id)) == 60
    actions = set(db.scalars(select(AuditEvent.action).where(AuditEvent.object_id == str(task_id))).all())
    assert {"task.create", "task.status", "task.item_done", "task.item_skip"} <= actions


def test_the_last_item_finishes_the_task(
    client: TestClient, users: UserFactory, work: WorkFactory, archive: ArchiveFactory
):
    anna = users.annotator("anna")
    series = archive.many(1)
    project = work.project(annotators=[anna.user], series=series)
    task = work.task(project, assignee=anna.user, series=series)
    client.post(f"{TASKS}/{task.id}/start", headers=anna.headers)
    client.post(f"{TASKS}/{task.id}/items/0/done", headers=anna.headers)
    assert client.get(f"{TASKS}/{task.id}", headers=anna.headers).json()["status"] == "done"
    assert client.get(f"{TASKS}/{task.id}/items/next", headers=anna.headers).status_code == 404


def test_my_tasks_shows_only_mine_by_list_and_by_id(
    client: TestClient, users: UserFactory, work: WorkFactory, archive: ArchiveFactory
):
    anna = users.annotator("anna")
    andre = users.annotator("andre")
    rita = users.reviewer("rita")
    series = archive.many(2)
    project = work.project(annotators=[anna.user, andre.user], reviewers=[rita.user], series=series)
    mine = [work.task(project, assignee=anna.user, series=series[:1], name=f"anna {i}") for i in range(3)]
    theirs = work.task(project, assignee=andre.user, series=series[1:], name="andre 1")
    unassigned = work.task(project, name="nobody")

    page = client.get(f"{TASKS}/mine", headers=anna.headers).json()
    assert page["total"] == 3 and {t["id"] for t in page["items"]} == {t.id for t in mine}
    searched = client.get(f"{TASKS}/mine", params={"search": "ANNA 1"}, headers=anna.headers).json()
    assert [t["name"] for t in searched["items"]] == ["anna 1"]
    assert client.get(f"{TASKS}/mine", headers=rita.headers).json()["total"] == 0
    # every per-task route answers 404 for someone else's task
    for other in (theirs, unassigned):
        for path in ("", "/history", "/items", "/items/0", "/items/next"):
            assert client.get(f"{TASKS}/{other.id}{path}", headers=anna.headers).status_code == 404, path
        for path, body in (
            ("/start", {}),
            ("/finish", {"force": True}),
            ("/items/0/done", {}),
            ("/items/0/time", {"seconds": 5}),
        ):
            assert (
                client.post(f"{TASKS}/{other.id}{path}", json=body, headers=anna.headers).status_code == 404
            )
    # and the admin list is admins only
    assert client.get(TASKS, headers=anna.headers).status_code == 403
    assert client.get(f"{TASKS}/{theirs.id}", headers=andre.headers).status_code == 200


def test_admin_list_filters_sorts_and_pages(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    anna = users.create("anna")
    andre = users.create("andre")
    series = archive.many(1)
    project = work.project(annotators=[anna, andre], series=series)
    other = work.project("Other", annotators=[anna], series=series)
    work.task(project, assignee=anna, name="a-low", priority="low", due_at=later(1))
    work.task(project, assignee=andre, name="b-urgent", priority="urgent", due_at=later(2))
    work.task(project, name="c-normal", due_at=later(3))
    work.task(other, assignee=anna, name="d-high", priority="high", kind="label")
    late = work.task(project, assignee=anna, name="e-late", due_at=later(0.5))
    db.execute(Task.__table__.update().where(Task.id == late.id).values(due_at=later(-1)))
    db.commit()

    def names(**params: object) -> list[str]:
        response = client.get(TASKS, params=params, headers=admin.headers)
        assert response.status_code == 200, response.text
        return [t["name"] for t in response.json()["items"]]

    assert names(sort="due_at") == ["e-late", "a-low", "b-urgent", "c-normal", "d-high"]
    assert names(sort="priority", descending=True) == ["b-urgent", "d-high", "e-late", "c-normal", "a-low"]
    assert names(project_id=other.id) == ["d-high"]
    assert names(kind="label") == ["d-high"]
    assert names(status="unassigned") == ["c-normal"]
    assert names(status=["unassigned", "open"], assignee_id=andre.id) == ["b-urgent"]
    assert names(priority="urgent") == ["b-urgent"]
    assert names(overdue=True) == ["e-late"]
    assert "e-late" not in names(overdue=False)
    assert names(due_before=later(1.5).isoformat()) == ["e-late", "a-low"]
    assert names(search="NORMAL") == ["c-normal"]
    assert names(search="%") == []
    page = client.get(TASKS, params={"sort": "name", "limit": 2, "offset": 2}, headers=admin.headers).json()
    assert page["total"] == 5 and [t["name"] for t in page["items"]] == ["c-normal", "d-high"]
    row = client.get(TASKS, params={"search": "e-late"}, headers=admin.headers).json()["items"][0]
    assert row["overdue"] is True
    for column in (
        "name",
        "kind",
        "status",
        "assignee_id",
        "created_at",
        "progress",
        "active_seconds",
        "items_total",
    ):
        assert len(names(sort=column)) == 5
    assert client.get(TASKS, params={"sort": "password"}, headers=admin.headers).status_code == 422


def test_reassigning_moves_the_task_back_to_open(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    anna = users.annotator("anna")
    andre = users.create("andre")
    series = archive.many(1)
    project = work.project(annotators=[anna.user, andre], series=series)
    task = work.task(project, assignee=anna.user, series=series)
    client.post(f"{TASKS}/{task.id}/start", headers=anna.headers)
    moved = client.patch(f"{TASKS}/{task.id}", json={"assignee_id": andre.id}, headers=admin.headers)
    assert moved.status_code == 200 and (moved.json()["status"], moved.json()["assignee_id"]) == (
        "open",
        andre.id,
    )
    assert client.get(f"{TASKS}/{task.id}", headers=anna.headers).status_code == 404
    cleared = client.patch(f"{TASKS}/{task.id}", json={"assignee_id": None}, headers=admin.headers).json()
    assert (cleared["status"], cleared["assignee_id"]) == ("unassigned", None)
    db.commit()
    assert db.scalar(select(func.count()).select_from(TaskItem).where(TaskItem.task_id == task.id)) == 1
