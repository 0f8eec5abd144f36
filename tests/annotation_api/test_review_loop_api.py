"""The whole review loop: submit, review, correction requested, corrected version reviewed again, accept."""

from __future__ import annotations

import httpx
import numpy as np
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.annotations.patch import LabelmapPatch
from labelstack.models import Review, TaskItem
from tests.annotation_api.scene import Scene
from tests.annotation_api.test_labelmaps_api import SHAPE, create_labelmap

API = "/api/v1"


def _post_review_task(
    client: TestClient, scene: Scene, version_id: int, series_id: int | None = None
) -> httpx.Response:
    return client.post(
        f"{API}/tasks",
        json={
            "project_id": scene.project_id,
            "name": "Review liver",
            "kind": "review",
            "assignee_id": scene.reviewer.user.id,
            "items": [{"annotation_version_id": version_id, "series_id": series_id or scene.series.id}],
        },
        headers=scene.admin.headers,
    )


def _review_task(client: TestClient, scene: Scene, version_id: int) -> tuple[int, int]:
    created = _post_review_task(client, scene, version_id)
    assert created.status_code == 201, created.text
    task_id = created.json()["id"]
    item = client.get(f"{API}/tasks/{task_id}/items/0", headers=scene.reviewer.headers).json()["item"]
    return task_id, item["id"]


def test_full_review_loop(client: TestClient, scene: Scene, db: Session, users) -> None:  # type: ignore[no-untyped-def]
    annotation = create_labelmap(client, scene)
    annotation_id = annotation["id"]
    reviewer, annotator = scene.reviewer.headers, scene.annotator.headers
    submitted = client.post(
        f"{API}/annotations/{annotation_id}/submit", json={"base_version": 1}, headers=annotator
    )
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    done = client.post(f"{API}/tasks/{scene.task.id}/items/0/done", headers=annotator)
    assert done.status_code == 200
    assert client.get(f"{API}/tasks/{scene.task.id}", headers=annotator).json()["status"] == "done"

    task_id, item_id = _review_task(client, scene, annotation["head_version_id"])
    # the reviewer now sees the images under review
    assert client.get(f"{API}/annotations/{annotation_id}", headers=reviewer).status_code == 200

    request = {"task_item_id": item_id, "outcome": "request_correction", "comment": "the dome is missing"}
    assert client.post(f"{API}/reviews", json=request, headers=reviewer).status_code == 409  # not started yet
    assert client.post(f"{API}/tasks/{task_id}/start", headers=reviewer).status_code == 200

    # someone who is not the task's reviewer: refused, nothing changed
    db.commit()
    intruder = users.reviewer("ivan")
    for who in (intruder.headers, annotator, scene.admin.headers):
        assert client.post(f"{API}/reviews", json=request, headers=who).status_code == 403
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(Review)) == 0
    db.commit()

    pinned = {**request, "comments": [{"text": "here", "slice_index": 4, "x": 12.5, "y": 30}]}
    first = client.post(f"{API}/reviews", json=pinned, headers=reviewer)
    assert first.status_code == 201, first.text
    assert first.json()["number"] == 1
    state = client.get(f"{API}/annotations/{annotation_id}", headers=annotator).json()
    assert state["status"] == "changes_requested"
    # the annotator's item and task are open again
    task = client.get(f"{API}/tasks/{scene.task.id}", headers=annotator).json()
    assert task["status"] == "open" and task["items_done"] == 0
    assert client.get(f"{API}/tasks/{task_id}", headers=reviewer).json()["status"] == "done"

    # the annotator corrects: version 2, submitted, goes back to the same reviewer
    assert client.post(f"{API}/tasks/{scene.task.id}/start", headers=annotator).status_code == 200
    plane = np.zeros(SHAPE[1:], np.uint8)
    plane[0:10, 0:10] = 1
    saved = client.post(
        f"{API}/annotations/{annotation_id}/labelmap?base_version=1&active_seconds=20",
        content=LabelmapPatch.from_slices(SHAPE, {1: plane}).to_bytes(),
        headers=annotator,
    )
    assert saved.status_code == 201
    resubmitted = client.post(
        f"{API}/annotations/{annotation_id}/submit", json={"base_version": 2}, headers=annotator
    )
    assert resubmitted.status_code == 200 and resubmitted.json()["status"] == "submitted"
    db.expire_all()
    review_item = db.get(TaskItem, item_id)
    assert review_item is not None and review_item.annotation_version_id == saved.json()["id"]
    assert review_item.status.value == "pending"
    db.commit()
    assert client.get(f"{API}/tasks/{task_id}", headers=reviewer).json()["status"] == "open"

    assert client.post(f"{API}/tasks/{task_id}/start", headers=reviewer).status_code == 200
    comment = client.post(
        f"{API}/reviews",
        json={"task_item_id": item_id, "outcome": "comment", "comment": "better"},
        headers=reviewer,
    )
    assert comment.status_code == 201 and comment.json()["number"] == 2
    accepted = client.post(
        f"{API}/reviews", json={"task_item_id": item_id, "outcome": "accept"}, headers=reviewer
    )
    assert accepted.status_code == 201 and accepted.json()["number"] == 3
    final = client.get(f"{API}/annotations/{annotation_id}", headers=annotator).json()
    assert final["status"] == "final" and final["final_version_id"] == saved.json()["id"]
    assert client.get(f"{API}/tasks/{task_id}", headers=reviewer).json()["status"] == "done"

    history = client.get(f"{API}/annotations/{annotation_id}/reviews", headers=annotator).json()
    assert [(r["number"], r["outcome"]) for r in history] == [
        (1, "request_correction"),
        (2, "comment"),
        (3, "accept"),
    ]
    assert history[0]["comments"] == [{"text": "here", "slice_index": 4, "x": 12.5, "y": 30.0}]
    assert history[0]["version_id"] == annotation["head_version_id"]

    # the user pages count the work: one annotation (two versions) and three review decisions
    def made(user_id: int) -> tuple[int, int]:
        body = client.get(f"{API}/stats/users/{user_id}", headers=scene.admin.headers).json()
        return body["annotations_made"], body["reviews_made"]

    assert made(scene.annotator.user.id) == (1, 0)
    assert made(scene.reviewer.user.id) == (0, 3)


def test_correction_of_an_imported_annotation_creates_a_correction_task(
    client: TestClient, scene: Scene, db: Session
) -> None:
    """No annotator item to re-open: the version's author gets a correction task."""
    body = {
        "project_id": scene.project_id,
        "label_id": scene.labels["finding"],
        "series_id": scene.series.id,
        "content": {
            "kind": "classification",
            "values": [{"label_id": scene.labels["finding"], "value": "normal"}],
        },
    }
    created = client.post(f"{API}/annotations", json=body, headers=scene.annotator.headers).json()
    task_id, item_id = _review_task(client, scene, created["head_version_id"])
    assert client.post(f"{API}/tasks/{task_id}/start", headers=scene.reviewer.headers).status_code == 200
    sent_back = client.post(
        f"{API}/reviews",
        json={"task_item_id": item_id, "outcome": "request_correction", "comment": "recheck"},
        headers=scene.reviewer.headers,
    )
    assert sent_back.status_code == 201, sent_back.text
    mine = client.get(
        f"{API}/tasks/mine", params={"kind": "annotate"}, headers=scene.annotator.headers
    ).json()
    names = [t["name"] for t in mine["items"]]
    assert f"Correction of annotation {created['id']}" in names


def test_a_review_item_must_name_a_version_on_its_series(
    client: TestClient, scene: Scene, db: Session
) -> None:
    annotation = create_labelmap(client, scene)
    items_before = db.scalar(select(func.count()).select_from(TaskItem))
    for version_id, series_id in ((987_654, scene.series.id), (annotation["head_version_id"], 987_654)):
        created = _post_review_task(client, scene, version_id, series_id)
        assert created.status_code == 422, created.text
        assert "annotation version" in created.json()["detail"]
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(TaskItem)) == items_before
