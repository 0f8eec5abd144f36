"""What a client sends as the content of an annotation, one model per kind."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from labelstack.annotations.enums import QCDecision, SplineType


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ClassificationValue(_Content):
    label_id: int
    value: str | None = Field(default=None, max_length=200)


class ClassificationContent(_Content):
    kind: Literal["classification"] = "classification"
    values: list[ClassificationValue] = Field(min_length=1, max_length=100)
    tentative: bool = False
    bad_quality: bool = False
    comment: str = Field(default="", max_length=10_000)


class BoxContent(_Content):
    kind: Literal["box"] = "box"
    x: float
    y: float
    width: float
    height: float
    frame: int = Field(default=0, ge=0)


class ContourContent(_Content):
    kind: Literal["contour"] = "contour"
    points: list[tuple[float, float]] = Field(min_length=2, max_length=100_000)
    closed: bool = True
    spline: SplineType = SplineType.POLYGON
    frame: int = Field(default=0, ge=0, description="frame of the instance")


class QCContent(_Content):
    kind: Literal["qc"] = "qc"
    decision: QCDecision
    comment: str = Field(default="", max_length=10_000)


class SegmentRef(_Content):
    number: int = Field(ge=1, le=65535)
    label_id: int


class LabelmapContent(_Content):
    """Changed slices on top of the base version (``patch`` in the JSON patch form), and the segments."""

    kind: Literal["labelmap"] = "labelmap"
    segments: list[SegmentRef] = Field(min_length=1, max_length=1000)
    patch: dict[str, Any] | None = None


AnnotationContent = Annotated[
    ClassificationContent | BoxContent | ContourContent | QCContent | LabelmapContent,
    Field(discriminator="kind"),
]
