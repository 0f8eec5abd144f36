"""Service health for load balancers and people."""

from __future__ import annotations

from pydantic import BaseModel


class Health(BaseModel):
    status: str
    version: str
    database: str
    database_backend: str
