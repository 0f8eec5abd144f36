"""Imports as initial versions: NIfTI, DICOM SEG, COCO and CSV; bad files change nothing."""

from __future__ import annotations

import json

import numpy as np
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.annotations.coco import CocoCategory, CocoImage, CocoObject, write_coco
from labelstack.annotations.dicom_seg import SegHeader, write_seg
from labelstack.annotations.geometry import volume_from_datasets
from labelstack.annotations.nifti import write_nifti
from labelstack.annotations.segments import SegmentInfo
from labelstack.annotations.shapes import Box, Contour
from labelstack.models import Annotation, AnnotationVersion
from tests.annotation_api.scene import Scene
from tests.annotation_api.test_labelmaps_api import _volume, load

URL = "/api/v1/annotations/import"


def _post(client: TestClient, scene: Scene, fmt: str, data: bytes, **form: object):  # type: ignore[no-untyped-def]
    fields = {"format": fmt, "project_id": str(scene.project_id), **{k: str(v) for k, v in form.items()}}
    return client.post(URL, data=fields, files={"file": ("upload", data)}, headers=scene.admin.headers)


def _count(db: Session) -> int:
    db.expire_all()
    count = db.scalar(select(func.count()).select_from(Annotation)) or 0
    db.commit()
    return count


def test_nifti_and_seg_labelmaps_import_as_first_versions(
    client: TestClient, scene: Scene, db: Session
) -> None:
    geometry = volume_from_datasets(scene.datasets)
    volume = _volume()
    segments = json.dumps(
        [{"number": 1, "label_id": scene.labels["liver"]}, {"number": 2, "label_id": scene.labels["tumour"]}]
    )
    made = _post(
        client,
        scene,
        "nifti",
        write_nifti(volume, geometry),
        series_id=scene.series.id,
        segments=segments,
        algorithm_name="unet",
    )
    assert made.status_code == 201, made.text
    (annotation,) = made.json()
    assert annotation["kind"] == "labelmap" and annotation["version_count"] == 1
    assert np.array_equal(load(client, scene, annotation["id"], 1), volume)
    version = client.get(
        f"/api/v1/annotations/{annotation['id']}/versions/1", headers=scene.admin.headers
    ).json()
    assert version["source"] == "import" and version["client"]["algorithm_type"] == "AUTOMATIC"

    seg = write_seg(
        scene.datasets,
        volume,
        [
            SegmentInfo(1, "Liver", "#dd8844"),
            SegmentInfo(2, "tumour", "#ff0000", algorithm_type="AUTOMATIC", algorithm_name="nnunet"),
        ],
        SegHeader(content_creator="model"),
    )
    made = _post(client, scene, "dicom-seg", seg, series_id=scene.series.id)
    assert made.status_code == 201, made.text
    (imported,) = made.json()
    assert np.array_equal(load(client, scene, imported["id"], 1), volume)
    content = client.get(
        f"/api/v1/annotations/{imported['id']}/versions/1", headers=scene.admin.headers
    ).json()["content"]
    assert content["segments"] == [
        {"number": 1, "label_id": scene.labels["liver"]},
        {"number": 2, "label_id": scene.labels["tumour"]},
    ]


def test_bad_labelmap_files_are_refused_and_nothing_is_created(
    client: TestClient, scene: Scene, db: Session
) -> None:
    geometry = volume_from_datasets(scene.datasets)
    volume = _volume()
    segments = json.dumps([{"number": 1, "label_id": scene.labels["liver"]}])
    good = write_nifti(volume, geometry)
    cases = [
        (
            _post(
                client, scene, "nifti", good[: len(good) // 2], series_id=scene.series.id, segments=segments
            ),
            "truncated",
        ),
        (
            _post(client, scene, "nifti", b"not a nifti", series_id=scene.series.id, segments=segments),
            "NIfTI",
        ),
        (
            _post(client, scene, "nifti", good, series_id=scene.series.id, segments=segments),
            "segment numbers [2]",
        ),
        (
            _post(
                client,
                scene,
                "nifti",
                write_nifti(
                    volume[:11],
                    volume_from_datasets(
                        sorted(scene.datasets, key=lambda d: float(d.ImagePositionPatient[2]))[:11]
                    ),
                ),
                series_id=scene.series.id,
                segments=segments,
            ),
            "does not match",
        ),
        (_post(client, scene, "dicom-seg", b"DICM garbage", series_id=scene.series.id), "DICOM"),
        (_post(client, scene, "nifti", good, series_id=scene.series.id), "needs segments"),
    ]
    for response, message in cases:
        assert response.status_code == 422, response.text
        assert message in json.dumps(response.json()["detail"])
    seg = write_seg(
        scene.datasets,
        volume,
        [SegmentInfo(1, "Spleen"), SegmentInfo(2, "Liver")],
        SegHeader(content_creator="m"),
    )
    unknown = _post(client, scene, "dicom-seg", seg, series_id=scene.series.id)
    assert unknown.status_code == 422 and "no label named 'Spleen'" in unknown.json()["detail"]
    assert _count(db) == 0


def test_coco_and_csv_import_all_or_nothing(client: TestClient, scene: Scene, db: Session) -> None:
    first, second = scene.instances[0], scene.instances[1]
    images = [CocoImage(1, first.sop_instance_uid, 48, 40), CocoImage(2, second.sop_instance_uid, 48, 40)]
    categories = [CocoCategory(1, "nodule"), CocoCategory(2, "Vessel")]
    objects = [CocoObject(1, 1, Box(1, 2, 3, 4)), CocoObject(2, 2, Contour.of([[1, 1], [5, 1], [5, 5]]))]
    made = _post(client, scene, "coco", json.dumps(write_coco(images, categories, objects)).encode())
    assert made.status_code == 201, made.text
    assert sorted(a["kind"] for a in made.json()) == ["box", "contour"]
    bad = write_coco(images, [CocoCategory(1, "nodule"), CocoCategory(2, "Artery")], objects)
    refused = _post(client, scene, "coco", json.dumps(bad).encode())
    assert refused.status_code == 422 and "no label named 'Artery'" in refused.json()["detail"]
    assert _count(db) == 2

    uid = scene.series.series_instance_uid
    text = (
        "series_instance_uid,label,value,tentative,bad_quality,comment\n"
        f"{uid},Finding,abnormal,yes,,odd\n{uid},Quality,,,true,\n"
    )
    made = _post(client, scene, "csv", text.encode())
    assert made.status_code == 201, made.text
    assert _count(db) == 4
    versions = db.scalars(select(AnnotationVersion).order_by(AnnotationVersion.id.desc()).limit(2)).all()
    db.commit()
    assert {json.dumps(v.content, sort_keys=True) for v in versions} == {
        json.dumps(
            {
                "values": [{"label_id": scene.labels["finding"], "value": "abnormal"}],
                "tentative": True,
                "bad_quality": False,
                "comment": "odd",
            },
            sort_keys=True,
        ),
        json.dumps(
            {
                "values": [{"label_id": scene.labels["quality"], "value": None}],
                "tentative": False,
                "bad_quality": True,
                "comment": "",
            },
            sort_keys=True,
        ),
    }
    bad_value = f"series_instance_uid,label,value\n{uid},Finding,abnormal\n{uid},Finding,purple\n"
    refused = _post(client, scene, "csv", bad_value.encode())
    assert refused.status_code == 422 and "not allowed" in refused.json()["detail"]
    assert _count(db) == 4


def test_imports_are_for_admins(client: TestClient, scene: Scene) -> None:
    response = client.post(
        URL,
        data={"format": "csv", "project_id": str(scene.project_id)},
        files={"file": ("x.csv", b"label\n")},
        headers=scene.annotator.headers,
    )
    assert response.status_code == 403
