"""Autosave: one draft per (annotation, author), overwritten in place, promoted to a version.

The client sends its work every few seconds; the draft row is replaced, not
appended, so history only holds versions people meant (explicit save, submit,
or a quiet period without new drafts). Drafts live in the database (labelmap
drafts reference complete slice files), so a restart or a closed tab loses at
most the seconds since the last autosave. Active seconds add up across
drafts and move into the version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.annotations.patch import LabelmapPatch
from labelstack.db.types import utcnow
from labelstack.models import Annotation, AnnotationDraft, AnnotationVersion, User
from labelstack.schemas.annotations import DraftSave
from labelstack.services import annotation_content, annotation_versions, audit
from labelstack.services.annotation_versions import SaveMeta
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, NotFound


def get(db: Session, *, annotation_id: int, user: User) -> AnnotationDraft:
    annotation = annotation_versions.get(db, annotation_id, user=user)
    draft = _find(db, annotation.id, user.id)
    if draft is None:
        raise NotFound(f"you have no draft of annotation {annotation_id}")
    return draft


#: How often a draft save is redone when another save of the same draft (another tab) got in between.
DRAFT_ATTEMPTS = 3


def put(
    db: Session,
    *,
    annotation_id: int,
    draft_in: DraftSave,
    user: User,
    actor: Actor,
    store: LabelmapStore,
    patch: LabelmapPatch | None = None,
    read_db: Session | None = None,
) -> AnnotationDraft:
    """Replace the caller's draft; a labelmap patch applies on top of the previous draft.

    The content is prepared through ``read_db`` (see ``annotation_versions``);
    the write then replaces the draft only if it is still the one the patch
    was applied to (compare-and-swap on its save count). If the author's
    other tab saved in between, the patch is applied again on top of that.
    """
    reader = read_db or db
    for attempt in range(DRAFT_ATTEMPTS):
        if attempt:
            reader.expire_all()  # read the draft the other save left, not the one seen before
        annotation = annotation_versions.get(reader, annotation_id, user=user)
        annotation_versions.check_editable(reader, annotation, user)
        base = draft_in.base_version
        if base != annotation.version_count:
            raise annotation_versions.stale(reader, annotation, base)
        found = _find(reader, annotation.id, user.id)
        # a draft on an old base is dropped when its author starts again from the new head
        current = found if found is not None and found.base_number == base else None
        parent = current.content if current is not None else _head_content(reader, annotation)
        stored = annotation_content.prepare(
            reader, annotation=annotation, body=draft_in.content, parent=parent, store=store, patch=patch
        )
        seen = _Seen.of(found, current)
        annotation_versions.finish_reading(read_db, db)
        draft = _write(db, annotation_versions.in_session(db, annotation), user, draft_in, stored, seen)
        if draft is not None:
            break
    else:
        raise Conflict("your draft was saved from another tab at the same moment; send it again")
    audit.record(
        db,
        actor=actor,
        action="annotation.draft",
        object_type="annotation",
        object_id=annotation_id,
        details={"base_version": draft_in.base_version, "active_seconds": draft_in.active_seconds},
    )
    db.commit()
    return draft


@dataclass(frozen=True)
class _Seen:
    """The caller's draft as it was when its new content was prepared."""

    old_base_id: int | None  # a draft on an old base, to drop
    current: AnnotationDraft | None  # the draft on this base the patch was applied to

    @classmethod
    def of(cls, found: AnnotationDraft | None, current: AnnotationDraft | None) -> _Seen:
        return cls(found.id if found is not None and current is None else None, current)


def _write(
    db: Session,
    annotation: Annotation,
    user: User,
    draft_in: DraftSave,
    stored: annotation_content.StoredContent,
    seen: _Seen,
) -> AnnotationDraft | None:
    """Insert or compare-and-swap the draft row; None when another save of it came first."""
    if annotation.version_count != draft_in.base_version:
        raise annotation_versions.stale(db, annotation, draft_in.base_version)
    now = utcnow()
    added = max(0, draft_in.active_seconds)
    current = seen.current
    if current is not None:
        swapped = db.execute(
            update(AnnotationDraft)
            .where(AnnotationDraft.id == current.id, AnnotationDraft.saves == current.saves)
            .values(
                content=stored.content,
                content_hash=stored.content_hash,
                active_seconds=current.active_seconds + added,
                saves=current.saves + 1,
                tool=draft_in.tool[:64] or current.tool,
                client=draft_in.client or current.client,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        if swapped.rowcount != 1:  # type: ignore[attr-defined]
            db.rollback()
            return None
        return db.get(AnnotationDraft, current.id, populate_existing=True)
    if seen.old_base_id is not None:
        db.execute(
            delete(AnnotationDraft)
            .where(AnnotationDraft.id == seen.old_base_id)
            .execution_options(synchronize_session=False)
        )
    draft = AnnotationDraft(
        annotation_id=annotation.id,
        author_id=user.id,
        base_version_id=annotation.head_version_id,
        base_number=annotation.version_count,
        content=stored.content,
        content_hash=stored.content_hash,
        active_seconds=added,
        saves=1,
        tool=draft_in.tool[:64],
        client=draft_in.client or {},
        created_at=now,
        updated_at=now,
    )
    db.add(draft)
    try:
        db.flush()
    except IntegrityError:
        # the same author's other tab created the draft at the same moment
        db.rollback()
        return None
    return draft


def promote(
    db: Session, *, annotation_id: int, user: User, actor: Actor, source: str = "draft"
) -> AnnotationVersion:
    """The caller's draft becomes a version (409 if its base is no longer the head)."""
    annotation = annotation_versions.get(db, annotation_id, user=user)
    annotation_versions.check_editable(db, annotation, user)
    draft = _find(db, annotation.id, user.id)
    if draft is None:
        raise NotFound(f"you have no draft of annotation {annotation_id}")
    new = _promote(db, annotation, draft, user, source)
    audit.record(
        db,
        actor=actor,
        action="annotation.version",
        object_type="annotation",
        object_id=annotation.id,
        details={"version": new.number, "from": source, "active_seconds": new.active_seconds},
    )
    db.commit()
    return new


def discard(db: Session, *, annotation_id: int, user: User, actor: Actor) -> None:
    draft = get(db, annotation_id=annotation_id, user=user)
    db.delete(draft)
    audit.record(
        db, actor=actor, action="annotation.draft_discard", object_type="annotation", object_id=annotation_id
    )
    db.commit()


def any_quiet(db: Session, *, quiet_seconds: int, now: datetime | None = None) -> bool:
    cutoff = (now or utcnow()) - timedelta(seconds=quiet_seconds)
    found = db.scalar(select(AnnotationDraft.id).where(AnnotationDraft.updated_at <= cutoff).limit(1))
    db.rollback()
    return found is not None


def promote_quiet(db: Session, *, quiet_seconds: int, now: datetime | None = None) -> list[AnnotationVersion]:
    """Turn drafts untouched for ``quiet_seconds`` into versions (a job; also run at start-up).

    A draft whose base is no longer the head stays as it is: its author
    resolves the conflict on their next explicit save.
    """
    cutoff = (now or utcnow()) - timedelta(seconds=quiet_seconds)
    made: list[AnnotationVersion] = []
    ids = db.scalars(select(AnnotationDraft.id).where(AnnotationDraft.updated_at <= cutoff)).all()
    db.commit()
    for draft_id in ids:
        draft = db.get(AnnotationDraft, draft_id)
        if draft is None or draft.updated_at > cutoff:
            db.rollback()
            continue
        annotation = db.get(Annotation, draft.annotation_id)
        author = db.get(User, draft.author_id)
        if annotation is None or author is None or annotation.version_count != draft.base_number:
            db.rollback()
            continue
        try:
            new = _promote(db, annotation, draft, author, "quiet")
        except Conflict:
            continue
        audit.record(
            db,
            actor=Actor.system("autosave"),
            action="annotation.version",
            object_type="annotation",
            object_id=annotation.id,
            details={"version": new.number, "from": "quiet", "author_id": author.id},
        )
        db.commit()
        made.append(new)
    return made


def _promote(
    db: Session, annotation: Annotation, draft: AnnotationDraft, user: User, source: str
) -> AnnotationVersion:
    if draft.base_number != annotation.version_count:
        raise annotation_versions.stale(db, annotation, draft.base_number)
    new = annotation_versions.commit_version(
        db,
        annotation=annotation,
        base=draft.base_number,
        content=draft.content,
        content_hash=draft.content_hash,
        user=user,
        meta=SaveMeta(
            active_seconds=draft.active_seconds, tool=draft.tool, client=draft.client, source=source
        ),
    )
    db.delete(draft)
    return new


def on_head(db: Session, annotation: Annotation, user: User) -> AnnotationDraft | None:
    """``user``'s draft of ``annotation`` if it builds on the head (an older one would lose a save)."""
    draft = _find(db, annotation.id, user.id)
    return draft if draft is not None and draft.base_number == annotation.version_count else None


def _find(db: Session, annotation_id: int, author_id: int) -> AnnotationDraft | None:
    return db.scalar(
        select(AnnotationDraft).where(
            AnnotationDraft.annotation_id == annotation_id, AnnotationDraft.author_id == author_id
        )
    )


def _head_content(db: Session, annotation: Annotation) -> dict[str, Any] | None:
    current = annotation_versions.head(db, annotation)
    return current.content if current else None
