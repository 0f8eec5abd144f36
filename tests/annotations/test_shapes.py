from __future__ import annotations

import pytest

from labelstack.annotations.errors import AnnotationFormatError
from labelstack.annotations.shapes import Box, Contour, ImageSize

IMAGE = ImageSize(rows=100, columns=200, frames=3)


def test_valid_shapes_pass_and_measure() -> None:
    Box(0, 0, 200, 100).validate(IMAGE)
    contour = Contour.of([[10, 10], [50, 10], [50, 30]], frame=2, spline="catmull-rom")
    contour.validate(IMAGE)
    assert contour.area == pytest.approx(400)
    assert contour.bounds == (10, 10, 40, 20)


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        (Box(10, 10, 0, 5), "positive width and height"),
        (Box(150, 10, 60, 5), r"box corner \(210, 15\) is off the 200x100 image"),
        (Box(1, 1, 2, 2, frame=3), "frame 3, the image has frames 0..2"),
        (Contour.of([[1, 1], [2, 2]]), "closed contour needs at least 3 points, not 2"),
        (Contour.of([[1, 1], [2, 2], [-1, 5]]), r"contour point 2 \(-1, 5\) is off"),
        (Contour.of([[1, 1], [2, float("nan")], [3, 5]]), "not a finite number"),
    ],
)
def test_shapes_off_the_image_are_refused(shape: Box | Contour, message: str) -> None:
    with pytest.raises(AnnotationFormatError, match=message):
        shape.validate(IMAGE)


def test_malformed_contours_are_refused() -> None:
    with pytest.raises(AnnotationFormatError, match=r"\[x, y\] pairs"):
        Contour.of([[1, 2, 3], [1, 2], [3, 4]])
    with pytest.raises(AnnotationFormatError, match="unknown spline type 'bezier'"):
        Contour.of([[1, 2], [3, 4], [5, 6]], spline="bezier")
