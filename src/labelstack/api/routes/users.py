"""User accounts: admins manage everyone, everyone manages their own password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from labelstack.api.deps import AdminCaller, CurrentCaller, DbSession, SettingsDep
from labelstack.models import Role
from labelstack.schemas.common import Page
from labelstack.schemas.users import PasswordChange, PasswordReset, UserCreate, UserRead, UserUpdate
from labelstack.services import users
from labelstack.services.users import UserSort

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me", response_model=UserRead)
def read_me(caller: CurrentCaller) -> UserRead:
    """The logged-in user's own profile."""
    return UserRead.model_validate(caller.user)


@router.post("/me/password", status_code=status.HTTP_204_NO_CONTENT)
def change_my_password(
    body: PasswordChange, caller: CurrentCaller, db: DbSession, settings: SettingsDep
) -> None:
    """Change one's own password; every session of the user ends, this one included."""
    users.change_own_password(
        db,
        user=caller.user,
        change=body,
        actor=caller.actor,
        password_min_length=settings.password_min_length,
    )


@router.get("", response_model=Page[UserRead])
def list_users(
    _admin: AdminCaller,
    db: DbSession,
    search: str | None = None,
    role: Role | None = None,
    active: bool | None = None,
    sort: UserSort = "username",
    descending: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[UserRead]:
    """Search, filter, sort and page through users."""
    rows, total = users.list_users(
        db,
        search=search,
        role=role,
        active=active,
        sort=sort,
        descending=descending,
        limit=limit,
        offset=offset,
    )
    return Page(items=[UserRead.model_validate(u) for u in rows], total=total, limit=limit, offset=offset)


@router.post("", response_model=UserRead, status_code=status.HTTP_201_CREATED)
def create_user(body: UserCreate, caller: AdminCaller, db: DbSession, settings: SettingsDep) -> UserRead:
    """Add a user with roles and an initial password."""
    user = users.create(
        db, user_in=body, actor=caller.actor, password_min_length=settings.password_min_length
    )
    return UserRead.model_validate(user)


@router.get("/{user_id}", response_model=UserRead)
def read_user(user_id: int, _admin: AdminCaller, db: DbSession) -> UserRead:
    """One user's profile."""
    return UserRead.model_validate(users.get(db, user_id))


@router.patch("/{user_id}", response_model=UserRead)
def update_user(user_id: int, body: UserUpdate, caller: AdminCaller, db: DbSession) -> UserRead:
    """Edit profile fields, roles or the active flag."""
    return UserRead.model_validate(users.update(db, user_id=user_id, user_in=body, actor=caller.actor))


@router.post("/{user_id}/deactivate", response_model=UserRead)
def deactivate_user(user_id: int, caller: AdminCaller, db: DbSession) -> UserRead:
    """Stop a user from logging in and end their sessions; their work stays."""
    return UserRead.model_validate(users.set_active(db, user_id=user_id, active=False, actor=caller.actor))


@router.post("/{user_id}/reactivate", response_model=UserRead)
def reactivate_user(user_id: int, caller: AdminCaller, db: DbSession) -> UserRead:
    """Let a deactivated user log in again."""
    return UserRead.model_validate(users.set_active(db, user_id=user_id, active=True, actor=caller.actor))


@router.post("/{user_id}/password", status_code=status.HTTP_204_NO_CONTENT)
def reset_password(
    user_id: int, body: PasswordReset, caller: AdminCaller, db: DbSession, settings: SettingsDep
) -> None:
    """Set a new password for a user; their sessions end."""
    users.reset_password(
        db,
        user_id=user_id,
        new_password=body.new_password,
        actor=caller.actor,
        password_min_length=settings.password_min_length,
    )
