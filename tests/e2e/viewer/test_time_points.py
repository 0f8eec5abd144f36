"""A 4D series has a labelmap per time point: paint on the second one, it is stored and comes back there.

Real strokes in chromium on an imported 4D NIfTI (two time points): the stroke
on an image of time point 2 is saved as that time point's labelmap (phase
"2", the slice of that image within its time point), nothing is stored for
time point 1, and after a reload the stroke is shown on the same image again.
"""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BrowserSession
from tests.e2e.viewer.conftest import ImportedSeries, admin_client, logged_in_page
from tests.e2e.viewer.test_autosave import (
    _annotations,
    _drag,
    _go_to_slice,
    _labelmap,
    _open,
    _painted,
    _stroke,
    _task,
    _until,
    _wait_saved,
)

pytestmark = pytest.mark.browser


def test_painting_on_the_second_time_point_stores_that_time_point(
    browser: BrowserSession, imported: ImportedSeries, server: str
) -> None:
    series_id = imported.nifti_4d
    client = admin_client(server)
    try:
        instances = client.get(f"/api/v1/series/{series_id}").json()["instances"]
        points = sorted({i["temporal_position"] for i in instances})
        assert len(points) == 2, points
        second = [n for n, i in enumerate(instances) if i["temporal_position"] == points[1]]
        # an image in the middle of time point 2: its stack index, and its slice within the time point
        slice_in_point = len(second) // 2
        image_index = second[slice_in_point]

        task_id, _labels = _task(server, imported, series_id)
        page = logged_in_page(browser)
        cx, cy = _open(page, task_id)
        _go_to_slice(page, image_index)
        _stroke(page, cx, cy)
        expect(page.get_by_test_id("labelmap-summary")).not_to_have_attribute("data-summary", "{}")
        _wait_saved(page)
        browser.screenshot(page, "painted-second-time-point")
        painted = _painted(page)
        assert list(painted) == [str(image_index)], painted

        stored = _until(lambda: _annotations(client, task_id).get("labelmap"))
        assert [a["phase"] for a in stored] == [str(points[1])], stored
        labelmap = stored[0]
        assert labelmap["shape"][0] == len(second)
        volume = _labelmap(client, labelmap["id"], labelmap["version_count"])
        nonempty = [int(k) for k in np.flatnonzero(volume.reshape(volume.shape[0], -1).any(axis=1))]
        assert nonempty == [slice_in_point], nonempty
        assert int((volume[slice_in_point] == 1).sum()) == painted[str(image_index)]["1"]

        page.reload()
        page.locator('[data-testid=viewport][data-rendered="true"]').wait_for()
        page.locator('[data-testid=load-state][data-state="ready"]').wait_for(state="attached")
        assert _painted(page) == painted
        _go_to_slice(page, image_index)
        browser.screenshot(page, "after-reload")
    finally:
        client.close()


@pytest.mark.parametrize("time_point", [0, 1])
def test_brush_in_mpr_of_a_4d_series_stores_the_time_point_shown(
    browser: BrowserSession, imported: ImportedSeries, server: str, time_point: int
) -> None:
    """A sagittal stroke in the annotate MPR on time point ``time_point`` (0: the first) is stored there.

    The stack is on the second time point: the MPR opens on it too, and for
    ``time_point`` 0 the first time point is then chosen in the MPR's toolbar.
    """
    series_id = imported.nifti_4d
    client = admin_client(server)
    try:
        instances = client.get(f"/api/v1/series/{series_id}").json()["instances"]
        points = sorted({i["temporal_position"] for i in instances})
        of_point = [[n for n, i in enumerate(instances) if i["temporal_position"] == p] for p in points]
        shown = of_point[time_point]

        task_id, _labels = _task(server, imported, series_id)
        page = logged_in_page(browser)
        _open(page, task_id)
        _go_to_slice(page, of_point[1][len(of_point[1]) // 2])
        page.get_by_role("button", name="MPR").click()
        mpr = page.get_by_test_id("annotate-mpr")
        mpr.locator('[data-volume-ready="true"]').wait_for(timeout=60_000)
        expect(mpr.get_by_label("Time point")).to_have_value(str(points[1]))
        if time_point != 1:
            mpr.get_by_label("Time point").select_option(str(points[time_point]))
            mpr.locator('[data-volume-ready="true"]').wait_for(timeout=60_000)
        sagittal = page.get_by_test_id("viewport-sagittal").bounding_box()
        assert sagittal is not None
        sx, sy = sagittal["x"] + sagittal["width"] / 2, sagittal["y"] + sagittal["height"] / 2

        # a vertical stroke in the sagittal view crosses several axial slices of the time point shown
        page.keyboard.press("b")
        _drag(page, [(sx, sy - 25), (sx + 1, sy), (sx, sy + 25)])
        expect(page.get_by_test_id("labelmap-summary")).not_to_have_attribute("data-summary", "{}")
        _wait_saved(page)
        browser.screenshot(page, "mpr-stroke")
        painted = sorted(int(k) for k in _painted(page))
        assert len(painted) > 2 and set(painted) <= set(shown), (painted, shown)

        stored = _until(lambda: _annotations(client, task_id).get("labelmap"))
        assert [a["phase"] for a in stored] == [str(points[time_point])], stored
        labelmap = stored[0]
        assert labelmap["shape"][0] == len(shown)
        volume = _labelmap(client, labelmap["id"], labelmap["version_count"])
        nonempty = [int(k) for k in np.flatnonzero(volume.reshape(volume.shape[0], -1).any(axis=1))]
        assert nonempty == [shown.index(i) for i in painted], (nonempty, painted)
    finally:
        client.close()
