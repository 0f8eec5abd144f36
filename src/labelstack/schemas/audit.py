"""Audit log entries as admins read them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from labelstack.schemas.common import ReadModel


class AuditEventRead(ReadModel):
    id: int
    at: datetime
    actor_id: int | None
    actor_username: str | None
    action: str
    object_type: str | None
    object_id: str | None
    client_address: str | None
    details: dict[str, Any]
