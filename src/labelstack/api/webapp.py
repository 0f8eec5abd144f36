"""Serving the built web app: hashed assets cached for a year, every other page is the SPA.

The app is a single-page application: ``/tasks/12`` is a route in the
browser, not a file, so a GET that matches neither an API route nor a file
answers ``index.html`` and the client-side router takes over (deep links keep
working on reload). API and DICOMweb paths never get the page: an unknown
``/api/v1/...`` stays a JSON 404.

Nothing here is an ``APIRoute``: the web app is public static content, and
every piece of data it shows comes through the protected API.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import FileResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

#: Where ``scripts/build-webapp.sh`` puts the production build.
DEFAULT_WEBAPP_DIR = Path(__file__).resolve().parent.parent / "static" / "app"
#: Vite names every asset after its content hash, so a cached copy is never stale.
IMMUTABLE = "public, max-age=31536000, immutable"
#: The page itself must be revalidated so a new build's asset names are picked up.
REVALIDATE = "no-cache"
NOT_PAGES = ("/api/", "/dicomweb", "/assets/")


class ImmutableStaticFiles(StaticFiles):
    """Static files whose names carry their content hash."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = IMMUTABLE
        return response


def install_webapp(app: FastAPI, directory: Path = DEFAULT_WEBAPP_DIR) -> None:
    """Serve the build in ``directory`` at ``/`` (if it has been built; the API works without it)."""
    root = directory.resolve()
    index = root / "index.html"
    assets = root / "assets"
    if assets.is_dir():
        app.mount("/assets", ImmutableStaticFiles(directory=assets), name="webapp-assets")

    @app.exception_handler(StarletteHTTPException)
    async def _page_or_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code != 404 or request.method not in ("GET", "HEAD") or not index.is_file():
            return await http_exception_handler(request, exc)
        path = request.url.path
        if path.startswith(NOT_PAGES) or path == "/api":
            return await http_exception_handler(request, exc)
        candidate = (root / path.lstrip("/")).resolve()
        if candidate != root and candidate.is_relative_to(root) and candidate.is_file():
            return FileResponse(candidate, headers={"Cache-Control": REVALIDATE})
        return FileResponse(index, headers={"Cache-Control": REVALIDATE})
