"""What a segment of a labelmap means: its number, label, colour and codes.

The same description serves the labelmap (which numbers are allowed), DICOM
SEG (Segment Sequence, PS3.3 C.8.20.2) and NIfTI/COCO exports (names and
colours).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labelstack.annotations.enums import AlgorithmType
from labelstack.annotations.errors import AnnotationFormatError

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Code:
    """A coded concept: (code value, coding scheme designator, code meaning)."""

    value: str
    scheme: str
    meaning: str


#: SNOMED CT "Anatomical Structure": the default category of a segment.
ANATOMICAL_STRUCTURE = Code("91723000", "SCT", "Anatomical Structure")
#: Local coding scheme for label names that have no standard code.
LOCAL_SCHEME = "99LSTK"


@dataclass(frozen=True)
class SegmentInfo:
    number: int
    label: str
    color: str = "#ff0000"
    category: Code = ANATOMICAL_STRUCTURE
    property_type: Code | None = None
    """None: a local code named after the label."""
    algorithm_type: AlgorithmType = AlgorithmType.MANUAL
    algorithm_name: str | None = None
    algorithm_version: str = "1"

    def __post_init__(self) -> None:
        if not 1 <= int(self.number) <= 65535:
            raise AnnotationFormatError(
                f"segment number must be an integer from 1 to 65535, not {self.number}"
            )
        if not self.label.strip():
            raise AnnotationFormatError(f"segment {self.number} needs a label")
        if not _COLOUR.match(self.color):
            raise AnnotationFormatError(
                f"segment {self.number} colour must look like #rrggbb, not {self.color!r}"
            )
        object.__setattr__(self, "algorithm_type", AlgorithmType(str(self.algorithm_type).upper()))
        if self.algorithm_type is not AlgorithmType.MANUAL and not self.algorithm_name:
            raise AnnotationFormatError(
                f"segment {self.number} is {self.algorithm_type.value}: name the algorithm that made it"
            )

    @property
    def rgb(self) -> tuple[int, int, int]:
        return (int(self.color[1:3], 16), int(self.color[3:5], 16), int(self.color[5:7], 16))

    @property
    def type_code(self) -> Code:
        if self.property_type is not None:
            return self.property_type
        value = re.sub(r"[^A-Za-z0-9_.-]", "_", self.label)[:16] or f"SEG{self.number}"
        return Code(value, LOCAL_SCHEME, self.label[:64])


def check_numbers(segments: list[SegmentInfo]) -> None:
    seen: set[int] = set()
    for segment in segments:
        if segment.number in seen:
            raise AnnotationFormatError(f"segment number {segment.number} is used twice")
        seen.add(segment.number)
