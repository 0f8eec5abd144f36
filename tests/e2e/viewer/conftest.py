"""Viewer tests: one e2e server for all of them, and pages with WebGL in headless chromium (SwiftShader).

Cornerstone3D renders through WebGL; chromium's software rasteriser (SwiftShader
through ANGLE) gives it a real GL context without a GPU. The CPU-rendering
fallback is not used: it cannot show volumes or labelmaps.

Starting a server and importing the test images took most of each test's time,
so the viewer tests share one server, its database and data dir, and one import
(``server``, ``settings``, ``db`` and ``imported`` are overridden here). Each
test still works on what it creates itself: its own project (named with
``unique``), labels, tasks and users; none of them lists or counts rows it did
not make.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import nibabel
import numpy as np
import pytest
from bench.chromium import CHROMIUM, WEBGL_ARGS
from PIL import Image
from playwright.sync_api import Browser, Page, Playwright
from pydicom.data import get_testdata_file
from sqlalchemy.orm import Session

from labelstack.archive.synthetic import SeriesSpec, us_cine
from labelstack.config import Settings
from labelstack.db.engine import make_engine, make_sessionmaker
from tests.e2e.conftest import ADMIN_PASSWORD, log_in, running_server
from tests.generated import ct_series
from tests.helpers import run_cli


@pytest.fixture(scope="session")
def chromium(playwright_driver: Playwright) -> Iterator[Browser]:
    """Debian's chromium with WebGL through SwiftShader (overrides the web app tests' GPU-less browser)."""
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=WEBGL_ARGS)
    yield browser
    browser.close()


@dataclass(frozen=True)
class ImportedSeries:
    """Archive series ids of the imported test images, by what they are."""

    ct_small: int
    mr_small: int
    us_cine: int
    ct_volume: int
    nifti: int
    nifti_4d: int


def _testdata(name: str) -> Path:
    path = get_testdata_file(name)
    assert path is not None, name
    return Path(str(path))


def admin_client(base_url: str) -> httpx.Client:
    client = httpx.Client(base_url=base_url, timeout=30)
    reply = client.post("/api/v1/auth/login", json={"username": "admin", "password": ADMIN_PASSWORD})
    reply.raise_for_status()
    client.headers["Authorization"] = f"Bearer {reply.json()['access_token']}"
    return client


@pytest.fixture(scope="package")
def shared_settings(shared_database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The settings of the viewer tests' shared server: the run's shared database, a data dir of its own."""
    return Settings(
        environment="test",
        data_dir=tmp_path_factory.mktemp("viewer-server") / "data",
        database_url=shared_database_url,
        password_min_length=10,
    )


@dataclass(frozen=True)
class SharedServer:
    """The viewer tests' server: its address and the file it logs to."""

    base_url: str
    log: Path


@pytest.fixture(scope="package")
def shared_server(
    shared_settings: Settings, webapp_build: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SharedServer]:
    """One real LabelStack server for every viewer test (see the module docstring).

    Package-scoped: it stops after the last viewer test instead of idling through the rest of the run.
    """
    log = tmp_path_factory.mktemp("viewer-server-log") / "server.log"
    with running_server(shared_settings, log) as base:
        yield SharedServer(base, log)


@pytest.fixture
def server(shared_server: SharedServer) -> Iterator[str]:
    """The shared server's base URL.

    What the server logged during this test is printed (pytest shows it when the test fails).
    """
    start = shared_server.log.stat().st_size
    try:
        yield shared_server.base_url
    finally:
        with shared_server.log.open("rb") as log:
            log.seek(start)
            print(log.read().decode(errors="replace")[-20_000:])


@pytest.fixture
def settings(shared_settings: Settings) -> Settings:
    """The shared server's settings, so that a test's CLI runs (e.g. an import) reach that server's data."""
    return shared_settings


@pytest.fixture
def db(shared_settings: Settings) -> Iterator[Session]:
    """A session on the shared server's database."""
    engine = make_engine(shared_settings.resolved_database_url)
    session = make_sessionmaker(engine)()
    try:
        yield session
    finally:
        session.close()
        engine.dispose()


_names = itertools.count(1)


def unique(name: str) -> str:
    """``name`` with a number no other call in this run gets.

    Project names and usernames are unique on a server, and the viewer tests share one.
    """
    return f"{name}-{next(_names)}"


@pytest.fixture(scope="package")
def imported(
    shared_server: SharedServer, shared_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> ImportedSeries:
    """pydicom's CT and MR, a generated US cine and 40-slice CT, nibabel's 3D NIfTI; imported once by the CLI.

    Tests only read these series (annotations belong to each test's own project).
    """
    folder = tmp_path_factory.mktemp("import")
    for name in ("CT_small.dcm", "MR_small.dcm"):
        (folder / name).write_bytes(_testdata(name).read_bytes())
    spec = SeriesSpec(seed="e2e-us", patient_id="E2E-US", series_description="E2E cine")
    name, data = us_cine(spec, frames=12)
    (folder / name).write_bytes(data)
    for i, slice_file in enumerate(ct_series(40, rows=128, columns=128, patient_id="E2E-CT", seed=3)):
        (folder / f"ct{i:03d}.dcm").write_bytes(slice_file)
    nifti_source = Path(nibabel.__file__).parent / "tests" / "data" / "anatomical.nii"
    (folder / "anatomical.nii").write_bytes(nifti_source.read_bytes())
    (folder / "example4d.nii.gz").write_bytes((nifti_source.parent / "example4d.nii.gz").read_bytes())
    result = run_cli(shared_settings, "import", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr

    client = admin_client(shared_server.base_url)
    try:
        rows = client.get("/api/v1/series", params={"limit": 100}).json()["items"]
    finally:
        client.close()

    def pick(predicate: object) -> int:
        matches = [r["id"] for r in rows if predicate(r)]  # type: ignore[operator]
        assert len(matches) == 1, rows
        return int(matches[0])

    return ImportedSeries(
        ct_small=pick(lambda r: r["modality"] == "CT" and r["number_of_instances"] == 1),
        mr_small=pick(lambda r: r["modality"] == "MR" and r["source_format"] != "nifti"),
        us_cine=pick(lambda r: r["modality"] == "US"),
        ct_volume=pick(lambda r: r["modality"] == "CT" and r["number_of_instances"] == 40),
        nifti=pick(lambda r: r["source_format"] == "nifti" and "anatomical" in r["description"]),
        nifti_4d=pick(lambda r: r["source_format"] == "nifti" and "example4d" in r["description"]),
    )


# Pixel statistics of the viewport canvas, read back from the page (not a screenshot).
CANVAS_STATS = """
(element) => {
  const canvas = element.querySelector('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const { width, height } = canvas;
  const data = ctx.getImageData(0, 0, width, height).data;
  let sum = 0, sumSq = 0, lit = 0;
  const grid = [];
  const n = width * height;
  for (let i = 0; i < data.length; i += 4) {
    const v = (data[i] + data[i + 1] + data[i + 2]) / 3;
    sum += v; sumSq += v * v; if (v > 8) lit++;
  }
  for (let gy = 0; gy < 16; gy++) for (let gx = 0; gx < 16; gx++) {
    const x = Math.floor((gx + 0.5) * width / 16), y = Math.floor((gy + 0.5) * height / 16);
    const i = (y * width + x) * 4;
    grid.push((data[i] + data[i + 1] + data[i + 2]) / 3);
  }
  const mean = sum / n;
  return { width, height, mean, std: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), lit: lit / n, grid };
}
"""


# The stack viewer shows its WebGL canvas itself (see onscreenWebGL.ts); a WebGL canvas cannot be read
# back once shown, so its picture is taken from a screenshot of it with the page's overlays hidden.
WEBGL_CANVAS = "canvas.labelstack-webgl-canvas"
HIDE_OVERLAYS = "[data-testid^=viewport] ~ *, .svg-layer { visibility: hidden !important; }"


def shown_pixels(page: Page, test_id: str = "viewport") -> np.ndarray | None:
    """RGB pixels (rows x columns x 3) of a viewport's shown WebGL canvas; None for a 2D canvas."""
    canvas = page.get_by_test_id(test_id).locator(WEBGL_CANVAS)
    if canvas.count() == 0:
        return None
    png = canvas.screenshot(style=HIDE_OVERLAYS, animations="disabled")
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(np.float64)


def _pixel_stats(rgb: np.ndarray) -> dict[str, object]:
    """CANVAS_STATS of a picture already read."""
    height, width = rgb.shape[:2]
    grey = rgb.mean(axis=2)
    rows = [int((g + 0.5) * height / 16) for g in range(16)]
    columns = [int((g + 0.5) * width / 16) for g in range(16)]
    grid = [float(grey[y, x]) for y in rows for x in columns]
    return {
        "width": width,
        "height": height,
        "mean": float(grey.mean()),
        "std": float(grey.std()),
        "lit": float((grey > 8).mean()),
        "grid": grid,
    }


def canvas_stats(page: Page, test_id: str = "viewport") -> dict[str, object]:
    shown = shown_pixels(page, test_id)
    if shown is not None:
        return _pixel_stats(shown)
    return page.locator(f"[data-testid={test_id}]").evaluate(CANVAS_STATS)  # type: ignore[no-any-return]


def settled_canvas_stats(page: Page, test_id: str = "viewport", tries: int = 50) -> dict[str, object]:
    """``canvas_stats`` once two readings a few frames apart agree.

    The overlay text and the viewport's data attributes follow the view state,
    which Cornerstone updates before it draws the next frame: a reading taken
    right after them can still show the previous picture.
    """
    before = canvas_stats(page, test_id)
    for _ in range(tries):
        page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.wait_for_timeout(30)
        now = canvas_stats(page, test_id)
        if grid_difference(before, now) == 0 and now["mean"] == before["mean"]:
            return now
        before = now
    raise AssertionError(f"the canvas of {test_id} kept changing")


def grid_difference(a: dict[str, object], b: dict[str, object]) -> float:
    """Mean absolute difference of two 16x16 samplings of the canvas (0-255)."""
    ga, gb = a["grid"], b["grid"]
    assert isinstance(ga, list) and isinstance(gb, list)
    return sum(abs(x - y) for x, y in zip(ga, gb, strict=True)) / len(ga)


def open_series(page: Page, series_id: int) -> None:
    page.goto(f"/viewer/series/{series_id}")
    page.locator('[data-testid=viewport][data-rendered="true"]').wait_for()


def wait_for_image(page: Page, index: int) -> None:
    page.locator(f'[data-testid=viewport][data-image-index="{index}"]').wait_for()


def logged_in_page(browser_session: object) -> Page:
    page = browser_session.new_page()  # type: ignore[attr-defined]
    log_in(page, "admin", ADMIN_PASSWORD)
    return page
