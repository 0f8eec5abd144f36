"""The viewer shows every kind of series through /dicomweb, and its controls change what is on screen."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import BrowserSession
from tests.e2e.viewer.conftest import (
    ImportedSeries,
    canvas_stats,
    grid_difference,
    logged_in_page,
    open_series,
    settled_canvas_stats,
    wait_for_image,
)

pytestmark = pytest.mark.browser


def _assert_not_blank(page: Page, what: str) -> dict[str, object]:
    stats = canvas_stats(page)
    assert stats["width"] > 100 and stats["height"] > 100, stats  # type: ignore[operator]
    assert stats["lit"] > 0.02, f"{what}: canvas is blank {stats}"  # type: ignore[operator]
    assert stats["std"] > 5, f"{what}: canvas is flat {stats}"  # type: ignore[operator]
    return stats


# The viewport's shown canvas, its drawing size against its size on the page (in device pixels).
CANVAS_SIZE = """() => {
  const viewport = document.querySelector('[data-testid=viewport]');
  const canvas = viewport.querySelector('canvas.labelstack-webgl-canvas') ?? viewport.querySelector('canvas');
  const ratio = window.devicePixelRatio || 1;
  const shown = [canvas.clientWidth, canvas.clientHeight].map((size) => Math.round(size * ratio));
  return [canvas.width, canvas.height, ...shown];
}"""


# How the stack viewport's picture reaches the page: the WebGL canvas itself, how many samples
# per pixel, and whether it has a depth buffer.
SHOWN_CONTEXT = """() => {
  const canvas = document.querySelector('[data-testid=viewport] canvas.labelstack-webgl-canvas');
  const context = canvas && canvas.getContext('webgl2');
  const attributes = context ? context.getContextAttributes() : {};
  const shown = Boolean(canvas && canvas.checkVisibility());
  return { shown, antialias: attributes.antialias, depth: attributes.depth };
}"""


def _assert_shown_directly(page: Page, what: str) -> None:
    """No copy into a 2D canvas, no multisampling, no depth buffer: each costs a software
    rasteriser part of every frame."""
    assert page.evaluate(SHOWN_CONTEXT) == {"shown": True, "antialias": False, "depth": False}, what


def _composited_layers(page: Page) -> list[dict[str, Any]]:
    """The page's compositing layers that draw something, as the browser's layer tree reports them."""
    session = page.context.new_cdp_session(page)
    trees: list[dict[str, Any]] = []

    def reported(tree: dict[str, Any]) -> None:  # (Playwright takes functions, not built-in methods)
        trees.append(tree)

    session.on("LayerTree.layerTreeDidChange", reported)
    session.send("LayerTree.enable")
    try:
        # (the tree is reported when the page next paints: the page's colour changes for a moment)
        colour = page.evaluate("document.body.style.backgroundColor")
        for step in range(50):
            page.evaluate(f"document.body.style.backgroundColor = 'rgb({step % 2}, 0, 0)'")
            page.wait_for_timeout(100)
            if any(tree.get("layers") for tree in trees):
                break
        page.evaluate("(colour) => { document.body.style.backgroundColor = colour; }", colour)
        layers = next(tree["layers"] for tree in reversed(trees) if tree.get("layers"))
        return [layer for layer in layers if layer.get("drawsContent")]
    finally:
        session.send("LayerTree.disable")
        session.detach()


def _assert_no_layer_over_the_whole_image(page: Page, what: str) -> None:
    """The corner texts over the image are composited as small layers of their own: merged, with
    Cornerstone's SVG layer, into one transparent layer the size of the viewport, they were blended
    over the whole image on every slice."""
    canvas = page.locator("[data-testid=viewport] canvas.labelstack-webgl-canvas").bounding_box()
    assert canvas is not None
    area = canvas["width"] * canvas["height"]
    layers = _composited_layers(page)
    viewport_sized = [layer for layer in layers if layer["width"] * layer["height"] >= area / 2]
    # The page itself and the image's canvas; nothing else of that size.
    assert len(viewport_sized) == 2, (what, [(layer["width"], layer["height"]) for layer in viewport_sized])


def _assert_drawn_at_display_size(page: Page, what: str) -> None:
    """A canvas drawn at another size than shown is stretched by the browser: a distorted image."""
    # (the layout settles after the first image: the canvas is given a moment to follow)
    same = f"() => {{ const [w, h, cw, ch] = ({CANVAS_SIZE})(); return w === cw && h === ch; }}"
    page.wait_for_function(same)
    width, height, shown_width, shown_height = page.evaluate(CANVAS_SIZE)
    assert (width, height) == (shown_width, shown_height), what


def test_viewer_renders_ct_mr_us_cine_and_nifti(browser: BrowserSession, imported: ImportedSeries):
    page = logged_in_page(browser)
    for what, series_id in (
        ("ct", imported.ct_small),
        ("mr", imported.mr_small),
        ("us-cine", imported.us_cine),
        ("nifti", imported.nifti),
    ):
        open_series(page, series_id)
        _assert_not_blank(page, what)
        _assert_drawn_at_display_size(page, what)
        _assert_shown_directly(page, what)
        _assert_no_layer_over_the_whole_image(page, what)
        browser.screenshot(page, what)
    # The cine: a multi-frame instance expands to one image per frame, and playback moves through them.
    open_series(page, imported.us_cine)
    viewport = page.locator("[data-testid=viewport]")
    expect(viewport).to_have_attribute("data-image-count", "12")
    first = canvas_stats(page)
    page.get_by_role("button", name="Play").click()
    wait_for_image(page, 3)
    page.get_by_role("button", name="Stop").click()
    assert grid_difference(first, canvas_stats(page)) > 1
    expect(page.get_by_test_id("overlay-slice")).to_contain_text("frame")


def test_window_level_scroll_and_view_controls_change_the_image(
    browser: BrowserSession, imported: ImportedSeries
):
    page = logged_in_page(browser)
    open_series(page, imported.ct_volume)
    viewport = page.locator("[data-testid=viewport]")
    expect(viewport).to_have_attribute("data-image-count", "40")
    expect(page.get_by_test_id("overlay-patient")).to_contain_text("E2E-CT")
    expect(page.get_by_test_id("overlay-view")).to_contain_text("W 400 L 40")
    before = _assert_not_blank(page, "ct volume")

    # Window/level by dragging with the left button (the default tool).
    box = viewport.bounding_box()
    assert box is not None
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 120, cy + 80, steps=8)
    page.mouse.up()
    expect(page.get_by_test_id("overlay-view")).not_to_contain_text("W 400 L 40")
    after_drag = canvas_stats(page)
    assert grid_difference(before, after_drag) > 3
    browser.screenshot(page, "ct-window-level")

    # A preset sets an exact window.
    page.get_by_label("Window preset").select_option("lung")
    expect(page.get_by_test_id("overlay-view")).to_contain_text("W 1500 L -600")

    # Scroll with the wheel, the keyboard and the slider: another slice, other pixels (the lung
    # window shows little of this phantom's change from slice to slice: the pictures are compared
    # once drawn, not as the overlay text changes a frame ahead of them).
    at_first_slice = settled_canvas_stats(page)
    page.mouse.move(cx, cy)
    page.mouse.wheel(0, 120)
    wait_for_image(page, 1)
    page.keyboard.press("PageDown")
    wait_for_image(page, 11)
    page.keyboard.press("ArrowUp")
    wait_for_image(page, 10)
    assert grid_difference(at_first_slice, settled_canvas_stats(page)) > 1
    page.get_by_label("Slice").fill("39")
    wait_for_image(page, 39)
    expect(page.get_by_test_id("overlay-slice")).to_contain_text("Image 40 / 40")
    # The whole stack is marked loaded once, not again each time a cached slice is shown.
    expect(viewport).to_have_attribute("data-loaded", "40")
    assert page.evaluate("performance.getEntriesByName('viewer:stack-loaded').length") == 1

    # Invert (key I), rotate, flip, zoom shown in the overlay; reset restores.
    inverted_from = canvas_stats(page)
    page.keyboard.press("i")
    expect(page.get_by_test_id("overlay-view")).to_contain_text("Inverted")
    inverted = canvas_stats(page)
    assert abs(inverted["mean"] - inverted_from["mean"]) > 10  # type: ignore[operator]
    page.get_by_role("button", name="Rotate 90°").click()
    expect(page.get_by_test_id("overlay-view")).to_contain_text("Rot 90°")
    page.get_by_role("button", name="Flip H").click()
    expect(page.get_by_test_id("overlay-view")).to_contain_text("FlipH")
    browser.screenshot(page, "ct-inverted-rotated")
    page.get_by_role("button", name="Reset").click()
    expect(page.get_by_test_id("overlay-view")).not_to_contain_text("Inverted")
    expect(page.get_by_test_id("overlay-view")).to_contain_text("Zoom 100%")

    # The attribute panel of the current instance, searchable.
    page.get_by_role("button", name="Attributes").click()
    page.get_by_label("Search attributes").fill("SliceLocation")
    expect(page.get_by_role("table", name="DICOM attributes")).to_contain_text("48.75")
    # The help overlay lists the shortcuts.
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Keyboard shortcuts").click()
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_contain_text("Ctrl+Y / Ctrl+Shift+Z")
    browser.screenshot(page, "help")
