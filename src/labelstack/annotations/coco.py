"""COCO object-detection JSON: boxes and polygons on 2-D images, categories from labels.

Images are identified by their SOP Instance UID in ``file_name`` (and the
frame in ``labelstack_frame`` for multi-frame images), so that an import can
find them again in the archive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from labelstack.annotations.errors import AnnotationFormatError, CorruptFile
from labelstack.annotations.shapes import Box, Contour, ImageSize


@dataclass(frozen=True)
class CocoImage:
    image_id: int
    sop_instance_uid: str
    rows: int
    columns: int
    frame: int = 0


@dataclass(frozen=True)
class CocoCategory:
    category_id: int
    name: str
    color: str | None = None
    supercategory: str = "label"


@dataclass(frozen=True)
class CocoObject:
    """One box or polygon, with where it came from for traceability."""

    image_id: int
    category_id: int
    shape: Box | Contour
    attributes: dict[str, Any] = field(default_factory=dict)


def write_coco(
    images: Sequence[CocoImage],
    categories: Sequence[CocoCategory],
    objects: Iterable[CocoObject],
    *,
    description: str = "LabelStack export",
) -> dict[str, Any]:
    annotations = []
    for index, item in enumerate(objects, start=1):
        entry: dict[str, Any] = {
            "id": index,
            "image_id": item.image_id,
            "category_id": item.category_id,
            "iscrowd": 0,
        }
        if isinstance(item.shape, Box):
            box = item.shape
            entry.update(bbox=[box.x, box.y, box.width, box.height], area=box.area, segmentation=[])
        else:
            contour = item.shape
            entry.update(
                bbox=list(contour.bounds),
                area=contour.area,
                segmentation=[[c for point in contour.points for c in point]],
            )
        if item.attributes:
            entry["attributes"] = item.attributes
        annotations.append(entry)
    return {
        "info": {"description": description, "version": "1.0"},
        "images": [
            {
                "id": image.image_id,
                "file_name": image.sop_instance_uid,
                "width": image.columns,
                "height": image.rows,
                "labelstack_frame": image.frame,
            }
            for image in images
        ],
        "categories": [
            {"id": c.category_id, "name": c.name, "supercategory": c.supercategory}
            | ({"color": c.color} if c.color else {})
            for c in categories
        ],
        "annotations": annotations,
    }


class _Image(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int
    file_name: str = Field(min_length=1)
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    labelstack_frame: int = Field(default=0, ge=0)


class _Category(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int
    name: str = Field(min_length=1)


class _Annotation(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int | None = None
    image_id: int
    category_id: int
    bbox: list[float] | None = None
    segmentation: list[list[float]] | dict[str, Any] | None = None
    iscrowd: int = 0


class _Coco(BaseModel):
    model_config = ConfigDict(extra="allow")
    images: list[_Image]
    categories: list[_Category]
    annotations: list[_Annotation]


@dataclass(frozen=True)
class ImportedObject:
    sop_instance_uid: str
    frame: int
    category: str
    shape: Box | Contour


def read_coco(data: bytes | str | dict[str, Any]) -> list[ImportedObject]:
    """Boxes and polygons with the image and category they belong to, each checked against its image.

    A polygon becomes a contour; an annotation with neither polygon nor box,
    or an RLE mask (iscrowd), is refused with its id.
    """
    try:
        parsed = json.loads(data) if isinstance(data, bytes | str) else data
        coco = _Coco.model_validate(parsed)
    except json.JSONDecodeError as exc:
        raise CorruptFile(f"not valid JSON: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CorruptFile(f"not a COCO file: {where}: {first['msg']}") from None
    images = {image.id: image for image in coco.images}
    categories = {category.id: category.name for category in coco.categories}
    objects: list[ImportedObject] = []
    for position, item in enumerate(coco.annotations):
        name = f"annotation {item.id if item.id is not None else f'#{position}'}"
        image = images.get(item.image_id)
        if image is None:
            raise AnnotationFormatError(
                f"{name} refers to image {item.image_id}, which the file does not list"
            )
        if item.category_id not in categories:
            raise AnnotationFormatError(f"{name} refers to unknown category {item.category_id}")
        size = ImageSize(rows=image.height, columns=image.width, frames=image.labelstack_frame + 1)
        shapes = _shapes_of(item, name, image.labelstack_frame)
        for shape in shapes:
            try:
                shape.validate(size)
            except AnnotationFormatError as exc:
                raise AnnotationFormatError(f"{name}: {exc.detail}") from None
            objects.append(
                ImportedObject(image.file_name, image.labelstack_frame, categories[item.category_id], shape)
            )
    return objects


def _shapes_of(item: _Annotation, name: str, frame: int) -> list[Box | Contour]:
    if isinstance(item.segmentation, dict) or item.iscrowd:
        raise AnnotationFormatError(f"{name} is an RLE mask; only boxes and polygons are imported from COCO")
    polygons = [p for p in (item.segmentation or []) if p]
    if polygons:
        shapes: list[Box | Contour] = []
        for polygon in polygons:
            if len(polygon) % 2:
                raise AnnotationFormatError(f"{name} has a polygon with an odd number of coordinates")
            points = [polygon[i : i + 2] for i in range(0, len(polygon), 2)]
            shapes.append(Contour.of(points, frame=frame))
        return shapes
    if item.bbox is not None:
        if len(item.bbox) != 4:
            raise AnnotationFormatError(f"{name} bbox must be [x, y, width, height]")
        x, y, width, height = item.bbox
        return [Box(x, y, width, height, frame)]
    raise AnnotationFormatError(f"{name} has neither a bbox nor a polygon")
