"""User administration and self-service through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.models import AuditEvent, Role, User
from tests.factories import DEFAULT_PASSWORD, UserFactory

USERS = "/api/v1/users"


def _count_users(db: Session) -> int:
    db.commit()
    return db.scalar(select(func.count()).select_from(User)) or 0


def test_admin_creates_user_with_profile_and_several_roles(
    client: TestClient, users: UserFactory, db: Session
):
    admin = users.admin()
    body = {
        "username": "dr.jones",
        "password": "long-enough-pw",
        "roles": ["annotator", "reviewer"],
        "full_name": "Dr. Indiana Jones",
        "email": "jones@example.org",
        "title": "Consultant radiologist",
        "experience": "12 years of neuro MR",
    }
    response = client.post(USERS, json=body, headers=admin.headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["roles"] == ["annotator", "reviewer"]
    assert created["experience"] == "12 years of neuro MR" and created["is_active"] is True
    assert "password" not in str(created).lower()
    stored = db.scalar(select(User).where(User.username == "dr.jones"))
    assert stored is not None and stored.password_hash.startswith("$argon2id$")
    event = db.scalars(
        select(AuditEvent).where(AuditEvent.action == "user.create").order_by(AuditEvent.id)
    ).all()[-1]
    assert event.actor_id == admin.user.id and event.object_id == str(stored.id)
    assert users.login("dr.jones", "long-enough-pw").token


def test_bad_user_input_answers_4xx_and_writes_nothing(client: TestClient, users: UserFactory, db: Session):
    admin = users.admin()
    users.create("taken")
    before = _count_users(db)
    cases = [
        ({"username": "taken", "password": "long-enough-pw", "roles": ["annotator"]}, 409),
        ({"username": "shorty", "password": "short", "roles": ["annotator"]}, 422),
        ({"username": "badrole", "password": "long-enough-pw", "roles": ["wizard"]}, 422),
        ({"username": "noroles", "password": "long-enough-pw", "roles": []}, 422),
        ({"username": "../etc", "password": "long-enough-pw", "roles": ["annotator"]}, 422),
        ({"username": "bademail", "password": "long-enough-pw", "roles": ["admin"], "email": "nope"}, 422),
    ]
    for body, status in cases:
        response = client.post(USERS, json=body, headers=admin.headers)
        assert response.status_code == status, (body, response.text)
        assert response.json()["detail"]
    malformed = client.post(
        USERS, content=b"{", headers={**admin.headers, "Content-Type": "application/json"}
    )
    assert malformed.status_code == 422
    assert _count_users(db) == before


def test_duplicate_username_is_case_insensitive(client: TestClient, users: UserFactory):
    admin = users.admin()
    users.create("Alice")
    body = {"username": "alice", "password": "long-enough-pw", "roles": ["annotator"]}
    assert client.post(USERS, json=body, headers=admin.headers).status_code == 409


def test_edit_roles_and_profile(client: TestClient, users: UserFactory):
    admin = users.admin()
    target = users.create("bob", Role.annotator)
    response = client.patch(
        f"{USERS}/{target.id}", json={"roles": ["reviewer"], "title": "Fellow"}, headers=admin.headers
    )
    assert response.status_code == 200
    assert response.json()["roles"] == ["reviewer"] and response.json()["title"] == "Fellow"
    assert client.get(f"{USERS}/{target.id}", headers=admin.headers).json()["roles"] == ["reviewer"]


def test_deactivate_and_reactivate(client: TestClient, users: UserFactory):
    admin = users.admin()
    target = users.create("carl")
    assert client.post(f"{USERS}/{target.id}/deactivate", headers=admin.headers).json()["is_active"] is False
    login = {"username": "carl", "password": DEFAULT_PASSWORD}
    assert client.post("/api/v1/auth/login", json=login).status_code == 401
    assert client.post(f"{USERS}/{target.id}/reactivate", headers=admin.headers).json()["is_active"] is True
    assert client.post("/api/v1/auth/login", json=login).status_code == 200


def test_the_last_admin_cannot_lock_everyone_out(client: TestClient, users: UserFactory):
    admin = users.admin()
    assert client.post(f"{USERS}/{admin.user.id}/deactivate", headers=admin.headers).status_code == 409
    demote = client.patch(f"{USERS}/{admin.user.id}", json={"roles": ["annotator"]}, headers=admin.headers)
    assert demote.status_code == 409
    assert client.get("/api/v1/users/me", headers=admin.headers).json()["roles"] == ["admin"]


def test_admin_resets_password(client: TestClient, users: UserFactory):
    admin = users.admin()
    target = users.logged_in("dora")
    response = client.post(
        f"{USERS}/{target.user.id}/password", json={"new_password": "fresh-password-1"}, headers=admin.headers
    )
    assert response.status_code == 204
    assert client.get("/api/v1/users/me", headers=target.headers).status_code == 401
    assert users.login("dora", "fresh-password-1").token
    short = client.post(
        f"{USERS}/{target.user.id}/password", json={"new_password": "x"}, headers=admin.headers
    )
    assert short.status_code == 422


def test_change_own_password_needs_the_current_one(client: TestClient, users: UserFactory):
    me = users.annotator()
    wrong = client.post(
        f"{USERS}/me/password",
        json={"current_password": "not-my-password", "new_password": "another-long-one"},
        headers=me.headers,
    )
    assert wrong.status_code == 422
    assert client.get(f"{USERS}/me", headers=me.headers).status_code == 200  # nothing changed


def test_list_search_sort_and_paginate(client: TestClient, users: UserFactory):
    admin = users.admin("zed-admin")
    for name, full in [("amy", "Amy Pond"), ("bea", "Beatrix Kiddo"), ("cyd", "Cyd Charisse")]:
        users.create(name, Role.annotator, full_name=full)
    users.create("rev", Role.reviewer, full_name="Reviewing Rita")
    page = client.get(
        USERS, params={"limit": 2, "offset": 0, "sort": "username"}, headers=admin.headers
    ).json()
    assert page["total"] == 5 and [u["username"] for u in page["items"]] == ["amy", "bea"]
    page2 = client.get(
        USERS, params={"limit": 2, "offset": 2, "sort": "username"}, headers=admin.headers
    ).json()
    assert [u["username"] for u in page2["items"]] == ["cyd", "rev"]
    found = client.get(USERS, params={"search": "kiddo"}, headers=admin.headers).json()
    assert [u["username"] for u in found["items"]] == ["bea"]
    reviewers = client.get(USERS, params={"role": "reviewer"}, headers=admin.headers).json()
    assert [u["username"] for u in reviewers["items"]] == ["rev"]
    desc = client.get(USERS, params={"sort": "username", "descending": True}, headers=admin.headers).json()
    assert desc["items"][0]["username"] == "zed-admin"
    assert client.get(USERS, params={"sort": "password_hash"}, headers=admin.headers).status_code == 422


def test_any_user_reads_own_profile_but_not_others(client: TestClient, users: UserFactory):
    me = users.annotator()
    other = users.create("other")
    assert client.get(f"{USERS}/me", headers=me.headers).json()["username"] == me.user.username
    assert client.get(f"{USERS}/{other.id}", headers=me.headers).status_code == 403
    assert client.get(USERS, headers=me.headers).status_code == 403
