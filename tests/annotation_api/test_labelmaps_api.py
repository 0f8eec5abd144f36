"""Labelmap annotations through the API: versions, patches, history, restore, concurrency."""

from __future__ import annotations

import threading

import numpy as np
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.annotations.patch import LabelmapPatch
from labelstack.models import AnnotationVersion, AuditEvent
from tests.annotation_api.scene import Scene

API = "/api/v1/annotations"
SHAPE = (12, 48, 40)


def _volume() -> np.ndarray:
    volume = np.zeros(SHAPE, np.uint8)
    volume[2:7, 10:30, 5:25] = 1
    volume[5:9, 30:40, 20:35] = 2
    return volume


def create_labelmap(client: TestClient, scene: Scene, volume: np.ndarray | None = None) -> dict:
    volume = _volume() if volume is None else volume
    body = {
        "project_id": scene.project_id,
        "label_id": scene.labels["liver"],
        "series_id": scene.series.id,
        "task_item_id": scene.item.id,
        "active_seconds": 30,
        "tool": "brush",
        "client": {"app": "test", "version": "1"},
        "content": {
            "kind": "labelmap",
            "segments": [
                {"number": 1, "label_id": scene.labels["liver"]},
                {"number": 2, "label_id": scene.labels["tumour"]},
            ],
            "patch": LabelmapPatch.from_volume(volume).to_json(),
        },
    }
    created = client.post(API, json=body, headers=scene.annotator.headers)
    assert created.status_code == 201, created.text
    return created.json()


def load(client: TestClient, scene: Scene, annotation_id: int, number: int) -> np.ndarray:
    got = client.get(f"{API}/{annotation_id}/versions/{number}/labelmap", headers=scene.annotator.headers)
    assert got.status_code == 200, got.text
    patch = LabelmapPatch.from_bytes(got.content)
    volume = np.zeros(patch.shape, np.uint8)
    from labelstack.annotations.slicecodec import decode

    for k, encoded in patch.slices.items():
        volume[k] = decode(
            encoded.data, codec=encoded.codec, rows=SHAPE[1], columns=SHAPE[2], dtype=patch.dtype
        )
    return volume


def test_labelmap_versions_patches_history_and_restore(client: TestClient, scene: Scene) -> None:
    volume = _volume()
    annotation = create_labelmap(client, scene, volume)
    assert annotation["shape"] == list(SHAPE) and annotation["version_count"] == 1
    assert np.array_equal(load(client, scene, annotation["id"], 1), volume)

    # a brush stroke on two slices, sent in the binary form
    edited = volume.copy()
    edited[3, 0:4, 0:4] = 2
    edited[10, 40:48, 30:40] = 1
    body = LabelmapPatch.from_slices(SHAPE, {3: edited[3], 10: edited[10]}).to_bytes()
    saved = client.post(
        f"{API}/{annotation['id']}/labelmap?base_version=1&active_seconds=12&tool=brush",
        content=body,
        headers={**scene.annotator.headers, "Content-Type": "application/vnd.labelstack.labelmap-patch"},
    )
    assert saved.status_code == 201, saved.text
    assert saved.json()["number"] == 2 and saved.json()["active_seconds"] == 12
    assert np.array_equal(load(client, scene, annotation["id"], 2), edited)
    assert np.array_equal(load(client, scene, annotation["id"], 1), volume)

    history = client.get(f"{API}/{annotation['id']}/versions", headers=scene.annotator.headers).json()
    assert [(v["number"], v["source"], v["author_id"]) for v in history] == [
        (1, "save", scene.annotator.user.id),
        (2, "save", scene.annotator.user.id),
    ]
    assert history[1]["parent_id"] == history[0]["id"]
    assert history[0]["client"] == {"app": "test", "version": "1"} and history[0]["active_seconds"] == 30

    restored = client.post(
        f"{API}/{annotation['id']}/versions/1/restore",
        json={"base_version": 2},
        headers=scene.annotator.headers,
    )
    assert restored.status_code == 201, restored.text
    assert restored.json()["number"] == 3 and restored.json()["restored_from"] == 1
    assert restored.json()["content_hash"] == history[0]["content_hash"]
    assert np.array_equal(load(client, scene, annotation["id"], 3), volume)
    head = client.get(f"{API}/{annotation['id']}", headers=scene.annotator.headers).json()
    assert head["version_count"] == 3 and head["head_version_id"] == restored.json()["id"]


def test_a_stale_base_answers_409_with_the_head(client: TestClient, scene: Scene, db: Session) -> None:
    annotation = create_labelmap(client, scene)
    plane = np.zeros(SHAPE[1:], np.uint8)
    plane[1, 1] = 1
    body = {
        "base_version": 1,
        "content": {
            "kind": "labelmap",
            "segments": [
                {"number": 1, "label_id": scene.labels["liver"]},
                {"number": 2, "label_id": scene.labels["tumour"]},
            ],
            "patch": LabelmapPatch.from_slices(SHAPE, {0: plane}).to_json(),
        },
    }
    assert (
        client.post(
            f"{API}/{annotation['id']}/versions", json=body, headers=scene.annotator.headers
        ).status_code
        == 201
    )
    stale = client.post(f"{API}/{annotation['id']}/versions", json=body, headers=scene.annotator.headers)
    assert stale.status_code == 409
    detail = stale.json()["detail"]
    assert detail["base_version"] == 1 and detail["head"]["number"] == 2
    assert db.scalar(select(func.count()).select_from(AnnotationVersion)) == 2


def test_two_parallel_saves_on_one_base_give_exactly_one_409(
    client: TestClient, scene: Scene, db: Session
) -> None:
    annotation = create_labelmap(client, scene)
    barrier = threading.Barrier(2)
    results: list[int] = []

    def save(value: int) -> None:
        plane = np.full(SHAPE[1:], value, np.uint8)
        body = LabelmapPatch.from_slices(SHAPE, {4: plane}).to_bytes()
        barrier.wait()
        response = client.post(
            f"{API}/{annotation['id']}/labelmap?base_version=1",
            content=body,
            headers=scene.annotator.headers,
        )
        results.append(response.status_code)

    threads = [threading.Thread(target=save, args=(v,)) for v in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [201, 409]
    db.expire_all()
    numbers = db.scalars(
        select(AnnotationVersion.number).where(AnnotationVersion.annotation_id == annotation["id"])
    ).all()
    assert sorted(numbers) == [1, 2]


def test_bad_labelmaps_are_refused_and_change_nothing(client: TestClient, scene: Scene, db: Session) -> None:
    annotation = create_labelmap(client, scene)
    segments = [{"number": 1, "label_id": scene.labels["liver"]}]
    wrong_shape = np.zeros((12, 48, 41), np.uint8)
    wrong_shape[0, 0, 0] = 1
    unknown = np.zeros(SHAPE[1:], np.uint8)
    unknown[0, 0] = 7
    cases = [
        (LabelmapPatch.from_volume(wrong_shape).to_json(), segments, "does not match the series"),
        (LabelmapPatch.from_slices(SHAPE, {0: unknown}).to_json(), segments, "segment numbers [7]"),
        (None, [{"number": 1, "label_id": scene.labels["finding"]}], "classification label"),
        (None, [{"number": 1, "label_id": 99999}], "not a label of project"),
        # dropping segment 2 while untouched slices still use it
        (
            LabelmapPatch.from_slices(SHAPE, {0: np.zeros(SHAPE[1:], np.uint8)}).to_json(),
            segments,
            "segment numbers [2]",
        ),
    ]
    before = db.scalar(select(func.count()).select_from(AuditEvent))
    for patch, segs, message in cases:
        body = {"base_version": 1, "content": {"kind": "labelmap", "segments": segs, "patch": patch}}
        response = client.post(
            f"{API}/{annotation['id']}/versions", json=body, headers=scene.annotator.headers
        )
        assert response.status_code == 422, response.text
        assert message in str(response.json()["detail"])
    garbage = client.post(
        f"{API}/{annotation['id']}/labelmap?base_version=1",
        content=b"nonsense",
        headers=scene.annotator.headers,
    )
    assert garbage.status_code == 422
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(AnnotationVersion)) == 1
    assert db.scalar(select(func.count()).select_from(AuditEvent)) == before


def test_labelmap_on_a_series_outside_the_project_or_of_wrong_shape(client: TestClient, scene: Scene) -> None:
    body = {
        "project_id": scene.project_id,
        "label_id": scene.labels["liver"],
        "series_id": scene.series.id,
        "content": {
            "kind": "labelmap",
            "segments": [{"number": 1, "label_id": scene.labels["liver"]}],
            "patch": LabelmapPatch.from_volume(np.ones((11, 48, 40), np.uint8)).to_json(),
        },
    }
    response = client.post(API, json=body, headers=scene.annotator.headers)
    assert response.status_code == 422 and "[11, 48, 40]" in response.json()["detail"]
    assert (
        client.post(API, json={**body, "series_id": 424242}, headers=scene.annotator.headers).status_code
        == 404
    )


def test_other_users_cannot_see_or_change_it(client: TestClient, scene: Scene, users) -> None:  # type: ignore[no-untyped-def]
    annotation = create_labelmap(client, scene)
    stranger = users.annotator("stan")
    assert client.get(f"{API}/{annotation['id']}", headers=stranger.headers).status_code == 404
    assert (
        client.get(f"{API}/{annotation['id']}/versions/1/labelmap", headers=stranger.headers).status_code
        == 404
    )
    listed = client.get(API, headers=stranger.headers).json()
    assert listed["total"] == 0
    assert client.get(API, headers=scene.admin.headers).json()["total"] == 1


def test_labelmap_autosave_drafts_accumulate_patches(client: TestClient, scene: Scene) -> None:
    volume = _volume()
    annotation = create_labelmap(client, scene, volume)
    url = f"{API}/{annotation['id']}/draft/labelmap"
    edited = volume.copy()
    for k, value in ((0, 1), (11, 2)):
        edited[k, 5:9, 5:9] = value
        body = LabelmapPatch.from_slices(SHAPE, {k: edited[k]}).to_bytes()
        saved = client.put(
            url,
            params={"base_version": 1, "active_seconds": 5},
            content=body,
            headers=scene.annotator.headers,
        )
        assert saved.status_code == 200, saved.text
    assert saved.json()["saves"] == 2 and saved.json()["active_seconds"] == 10
    promoted = client.post(f"{API}/{annotation['id']}/draft/promote", headers=scene.annotator.headers)
    assert promoted.status_code == 201 and promoted.json()["active_seconds"] == 10
    assert np.array_equal(load(client, scene, annotation["id"], 2), edited)
