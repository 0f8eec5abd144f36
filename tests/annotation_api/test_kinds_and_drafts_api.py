"""Classifications, boxes, contours and QC decisions; autosave drafts and their promotion."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.api.app import create_app
from labelstack.config import Settings
from labelstack.db.types import utcnow
from labelstack.models import AnnotationDraft, AnnotationVersion
from labelstack.services import annotation_drafts
from tests.annotation_api.scene import Scene

API = "/api/v1/annotations"


def _create(client: TestClient, scene: Scene, label: str, content: dict, **extra: object):  # type: ignore[no-untyped-def]
    body = {
        "project_id": scene.project_id,
        "label_id": scene.labels[label],
        "series_id": scene.series.id,
        **extra,
    }
    return client.post(API, json={**body, "content": content}, headers=scene.annotator.headers)


def test_classification_with_values_and_flags(client: TestClient, scene: Scene) -> None:
    content = {
        "kind": "classification",
        "values": [
            {"label_id": scene.labels["finding"], "value": "abnormal"},
            {"label_id": scene.labels["quality"]},
        ],
        "tentative": True,
        "bad_quality": True,
        "comment": "motion artefact",
    }
    created = _create(client, scene, "finding", content)
    assert created.status_code == 201, created.text
    version = client.get(f"{API}/{created.json()['id']}/versions/1", headers=scene.annotator.headers).json()
    assert version["content"]["tentative"] is True and version["content"]["values"][0]["value"] == "abnormal"
    bad_value = {**content, "values": [{"label_id": scene.labels["finding"], "value": "maybe"}]}
    response = _create(client, scene, "finding", bad_value)
    assert response.status_code == 422 and "not allowed for label 'Finding'" in response.json()["detail"]
    wrong_kind = {**content, "values": [{"label_id": scene.labels["liver"]}]}
    assert _create(client, scene, "finding", wrong_kind).status_code == 422


def test_box_and_contour_on_an_instance(client: TestClient, scene: Scene) -> None:
    instance = scene.instances[0]
    box = {"kind": "box", "x": 2, "y": 3, "width": 10, "height": 8}
    assert _create(client, scene, "nodule", box, instance_id=instance.id).status_code == 201
    off = _create(client, scene, "nodule", {**box, "x": 35}, instance_id=instance.id)
    assert off.status_code == 422 and "off the 40x48 image" in off.json()["detail"]
    assert _create(client, scene, "nodule", box).status_code == 422  # no instance given
    contour = {"kind": "contour", "points": [[1, 1], [20, 2], [15, 30]], "spline": "catmull-rom"}
    created = _create(client, scene, "vessel", contour, instance_id=instance.id)
    assert created.status_code == 201, created.text
    stored = client.get(f"{API}/{created.json()['id']}/versions/1", headers=scene.annotator.headers).json()[
        "content"
    ]
    ds = next(d for d in scene.datasets if str(d.SOPInstanceUID) == instance.sop_instance_uid)
    ipp = [float(v) for v in ds.ImagePositionPatient]
    # point (1, 1) is the centre of pixel (0.5, 0.5): half a pixel from the first pixel's centre
    assert stored["patient_points"][0] == [
        round(ipp[0] + 0.5 * 0.8, 4),
        round(ipp[1] + 0.5 * 0.7, 4),
        round(ipp[2], 4),
    ]
    off = _create(
        client, scene, "vessel", {**contour, "points": [[1, 1], [20, 2], [15, 60]]}, instance_id=instance.id
    )
    assert off.status_code == 422 and "contour point 2" in off.json()["detail"]
    other_series_instance = _create(client, scene, "vessel", contour, instance_id=999999)
    assert other_series_instance.status_code == 422


def test_qc_decisions(client: TestClient, scene: Scene) -> None:
    created = _create(
        client, scene, "liver", {"kind": "qc", "decision": "fine-tune", "comment": "apex"}, phase=""
    )
    assert created.status_code == 201, created.text
    invalid = _create(client, scene, "liver", {"kind": "qc", "decision": "maybe"})
    assert invalid.status_code == 422


def test_drafts_overwrite_in_place_and_promote_with_summed_time(
    client: TestClient, scene: Scene, db: Session, settings: Settings
) -> None:
    created = _create(
        client,
        scene,
        "finding",
        {"kind": "classification", "values": [{"label_id": scene.labels["finding"], "value": "normal"}]},
    )
    annotation_id = created.json()["id"]
    for seconds, value in ((5, "normal"), (4, "abnormal"), (6, "abnormal")):
        draft = {
            "base_version": 1,
            "active_seconds": seconds,
            "content": {
                "kind": "classification",
                "values": [{"label_id": scene.labels["finding"], "value": value}],
            },
        }
        response = client.put(f"{API}/{annotation_id}/draft", json=draft, headers=scene.annotator.headers)
        assert response.status_code == 200, response.text
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(AnnotationDraft)) == 1
    assert db.scalar(select(func.count()).select_from(AnnotationVersion)) == 1
    db.commit()

    # the draft survives a restart: a new application on the same database and data directory
    restarted = create_app(settings, migrate=False)
    with TestClient(restarted) as again:
        kept = again.get(f"{API}/{annotation_id}/draft", headers=scene.annotator.headers).json()
    restarted.state.engine.dispose()
    assert kept["saves"] == 3 and kept["active_seconds"] == 15
    assert kept["content"]["values"][0]["value"] == "abnormal"
    # another author has no draft here
    assert client.get(f"{API}/{annotation_id}/draft", headers=scene.admin.headers).status_code == 404

    promoted = client.post(f"{API}/{annotation_id}/draft/promote", headers=scene.annotator.headers)
    assert promoted.status_code == 201, promoted.text
    assert (promoted.json()["number"], promoted.json()["active_seconds"], promoted.json()["source"]) == (
        2,
        15,
        "draft",
    )
    assert client.get(f"{API}/{annotation_id}/draft", headers=scene.annotator.headers).status_code == 404


def test_quiet_drafts_become_versions_and_stale_ones_wait(
    client: TestClient, scene: Scene, db: Session
) -> None:
    created = _create(
        client,
        scene,
        "finding",
        {"kind": "classification", "values": [{"label_id": scene.labels["finding"], "value": "normal"}]},
    )
    annotation_id = created.json()["id"]
    draft = {
        "base_version": 1,
        "active_seconds": 7,
        "content": {
            "kind": "classification",
            "values": [{"label_id": scene.labels["finding"], "value": "abnormal"}],
        },
    }
    assert (
        client.put(f"{API}/{annotation_id}/draft", json=draft, headers=scene.annotator.headers).status_code
        == 200
    )
    assert (
        client.put(f"{API}/{annotation_id}/draft", json=draft, headers=scene.admin.headers).status_code == 200
    )
    # the admin saves explicitly first: the annotator's draft is now on a stale base
    assert client.post(f"{API}/{annotation_id}/draft/promote", headers=scene.admin.headers).status_code == 201
    db.expire_all()
    assert annotation_drafts.promote_quiet(db, quiet_seconds=60) == []  # nothing quiet yet
    made = annotation_drafts.promote_quiet(db, quiet_seconds=60, now=utcnow() + timedelta(seconds=61))
    assert made == []  # the only draft left is on a stale base
    stale = client.post(f"{API}/{annotation_id}/draft/promote", headers=scene.annotator.headers)
    assert stale.status_code == 409 and stale.json()["detail"]["head"]["number"] == 2
    # the annotator starts again from the head; after a quiet minute the draft becomes version 3
    draft["base_version"] = 2
    assert (
        client.put(f"{API}/{annotation_id}/draft", json=draft, headers=scene.annotator.headers).status_code
        == 200
    )
    db.expire_all()
    made = annotation_drafts.promote_quiet(db, quiet_seconds=60, now=utcnow() + timedelta(seconds=61))
    assert [(v.number, v.source, v.author_id, v.active_seconds) for v in made] == [
        (3, "quiet", scene.annotator.user.id, 7)
    ]


def test_the_server_job_promotes_drafts_left_quiet(client: TestClient, scene: Scene, db: Session) -> None:
    from labelstack.services import draft_promotion

    created = _create(
        client,
        scene,
        "finding",
        {"kind": "classification", "values": [{"label_id": scene.labels["finding"], "value": "normal"}]},
    )
    annotation_id = created.json()["id"]
    draft = {
        "base_version": 1,
        "active_seconds": 3,
        "content": {
            "kind": "classification",
            "values": [{"label_id": scene.labels["finding"], "value": "abnormal"}],
        },
    }
    assert (
        client.put(f"{API}/{annotation_id}/draft", json=draft, headers=scene.annotator.headers).status_code
        == 200
    )
    reads = client.app.state.sessionmaker  # type: ignore[attr-defined]
    sessions = client.app.state.write_sessionmaker  # type: ignore[attr-defined]
    assert draft_promotion.promote_once(reads, sessions, 3600) == 0
    with sessions() as write:
        row = write.scalar(select(AnnotationDraft))
        assert row is not None
        row.updated_at = utcnow() - timedelta(hours=2)
        write.commit()
    assert draft_promotion.promote_once(reads, sessions, 3600) == 1
    head = client.get(f"{API}/{annotation_id}", headers=scene.annotator.headers).json()
    assert head["version_count"] == 2
