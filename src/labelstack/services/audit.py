"""Writing to and reading the audit log.

Every feature records what it did through :func:`record`; reads of patient
images go through it too, aggregated per request rather than per frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from labelstack.db.types import utcnow
from labelstack.models import AuditEvent, User


@dataclass(frozen=True)
class Actor:
    """Who is acting and from where: passed from the edge into services."""

    user_id: int | None
    username: str | None
    client_address: str | None = None

    @classmethod
    def of(cls, user: User | None, client_address: str | None = None) -> Actor:
        if user is None:
            return cls(None, None, client_address)
        return cls(user.id, user.username, client_address)

    @classmethod
    def system(cls, name: str = "system") -> Actor:
        return cls(None, name, None)


def record(
    db: Session,
    *,
    actor: Actor,
    action: str,
    object_type: str | None = None,
    object_id: str | int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one audit event to the caller's transaction (committed with it)."""
    event = AuditEvent(
        actor_id=actor.user_id,
        actor_username=actor.username,
        action=action,
        object_type=object_type,
        object_id=None if object_id is None else str(object_id),
        client_address=actor.client_address,
        details=details or {},
    )
    db.add(event)
    return event


def record_read(
    bind: Engine,
    *,
    actor: Actor,
    action: str,
    object_type: str | None = None,
    object_id: str | int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """One audit row for a read of patient images or metadata, in a short transaction of its own.

    Reads are frequent (a viewer asks once per frame), so the row is one Core
    INSERT on its own connection: the request's read transaction never turns
    into a write (which SQLite refuses once another connection has written).
    On PostgreSQL the commit does not wait for its WAL flush, the durability
    SQLite's WAL mode with synchronous=NORMAL gives every commit: a crash may
    lose the last fraction of a second of read events, never corrupt them.
    """
    with bind.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
        connection.execute(
            insert(AuditEvent).values(
                at=utcnow(),
                actor_id=actor.user_id,
                actor_username=actor.username,
                action=action,
                object_type=object_type,
                object_id=None if object_id is None else str(object_id),
                client_address=actor.client_address,
                details=details or {},
            )
        )


def query(
    db: Session,
    *,
    actor_id: int | None = None,
    actor_username: str | None = None,
    action: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[AuditEvent], int]:
    """Events matching every given filter, newest first, with the total count."""
    conditions = []
    if actor_id is not None:
        conditions.append(AuditEvent.actor_id == actor_id)
    if actor_username:
        conditions.append(AuditEvent.actor_username == actor_username)
    if action:
        # "auth." matches every authentication event
        conditions.append(
            AuditEvent.action.startswith(action) if action.endswith(".") else AuditEvent.action == action
        )
    if object_type:
        conditions.append(AuditEvent.object_type == object_type)
    if object_id:
        conditions.append(AuditEvent.object_id == object_id)
    if since:
        conditions.append(AuditEvent.at >= since)
    if until:
        conditions.append(AuditEvent.at < until)
    total = db.scalar(select(func.count()).select_from(AuditEvent).where(*conditions)) or 0
    rows = db.scalars(
        select(AuditEvent)
        .where(*conditions)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return list(rows), total


def count_since(db: Session, *, action: str, since: datetime, **match: str | None) -> int:
    conditions = [AuditEvent.action == action, AuditEvent.at >= since]
    for column, value in match.items():
        conditions.append(getattr(AuditEvent, column) == value)
    return db.scalar(select(func.count()).select_from(AuditEvent).where(*conditions)) or 0
