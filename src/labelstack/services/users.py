"""User accounts: create, edit, (de)activate, roles and passwords.

Every change is written to the audit log in the same transaction. Changing a
password or deactivating a user ends all of that user's sessions.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labelstack.db.types import utcnow
from labelstack.models import Role, User, UserRole
from labelstack.schemas.users import PasswordChange, UserCreate, UserUpdate
from labelstack.services import audit, sessions
from labelstack.services.audit import Actor
from labelstack.services.errors import Conflict, InvalidInput, NotFound
from labelstack.services.passwords import hash_password, verify_password

UserSort = Literal["username", "full_name", "created_at", "last_login_at", "id"]


def get(db: Session, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found")
    return user


def get_by_username(db: Session, username: str) -> User | None:
    return db.scalar(select(User).where(func.lower(User.username) == username.lower()))


def create(db: Session, *, user_in: UserCreate, actor: Actor, password_min_length: int) -> User:
    if get_by_username(db, user_in.username) is not None:
        raise Conflict(f"username {user_in.username!r} is already taken")
    user = User(
        username=user_in.username,
        full_name=user_in.full_name,
        email=user_in.email,
        title=user_in.title,
        description=user_in.description,
        experience=user_in.experience,
        password_hash=hash_password(user_in.password, min_length=password_min_length),
        role_rows=[UserRole(role=r) for r in user_in.roles],
    )
    db.add(user)
    try:
        db.flush()
    except IntegrityError as exc:  # two admins racing for the same name
        db.rollback()
        raise Conflict(f"username {user_in.username!r} is already taken") from exc
    audit.record(
        db,
        actor=actor,
        action="user.create",
        object_type="user",
        object_id=user.id,
        details={"username": user.username, "roles": [r.value for r in user.roles]},
    )
    db.commit()
    return user


def update(db: Session, *, user_id: int, user_in: UserUpdate, actor: Actor) -> User:
    user = get(db, user_id)
    changes = user_in.model_dump(exclude_unset=True)
    if "roles" in changes and changes["roles"] is None:
        raise InvalidInput("roles must not be empty")
    if actor.user_id == user.id:
        if changes.get("is_active") is False:
            raise Conflict("you cannot deactivate yourself")
        if "roles" in changes and Role.admin not in changes["roles"]:
            raise Conflict("you cannot remove your own admin role")
    if user.is_admin and (
        changes.get("is_active") is False or ("roles" in changes and Role.admin not in changes["roles"])
    ):
        _ensure_another_active_admin(db, user)
    recorded: dict[str, object] = {}
    for field, value in changes.items():
        if field == "roles":
            wanted = set(value)
            if wanted != set(user.roles):
                user.role_rows = [UserRole(role=r) for r in sorted(wanted, key=list(Role).index)]
                recorded["roles"] = sorted(r.value for r in wanted)
        elif getattr(user, field) != value:
            setattr(user, field, value)
            recorded[field] = value
    if "is_active" in recorded and not user.is_active:
        sessions.revoke_all_for_user(db, user_id=user.id)
    if recorded:
        action = "user.update"
        if recorded.keys() == {"is_active"}:
            action = "user.activate" if user.is_active else "user.deactivate"
        audit.record(db, actor=actor, action=action, object_type="user", object_id=user.id, details=recorded)
    db.commit()
    return user


def set_active(db: Session, *, user_id: int, active: bool, actor: Actor) -> User:
    return update(db, user_id=user_id, user_in=UserUpdate(is_active=active), actor=actor)


def reset_password(
    db: Session, *, user_id: int, new_password: str, actor: Actor, password_min_length: int
) -> User:
    user = get(db, user_id)
    _set_password(db, user, new_password, password_min_length)
    audit.record(db, actor=actor, action="user.password_reset", object_type="user", object_id=user.id)
    db.commit()
    return user


def change_own_password(
    db: Session, *, user: User, change: PasswordChange, actor: Actor, password_min_length: int
) -> None:
    if not verify_password(user.password_hash, change.current_password):
        raise InvalidInput("current password is wrong")
    _set_password(db, user, change.new_password, password_min_length)
    audit.record(db, actor=actor, action="user.password_change", object_type="user", object_id=user.id)
    db.commit()


def list_users(
    db: Session,
    *,
    search: str | None = None,
    role: Role | None = None,
    active: bool | None = None,
    sort: UserSort = "username",
    descending: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[User], int]:
    conditions = []
    if search:
        pattern = f"%{search.lower()}%"
        conditions.append(
            or_(
                func.lower(User.username).like(pattern),
                func.lower(User.full_name).like(pattern),
                func.lower(func.coalesce(User.email, "")).like(pattern),
                func.lower(User.title).like(pattern),
            )
        )
    if role is not None:
        conditions.append(User.id.in_(select(UserRole.user_id).where(UserRole.role == role)))
    if active is not None:
        conditions.append(User.is_active == active)
    column = getattr(User, sort)
    order = column.desc() if descending else column.asc()
    total = db.scalar(select(func.count()).select_from(User).where(*conditions)) or 0
    rows = db.scalars(
        select(User).where(*conditions).order_by(order, User.id).limit(limit).offset(offset)
    ).all()
    return list(rows), total


def _set_password(db: Session, user: User, new_password: str, min_length: int) -> None:
    user.password_hash = hash_password(new_password, min_length=min_length)
    user.password_changed_at = utcnow()
    sessions.revoke_all_for_user(db, user_id=user.id)


def _ensure_another_active_admin(db: Session, user: User) -> None:
    others = db.scalar(
        select(func.count())
        .select_from(User)
        .join(UserRole)
        .where(UserRole.role == Role.admin, User.is_active.is_(True), User.id != user.id)
    )
    if not others:
        raise Conflict("LabelStack must keep at least one active admin")
