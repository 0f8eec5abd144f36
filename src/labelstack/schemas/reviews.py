"""Reviews in and out."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from labelstack.models import ReviewOutcome
from labelstack.schemas.annotations import AnnotationRead, VersionRead, VersionSummary
from labelstack.schemas.common import ReadModel
from labelstack.schemas.tasks import TaskItemRead


class PinnedComment(BaseModel):
    text: str = Field(min_length=1, max_length=10_000)
    slice_index: int | None = Field(default=None, ge=0)
    x: float | None = None
    y: float | None = None


class ReviewCreate(BaseModel):
    task_item_id: int
    outcome: ReviewOutcome
    comment: str = Field(default="", max_length=10_000)
    comments: list[PinnedComment] = Field(default_factory=list, max_length=500)


class PinnedCommentRead(ReadModel):
    text: str
    slice_index: int | None
    x: float | None
    y: float | None


class ReviewRead(ReadModel):
    id: int
    annotation_id: int
    number: int
    version_id: int
    task_item_id: int | None
    reviewer_id: int | None
    outcome: ReviewOutcome
    comment: str
    created_at: datetime
    comments: list[PinnedCommentRead] = Field(default_factory=list)


class ReviewContextRead(BaseModel):
    """The review screen of one review item: the version under review and the annotation's history."""

    item: TaskItemRead
    annotation: AnnotationRead
    version: VersionRead
    versions: list[VersionSummary]
    reviews: list[ReviewRead]
    people: dict[int, str]
