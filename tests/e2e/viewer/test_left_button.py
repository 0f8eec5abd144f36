"""The left mouse button has one owner, and both toolbars say which.

In the annotate workspace the left button belongs either to an annotation tool
(brush, polygon, spline, box) or to a viewing tool (window/level, pan, zoom,
scroll). Choosing a viewing tool, with W or from the view toolbar, takes the
button away from the annotation tool: the annotation toolbar then shows View,
and a drag on the image changes the view instead of drawing. Choosing an
annotation tool releases the viewing tool's button in the view toolbar.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import BrowserSession
from tests.e2e.viewer.conftest import ImportedSeries, canvas_stats, grid_difference, logged_in_page
from tests.e2e.viewer.test_autosave import _drag, _open, _task

pytestmark = pytest.mark.browser


def _pressed(page: Page, toolbar: str, name: str) -> None:
    button = page.get_by_role("toolbar", name=toolbar).get_by_role("button", name=name, exact=True)
    expect(button).to_have_attribute("aria-pressed", "true")


def _not_pressed(page: Page, toolbar: str, name: str) -> None:
    button = page.get_by_role("toolbar", name=toolbar).get_by_role("button", name=name, exact=True)
    expect(button).to_have_attribute("aria-pressed", "false")


def test_a_viewing_tool_takes_the_left_button_from_an_annotation_tool(
    browser: BrowserSession, imported: ImportedSeries, server: str
) -> None:
    task_id, _labels = _task(server, imported)
    page = logged_in_page(browser)
    cx, cy = _open(page, task_id)
    contours = page.get_by_test_id("contour-summary")
    overlay = page.get_by_test_id("overlay-view")

    page.keyboard.press("r")
    _pressed(page, "Annotation tools", "Box")
    _not_pressed(page, "View tools", "W/L")

    # W: window/level has the button; a drag changes the window and draws no box
    page.keyboard.press("w")
    _pressed(page, "View tools", "W/L")
    _pressed(page, "Annotation tools", "View")
    _not_pressed(page, "Annotation tools", "Box")
    window_before = overlay.text_content() or ""
    _drag(page, [(cx - 60, cy - 60), (cx + 60, cy + 20)])
    expect(overlay).not_to_have_text(window_before)
    expect(contours).to_contain_text("Contours: 0")

    # the view toolbar does the same: a box tool, then Pan from the view toolbar
    page.keyboard.press("r")
    _pressed(page, "Annotation tools", "Box")
    page.get_by_role("toolbar", name="View tools").get_by_role("button", name="Pan", exact=True).click()
    _pressed(page, "View tools", "Pan")
    _pressed(page, "Annotation tools", "View")
    window_before = overlay.text_content() or ""
    image_before = canvas_stats(page)
    _drag(page, [(cx - 60, cy - 60), (cx + 40, cy + 40)])
    expect(contours).to_contain_text("Contours: 0")
    assert grid_difference(image_before, canvas_stats(page)) > 3  # the image moved
    expect(overlay).to_have_text(window_before)  # and kept its window
    browser.screenshot(page, "left-button-pan-after-box")

    # and back: the box tool draws again, and the view toolbar shows no viewing tool on the button
    page.keyboard.press("r")
    _not_pressed(page, "View tools", "Pan")
    _drag(page, [(cx - 100, cy - 100), (cx - 40, cy - 50)])
    expect(contours).to_contain_text("Contours: 1")
