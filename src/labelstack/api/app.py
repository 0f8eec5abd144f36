"""The FastAPI application factory.

``create_app(settings)`` builds a complete app around one database engine;
the server (``labelstack serve``) and the tests both use it, so the code that
runs in production is the code that is tested.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from labelstack import __version__
from labelstack.api.deps import ClearAfterChanges
from labelstack.api.errors import install_error_handlers
from labelstack.api.routes import (
    annotation_imports,
    archive,
    audit,
    auth,
    dicomweb,
    exports,
    health,
    labels,
    projects,
    qc,
    reviews,
    stats,
    task_work,
    tasks,
    uploads,
    users,
)
from labelstack.api.routes import annotations as annotation_routes
from labelstack.api.webapp import DEFAULT_WEBAPP_DIR, install_webapp
from labelstack.config import Settings, get_settings
from labelstack.db.engine import make_engine, make_sessionmaker
from labelstack.services import audit as audit_log
from labelstack.services import bootstrap, draft_promotion
from labelstack.services.dicomweb import FrameLookups

API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> FastAPI:
    settings = settings or get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url)
    session_factory = make_sessionmaker(engine)
    write_session_factory = make_sessionmaker(engine, write=True)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if migrate:
            bootstrap.prepare_database(engine)
        with write_session_factory() as db:
            bootstrap.ensure_admin(db, settings)
        promoter = None
        if settings.draft_quiet_seconds > 0:
            promoter = asyncio.create_task(
                draft_promotion.run(session_factory, write_session_factory, settings.draft_quiet_seconds)
            )
        yield
        if promoter is not None:
            promoter.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await promoter
        audit_log.close_frame_reads(engine)  # frame reads are written in aggregate: write the last ones
        engine.dispose()

    app = FastAPI(
        title="LabelStack",
        version=__version__,
        description="Medical image annotation: archive, workflow, annotations, review and export.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = session_factory
    app.state.write_sessionmaker = write_session_factory
    app.state.frame_lookups = FrameLookups()

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
        )
    install_error_handlers(app)
    app.add_middleware(ClearAfterChanges, lookups=app.state.frame_lookups)

    # DICOMweb lives beside the API, at /dicomweb (PS3.18). Its routes come first: routes are matched
    # in order, and the viewer's per-frame requests are the most frequent by far.
    app.include_router(dicomweb.router)
    api = APIRouter(prefix=API_PREFIX)
    for module in (
        health,
        auth,
        users,
        audit,
        archive,
        uploads,
        projects,
        labels,
        tasks,
        task_work,
        stats,
        annotation_imports,
        annotation_routes,
        reviews,
        qc,
        exports,
    ):
        api.include_router(module.router)
    app.include_router(api)
    install_webapp(app, settings.webapp_dir or DEFAULT_WEBAPP_DIR)
    return app


def create_app_from_environment() -> FastAPI:
    """Entry point for uvicorn worker processes (``factory=True``)."""
    return create_app(get_settings())
