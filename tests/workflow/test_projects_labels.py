"""Projects, membership, labels and label assignments."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.models import Instance
from tests.factories import UserFactory
from tests.workflow.factories import ArchiveFactory, WorkFactory


def test_admin_builds_a_project_and_members_see_only_theirs(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    anna = users.annotator("anna")
    rita = users.reviewer("rita")
    created = client.post(
        "/api/v1/projects",
        json={"name": "Lung CT", "description": "nodules", "members": [{"user_id": anna.user.id}]},
        headers=admin.headers,
    )
    assert created.status_code == 201, created.text
    project_id = created.json()["id"]
    set_rita = client.post(
        f"/api/v1/projects/{project_id}/members",
        json={"user_id": rita.user.id, "can_annotate": False, "can_review": True},
        headers=admin.headers,
    )
    assert [(m["username"], m["can_review"]) for m in set_rita.json()["members"]] == [
        ("anna", False),
        ("rita", True),
    ]
    work.project("Secret")
    assert [p["name"] for p in client.get("/api/v1/projects", headers=anna.headers).json()["items"]] == [
        "Lung CT"
    ]
    assert client.get("/api/v1/projects", headers=admin.headers).json()["total"] == 2
    assert client.get(f"/api/v1/projects/{project_id + 1}", headers=anna.headers).status_code == 404
    assert client.post("/api/v1/projects", json={"name": "x"}, headers=anna.headers).status_code == 403

    series = archive.many(2)
    single = archive.series(instances=3)
    instance_id = db.scalar(
        select(Instance.id).where(Instance.series_fk == single.id, Instance.instance_number == 2)
    )
    db.commit()
    added = client.post(
        f"/api/v1/projects/{project_id}/images",
        json={"series_ids": [s.id for s in series], "instance_ids": [instance_id]},
        headers=admin.headers,
    )
    assert added.status_code == 200 and added.json() == {"added": 3, "already_present": 0}
    again = client.post(
        f"/api/v1/projects/{project_id}/images", json={"series_ids": [series[0].id]}, headers=admin.headers
    )
    assert again.json() == {"added": 0, "already_present": 1}
    assert client.get(f"/api/v1/projects/{project_id}/images", headers=anna.headers).json()["total"] == 3
    bad = client.post(
        f"/api/v1/projects/{project_id}/images", json={"series_ids": [999]}, headers=admin.headers
    )
    assert bad.status_code == 422

    removed = client.delete(f"/api/v1/projects/{project_id}/members/{rita.user.id}", headers=admin.headers)
    assert [m["username"] for m in removed.json()["members"]] == ["anna"]


def test_labels_and_assignments(
    client: TestClient, users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory
):
    admin = users.admin()
    anna = users.annotator("anna")
    series = archive.many(3)
    project = work.project(annotators=[anna.user], series=series)
    made = client.post(
        "/api/v1/labels",
        json={
            "project_id": project.id,
            "name": "Finding",
            "kind": "classification",
            "color": "#00ff00",
            "allowed_values": ["normal", "abnormal", "uncertain"],
        },
        headers=admin.headers,
    )
    assert made.status_code == 201, made.text
    lv = work.label(project, "LV")
    listed = client.get("/api/v1/labels", params={"project_id": project.id}, headers=anna.headers).json()
    assert [(x["name"], x["kind"]) for x in listed] == [("Finding", "classification"), ("LV", "segmentation")]
    assert listed[0]["allowed_values"] == ["normal", "abnormal", "uncertain"]

    response = client.post(
        f"/api/v1/projects/{project.id}/assignments",
        json={"label_ids": [lv], "series_ids": [s.id for s in series]},
        headers=admin.headers,
    )
    assert response.status_code == 201 and len(response.json()["created"]) == 3
    ids = [a["id"] for a in response.json()["created"]]
    dup = client.post(
        f"/api/v1/projects/{project.id}/assignments",
        json={"label_ids": [lv], "series_ids": [series[0].id]},
        headers=admin.headers,
    )
    assert dup.json() == {"created": [], "already_present": 1}

    # pack two of them into a task; the third stays visible as not yet in a task
    task = client.post(
        "/api/v1/tasks",
        json={
            "project_id": project.id,
            "name": "LV",
            "kind": "annotate",
            "assignee_id": anna.user.id,
            "items": [{"label_assignment_id": i} for i in ids[:2]],
        },
        headers=admin.headers,
    ).json()
    pending = client.get(
        f"/api/v1/projects/{project.id}/assignments", params={"status": "pending"}, headers=admin.headers
    ).json()
    assert [a["id"] for a in pending["items"]] == [ids[2]]
    reused = client.post(
        "/api/v1/tasks",
        json={
            "project_id": project.id,
            "name": "again",
            "kind": "annotate",
            "items": [{"label_assignment_id": ids[0]}],
        },
        headers=admin.headers,
    )
    assert reused.status_code == 409
    client.post(f"/api/v1/tasks/{task['id']}/start", headers=anna.headers)
    client.post(f"/api/v1/tasks/{task['id']}/items/0/done", headers=anna.headers)
    by_status = {
        s: client.get(
            f"/api/v1/projects/{project.id}/assignments", params={"status": s}, headers=admin.headers
        ).json()["total"]
        for s in ("pending", "in_task", "done")
    }
    assert by_status == {"pending": 1, "in_task": 1, "done": 1}
    # cancelling hands unfinished assignments back
    client.post(f"/api/v1/tasks/{task['id']}/status", json={"status": "cancelled"}, headers=admin.headers)
    after = client.get(
        f"/api/v1/projects/{project.id}/assignments", params={"status": "pending"}, headers=admin.headers
    ).json()
    assert sorted(a["id"] for a in after["items"]) == [ids[1], ids[2]]
