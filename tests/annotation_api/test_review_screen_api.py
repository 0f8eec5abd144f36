"""The reviewer's screen of one review item: the version under review and the annotation's history."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.annotation_api.scene import Scene
from tests.annotation_api.test_labelmaps_api import create_labelmap
from tests.annotation_api.test_review_loop_api import _review_task
from tests.factories import UserFactory

API = "/api/v1"


def test_review_screen_shows_version_history_reviews_and_names(
    client: TestClient, scene: Scene, users: UserFactory
) -> None:
    annotation = create_labelmap(client, scene)
    annotation_id = annotation["id"]
    annotator, reviewer = scene.annotator.headers, scene.reviewer.headers
    submitted = {"base_version": 1}
    submit = client.post(f"{API}/annotations/{annotation_id}/submit", json=submitted, headers=annotator)
    assert submit.status_code == 200
    task_id, item_id = _review_task(client, scene, annotation["head_version_id"])
    url = f"{API}/reviews/tasks/{task_id}/items/0"

    screen = client.get(url, headers=reviewer)
    assert screen.status_code == 200, screen.text
    body = screen.json()
    assert body["item"]["id"] == item_id
    assert body["annotation"]["id"] == annotation_id and body["annotation"]["status"] == "submitted"
    assert body["version"]["number"] == 1 and body["version"]["active_seconds"] == 30
    assert "manifest" in body["version"]["content"]
    assert [v["number"] for v in body["versions"]] == [1]
    assert body["reviews"] == []
    assert body["people"] == {str(scene.annotator.user.id): scene.annotator.user.full_name or "anna"}

    assert client.post(f"{API}/tasks/{task_id}/start", headers=reviewer).status_code == 200
    pinned = {"text": "the dome", "slice_index": 4, "x": 12.5, "y": 30.0}
    commented = client.post(
        f"{API}/reviews",
        json={"task_item_id": item_id, "outcome": "comment", "comment": "look here", "comments": [pinned]},
        headers=reviewer,
    )
    assert commented.status_code == 201, commented.text
    body = client.get(url, headers=reviewer).json()
    outcomes = [(r["number"], r["outcome"], r["comment"]) for r in body["reviews"]]
    assert outcomes == [(1, "comment", "look here")]
    assert body["reviews"][0]["comments"] == [pinned]
    assert set(body["people"]) == {str(scene.annotator.user.id), str(scene.reviewer.user.id)}

    # others see nothing; a non-review task is refused; a missing item is 404
    stranger = users.reviewer("ivan")
    assert client.get(url, headers=stranger.headers).status_code == 404
    assert client.get(f"{API}/reviews/tasks/{task_id}/items/3", headers=reviewer).status_code == 404
    assert client.get(f"{API}/reviews/tasks/{scene.task.id}/items/0", headers=annotator).status_code == 422
    assert client.get(url).status_code == 401
