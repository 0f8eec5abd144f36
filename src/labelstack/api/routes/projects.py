"""Projects, their members, images and label assignments: admins manage, members read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from labelstack.api.deps import AdminCaller, CurrentUser, DbSession
from labelstack.models import AssignmentStatus
from labelstack.schemas.common import Page
from labelstack.schemas.labels import AssignmentRead, AssignmentsCreate, AssignmentsCreated
from labelstack.schemas.projects import (
    ImagesAdd,
    ImagesAdded,
    MemberIn,
    ProjectCreate,
    ProjectImageRead,
    ProjectRead,
    ProjectUpdate,
)
from labelstack.services import assignments, projects

router = APIRouter(prefix="/projects", tags=["projects"])

Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0)]


@router.get("", response_model=Page[ProjectRead])
def list_projects(
    user: CurrentUser, db: DbSession, limit: Limit = 100, offset: Offset = 0
) -> Page[ProjectRead]:
    """Every project for admins; one's own projects for everyone else."""
    rows, total = projects.list_projects(db, user=user, limit=limit, offset=offset)
    return Page(items=[ProjectRead.model_validate(p) for p in rows], total=total, limit=limit, offset=offset)


@router.post("", response_model=ProjectRead, status_code=status.HTTP_201_CREATED)
def create_project(body: ProjectCreate, caller: AdminCaller, db: DbSession) -> ProjectRead:
    """Create a project, optionally with its first members."""
    return ProjectRead.model_validate(projects.create(db, project_in=body, actor=caller.actor))


@router.get("/{project_id}", response_model=ProjectRead)
def read_project(project_id: int, user: CurrentUser, db: DbSession) -> ProjectRead:
    """One project (members only)."""
    return ProjectRead.model_validate(projects.get(db, project_id, user=user))


@router.patch("/{project_id}", response_model=ProjectRead)
def update_project(project_id: int, body: ProjectUpdate, caller: AdminCaller, db: DbSession) -> ProjectRead:
    """Rename, describe or archive a project."""
    return ProjectRead.model_validate(
        projects.update(db, project_id=project_id, project_in=body, actor=caller.actor)
    )


@router.post("/{project_id}/members", response_model=ProjectRead)
def set_member(project_id: int, body: MemberIn, caller: AdminCaller, db: DbSession) -> ProjectRead:
    """Add a member, or change whether they annotate and/or review."""
    return ProjectRead.model_validate(
        projects.set_member(db, project_id=project_id, member_in=body, actor=caller.actor)
    )


@router.delete("/{project_id}/members/{user_id}", response_model=ProjectRead)
def remove_member(project_id: int, user_id: int, caller: AdminCaller, db: DbSession) -> ProjectRead:
    """Take a user out of a project (after their open tasks are reassigned)."""
    return ProjectRead.model_validate(
        projects.remove_member(db, project_id=project_id, user_id=user_id, actor=caller.actor)
    )


@router.post("/{project_id}/images", response_model=ImagesAdded)
def add_images(project_id: int, body: ImagesAdd, caller: AdminCaller, db: DbSession) -> ImagesAdded:
    """Add whole series and/or single instances from the archive."""
    added, present = projects.add_images(db, project_id=project_id, images=body, actor=caller.actor)
    return ImagesAdded(added=added, already_present=present)


@router.get("/{project_id}/images", response_model=Page[ProjectImageRead])
def list_images(
    project_id: int, user: CurrentUser, db: DbSession, limit: Limit = 100, offset: Offset = 0
) -> Page[ProjectImageRead]:
    """The project's images."""
    rows, total = projects.list_images(db, project_id=project_id, user=user, limit=limit, offset=offset)
    return Page(
        items=[ProjectImageRead.model_validate(r) for r in rows], total=total, limit=limit, offset=offset
    )


@router.post(
    "/{project_id}/assignments", response_model=AssignmentsCreated, status_code=status.HTTP_201_CREATED
)
def create_assignments(
    project_id: int, body: AssignmentsCreate, caller: AdminCaller, db: DbSession
) -> AssignmentsCreated:
    """Assign labels to images: one assignment per label x image."""
    created, present = assignments.create_many(db, project_id=project_id, request=body, actor=caller.actor)
    return AssignmentsCreated(
        created=[AssignmentRead.model_validate(a) for a in created], already_present=present
    )


@router.get("/{project_id}/assignments", response_model=Page[AssignmentRead])
def list_assignments(
    project_id: int,
    caller: AdminCaller,
    db: DbSession,
    label_id: int | None = None,
    status: AssignmentStatus | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[AssignmentRead]:
    """Label assignments; ``status=pending`` lists those not yet in a task."""
    rows, total = assignments.list_assignments(
        db,
        project_id=project_id,
        user=caller.user,
        label_id=label_id,
        status=status,
        limit=limit,
        offset=offset,
    )
    return Page(
        items=[AssignmentRead.model_validate(a) for a in rows], total=total, limit=limit, offset=offset
    )
