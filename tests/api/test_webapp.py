"""The built web app is served at / with client-side routing, without hiding API errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from labelstack.api.app import create_app
from labelstack.api.webapp import IMMUTABLE, REVALIDATE
from labelstack.config import Settings

INDEX = "<!doctype html><title>LabelStack</title><div id=root></div>"


@pytest.fixture
def build(tmp_path: Path) -> Path:
    """A stand-in for the Vite build: the same layout, tiny files."""
    root = tmp_path / "app"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX)
    (root / "assets" / "index-3f2a1b.js").write_text("console.log('app')")
    (root / "favicon.svg").write_text("<svg/>")
    (tmp_path / "secret.txt").write_text("outside the build")
    return root


@pytest.fixture
def served(settings: Settings, build: Path) -> TestClient:
    app = create_app(settings.model_copy(update={"webapp_dir": build}), migrate=False)
    return TestClient(app)


@pytest.mark.parametrize("path", ["/", "/tasks", "/tasks/12/work", "/users/3?tab=activity", "/login"])
def test_pages_are_the_app_so_deep_links_survive_a_reload(served: TestClient, path: str):
    response = served.get(path)
    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["cache-control"] == REVALIDATE


def test_hashed_assets_are_cached_for_a_year(served: TestClient):
    response = served.get("/assets/index-3f2a1b.js")
    assert response.status_code == 200 and "console.log" in response.text
    assert response.headers["cache-control"] == IMMUTABLE
    missing = served.get("/assets/index-000000.js")
    assert missing.status_code == 404
    assert "cache-control" not in missing.headers


def test_root_files_are_served_as_files(served: TestClient):
    response = served.get("/favicon.svg")
    assert response.status_code == 200 and response.text == "<svg/>"


def test_no_file_outside_the_build_is_reachable(served: TestClient):
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt"):
        response = served.get(path)
        assert "outside the build" not in response.text


@pytest.mark.parametrize("path", ["/api/v1/nothing-here", "/api", "/dicomweb/no-such-resource"])
def test_api_and_dicomweb_paths_keep_json_errors(served: TestClient, path: str):
    response = served.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"detail": "Not Found"}


def test_api_routes_and_their_method_errors_are_untouched(served: TestClient):
    assert served.get("/api/v1/health").json()["status"] == "ok"
    assert served.get("/api/v1/users/me").status_code == 401
    assert served.delete("/api/v1/health").status_code == 405
    assert served.post("/tasks/12").status_code == 404


def test_without_a_build_pages_are_plain_404s(settings: Settings, tmp_path: Path):
    app = create_app(settings.model_copy(update={"webapp_dir": tmp_path / "not-built"}), migrate=False)
    response = TestClient(app).get("/tasks/1")
    assert response.status_code == 404 and response.json() == {"detail": "Not Found"}
