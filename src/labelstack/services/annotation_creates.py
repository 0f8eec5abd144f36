"""A client's create of an annotation, taken in once however often it arrives.

The viewer creates an annotation with its first save. That create can reach
the server more than once: the browser retries after an answer that never
came, or a closing tab sends its last save as a keepalive request while the
first create is still on its way (the tab can no longer wait for the id).
Made twice, the annotation would exist twice, and whichever the viewer found
first on reopening the item would hide the other's strokes.

So the client names the annotation with a key of its own (``client_key``,
unique per creator) and numbers its bodies (``client_sequence``). A create
whose key is already taken finds that annotation instead: a newer body than
the last one taken in becomes its next version (a labelmap's slices are
whole, so they land the same on the head as on an empty labelmap); an older
one, overtaken on the way, changes nothing. Either way the answer is the
annotation, with 200 instead of 201.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labelstack.annotations.enums import AnnotationKind
from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.models import Annotation, User
from labelstack.schemas.annotations import AnnotationCreate, VersionSave
from labelstack.services import annotation_versions
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict


def create_once(
    db: Session,
    *,
    annotation_in: AnnotationCreate,
    user: User,
    actor: Actor,
    store: LabelmapStore,
    read_db: Session | None = None,
) -> tuple[Annotation, bool]:
    """The annotation ``annotation_in`` creates, and whether it was made now (False: found by its key)."""
    key = annotation_in.client_key
    if key is not None:
        existing = _by_key(read_db or db, user, key)
        if existing is not None:
            return _repeat(db, existing, annotation_in, user=user, actor=actor, store=store), False
    try:
        created = annotation_versions.create(
            db, annotation_in=annotation_in, user=user, actor=actor, store=store, read_db=read_db
        )
    except IntegrityError:
        # The same key's other create committed between the look-up and this insert.
        db.rollback()
        existing = _by_key(db, user, key) if key is not None else None
        if existing is None:
            raise
        return _repeat(db, existing, annotation_in, user=user, actor=actor, store=store), False
    return created, True


def _by_key(db: Session, user: User, key: str) -> Annotation | None:
    return db.scalars(
        select(Annotation).where(Annotation.created_by_id == user.id, Annotation.client_key == key)
    ).one_or_none()


def _repeat(
    db: Session,
    annotation: Annotation,
    annotation_in: AnnotationCreate,
    *,
    user: User,
    actor: Actor,
    store: LabelmapStore,
) -> Annotation:
    """``annotation``, found by the key of ``annotation_in``: its body taken in if newer."""
    annotation = annotation_versions.get(db, annotation.id, user=user)
    if _target(annotation) != _target_of(annotation_in):
        raise Conflict(f"client_key {annotation_in.client_key!r} names another annotation")
    if annotation_in.client_sequence <= annotation.client_sequence:
        return annotation
    # Claimed first, in the save's transaction: a save that loses its compare-and-swap rolls it back.
    claimed = db.execute(
        update(Annotation)
        .where(Annotation.id == annotation.id, Annotation.client_sequence < annotation_in.client_sequence)
        .values(client_sequence=annotation_in.client_sequence)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        db.rollback()  # (a newer body of the same key came in meanwhile)
        return annotation_versions.get(db, annotation.id, user=user)
    annotation_versions.save(
        db,
        annotation_id=annotation.id,
        save_in=VersionSave(
            base_version=annotation.version_count,
            content=annotation_in.content,
            active_seconds=annotation_in.active_seconds,
            tool=annotation_in.tool,
            client=annotation_in.client,
        ),
        user=user,
        actor=actor,
        store=store,
    )
    db.refresh(annotation)
    return annotation


def _target(annotation: Annotation) -> tuple[object, ...]:
    return (
        annotation.project_id,
        annotation.label_id,
        annotation.series_id,
        annotation.instance_id,
        annotation.phase,
        annotation.kind,
    )


def _target_of(annotation_in: AnnotationCreate) -> tuple[object, ...]:
    return (
        annotation_in.project_id,
        annotation_in.label_id,
        annotation_in.series_id,
        annotation_in.instance_id,
        annotation_in.phase,
        AnnotationKind(annotation_in.content.kind),
    )
