"""Factories for workflow tests: archive rows made directly, projects and tasks made through services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

from sqlalchemy.orm import Session

from labelstack.models import Instance, Patient, Project, Series, Study, Task, TaskKind, User
from labelstack.schemas.labels import LabelCreate
from labelstack.schemas.projects import ImagesAdd, MemberIn, ProjectCreate
from labelstack.schemas.tasks import ItemRef, TaskCreate
from labelstack.services import labels, projects, tasks
from labelstack.services.audit import Actor

SYSTEM = Actor.system("test")
UID_ROOT = "1.2.826.0.1.3680043.8.498.4"


def later(days: float = 7) -> datetime:
    return datetime.now(UTC) + timedelta(days=days)


@dataclass
class ArchiveFactory:
    """Index rows for images, as ingest would leave them (no pixels needed here)."""

    db: Session
    _seq: count[int] = field(default_factory=lambda: count(1))

    def series(self, instances: int = 2) -> Series:
        n = next(self._seq)
        patient = Patient(patient_key=f"P{n}", patient_id=f"P{n}", patient_name=f"Test^{n}")
        study = Study(study_instance_uid=f"{UID_ROOT}.1.{n}", patient=patient)
        series = Series(series_instance_uid=f"{UID_ROOT}.2.{n}", study=study, modality="MR")
        self.db.add(series)
        self.db.flush()
        for i in range(instances):
            self.db.add(
                Instance(
                    sop_instance_uid=f"{UID_ROOT}.3.{n}.{i + 1}",
                    series_fk=series.id,
                    instance_number=i + 1,
                    storage_key=f"test/{n}/{i + 1}",
                )
            )
        series.number_of_instances = instances
        self.db.commit()
        return series

    def many(self, n: int, instances: int = 1) -> list[Series]:
        return [self.series(instances) for _ in range(n)]


@dataclass
class WorkFactory:
    """Projects with members, images and labels; tasks with items."""

    db: Session
    archive: ArchiveFactory

    def project(
        self,
        name: str = "Cardiac MR",
        *,
        annotators: list[User] = (),  # type: ignore[assignment]
        reviewers: list[User] = (),  # type: ignore[assignment]
        series: list[Series] = (),  # type: ignore[assignment]
    ) -> Project:
        members = [MemberIn(user_id=u.id, can_annotate=True) for u in annotators]
        members += [MemberIn(user_id=u.id, can_annotate=False, can_review=True) for u in reviewers]
        project = projects.create(self.db, project_in=ProjectCreate(name=name, members=members), actor=SYSTEM)
        if series:
            projects.add_images(
                self.db,
                project_id=project.id,
                images=ImagesAdd(series_ids=[s.id for s in series]),
                actor=SYSTEM,
            )
        return project

    def label(self, project: Project, name: str = "LV", kind: str = "segmentation", **extra: Any) -> int:
        body = LabelCreate.model_validate({"project_id": project.id, "name": name, "kind": kind, **extra})
        return labels.create(self.db, label_in=body, actor=SYSTEM).id

    def task(
        self,
        project: Project,
        *,
        series: list[Series] = (),  # type: ignore[assignment]
        assignee: User | None = None,
        kind: TaskKind = TaskKind.annotate,
        name: str = "task",
        **extra: Any,
    ) -> Task:
        body = TaskCreate(
            project_id=project.id,
            name=name,
            kind=kind,
            assignee_id=assignee.id if assignee else None,
            items=[ItemRef(series_id=s.id) for s in series],
            **extra,
        )
        return tasks.create(self.db, task_in=body, actor=SYSTEM)
