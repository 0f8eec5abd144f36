"""Login and logout, with throttling of repeated failures.

Failed logins are counted from the audit log (per username and per client
address over a sliding window), so the limit holds across several server
workers without any shared memory.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from labelstack.config import Settings
from labelstack.db.types import utcnow
from labelstack.models import AuthSession
from labelstack.services import audit, sessions, users
from labelstack.services.audit import Actor
from labelstack.services.errors import NotAuthenticated, TooManyRequests
from labelstack.services.passwords import hash_password, needs_rehash, verify_password

FAILED_LOGIN = "auth.login_failed"
#: The same message whatever was wrong, so a guesser learns nothing.
BAD_CREDENTIALS = "incorrect username or password"


def login(
    db: Session,
    *,
    username: str,
    password: str,
    settings: Settings,
    client_address: str | None,
    user_agent: str | None,
) -> sessions.IssuedSession:
    _refuse_if_throttled(db, username=username, client_address=client_address, settings=settings)
    user = users.get_by_username(db, username)
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.is_active:
        reason = "unknown user" if user is None else ("bad password" if not ok else "inactive user")
        audit.record(
            db,
            actor=Actor(user.id if user else None, username.lower()[:64], client_address),
            action=FAILED_LOGIN,
            object_type="user",
            object_id=user.id if user else None,
            details={"reason": reason},
        )
        db.commit()
        raise NotAuthenticated(BAD_CREDENTIALS)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password, min_length=1)
    issued = sessions.issue(
        db,
        user=user,
        max_age=timedelta(hours=settings.session_max_hours),
        client_address=client_address,
        user_agent=user_agent,
    )
    user.last_login_at = utcnow()
    audit.record(
        db,
        actor=Actor.of(user, client_address),
        action="auth.login",
        object_type="session",
        object_id=issued.session.id,
    )
    db.commit()
    return issued


def logout(db: Session, *, session_row: AuthSession, actor: Actor) -> None:
    sessions.revoke(db, session_row)
    audit.record(db, actor=actor, action="auth.logout", object_type="session", object_id=session_row.id)
    db.commit()


def _refuse_if_throttled(
    db: Session, *, username: str, client_address: str | None, settings: Settings
) -> None:
    window = timedelta(minutes=settings.login_failure_window_minutes)
    since = utcnow() - window
    retry_after = {"Retry-After": str(int(window.total_seconds()))}
    per_user = audit.count_since(db, action=FAILED_LOGIN, since=since, actor_username=username.lower()[:64])
    if per_user >= settings.login_max_failures_per_user:
        raise TooManyRequests("too many failed logins for this account; try again later", headers=retry_after)
    if client_address:
        per_address = audit.count_since(db, action=FAILED_LOGIN, since=since, client_address=client_address)
        if per_address >= settings.login_max_failures_per_address:
            raise TooManyRequests(
                "too many failed logins from this address; try again later", headers=retry_after
            )
