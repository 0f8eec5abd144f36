"""Boxes and contours on an image: validated against the image they are drawn on.

Coordinates are continuous image coordinates in pixels, as COCO uses them:
x along a row, y down a column, the top-left corner of the first pixel at
(0, 0), so a point is on the image when 0 <= x <= columns and 0 <= y <= rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from labelstack.annotations.enums import SplineType
from labelstack.annotations.errors import AnnotationFormatError


@dataclass(frozen=True)
class ImageSize:
    rows: int
    columns: int
    frames: int = 1

    def check_point(self, x: float, y: float, *, what: str) -> None:
        if not (np.isfinite(x) and np.isfinite(y)):
            raise AnnotationFormatError(f"{what} has a coordinate that is not a finite number")
        if not (0 <= x <= self.columns and 0 <= y <= self.rows):
            raise AnnotationFormatError(
                f"{what} ({x:g}, {y:g}) is off the {self.columns}x{self.rows} image (columns x rows)"
            )

    def check_frame(self, frame: int, *, what: str) -> None:
        if not 0 <= frame < self.frames:
            raise AnnotationFormatError(
                f"{what} is on frame {frame}, the image has frames 0..{self.frames - 1}"
            )


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    frame: int = 0

    def validate(self, image: ImageSize) -> None:
        if not (self.width > 0 and self.height > 0):
            raise AnnotationFormatError(
                f"a box needs a positive width and height, not {self.width:g}x{self.height:g}"
            )
        image.check_frame(self.frame, what="box")
        image.check_point(self.x, self.y, what="box corner")
        image.check_point(self.x + self.width, self.y + self.height, what="box corner")

    @property
    def area(self) -> float:
        return self.width * self.height


@dataclass(frozen=True)
class Contour:
    points: tuple[tuple[float, float], ...]
    frame: int = 0
    """Frame of a multi-frame instance, or slice index within a series."""
    closed: bool = True
    spline: SplineType = SplineType.POLYGON

    @classmethod
    def of(
        cls,
        points: Sequence[Sequence[float]],
        *,
        frame: int = 0,
        closed: bool = True,
        spline: SplineType | str = SplineType.POLYGON,
    ) -> Contour:
        try:
            pairs = tuple((float(p[0]), float(p[1])) for p in points)
            if any(len(p) != 2 for p in points):
                raise ValueError
        except (TypeError, ValueError, IndexError):
            raise AnnotationFormatError("contour points must be [x, y] pairs of numbers") from None
        try:
            spline_type = SplineType(spline)
        except ValueError:
            allowed = ", ".join(s.value for s in SplineType)
            raise AnnotationFormatError(f"unknown spline type {spline!r} (allowed: {allowed})") from None
        return cls(pairs, frame, closed, spline_type)

    def validate(self, image: ImageSize) -> None:
        minimum = 3 if self.closed else 2
        if len(self.points) < minimum:
            raise AnnotationFormatError(
                f"a {'closed' if self.closed else 'open'} contour needs at least {minimum} points, "
                f"not {len(self.points)}"
            )
        image.check_frame(self.frame, what="contour")
        for index, (x, y) in enumerate(self.points):
            image.check_point(x, y, what=f"contour point {index}")

    @property
    def area(self) -> float:
        """Area enclosed by the control polygon (shoelace formula)."""
        xy = np.asarray(self.points)
        x, y = xy[:, 0], xy[:, 1]
        return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(x, y, width, height) of the control points."""
        xy = np.asarray(self.points)
        low, high = xy.min(axis=0), xy.max(axis=0)
        return (float(low[0]), float(low[1]), float(high[0] - low[0]), float(high[1] - low[1]))
