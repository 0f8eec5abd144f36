"""QC of segmentations in a QC task: the screen of one item, decisions per time point, the tally."""

from __future__ import annotations

from fastapi import APIRouter

from labelstack.api.deps import CurrentCaller, CurrentUser, DbSession, SettingsDep
from labelstack.schemas.qc import QcDecide, QcDecisionRead, QcItemContext, QcTaskDecisions
from labelstack.schemas.tasks import TaskItemRead
from labelstack.services import qc
from labelstack.services.annotation_storage import labelmap_store

router = APIRouter(prefix="/tasks", tags=["qc"])


@router.get("/{task_id}/qc", response_model=QcTaskDecisions)
def task_decisions(task_id: int, user: CurrentUser, db: DbSession) -> QcTaskDecisions:
    """Every current decision of the task and how many of each (the pie chart)."""
    found = qc.task_decisions(db, task_id=task_id, user=user)
    return QcTaskDecisions(
        decisions=[QcDecisionRead.model_validate(d) for d in found], counts=qc.counts(found)
    )


@router.get("/{task_id}/items/{index}/qc", response_model=QcItemContext)
def item_context(task_id: int, index: int, user: CurrentUser, db: DbSession) -> QcItemContext:
    """The item's time points (named ED/ES when known), the labelmaps to judge, its decisions so far."""
    context = qc.item_context(db, task_id=task_id, index=index, user=user)
    return QcItemContext.model_validate(
        {
            "item": TaskItemRead.model_validate(context.item),
            "time_points": context.time_points,
            "segmentations": context.segmentations,
            "decisions": context.decisions,
        },
        from_attributes=True,
    )


@router.put("/{task_id}/items/{index}/qc", response_model=QcDecisionRead)
def decide(
    task_id: int, index: int, body: QcDecide, caller: CurrentCaller, db: DbSession, settings: SettingsDep
) -> QcDecisionRead:
    """Accept, reject, fine-tune or leave unclassified one time point of the item, with a comment."""
    decision = qc.decide(
        db,
        task_id=task_id,
        index=index,
        phase=body.phase,
        decision=body.decision,
        comment=body.comment,
        active_seconds=body.active_seconds,
        user=caller.user,
        actor=caller.actor,
        store=labelmap_store(settings),
    )
    return QcDecisionRead.model_validate(decision)
