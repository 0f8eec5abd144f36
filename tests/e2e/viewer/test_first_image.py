"""The first image of an item does not wait for the project's labels, nor the
item's requests for the viewer's code.

Only the annotation tools need the labels; the viewer starts as soon as the
task and its item are known. The labels request is held back by the browser
test (then let through to the real server): the first image is on screen while
it waits, and the workspace becomes ready for drawing once it arrives.

The workspace's code (with the imaging library, the largest part of the app)
is held back the same way: the task, its item, the item's series and that
series' metadata are asked for meanwhile, so the two overlap.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Route, expect

from tests.e2e.conftest import BrowserSession
from tests.e2e.viewer.conftest import ImportedSeries, canvas_stats, logged_in_page
from tests.e2e.viewer.test_autosave import _task
from tests.e2e.viewer.test_delete_shape import _box, _pumped, _shapes

pytestmark = pytest.mark.browser


def test_the_first_image_is_shown_while_the_labels_are_on_their_way(
    browser: BrowserSession, imported: ImportedSeries, server: str
) -> None:
    task_id, _labels = _task(server, imported)
    page = logged_in_page(browser)
    held: list[Route] = []
    page.route("**/api/v1/labels?*", lambda route: held.append(route))

    page.goto(f"/tasks/{task_id}/work")
    page.locator('[data-testid=viewport][data-rendered="true"]').wait_for()
    assert _pumped(page, lambda: held), "the labels were never asked for"
    stats = canvas_stats(page)
    assert isinstance(stats["std"], float) and stats["std"] > 5, stats
    expect(page.get_by_test_id("load-state")).to_have_attribute("data-state", "loading")
    expect(page.get_by_text("Loading labels…")).to_be_visible()
    browser.screenshot(page, "labels-on-their-way")

    # the labels arrive: segments, classification and the tools follow
    for route in held:
        route.continue_()
    page.locator('[data-testid=load-state][data-state="ready"]').wait_for(state="attached")
    expect(page.get_by_label("Finding")).to_be_visible()
    box = page.get_by_test_id("viewport").bounding_box()
    assert box is not None
    _box(page, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert _shapes(page) == ["RectangleROI"]
    browser.screenshot(page, "ready")


def test_the_item_and_its_series_are_asked_for_while_the_viewer_code_loads(
    browser: BrowserSession, imported: ImportedSeries, server: str
) -> None:
    task_id, _labels = _task(server, imported)
    page = logged_in_page(browser)
    held: list[Route] = []
    page.route("**/assets/WorkspacePage-*.js", lambda route: held.append(route))
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))

    page.goto(f"/tasks/{task_id}/work")
    assert _pumped(page, lambda: any(url.endswith("/metadata") for url in asked)), asked
    assert held, "the workspace's code was never asked for"
    paths = [url.split("?")[0].removeprefix(server) for url in asked]
    assert f"/api/v1/tasks/{task_id}" in paths
    assert f"/api/v1/tasks/{task_id}/items/next" in paths
    assert f"/api/v1/series/{imported.ct_volume}" in paths
    # the stack opens on the first frame: it is asked for with the metadata, and only it
    early_frames = [path for path in paths if "/frames/" in path]
    assert len(early_frames) == 1 and early_frames[0].endswith("/frames/1"), early_frames

    # the code arrives: the viewer takes the series it asked for instead of asking again
    for route in held:
        route.continue_()
    page.locator('[data-testid=viewport][data-rendered="true"]').wait_for()
    paths = [url.split("?")[0].removeprefix(server) for url in asked]
    assert paths.count(f"/api/v1/series/{imported.ct_volume}") == 1, paths
    assert sum(path.endswith("/metadata") for path in paths) == 1, paths
    assert paths.count(early_frames[0]) == 1, paths
    stats = canvas_stats(page)
    assert isinstance(stats["std"], float) and stats["std"] > 5, stats
