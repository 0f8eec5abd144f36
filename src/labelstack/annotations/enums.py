"""Enumerated values of annotations; functions accept the enum or its string."""

from __future__ import annotations

from enum import StrEnum


class AnnotationKind(StrEnum):
    """What an annotation holds."""

    CLASSIFICATION = "classification"
    BOX = "box"
    CONTOUR = "contour"
    LABELMAP = "labelmap"
    QC = "qc"


class QCDecision(StrEnum):
    """A segmentation quality-control verdict (per series and time point)."""

    ACCEPT = "accept"
    REJECT = "reject"
    FINE_TUNE = "fine-tune"
    UNCLASSIFIED = "unclassified"


class SplineType(StrEnum):
    """How a contour's control points are joined."""

    POLYGON = "polygon"
    CATMULL_ROM = "catmull-rom"
    BSPLINE = "bspline"
    LINEAR = "linear"


class AlgorithmType(StrEnum):
    """DICOM Segment Algorithm Type (0062,0008), PS3.3 C.8.20.2."""

    MANUAL = "MANUAL"
    SEMIAUTOMATIC = "SEMIAUTOMATIC"
    AUTOMATIC = "AUTOMATIC"


class SliceCodec(StrEnum):
    """How a client encodes one slice of a labelmap on the wire."""

    ZSTD = "zstd"
    RLE = "rle"
    RAW = "raw"
