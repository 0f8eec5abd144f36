"""Deleting shapes: the button says when there is nothing to delete, and a delete is never lost.

Real mouse and keyboard in chromium against a real server. "Delete shape" is
disabled until a polygon, spline or box is selected; Delete and Backspace
without a selection change nothing. A box deleted while its first save (the
create) is still on the way, just before the annotator moves to the next item,
ends withdrawn on the server: the create's request is held back by the browser
test (then let through to the real server) until the item has been left.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.conftest import BrowserSession
from tests.e2e.viewer.conftest import ImportedSeries, admin_client, logged_in_page
from tests.e2e.viewer.test_autosave import _drag, _go_to_slice, _open, _summary, _task, _until, _wait_saved
from tests.e2e.viewer.test_withdraw import _item_annotations, _sources

pytestmark = pytest.mark.browser


def _shapes(page: Page) -> list[str]:
    return sorted(c["tool"] for c in _summary(page, "contour-summary"))


def _pumped(page: Page, predicate: Callable[[], Any]) -> Any:
    """``_until``, letting Playwright deliver the page's events (the held request) between tries."""

    def tried() -> Any:
        page.wait_for_timeout(50)
        return predicate()

    return _until(tried)


def _box(page: Page, cx: float, cy: float) -> None:
    page.keyboard.press("r")
    _drag(page, [(cx - 100, cy - 100), (cx - 40, cy - 50)])
    expect(page.get_by_test_id("contour-summary")).to_contain_text("Contours: 1")


def test_delete_shape_is_disabled_until_a_shape_is_selected(
    browser: BrowserSession, imported: ImportedSeries, server: str
) -> None:
    task_id, _labels = _task(server, imported)
    page = logged_in_page(browser)
    cx, cy = _open(page, task_id)
    delete = page.get_by_role("button", name="Delete shape")
    expect(delete).to_be_disabled()
    expect(delete).to_have_attribute("title", "Select a polygon, spline or box first (click its outline)")

    # a shape just drawn is the selected one (Cornerstone selects what it creates)
    _go_to_slice(page, 2)
    _box(page, cx, cy)
    expect(delete).to_be_enabled()
    expect(delete).to_have_attribute("title", "Delete / Backspace: delete the selected shape")
    _wait_saved(page)
    delete.click()
    expect(page.get_by_test_id("contour-summary")).to_contain_text("Contours: 0")
    expect(delete).to_be_disabled()
    _wait_saved(page)

    # undo puts the box back, unselected
    page.keyboard.press("Control+z")
    expect(page.get_by_test_id("contour-summary")).to_contain_text("Contours: 1")
    expect(delete).to_be_disabled()
    _wait_saved(page)

    # Delete and Backspace with nothing selected change nothing, on the page or on the server
    page.keyboard.press("w")
    page.keyboard.press("Delete")
    page.keyboard.press("Backspace")
    expect(page.get_by_test_id("save-state")).to_have_attribute("data-state", "saved")
    assert _shapes(page) == ["RectangleROI"]
    expect(delete).to_be_disabled()
    browser.screenshot(page, "nothing-selected")

    # a click on the box's outline selects it: the button turns on
    page.mouse.click(cx - 70, cy - 100)
    expect(delete).to_be_enabled()
    browser.screenshot(page, "box-selected")

    client = admin_client(server)
    try:
        box = _item_annotations(client, task_id)["box"][0]
        assert _sources(client, box["id"]) == ["save", "withdraw", "reinstate"]
        assert box["withdrawn_at"] is None
    finally:
        client.close()


def test_a_box_deleted_while_its_create_is_on_the_way_is_withdrawn_when_the_item_is_left(
    browser: BrowserSession, imported: ImportedSeries, server: str
) -> None:
    # a second item to move on to
    task_id, _labels = _task(server, imported, more_series=(imported.ct_small,))
    client = admin_client(server)
    try:
        page = logged_in_page(browser)
        held: list[Route] = []

        def hold_box_create(route: Route) -> None:
            body: dict[str, Any] = json.loads(route.request.post_data or "{}")
            if route.request.method == "POST" and body.get("content", {}).get("kind") == "box":
                held.append(route)
            else:
                route.continue_()

        page.route("**/api/v1/annotations", hold_box_create)
        cx, cy = _open(page, task_id)
        _go_to_slice(page, 2)
        _box(page, cx, cy)
        # autosave sends the create within a few seconds; it is held on its way to the server
        expect(page.get_by_test_id("save-state")).to_have_attribute("data-state", "saving", timeout=15_000)
        _pumped(page, lambda: held)
        assert len(held) == 1

        page.keyboard.press("w")
        page.mouse.click(cx - 70, cy - 100)
        page.keyboard.press("Delete")
        expect(page.get_by_test_id("contour-summary")).to_contain_text("Contours: 0")
        page.keyboard.press("ArrowRight")
        expect(page).to_have_url(f"{server}/tasks/{task_id}/work?item=1")
        page.locator('[data-testid=viewport][data-rendered="true"]').wait_for()
        assert _item_annotations(client, task_id, include_withdrawn=True) == {}

        # the create reaches the real server now; the withdrawal follows it
        held[0].continue_()
        stored = _pumped(page, lambda: _item_annotations(client, task_id, include_withdrawn=True))
        box = stored["box"][0]
        url = f"/api/v1/annotations/{box['id']}"
        withdrawn = _pumped(page, lambda: client.get(url).json()["withdrawn_at"])
        assert withdrawn, "the box deleted during its create is still on the server"
        assert _sources(client, box["id"]) == ["save", "withdraw"]
        assert "box" not in _item_annotations(client, task_id)
        browser.screenshot(page, "next-item")
    finally:
        client.close()
