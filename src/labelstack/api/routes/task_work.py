"""Working on one's own task: start, walk the items, mark them, report time, finish."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from labelstack.api.deps import CurrentCaller, CurrentUser, DbSession
from labelstack.schemas.common import Page
from labelstack.schemas.tasks import ActiveTime, FinishTask, ItemAt, SkipItem, TaskItemRead, TaskRead
from labelstack.services import task_work
from labelstack.services.task_work import ItemPosition

router = APIRouter(prefix="/tasks", tags=["tasks"])


def _at(position: ItemPosition) -> ItemAt:
    return ItemAt(
        item=TaskItemRead.model_validate(position.item),
        index=position.index,
        total=position.total,
        previous_index=position.previous_index,
        next_index=position.next_index,
        next_pending_index=position.next_pending_index,
    )


@router.post("/{task_id}/start", response_model=TaskRead)
def start_task(task_id: int, caller: CurrentCaller, db: DbSession) -> TaskRead:
    """The assignee starts an open task; a task already in progress is answered as it is."""
    return TaskRead.model_validate(task_work.start(db, task_id=task_id, user=caller.user, actor=caller.actor))


@router.post("/{task_id}/finish", response_model=TaskRead)
def finish_task(task_id: int, body: FinishTask, caller: CurrentCaller, db: DbSession) -> TaskRead:
    """The assignee completes the task; pending items need ``force``."""
    task = task_work.finish(db, task_id=task_id, user=caller.user, actor=caller.actor, force=body.force)
    return TaskRead.model_validate(task)


@router.get("/{task_id}/items", response_model=Page[TaskItemRead])
def list_items(
    task_id: int,
    user: CurrentUser,
    db: DbSession,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[TaskItemRead]:
    """The task's items in order."""
    rows, total = task_work.list_items(db, task_id=task_id, user=user, limit=limit, offset=offset)
    return Page(items=[TaskItemRead.model_validate(i) for i in rows], total=total, limit=limit, offset=offset)


@router.get("/{task_id}/items/next", response_model=ItemAt)
def next_pending_item(
    task_id: int, user: CurrentUser, db: DbSession, after: Annotated[int, Query(ge=-1)] = -1
) -> ItemAt:
    """The first pending item after index ``after`` (wrapping round)."""
    return _at(task_work.next_pending(db, task_id=task_id, user=user, after=after))


@router.get("/{task_id}/items/{index}", response_model=ItemAt)
def item_at(task_id: int, index: int, user: CurrentUser, db: DbSession) -> ItemAt:
    """The item at ``index`` with the indexes of its neighbours."""
    return _at(task_work.item_at(db, task_id=task_id, index=index, user=user))


@router.post("/{task_id}/items/{index}/done", response_model=ItemAt)
def mark_item_done(task_id: int, index: int, caller: CurrentCaller, db: DbSession) -> ItemAt:
    """Mark an item done; finishing the last item finishes the task."""
    return _at(task_work.finish_item(db, task_id=task_id, index=index, user=caller.user, actor=caller.actor))


@router.post("/{task_id}/items/{index}/skip", response_model=ItemAt)
def skip_item(task_id: int, index: int, body: SkipItem, caller: CurrentCaller, db: DbSession) -> ItemAt:
    """Skip an item, saying why."""
    position = task_work.finish_item(
        db, task_id=task_id, index=index, user=caller.user, actor=caller.actor, skip_reason=body.reason
    )
    return _at(position)


@router.post("/{task_id}/items/{index}/time", response_model=TaskItemRead)
def add_active_time(
    task_id: int, index: int, body: ActiveTime, caller: CurrentCaller, db: DbSession
) -> TaskItemRead:
    """Add active seconds to an item (the viewer reports them with each autosave)."""
    item = task_work.add_time(
        db, task_id=task_id, index=index, seconds=body.seconds, user=caller.user, actor=caller.actor
    )
    return TaskItemRead.model_validate(item)
