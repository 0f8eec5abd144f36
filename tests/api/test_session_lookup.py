"""The per-request session lookup: one statement, and last-seen written at most once a minute.

Idle expiry counts from the last *written* last-seen time, so a session can
end up to ``TOUCH_INTERVAL`` before its idle timeout measured from the very
last request; it never lives longer than the timeout.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, select, update
from sqlalchemy.orm import Session

from labelstack.db.types import utcnow
from labelstack.models import AuthSession
from labelstack.services.sessions import TOUCH_INTERVAL, token_digest
from tests.factories import LoggedIn, UserFactory

ME = "/api/v1/users/me"


@pytest.fixture
def statements(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement the app sends while the test runs."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def _last_seen(db: Session, who: LoggedIn) -> datetime | None:
    db.expire_all()
    mine = AuthSession.token_hash == token_digest(who.token)
    return db.scalar(select(AuthSession.last_seen_at).where(mine))


def _set_last_seen(db: Session, who: LoggedIn, ago: timedelta) -> None:
    db.execute(
        update(AuthSession)
        .where(AuthSession.token_hash == token_digest(who.token))
        .values(last_seen_at=utcnow() - ago)
    )
    db.commit()


def test_the_caller_is_resolved_with_one_statement(client: TestClient, users: UserFactory, statements):
    who = users.reviewer()
    statements.clear()
    response = client.get(ME, headers=who.headers)
    assert response.status_code == 200 and response.json()["roles"] == ["reviewer"]
    lookups = [s for s in statements if "auth_sessions" in s]
    assert len(lookups) == 1, lookups
    assert "user_roles" in lookups[0] and "users" in lookups[0]
    assert not [s for s in statements if "user_roles" in s and "auth_sessions" not in s]


def test_a_request_soon_after_the_last_one_writes_nothing(
    client: TestClient, users: UserFactory, db: Session, statements
):
    who = users.annotator()
    before = _last_seen(db, who)
    statements.clear()
    assert client.get(ME, headers=who.headers).status_code == 200
    assert not [s for s in statements if s.lstrip().upper().startswith("UPDATE")]
    assert _last_seen(db, who) == before


def test_a_request_after_the_touch_interval_records_activity(
    client: TestClient, users: UserFactory, db: Session
):
    who = users.annotator()
    _set_last_seen(db, who, TOUCH_INTERVAL + timedelta(seconds=5))
    started = utcnow()
    assert client.get(ME, headers=who.headers).status_code == 200
    seen = _last_seen(db, who)
    assert seen is not None and seen >= started


def test_activity_just_inside_the_idle_timeout_keeps_the_session_alive(
    client: TestClient, users: UserFactory, db: Session, settings
):
    who = users.annotator()
    idle = timedelta(minutes=settings.session_idle_minutes)
    _set_last_seen(db, who, idle - timedelta(seconds=10))
    assert client.get(ME, headers=who.headers).status_code == 200
    # the request was recorded, so the session now lasts a whole idle period from here
    _set_last_seen(db, who, idle - timedelta(seconds=10))  # and again, later
    assert client.get(ME, headers=who.headers).status_code == 200


def test_a_session_whose_recorded_activity_is_too_old_expires_even_after_unrecorded_requests(
    client: TestClient, users: UserFactory, db: Session, settings
):
    """Requests inside the touch interval are not recorded, and do not stretch the idle timeout."""
    who = users.annotator()
    assert client.get(ME, headers=who.headers).status_code == 200  # not recorded: just logged in
    _set_last_seen(db, who, timedelta(minutes=settings.session_idle_minutes) + timedelta(seconds=1))
    assert client.get(ME, headers=who.headers).status_code == 401
    assert client.get(ME, headers=who.headers).status_code == 401
