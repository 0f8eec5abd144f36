"""A create sent twice under one client key makes one annotation, holding the newest body.

The viewer names each annotation it creates with a key of its own and numbers
the bodies it sends for it: a retried create, or a closing tab's keepalive
create while the first is still on its way, must find the first's annotation.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import numpy as np
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.annotations.patch import LabelmapPatch
from labelstack.models import Annotation, AnnotationVersion
from tests.annotation_api.scene import Scene
from tests.annotation_api.test_labelmaps_api import SHAPE, _volume, load
from tests.live import serving

API = "/api/v1/annotations"
KEY = "c0ffee00c0ffee00c0ffee00c0ffee00"


def _body(scene: Scene, volume: np.ndarray, *, sequence: int, key: str = KEY, label: str = "liver") -> dict:
    return {
        "project_id": scene.project_id,
        "label_id": scene.labels[label],
        "series_id": scene.series.id,
        "task_item_id": scene.item.id,
        "active_seconds": 4,
        "tool": "brush",
        "client_key": key,
        "client_sequence": sequence,
        "content": {
            "kind": "labelmap",
            "segments": [{"number": 1, "label_id": scene.labels["liver"]}],
            "patch": LabelmapPatch.from_volume(volume).to_json(),
        },
    }


def _strokes() -> tuple[np.ndarray, np.ndarray]:
    """The first autosave's volume, and the closing tab's: the same and one more stroke."""
    first = np.zeros(SHAPE, np.uint8)
    first[3, 10:20, 5:15] = 1
    last = first.copy()
    last[4, 20:30, 10:30] = 1
    return first, last


def _annotation_count(db: Session) -> int:
    db.rollback()  # (a fresh read: the server committed in its own sessions)
    return int(db.scalar(select(func.count()).select_from(Annotation)) or 0)


def test_the_same_create_again_finds_the_annotation_and_takes_a_newer_body_as_its_version(
    client: TestClient, scene: Scene, db: Session
) -> None:
    first, last = _strokes()
    created = client.post(API, json=_body(scene, first, sequence=1), headers=scene.annotator.headers)
    assert created.status_code == 201, created.text
    assert created.json()["version_count"] == 1

    again = client.post(API, json=_body(scene, last, sequence=2), headers=scene.annotator.headers)
    assert again.status_code == 200, again.text
    assert again.json()["id"] == created.json()["id"]
    assert again.json()["version_count"] == 2
    assert np.array_equal(load(client, scene, created.json()["id"], 2), last)

    # the first body once more (a retry overtaken on the way): nothing changes
    late = client.post(API, json=_body(scene, first, sequence=1), headers=scene.annotator.headers)
    assert late.status_code == 200, late.text
    assert late.json()["version_count"] == 2
    assert _annotation_count(db) == 1
    history = client.get(f"{API}/{created.json()['id']}/versions", headers=scene.annotator.headers).json()
    assert [(v["number"], v["author_id"], v["source"]) for v in history] == [
        (1, scene.annotator.user.id, "save"),
        (2, scene.annotator.user.id, "save"),
    ]


def test_the_newer_body_arriving_first_is_kept_when_the_older_one_comes_in_after_it(
    client: TestClient, scene: Scene, db: Session
) -> None:
    first, last = _strokes()
    created = client.post(API, json=_body(scene, last, sequence=2), headers=scene.annotator.headers)
    assert created.status_code == 201, created.text
    late = client.post(API, json=_body(scene, first, sequence=1), headers=scene.annotator.headers)
    assert late.status_code == 200, late.text
    assert late.json()["version_count"] == 1
    assert np.array_equal(load(client, scene, created.json()["id"], 1), last)
    assert _annotation_count(db) == 1


def test_a_key_names_one_annotation_of_its_creator(client: TestClient, scene: Scene, db: Session) -> None:
    volume = _volume()
    volume[volume > 1] = 1
    created = client.post(API, json=_body(scene, volume, sequence=1), headers=scene.annotator.headers)
    assert created.status_code == 201, created.text

    # the same key for another label: refused, nothing made or changed
    other = client.post(
        API, json=_body(scene, volume, sequence=2, label="tumour"), headers=scene.annotator.headers
    )
    assert other.status_code == 409, other.text
    assert "client_key" in other.json()["detail"]
    assert _annotation_count(db) == 1
    assert (
        client.get(f"{API}/{created.json()['id']}", headers=scene.annotator.headers).json()["version_count"]
        == 1
    )

    # another creator's key is their own, even when it is the same string
    admins = client.post(API, json=_body(scene, volume, sequence=1), headers=scene.admin.headers)
    assert admins.status_code == 201, admins.text
    assert admins.json()["id"] != created.json()["id"]


@pytest.mark.parametrize("key", ["short", "../../etc/passwd-000000", "x" * 65, "spaces are not keys 0123"])
def test_a_malformed_key_is_refused(client: TestClient, scene: Scene, db: Session, key: str) -> None:
    response = client.post(
        API, json=_body(scene, _volume(), sequence=1, key=key), headers=scene.annotator.headers
    )
    assert response.status_code == 422, response.text
    assert _annotation_count(db) == 0


@pytest.fixture
def live(app: FastAPI) -> Iterator[str]:
    with serving(app) as base_url:
        yield base_url


def test_creates_with_one_key_at_the_same_moment_make_one_annotation(
    client: TestClient, scene: Scene, db: Session, live: str
) -> None:
    first, last = _strokes()
    bodies = [
        _body(scene, first, sequence=1),
        _body(scene, last, sequence=2),
        _body(scene, first, sequence=1),
    ]
    barrier = threading.Barrier(len(bodies), timeout=60)
    answers: list[dict[str, Any]] = []
    lock = threading.Lock()

    def send(body: dict) -> None:
        with httpx.Client(base_url=live, headers=scene.annotator.headers, timeout=60) as http:
            barrier.wait()
            response = http.post(API, json=body)
            with lock:
                answers.append({**response.json(), "http_status": response.status_code})

    threads = [threading.Thread(target=send, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(a["http_status"] for a in answers) == [200, 200, 201], answers
    assert len({a["id"] for a in answers}) == 1
    assert _annotation_count(db) == 1
    # the newest body is the head, whichever order the three were taken in
    annotation_id = answers[0]["id"]
    head = client.get(f"{API}/{annotation_id}", headers=scene.annotator.headers).json()["version_count"]
    assert np.array_equal(load(client, scene, annotation_id, head), last)
    db.rollback()
    versions = db.scalar(select(func.count()).select_from(AnnotationVersion)) or 0
    assert head == versions and head in (1, 2)
