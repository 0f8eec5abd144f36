"""Reviews of annotation versions by the reviewer of a review task."""

from __future__ import annotations

from fastapi import APIRouter, status

from labelstack.api.deps import CurrentCaller, CurrentUser, DbSession
from labelstack.schemas.annotations import AnnotationRead, VersionRead, VersionSummary
from labelstack.schemas.reviews import PinnedCommentRead, ReviewContextRead, ReviewCreate, ReviewRead
from labelstack.schemas.tasks import TaskItemRead
from labelstack.services import review_context, reviews

router = APIRouter(prefix="/reviews", tags=["reviews"])


@router.post("", response_model=ReviewRead, status_code=status.HTTP_201_CREATED)
def create_review(body: ReviewCreate, caller: CurrentCaller, db: DbSession) -> ReviewRead:
    """Accept, request a correction of, or comment on the version a review item points at."""
    return ReviewRead.model_validate(reviews.create(db, review_in=body, user=caller.user, actor=caller.actor))


@router.get("/tasks/{task_id}/items/{index}", response_model=ReviewContextRead)
def review_screen(task_id: int, index: int, user: CurrentUser, db: DbSession) -> ReviewContextRead:
    """The version a review item points at, with the annotation's versions, reviews and people."""
    context = review_context.for_item(db, task_id=task_id, index=index, user=user)
    return ReviewContextRead(
        item=TaskItemRead.model_validate(context.item),
        annotation=AnnotationRead.model_validate(context.annotation),
        version=VersionRead.model_validate(context.version),
        versions=[VersionSummary.model_validate(v) for v in context.versions],
        reviews=[
            ReviewRead.model_validate(r).model_copy(
                update={"comments": [PinnedCommentRead.model_validate(c) for c in comments]}
            )
            for r, comments in context.reviews
        ],
        people=context.people,
    )
