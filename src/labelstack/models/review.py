"""Reviews of annotation versions, numbered per annotation, and the comments they carry."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Enum, Float, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from labelstack.db.base import Base
from labelstack.db.types import UTCDateTime, utcnow


class ReviewOutcome(StrEnum):
    """A reviewer's decision on one version."""

    accept = "accept"
    request_correction = "request_correction"
    comment = "comment"


class Review(Base):
    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("annotation_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    annotation_id: Mapped[int] = mapped_column(ForeignKey("annotations.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer, doc="1, 2, 3 ... per annotation")
    version_id: Mapped[int] = mapped_column(
        ForeignKey("annotation_versions.id", ondelete="CASCADE"), index=True
    )
    task_item_id: Mapped[int | None] = mapped_column(ForeignKey("task_items.id", ondelete="SET NULL"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    outcome: Mapped[ReviewOutcome] = mapped_column(
        Enum(ReviewOutcome, name="review_outcome", native_enum=False, length=24)
    )
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReviewComment(Base):
    """A remark of a review, optionally pinned to a slice and a point on it."""

    __tablename__ = "review_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    slice_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    x: Mapped[float | None] = mapped_column(Float, nullable=True)
    y: Mapped[float | None] = mapped_column(Float, nullable=True)
