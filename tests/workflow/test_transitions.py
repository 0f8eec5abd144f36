"""The task state machine, every from x to pair, through the API; history and audit for each change."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.models import AuditEvent, ItemStatus, Task, TaskEvent, TaskItem
from labelstack.models import TaskStatus as S
from labelstack.services import task_workflow
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, InvalidTransition
from tests.factories import UserFactory
from tests.workflow.factories import WorkFactory

EXPECTED = {
    S.unassigned: {S.open, S.cancelled},
    S.open: {S.unassigned, S.in_progress, S.cancelled},
    S.in_progress: {S.open, S.done, S.cancelled},
    S.done: {S.cancelled},
    S.cancelled: set(),
}


def _counts(db: Session, task_id: int) -> tuple[int, int]:
    db.commit()
    events = db.scalar(select(func.count()).select_from(TaskEvent).where(TaskEvent.task_id == task_id))
    audits = db.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.action == "task.status", AuditEvent.object_id == str(task_id))
    )
    return events or 0, audits or 0


def test_the_table_is_the_one_documented():
    assert {k: set(v) for k, v in task_workflow.ALLOWED.items()} == EXPECTED


@pytest.mark.parametrize("start", list(S))
def test_every_change_from_each_state(
    start: S, client: TestClient, users: UserFactory, db: Session, work: WorkFactory
):
    admin = users.admin()
    anna = users.create("anna")
    project = work.project(annotators=[anna])
    for target in S:
        task = work.task(project, assignee=anna, name=f"{start}->{target}")
        db.execute(Task.__table__.update().where(Task.id == task.id).values(status=start.value))
        db.commit()
        before = _counts(db, task.id)
        response = client.post(
            f"/api/v1/tasks/{task.id}/status", json={"status": target}, headers=admin.headers
        )
        after = _counts(db, task.id)
        stored = db.get(Task, task.id)
        assert stored is not None
        db.refresh(stored)
        if target in EXPECTED[start]:
            assert response.status_code == 200, (start, target, response.text)
            assert response.json()["status"] == target
            assert stored.status == target
            assert after == (before[0] + 1, before[1] + 1)
            event = db.scalars(
                select(TaskEvent).where(TaskEvent.task_id == task.id).order_by(TaskEvent.id.desc())
            ).first()
            assert event is not None
            assert (event.from_status, event.to_status, event.actor_username) == (start, target, "root")
        else:
            assert response.status_code == 409, (start, target, response.text)
            detail = response.json()["detail"]
            assert set(detail["allowed"]) == {s.value for s in EXPECTED[start]}
            assert (detail["current"], detail["requested"]) == (start.value, target.value)
            assert stored.status == start
            assert after == before


def test_done_reopens_only_through_review(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive
):
    anna = users.annotator("anna")
    admin = users.admin()
    series = archive.many(2)
    project = work.project(annotators=[anna.user], series=series)
    task = work.task(project, assignee=anna.user, series=series)
    assert client.post(f"/api/v1/tasks/{task.id}/start", headers=anna.headers).status_code == 200
    for index in (0, 1):
        assert (
            client.post(f"/api/v1/tasks/{task.id}/items/{index}/done", headers=anna.headers).status_code
            == 200
        )
    db.commit()
    db.refresh(task)
    assert task.status == S.done and task.items_done == 2
    refused = client.post(f"/api/v1/tasks/{task.id}/status", json={"status": "open"}, headers=admin.headers)
    assert refused.status_code == 409 and refused.json()["detail"]["allowed"] == ["cancelled"]

    item = db.scalar(select(TaskItem).where(TaskItem.task_id == task.id, TaskItem.position == 1))
    assert item is not None
    reviewer = Actor(None, "rita")
    task_workflow.reopen_for_correction(
        db, task_id=task.id, item_id=item.id, actor=reviewer, reason="LV misses apex"
    )
    db.commit()
    db.refresh(task)
    db.refresh(item)
    assert task.status == S.open and task.finished_at is None
    assert task.items_done == 1 and item.status == ItemStatus.pending and item.finished_at is None
    last = db.scalars(
        select(TaskEvent).where(TaskEvent.task_id == task.id).order_by(TaskEvent.id.desc())
    ).first()
    assert last is not None and (last.from_status, last.to_status, last.reason) == (
        S.done,
        S.open,
        "LV misses apex",
    )
    with pytest.raises(Conflict):  # the item is pending now: nothing to correct
        task_workflow.reopen_for_correction(
            db, task_id=task.id, item_id=item.id, actor=reviewer, reason="again"
        )
    db.rollback()


def test_starting_a_task_in_progress_again_changes_nothing(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive
):
    """A second tab, or a workspace opened again before the first start was answered, starts the
    task again: that is no error and writes no history; a finished task is still not restarted."""
    anna = users.annotator("anna")
    series = archive.many(1)
    project = work.project(annotators=[anna.user], series=series)
    task = work.task(project, assignee=anna.user, series=series)
    events, audits = _counts(db, task.id)
    first = client.post(f"/api/v1/tasks/{task.id}/start", headers=anna.headers)
    again = client.post(f"/api/v1/tasks/{task.id}/start", headers=anna.headers)
    assert first.status_code == again.status_code == 200
    assert again.json()["status"] == "in_progress"
    assert _counts(db, task.id) == (events + 1, audits + 1)

    assert client.post(f"/api/v1/tasks/{task.id}/items/0/done", headers=anna.headers).status_code == 200
    refused = client.post(f"/api/v1/tasks/{task.id}/start", headers=anna.headers)
    assert refused.status_code == 409 and refused.json()["detail"]["allowed"] == ["cancelled"]


def test_cancelled_work_cannot_be_reopened(users: UserFactory, db: Session, work: WorkFactory, archive):
    anna = users.create("anna")
    series = archive.many(1)
    project = work.project(annotators=[anna], series=series)
    task = work.task(project, assignee=anna, series=series)
    item = db.scalar(select(TaskItem).where(TaskItem.task_id == task.id))
    assert item is not None
    task_workflow.transition(db, task=task, to=S.cancelled, actor=Actor(None, "t"))
    db.commit()
    with pytest.raises(InvalidTransition):
        task_workflow.reopen_for_correction(
            db, task_id=task.id, item_id=item.id, actor=Actor(None, "t"), reason="x"
        )


def test_creation_is_the_first_history_row(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory
):
    anna = users.annotator("anna")
    project = work.project(annotators=[anna.user])
    task = work.task(project, assignee=anna.user)
    history = client.get(f"/api/v1/tasks/{task.id}/history", headers=anna.headers)
    assert history.status_code == 200
    assert [(e["from_status"], e["to_status"]) for e in history.json()] == [(None, "open")]
