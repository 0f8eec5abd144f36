"""Labels of a project: admins manage them; members read them."""

from __future__ import annotations

from fastapi import APIRouter, status

from labelstack.api.deps import AdminCaller, CurrentUser, DbSession
from labelstack.schemas.labels import LabelCreate, LabelRead, LabelUpdate
from labelstack.services import labels

router = APIRouter(prefix="/labels", tags=["labels"])


@router.get("", response_model=list[LabelRead])
def list_labels(
    project_id: int, user: CurrentUser, db: DbSession, include_retired: bool = True
) -> list[LabelRead]:
    """A project's labels."""
    rows = labels.list_labels(db, project_id=project_id, user=user, include_retired=include_retired)
    return [LabelRead.model_validate(label) for label in rows]


@router.post("", response_model=LabelRead, status_code=status.HTTP_201_CREATED)
def create_label(body: LabelCreate, caller: AdminCaller, db: DbSession) -> LabelRead:
    """Add a label to a project; names are unique per project."""
    return LabelRead.model_validate(labels.create(db, label_in=body, actor=caller.actor))


@router.get("/{label_id}", response_model=LabelRead)
def read_label(label_id: int, user: CurrentUser, db: DbSession) -> LabelRead:
    """One label."""
    return LabelRead.model_validate(labels.get(db, label_id, user=user))


@router.patch("/{label_id}", response_model=LabelRead)
def update_label(label_id: int, body: LabelUpdate, caller: AdminCaller, db: DbSession) -> LabelRead:
    """Edit a label, or retire / restore it with ``is_retired``."""
    return LabelRead.model_validate(labels.update(db, label_id=label_id, label_in=body, actor=caller.actor))


@router.delete("/{label_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_label(label_id: int, caller: AdminCaller, db: DbSession) -> None:
    """Delete an unused label (a label in use answers 409: retire it instead)."""
    labels.delete(db, label_id=label_id, actor=caller.actor)
