"""User accounts as the API sees them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, EmailStr, Field, field_validator

from labelstack.models.user import Role
from labelstack.schemas.common import ReadModel

USERNAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$"


class UserProfileFields(BaseModel):
    full_name: str = Field(default="", max_length=200)
    email: EmailStr | None = None
    title: str = Field(default="", max_length=200, description="e.g. 'Consultant radiologist'")
    description: str = Field(default="", max_length=5000)
    experience: str = Field(default="", max_length=5000, description="free text, e.g. '8 years cardiac MR'")


class UserCreate(UserProfileFields):
    username: str = Field(pattern=USERNAME_PATTERN)
    password: str = Field(max_length=1024)
    roles: list[Role] = Field(min_length=1)

    @field_validator("roles")
    @classmethod
    def _unique_roles(cls, roles: list[Role]) -> list[Role]:
        return sorted(set(roles), key=list(Role).index)


class UserUpdate(BaseModel):
    """Fields an admin may change; omitted fields stay as they are."""

    full_name: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None
    title: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=5000)
    experience: str | None = Field(default=None, max_length=5000)
    roles: list[Role] | None = Field(default=None, min_length=1)
    is_active: bool | None = None


class UserRead(ReadModel):
    id: int
    username: str
    full_name: str
    email: str | None
    title: str
    description: str
    experience: str
    roles: list[Role]
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None


class PasswordChange(BaseModel):
    current_password: str = Field(max_length=1024)
    new_password: str = Field(max_length=1024)


class PasswordReset(BaseModel):
    new_password: str = Field(max_length=1024)
