"""Factories for test objects: users that exist in the database and can log in."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from labelstack.models import Role, User
from labelstack.schemas.users import UserCreate
from labelstack.services import users
from labelstack.services.audit import Actor

DEFAULT_PASSWORD = "correct-horse-battery"


@dataclass
class LoggedIn:
    user: User
    token: str
    csrf_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class UserFactory:
    db: Session
    client: TestClient
    _seq: count[int] = field(default_factory=lambda: count(1))

    def create(
        self, username: str | None = None, *roles: Role, password: str = DEFAULT_PASSWORD, **fields: object
    ) -> User:
        name = username or f"user{next(self._seq)}"
        return users.create(
            self.db,
            user_in=UserCreate.model_validate(
                {"username": name, "password": password, "roles": list(roles) or [Role.annotator], **fields}
            ),
            actor=Actor.system("test"),
            password_min_length=10,
        )

    def login(self, user: User | str, password: str = DEFAULT_PASSWORD) -> LoggedIn:
        username = user if isinstance(user, str) else user.username
        response = self.client.post("/api/v1/auth/login", json={"username": username, "password": password})
        assert response.status_code == 200, response.text
        body = response.json()
        self.client.cookies.clear()  # tests choose bearer or cookie explicitly
        found = user if isinstance(user, User) else users.get_by_username(self.db, username)
        self.db.commit()  # end the read transaction so the app's writers never wait on it
        assert found is not None
        return LoggedIn(found, body["access_token"], body["csrf_token"])

    def logged_in(self, username: str | None = None, *roles: Role, **fields: object) -> LoggedIn:
        return self.login(self.create(username, *roles, **fields))

    def admin(self, username: str = "root") -> LoggedIn:
        return self.logged_in(username, Role.admin)

    def annotator(self, username: str = "anna") -> LoggedIn:
        return self.logged_in(username, Role.annotator)

    def reviewer(self, username: str = "rita") -> LoggedIn:
        return self.logged_in(username, Role.reviewer)
