"""Projects: create and edit them, manage members and images; members see only their projects."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.models import Instance, Project, ProjectImage, ProjectMember, Series, Task, TaskStatus, User
from labelstack.schemas.projects import ImagesAdd, MemberIn, ProjectCreate, ProjectUpdate
from labelstack.services import audit
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, DomainError, InvalidInput, NotFound


def get(db: Session, project_id: int, *, user: User | None = None) -> Project:
    """The project; for a non-admin ``user`` only if they are a member (else NotFound)."""
    project = db.get(Project, project_id)
    if project is None or (user is not None and not user.is_admin and not is_member(db, project_id, user.id)):
        raise NotFound(f"project {project_id} not found")
    return project


def is_member(db: Session, project_id: int, user_id: int) -> bool:
    return db.get(ProjectMember, (project_id, user_id)) is not None


def list_projects(db: Session, *, user: User, limit: int = 100, offset: int = 0) -> tuple[list[Project], int]:
    query = select(Project)
    if not user.is_admin:
        query = query.where(
            Project.id.in_(select(ProjectMember.project_id).where(ProjectMember.user_id == user.id))
        )
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(query.order_by(Project.name, Project.id).limit(limit).offset(offset)).all()
    return list(rows), total


def create(db: Session, *, project_in: ProjectCreate, actor: Actor) -> Project:
    _name_free(db, project_in.name)
    project = Project(name=project_in.name, description=project_in.description, created_by_id=actor.user_id)
    db.add(project)
    try:
        db.flush()
        for member in project_in.members:
            _add_member(db, project, member)
    except DomainError:
        db.rollback()
        raise
    audit.record(
        db,
        actor=actor,
        action="project.create",
        object_type="project",
        object_id=project.id,
        details={"name": project.name, "members": [m.user_id for m in project_in.members]},
    )
    db.commit()
    db.refresh(project)
    return project


def update(db: Session, *, project_id: int, project_in: ProjectUpdate, actor: Actor) -> Project:
    project = get(db, project_id)
    changes = {k: v for k, v in project_in.model_dump(exclude_unset=True).items() if v is not None}
    if "name" in changes and changes["name"] != project.name:
        _name_free(db, changes["name"])
    recorded = {k: v for k, v in changes.items() if getattr(project, k) != v}
    for key, value in recorded.items():
        setattr(project, key, value)
    if recorded:
        audit.record(
            db,
            actor=actor,
            action="project.update",
            object_type="project",
            object_id=project.id,
            details=recorded,
        )
    db.commit()
    return project


def set_member(db: Session, *, project_id: int, member_in: MemberIn, actor: Actor) -> Project:
    """Add a member or change what they may do in the project."""
    project = get(db, project_id)
    row = db.get(ProjectMember, (project_id, member_in.user_id))
    if row is None:
        _add_member(db, project, member_in)
    else:
        row.can_annotate, row.can_review = member_in.can_annotate, member_in.can_review
    audit.record(
        db,
        actor=actor,
        action="project.member_set",
        object_type="project",
        object_id=project.id,
        details=member_in.model_dump(),
    )
    db.commit()
    db.refresh(project)
    return project


def remove_member(db: Session, *, project_id: int, user_id: int, actor: Actor) -> Project:
    """Take a user out of a project; their open tasks there must be reassigned first."""
    project = get(db, project_id)
    row = db.get(ProjectMember, (project_id, user_id))
    if row is None:
        raise NotFound(f"user {user_id} is not a member of project {project_id}")
    live = db.scalar(
        select(func.count())
        .select_from(Task)
        .where(
            Task.project_id == project_id,
            Task.assignee_id == user_id,
            Task.status.in_([TaskStatus.open, TaskStatus.in_progress]),
        )
    )
    if live:
        raise Conflict(f"user {user_id} still has {live} open task(s) in this project; reassign them first")
    db.delete(row)
    audit.record(
        db,
        actor=actor,
        action="project.member_remove",
        object_type="project",
        object_id=project.id,
        details={"user_id": user_id},
    )
    db.commit()
    db.refresh(project)
    return project


def add_images(db: Session, *, project_id: int, images: ImagesAdd, actor: Actor) -> tuple[int, int]:
    """Add whole series and single instances; returns (added, already present)."""
    get(db, project_id)
    series_ids = sorted(set(images.series_ids))
    instance_ids = sorted(set(images.instance_ids))
    found_series = (
        set(db.scalars(select(Series.id).where(Series.id.in_(series_ids))).all()) if series_ids else set()
    )
    if missing := set(series_ids) - found_series:
        raise InvalidInput(f"unknown series: {sorted(missing)[:20]}")
    instance_series = (
        dict(db.execute(select(Instance.id, Instance.series_fk).where(Instance.id.in_(instance_ids))).all())
        if instance_ids
        else {}
    )
    if missing := set(instance_ids) - set(instance_series):
        raise InvalidInput(f"unknown instances: {sorted(missing)[:20]}")
    existing = set(
        db.execute(
            select(ProjectImage.series_id, ProjectImage.instance_id).where(
                ProjectImage.project_id == project_id
            )
        ).all()
    )
    wanted = [(s, None) for s in series_ids] + [(instance_series[i], i) for i in instance_ids]
    new = [pair for pair in wanted if pair not in existing]
    db.add_all(ProjectImage(project_id=project_id, series_id=s, instance_id=i) for s, i in new)
    audit.record(
        db,
        actor=actor,
        action="project.images_add",
        object_type="project",
        object_id=project_id,
        details={"series": series_ids[:100], "instances": instance_ids[:100], "added": len(new)},
    )
    db.commit()
    return len(new), len(wanted) - len(new)


def list_images(
    db: Session, *, project_id: int, user: User, limit: int = 100, offset: int = 0
) -> tuple[list[ProjectImage], int]:
    get(db, project_id, user=user)
    where = ProjectImage.project_id == project_id
    total = db.scalar(select(func.count()).select_from(ProjectImage).where(where)) or 0
    rows = db.scalars(
        select(ProjectImage).where(where).order_by(ProjectImage.id).limit(limit).offset(offset)
    ).all()
    return list(rows), total


def series_in_project(db: Session, project_id: int, series_ids: set[int]) -> set[int]:
    """The subset of ``series_ids`` that belong to the project as a whole series."""
    if not series_ids:
        return set()
    return set(
        db.scalars(
            select(ProjectImage.series_id).where(
                ProjectImage.project_id == project_id,
                ProjectImage.series_id.in_(series_ids),
                ProjectImage.instance_id.is_(None),
            )
        ).all()
    )


def instances_in_project(db: Session, project_id: int, instance_ids: set[int]) -> dict[int, int]:
    """Instance id → series id for the instances the project holds (alone or through their series)."""
    if not instance_ids:
        return {}
    pairs = dict(
        db.execute(select(Instance.id, Instance.series_fk).where(Instance.id.in_(instance_ids))).all()
    )
    whole = series_in_project(db, project_id, set(pairs.values()))
    single = set(
        db.scalars(
            select(ProjectImage.instance_id).where(
                ProjectImage.project_id == project_id, ProjectImage.instance_id.in_(instance_ids)
            )
        ).all()
    )
    return {i: s for i, s in pairs.items() if s in whole or i in single}


def _add_member(db: Session, project: Project, member: MemberIn) -> None:
    user = db.get(User, member.user_id)
    if user is None:
        raise InvalidInput(f"user {member.user_id} does not exist")
    if not user.is_active:
        raise InvalidInput(f"user {user.username!r} is deactivated")
    if not (member.can_annotate or member.can_review):
        raise InvalidInput("a member must be able to annotate, review, or both")
    db.add(
        ProjectMember(
            project_id=project.id,
            user_id=member.user_id,
            can_annotate=member.can_annotate,
            can_review=member.can_review,
        )
    )
    db.flush()


def _name_free(db: Session, name: str) -> None:
    if db.scalar(select(Project.id).where(func.lower(Project.name) == name.lower())) is not None:
        raise Conflict(f"a project named {name!r} already exists")
