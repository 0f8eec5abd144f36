"""What the annotation benchmark puts into a LabelStack database: users, a project, series, tasks.

The 512x512x300 series used for saves are index rows only (saves never read
pixels); the series exported to DICOM SEG are real files ingested through the
archive, because a Segmentation copies its sources' attributes.
"""

from __future__ import annotations

import httpx
from sqlalchemy.orm import Session
from tests.generated import ct_series

from labelstack.archive.ingest import ingest_many
from labelstack.archive.store import make_store
from labelstack.config import Settings
from labelstack.models import Instance, Patient, Role, Series, Study, TaskKind, User
from labelstack.schemas.labels import LabelCreate
from labelstack.schemas.projects import ImagesAdd, MemberIn, ProjectCreate
from labelstack.schemas.tasks import ItemRef, TaskCreate
from labelstack.schemas.users import UserCreate
from labelstack.services import labels, projects, tasks, users
from labelstack.services.audit import Actor

PASSWORD = "bench-password-1234"
ACTOR = Actor.system("bench")


def make_user(db: Session, name: str, role: Role) -> User:
    return users.create(
        db,
        user_in=UserCreate(username=name, password=PASSWORD, roles=[role]),
        actor=ACTOR,
        password_min_length=10,
    )


def login(base_url: str, name: str) -> dict[str, str]:
    response = httpx.post(f"{base_url}/api/v1/auth/login", json={"username": name, "password": PASSWORD})
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def index_only_series(db: Session, n: int, slices: int = 300, size: int = 512) -> Series:
    """Index rows for a series whose pixels are never read (labelmap saves only need its size)."""
    patient = Patient(patient_key=f"BENCH{n}", patient_id=f"BENCH{n}", patient_name=f"Bench^{n}")
    study = Study(study_instance_uid=f"1.2.826.0.1.3680043.8.498.77.1.{n}", patient=patient)
    series = Series(series_instance_uid=f"1.2.826.0.1.3680043.8.498.77.2.{n}", study=study, modality="CT")
    db.add(series)
    db.flush()
    db.add_all(
        Instance(
            sop_instance_uid=f"1.2.826.0.1.3680043.8.498.77.3.{n}.{k + 1}",
            series_fk=series.id,
            instance_number=k + 1,
            image_position=[0.0, 0.0, float(k)],
            image_orientation=[1.0, 0.0, 0.0, 0.0, 1.0, 0.0],
            rows=size,
            columns=size,
            storage_key=f"bench/{n}/{k}",
        )
        for k in range(slices)
    )
    series.number_of_instances = slices
    db.flush()
    return series


def ingest_real_series(db: Session, settings: Settings, count: int, slices: int, size: int) -> list[Series]:
    store = make_store(settings)
    made = []
    for n in range(count):
        series_uid = f"1.2.826.0.1.3680043.8.498.78.{n + 1}"
        files = ct_series(
            slices, rows=size, columns=size, series_uid=series_uid, patient_id=f"EXP{n}", seed=n
        )
        ingest_many(
            db, store=store, items=[(str(i), f) for i, f in enumerate(files)], source="bench", actor=ACTOR
        )
        made.append(db.query(Series).filter(Series.series_instance_uid == series_uid).one())
    return made


def project_with(db: Session, name: str, members: list[User], series: list[Series]) -> tuple[int, int, int]:
    project = projects.create(
        db,
        project_in=ProjectCreate(
            name=name, members=[MemberIn(user_id=u.id, can_annotate=True) for u in members]
        ),
        actor=ACTOR,
    )
    projects.add_images(
        db, project_id=project.id, images=ImagesAdd(series_ids=[s.id for s in series]), actor=ACTOR
    )
    liver = labels.create(
        db,
        label_in=LabelCreate(project_id=project.id, name="Liver", kind="segmentation", color="#dd8844"),
        actor=ACTOR,
    )
    lesion = labels.create(
        db,
        label_in=LabelCreate(project_id=project.id, name="Lesion", kind="segmentation", color="#ff0000"),
        actor=ACTOR,
    )
    return project.id, liver.id, lesion.id


def task_for(db: Session, project_id: int, user: User, series: list[Series]) -> int:
    created = tasks.create(
        db,
        task_in=TaskCreate(
            project_id=project_id,
            name=f"bench {user.username}",
            kind=TaskKind.annotate,
            assignee_id=user.id,
            items=[ItemRef(series_id=s.id) for s in series],
        ),
        actor=ACTOR,
    )
    return created.id
