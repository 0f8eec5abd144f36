"""QC decisions in and out."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from labelstack.annotations.enums import QCDecision
from labelstack.schemas.annotations import MAX_ACTIVE_SECONDS
from labelstack.schemas.common import ReadModel
from labelstack.schemas.tasks import TaskItemRead


class QcDecide(BaseModel):
    phase: str = Field(default="", max_length=32, description="time point number; '' for a 3D series")
    decision: QCDecision
    comment: str = Field(default="", max_length=10_000)
    active_seconds: int = Field(default=0, ge=0, le=MAX_ACTIVE_SECONDS)


class QcDecisionRead(ReadModel):
    item_id: int
    index: int
    series_id: int
    phase: str
    annotation_id: int
    version: int
    decision: QCDecision
    comment: str
    decided_at: datetime


class QcTimePoint(ReadModel):
    phase: str
    name: str


class QcSegmentation(ReadModel):
    annotation_id: int
    label_id: int
    phase: str
    version: int


class QcItemContext(BaseModel):
    item: TaskItemRead
    time_points: list[QcTimePoint]
    segmentations: list[QcSegmentation]
    decisions: list[QcDecisionRead]


class QcTaskDecisions(BaseModel):
    decisions: list[QcDecisionRead]
    counts: dict[str, int]
