"""Start-up chores: schema up to date, and a first admin when asked for one."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from labelstack.config import Settings
from labelstack.db import migrate
from labelstack.models import Role, User, UserRole

BOOTSTRAP_ADMIN = "admin"


def prepare_database(engine: Engine) -> None:
    migrate.upgrade(engine)
    migrate.refresh_planner_statistics(engine)


def ensure_admin(db: Session, settings: Settings) -> User | None:
    """Create ``admin`` from LABELSTACK_ADMIN_PASSWORD when no admin exists yet."""
    if settings.admin_password is None:
        return None
    admins = db.scalar(select(func.count()).select_from(UserRole).where(UserRole.role == Role.admin))
    if admins:
        return None
    from labelstack.schemas.users import UserCreate  # e-mail validation: only when an admin is made
    from labelstack.services import users
    from labelstack.services.audit import Actor

    return users.create(
        db,
        user_in=UserCreate(
            username=BOOTSTRAP_ADMIN,
            password=settings.admin_password.get_secret_value(),
            roles=[Role.admin],
            full_name="Administrator",
        ),
        actor=Actor.system("bootstrap"),
        password_min_length=settings.password_min_length,
    )
