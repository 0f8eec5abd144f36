"""Errors raised by the format and storage core.

They are ``InvalidInput`` so that a bad upload reaching the API through a
service becomes a 422 with the precise message, without each caller
translating.
"""

from __future__ import annotations

from labelstack.services.errors import InvalidInput


class AnnotationFormatError(InvalidInput):
    """Content that cannot be read or does not fit the image it belongs to."""


class ShapeMismatch(AnnotationFormatError):
    """A labelmap, slice or file whose dimensions differ from its series."""


class UnknownSegment(AnnotationFormatError):
    """Voxels carrying segment numbers that no label is tied to."""


class GeometryError(AnnotationFormatError):
    """Images whose positions or orientations do not form a regular volume."""


class CorruptFile(AnnotationFormatError):
    """A NIfTI, DICOM SEG, COCO or CSV file that cannot be parsed."""
