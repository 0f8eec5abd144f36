"""Reviews of annotation versions by the reviewer of a review task."""

from __future__ import annotations

from fastapi import APIRouter, status

from labelstack.api.deps import CurrentCaller, DbSession
from labelstack.schemas.reviews import ReviewCreate, ReviewRead
from labelstack.services import reviews

router = APIRouter(prefix="/reviews", tags=["reviews"])


@router.post("", response_model=ReviewRead, status_code=status.HTTP_201_CREATED)
def create_review(body: ReviewCreate, caller: CurrentCaller, db: DbSession) -> ReviewRead:
    """Accept, request a correction of, or comment on the version a review item points at."""
    return ReviewRead.model_validate(reviews.create(db, review_in=body, user=caller.user, actor=caller.actor))
