"""Labels of a project: unique names, and retirement instead of deletion once in use."""

from __future__ import annotations

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from labelstack.models import Label, LabelAssignment, LabelKind, User
from labelstack.schemas.labels import LabelCreate, LabelUpdate
from labelstack.services import audit, projects
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, InvalidInput, NotFound


def get(db: Session, label_id: int, *, user: User | None = None) -> Label:
    label = db.get(Label, label_id)
    if label is None:
        raise NotFound(f"label {label_id} not found")
    if user is not None:
        try:
            projects.get(db, label.project_id, user=user)
        except NotFound:
            raise NotFound(f"label {label_id} not found") from None
    return label


def list_labels(db: Session, *, project_id: int, user: User, include_retired: bool = True) -> list[Label]:
    projects.get(db, project_id, user=user)
    query = select(Label).where(Label.project_id == project_id)
    if not include_retired:
        query = query.where(Label.is_retired.is_(False))
    return list(db.scalars(query.order_by(Label.name, Label.id)).all())


def create(db: Session, *, label_in: LabelCreate, actor: Actor) -> Label:
    projects.get(db, label_in.project_id)
    _name_free(db, label_in.project_id, label_in.name)
    label = Label(**label_in.model_dump())
    db.add(label)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="label.create",
        object_type="label",
        object_id=label.id,
        details={"project_id": label.project_id, "name": label.name, "kind": label.kind.value},
    )
    db.commit()
    return label


def update(db: Session, *, label_id: int, label_in: LabelUpdate, actor: Actor) -> Label:
    label = get(db, label_id)
    changes = {k: v for k, v in label_in.model_dump(exclude_unset=True).items() if v is not None}
    if "name" in changes and changes["name"].lower() != label.name.lower():
        _name_free(db, label.project_id, changes["name"])
    if changes.get("allowed_values") and label.kind != LabelKind.classification:
        raise InvalidInput("allowed values are only for classification labels")
    recorded = {k: v for k, v in changes.items() if getattr(label, k) != v}
    for key, value in recorded.items():
        setattr(label, key, value)
    if recorded:
        action = "label.update"
        if recorded.keys() == {"is_retired"}:
            action = "label.retire" if label.is_retired else "label.restore"
        audit.record(
            db, actor=actor, action=action, object_type="label", object_id=label.id, details=recorded
        )
    db.commit()
    return label


def delete(db: Session, *, label_id: int, actor: Actor) -> None:
    """Delete a label nobody has used; a label in use must be retired so old work keeps its meaning."""
    label = get(db, label_id)
    if in_use(db, label_id):
        raise Conflict(f"label {label.name!r} is in use; retire it instead")
    db.delete(label)
    audit.record(
        db,
        actor=actor,
        action="label.delete",
        object_type="label",
        object_id=label_id,
        details={"project_id": label.project_id, "name": label.name},
    )
    db.commit()


def in_use(db: Session, label_id: int) -> bool:
    return bool(db.scalar(select(exists().where(LabelAssignment.label_id == label_id))))


def _name_free(db: Session, project_id: int, name: str) -> None:
    taken = db.scalar(
        select(Label.id).where(Label.project_id == project_id, func.lower(Label.name) == name.lower())
    )
    if taken is not None:
        raise Conflict(f"project {project_id} already has a label named {name!r}")
