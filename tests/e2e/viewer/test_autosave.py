"""Never lose a stroke: the annotate workspace stores drawings on the server and shows them again.

Real mouse events in chromium against a real server: brush strokes, polygons,
boxes and answers reach the annotations API (drafts, versions, the binary
labelmap patch), come back after a reload, survive a tab closed right after a
stroke, and two tabs on one item end in a conflict banner, not in lost work.
"""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import numpy as np
import pytest
from playwright.sync_api import Page, Route, expect

from labelstack.annotations.patch import LabelmapPatch
from labelstack.annotations.slicecodec import decode
from tests.e2e.conftest import BrowserSession
from tests.e2e.viewer.conftest import ImportedSeries, admin_client, logged_in_page, shown_pixels, unique

pytestmark = pytest.mark.browser

# Pixels of the Liver colour (#e6194b) in the viewport canvas: the labelmap overlay as drawn.
RED_PIXELS = """
(element) => {
  const canvas = element.querySelector('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let red = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] > data[i + 1] + 60 && data[i] > data[i + 2] + 20) red++;
  }
  return red;
}
"""


def _red_pixels(page: Page) -> int:
    """RED_PIXELS of the stack viewport as shown."""
    shown = shown_pixels(page)
    if shown is None:
        return int(page.get_by_test_id("viewport").evaluate(RED_PIXELS))
    r, g, b = shown[..., 0], shown[..., 1], shown[..., 2]
    return int(((r > g + 60) & (r > b + 20)).sum())


def _task(
    server: str, imported: ImportedSeries, series_id: int | None = None, more_series: tuple[int, ...] = ()
) -> tuple[int, dict[str, int]]:
    """An annotate task of the admin's on ``series_id`` (default: the CT volume), a label of each kind.

    ``more_series`` are further items of the task, in order.
    """
    series_id = series_id or imported.ct_volume
    client = admin_client(server)
    try:
        me = client.get("/api/v1/users/me").json()
        project = client.post(
            "/api/v1/projects", json={"name": unique("Autosave e2e"), "members": [{"user_id": me["id"]}]}
        ).json()
        added = client.post(
            f"/api/v1/projects/{project['id']}/images", json={"series_ids": [series_id, *more_series]}
        )
        assert added.status_code == 200, added.text
        labels = {}
        for label in (
            {"name": "Liver", "kind": "segmentation", "color": "#e6194b"},
            {"name": "Nodule", "kind": "contour", "color": "#3cb44b"},
            {"name": "Lesion", "kind": "box", "color": "#4363d8"},
            {"name": "Finding", "kind": "classification", "allowed_values": ["normal", "abnormal"]},
        ):
            reply = client.post("/api/v1/labels", json={"project_id": project["id"], **label})
            assert reply.status_code == 201, reply.text
            labels[label["name"]] = reply.json()["id"]
        task = client.post(
            "/api/v1/tasks",
            json={
                "project_id": project["id"],
                "name": "Outline the liver",
                "kind": "annotate",
                "assignee_id": me["id"],
                "items": [{"series_id": s} for s in (series_id, *more_series)],
            },
        )
        assert task.status_code == 201, task.text
        return int(task.json()["id"]), labels
    finally:
        client.close()


def _annotations(client: httpx.Client, task_id: int) -> dict[str, list[dict[str, Any]]]:
    rows = client.get("/api/v1/annotations", params={"task_id": task_id}).json()["items"]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    return by_kind


def _labelmap(client: httpx.Client, annotation_id: int, version: int) -> np.ndarray:
    """The stored labelmap version as a (slices, rows, columns) array."""
    reply = client.get(f"/api/v1/annotations/{annotation_id}/versions/{version}/labelmap")
    assert reply.status_code == 200, reply.text
    patch = LabelmapPatch.from_bytes(reply.content)
    volume = np.zeros(patch.shape, dtype=np.uint8)
    for index, encoded in patch.slices.items():
        volume[index] = decode(
            encoded.data, codec=encoded.codec, rows=patch.shape[1], columns=patch.shape[2], dtype=patch.dtype
        )
    return volume


def _painted_slices(volume: np.ndarray) -> list[int]:
    """The indices of the slices of a stored labelmap that hold any label."""
    return [int(k) for k in np.flatnonzero(volume.reshape(volume.shape[0], -1).any(axis=1))]


def _the_labelmap_s_painted_slices(client: httpx.Client, task_id: int) -> list[int]:
    """The painted slices of the head of the task's labelmap, which must be the only one."""
    labelmaps = _annotations(client, task_id)["labelmap"]
    assert len(labelmaps) == 1, labelmaps
    return _painted_slices(_labelmap(client, labelmaps[0]["id"], labelmaps[0]["version_count"]))


def _assert_reopened_with_painted_slices(browser: BrowserSession, task_id: int, slices: list[str]) -> None:
    """A new page on the task's workspace shows the labelmap painted on exactly ``slices``."""
    again = logged_in_page(browser)
    _open(again, task_id)
    assert sorted(_painted(again)) == slices


def _open(page: Page, task_id: int) -> tuple[float, float]:
    page.goto(f"/tasks/{task_id}/work")
    page.locator('[data-testid=viewport][data-rendered="true"]').wait_for()
    page.locator('[data-testid=load-state][data-state="ready"]').wait_for(state="attached")
    box = page.get_by_test_id("viewport").bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _go_to_slice(page: Page, index: int) -> None:
    page.get_by_label("Slice").fill(str(index))
    page.locator(f'[data-testid=viewport][data-image-index="{index}"]').wait_for()


def _drag(page: Page, points: list[tuple[float, float]]) -> None:
    page.mouse.move(*points[0])
    page.mouse.down()
    for x, y in points[1:]:
        page.mouse.move(x, y, steps=8)
    page.mouse.up()


def _stroke(page: Page, cx: float, cy: float, dy: float = 0) -> None:
    page.keyboard.press("b")
    _drag(page, [(cx - 50, cy + dy), (cx, cy + dy + 10), (cx + 50, cy + dy)])


def _summary(page: Page, test_id: str) -> Any:
    return json.loads(page.get_by_test_id(test_id).get_attribute("data-summary") or "null")


def _painted(page: Page) -> dict[str, dict[str, int]]:
    return _summary(page, "labelmap-summary")  # type: ignore[no-any-return]


def _wait_saved(page: Page) -> None:
    expect(page.get_by_test_id("save-state")).to_have_attribute("data-state", "saved", timeout=15_000)


def _until(predicate: Any, timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def test_strokes_shapes_and_answers_are_stored_and_come_back(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    task_id, labels = _task(server, imported)
    page = logged_in_page(browser)
    cx, cy = _open(page, task_id)
    expect(page.get_by_text("Drawings not stored on the server")).to_have_count(0)

    _go_to_slice(page, 2)
    _stroke(page, cx, cy)
    page.keyboard.press("r")
    _drag(page, [(cx - 100, cy - 100), (cx - 40, cy - 50)])
    page.keyboard.press("p")
    _drag(
        page,
        [
            (cx + 60, cy + 140),
            (cx + 140, cy + 140),
            (cx + 140, cy + 220),
            (cx + 60, cy + 220),
            (cx + 61, cy + 141),
        ],
    )
    page.get_by_label("Finding").select_option("abnormal")
    page.get_by_label("Tentative").check()
    # Autosave: drafts within a few seconds, without asking.
    _wait_saved(page)
    painted = _painted(page)
    assert list(painted) == ["2"] and painted["2"]["1"] > 50, painted

    client = admin_client(server)
    try:
        stored = _until(lambda: len(_annotations(client, task_id)) == 4 and _annotations(client, task_id))
        assert set(stored) == {"labelmap", "contour", "box", "classification"}, stored

        # Alt+S: every draft becomes a version.
        # (out of the select first: keys are shortcuts again)
        page.get_by_role("heading", name="On this item").click()
        page.keyboard.press("Alt+s")
        _wait_saved(page)
        stored = _until(
            lambda: (
                (found := _annotations(client, task_id))
                and all(a["version_count"] >= 1 for rows in found.values() for a in rows)
                and found
            )
        )
        labelmap = stored["labelmap"][0]
        volume = _labelmap(client, labelmap["id"], labelmap["version_count"])
        assert volume.shape == (40, 128, 128)
        nonempty = _painted_slices(volume)
        assert nonempty == [2], nonempty
        assert int((volume[2] == 1).sum()) == painted["2"]["1"]

        box = client.get(
            f"/api/v1/annotations/{stored['box'][0]['id']}/versions/{stored['box'][0]['version_count']}"
        ).json()["content"]
        assert box["width"] > 5 and box["height"] > 5 and box["frame"] == 0, box
        assert stored["box"][0]["label_id"] == labels["Lesion"]
        contour = client.get(
            f"/api/v1/annotations/{stored['contour'][0]['id']}/versions/{stored['contour'][0]['version_count']}"
        ).json()["content"]
        assert contour["closed"] and contour["spline"] == "polygon" and len(contour["points"]) >= 4, contour
        xs = [p[0] for p in contour["points"]]
        assert max(xs) - min(xs) > 10, contour
        classification = client.get(
            f"/api/v1/annotations/{stored['classification'][0]['id']}/versions/"
            f"{stored['classification'][0]['version_count']}"
        ).json()["content"]
        assert classification["values"] == [{"label_id": labels["Finding"], "value": "abnormal"}]
        assert classification["tentative"] is True
    finally:
        client.close()
    shapes_before = _summary(page, "contour-summary")
    browser.screenshot(page, "drawn")
    red_before = _red_pixels(page)
    assert red_before > 100, red_before

    # A reload shows everything again: labelmap voxels, shapes, answers.
    page.reload()
    _open(page, task_id)
    assert _painted(page) == painted
    shapes_after = _summary(page, "contour-summary")
    assert sorted(s["tool"] for s in shapes_after) == sorted(s["tool"] for s in shapes_before)
    for before in shapes_before:
        after = next(s for s in shapes_after if s["tool"] == before["tool"])
        assert after["slice"] == 2
        assert np.allclose(
            np.array(after["points"]).mean(axis=0), np.array(before["points"]).mean(axis=0), atol=0.6
        )
    expect(page.get_by_label("Finding")).to_have_value("abnormal")
    expect(page.get_by_label("Tentative")).to_be_checked()
    _go_to_slice(page, 2)
    # (the overlay is drawn a frame or two after the slice changes)
    red_after = _until(lambda: (n := _red_pixels(page)) > 0.8 * red_before and n)
    browser.screenshot(page, "reloaded")
    assert red_after, red_before


def test_a_stroke_just_before_the_tab_closes_is_on_the_server(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    task_id, _ = _task(server, imported)
    page = logged_in_page(browser)
    cx, cy = _open(page, task_id)
    _go_to_slice(page, 1)
    _stroke(page, cx, cy)
    page.keyboard.press("Alt+s")
    _wait_saved(page)

    _go_to_slice(page, 5)
    _stroke(page, cx, cy, dy=30)
    page.close(run_before_unload=True)

    client = admin_client(server)
    try:
        labelmap = _annotations(client, task_id)["labelmap"][0]
        draft = _until(
            lambda: (r := client.get(f"/api/v1/annotations/{labelmap['id']}/draft")).status_code == 200 and r
        )
        assert draft, "the stroke made just before closing did not reach the server"
        assert draft.json()["base_number"] == labelmap["version_count"]
        promoted = client.post(f"/api/v1/annotations/{labelmap['id']}/draft/promote")
        assert promoted.status_code == 201, promoted.text
        volume = _labelmap(client, labelmap["id"], promoted.json()["number"])
        nonempty = _painted_slices(volume)
        assert nonempty == [1, 5], nonempty
    finally:
        client.close()

    _assert_reopened_with_painted_slices(browser, task_id, ["1", "5"])


def test_a_closing_tab_s_save_while_the_first_create_is_on_its_way_makes_no_second_labelmap(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    task_id, _ = _task(server, imported)
    page = logged_in_page(browser)
    held: list[Route] = []
    creates: list[dict[str, Any]] = []

    def hold_the_first_create(route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        creates.append(route.request.post_data_json)
        if held:
            route.continue_()
        else:
            held.append(route)  # the first create stays on its way

    page.route("**/api/v1/annotations", hold_the_first_create)
    cx, cy = _open(page, task_id)
    _go_to_slice(page, 1)
    _stroke(page, cx, cy)
    page.keyboard.press("Alt+s")
    _until(lambda: page.wait_for_timeout(100) or held)
    assert held, "the first save's create was not sent"

    # Another stroke, then the tab goes (pagehide): its keepalive save creates the labelmap again.
    _go_to_slice(page, 5)
    _stroke(page, cx, cy, dy=30)
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    client = admin_client(server)
    try:
        first = _until(lambda: page.wait_for_timeout(100) or _annotations(client, task_id).get("labelmap"))
        assert first and len(first) == 1, first
        held[0].continue_()  # the first create arrives last, with the older body
        _wait_saved(page)

        assert _the_labelmap_s_painted_slices(client, task_id) == [1, 5]
        assert [c["client_sequence"] for c in creates] == [1, 2]
        assert creates[0]["client_key"] == creates[1]["client_key"]
    finally:
        client.close()

    _assert_reopened_with_painted_slices(browser, task_id, ["1", "5"])


def test_a_labelmap_create_whose_answer_is_lost_is_sent_again_and_finds_its_annotation(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    task_id, _ = _task(server, imported)
    page = logged_in_page(browser)
    creates: list[int] = []

    def lose_the_first_answer(route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        creates.append(route.fetch().status)  # the server takes the create in ...
        if len(creates) == 1:
            route.abort("connectionreset")  # ... and its answer never reaches the page
        else:
            route.continue_()

    browser.expect_console_error(r"ERR_CONNECTION_RESET .*/api/v1/annotations\]")
    page.route("**/api/v1/annotations", lose_the_first_answer)
    cx, cy = _open(page, task_id)
    _go_to_slice(page, 3)
    _stroke(page, cx, cy)
    page.keyboard.press("Alt+s")
    # The save fails, is retried, and the labelmap the lost answer made is this tab's own, not
    # "someone else's": no conflict, and the create sent again finds it.
    _wait_saved(page)
    expect(page.get_by_test_id("conflict-banner")).to_have_count(0)
    assert creates[:2] == [201, 200], creates

    client = admin_client(server)
    try:
        assert _the_labelmap_s_painted_slices(client, task_id) == [3]
    finally:
        client.close()


def test_two_tabs_on_one_item_end_in_a_conflict_banner_and_reload_brings_the_other_work(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    task_id, _ = _task(server, imported)
    first = logged_in_page(browser)
    second = logged_in_page(browser)
    cx, cy = _open(first, task_id)
    _open(second, task_id)

    # The first tab saves a stroke on slice 3.
    _go_to_slice(first, 3)
    _stroke(first, cx, cy)
    first.keyboard.press("Alt+s")
    _wait_saved(first)

    # The second tab, which opened before that, paints slice 7: its save finds the first tab's labelmap.
    _go_to_slice(second, 7)
    _stroke(second, cx, cy)
    banner = second.get_by_test_id("conflict-banner")
    expect(banner).to_be_visible(timeout=15_000)
    expect(second.get_by_test_id("save-state")).to_have_attribute("data-state", "conflict")
    browser.screenshot(second, "conflict")
    banner.get_by_role("button", name="Reload latest").click()
    second.locator('[data-testid=load-state][data-state="ready"]').wait_for(state="attached")
    expect(banner).to_have_count(0)
    assert sorted(_painted(second)) == ["3"]

    # Both tabs now build on the same version; the first saves again, the second's next draft is stale (409).
    _go_to_slice(first, 4)
    _stroke(first, cx, cy)
    first.keyboard.press("Alt+s")
    _wait_saved(first)
    browser.expect_console_error("409")
    _go_to_slice(second, 8)
    _stroke(second, cx, cy)
    expect(banner).to_be_visible(timeout=15_000)
    banner.get_by_role("button", name="Reload latest").click()
    second.locator('[data-testid=load-state][data-state="ready"]').wait_for(state="attached")
    assert sorted(_painted(second)) == ["3", "4"]


def test_brush_in_a_sagittal_view_paints_the_labelmap_of_the_stack(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    task_id, _ = _task(server, imported)
    page = logged_in_page(browser)
    _open(page, task_id)
    page.get_by_role("button", name="MPR").click()
    page.locator('[data-testid=annotate-mpr] [data-volume-ready="true"]').wait_for(timeout=60_000)
    sagittal = page.get_by_test_id("viewport-sagittal").bounding_box()
    assert sagittal is not None
    sx, sy = sagittal["x"] + sagittal["width"] / 2, sagittal["y"] + sagittal["height"] / 2

    # A vertical stroke in the sagittal view crosses axial slices: one labelmap, painted on each.
    page.keyboard.press("b")
    _drag(page, [(sx, sy - 40), (sx + 2, sy), (sx, sy + 40)])
    page.wait_for_function(
        "() => Object.keys(JSON.parse(document.querySelector('[data-testid=labelmap-summary]')"
        ".dataset.summary)).length > 3"
    )
    painted = _painted(page)
    _wait_saved(page)
    browser.screenshot(page, "mpr-brush")

    client = admin_client(server)
    try:
        labelmap = _until(lambda: _annotations(client, task_id).get("labelmap"))
        assert labelmap, "the MPR stroke was not saved"
        volume = _labelmap(client, labelmap[0]["id"], labelmap[0]["version_count"])
    finally:
        client.close()
    nonempty = _painted_slices(volume)
    assert nonempty == sorted(int(k) for k in painted), (nonempty, painted)
    assert len(nonempty) > 3
