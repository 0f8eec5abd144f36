"""Dashboard statistics: per project, user, label, QC decisions, and who works on what now."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from labelstack.api.deps import AdminCaller, CurrentUser, DbSession
from labelstack.schemas.stats import LabelStats, ProjectStats, QcStats, UserStats, WorkingNow
from labelstack.services import stats

router = APIRouter(prefix="/stats", tags=["stats"])

Days = Annotated[int, Query(ge=1, le=366)]


@router.get("/projects/{project_id}", response_model=ProjectStats)
def project_stats(project_id: int, caller: AdminCaller, db: DbSession, days: Days = 30) -> ProjectStats:
    """Images, assignments, tasks by status, overdue tasks and progress per day."""
    return ProjectStats.model_validate(
        stats.project_stats(db, project_id=project_id, user=caller.user, days=days)
    )


@router.get("/projects/{project_id}/labels", response_model=list[LabelStats])
def label_stats(project_id: int, caller: AdminCaller, db: DbSession) -> list[LabelStats]:
    """Assignments per label and status."""
    return [
        LabelStats.model_validate(r) for r in stats.label_stats(db, project_id=project_id, user=caller.user)
    ]


@router.get("/users/{user_id}", response_model=UserStats)
def user_stats(user_id: int, _admin: AdminCaller, db: DbSession, days: Days = 30) -> UserStats:
    """What one user did: tasks, items, annotations, reviews, active time, per day."""
    return UserStats.model_validate(stats.user_stats(db, user_id=user_id, days=days))


@router.get("/me", response_model=UserStats)
def my_stats(user: CurrentUser, db: DbSession, days: Days = 30) -> UserStats:
    """The caller's own figures."""
    return UserStats.model_validate(stats.user_stats(db, user_id=user.id, days=days))


@router.get("/qc", response_model=QcStats)
def qc_stats(_admin: AdminCaller, db: DbSession, project_id: int | None = None) -> QcStats:
    """QC decisions: counts and percentages per decision."""
    return QcStats.model_validate(stats.qc_stats(db, project_id=project_id))


@router.get("/working-now", response_model=list[WorkingNow])
def working_now(_admin: AdminCaller, db: DbSession, project_id: int | None = None) -> list[WorkingNow]:
    """Each user's tasks in progress, most recently active first."""
    return [WorkingNow.model_validate(r) for r in stats.working_now(db, project_id=project_id)]
