"""Health check: the only route besides login that answers without a session."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text

from labelstack import __version__
from labelstack.schemas.health import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(request: Request) -> Health:
    """Report version and whether the database answers."""
    engine = request.app.state.engine
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        database = "ok"
    except Exception as exc:  # a health check reports failures, it does not raise them
        database = f"unreachable: {type(exc).__name__}"
    return Health(
        status="ok" if database == "ok" else "degraded",
        version=__version__,
        database=database,
        database_backend=engine.dialect.name,
    )
