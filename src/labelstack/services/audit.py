"""Writing to and reading the audit log.

Every feature records what it did through :func:`record`; reads of patient
images go through :func:`record_read` (one row per request), and reads that
come frame by frame through :func:`record_frame_read` (one row per user,
series and few seconds, see :class:`FrameReadBatcher`).
"""

from __future__ import annotations

import atexit
import logging
import threading
from dataclasses import dataclass, field
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


#: How long frame reads are gathered before their rows are written: at most this much of the
#: frame-read log is lost if the process dies (the rows of every other action are not delayed).
FRAME_READ_FLUSH_SECONDS = 2.0
#: Distinct instances named in one aggregated row; beyond it only the count grows.
_MAX_LISTED_INSTANCES = 2000
_log = logging.getLogger(__name__)


@dataclass
class _FrameReads:
    """What one user read of one series with one action since the last flush."""

    first_at: datetime
    last_at: datetime
    client_address: str | None
    requests: int = 0
    frames: int = 0
    instances: set[str] = field(default_factory=set)


_ReadKey = tuple[int | None, str | None, str, str, str]  # user id, username, action, study, series


class FrameReadBatcher:
    """Frame reads aggregated per (user, action, study, series) and written every few seconds.

    A viewer asks for each frame of a series separately (hundreds of requests
    a second while scrolling). A row and a commit per request cost more than
    serving the frame and bury the log under near-identical rows; so the
    request only adds to an in-memory tally, and a background thread writes
    one row per tally every :data:`FRAME_READ_FLUSH_SECONDS` with the number
    of requests and frames, the instances read and the first and last time.
    Every read is in the log once flushed; pending tallies are flushed before
    the log is queried (:func:`query`), at exit, and when many are waiting.
    What a crash (kill -9, power loss) can lose is the last couple of seconds
    of frame reads -- the same order as the asynchronous commit read rows
    already use on PostgreSQL.
    """

    def __init__(
        self, bind: Engine, interval: float = FRAME_READ_FLUSH_SECONDS, max_pending: int = 500
    ) -> None:
        self.bind = bind
        self.interval = interval
        self.max_pending = max_pending
        self._pending: dict[_ReadKey, _FrameReads] = {}
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def add(
        self,
        *,
        actor: Actor,
        action: str,
        study_uid: str,
        series_uid: str,
        sop_instance_uid: str,
        frames: int,
    ) -> None:
        now = utcnow()
        key = (actor.user_id, actor.username, action, study_uid, series_uid)
        with self._lock:
            tally = self._pending.get(key)
            if tally is None:
                tally = self._pending[key] = _FrameReads(now, now, actor.client_address)
            tally.last_at = now
            tally.requests += 1
            tally.frames += frames
            if len(tally.instances) < _MAX_LISTED_INSTANCES:
                tally.instances.add(sop_instance_uid)
            crowded = len(self._pending) >= self.max_pending
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="audit-frame-reads", daemon=True)
                self._thread.start()
        if crowded:
            self._wake.set()

    def flush(self) -> int:
        """Write every pending tally now, in one transaction (kept for the next try if that fails)."""
        with self._flush_lock:
            with self._lock:
                pending, self._pending = self._pending, {}
            if not pending:
                return 0
            rows = [_frame_read_row(key, tally) for key, tally in pending.items()]
            try:
                with self.bind.begin() as connection:
                    if connection.dialect.name == "postgresql":
                        connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
                    connection.execute(insert(AuditEvent), rows)
            except Exception:
                with self._lock:
                    for key, tally in pending.items():
                        _merge(self._pending, key, tally)
                raise
            return len(rows)

    def _run(self) -> None:
        """Flush every interval while reads come in; end when a round finds nothing (add restarts it)."""
        while True:
            self._wake.wait(self.interval)
            self._wake.clear()
            try:
                written = self.flush()
            except Exception:  # the database is away: keep the tallies, try again
                _log.exception("writing frame reads to the audit log failed; retrying")
                continue
            if not written:
                with self._lock:
                    if not self._pending:
                        self._thread = None
                        return


def _merge(pending: dict[_ReadKey, _FrameReads], key: _ReadKey, tally: _FrameReads) -> None:
    current = pending.get(key)
    if current is None:
        pending[key] = tally
        return
    current.first_at = min(current.first_at, tally.first_at)
    current.last_at = max(current.last_at, tally.last_at)
    current.requests += tally.requests
    current.frames += tally.frames
    current.instances |= tally.instances


def _frame_read_row(key: _ReadKey, tally: _FrameReads) -> dict[str, Any]:
    user_id, username, action, study_uid, series_uid = key
    return {
        "at": tally.first_at,
        "actor_id": user_id,
        "actor_username": username,
        "action": action,
        "object_type": "series",
        "object_id": series_uid,
        "client_address": tally.client_address,
        "details": {
            "studies": [study_uid],
            "series": [series_uid],
            "requests": tally.requests,
            "frames": tally.frames,
            "instances": len(tally.instances),
            "sop_instance_uids": sorted(tally.instances),
            "first_at": tally.first_at.isoformat(),
            "last_at": tally.last_at.isoformat(),
        },
    }


_batchers: dict[int, FrameReadBatcher] = {}
_batchers_lock = threading.Lock()


def frame_read_batcher(bind: Engine) -> FrameReadBatcher:
    """The one batcher of this database (engines that share a connection pool share it)."""
    with _batchers_lock:
        batcher = _batchers.get(id(bind.pool))
        if batcher is None or batcher.bind.pool is not bind.pool:
            batcher = _batchers[id(bind.pool)] = FrameReadBatcher(bind)
        return batcher


def record_frame_read(
    bind: Engine,
    *,
    actor: Actor,
    action: str,
    study_uid: str,
    series_uid: str,
    sop_instance_uid: str,
    frames: int = 1,
) -> None:
    """Audit a read of frames of one instance (aggregated, see :class:`FrameReadBatcher`)."""
    frame_read_batcher(bind).add(
        actor=actor,
        action=action,
        study_uid=study_uid,
        series_uid=series_uid,
        sop_instance_uid=sop_instance_uid,
        frames=frames,
    )


def flush_frame_reads(bind: Engine | None = None) -> int:
    """Write pending frame reads now, of one engine or of all; the number of rows written."""
    with _batchers_lock:
        batchers = list(_batchers.values())
    return sum(batcher.flush() for batcher in batchers if bind is None or batcher.bind.pool is bind.pool)


def close_frame_reads(bind: Engine) -> None:
    """At shutdown: write the pending frame reads of this database and forget its batcher."""
    flush_frame_reads(bind)
    with _batchers_lock:
        _batchers.pop(id(bind.pool), None)


@atexit.register
def _flush_at_exit() -> None:
    try:
        flush_frame_reads()
    except Exception:
        _log.exception("writing frame reads to the audit log at exit failed")


def _flush_for(db: Session) -> None:
    """Write pending frame reads before ``db`` reads the log, and let it see them.

    On SQLite a transaction reads from the snapshot of its first statement, so
    a session that has only read ends its transaction after the flush.
    """
    bind = db.get_bind()
    if not isinstance(bind, Engine) or not flush_frame_reads(bind):
        return
    if db.in_transaction() and not (db.new or db.dirty or db.deleted):
        db.commit()


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
    _flush_for(db)
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
