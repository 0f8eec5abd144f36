"""The access rule: a non-admin sees exactly the images of their own tasks, however they ask."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.config import Settings
from labelstack.models import Instance, Series, Task, TaskKind, TaskStatus, User
from labelstack.schemas.annotation_content import QCContent
from labelstack.schemas.annotations import AnnotationCreate
from labelstack.schemas.labels import AssignmentsCreate
from labelstack.schemas.tasks import ItemRef, TaskCreate
from labelstack.services import access, annotation_versions, assignments, task_workflow, tasks
from labelstack.services import users as user_service
from labelstack.services.annotation_storage import labelmap_store
from labelstack.services.errors import NotFound
from tests.api.test_route_protection import _api_routes
from tests.factories import UserFactory
from tests.workflow.factories import SYSTEM, ArchiveFactory, WorkFactory

PARAM = re.compile(r"\{([^}:]+)(?::[^}]*)?\}")


def _visible(db: Session, user: User) -> set[int]:
    query = access.visible_series_ids(user)
    if query is None:
        return set(db.scalars(select(Series.id)).all())
    return set(db.scalars(query).all())


@pytest.fixture
def world(
    users: UserFactory, db: Session, work: WorkFactory, archive: ArchiveFactory, settings: Settings
) -> dict:
    """Seven series: anna's (series, instance, assignment items), andre's, rita's under review, ..."""
    anna, andre = users.annotator("anna"), users.annotator("andre")
    rita = users.reviewer("rita")
    s = archive.many(7, instances=2)
    project = work.project(annotators=[anna.user, andre.user], reviewers=[rita.user], series=s)
    label = work.label(project, "LV")
    created, _ = assignments.create_many(
        db,
        project_id=project.id,
        request=AssignmentsCreate(label_ids=[label], series_ids=[s[2].id]),
        actor=SYSTEM,
    )
    instance_of_1 = db.scalar(select(Instance.id).where(Instance.series_fk == s[1].id))

    def task(user: User | None, kind: TaskKind, *refs: ItemRef) -> int:
        body = TaskCreate(
            project_id=project.id,
            name="t",
            kind=kind,
            assignee_id=user.id if user else None,
            items=list(refs),
        )
        return tasks.create(db, task_in=body, actor=SYSTEM).id

    task(anna.user, TaskKind.label, ItemRef(series_id=s[0].id))
    task(anna.user, TaskKind.label, ItemRef(instance_id=instance_of_1))
    task(anna.user, TaskKind.annotate, ItemRef(label_assignment_id=created[0].id))
    task(andre.user, TaskKind.annotate, ItemRef(series_id=s[3].id))
    under_review = annotation_versions.create(
        db,
        annotation_in=AnnotationCreate(
            project_id=project.id, label_id=label, series_id=s[4].id, content=QCContent(decision="accept")
        ),
        user=users.create("maker", "admin"),
        actor=SYSTEM,
        store=labelmap_store(settings),
    )
    version = ItemRef(annotation_version_id=under_review.head_version_id, series_id=s[4].id)
    task(rita.user, TaskKind.review, version)
    cancelled = task(anna.user, TaskKind.label, ItemRef(series_id=s[5].id))
    task(None, TaskKind.label, ItemRef(series_id=s[6].id))
    cancelled_task = db.get(Task, cancelled)
    assert cancelled_task is not None
    task_workflow.transition(db, task=cancelled_task, to=TaskStatus.cancelled, actor=SYSTEM)
    db.commit()
    return {"anna": anna, "andre": andre, "rita": rita, "series": s}


def test_each_user_sees_exactly_the_images_of_their_own_tasks(world: dict, db: Session, users: UserFactory):
    s = world["series"]
    assert _visible(db, world["anna"].user) == {s[0].id, s[1].id, s[2].id}
    assert _visible(db, world["andre"].user) == {s[3].id}
    assert _visible(db, world["rita"].user) == {s[4].id}  # the images under review
    admin = users.create("boss", "admin")
    assert access.visible_series_ids(admin) is None
    nobody = users.create("newcomer")
    assert _visible(db, nobody) == set()


def test_require_series_hides_everything_else(world: dict, db: Session):
    anna: User = world["anna"].user
    s = world["series"]
    access.require_series(db, anna, s[0].id)
    instance = db.scalars(select(Instance).where(Instance.series_fk == s[2].id)).first()
    assert instance is not None
    access.require_instance(db, anna, instance)
    for hidden in (s[3].id, s[4].id, s[5].id, s[6].id, 10_000):
        with pytest.raises(NotFound):
            access.require_series(db, anna, hidden)
    assert db.scalar(select(Series.id).where(access.series_filter(anna), Series.id == s[3].id)) is None


def test_a_deactivated_user_sees_nothing(world: dict, db: Session):
    anna: User = world["anna"].user
    user_service.set_active(db, user_id=anna.id, active=False, actor=SYSTEM)
    assert _visible(db, anna) == set()


def _fill(path: str, series: Series, instance: Instance) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        if "study" in name:
            return series.study.study_instance_uid if "uid" in name else str(series.study_fk)
        if "instance" in name or "sop" in name:
            return instance.sop_instance_uid if "uid" in name else str(instance.id)
        if "series" in name:
            return series.series_instance_uid if "uid" in name else str(series.id)
        return "1"

    return PARAM.sub(value, path)


def _is_search(path: str) -> bool:
    """QIDO-RS searches (PS3.18 10.6) nested under a study or series: /series, /instances."""
    return path.startswith("/dicomweb/") and path.rsplit("/", 1)[-1] in ("series", "instances")


def _image_routes(app: FastAPI) -> list[tuple[str, str, APIRoute]]:
    return [
        (m, p, r)
        for m, p, r in _api_routes(app)
        if m == "GET" and any(k in p.lower() for k in ("{study", "{series", "{instance", "{sop"))
    ]


def test_guessing_another_tasks_uids_reveals_nothing(
    world: dict, db: Session, app: FastAPI, client: TestClient
):
    """Every image route (archive browse, DICOMweb) answers 404 for images outside the caller's tasks."""
    anna = world["anna"]
    s = world["series"]
    checked = 0
    for hidden in (s[3], s[4], s[5], s[6]):
        instance = db.scalars(select(Instance).where(Instance.series_fk == hidden.id)).first()
        assert instance is not None
        with pytest.raises(NotFound):
            access.require_series(db, anna.user, hidden.id)
        for _method, path, _route in _image_routes(app):
            response = client.get(_fill(path, hidden, instance), headers=anna.headers)
            if _is_search(path):  # a search in a hidden study finds nothing at all
                assert response.status_code in (200, 204) and response.content in (b"", b"[]"), path
            else:
                assert response.status_code in (403, 404), f"{path} answered {response.status_code}"
            assert hidden.series_instance_uid not in response.text
            checked += 1
    db.commit()
    # the task API never hands out another person's task items either (4: andre, 5: rita, 7: nobody)
    for task_id in (4, 5, 7):
        assert client.get(f"/api/v1/tasks/{task_id}/items", headers=anna.headers).status_code == 404
