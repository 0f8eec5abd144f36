"""A realistic place to annotate: a real CT series ingested into the archive, a project with an
annotator and a reviewer, labels of every kind, and the annotator's started task."""

from __future__ import annotations

import io
from dataclasses import dataclass

from fastapi.testclient import TestClient
from pydicom.dataset import Dataset
from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.archive.ingest import ingest_many
from labelstack.archive.store import make_store
from labelstack.config import Settings
from labelstack.models import Instance, Series, Task, TaskItem, TaskKind
from labelstack.services.audit import Actor
from tests.annotations.series_factory import ct_series
from tests.factories import LoggedIn, UserFactory
from tests.workflow.factories import WorkFactory


@dataclass
class Scene:
    admin: LoggedIn
    annotator: LoggedIn
    reviewer: LoggedIn
    project_id: int
    series: Series
    datasets: list[Dataset]
    instances: list[Instance]
    labels: dict[str, int]
    task: Task
    item: TaskItem


def ingest_series(db: Session, settings: Settings, datasets: list[Dataset]) -> Series:
    items = []
    for ds in datasets:
        buffer = io.BytesIO()
        ds.save_as(buffer, enforce_file_format=True)
        items.append((str(ds.SOPInstanceUID), buffer.getvalue()))
    outcomes = ingest_many(
        db, store=make_store(settings), items=items, source="test", actor=Actor.system("test")
    )
    assert {o.status for o in outcomes} == {"stored"}, [o.reason for o in outcomes]
    series = db.scalar(select(Series).where(Series.series_instance_uid == str(datasets[0].SeriesInstanceUID)))
    assert series is not None
    return series


def build(
    client: TestClient,
    users: UserFactory,
    db: Session,
    settings: Settings,
    slices: int = 12,
    rows: int = 48,
    columns: int = 40,
) -> Scene:
    admin = users.admin()
    annotator = users.annotator("anna")
    reviewer = users.reviewer("rita")
    datasets = ct_series(slices, rows, columns)
    write = client.app.state.write_sessionmaker()  # type: ignore[attr-defined]
    try:
        series = ingest_series(write, settings, datasets)
        work = WorkFactory(write, None)  # type: ignore[arg-type]
        project = work.project(annotators=[annotator.user], reviewers=[reviewer.user], series=[series])
        labels = {
            "liver": work.label(project, "Liver", "segmentation", color="#dd8844"),
            "tumour": work.label(project, "Tumour", "segmentation", color="#ff0000"),
            "finding": work.label(
                project, "Finding", "classification", allowed_values=["normal", "abnormal"]
            ),
            "quality": work.label(project, "Quality", "classification"),
            "nodule": work.label(project, "Nodule", "box"),
            "vessel": work.label(project, "Vessel", "contour"),
        }
        task = work.task(project, series=[series], assignee=annotator.user, kind=TaskKind.annotate)
        project_id = project.id
        write.commit()
    finally:
        write.close()
    started = client.post(f"/api/v1/tasks/{task.id}/start", headers=annotator.headers)
    assert started.status_code == 200, started.text
    item = db.scalar(select(TaskItem).where(TaskItem.task_id == task.id))
    instances = list(db.scalars(select(Instance).where(Instance.series_fk == series.id)).all())
    db.commit()
    assert item is not None
    return Scene(admin, annotator, reviewer, project_id, series, datasets, instances, labels, task, item)
