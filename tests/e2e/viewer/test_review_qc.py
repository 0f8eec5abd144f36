"""Review and QC workspaces in the browser: decisions made with the mouse and keyboard are stored.

Review: the reviewer sees the version under review on its image, requests a
correction with a comment pinned to the image (the annotator's item re-opens),
sees the corrected version with the history and the pin, and accepts it (the
version becomes final). QC: the cardiac cine's ED/ES segmentations side by
side with a 3D view; keys decide, switch the time point, play and move on.
"""

from __future__ import annotations

import json
import re
from contextlib import closing
from pathlib import Path

import httpx
import numpy as np
import pytest
from playwright.sync_api import Page, expect
from sqlalchemy.orm import Session

from labelstack.annotations.nifti import read_nifti
from labelstack.annotations.patch import LabelmapPatch
from labelstack.archive.demo_data import PHASES, write_cardiac_files
from labelstack.config import Settings
from labelstack.services import annotation_images
from tests.e2e.conftest import BrowserSession, log_in
from tests.e2e.viewer.conftest import (
    ImportedSeries,
    admin_client,
    canvas_stats,
    logged_in_page,
    shown_pixels,
    unique,
)
from tests.helpers import run_cli

pytestmark = pytest.mark.browser

ANNA_PASSWORD = "anna-e2e-password"
SQUARE = (slice(56, 72), slice(50, 70))  # rows, columns painted on slices 10-12 of the 128x128 CT


def _user_client(server: str, username: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=server, timeout=30)
    reply = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    reply.raise_for_status()
    client.headers["Authorization"] = f"Bearer {reply.json()['access_token']}"
    return client


def _labelmap(label_id: int, volume: np.ndarray) -> dict[str, object]:
    return {
        "kind": "labelmap",
        "segments": [{"number": 1, "label_id": label_id}],
        "patch": LabelmapPatch.from_volume(volume).to_json(),
    }


def _review_scene(server: str, imported: ImportedSeries, annotator: str) -> dict[str, int]:
    """Anna (username ``annotator``) paints a square on the 40-slice CT in her task and hands it in.

    The admin gets to review it.
    """
    admin = admin_client(server)
    try:
        me = admin.get("/api/v1/users/me").json()
        created_user = admin.post(
            "/api/v1/users", json={"username": annotator, "password": ANNA_PASSWORD, "roles": ["annotator"]}
        )
        assert created_user.status_code == 201, created_user.text
        anna = created_user.json()
        project = admin.post(
            "/api/v1/projects",
            json={
                "name": unique("Review e2e"),
                "members": [
                    {"user_id": me["id"], "can_annotate": True, "can_review": True},
                    {"user_id": anna["id"]},
                ],
            },
        ).json()
        assert admin.post(
            f"/api/v1/projects/{project['id']}/images", json={"series_ids": [imported.ct_volume]}
        ).is_success
        label = admin.post(
            "/api/v1/labels",
            json={"project_id": project["id"], "name": "Liver", "kind": "segmentation", "color": "#e6194b"},
        ).json()
        task = admin.post(
            "/api/v1/tasks",
            json={
                "project_id": project["id"],
                "name": "Paint the liver",
                "kind": "annotate",
                "assignee_id": anna["id"],
                "items": [{"series_id": imported.ct_volume}],
            },
        ).json()
    finally:
        admin.close()
    with closing(_user_client(server, annotator, ANNA_PASSWORD)) as client:
        assert client.post(f"/api/v1/tasks/{task['id']}/start").is_success
        item = client.get(f"/api/v1/tasks/{task['id']}/items/0").json()["item"]
        volume = np.zeros((40, 128, 128), np.uint8)
        volume[10:13][:, SQUARE[0], SQUARE[1]] = 1
        created = client.post(
            "/api/v1/annotations",
            json={
                "project_id": project["id"],
                "label_id": label["id"],
                "series_id": imported.ct_volume,
                "task_item_id": item["id"],
                "active_seconds": 95,
                "tool": "brush",
                "content": _labelmap(label["id"], volume),
            },
        )
        assert created.status_code == 201, created.text
        annotation = created.json()
        submitted = client.post(f"/api/v1/annotations/{annotation['id']}/submit", json={"base_version": 1})
        assert submitted.is_success
        assert client.post(f"/api/v1/tasks/{task['id']}/items/0/done").is_success
    with closing(admin_client(server)) as admin:
        review = admin.post(
            "/api/v1/tasks",
            json={
                "project_id": project["id"],
                "name": "Review the liver",
                "kind": "review",
                "assignee_id": me["id"],
                "items": [
                    {"annotation_version_id": annotation["head_version_id"], "series_id": imported.ct_volume}
                ],
            },
        )
        assert review.status_code == 201, review.text
    return {
        "annotation": annotation["id"],
        "label": label["id"],
        "task": task["id"],
        "review": review.json()["id"],
    }


def _colour_share(page: Page, test_id: str) -> float:
    """Share of the viewport's pixels that are clearly coloured (the overlay), not grey."""
    shown = shown_pixels(page, test_id)
    if shown is not None:
        return float((shown.max(axis=2) - shown.min(axis=2) > 60).mean())
    return float(
        page.locator(f"[data-testid={test_id}]").evaluate(
            """(element) => {
              const canvas = element.querySelector('canvas');
              const data = canvas.getContext('2d', { willReadFrequently: true })
                .getImageData(0, 0, canvas.width, canvas.height).data;
              let coloured = 0;
              for (let i = 0; i < data.length; i += 4) {
                const r = data[i], g = data[i + 1], b = data[i + 2];
                if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
              }
              return coloured / (data.length / 4);
            }"""
        )
    )


def test_reviewer_requests_a_correction_with_a_pin_then_accepts(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    annotator = unique("anna")
    scene = _review_scene(server, imported, annotator)
    # after the last decision the workspace asks for the next item to review: there is none (404)
    browser.expect_console_error("status of 404")
    page = logged_in_page(browser)
    # the task page opens a review task in the review workspace
    page.goto(f"/tasks/{scene['review']}")
    page.get_by_role("link", name="Open in the workspace").click()
    page.wait_for_url(f"**/tasks/{scene['review']}/review")
    expect(page.get_by_test_id("review-labelmap")).to_have_attribute("data-slices", "3", timeout=30_000)
    expect(page.get_by_test_id("review-author")).to_have_text(annotator)
    expect(page.get_by_test_id("review-version")).to_have_text("1 of 1")
    expect(page.get_by_test_id("review-active-time")).to_have_text("1 min 35 s")
    # the view opens on the first painted slice, with the labelmap drawn over the CT
    viewport = page.locator('[data-testid=viewport][data-image-index="10"]')
    viewport.wait_for()
    page.wait_for_timeout(500)
    assert _colour_share(page, "viewport") > 0.005
    browser.screenshot(page, "review-version")

    # request a correction with a comment pinned to the middle of the image
    page.get_by_label("Review comment").fill("The lower edge is missing.")
    _unfocus(page)
    page.keyboard.press("m")  # pin a comment: the next click on the image places it
    expect(page.get_by_role("button", name="Click the image…")).to_be_visible()
    box = viewport.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_label("Pinned comment 1", exact=True).fill("missing here")
    expect(page.get_by_test_id("pin")).to_have_count(1)
    browser.screenshot(page, "review-pinned")
    page.get_by_role("button", name="Request correction").click()
    # the only item is decided: the workspace says so
    expect(page.get_by_text("Every item of this task is reviewed.")).to_be_visible()

    with closing(_user_client(server, annotator, ANNA_PASSWORD)) as anna:
        reviews = anna.get(f"/api/v1/annotations/{scene['annotation']}/reviews").json()
        assert [(r["number"], r["outcome"], r["comment"]) for r in reviews] == [
            (1, "request_correction", "The lower edge is missing.")
        ]
        [pin] = reviews[0]["comments"]
        assert pin["text"] == "missing here" and pin["slice_index"] == 10
        assert 54 <= pin["x"] <= 74 and 54 <= pin["y"] <= 74, pin  # the middle of the 128x128 image
        # Anna's item re-opened; she paints the rest and hands version 2 in
        task = anna.get(f"/api/v1/tasks/{scene['task']}").json()
        assert task["status"] == "open" and task["items_done"] == 0
        item = anna.get(f"/api/v1/tasks/{scene['task']}/items/0").json()["item"]
        assert item["status"] == "pending"
        assert anna.post(f"/api/v1/tasks/{scene['task']}/start").is_success
        volume = np.zeros((40, 128, 128), np.uint8)
        volume[10:14][:, 56:76, 50:70] = 1
        saved = anna.post(
            f"/api/v1/annotations/{scene['annotation']}/versions",
            json={"base_version": 1, "active_seconds": 40, "content": _labelmap(scene["label"], volume)},
        )
        assert saved.status_code == 201, saved.text
        assert anna.post(
            f"/api/v1/annotations/{scene['annotation']}/submit", json={"base_version": 2}
        ).is_success

    # back in review: version 2 under review, the history holds version 1 and review 1 with its pin
    page.goto(f"/tasks/{scene['review']}/review")
    expect(page.get_by_test_id("review-labelmap")).to_have_attribute("data-slices", "4", timeout=30_000)
    expect(page.get_by_test_id("review-version")).to_have_text("2 of 2")
    expect(page.get_by_test_id("version-1")).to_contain_text(annotator)
    expect(page.get_by_test_id("review-1")).to_contain_text("Correction requested")
    expect(page.get_by_test_id("review-1")).to_contain_text("missing here")
    page.locator('[data-testid=viewport][data-image-index="10"]').wait_for()
    expect(page.get_by_test_id("pin")).to_have_count(1)  # review 1's pin, on its slice
    browser.screenshot(page, "review-corrected")
    _unfocus(page)
    page.keyboard.press("a")  # accept by keyboard
    expect(page.get_by_text("Every item of this task is reviewed.")).to_be_visible()

    with closing(admin_client(server)) as admin:
        annotation = admin.get(f"/api/v1/annotations/{scene['annotation']}").json()
        versions = admin.get(f"/api/v1/annotations/{scene['annotation']}/versions").json()
        assert annotation["status"] == "final"
        assert annotation["final_version_id"] == versions[-1]["id"] and versions[-1]["number"] == 2
        assert admin.get(f"/api/v1/tasks/{scene['review']}").json()["status"] == "done"


def _qc_scene(server: str, settings: Settings, db: Session, imported: ImportedSeries, folder: Path) -> int:
    """The cardiac cine (ED/ES) with one labelmap per phase, and a QC task of two cases for the admin."""
    nifti = write_cardiac_files(folder)
    result = run_cli(settings, "import", str(nifti), "--phases", ",".join(PHASES), "--patient-id", "E2E-CMR")
    assert result.returncode == 0, result.stdout + result.stderr
    with closing(admin_client(server)) as admin:
        me = admin.get("/api/v1/users/me").json()
        rows = admin.get("/api/v1/series", params={"limit": 100}).json()["items"]
        [cardiac] = [r["id"] for r in rows if r["patient_id"] == "E2E-CMR"]
        member = {"user_id": me["id"], "can_annotate": True, "can_review": True}
        project = admin.post("/api/v1/projects", json={"name": unique("QC e2e"), "members": [member]}).json()
        series = [cardiac, imported.ct_volume]
        assert admin.post(f"/api/v1/projects/{project['id']}/images", json={"series_ids": series}).is_success
        labels = {}
        for number, (name, colour) in enumerate(
            [("LV blood pool", "#ef4444"), ("Myocardium", "#ffe119"), ("RV blood pool", "#22c55e")], start=1
        ):
            reply = admin.post(
                "/api/v1/labels",
                json={"project_id": project["id"], "name": name, "kind": "segmentation", "color": colour},
            )
            labels[number] = reply.json()["id"]
        for phase, name in enumerate(PHASES, start=1):
            geometry = annotation_images.series_geometry(db, cardiac, str(phase))
            db.commit()
            labels_file = folder / f"cardiac_cine_{name}_labels.nii.gz"
            volume = read_nifti(labels_file.read_bytes(), geometry, allowed_segments={1, 2, 3})
            created = admin.post(
                "/api/v1/annotations",
                json={
                    "project_id": project["id"],
                    "label_id": labels[2],
                    "series_id": cardiac,
                    "phase": str(phase),
                    "content": {
                        "kind": "labelmap",
                        "segments": [{"number": n, "label_id": i} for n, i in labels.items()],
                        "patch": LabelmapPatch.from_volume(volume).to_json(),
                    },
                },
            )
            assert created.status_code == 201, created.text
        task = admin.post(
            "/api/v1/tasks",
            json={
                "project_id": project["id"],
                "name": "QC the cardiac segmentations",
                "kind": "qc",
                "assignee_id": me["id"],
                "items": [{"series_id": s} for s in series],
            },
        )
        assert task.status_code == 201, task.text
        return int(task.json()["id"])


def _unfocus(page: Page) -> None:
    """Hand the keyboard back to the workspace (out of a field or slider)."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")


def _qc_views(page: Page, **attributes: str) -> None:
    selector = "".join(f'[data-{k.replace("_", "-")}="{v}"]' for k, v in attributes.items())
    page.locator(f"[data-testid=qc-views]{selector}").wait_for(timeout=30_000)


def test_qc_decides_by_keyboard_per_time_point_and_moves_on(
    browser: BrowserSession,
    imported: ImportedSeries,
    server: str,
    settings: Settings,
    db: Session,
    tmp_path: Path,
):
    task_id = _qc_scene(server, settings, db, imported, tmp_path / "cardiac")
    page = logged_in_page(browser)
    # an old workspace link of a QC task opens the QC workspace
    page.goto(f"/tasks/{task_id}/work")
    page.wait_for_url(f"**/tasks/{task_id}/qc")
    _qc_views(page, ready="true", phase="1", painted="12")
    page.wait_for_timeout(1000)
    # image with overlay, segmentation alone (colour on black) and the 3D rendering all show something
    assert _colour_share(page, "qc-overlay-view") > 0.01
    alone = canvas_stats(page, "qc-segmentation-view")
    assert _colour_share(page, "qc-segmentation-view") > 0.01 and float(alone["lit"]) < 0.5  # type: ignore[arg-type]
    assert _colour_share(page, "qc-3d-view") > 0.005
    browser.screenshot(page, "qc-side-by-side")

    # the opacity slider changes the overlay, not the segmentation view
    before = _colour_share(page, "qc-overlay-view")
    slider = page.get_by_label("Overlay opacity")
    slider.focus()
    page.keyboard.press("Home")
    page.wait_for_timeout(500)
    assert _colour_share(page, "qc-overlay-view") < before
    page.keyboard.press("End")

    # both slice views scroll together
    _unfocus(page)
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    _qc_views(page, slice="3", segmentation_slice="3")

    # 1 accepts ED, T switches to ES, 2 rejects it with a comment (stored: the server's answer is shown)
    expect(page.get_by_role("button", name="Accept")).to_be_enabled()  # the task has been started
    page.keyboard.press("1")
    expect(page.get_by_test_id("qc-decision-ED")).to_have_attribute("data-decision", "accept", timeout=20_000)
    expect(page.get_by_test_id("qc-pie")).to_have_attribute("data-counts", re.compile('"accept":1'))
    page.keyboard.press("t")
    _qc_views(page, ready="true", phase="2", slice="3")
    page.get_by_label("QC comment").fill("RV leaks into the atrium")
    _unfocus(page)
    page.keyboard.press("2")
    expect(page.get_by_test_id("qc-decision-ES")).to_have_attribute("data-decision", "reject", timeout=20_000)
    counts = json.dumps({"accept": 1, "reject": 1, "fine-tune": 0, "unclassified": 0}).replace(" ", "")
    expect(page.get_by_test_id("qc-pie")).to_have_attribute("data-counts", counts, timeout=20_000)
    # auto-play moves through the slices of both views, C again stops it
    page.keyboard.press("c")
    _qc_views(page, playing="true")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=qc-views]').dataset.slice !== '3'", timeout=10_000
    )
    page.keyboard.press("c")
    _qc_views(page, playing="false")
    browser.screenshot(page, "qc-decided")

    with closing(admin_client(server)) as admin:
        stored = admin.get(f"/api/v1/tasks/{task_id}/qc").json()
    assert [(d["phase"], d["decision"], d["comment"]) for d in stored["decisions"]] == [
        ("1", "accept", ""),
        ("2", "reject", "RV leaks into the atrium"),
    ]

    # N finishes the case and opens the next one
    page.keyboard.press("n")
    page.wait_for_url(f"**/tasks/{task_id}/qc?item=1")
    _qc_views(page, ready="true")
    expect(page.get_by_text("No segmentation stored for this time point.")).to_be_visible()
    with closing(admin_client(server)) as admin:
        task = admin.get(f"/api/v1/tasks/{task_id}").json()
    assert task["items_done"] == 1


def test_annotator_cannot_open_someone_elses_review(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    annotator = unique("anna")
    scene = _review_scene(server, imported, annotator)
    page = browser.new_page()
    log_in(page, annotator, ANNA_PASSWORD)
    browser.expect_console_error("404")
    page.goto(f"/tasks/{scene['review']}/review")
    expect(page.get_by_role("alert")).to_contain_text("not found")
