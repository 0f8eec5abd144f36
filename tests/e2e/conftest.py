"""Browser tests: a real ``labelstack serve`` process with the built web app, driven by Debian's chromium.

The web app is built once per session if the package has no build yet.
Every page records browser console errors and uncaught exceptions; a test
fails on any it did not announce with ``browser.expect_console_error``.
Screenshots go to ``test-artifacts/e2e/``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, Playwright, sync_playwright

from labelstack.api.webapp import DEFAULT_WEBAPP_DIR
from labelstack.config import Settings
from tests.helpers import LABELSTACK, free_port, labelstack_env, wait_for_http

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "e2e"
ADMIN_PASSWORD = "admin-e2e-password"
VIEWPORT = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks every test below this folder ``browser`` (a conftest's own ``pytestmark`` marks none)."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def webapp_build() -> Path:
    """The production build the server serves; built here when missing."""
    if not (DEFAULT_WEBAPP_DIR / "index.html").is_file():
        if shutil.which("npm") is None:
            raise RuntimeError("the web app is not built and npm is missing: run `make install`")
        env = dict(os.environ, PATH=f"{Path(LABELSTACK).parent}{os.pathsep}{os.environ.get('PATH', '')}")
        subprocess.run([str(REPO / "scripts" / "build-webapp.sh")], check=True, env=env, timeout=900)
    return DEFAULT_WEBAPP_DIR


@contextlib.contextmanager
def running_server(settings: Settings, log: Path) -> Iterator[str]:
    """``labelstack serve`` on a free port with ``settings``' data dir and database, logging to ``log``.

    Yields the base URL once the server answers; stops it when the block ends.
    """
    port = free_port()
    env = labelstack_env(settings, LABELSTACK_ADMIN_PASSWORD=ADMIN_PASSWORD)
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [LABELSTACK, "serve", "--port", str(port)], env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/api/v1/health", process=process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def server(settings: Settings, webapp_build: Path, tmp_path: Path) -> Iterator[str]:
    """A real LabelStack server on a free port, sharing this test's data dir and database.

    Its log is printed when the test fails (pytest shows captured output then).
    """
    log = tmp_path / "server.log"
    try:
        with running_server(settings, log) as base:
            yield base
    finally:
        print(log.read_text(errors="replace")[-20_000:])


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def chromium(playwright_driver: Playwright) -> Iterator[Browser]:
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class BrowserSession:
    """Pages opened against one server, with the console errors they logged."""

    browser: Browser
    base_url: str
    name: str
    errors: list[str] = field(default_factory=list)
    expected: list[re.Pattern[str]] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)

    def new_page(self) -> Page:
        context = self.browser.new_context(base_url=self.base_url, viewport=VIEWPORT)  # type: ignore[arg-type]
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        self.pages.append(page)
        return page

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            url = message.location.get("url", "")
            self.errors.append(f"{message.text} [{url}]" if url else message.text)

    def expect_console_error(self, pattern: str) -> None:
        """Announce a console error the test provokes on purpose (e.g. a refused login logs its 401)."""
        self.expected.append(re.compile(pattern))

    def screenshot(self, page: Page, step: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}--{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    def unexpected_errors(self) -> list[str]:
        return [e for e in self.errors if not any(p.search(e) for p in self.expected)]

    def close(self) -> None:
        for page in self.pages:
            with contextlib.suppress(Error):
                page.context.close()


@pytest.fixture
def browser(chromium: Browser, server: str, request: pytest.FixtureRequest) -> Iterator[BrowserSession]:
    session = BrowserSession(chromium, server, re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name))
    yield session
    session.close()
    assert not session.unexpected_errors(), f"browser console errors: {session.unexpected_errors()}"


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()
