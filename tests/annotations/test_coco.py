from __future__ import annotations

import json

import pytest

from labelstack.annotations.coco import CocoCategory, CocoImage, CocoObject, read_coco, write_coco
from labelstack.annotations.errors import AnnotationFormatError, CorruptFile
from labelstack.annotations.shapes import Box, Contour

IMAGES = [
    CocoImage(1, "1.2.3.4", rows=128, columns=128),
    CocoImage(2, "1.2.3.5", rows=64, columns=80, frame=1),
]
CATEGORIES = [CocoCategory(1, "nodule", "#ff0000"), CocoCategory(2, "vessel")]


def test_export_then_import_gives_the_same_shapes() -> None:
    objects = [
        CocoObject(1, 1, Box(10, 20, 30, 40)),
        CocoObject(2, 2, Contour.of([[1, 1], [40, 2], [30, 50]], frame=1), {"tentative": True}),
    ]
    document = write_coco(IMAGES, CATEGORIES, objects)
    text = json.dumps(document)
    assert document["annotations"][0]["bbox"] == [10, 20, 30, 40]
    assert document["annotations"][1]["segmentation"] == [[1, 1, 40, 2, 30, 50]]
    assert document["annotations"][1]["bbox"] == [1, 1, 39, 49]
    assert document["categories"][0] == {
        "id": 1,
        "name": "nodule",
        "supercategory": "label",
        "color": "#ff0000",
    }
    back = read_coco(text)
    assert [(o.sop_instance_uid, o.frame, o.category) for o in back] == [
        ("1.2.3.4", 0, "nodule"),
        ("1.2.3.5", 1, "vessel"),
    ]
    assert back[0].shape == Box(10, 20, 30, 40)
    assert back[1].shape == Contour.of([[1, 1], [40, 2], [30, 50]], frame=1)


def _document(**annotation: object) -> dict[str, object]:
    base: dict[str, object] = {"id": 9, "image_id": 1, "category_id": 1, "bbox": [1, 1, 5, 5]}
    base.update(annotation)
    return {
        "images": [{"id": 1, "file_name": "1.2.3.4", "width": 50, "height": 40}],
        "categories": [{"id": 1, "name": "nodule"}],
        "annotations": [base],
    }


@pytest.mark.parametrize(
    ("annotation", "error", "message"),
    [
        ({"image_id": 7}, AnnotationFormatError, "annotation 9 refers to image 7"),
        ({"category_id": 3}, AnnotationFormatError, "unknown category 3"),
        (
            {"bbox": [40, 1, 20, 5]},
            AnnotationFormatError,
            r"annotation 9: box corner \(60, 6\) is off the 50x40 image",
        ),
        ({"bbox": None, "segmentation": [[1, 1, 2, 2, 60, 3]]}, AnnotationFormatError, "contour point 2"),
        ({"bbox": None, "segmentation": [[1, 1, 2, 2, 3]]}, AnnotationFormatError, "odd number"),
        (
            {"bbox": None, "segmentation": {"counts": "abc", "size": [40, 50]}, "iscrowd": 1},
            AnnotationFormatError,
            "RLE mask",
        ),
        ({"bbox": None}, AnnotationFormatError, "neither a bbox nor a polygon"),
        ({"bbox": [1, 2, 3]}, AnnotationFormatError, r"\[x, y, width, height\]"),
        ({"image_id": "x"}, CorruptFile, "annotations.0.image_id"),
    ],
)
def test_bad_coco_is_refused_precisely(
    annotation: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        read_coco(_document(**annotation))


def test_not_json_or_not_coco() -> None:
    with pytest.raises(CorruptFile, match="not valid JSON"):
        read_coco(b"{nope")
    with pytest.raises(CorruptFile, match="not a COCO file: images"):
        read_coco({"annotations": []})
