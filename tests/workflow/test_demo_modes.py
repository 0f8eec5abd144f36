"""The whole demo gives the reviewer a review item waiting for her and a QC task on the ED/ES cardiac cine."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.config import Settings
from labelstack.models import ItemStatus, Task, TaskItem, TaskKind, TaskStatus, User
from labelstack.services import demo, qc, review_context
from labelstack.services.demo_qc import TASK_NAME


def test_demo_review_and_qc_tasks_open_with_content(db: Session, settings: Settings) -> None:
    lines = demo.load(db, settings=settings)
    assert any("QC task of" in line for line in lines), lines
    rita = db.scalar(select(User).where(User.username == "rita"))
    assert rita is not None

    review = db.scalar(select(Task).where(Task.kind == TaskKind.review, Task.assignee_id == rita.id))
    assert review is not None and review.status == TaskStatus.in_progress
    pending = db.scalar(
        select(TaskItem).where(TaskItem.task_id == review.id, TaskItem.status == ItemStatus.pending)
    )
    assert pending is not None
    screen = review_context.for_item(db, task_id=review.id, index=pending.position, user=rita)
    assert screen.version.content["manifest"] and screen.annotation.status.value == "submitted"
    sent_back = review_context.for_item(db, task_id=review.id, index=1, user=rita)
    [(first_review, pins)] = sent_back.reviews
    assert first_review.outcome.value == "request_correction" and pins[0].slice_index is not None

    qc_task = db.scalar(select(Task).where(Task.name == TASK_NAME))
    assert qc_task is not None and qc_task.assignee_id == rita.id and qc_task.status == TaskStatus.in_progress
    cardiac = qc.item_context(db, task_id=qc_task.id, index=0, user=rita)
    assert [(t.phase, t.name) for t in cardiac.time_points] == [("1", "ED"), ("2", "ES")]
    assert sorted(s.phase for s in cardiac.segmentations) == ["1", "2"]
    assert qc_task.items_total >= 2  # the cardiac case and the reviewed LV labelmaps

    again = demo.load(db, settings=settings)
    assert "demo QC: already there" in again
