"""Typed domain errors. The API maps each to one HTTP status in one handler."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base class: a caller's mistake or a state the caller cannot act in."""

    status_code = 400

    def __init__(self, detail: Any, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail if isinstance(detail, str) else repr(detail))
        self.detail = detail
        self.headers = headers


class InvalidInput(DomainError):
    status_code = 422


class NotAuthenticated(DomainError):
    status_code = 401


class PermissionDenied(DomainError):
    status_code = 403


class NotFound(DomainError):
    status_code = 404


class Conflict(DomainError):
    status_code = 409


class InvalidTransition(Conflict):
    """A workflow change that the current state does not allow."""

    def __init__(self, current: str, requested: str, allowed: list[str]) -> None:
        super().__init__(
            {
                "message": f"cannot change status from {current!r} to {requested!r}",
                "current": current,
                "requested": requested,
                "allowed": allowed,
            }
        )


class PayloadTooLarge(DomainError):
    status_code = 413


class UnsupportedMediaType(DomainError):
    status_code = 415


class NotAcceptable(DomainError):
    status_code = 406


class TooManyRequests(DomainError):
    status_code = 429


class UpstreamUnavailable(DomainError):
    """A peer we depend on (the PACS) did not answer or answered with an error."""

    status_code = 502
