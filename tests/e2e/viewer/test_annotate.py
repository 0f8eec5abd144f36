"""The annotate workspace: task items, brush / polygon / box by real mouse events, undo/redo, active time."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from tests.e2e.conftest import BrowserSession
from tests.e2e.viewer.conftest import ImportedSeries, admin_client, logged_in_page, shown_pixels, unique
from tests.e2e.viewer.test_delete_shape import _pumped

pytestmark = pytest.mark.browser

CONTOUR_COUNT = (
    "(n) => JSON.parse(document.querySelector('[data-testid=contour-summary]').dataset.summary).length === n"
)


def _task(server: str, imported: ImportedSeries) -> int:
    client = admin_client(server)
    try:
        me = client.get("/api/v1/users/me").json()
        project = client.post(
            "/api/v1/projects", json={"name": unique("Viewer e2e"), "members": [{"user_id": me["id"]}]}
        ).json()
        series_ids = [imported.ct_volume, imported.mr_small]
        added = client.post(f"/api/v1/projects/{project['id']}/images", json={"series_ids": series_ids})
        assert added.status_code == 200, added.text
        for label in (
            {"name": "Liver", "kind": "segmentation", "color": "#e6194b"},
            {"name": "Nodule", "kind": "contour", "color": "#3cb44b"},
            {"name": "Finding", "kind": "classification", "allowed_values": ["normal", "abnormal"]},
        ):
            reply = client.post("/api/v1/labels", json={"project_id": project["id"], **label})
            assert reply.status_code == 201, reply.text
        task = client.post(
            "/api/v1/tasks",
            json={
                "project_id": project["id"],
                "name": "Outline the liver",
                "kind": "annotate",
                "assignee_id": me["id"],
                "items": [{"series_id": imported.ct_volume}, {"series_id": imported.mr_small}],
            },
        )
        assert task.status_code == 201, task.text
        return int(task.json()["id"])
    finally:
        client.close()


def _summary(page: Page, test_id: str) -> object:
    return json.loads(page.get_by_test_id(test_id).get_attribute("data-summary") or "null")


# Share of the viewport canvas's pixels clearly redder than grey (the labelmap overlay in Liver's colour).
RED_SHARE = """
(element) => {
  const canvas = element.querySelector('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let red = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] - (data[i + 1] + data[i + 2]) / 2 > 40) red++;
  return red / (data.length / 4);
}
"""


def _red_share_at(page: Page, index: int) -> float:
    """Red share of the canvas once slice `index` is on screen and drawn."""
    page.locator(f'[data-testid=viewport][data-image-index="{index}"]').wait_for()
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    shown = shown_pixels(page)
    if shown is not None:
        return float((shown[..., 0] - (shown[..., 1] + shown[..., 2]) / 2 > 40).mean())
    return float(page.get_by_test_id("viewport").evaluate(RED_SHARE))


def _drag(page: Page, points: list[tuple[float, float]]) -> None:
    page.mouse.move(*points[0])
    page.mouse.down()
    for x, y in points[1:]:
        page.mouse.move(x, y, steps=10)
    page.mouse.up()


def _open_first_item(browser: BrowserSession, task_id: int) -> tuple[Page, Locator, tuple[float, float]]:
    """The task's first item on screen with its labels: the page, its drawn viewport, its centre."""
    page = logged_in_page(browser)
    page.goto(f"/tasks/{task_id}/work")
    viewport = page.locator('[data-testid=viewport][data-rendered="true"]')
    viewport.wait_for()
    expect(page.get_by_role("region", name="Segments")).to_contain_text("Liver")
    box = viewport.bounding_box()
    assert box is not None
    return page, viewport, (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_annotator_paints_draws_undoes_and_moves_through_items(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    task_id = _task(server, imported)
    page, _viewport, (cx, cy) = _open_first_item(browser, task_id)

    # Brush (key B) on slice 3: the labelmap has voxels of segment 1 on that slice only.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.locator('[data-testid=viewport][data-image-index="2"]').wait_for()
    page.keyboard.press("b")
    _drag(page, [(cx - 60, cy), (cx, cy + 10), (cx + 60, cy)])
    page.wait_for_function(
        "() => document.querySelector('[data-testid=labelmap-summary]').dataset.summary !== '{}'"
    )
    labelmap = _summary(page, "labelmap-summary")
    assert isinstance(labelmap, dict) and list(labelmap) == ["2"], labelmap
    assert labelmap["2"]["1"] > 50, labelmap
    browser.screenshot(page, "brush")
    # The overlay follows the slices: gone on the unpainted slice 4, back on slice 3.
    painted = _red_share_at(page, 2)
    page.keyboard.press("ArrowDown")
    unpainted = _red_share_at(page, 3)
    page.keyboard.press("ArrowUp")
    again = _red_share_at(page, 2)
    assert painted > 0.001 and unpainted < painted / 10 and abs(again - painted) < painted / 10, (
        painted,
        unpainted,
        again,
    )

    # Box (key R) by dragging; polygon (key P) by a freehand drag that closes on itself.
    page.keyboard.press("r")
    _drag(page, [(cx - 100, cy - 100), (cx - 40, cy - 50)])
    page.keyboard.press("p")
    # (well away from the box and its statistics text, which would take the mouse down)
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
    page.wait_for_function(CONTOUR_COUNT, arg=2)
    contours = _summary(page, "contour-summary")
    assert isinstance(contours, list)
    by_tool = {c["tool"]: c for c in contours}
    assert set(by_tool) == {"RectangleROI", "PlanarFreehandROI"}, contours
    assert all(c["slice"] == 2 for c in contours)
    xs = [p[0] for p in by_tool["RectangleROI"]["points"]]
    assert max(xs) - min(xs) > 5, by_tool["RectangleROI"]
    assert len(by_tool["PlanarFreehandROI"]["points"]) >= 4
    browser.screenshot(page, "box-and-polygon")

    # Ctrl+Z undoes the last thing done (the polygon), Ctrl+Y brings it back, across tools.
    page.keyboard.press("Control+z")
    page.wait_for_function(CONTOUR_COUNT, arg=1)
    page.keyboard.press("Control+y")
    page.wait_for_function(CONTOUR_COUNT, arg=2)

    # The classification panel; Alt+S saves (active time reaches the task item).
    page.get_by_label("Finding").select_option("abnormal")
    page.get_by_label("Tentative").check()
    page.locator("body").click(position={"x": 5, "y": 790})
    page.keyboard.press("Alt+s")
    expect(page.get_by_test_id("save-state")).to_have_attribute("data-state", "saved")

    # Help overlay, then the next item (→) and back; mark done moves on.
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_contain_text("Alt+S")
    page.get_by_role("button", name="Close help").click()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(f"{browser.base_url}/tasks/{task_id}/work?item=1")
    page.locator('[data-testid=viewport][data-rendered="true"]').wait_for()
    page.get_by_role("button", name="← Previous").click()
    page.locator('[data-testid=viewport][data-rendered="true"]').wait_for()
    page.get_by_role("button", name="Mark done").click()
    expect(page).to_have_url(f"{browser.base_url}/tasks/{task_id}/work?item=1")
    expect(page.get_by_test_id("task-progress")).to_contain_text("1 / 2 finished")

    client = admin_client(server)
    try:
        items = client.get(f"/api/v1/tasks/{task_id}/items").json()["items"]
    finally:
        client.close()
    assert items[0]["status"] == "done"
    assert items[0]["active_seconds"] >= 1, items


def test_an_item_left_while_its_labelmap_loads_draws_nothing_into_the_next(
    browser: BrowserSession, imported: ImportedSeries, server: str
):
    """The stored labelmap of item 0 arrives after the annotator has moved on to item 1, before
    item 1's viewer has its tools: the late answer is dropped (no error in the page, and item 1
    opens as usual) instead of being drawn into the labelmap of a viewer that is gone."""
    task_id = _task(server, imported)
    page, viewport, (cx, cy) = _open_first_item(browser, task_id)
    page.keyboard.press("b")
    _drag(page, [(cx - 60, cy), (cx + 60, cy)])
    page.wait_for_function(
        "() => document.querySelector('[data-testid=labelmap-summary]').dataset.summary !== '{}'"
    )
    page.keyboard.press("Alt+s")
    expect(page.get_by_test_id("save-state")).to_have_attribute("data-state", "saved")

    # item 0 again, its stored labelmap held on the way
    labelmaps: list[Route] = []
    page.route("**/api/v1/annotations/*/versions/*/labelmap", lambda route: labelmaps.append(route))
    page.reload()
    viewport.wait_for()
    assert _pumped(page, lambda: labelmaps), "the stored labelmap was never asked for"

    # on to item 1, whose images are held too: its viewer has no tools yet when the labelmap arrives
    frames: list[Route] = []
    page.route("**/frames/**", lambda route: frames.append(route))
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(f"{browser.base_url}/tasks/{task_id}/work?item=1")
    assert _pumped(page, lambda: frames), "item 1's images were never asked for"
    for route in labelmaps:
        route.continue_()
    page.wait_for_timeout(1000)

    page.unroute("**/frames/**")
    for route in frames:
        route.continue_()
    viewport.wait_for()
    page.locator('[data-testid=load-state][data-state="ready"]').wait_for(state="attached")
    assert _summary(page, "labelmap-summary") == {}
