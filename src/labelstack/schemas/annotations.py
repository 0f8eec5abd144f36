"""Annotations, versions and drafts in and out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from labelstack.annotations.enums import AnnotationKind
from labelstack.models import AnnotationStatus
from labelstack.schemas.annotation_content import AnnotationContent
from labelstack.schemas.common import ReadModel

MAX_ACTIVE_SECONDS = 24 * 3600


class _Meta(BaseModel):
    active_seconds: int = Field(default=0, ge=0, le=MAX_ACTIVE_SECONDS, description="sent by the client")
    tool: str = Field(default="", max_length=64)
    client: dict[str, Any] | None = Field(default=None, description="client name, version, viewport ...")


class AnnotationCreate(_Meta):
    project_id: int
    label_id: int
    series_id: int
    instance_id: int | None = None
    phase: str = Field(default="", max_length=32)
    task_item_id: int | None = None
    label_assignment_id: int | None = None
    content: AnnotationContent
    client_key: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]{16,64}$",
        description="the client's own key for this annotation: the same create sent again (a retry, or "
        "a closing tab's last save while the first is on its way) finds the annotation instead of making "
        "another",
    )
    client_sequence: int = Field(
        default=0,
        ge=0,
        description="orders the bodies sent with one client_key: a body newer than the last one taken in "
        "becomes a version, an older one arriving late changes nothing",
    )


class VersionSave(_Meta):
    base_version: int = Field(ge=0, description="number of the version this save builds on")
    content: AnnotationContent


class DraftSave(VersionSave):
    """Autosave: ``active_seconds`` is the time since the previous draft."""


class BaseVersion(BaseModel):
    base_version: int = Field(ge=0)


class Withdrawal(BaseVersion):
    """Withdrawing an annotation: the version the client last saw, and the time spent since its last save."""

    active_seconds: int = Field(default=0, ge=0, le=86_400)


class AnnotationRead(ReadModel):
    id: int
    project_id: int
    label_id: int
    kind: AnnotationKind
    series_id: int
    instance_id: int | None
    phase: str
    task_item_id: int | None
    label_assignment_id: int | None
    status: AnnotationStatus
    shape: list[int] | None
    version_count: int
    head_version_id: int | None
    final_version_id: int | None
    review_count: int
    created_by_id: int | None
    created_at: datetime
    updated_at: datetime
    withdrawn_at: datetime | None = None
    withdrawn_by_id: int | None = None
    client_key: str | None = Field(
        default=None, description="the creating client's key for it (see AnnotationCreate.client_key)"
    )


class VersionSummary(ReadModel):
    id: int
    annotation_id: int
    number: int
    parent_id: int | None
    author_id: int | None
    created_at: datetime
    active_seconds: int
    source: str
    restored_from: int | None
    tool: str
    client: dict[str, Any]
    content_hash: str


class VersionRead(VersionSummary):
    content: dict[str, Any]


class DraftRead(ReadModel):
    annotation_id: int
    author_id: int
    base_number: int
    content: dict[str, Any]
    content_hash: str
    active_seconds: int
    saves: int
    tool: str
    updated_at: datetime
