"""The demo project: made without images, filled in when images arrive, idempotent throughout."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.config import Settings
from labelstack.models import Label, Project, ProjectMember, Task, TaskStatus, User
from labelstack.services import demo, demo_workflow, stats
from labelstack.services.demo_workflow import PROJECT_NAME
from tests.workflow.factories import ArchiveFactory


def _statuses(db: Session) -> dict[str, int]:
    db.commit()
    return {str(s): n for s, n in db.execute(select(Task.status, func.count()).group_by(Task.status)).all()}


def _load(db: Session, settings: Settings) -> str:
    """The demo team and project alone (no demo images), so the archive is what the test makes it."""
    demo.load_users(db, settings)
    return demo_workflow.load(db)


def test_demo_project_grows_with_the_archive(db: Session, settings: Settings, archive: ArchiveFactory):
    first = _load(db, settings)
    assert "no images yet" in first
    project = db.scalar(select(Project).where(Project.name == PROJECT_NAME))
    assert project is not None
    kinds = set(db.scalars(select(Label.kind).where(Label.project_id == project.id)).all())
    assert {str(k) for k in kinds} == {"classification", "box", "contour", "segmentation"}
    members = db.scalar(
        select(func.count()).select_from(ProjectMember).where(ProjectMember.project_id == project.id)
    )
    assert members == 4
    assert _statuses(db) == {s.value: 1 for s in TaskStatus}
    assert "[0 new tasks]" in _load(db, settings)

    archive.many(8, instances=2)
    grown = _load(db, settings)
    assert "8 series" in grown and "[0 new tasks]" not in grown
    counts = _statuses(db)
    assert set(counts) == {s.value for s in TaskStatus} and counts["open"] >= 2 and counts["done"] >= 2
    overview = stats.project_stats(db, project_id=project.id, user=_admin(db))
    assert overview["images"] == 8 and overview["tasks"]["overdue"] >= 2
    assert overview["assignments"]["by_status"]["done"] >= 1
    assert overview["active_seconds"] > 0
    assert "[0 new tasks]" in _load(db, settings)


def _admin(db: Session) -> User:
    user = db.scalar(select(User).where(User.username == "admin"))
    assert user is not None
    return user
