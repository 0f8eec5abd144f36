"""Projects, their members and their images as the API sees them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from labelstack.schemas.common import ReadModel


class MemberIn(BaseModel):
    user_id: int
    can_annotate: bool = True
    can_review: bool = False


class ProjectCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=10_000)
    members: list[MemberIn] = Field(default_factory=list)


class ProjectUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=10_000)
    is_archived: bool | None = None


class MemberRead(ReadModel):
    user_id: int
    username: str
    full_name: str
    can_annotate: bool
    can_review: bool


class ProjectRead(ReadModel):
    id: int
    name: str
    description: str
    is_archived: bool
    created_at: datetime
    members: list[MemberRead]


class ImagesAdd(BaseModel):
    """Whole series and/or single instances to add to a project."""

    series_ids: list[int] = Field(default_factory=list, max_length=100_000)
    instance_ids: list[int] = Field(default_factory=list, max_length=100_000)


class ProjectImageRead(ReadModel):
    id: int
    series_id: int
    instance_id: int | None
    added_at: datetime


class ImagesAdded(BaseModel):
    added: int
    already_present: int
