"""A deleted shape stays deleted: the delete is saved as a withdrawal, undo brings it back, reload agrees.

Real mouse and keyboard in chromium against a real server: a polygon and a
box are drawn and saved, the polygon is selected and deleted with the Delete
key, and after a reload the page and the server both show the box only, while
the polygon's history (its withdrawal included) is still there.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import BrowserSession
from tests.e2e.viewer.conftest import ImportedSeries, admin_client, logged_in_page
from tests.e2e.viewer.test_autosave import _drag, _go_to_slice, _open, _summary, _task, _until, _wait_saved

pytestmark = pytest.mark.browser


def _shapes(page: Page) -> list[str]:
    return sorted(c["tool"] for c in _summary(page, "contour-summary"))


def _item_annotations(client: httpx.Client, task_id: int, **query: Any) -> dict[str, list[dict[str, Any]]]:
    rows = client.get("/api/v1/annotations", params={"task_id": task_id, **query}).json()["items"]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    return by_kind


def _sources(client: httpx.Client, annotation_id: int) -> list[str]:
    return [v["source"] for v in client.get(f"/api/v1/annotations/{annotation_id}/versions").json()]


def test_a_deleted_polygon_is_withdrawn_and_stays_deleted_after_reload(
    browser: BrowserSession, imported: ImportedSeries, server: str
) -> None:
    task_id, _labels = _task(server, imported)
    page = logged_in_page(browser)
    cx, cy = _open(page, task_id)
    _go_to_slice(page, 2)
    page.keyboard.press("r")
    _drag(page, [(cx - 100, cy - 100), (cx - 40, cy - 50)])
    page.keyboard.press("p")
    _drag(
        page,
        [
            (cx + 60, cy + 60),
            (cx + 140, cy + 60),
            (cx + 140, cy + 140),
            (cx + 60, cy + 140),
            (cx + 61, cy + 61),
        ],
    )
    _wait_saved(page)
    assert _shapes(page) == ["PlanarFreehandROI", "RectangleROI"]

    client = admin_client(server)
    try:
        stored = _until(
            lambda: len(_item_annotations(client, task_id)) == 2 and _item_annotations(client, task_id)
        )
        polygon, box = stored["contour"][0], stored["box"][0]

        # select the polygon by its outline in the viewing mode, then the Delete key
        page.keyboard.press("w")
        page.mouse.click(cx + 100, cy + 60)
        page.keyboard.press("Delete")
        expect(page.get_by_test_id("contour-summary")).to_contain_text("Contours: 1")
        assert _shapes(page) == ["RectangleROI"]
        _wait_saved(page)
        browser.screenshot(page, "polygon-deleted")
        assert set(_until(lambda: "contour" not in _item_annotations(client, task_id) and ["ok"])) == {"ok"}
        withdrawn = client.get(f"/api/v1/annotations/{polygon['id']}").json()
        assert withdrawn["withdrawn_at"] is not None and _sources(client, polygon["id"])[-1] == "withdraw"

        # undo of the delete reinstates it; redo withdraws it again
        page.keyboard.press("Control+z")
        expect(page.get_by_test_id("contour-summary")).to_contain_text("Contours: 2")
        _wait_saved(page)
        assert _until(
            lambda: client.get(f"/api/v1/annotations/{polygon['id']}").json()["withdrawn_at"] is None
        )
        page.keyboard.press("Control+y")
        expect(page.get_by_test_id("contour-summary")).to_contain_text("Contours: 1")
        _wait_saved(page)
        assert _until(lambda: client.get(f"/api/v1/annotations/{polygon['id']}").json()["withdrawn_at"])

        page.reload()
        page.locator('[data-testid=viewport][data-rendered="true"]').wait_for()
        page.locator('[data-testid=load-state][data-state="ready"]').wait_for(state="attached")
        _go_to_slice(page, 2)
        assert _shapes(page) == ["RectangleROI"]
        browser.screenshot(page, "after-reload")

        after = _item_annotations(client, task_id)
        assert [a["id"] for a in after["box"]] == [box["id"]] and "contour" not in after
        everything = _item_annotations(client, task_id, include_withdrawn=True)
        assert [a["id"] for a in everything["contour"]] == [polygon["id"]]
        assert _sources(client, polygon["id"])[-3:] == ["withdraw", "reinstate", "withdraw"]
        assert client.get(f"/api/v1/annotations/{box['id']}").json()["withdrawn_at"] is None
    finally:
        client.close()
