"""QC of segmentations: a cardiac 4D series with a labelmap per phase, decisions per time point."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.annotations.patch import LabelmapPatch
from labelstack.archive.demo_data import PHASES, write_cardiac_files
from labelstack.archive.nifti import NiftiGrouping, ingest_nifti
from labelstack.archive.store import make_store
from labelstack.config import Settings
from labelstack.models import Annotation, AnnotationVersion, Series, TaskKind
from labelstack.services.audit import Actor
from tests.factories import LoggedIn, UserFactory
from tests.workflow.factories import WorkFactory

API = "/api/v1"


@dataclass
class QcScene:
    admin: LoggedIn
    qc_user: LoggedIn
    series_id: int
    label_id: int
    task_id: int
    annotate_task_id: int
    labelmaps: dict[str, int]


def _cardiac_series(db: Session, settings: Settings, folder: Path) -> Series:
    path = write_cardiac_files(folder)
    outcome = ingest_nifti(
        db,
        store=make_store(settings),
        originals_dir=settings.data_dir / "originals",
        data=path.read_bytes(),
        name=path.name,
        source="test",
        actor=Actor.system("test"),
        grouping=NiftiGrouping(modality="MR", phases=list(PHASES)),
        max_bytes=settings.max_file_bytes,
    )
    assert outcome.status == "stored", outcome.reason
    return db.scalars(select(Series).where(Series.series_instance_uid == outcome.series_instance_uid)).one()


def _scene(client: TestClient, users: UserFactory, settings: Settings, tmp_path: Path) -> QcScene:
    admin, qc_user, annotator = users.admin(), users.reviewer("rita"), users.annotator("anna")
    write = client.app.state.write_sessionmaker()  # type: ignore[attr-defined]
    try:
        series = _cardiac_series(write, settings, tmp_path / "cardiac")
        work = WorkFactory(write, None)  # type: ignore[arg-type]
        project = work.project(annotators=[annotator.user], reviewers=[qc_user.user], series=[series])
        label_id = work.label(project, "LV myocardium", "segmentation")
        work.label(project, "Quality", "classification")
        qc_task = work.task(project, series=[series], assignee=qc_user.user, kind=TaskKind.qc, name="QC")
        other = work.task(project, series=[series], assignee=annotator.user, kind=TaskKind.annotate)
        ids = (series.id, project.id, qc_task.id, other.id)
        write.commit()
    finally:
        write.close()
    series_id, project_id, task_id, other_id = ids
    labelmaps = {}
    for phase, radius in (("1", 10), ("2", 6)):
        volume = np.zeros((12, 96, 96), np.uint8)
        volume[4:8, 48 - radius : 48 + radius, 48 - radius : 48 + radius] = 1
        created = client.post(
            f"{API}/annotations",
            json={
                "project_id": project_id,
                "label_id": label_id,
                "series_id": series_id,
                "phase": phase,
                "content": {
                    "kind": "labelmap",
                    "segments": [{"number": 1, "label_id": label_id}],
                    "patch": LabelmapPatch.from_volume(volume).to_json(),
                },
            },
            headers=admin.headers,
        )
        assert created.status_code == 201, created.text
        labelmaps[phase] = created.json()["id"]
    return QcScene(admin, qc_user, series_id, label_id, task_id, other_id, labelmaps)


def test_qc_screen_names_the_phases_and_shows_each_phase_labelmap(
    client: TestClient, users: UserFactory, settings: Settings, tmp_path: Path
) -> None:
    scene = _scene(client, users, settings, tmp_path)
    got = client.get(f"{API}/tasks/{scene.task_id}/items/0/qc", headers=scene.qc_user.headers)
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["item"]["series_id"] == scene.series_id
    assert body["time_points"] == [{"phase": "1", "name": "ED"}, {"phase": "2", "name": "ES"}]
    assert sorted((s["phase"], s["annotation_id"], s["version"]) for s in body["segmentations"]) == [
        ("1", scene.labelmaps["1"], 1),
        ("2", scene.labelmaps["2"], 1),
    ]
    assert body["decisions"] == []


def test_decisions_per_time_point_change_and_tally(
    client: TestClient, users: UserFactory, settings: Settings, tmp_path: Path, db: Session
) -> None:
    scene = _scene(client, users, settings, tmp_path)
    headers = scene.qc_user.headers
    url = f"{API}/tasks/{scene.task_id}/items/0/qc"
    accept_ed = {"phase": "1", "decision": "accept", "comment": "clean", "active_seconds": 12}
    assert client.put(url, json=accept_ed, headers=headers).status_code == 409  # task not started
    assert client.post(f"{API}/tasks/{scene.task_id}/start", headers=headers).status_code == 200

    first = client.put(url, json=accept_ed, headers=headers)
    assert first.status_code == 200, first.text
    assert first.json() | {"decided_at": None} == {
        "item_id": first.json()["item_id"],
        "index": 0,
        "series_id": scene.series_id,
        "phase": "1",
        "annotation_id": first.json()["annotation_id"],
        "version": 1,
        "decision": "accept",
        "comment": "clean",
        "decided_at": None,
    }
    es = client.put(url, json={"phase": "2", "decision": "reject", "comment": "RV leaks"}, headers=headers)
    assert es.status_code == 200 and es.json()["annotation_id"] != first.json()["annotation_id"]
    # changing one's mind: a new version of the same annotation, the old one stays in the history
    again = client.put(url, json={"phase": "1", "decision": "fine-tune"}, headers=headers)
    assert again.status_code == 200
    assert (again.json()["annotation_id"], again.json()["version"]) == (first.json()["annotation_id"], 2)

    tally = client.get(f"{API}/tasks/{scene.task_id}/qc", headers=headers).json()
    assert tally["counts"] == {"accept": 0, "reject": 1, "fine-tune": 1, "unclassified": 0}
    assert [(d["phase"], d["decision"]) for d in tally["decisions"]] == [("1", "fine-tune"), ("2", "reject")]
    screen = client.get(url, headers=headers).json()
    assert [(d["phase"], d["decision"], d["comment"]) for d in screen["decisions"]] == [
        ("1", "fine-tune", ""),
        ("2", "reject", "RV leaks"),
    ]
    # stored as QC annotations on the series, per time point, tied to the QC item and its label
    annotation = db.get(Annotation, first.json()["annotation_id"])
    assert annotation is not None
    assert (annotation.kind.value, annotation.phase, annotation.series_id, annotation.label_id) == (
        "qc",
        "1",
        scene.series_id,
        scene.label_id,
    )
    history = db.scalars(
        select(AnnotationVersion.active_seconds).where(AnnotationVersion.annotation_id == annotation.id)
    ).all()
    assert sorted(history) == [0, 12]
    # the dashboard's QC statistics count the current decisions
    qc_stats = client.get(f"{API}/stats/qc", headers=scene.admin.headers).json()
    assert {d["decision"]: d["count"] for d in qc_stats["decisions"]} == {
        "accept": 0,
        "reject": 1,
        "fine_tune": 1,
        "unclassified": 0,
    }


def test_bad_qc_requests_change_nothing(
    client: TestClient, users: UserFactory, settings: Settings, tmp_path: Path, db: Session
) -> None:
    scene = _scene(client, users, settings, tmp_path)
    headers = scene.qc_user.headers
    assert client.post(f"{API}/tasks/{scene.task_id}/start", headers=headers).status_code == 200
    url = f"{API}/tasks/{scene.task_id}/items/0/qc"
    other = f"{API}/tasks/{scene.annotate_task_id}/items/0/qc"
    stranger, admin = users.reviewer("ivan"), scene.admin.headers
    refused = [
        (url, {"phase": "7", "decision": "accept"}, headers, 422),  # not a time point of the series
        (url, {"phase": "1", "decision": "maybe"}, headers, 422),
        (url, {"phase": "1", "decision": "accept", "comment": "x" * 10_001}, headers, 422),
        (f"{API}/tasks/{scene.task_id}/items/5/qc", {"phase": "1", "decision": "accept"}, headers, 404),
        (other, {"phase": "1", "decision": "accept"}, admin, 422),  # not a QC task
        (url, {"phase": "1", "decision": "accept"}, stranger.headers, 404),
        (url, {"phase": "1", "decision": "accept"}, admin, 403),
        (url, {"phase": "1", "decision": "accept"}, {}, 401),
    ]
    for target, body, who, expected in refused:
        reply = client.put(target, json=body, headers=who)
        assert reply.status_code == expected, (body, reply.text)
    assert client.get(url, headers=stranger.headers).status_code == 404
    db.expire_all()
    qc_rows = db.scalar(select(func.count()).select_from(Annotation).where(Annotation.kind == "qc"))
    assert qc_rows == 0


def test_a_qc_item_on_one_labelmap_version_judges_that_version_alone(
    client: TestClient, users: UserFactory, settings: Settings, tmp_path: Path, db: Session
) -> None:
    scene = _scene(client, users, settings, tmp_path)
    es = client.get(f"{API}/annotations/{scene.labelmaps['2']}", headers=scene.admin.headers).json()
    project_id = es["project_id"]
    created = client.post(
        f"{API}/tasks",
        json={
            "project_id": project_id,
            "name": "QC of the ES labelmap",
            "kind": "qc",
            "assignee_id": scene.qc_user.user.id,
            "items": [{"annotation_version_id": es["head_version_id"], "series_id": scene.series_id}],
        },
        headers=scene.admin.headers,
    )
    assert created.status_code == 201, created.text
    task_id = created.json()["id"]
    screen = client.get(f"{API}/tasks/{task_id}/items/0/qc", headers=scene.qc_user.headers).json()
    assert [(s["annotation_id"], s["phase"], s["version"]) for s in screen["segmentations"]] == [
        (scene.labelmaps["2"], "2", 1)
    ]
    assert client.post(f"{API}/tasks/{task_id}/start", headers=scene.qc_user.headers).status_code == 200
    decided = client.put(
        f"{API}/tasks/{task_id}/items/0/qc",
        json={"phase": "2", "decision": "unclassified", "comment": "blurred"},
        headers=scene.qc_user.headers,
    )
    assert decided.status_code == 200, decided.text
    annotation = db.get(Annotation, decided.json()["annotation_id"])
    assert annotation is not None and annotation.label_id == scene.label_id
