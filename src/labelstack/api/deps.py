"""Request dependencies, defined once: database session, settings, caller, roles.

Authorisation lives here and nowhere else. Every route depends on
``CurrentCaller`` / ``CurrentUser`` (any logged-in user), ``AdminCaller`` or ``require_roles(...)``;
``tests/api/test_route_protection.py`` walks the whole OpenAPI schema to
prove it.

Dependencies that only look at the request or at an already resolved caller
are ``async def``: FastAPI runs every plain ``def`` dependency in its thread
pool, and each such hop costs more than the check itself. Only the caller
lookup, which talks to the database, runs there.

The per-frame DICOMweb routes, which a viewer calls hundreds of times a
second, use ``RecentCallerDep`` instead: the same login check, kept for a
couple of seconds (``sessions.LOGIN_CHECK_SECONDS``), so that most requests
are answered on the event loop without touching the database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from labelstack.config import Settings
from labelstack.models import AuthSession, Role, User
from labelstack.services import sessions
from labelstack.services.audit import Actor
from labelstack.services.dicomweb import FrameLookups
from labelstack.services.errors import NotAuthenticated, PermissionDenied

SESSION_COOKIE = "labelstack_session"
CSRF_COOKIE = "labelstack_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_db(request: Request) -> AsyncIterator[Session]:
    """A session for this request: a write session for methods that change state."""
    factory = request.app.state.sessionmaker
    if request.method not in SAFE_METHODS:
        factory = request.app.state.write_sessionmaker
    async with _session_from(factory) as db:
        yield db


async def get_read_db(request: Request) -> AsyncIterator[Session]:
    """A read session even for a write request: for checks and heavy work done before writing.

    On SQLite a write session holds the database's write lock from its first
    statement; a route that validates, decodes and stores files before it
    writes a row does that part here, so the lock is held only for the short
    transaction at the end.
    """
    async with _session_from(request.app.state.sessionmaker) as db:
        yield db


@asynccontextmanager
async def _session_from(factory: sessionmaker[Session]) -> AsyncIterator[Session]:
    """Making a session touches no database (it connects on first use), so it
    happens on the event loop; closing hands a connection back (a rollback),
    so that part goes to the thread pool, and only when a connection was used.
    """
    db: Session = factory()
    try:
        yield db
    finally:
        if db.in_transaction():
            await run_in_threadpool(db.close)
        else:
            db.close()


SettingsDep = Annotated[Settings, Depends(get_settings)]
DbSession = Annotated[Session, Depends(get_db)]
ReadDbSession = Annotated[Session, Depends(get_read_db)]


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


@dataclass(frozen=True)
class Caller:
    """The authenticated user, their session, and how they authenticated."""

    user: User
    session: AuthSession
    via_cookie: bool
    address: str | None

    @property
    def actor(self) -> Actor:
        return Actor.of(self.user, self.address)


def get_caller(request: Request, db: DbSession, settings: SettingsDep) -> Caller:
    token, via_cookie = _token_from(request)
    if not token:
        raise NotAuthenticated("not logged in", headers={"WWW-Authenticate": "Bearer"})
    row = sessions.resolve(db, token=token, idle_timeout=timedelta(minutes=settings.session_idle_minutes))
    if row is None:
        raise NotAuthenticated("session is invalid or has expired", headers={"WWW-Authenticate": "Bearer"})
    cookie_write = via_cookie and request.method not in SAFE_METHODS
    if cookie_write and not sessions.csrf_matches(row, request.headers.get(CSRF_HEADER)):
        raise PermissionDenied(f"missing or wrong {CSRF_HEADER} header")
    sessions.touch(db, row)
    if request.method not in SAFE_METHODS:
        # end the lookup's transaction: on SQLite a write request then holds the
        # write lock only while its service works, not while the body is handled
        db.commit()
    return Caller(user=row.user, session=row, via_cookie=via_cookie, address=client_address(request))


def _token_from(request: Request) -> tuple[str | None, bool]:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip(), False
    cookie = request.cookies.get(SESSION_COOKIE)
    return (cookie, True) if cookie else (None, False)


CurrentCaller = Annotated[Caller, Depends(get_caller)]


@dataclass(frozen=True)
class RecentCaller:
    """A caller whose login was checked at most ``sessions.LOGIN_CHECK_SECONDS`` ago."""

    user: sessions.SessionUser
    address: str | None

    @property
    def actor(self) -> Actor:
        return Actor(self.user.id, self.user.username, self.address)


def frame_lookups(request: Request) -> FrameLookups:
    lookups: FrameLookups = request.app.state.frame_lookups
    return lookups


async def get_recent_caller(request: Request, settings: SettingsDep) -> RecentCaller:
    """The login check of :func:`get_caller` for safe methods, remembered for a moment."""
    token, _via_cookie = _token_from(request)
    if not token:
        raise NotAuthenticated("not logged in", headers={"WWW-Authenticate": "Bearer"})
    checks = frame_lookups(request).logins
    found = sessions.recent_login(checks, token=token)
    if found is None:
        idle = timedelta(minutes=settings.session_idle_minutes)
        found = await run_in_threadpool(_check_login, request.app.state.sessionmaker, checks, token, idle)
    if found is None:
        raise NotAuthenticated("session is invalid or has expired", headers={"WWW-Authenticate": "Bearer"})
    return RecentCaller(user=found.user, address=client_address(request))


def _check_login(
    factory: sessionmaker[Session], checks: sessions.LoginChecks, token: str, idle: timedelta
) -> sessions.LoginCheck | None:
    with factory() as db:
        return sessions.check_login(db, checks, token=token, idle_timeout=idle)


RecentCallerDep = Annotated[RecentCaller, Depends(get_recent_caller)]


async def get_current_user(caller: CurrentCaller) -> User:
    return caller.user


CurrentUser = Annotated[User, Depends(get_current_user)]


async def require_admin(caller: CurrentCaller) -> Caller:
    if not caller.user.is_admin:
        raise PermissionDenied("this needs the admin role")
    return caller


AdminCaller = Annotated[Caller, Depends(require_admin)]


def require_roles(*roles: Role) -> Callable[[Caller], Awaitable[Caller]]:
    """A dependency that lets through users holding any of ``roles`` (admins always)."""

    async def check(caller: CurrentCaller) -> Caller:
        if caller.user.is_admin or any(caller.user.has_role(r) for r in roles):
            return caller
        raise PermissionDenied("this needs one of the roles: " + ", ".join(r.value for r in roles))

    check.__name__ = "require_" + "_or_".join(r.value for r in roles)
    return check


#: Writes under these paths change annotation content only, never a login or who may see a
#: series; they are the autosaves every annotator sends every few seconds, so clearing the
#: frame lookups after each of them would send everyone's next frames back to the database.
_CONTENT_ONLY_WRITES = ("/api/v1/annotations",)


class ClearAfterChanges:
    """ASGI middleware: after any request that may change something, forget the ``FrameLookups``.

    A logout, a deactivation, a cancelled task or a deleted series made
    through this process then shows on the per-frame routes at once; made
    elsewhere (another worker, the command line), within the lookups' bounds.
    """

    def __init__(self, app: ASGIApp, lookups: FrameLookups) -> None:
        self.app = app
        self.lookups = lookups

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        finally:
            if (
                scope["type"] == "http"
                and scope["method"] not in SAFE_METHODS
                and not scope["path"].startswith(_CONTENT_ONLY_WRITES)
            ):
                self.lookups.clear()
