"""The audit log: filters for admins, and append-only at the database level."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from labelstack.models import AuditEvent
from tests.factories import UserFactory


def test_admin_filters_the_audit_log(client: TestClient, users: UserFactory):
    admin = users.admin()
    target = users.create("eve")
    client.post(f"/api/v1/users/{target.id}/deactivate", headers=admin.headers)
    client.post("/api/v1/auth/login", json={"username": "eve", "password": "whatever-wrong"})
    log = client.get("/api/v1/audit", headers=admin.headers).json()
    assert log["total"] >= 3
    deactivations = client.get(
        "/api/v1/audit", params={"action": "user.deactivate"}, headers=admin.headers
    ).json()["items"]
    assert [(e["actor_username"], e["object_id"]) for e in deactivations] == [("root", str(target.id))]
    auth_events = client.get("/api/v1/audit", params={"action": "auth."}, headers=admin.headers).json()[
        "items"
    ]
    assert {e["action"] for e in auth_events} == {"auth.login", "auth.login_failed"}
    by_object = client.get(
        "/api/v1/audit", params={"object_type": "user", "object_id": str(target.id)}, headers=admin.headers
    ).json()["items"]
    assert {e["action"] for e in by_object} >= {"user.deactivate", "auth.login_failed"}
    page = client.get("/api/v1/audit", params={"limit": 1}, headers=admin.headers).json()
    assert len(page["items"]) == 1 and page["total"] == log["total"]
    bad = client.get("/api/v1/audit", params={"since": "yesterday-ish"}, headers=admin.headers)
    assert bad.status_code == 422


def test_audit_rows_cannot_be_changed_or_deleted(users: UserFactory, db: Session):
    users.create("frank")
    event_id = db.scalars(select(AuditEvent.id)).first()
    with pytest.raises(DBAPIError, match="append-only"):
        db.execute(update(AuditEvent).where(AuditEvent.id == event_id).values(action="tampered"))
    db.rollback()
    with pytest.raises(DBAPIError, match="append-only"):
        db.execute(delete(AuditEvent).where(AuditEvent.id == event_id))
    db.rollback()
    assert db.get(AuditEvent, event_id) is not None
