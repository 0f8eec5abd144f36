"""Labels and label assignments as the API sees them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field, model_validator

from labelstack.models.label import AssignmentStatus, LabelKind
from labelstack.schemas.common import ReadModel

COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"


class LabelCreate(BaseModel):
    project_id: int
    name: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=5000)
    color: str = Field(default="#e6194b", pattern=COLOR_PATTERN)
    kind: LabelKind
    allowed_values: list[str] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _values_fit_kind(self) -> LabelCreate:
        _check_values(self.kind, self.allowed_values)
        return self


class LabelUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=120)
    description: str | None = Field(default=None, max_length=5000)
    color: str | None = Field(default=None, pattern=COLOR_PATTERN)
    allowed_values: list[str] | None = Field(default=None, max_length=200)
    is_retired: bool | None = None


def _check_values(kind: LabelKind, values: list[str]) -> None:
    if values and kind != LabelKind.classification:
        raise ValueError("allowed values are only for classification labels")
    if any(not v.strip() for v in values):
        raise ValueError("allowed values must not be blank")
    if len(set(values)) != len(values):
        raise ValueError("allowed values must be unique")


class LabelRead(ReadModel):
    id: int
    project_id: int
    name: str
    description: str
    color: str
    kind: LabelKind
    allowed_values: list[str]
    is_retired: bool
    created_at: datetime


class AssignmentsCreate(BaseModel):
    """Assign every label in ``label_ids`` to every image (whole series and/or single instances)."""

    label_ids: list[int] = Field(min_length=1, max_length=100)
    series_ids: list[int] = Field(default_factory=list, max_length=50_000)
    instance_ids: list[int] = Field(default_factory=list, max_length=50_000)


class AssignmentRead(ReadModel):
    id: int
    project_id: int
    label_id: int
    series_id: int
    instance_id: int | None
    status: AssignmentStatus
    task_id: int | None
    created_at: datetime


class AssignmentsCreated(BaseModel):
    created: list[AssignmentRead]
    already_present: int
