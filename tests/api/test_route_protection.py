"""Every route needs a login (but health and login), and admin routes refuse other roles.

The routes are read from the live app and its OpenAPI schema, so a route added
later is covered without touching this file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from labelstack.api.deps import require_admin
from tests.factories import UserFactory

PUBLIC = {("GET", "/api/v1/health"), ("POST", "/api/v1/auth/login")}
PLACEHOLDER = re.compile(r"\{([^}:]+)(?::[^}]*)?\}")


def _concrete(path: str) -> str:
    """Fill path parameters with plausible values (ids and DICOM UIDs)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        if "uid" in name:
            return "1.2.826.0.1.3680043.8.498.1"
        if name.endswith("path"):
            return "x"
        return "1"

    return PLACEHOLDER.sub(value, path)


def _api_routes(app: FastAPI) -> Iterator[tuple[str, str, APIRoute]]:
    yield from _walk(app.routes, "")


def _walk(routes: list[Any], prefix: str) -> Iterator[tuple[str, str, APIRoute]]:
    """Every APIRoute with its full path; FastAPI may keep included routers nested."""
    for route in routes:
        if isinstance(route, APIRoute):
            for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
                yield method, prefix + route.path, route
        elif hasattr(route, "original_router"):
            yield from _walk(route.original_router.routes, prefix + route.include_context.prefix)


def _needs_admin(dependant: Dependant) -> bool:
    return any(d.call is require_admin or _needs_admin(d) for d in dependant.dependencies)


def test_every_route_is_in_the_openapi_schema(app: FastAPI, client: TestClient):
    schema = client.get("/api/v1/openapi.json").json()
    documented = {(m.upper(), p) for p, ops in schema["paths"].items() for m in ops}
    routes = {(m, p) for m, p, _ in _api_routes(app)}
    assert routes <= documented, routes - documented


def test_no_route_answers_without_a_login(app: FastAPI, client: TestClient):
    checked = 0
    for method, path, _route in _api_routes(app):
        if (method, path) in PUBLIC:
            continue
        response = client.request(method, _concrete(path), json={})
        assert response.status_code == 401, f"{method} {path} answered {response.status_code} without login"
        checked += 1
    assert checked >= 10


def test_public_routes_answer_without_a_login(client: TestClient):
    assert client.get("/api/v1/health").status_code == 200
    assert client.post("/api/v1/auth/login", json={"username": "x", "password": "y"}).status_code == 401


@pytest.mark.parametrize("role", ["annotator", "reviewer"])
def test_admin_routes_refuse_other_roles(app: FastAPI, client: TestClient, users: UserFactory, role: str):
    who = users.logged_in(f"not-admin-{role}", role)
    admin_routes = [(m, p) for m, p, r in _api_routes(app) if _needs_admin(r.dependant)]
    assert ("POST", "/api/v1/users") in admin_routes and ("GET", "/api/v1/audit") in admin_routes
    for method, path in admin_routes:
        response = client.request(method, _concrete(path), json={}, headers=who.headers)
        assert response.status_code == 403, f"{method} {path} answered {response.status_code} to a {role}"
