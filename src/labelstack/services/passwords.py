"""Password hashing with argon2id; plain text never leaves this module."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from labelstack.services.errors import InvalidInput

_hasher = PasswordHasher()


# A hash of a random password: verifying against it when a user does not exist
# costs the same time as a real check, so timing does not reveal usernames.
# Made on first use, not at import, so that commands which never check a password
# (import, export) do not pay for an argon2 hash when they start.
@cache
def _dummy_hash() -> str:
    return _hasher.hash("labelstack-timing-equaliser-not-a-password")


def hash_password(password: str, *, min_length: int) -> str:
    check_password_strength(password, min_length=min_length)
    return _hasher.hash(password)


def check_password_strength(password: str, *, min_length: int) -> None:
    if len(password) < min_length:
        raise InvalidInput(f"password must be at least {min_length} characters long")
    if password.strip() == "":
        raise InvalidInput("password must not be blank")


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
