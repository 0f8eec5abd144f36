"""Withdrawing an annotation (removing it from the image) and reinstating it: a recorded, reversible change.

Withdrawal is a version on a base (compare-and-swap like a save), only for the
author on their own task or an admin; a withdrawn annotation leaves the item's
list, review, QC and every export, and keeps its history and audit entries.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.testclient import TestClient

from tests.annotation_api.scene import Scene
from tests.annotation_api.test_exports_api import _export, filled  # noqa: F401 (fixture)
from tests.annotation_api.test_labelmaps_api import create_labelmap
from tests.annotation_api.test_review_loop_api import _post_review_task, _review_task

API = "/api/v1/annotations"
BOX = {"kind": "box", "x": 2, "y": 3, "width": 10, "height": 8}


def _box(client: TestClient, scene: Scene, headers: dict[str, str] | None = None, **extra: Any) -> dict:
    body = {
        "project_id": scene.project_id,
        "label_id": scene.labels["nodule"],
        "series_id": scene.series.id,
        "instance_id": scene.instances[0].id,
        "task_item_id": scene.item.id,
        "content": BOX,
        **extra,
    }
    created = client.post(API, json=body, headers=headers or scene.annotator.headers)
    assert created.status_code == 201, created.text
    return created.json()


def _withdraw(client: TestClient, headers: dict[str, str], annotation_id: int, base: int) -> Any:
    return client.post(f"{API}/{annotation_id}/withdraw", json={"base_version": base}, headers=headers)


def _item_ids(client: TestClient, scene: Scene, **query: Any) -> list[int]:
    params = {"task_id": scene.task.id, "series_id": scene.series.id, **query}
    page = client.get(API, params=params, headers=scene.annotator.headers).json()
    return [a["id"] for a in page["items"]]


def test_withdraw_and_reinstate_keep_every_version(client: TestClient, scene: Scene) -> None:
    ann = scene.annotator.headers
    kept, removed = _box(client, scene), _box(client, scene)
    withdrawn = _withdraw(client, ann, removed["id"], 1)
    assert withdrawn.status_code == 200, withdrawn.text
    body = withdrawn.json()
    assert body["version_count"] == 2 and body["withdrawn_at"] is not None
    assert body["withdrawn_by_id"] == scene.annotator.user.id
    assert _item_ids(client, scene) == [kept["id"]]
    assert _item_ids(client, scene, include_withdrawn=True) == [kept["id"], removed["id"]]

    # twice: 409, nothing changes
    again = _withdraw(client, ann, removed["id"], 2)
    assert again.status_code == 409 and "already withdrawn" in again.json()["detail"]["message"]
    assert client.get(f"{API}/{removed['id']}", headers=ann).json()["version_count"] == 2
    # a withdrawn annotation takes no saves or drafts until it is reinstated
    save = {"base_version": 2, "content": {**BOX, "x": 4}}
    assert client.post(f"{API}/{removed['id']}/versions", json=save, headers=ann).status_code == 409
    assert client.put(f"{API}/{removed['id']}/draft", json=save, headers=ann).status_code == 409
    restore = client.post(f"{API}/{removed['id']}/versions/1/restore", json={"base_version": 2}, headers=ann)
    assert restore.status_code == 409

    # undo of the delete: on the newest version only
    stale = client.post(f"{API}/{removed['id']}/reinstate", json={"base_version": 1}, headers=ann)
    assert stale.status_code == 409 and stale.json()["detail"]["head"]["number"] == 2
    back = client.post(f"{API}/{removed['id']}/reinstate", json={"base_version": 2}, headers=ann)
    assert back.status_code == 200 and back.json()["withdrawn_at"] is None
    assert back.json()["version_count"] == 3
    assert _item_ids(client, scene) == [kept["id"], removed["id"]]
    not_withdrawn = client.post(f"{API}/{removed['id']}/reinstate", json={"base_version": 3}, headers=ann)
    assert not_withdrawn.status_code == 409

    history = client.get(f"{API}/{removed['id']}/versions", headers=ann).json()
    assert [(v["number"], v["source"]) for v in history] == [(1, "save"), (2, "withdraw"), (3, "reinstate")]
    assert len({v["content_hash"] for v in history}) == 1
    events = client.get(
        "/api/v1/audit",
        params={"object_type": "annotation", "object_id": str(removed["id"])},
        headers=scene.admin.headers,
    ).json()["items"]
    actions = [e["action"] for e in events]
    assert "annotation.withdraw" in actions and "annotation.reinstate" in actions


def test_a_stale_withdrawal_is_refused(client: TestClient, scene: Scene) -> None:
    ann = scene.annotator.headers
    box = _box(client, scene)
    save = {"base_version": 1, "content": {**BOX, "x": 5}}
    saved = client.post(f"{API}/{box['id']}/versions", json=save, headers=ann)
    assert saved.status_code == 201
    stale = _withdraw(client, ann, box["id"], 1)
    assert stale.status_code == 409 and stale.json()["detail"]["head"]["number"] == 2
    current = client.get(f"{API}/{box['id']}", headers=ann).json()
    assert current["withdrawn_at"] is None and current["version_count"] == 2


def test_the_last_draft_goes_into_the_withdrawal(client: TestClient, scene: Scene) -> None:
    ann = scene.annotator.headers
    box = _box(client, scene)
    moved = {**BOX, "x": 7}
    draft = client.put(f"{API}/{box['id']}/draft", json={"base_version": 1, "content": moved}, headers=ann)
    assert draft.status_code == 200
    assert _withdraw(client, ann, box["id"], 1).status_code == 200
    withdrawal = client.get(f"{API}/{box['id']}/versions/2", headers=ann).json()
    assert withdrawal["source"] == "withdraw" and withdrawal["content"]["x"] == 7
    assert client.get(f"{API}/{box['id']}/draft", headers=ann).status_code == 404


def test_who_may_withdraw(client: TestClient, scene: Scene) -> None:
    ann, admin = scene.annotator.headers, scene.admin.headers
    own = _box(client, scene)
    admins = _box(client, scene, headers=admin, task_item_id=None)
    refused = _withdraw(client, ann, admins["id"], 1)
    assert refused.status_code == 403 and "only the author" in refused.json()["detail"]
    assert client.get(f"{API}/{admins['id']}", headers=admin).json()["withdrawn_at"] is None
    # the reviewer has no task on this image: the annotation does not exist for them
    assert _withdraw(client, scene.reviewer.headers, own["id"], 1).status_code == 404
    assert _withdraw(client, ann, 987_654, 1).status_code == 404
    for bad in ({"base_version": -1}, {}):
        assert client.post(f"{API}/{own['id']}/withdraw", json=bad, headers=ann).status_code == 422
    # an admin may withdraw anyone's, and put it back
    assert _withdraw(client, admin, own["id"], 1).status_code == 200
    back = client.post(f"{API}/{own['id']}/reinstate", json={"base_version": 2}, headers=ann)
    assert back.status_code == 200


def test_a_qc_decision_is_not_withdrawn(client: TestClient, scene: Scene) -> None:
    body = {
        "project_id": scene.project_id,
        "label_id": scene.labels["liver"],
        "series_id": scene.series.id,
        "content": {"kind": "qc", "decision": "reject", "comment": ""},
    }
    created = client.post(API, json=body, headers=scene.annotator.headers)
    assert created.status_code == 201
    refused = _withdraw(client, scene.annotator.headers, created.json()["id"], 1)
    assert refused.status_code == 422 and "unclassified" in refused.json()["detail"]


def test_withdrawn_annotations_leave_review(client: TestClient, scene: Scene) -> None:
    labelmap = create_labelmap(client, scene)
    task_id, item_id = _review_task(client, scene, labelmap["head_version_id"])
    assert _withdraw(client, scene.annotator.headers, labelmap["id"], 1).status_code == 200
    screen = client.get(f"/api/v1/reviews/tasks/{task_id}/items/0", headers=scene.reviewer.headers)
    assert screen.status_code == 409 and "withdrawn" in screen.json()["detail"]
    assert client.post(f"/api/v1/tasks/{task_id}/start", headers=scene.reviewer.headers).status_code == 200
    review = {"task_item_id": item_id, "outcome": "accept"}
    assert client.post("/api/v1/reviews", json=review, headers=scene.reviewer.headers).status_code == 409
    # and no new review task can point at it
    refused = _post_review_task(client, scene, labelmap["head_version_id"])
    assert refused.status_code == 422 and "withdrawn" in refused.json()["detail"]


def test_withdrawn_annotations_leave_exports(
    client: TestClient,
    scene: Scene,
    filled: dict[str, int],  # noqa: F811 (fixture)
) -> None:
    ann = scene.annotator.headers
    for name in ("contour", "classification", "labelmap"):
        assert _withdraw(client, ann, filled[name], 1).status_code == 200, name
    coco = json.loads(_export(client, scene, "coco").read("coco/annotations.json"))
    assert {c["name"] for c in coco["categories"]} == {"Nodule"} and len(coco["annotations"]) == 1
    tables = _export(client, scene, "csv")
    assert list(csv.DictReader(io.StringIO(tables.read("csv/classifications.csv").decode()))) == []
    full = json.loads(_export(client, scene, "json").read("annotations.json"))
    assert sorted(a["id"] for a in full["annotations"]) == sorted([filled["box"], filled["qc"]])
    assert not [n for n in _export(client, scene, "nifti").namelist() if n.endswith(".nii.gz")]
    named = client.post(
        "/api/v1/exports",
        json={"format": "json", "annotation_ids": [filled["contour"]], "which": "latest"},
        headers=scene.admin.headers,
    )
    assert named.status_code == 404
    # still in the history
    history = client.get(f"{API}/{filled['labelmap']}/versions", headers=ann).json()
    assert [v["source"] for v in history][-1] == "withdraw"
