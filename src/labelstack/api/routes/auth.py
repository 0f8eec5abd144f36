"""Login and logout (bearer token and httpOnly cookie)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from labelstack.api.deps import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    CurrentCaller,
    DbSession,
    SettingsDep,
    client_address,
)
from labelstack.schemas.auth import LoginRequest, TokenResponse
from labelstack.services import auth

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=TokenResponse)
def login(
    body: LoginRequest, request: Request, response: Response, db: DbSession, settings: SettingsDep
) -> TokenResponse:
    """Check the credentials, open a session, return its token and set the session cookie."""
    issued = auth.login(
        db,
        username=body.username,
        password=body.password,
        settings=settings,
        client_address=client_address(request),
        user_agent=request.headers.get("User-Agent"),
    )
    max_age = settings.session_max_hours * 3600
    common = {"max_age": max_age, "secure": settings.cookie_secure, "samesite": "strict", "path": "/"}
    response.set_cookie(SESSION_COOKIE, issued.token, httponly=True, **common)  # type: ignore[arg-type]
    response.set_cookie(CSRF_COOKIE, issued.csrf_token, httponly=False, **common)  # type: ignore[arg-type]
    return TokenResponse(access_token=issued.token, csrf_token=issued.csrf_token)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(caller: CurrentCaller, response: Response, db: DbSession) -> Response:
    """End this session on the server and clear the cookies."""
    auth.logout(db, session_row=caller.session, actor=caller.actor)
    response.status_code = status.HTTP_204_NO_CONTENT
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response
