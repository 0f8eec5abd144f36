"""Who may see which images: the one access rule every archive and DICOMweb route calls.

Admins see the whole archive. Any other user sees exactly the series of the
items of their own live (not cancelled) tasks: a series item is that series,
an instance item its series, a label assignment item its image's series, and
a review item the series of the annotation under review, so reviewers see
the images under review. Every task item stores the series it is about,
which makes this one indexed lookup. Callers never decide access themselves.

The per-frame routes ask :func:`may_see_series`, which keeps each decision
for :data:`DECISION_SECONDS`: a task cancelled or reassigned through another
server process (or the command line) stops showing its images there within
that bound; through this process, at once (the caches are cleared by every
request that changes something).
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import ColumnElement, Select, false, select, true
from sqlalchemy.orm import Session

from labelstack.models import Instance, Series, Task, TaskItem, TaskStatus, User
from labelstack.services.errors import NotFound
from labelstack.services.short_cache import ShortCache

#: How long a decision of :func:`may_see_series` is trusted.
DECISION_SECONDS = 2.0


class Viewer(Protocol):
    """What the rule needs to know about a user: a ``User`` row or a detached copy of it."""

    @property
    def id(self) -> int: ...
    @property
    def is_admin(self) -> bool: ...
    @property
    def is_active(self) -> bool: ...


SeriesDecisions = ShortCache[tuple[int, int], bool]


def series_decisions() -> SeriesDecisions:
    return ShortCache(lifetime=DECISION_SECONDS, max_entries=65536)


def visible_series_ids(user: Viewer) -> Select[int] | None:
    """A SELECT of the series ids ``user`` may see, or None for "everything"."""
    if user.is_admin:
        return None
    if not user.is_active:
        return select(Series.id).where(false())
    return (
        select(TaskItem.series_id)
        .join(Task, Task.id == TaskItem.task_id)
        .where(Task.assignee_id == user.id, Task.status != TaskStatus.cancelled)
    )


def series_filter(user: Viewer) -> ColumnElement[bool]:
    """A WHERE clause on ``Series.id`` for queries that list images."""
    visible = visible_series_ids(user)
    return true() if visible is None else Series.id.in_(visible)


def can_see_series(db: Session, user: Viewer, series_id: int) -> bool:
    visible = visible_series_ids(user)
    if visible is None:
        return True
    return db.scalar(select(Series.id).where(Series.id == series_id, Series.id.in_(visible))) is not None


def recent_decision(decisions: SeriesDecisions, user: Viewer, series_id: int) -> bool | None:
    """:func:`can_see_series` as decided less than :data:`DECISION_SECONDS` ago; admins need no lookup."""
    if user.is_admin:
        return True
    return decisions.get((user.id, series_id))


def may_see_series(db: Session, decisions: SeriesDecisions, user: Viewer, series_id: int) -> bool:
    """:func:`can_see_series`, remembered in ``decisions`` for a moment."""
    generation = decisions.generation
    allowed = can_see_series(db, user, series_id)
    decisions.put((user.id, series_id), allowed, generation=generation)
    return allowed


def require_series(db: Session, user: User, series_id: int) -> None:
    """Raise NotFound (not 403: guessing UIDs must reveal nothing) unless visible."""
    if not can_see_series(db, user, series_id):
        raise NotFound("series not found")


def require_instance(db: Session, user: User, instance: Instance) -> None:
    require_series(db, user, instance.series_fk)
