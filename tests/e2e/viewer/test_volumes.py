"""MPR (axial / sagittal / coronal with crosshairs) and 3D of imported volumes, NIfTI time points included."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BrowserSession
from tests.e2e.viewer.conftest import ImportedSeries, canvas_stats, logged_in_page, settled_canvas_stats

pytestmark = pytest.mark.browser

# A compact fingerprint of a viewport's canvas (every 8th pixel's red value).
FINGERPRINT = """(element) => {
  const canvas = element.querySelector('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 0;
  for (let i = 0; i < data.length; i += 32) hash = (hash * 31 + data[i]) | 0;
  return hash;
}"""


# Counts the slices the page sends to 3D textures (WebGL2 texSubImage3D, depth by depth).
COUNT_SLICE_UPLOADS = """
window.__sliceUploads = 0;
const upload = WebGL2RenderingContext.prototype.texSubImage3D;
WebGL2RenderingContext.prototype.texSubImage3D = function (...args) {
  window.__sliceUploads += args[7];
  return upload.apply(this, args);
};
"""


# Records the volume viewer's readiness each time it changes (the value it had before), so that a
# test can wait for a reload that went from not ready back to ready, however quickly.
WATCH_READY = """() => {
  const viewer = document.querySelector('[data-testid=volume-viewer]');
  window.__readyBefore = [];
  new MutationObserver((records) => {
    for (const record of records) window.__readyBefore.push(record.oldValue);
  }).observe(viewer, { attributes: true, attributeOldValue: true, attributeFilter: ['data-volume-ready'] });
}"""
READY_AGAIN = """() => window.__readyBefore.includes('false')
  && document.querySelector('[data-testid=volume-viewer]').dataset.volumeReady === 'true'"""


def _lit(stats: dict[str, object]) -> float:
    value = stats["lit"]
    assert isinstance(value, float | int)
    return float(value)


def test_three_view_mpr_of_a_ct_series(browser: BrowserSession, imported: ImportedSeries):
    page = logged_in_page(browser)
    page.add_init_script(COUNT_SLICE_UPLOADS)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"/viewer/series/{imported.ct_volume}?layout=mpr3")
    page.locator('[data-volume-ready="true"]').wait_for(timeout=30_000)
    # The volume's native frames come in one request for the whole series, none one by one.
    assert len([url for url in requested if url.endswith("/pixeldata")]) == 1, requested
    assert not [url for url in requested if "/frames/" in url], requested
    # Each of the 40 slices goes to the GPU once, however many of them came before the first draw.
    assert page.evaluate("window.__sliceUploads") == 40
    for orientation in ("axial", "sagittal", "coronal"):
        stats = canvas_stats(page, f"viewport-{orientation}")
        assert _lit(stats) > 0.02, (orientation, stats)
    browser.screenshot(page, "ct-mpr")
    # Dragging the crosshairs' centre in the axial view changes the slice shown in the sagittal one.
    sagittal = page.get_by_test_id("viewport-sagittal")
    before = sagittal.evaluate(FINGERPRINT)
    box = page.get_by_test_id("viewport-axial").bounding_box()
    assert box is not None
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx - box["width"] * 0.15, cy, steps=6)
    page.mouse.up()
    page.wait_for_function(
        f"([el, before]) => ({FINGERPRINT})(el) !== before", arg=[sagittal.element_handle(), before]
    )
    browser.screenshot(page, "ct-mpr-crosshairs-moved")


def test_a_layout_switch_builds_the_volume_from_the_stack_s_images(
    browser: BrowserSession, imported: ImportedSeries
):
    page = logged_in_page(browser)
    page.goto(f"/viewer/series/{imported.ct_volume}")
    page.locator('[data-testid=viewport][data-loaded="40"]').wait_for(timeout=30_000)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.get_by_role("button", name="3 views").click()
    page.locator('[data-volume-ready="true"]').wait_for(timeout=30_000)
    # The stack holds every image: nothing is fetched again, neither the series' pixel data nor a frame.
    assert not [url for url in requested if url.endswith("/pixeldata") or "/frames/" in url], requested
    assert _lit(canvas_stats(page, "viewport-axial")) > 0.02


def test_nifti_volumes_in_mpr_and_3d_with_time_points(browser: BrowserSession, imported: ImportedSeries):
    page = logged_in_page(browser)
    page.goto(f"/viewer/series/{imported.nifti}?layout=mpr3d")
    page.locator('[data-volume-ready="true"]').wait_for(timeout=30_000)
    assert _lit(canvas_stats(page, "viewport-axial")) > 0.02
    assert _lit(canvas_stats(page, "viewport-3d")) > 0.02
    browser.screenshot(page, "nifti-mpr-3d")

    page.goto(f"/viewer/series/{imported.nifti_4d}?layout=mpr2")
    page.locator('[data-volume-ready="true"]').wait_for(timeout=30_000)
    time_point = page.get_by_label("Time point")
    expect(time_point.locator("option")).to_have_count(2)
    first = canvas_stats(page, "viewport-axial")
    assert _lit(first) > 0.02
    page.evaluate(WATCH_READY)
    time_point.select_option("2")
    # (the attribute still says ready until the change reaches the viewer: the reload is waited for)
    page.wait_for_function(READY_AGAIN, timeout=30_000)
    # (the volume is drawn at the animation frame after it is in)
    assert _lit(settled_canvas_stats(page, "viewport-axial")) > 0.02
    browser.screenshot(page, "nifti-4d-second-time-point")
