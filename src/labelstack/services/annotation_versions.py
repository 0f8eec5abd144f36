"""Annotations and their versions: create, save on a base, list history, restore, submit.

A save names the version it was based on. The head moves by compare-and-swap
on ``Annotation.version_count`` (an UPDATE ... WHERE version_count = base),
so of two saves on the same base exactly one wins and the other gets 409 with
the current head, on SQLite and PostgreSQL alike; nothing is overwritten
silently between two people or two tabs.

Because the compare-and-swap decides, everything before it can run outside
the write transaction: the checks, and for labelmaps decoding, validating,
compressing and writing the slice files (content-addressed, so a save that
loses the race leaves only complete, unreferenced files). Callers pass a
``read_db`` for that part; only the short row insert then needs the write
lock (on SQLite the whole database's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from labelstack.annotations.enums import AnnotationKind
from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.annotations.patch import LabelmapPatch
from labelstack.db.types import utcnow
from labelstack.models import (
    Annotation,
    AnnotationStatus,
    AnnotationVersion,
    Instance,
    Label,
    LabelAssignment,
    Task,
    TaskItem,
    TaskStatus,
    User,
)
from labelstack.schemas.annotations import AnnotationCreate, VersionSave
from labelstack.services import access, annotation_content, annotation_images, audit, projects
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, InvalidInput, NotFound


@dataclass(frozen=True)
class SaveMeta:
    """What a client tells about a save besides its content."""

    active_seconds: int = 0
    tool: str = ""
    client: dict[str, Any] | None = None
    source: str = "save"
    restored_from: int | None = None


# -- reading ----------------------------------------------------------------------------


def get(db: Session, annotation_id: int, *, user: User) -> Annotation:
    """The annotation if ``user`` may see its images (NotFound otherwise: ids reveal nothing)."""
    annotation = db.get(Annotation, annotation_id)
    if annotation is None:
        raise NotFound(f"annotation {annotation_id} not found")
    # a save looks the annotation up more than once; the access query runs once per session
    seen: set[tuple[int, int]] = db.info.setdefault("annotation_series_visible", set())
    if (user.id, annotation.series_id) not in seen:
        try:
            access.require_series(db, user, annotation.series_id)
        except NotFound:
            raise NotFound(f"annotation {annotation_id} not found") from None
        seen.add((user.id, annotation.series_id))
    return annotation


def list_annotations(
    db: Session,
    *,
    user: User,
    project_id: int | None = None,
    series_id: int | None = None,
    task_id: int | None = None,
    label_id: int | None = None,
    status: AnnotationStatus | None = None,
    include_withdrawn: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[Annotation], int]:
    """Annotations on images ``user`` may see; withdrawn ones only with ``include_withdrawn``."""
    query = select(Annotation)
    if not include_withdrawn:
        query = query.where(Annotation.withdrawn_at.is_(None))
    visible = access.visible_series_ids(user)
    if visible is not None:
        query = query.where(Annotation.series_id.in_(visible))
    if project_id is not None:
        query = query.where(Annotation.project_id == project_id)
    if series_id is not None:
        query = query.where(Annotation.series_id == series_id)
    if label_id is not None:
        query = query.where(Annotation.label_id == label_id)
    if status is not None:
        query = query.where(Annotation.status == status)
    if task_id is not None:
        query = query.where(
            Annotation.task_item_id.in_(select(TaskItem.id).where(TaskItem.task_id == task_id))
        )
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.scalars(query.order_by(Annotation.id).limit(limit).offset(offset)).all()
    return list(rows), total


def version(db: Session, annotation: Annotation, number: int) -> AnnotationVersion:
    found = db.scalar(
        select(AnnotationVersion).where(
            AnnotationVersion.annotation_id == annotation.id, AnnotationVersion.number == number
        )
    )
    if found is None:
        raise NotFound(f"annotation {annotation.id} has no version {number}")
    return found


def head(db: Session, annotation: Annotation) -> AnnotationVersion | None:
    return db.get(AnnotationVersion, annotation.head_version_id) if annotation.head_version_id else None


def history(db: Session, *, annotation: Annotation) -> list[AnnotationVersion]:
    return list(
        db.scalars(
            select(AnnotationVersion)
            .where(AnnotationVersion.annotation_id == annotation.id)
            .order_by(AnnotationVersion.number)
        ).all()
    )


# -- creating and saving --------------------------------------------------------------


def create(
    db: Session,
    *,
    annotation_in: AnnotationCreate,
    user: User,
    actor: Actor,
    store: LabelmapStore,
    source: str = "save",
    commit: bool = True,
    read_db: Session | None = None,
) -> Annotation:
    """A new annotation with its first version (the content sent, or an empty labelmap).

    Checks and content preparation read through ``read_db`` when given (see
    the module docstring); ``db`` then only inserts the rows.
    """
    annotation = _checked_new_annotation(read_db or db, annotation_in, user)
    stored = annotation_content.prepare(
        read_db or db, annotation=annotation, body=annotation_in.content, parent=None, store=store
    )
    finish_reading(read_db, db)
    db.add(annotation)
    db.flush()
    meta = SaveMeta(annotation_in.active_seconds, annotation_in.tool, annotation_in.client, source)
    commit_version(
        db,
        annotation=annotation,
        base=0,
        content=stored.content,
        content_hash=stored.content_hash,
        user=user,
        meta=meta,
    )
    audit.record(
        db,
        actor=actor,
        action="annotation.create",
        object_type="annotation",
        object_id=annotation.id,
        details={
            "kind": annotation.kind.value,
            "series_id": annotation.series_id,
            "label_id": annotation.label_id,
            "source": source,
        },
    )
    if commit:
        db.commit()
    return annotation


def _checked_new_annotation(db: Session, annotation_in: AnnotationCreate, user: User) -> Annotation:
    """The annotation ``annotation_in`` asks for, every reference checked; not added to a session."""
    project = projects.get(db, annotation_in.project_id, user=user)
    label = db.get(Label, annotation_in.label_id)
    if label is None or label.project_id != project.id:
        raise InvalidInput(f"label {annotation_in.label_id} is not a label of project {project.id}")
    kind = AnnotationKind(annotation_in.content.kind)
    expected_kind = annotation_content.LABEL_KIND[kind]
    if label.kind != expected_kind:
        raise InvalidInput(
            f"a {kind.value} annotation needs a {expected_kind.value} label, not {label.kind.value}"
        )
    if label.is_retired:
        raise InvalidInput(f"label {label.name!r} is retired")
    access.require_series(db, user, annotation_in.series_id)
    if not projects.series_in_project(db, project.id, {annotation_in.series_id}):
        raise InvalidInput(f"series {annotation_in.series_id} is not in project {project.id}")
    if annotation_in.instance_id is not None:
        instance = db.get(Instance, annotation_in.instance_id)
        if instance is None or instance.series_fk != annotation_in.series_id:
            raise InvalidInput(
                f"instance {annotation_in.instance_id} is not in series {annotation_in.series_id}"
            )
    if kind in (AnnotationKind.BOX, AnnotationKind.CONTOUR) and annotation_in.instance_id is None:
        raise InvalidInput(f"a {kind.value} is drawn on an instance: give instance_id")
    task_item = _check_task_item(db, annotation_in, user)
    _check_assignment(db, annotation_in)
    check_writer(db, project.id, user)
    annotation = Annotation(
        project_id=project.id,
        label_id=label.id,
        kind=kind,
        series_id=annotation_in.series_id,
        instance_id=annotation_in.instance_id,
        phase=annotation_in.phase,
        task_item_id=task_item.id if task_item else None,
        label_assignment_id=annotation_in.label_assignment_id,
        created_by_id=user.id,
        client_key=annotation_in.client_key,
        client_sequence=annotation_in.client_sequence,
    )
    if kind == AnnotationKind.LABELMAP:
        annotation.shape = list(
            annotation_images.labelmap_shape(db, annotation_in.series_id, annotation_in.phase)
        )
    return annotation


def save(
    db: Session,
    *,
    annotation_id: int,
    save_in: VersionSave,
    user: User,
    actor: Actor,
    store: LabelmapStore,
    patch: LabelmapPatch | None = None,
    read_db: Session | None = None,
) -> AnnotationVersion:
    """A new version on top of ``save_in.base_version``; 409 with the head when the base is stale.

    Checks and content preparation read through ``read_db`` when given (see
    the module docstring); ``db`` then only runs the compare-and-swap.
    """
    reader = read_db or db
    annotation = get(reader, annotation_id, user=user)
    check_editable(reader, annotation, user)
    base = save_in.base_version
    if base != annotation.version_count:
        raise stale(reader, annotation, base)
    current = head(reader, annotation)  # version ``base``, or a later one that then loses the swap
    parent = current.content if current is not None else None
    stored = annotation_content.prepare(
        reader, annotation=annotation, body=save_in.content, parent=parent, store=store, patch=patch
    )
    finish_reading(read_db, db)
    new = commit_version(
        db,
        annotation=in_session(db, annotation),
        base=base,
        content=stored.content,
        content_hash=stored.content_hash,
        user=user,
        meta=SaveMeta(save_in.active_seconds, save_in.tool, save_in.client, "save"),
    )
    audit.record(
        db,
        actor=actor,
        action="annotation.version",
        object_type="annotation",
        object_id=annotation.id,
        details={"version": new.number, "active_seconds": new.active_seconds, "tool": new.tool},
    )
    db.commit()
    return new


def restore(
    db: Session, *, annotation_id: int, number: int, base_version: int, user: User, actor: Actor
) -> AnnotationVersion:
    """Version ``number``'s content as a new head version (history is never rewritten)."""
    annotation = get(db, annotation_id, user=user)
    check_editable(db, annotation, user)
    old = version(db, annotation, number)
    new = commit_version(
        db,
        annotation=annotation,
        base=base_version,
        content=old.content,
        content_hash=old.content_hash,
        user=user,
        meta=SaveMeta(source="restore", restored_from=number),
    )
    audit.record(
        db,
        actor=actor,
        action="annotation.restore",
        object_type="annotation",
        object_id=annotation.id,
        details={"version": new.number, "restored_from": number},
    )
    db.commit()
    return new


def finish_reading(read_db: Session | None, db: Session) -> None:
    """End the read transaction of ``read_db`` (giving back its connection) before ``db`` writes."""
    if read_db is not None and read_db is not db:
        read_db.commit()


def in_session(db: Session, annotation: Annotation) -> Annotation:
    """``annotation`` as an object of ``db`` (itself when read through ``db``); NotFound if gone since."""
    found = db.get(Annotation, annotation.id)
    if found is None:
        raise NotFound(f"annotation {annotation.id} not found")
    return found


def commit_version(
    db: Session,
    *,
    annotation: Annotation,
    base: int,
    content: dict[str, Any],
    content_hash: str,
    user: User | None,
    meta: SaveMeta,
) -> AnnotationVersion:
    """Move the head from version ``base`` to a new version, or raise 409 if someone moved it first."""
    now = utcnow()
    swapped = db.execute(
        update(Annotation)
        .where(Annotation.id == annotation.id, Annotation.version_count == base)
        .values(version_count=base + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if swapped.rowcount != 1:  # type: ignore[attr-defined]
        db.rollback()
        raise stale(db, annotation, base)
    parent_id = annotation.head_version_id
    new = AnnotationVersion(
        annotation_id=annotation.id,
        number=base + 1,
        parent_id=parent_id,
        author_id=user.id if user else None,
        created_at=now,
        active_seconds=max(0, int(meta.active_seconds)),
        source=meta.source,
        restored_from=meta.restored_from,
        tool=meta.tool[:64],
        client=meta.client or {},
        content=content,
        content_hash=content_hash,
    )
    db.add(new)
    db.flush()
    annotation.version_count = base + 1
    annotation.head_version_id = new.id
    annotation.updated_at = now
    if annotation.status == AnnotationStatus.final:
        annotation.status = AnnotationStatus.open
    return new


def stale(db: Session, annotation: Annotation, base: int | None) -> Conflict:
    """409 carrying the current head, read fresh from the database."""
    db.expire(annotation)
    current = head(db, annotation)
    summary = None
    if current is not None:
        summary = {
            "id": current.id,
            "number": current.number,
            "author_id": current.author_id,
            "created_at": current.created_at.isoformat(),
            "content_hash": current.content_hash,
        }
    return Conflict(
        {
            "message": f"version {base or 0} is not the head of annotation {annotation.id} any more "
            f"(head is version {annotation.version_count}); reload and merge your changes",
            "base_version": base or 0,
            "head": summary,
        }
    )


# -- checks ---------------------------------------------------------------------------


def check_writer(db: Session, project_id: int, user: User) -> None:
    if user.is_admin:
        return
    if not projects.is_member(db, project_id, user.id):
        raise NotFound(f"project {project_id} not found")


def check_editable(db: Session, annotation: Annotation, user: User) -> None:
    """``user`` may write to ``annotation`` now: a member of its project, and it is not withdrawn."""
    check_writer(db, annotation.project_id, user)
    if annotation.withdrawn_at is not None:
        raise Conflict(
            {
                "message": f"annotation {annotation.id} is withdrawn; reinstate it before changing it",
                "withdrawn": True,
                "version_count": annotation.version_count,
            }
        )


def _check_task_item(db: Session, annotation_in: AnnotationCreate, user: User) -> TaskItem | None:
    if annotation_in.task_item_id is None:
        return None
    item = db.get(TaskItem, annotation_in.task_item_id)
    task = db.get(Task, item.task_id) if item else None
    if item is None or task is None or (task.assignee_id != user.id and not user.is_admin):
        raise InvalidInput(f"task item {annotation_in.task_item_id} is not an item of your tasks")
    if task.project_id != annotation_in.project_id or item.series_id != annotation_in.series_id:
        raise InvalidInput(f"task item {item.id} is about another project or series")
    if task.status == TaskStatus.cancelled:
        raise InvalidInput(f"task {task.id} is cancelled")
    return item


def _check_assignment(db: Session, annotation_in: AnnotationCreate) -> None:
    if annotation_in.label_assignment_id is None:
        return
    assignment = db.get(LabelAssignment, annotation_in.label_assignment_id)
    if (
        assignment is None
        or assignment.project_id != annotation_in.project_id
        or assignment.series_id != annotation_in.series_id
        or assignment.label_id != annotation_in.label_id
    ):
        raise InvalidInput(
            f"label assignment {annotation_in.label_assignment_id} is not for this label and image"
        )


def require_reviewable(annotation: Annotation) -> None:
    if annotation.version_count == 0:
        raise Conflict(f"annotation {annotation.id} has no version to review")
