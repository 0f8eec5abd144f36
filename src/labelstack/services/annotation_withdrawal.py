"""Withdrawing an annotation (its author removed it from the image) and reinstating it (undo).

Nothing is deleted: a withdrawal is a version like any save (source
``withdraw``, on a base version by compare-and-swap, so a tab that has not
seen the newest version gets 409), and it marks the annotation withdrawn.
Withdrawn annotations leave the lists the workspaces load, review, QC and
exports, but their versions, reviews and audit entries stay, and reinstating
adds one more version (source ``reinstate``) and brings the annotation back.

If the caller's autosaved draft is on the head, its content is what the
withdrawal version holds: the last changes before the removal are kept too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from labelstack.annotations.enums import AnnotationKind
from labelstack.models import Annotation, AnnotationDraft, Task, TaskItem, User
from labelstack.services import annotation_drafts, annotation_versions, audit
from labelstack.services.annotation_versions import SaveMeta
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, InvalidInput, PermissionDenied


def withdraw(
    db: Session, *, annotation_id: int, base_version: int, active_seconds: int, user: User, actor: Actor
) -> Annotation:
    """Withdraw the annotation on ``base_version``: 403 unless its author (own task) or an admin."""
    annotation = _checked(db, annotation_id, base_version, user, withdrawn=False)
    content, content_hash, draft = _latest_content(db, annotation, user)
    new = annotation_versions.commit_version(
        db,
        annotation=annotation,
        base=base_version,
        content=content,
        content_hash=content_hash,
        user=user,
        meta=SaveMeta(active_seconds=active_seconds, tool="withdraw", source="withdraw"),
    )
    if draft is not None:
        db.delete(draft)
    annotation.withdrawn_at = new.created_at
    annotation.withdrawn_by_id = user.id
    _record(db, actor, "annotation.withdraw", annotation, new.number, kept_draft=draft is not None)
    db.commit()
    return annotation


def reinstate(db: Session, *, annotation_id: int, base_version: int, user: User, actor: Actor) -> Annotation:
    """Bring a withdrawn annotation back with its head content, as a new version."""
    annotation = _checked(db, annotation_id, base_version, user, withdrawn=True)
    current = annotation_versions.head(db, annotation)
    assert current is not None  # a withdrawal is itself a version
    new = annotation_versions.commit_version(
        db,
        annotation=annotation,
        base=base_version,
        content=current.content,
        content_hash=current.content_hash,
        user=user,
        meta=SaveMeta(tool="reinstate", source="reinstate", restored_from=current.number),
    )
    annotation.withdrawn_at = None
    annotation.withdrawn_by_id = None
    _record(db, actor, "annotation.reinstate", annotation, new.number)
    db.commit()
    return annotation


def _checked(
    db: Session, annotation_id: int, base_version: int, user: User, *, withdrawn: bool
) -> Annotation:
    """The annotation, if ``user`` may withdraw or reinstate it and it is as expected, on its head."""
    annotation = annotation_versions.get(db, annotation_id, user=user)
    _check_owner(db, annotation, user)
    if annotation.kind == AnnotationKind.QC:
        raise InvalidInput("a QC decision is changed, not withdrawn: decide 'unclassified' instead")
    if (annotation.withdrawn_at is not None) != withdrawn:
        state = "is already withdrawn" if annotation.withdrawn_at is not None else "is not withdrawn"
        raise Conflict(
            {
                "message": f"annotation {annotation.id} {state}",
                "withdrawn": annotation.withdrawn_at is not None,
                "version_count": annotation.version_count,
            }
        )
    if base_version != annotation.version_count:
        raise annotation_versions.stale(db, annotation, base_version)
    return annotation


def _check_owner(db: Session, annotation: Annotation, user: User) -> None:
    """Admins, or the annotation's author while the task item it was made on is still theirs."""
    if user.is_admin:
        return
    annotation_versions.check_writer(db, annotation.project_id, user)
    own = annotation.created_by_id == user.id
    if own and annotation.task_item_id is not None:
        item = db.get(TaskItem, annotation.task_item_id)
        task = db.get(Task, item.task_id) if item is not None else None
        own = task is not None and task.assignee_id == user.id
    if not own:
        raise PermissionDenied(
            f"only the author of annotation {annotation.id}, on their own task, or an admin may withdraw "
            "or reinstate it"
        )


def _latest_content(
    db: Session, annotation: Annotation, user: User
) -> tuple[dict[str, Any], str, AnnotationDraft | None]:
    """The caller's draft on the head if there is one (the newest work), else the head's content."""
    draft = annotation_drafts.on_head(db, annotation, user)
    if draft is not None:
        return draft.content, draft.content_hash, draft
    current = annotation_versions.head(db, annotation)
    assert current is not None  # every annotation is created with its first version
    return current.content, current.content_hash, None


def _record(
    db: Session, actor: Actor, action: str, annotation: Annotation, number: int, **extra: Any
) -> None:
    audit.record(
        db,
        actor=actor,
        action=action,
        object_type="annotation",
        object_id=annotation.id,
        details={
            "version": number,
            "kind": annotation.kind.value,
            "series_id": annotation.series_id,
            **extra,
        },
    )
