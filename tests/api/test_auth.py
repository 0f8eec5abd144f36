"""Login, logout, sessions, CSRF and throttling over real HTTP requests."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from labelstack.api.deps import CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE
from labelstack.db.types import utcnow
from labelstack.models import AuditEvent, AuthSession, Role
from labelstack.services.sessions import token_digest
from tests.factories import DEFAULT_PASSWORD, UserFactory

LOGIN = "/api/v1/auth/login"
ME = "/api/v1/users/me"


def test_login_returns_bearer_token_and_sets_httponly_samesite_cookie(client: TestClient, users: UserFactory):
    users.create("alice", Role.annotator)
    response = client.post(LOGIN, json={"username": "alice", "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer" and len(body["access_token"]) > 30
    cookies = response.headers.get_list("set-cookie")
    session_cookie = next(c for c in cookies if c.startswith(SESSION_COOKIE + "="))
    assert "HttpOnly" in session_cookie and "SameSite=strict" in session_cookie
    csrf_cookie = next(c for c in cookies if c.startswith(CSRF_COOKIE + "="))
    assert "HttpOnly" not in csrf_cookie  # the web app must be able to read it

    by_cookie = client.get(ME)  # TestClient keeps the cookie
    assert by_cookie.status_code == 200 and by_cookie.json()["username"] == "alice"
    client.cookies.clear()
    bearer = client.get(ME, headers={"Authorization": f"Bearer {body['access_token']}"})
    assert bearer.json()["username"] == "alice"


def test_token_is_stored_only_as_a_hash(client: TestClient, users: UserFactory, db: Session):
    who = users.annotator()
    stored = db.scalars(select(AuthSession.token_hash)).all()
    assert who.token not in stored
    assert token_digest(who.token) in stored


def test_wrong_password_and_unknown_user_get_the_same_401(client: TestClient, users: UserFactory):
    users.create("alice")
    wrong = client.post(LOGIN, json={"username": "alice", "password": "not-the-password"})
    unknown = client.post(LOGIN, json={"username": "nobody", "password": "not-the-password"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert "cookie" not in {k.lower() for k in wrong.headers}


def test_failed_and_successful_logins_are_audited(client: TestClient, users: UserFactory, db: Session):
    users.create("alice")
    client.post(LOGIN, json={"username": "alice", "password": "wrong-password"})
    client.post(LOGIN, json={"username": "alice", "password": DEFAULT_PASSWORD})
    actions = db.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-2:] == ["auth.login_failed", "auth.login"]
    last = db.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert last is not None and last.actor_username == "alice" and last.client_address


def test_logout_ends_the_session_on_the_server(client: TestClient, users: UserFactory, db: Session):
    who = users.annotator()
    assert client.post("/api/v1/auth/logout", headers=who.headers).status_code == 204
    assert client.get(ME, headers=who.headers).status_code == 401
    row = db.scalar(select(AuthSession).where(AuthSession.token_hash == token_digest(who.token)))
    assert row is not None and row.revoked_at is not None


def test_forged_token_is_refused(client: TestClient, users: UserFactory):
    users.annotator()
    response = client.get(ME, headers={"Authorization": "Bearer forged-token-value-that-never-existed"})
    assert response.status_code == 401
    assert response.json()["detail"]


def test_idle_session_expires(client: TestClient, users: UserFactory, db: Session, settings):
    who = users.annotator()
    idle_since = utcnow() - timedelta(minutes=settings.session_idle_minutes + 1)
    db.execute(update(AuthSession).values(last_seen_at=idle_since))
    db.commit()
    assert client.get(ME, headers=who.headers).status_code == 401


def test_session_past_its_maximum_age_expires(client: TestClient, users: UserFactory, db: Session):
    who = users.annotator()
    db.execute(update(AuthSession).values(expires_at=AuthSession.created_at))
    db.commit()
    assert client.get(ME, headers=who.headers).status_code == 401


def test_deactivation_ends_live_sessions_and_blocks_login(client: TestClient, users: UserFactory):
    admin = users.admin()
    who = users.annotator()
    assert client.post(f"/api/v1/users/{who.user.id}/deactivate", headers=admin.headers).status_code == 200
    assert client.get(ME, headers=who.headers).status_code == 401
    relogin = client.post(LOGIN, json={"username": who.user.username, "password": DEFAULT_PASSWORD})
    assert relogin.status_code == 401


def test_password_change_ends_sessions(client: TestClient, users: UserFactory):
    who = users.annotator()
    other_tab = users.login(who.user)
    response = client.post(
        "/api/v1/users/me/password",
        headers=who.headers,
        json={"current_password": DEFAULT_PASSWORD, "new_password": "a-brand-new-secret"},
    )
    assert response.status_code == 204
    assert client.get(ME, headers=other_tab.headers).status_code == 401
    assert (
        client.post(LOGIN, json={"username": who.user.username, "password": DEFAULT_PASSWORD}).status_code
        == 401
    )
    assert (
        client.post(LOGIN, json={"username": who.user.username, "password": "a-brand-new-secret"}).status_code
        == 200
    )


def test_cookie_request_that_changes_state_needs_the_csrf_header(client: TestClient, users: UserFactory):
    admin = users.create("boss", Role.admin)
    login = client.post(LOGIN, json={"username": admin.username, "password": DEFAULT_PASSWORD})
    csrf = login.json()["csrf_token"]
    new_user = {"username": "newbie", "password": "long-enough-pw", "roles": ["annotator"]}
    forged = client.post("/api/v1/users", json=new_user)  # cookie only, as a cross-site form would
    assert forged.status_code == 403
    wrong = client.post("/api/v1/users", json=new_user, headers={CSRF_HEADER: "guess"})
    assert wrong.status_code == 403
    ok = client.post("/api/v1/users", json=new_user, headers={CSRF_HEADER: csrf})
    assert ok.status_code == 201, ok.text
    assert client.get(ME).status_code == 200  # reads need no CSRF header


def test_repeated_failures_are_throttled_per_user(
    client: TestClient, users: UserFactory, settings, db: Session
):
    users.create("alice")
    for _ in range(settings.login_max_failures_per_user):
        assert client.post(LOGIN, json={"username": "alice", "password": "wrong-wrong"}).status_code == 401
    blocked = client.post(LOGIN, json={"username": "alice", "password": DEFAULT_PASSWORD})
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    # nobody else is locked out by one account's failures
    users.create("bob")
    assert client.post(LOGIN, json={"username": "bob", "password": DEFAULT_PASSWORD}).status_code == 200


def test_repeated_failures_are_throttled_per_address(client: TestClient, users: UserFactory, settings):
    users.create("carol")
    for i in range(settings.login_max_failures_per_address):
        client.post(LOGIN, json={"username": f"guess{i}", "password": "wrong-wrong"})
    blocked = client.post(LOGIN, json={"username": "carol", "password": DEFAULT_PASSWORD})
    assert blocked.status_code == 429


def test_malformed_login_body_is_422_and_writes_nothing(client: TestClient, db: Session):
    before = db.scalar(select(func.count()).select_from(AuditEvent))
    response = client.post(LOGIN, content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    db.commit()
    assert db.scalar(select(func.count()).select_from(AuditEvent)) == before
