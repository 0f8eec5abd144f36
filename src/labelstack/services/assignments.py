"""Label assignments: "annotate label L on image X", created in bulk by admins.

An assignment is ``pending`` until a task holds it, ``in_task`` while a live
task does, and ``done`` when its item is finished. Cancelling the task hands
it back (pending, no task) so it can be packed again.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.models import AssignmentStatus, Label, LabelAssignment, User
from labelstack.schemas.labels import AssignmentsCreate
from labelstack.services import audit, projects
from labelstack.services.audit import Actor
from labelstack.services.errors import InvalidInput


def create_many(
    db: Session, *, project_id: int, request: AssignmentsCreate, actor: Actor
) -> tuple[list[LabelAssignment], int]:
    """Assign every label to every image; existing pairs are kept, not duplicated."""
    projects.get(db, project_id)
    label_ids = sorted(set(request.label_ids))
    labels = {
        label.id: label
        for label in db.scalars(
            select(Label).where(Label.id.in_(label_ids), Label.project_id == project_id)
        ).all()
    }
    if missing := [i for i in label_ids if i not in labels]:
        raise InvalidInput(f"unknown label(s) in project {project_id}: {missing}")
    if retired := [labels[i].name for i in label_ids if labels[i].is_retired]:
        raise InvalidInput(f"retired label(s) cannot be assigned: {retired}")
    series_ids = set(request.series_ids)
    if missing_series := series_ids - projects.series_in_project(db, project_id, series_ids):
        raise InvalidInput(f"series not in project {project_id}: {sorted(missing_series)[:20]}")
    instance_ids = set(request.instance_ids)
    instance_series = projects.instances_in_project(db, project_id, instance_ids)
    if missing_instances := instance_ids - set(instance_series):
        raise InvalidInput(f"instances not in project {project_id}: {sorted(missing_instances)[:20]}")
    if not series_ids and not instance_ids:
        raise InvalidInput("select at least one series or instance")
    images = [(s, None) for s in sorted(series_ids)] + [(instance_series[i], i) for i in sorted(instance_ids)]
    existing = set(
        db.execute(
            select(LabelAssignment.label_id, LabelAssignment.series_id, LabelAssignment.instance_id).where(
                LabelAssignment.project_id == project_id, LabelAssignment.label_id.in_(label_ids)
            )
        ).all()
    )
    created = [
        LabelAssignment(
            project_id=project_id,
            label_id=label_id,
            series_id=series_id,
            instance_id=instance_id,
            created_by_id=actor.user_id,
        )
        for label_id in label_ids
        for series_id, instance_id in images
        if (label_id, series_id, instance_id) not in existing
    ]
    db.add_all(created)
    db.flush()
    audit.record(
        db,
        actor=actor,
        action="assignment.create",
        object_type="project",
        object_id=project_id,
        details={"labels": label_ids, "images": len(images), "created": len(created)},
    )
    db.commit()
    return created, len(label_ids) * len(images) - len(created)


def list_assignments(
    db: Session,
    *,
    project_id: int,
    user: User,
    label_id: int | None = None,
    status: AssignmentStatus | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[LabelAssignment], int]:
    projects.get(db, project_id, user=user)
    conditions = [LabelAssignment.project_id == project_id]
    if label_id is not None:
        conditions.append(LabelAssignment.label_id == label_id)
    if status is not None:
        conditions.append(LabelAssignment.status == status)
    total = db.scalar(select(func.count()).select_from(LabelAssignment).where(*conditions)) or 0
    rows = db.scalars(
        select(LabelAssignment).where(*conditions).order_by(LabelAssignment.id).limit(limit).offset(offset)
    ).all()
    return list(rows), total
