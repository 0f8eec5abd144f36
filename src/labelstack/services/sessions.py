"""Login sessions: issue, resolve, touch, revoke.

The token itself is only ever in the client's hands; the row keeps its
SHA-256. A session ends when it is idle too long, reaches its maximum age, is
logged out, or its user is deactivated or changes password.

The per-frame routes check the login through :func:`check_login`, which
keeps a successful check for :data:`LOGIN_CHECK_SECONDS` (see
:mod:`labelstack.services.short_cache`): a logout, deactivation or password
change takes effect on those routes within that bound, at once when made
through the same server process.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from labelstack.db.types import utcnow
from labelstack.models import AuthSession, User
from labelstack.services.short_cache import ShortCache

#: Do not write last_seen more often than this: reads stay reads.
TOUCH_INTERVAL = timedelta(seconds=60)
#: How long a successful login check is trusted on the per-frame routes.
LOGIN_CHECK_SECONDS = 2.0


@dataclass(frozen=True)
class IssuedSession:
    session: AuthSession
    token: str
    csrf_token: str


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(
    db: Session,
    *,
    user: User,
    max_age: timedelta,
    client_address: str | None,
    user_agent: str | None,
) -> IssuedSession:
    token = secrets.token_urlsafe(32)
    csrf_token = secrets.token_urlsafe(24)
    now = utcnow()
    row = AuthSession(
        token_hash=token_digest(token),
        csrf_hash=token_digest(csrf_token),
        user_id=user.id,
        created_at=now,
        last_seen_at=now,
        expires_at=now + max_age,
        client_address=client_address,
        user_agent=(user_agent or "")[:300] or None,
    )
    db.add(row)
    db.flush()
    return IssuedSession(row, token, csrf_token)


def resolve(db: Session, *, token: str, idle_timeout: timedelta) -> AuthSession | None:
    """The live session for ``token``, or None if unknown, revoked, idle, expired or inactive.

    Runs on every request, so the session, its user and the user's roles come
    back in one statement (the relationships' default loading would add a
    second round trip for the roles).
    """
    statement = (
        select(AuthSession)
        .where(AuthSession.token_hash == token_digest(token))
        .options(joinedload(AuthSession.user).joinedload(User.role_rows))
    )
    row = db.execute(statement).unique().scalar_one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    now = utcnow()
    if now >= row.expires_at or now - row.last_seen_at > idle_timeout:
        return None
    if not row.user.is_active or row.user.password_changed_at > row.created_at:
        return None
    return row


def touch(db: Session, row: AuthSession) -> None:
    """Record activity at most once a minute, in a transaction of its own.

    The caller's transaction so far has only read. On SQLite a read
    transaction cannot become a write once another connection has committed
    ("database is locked" at once, whatever the busy timeout), which parallel
    requests from one browser make likely; so the read ends first and the
    update starts a fresh transaction that waits for the lock instead.
    """
    now = utcnow()
    if now - row.last_seen_at < TOUCH_INTERVAL:
        return
    db.commit()
    row.last_seen_at = now
    db.commit()


@dataclass(frozen=True)
class SessionUser:
    """The user behind a checked session, detached from any database session."""

    id: int
    username: str
    is_admin: bool
    is_active: bool


@dataclass(frozen=True)
class LoginCheck:
    """A session found live, with its user, as :func:`check_login` keeps it for a moment."""

    session_id: int
    user: SessionUser
    expires_at: datetime


LoginChecks = ShortCache[str, LoginCheck]


def login_checks() -> LoginChecks:
    return ShortCache(lifetime=LOGIN_CHECK_SECONDS, max_entries=4096)


def recent_login(checks: LoginChecks, *, token: str) -> LoginCheck | None:
    """A check of ``token`` that succeeded less than :data:`LOGIN_CHECK_SECONDS` ago, if any."""
    found = checks.get(token_digest(token))
    if found is None or utcnow() >= found.expires_at:
        return None
    return found


def check_login(
    db: Session, checks: LoginChecks, *, token: str, idle_timeout: timedelta
) -> LoginCheck | None:
    """:func:`resolve` and :func:`touch`, remembering a success in ``checks``."""
    generation = checks.generation
    row = resolve(db, token=token, idle_timeout=idle_timeout)
    if row is None:
        return None
    touch(db, row)
    user = row.user
    found = LoginCheck(
        session_id=row.id,
        user=SessionUser(user.id, user.username, user.is_admin, user.is_active),
        expires_at=row.expires_at,
    )
    checks.put(token_digest(token), found, generation=generation)
    return found


def csrf_matches(row: AuthSession, csrf_token: str | None) -> bool:
    return bool(csrf_token) and secrets.compare_digest(row.csrf_hash, token_digest(csrf_token or ""))


def revoke(db: Session, row: AuthSession) -> None:
    if row.revoked_at is None:
        row.revoked_at = utcnow()


def revoke_all_for_user(db: Session, *, user_id: int, now: datetime | None = None) -> None:
    db.execute(
        update(AuthSession)
        .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now or utcnow())
    )
