"""Exports through the API (streamed zip) and the CLI, checked by reading the files back."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import zipfile
from pathlib import Path

import nibabel as nib
import numpy as np
import pydicom
import pytest
from fastapi.testclient import TestClient

from labelstack.annotations.dicom_seg import read_seg
from labelstack.annotations.geometry import volume_from_datasets
from labelstack.config import Settings
from tests.annotation_api.scene import Scene
from tests.annotation_api.test_labelmaps_api import _volume, create_labelmap
from tests.annotation_api.test_review_loop_api import _review_task
from tests.annotations.test_dicom_seg import DCIODVFY
from tests.helpers import run_cli

API = "/api/v1"


@pytest.fixture
def filled(client: TestClient, scene: Scene) -> dict[str, int]:
    """A labelmap (accepted in review), a classification, a box, a contour and a QC decision."""
    ann = scene.annotator.headers
    labelmap = create_labelmap(client, scene)
    common = {"project_id": scene.project_id, "series_id": scene.series.id}
    instance = scene.instances[0].id
    bodies = {
        "classification": {
            **common,
            "label_id": scene.labels["finding"],
            "content": {
                "kind": "classification",
                "values": [{"label_id": scene.labels["finding"], "value": "abnormal"}],
                "tentative": True,
                "comment": "see slice 4",
            },
        },
        "box": {
            **common,
            "label_id": scene.labels["nodule"],
            "instance_id": instance,
            "content": {"kind": "box", "x": 1, "y": 2, "width": 5, "height": 6},
        },
        "contour": {
            **common,
            "label_id": scene.labels["vessel"],
            "instance_id": instance,
            "content": {"kind": "contour", "points": [[1, 1], [9, 1], [9, 9]]},
        },
        "qc": {
            **common,
            "label_id": scene.labels["liver"],
            "content": {"kind": "qc", "decision": "reject", "comment": "leak"},
        },
    }
    ids = {"labelmap": labelmap["id"]}
    for name, body in bodies.items():
        created = client.post(f"{API}/annotations", json=body, headers=ann)
        assert created.status_code == 201, created.text
        ids[name] = created.json()["id"]
    task_id, item_id = _review_task(client, scene, labelmap["head_version_id"])
    assert client.post(f"{API}/tasks/{task_id}/start", headers=scene.reviewer.headers).status_code == 200
    accepted = client.post(
        f"{API}/reviews",
        json={"task_item_id": item_id, "outcome": "accept", "comment": "fine"},
        headers=scene.reviewer.headers,
    )
    assert accepted.status_code == 201
    return ids


def _export(client: TestClient, scene: Scene, fmt: str, which: str = "latest") -> zipfile.ZipFile:
    response = client.post(
        f"{API}/exports",
        json={"format": fmt, "project_id": scene.project_id, "which": which},
        headers=scene.admin.headers,
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_dicom_seg_export_validates_and_round_trips(
    client: TestClient, scene: Scene, filled: dict[str, int], tmp_path: Path
) -> None:
    archive = _export(client, scene, "dicom-seg", "final")
    (name,) = archive.namelist()
    assert name == f"dicom-seg/{scene.series.series_instance_uid}/annotation-{filled['labelmap']}-v1.dcm"
    data = archive.read(name)
    path = tmp_path / "seg.dcm"
    path.write_bytes(data)
    checked = subprocess.run([DCIODVFY, str(path)], capture_output=True, text=True, check=False)
    errors = [line for line in (checked.stdout + checked.stderr).splitlines() if line.startswith("Error")]
    assert errors == []
    seg = pydicom.dcmread(path)
    assert str(seg.ContentCreatorName) == "anna^"
    assert [s.SegmentLabel for s in seg.SegmentSequence] == ["Liver", "Tumour"]
    assert seg.ReferencedSeriesSequence[0].SeriesInstanceUID == scene.series.series_instance_uid
    read = read_seg(data, volume_from_datasets(scene.datasets))
    assert np.array_equal(read.labelmap, _volume())


def test_nifti_export_lies_on_the_series(client: TestClient, scene: Scene, filled: dict[str, int]) -> None:
    archive = _export(client, scene, "nifti")
    name = f"nifti/{scene.series.series_instance_uid}/annotation-{filled['labelmap']}-v1.nii.gz"
    image = nib.Nifti1Image.from_bytes(gzip.decompress(archive.read(name)))
    geometry = volume_from_datasets(scene.datasets)
    assert np.allclose(image.affine, geometry.nifti_affine, atol=1e-4)
    assert np.array_equal(np.asarray(image.dataobj).transpose(2, 1, 0), _volume())
    legend = json.loads(archive.read("nifti/segments.json"))
    assert legend[name.removeprefix("nifti/")][0] == {"value": 1, "label": "Liver", "color": "#dd8844"}


def test_coco_csv_and_json_exports(client: TestClient, scene: Scene, filled: dict[str, int]) -> None:
    coco = json.loads(_export(client, scene, "coco").read("coco/annotations.json"))
    assert {c["name"] for c in coco["categories"]} == {"Nodule", "Vessel"}
    assert sorted(len(a["segmentation"]) for a in coco["annotations"]) == [0, 1]
    assert coco["images"][0]["file_name"] == scene.instances[0].sop_instance_uid

    tables = _export(client, scene, "csv")
    classifications = list(csv.DictReader(io.StringIO(tables.read("csv/classifications.csv").decode())))
    assert [
        (r["label"], r["value"], r["tentative"], r["bad_quality"], r["comment"]) for r in classifications
    ] == [("Finding", "abnormal", "true", "false", "see slice 4")]
    qc = list(csv.DictReader(io.StringIO(tables.read("csv/qc.csv").decode())))
    assert [(r["decision"], r["comment"]) for r in qc] == [("reject", "leak")]
    reviews = list(csv.DictReader(io.StringIO(tables.read("csv/reviews.csv").decode())))
    assert [(r["review_number"], r["outcome"], r["reviewer"], r["label"]) for r in reviews] == [
        ("1", "accept", "rita", "Liver")
    ]

    full = json.loads(_export(client, scene, "json").read("annotations.json"))
    by_id = {a["id"]: a for a in full["annotations"]}
    labelmap = by_id[filled["labelmap"]]
    assert labelmap["final_version"] == 1 and labelmap["versions"][0]["author"] == "anna"
    assert labelmap["reviews"][0]["outcome"] == "accept" and labelmap["reviews"][0]["version"] == 1
    assert len(by_id) == 5

    final_only = json.loads(_export(client, scene, "json", "final").read("annotations.json"))
    assert [a["id"] for a in final_only["annotations"]] == [filled["labelmap"]]


def test_exports_are_for_admins(client: TestClient, scene: Scene) -> None:
    body = {"format": "json", "project_id": scene.project_id}
    assert client.post(f"{API}/exports", json=body, headers=scene.annotator.headers).status_code == 403
    assert (
        client.post(f"{API}/exports", json={**body, "format": "xml"}, headers=scene.admin.headers).status_code
        == 422
    )


def test_cli_export_writes_the_files(
    scene: Scene, filled: dict[str, int], settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_cli(
        settings, "export", "--format", "dicom-seg", "--output", str(out), "--project", str(scene.project_id)
    )
    assert result.returncode == 0, result.stderr + result.stdout
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.dcm"))
    assert files == [f"dicom-seg/{scene.series.series_instance_uid}/annotation-{filled['labelmap']}-v1.dcm"]
    assert "1 file(s) written" in result.stdout
    result = run_cli(settings, "export", "--format", "csv", "--output", str(out))
    assert result.returncode == 0 and (out / "csv" / "classifications.csv").exists()
