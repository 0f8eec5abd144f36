"""The audit log, for admins."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from labelstack.api.deps import AdminCaller, DbSession
from labelstack.schemas.audit import AuditEventRead
from labelstack.schemas.common import Page
from labelstack.services import audit

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("", response_model=Page[AuditEventRead])
def query_audit(
    _admin: AdminCaller,
    db: DbSession,
    actor_id: int | None = None,
    actor_username: str | None = None,
    action: Annotated[str | None, Query(description="exact action, or a prefix ending in '.'")] = None,
    object_type: str | None = None,
    object_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[AuditEventRead]:
    """Who did what to which object, newest first."""
    rows, total = audit.query(
        db,
        actor_id=actor_id,
        actor_username=actor_username,
        action=action,
        object_type=object_type,
        object_id=object_id,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return Page(
        items=[AuditEventRead.model_validate(r) for r in rows], total=total, limit=limit, offset=offset
    )
