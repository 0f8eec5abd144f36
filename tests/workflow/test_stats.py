"""Dashboard statistics on a small, known data set."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from labelstack.models import Task
from labelstack.services import stats
from tests.factories import UserFactory
from tests.workflow.factories import ArchiveFactory, WorkFactory, later


def test_project_user_label_qc_and_working_now(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    anna = users.annotator("anna")
    andre = users.annotator("andre")
    series = archive.many(6)
    project = work.project(annotators=[anna.user, andre.user], series=series)
    work.project("Elsewhere", series=series[:1])
    lv = work.label(project, "LV")
    work.label(project, "RV", "contour")
    client.post(
        f"/api/v1/projects/{project.id}/assignments",
        json={"label_ids": [lv], "series_ids": [s.id for s in series[:4]]},
        headers=admin.headers,
    )
    t1 = work.task(project, assignee=anna.user, series=series[:3], name="anna 1")
    t2 = work.task(project, assignee=andre.user, series=series[3:5], name="andre 1")
    late = work.task(project, assignee=andre.user, series=series[5:], name="late", due_at=later(1))
    work.task(project, name="spare")
    db.execute(Task.__table__.update().where(Task.id == late.id).values(due_at=later(-2)))
    db.commit()

    for who, task in ((anna, t1), (andre, t2)):
        client.post(f"/api/v1/tasks/{task.id}/start", headers=who.headers)
    client.post(f"/api/v1/tasks/{t1.id}/items/0/time", json={"seconds": 100}, headers=anna.headers)
    client.post(f"/api/v1/tasks/{t1.id}/items/1/time", json={"seconds": 50}, headers=anna.headers)
    client.post(f"/api/v1/tasks/{t1.id}/items/0/done", headers=anna.headers)
    client.post(f"/api/v1/tasks/{t1.id}/items/1/skip", json={"reason": "blurred"}, headers=anna.headers)
    client.post(f"/api/v1/tasks/{t2.id}/items/0/time", json={"seconds": 30}, headers=andre.headers)
    for index in (0, 1):
        client.post(f"/api/v1/tasks/{t2.id}/items/{index}/done", headers=andre.headers)

    today = datetime.now(UTC).date().isoformat()
    p = client.get(f"/api/v1/stats/projects/{project.id}", params={"days": 7}, headers=admin.headers)
    assert p.status_code == 200, p.text
    body = p.json()
    assert body["images"] == 6
    assert body["assignments"] == {"total": 4, "by_status": {"pending": 4, "in_task": 0, "done": 0}}
    assert body["tasks"]["by_status"] == {
        "unassigned": 1,
        "open": 1,
        "in_progress": 1,
        "done": 1,
        "cancelled": 0,
    }
    assert body["tasks"]["total"] == 4 and body["tasks"]["overdue"] == 1
    assert body["items"] == {"total": 6, "finished": 4}
    assert body["active_seconds"] == 180
    assert len(body["progress_per_day"]) == 7 and body["progress_per_day"][-1] == {"day": today, "count": 4}
    assert sum(d["count"] for d in body["progress_per_day"]) == 4

    u = client.get(f"/api/v1/stats/users/{anna.user.id}", headers=admin.headers).json()
    assert u["tasks"]["by_status"]["in_progress"] == 1 and u["tasks"]["done"] == 0
    assert (u["items_done"], u["items_skipped"], u["active_seconds"]) == (1, 1, 150)
    assert (u["annotations_made"], u["reviews_made"]) == (0, 0)
    assert u["per_day"][-1] == {"day": today, "items_finished": 2, "active_seconds": 150}
    me = client.get("/api/v1/stats/me", headers=andre.headers).json()
    assert (me["items_done"], me["tasks"]["done"], me["active_seconds"]) == (2, 1, 30)
    assert client.get(f"/api/v1/stats/users/{anna.user.id}", headers=andre.headers).status_code == 403

    labels = client.get(f"/api/v1/stats/projects/{project.id}/labels", headers=admin.headers).json()
    assert [(x["name"], x["assignments"]) for x in labels] == [("LV", 4), ("RV", 0)]

    qc = client.get("/api/v1/stats/qc", headers=admin.headers).json()
    assert qc["total"] == 0 and [d["decision"] for d in qc["decisions"]] == [
        "accept",
        "reject",
        "fine_tune",
        "unclassified",
    ]

    now = client.get("/api/v1/stats/working-now", headers=admin.headers).json()
    assert [(w["username"], w["task_name"], w["current_index"]) for w in now] == [("anna", "anna 1", 2)]


def test_qc_hook_counts_and_percentages(db: Session):
    source = lambda _db, _project: {"accept": 3, "reject": 1}  # noqa: E731
    stats.QC_DECISIONS.append(source)
    try:
        result = stats.qc_stats(db)
    finally:
        stats.QC_DECISIONS.remove(source)
    assert result["total"] == 4
    assert {d["decision"]: (d["count"], d["percent"]) for d in result["decisions"]} == {
        "accept": (3, 75.0),
        "reject": (1, 25.0),
        "fine_tune": (0, 0.0),
        "unclassified": (0, 0.0),
    }
