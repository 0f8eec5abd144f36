"""Test fixtures: a real database per test on SQLite or PostgreSQL, a real app, real users.

Set ``LABELSTACK_TEST_DATABASE=postgresql`` to run the suite against the
PostgreSQL server at ``LABELSTACK_TEST_POSTGRES_URL`` (default: the local
server on 127.0.0.1:5432 with trust auth). The suite creates its own
database there and drops it at the end.

SQLite: the schema is migrated once into a template file, and each test gets
a fresh copy. PostgreSQL: one database per run, emptied after each test.
``shared_database_url`` is one more database, for a server shared by many tests.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from labelstack.api.app import create_app
from labelstack.config import Settings
from labelstack.db import migrate
from labelstack.db.base import Base
from labelstack.db.engine import make_engine
from labelstack.services import audit
from tests.factories import UserFactory

BACKEND = os.environ.get("LABELSTACK_TEST_DATABASE", "sqlite")
POSTGRES_URL = os.environ.get(
    "LABELSTACK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def pytest_report_header() -> str:
    return f"labelstack database backend: {BACKEND}"


@contextmanager
def _new_postgres_database() -> Iterator[str]:
    """A new PostgreSQL database migrated to the latest schema, dropped when the block ends."""
    name = f"labelstack_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def _migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated to the latest schema: a template file or a PostgreSQL database."""
    if BACKEND == "sqlite":
        template = tmp_path_factory.mktemp("db-template") / "template.db"
        engine = make_engine(f"sqlite:///{template}")
        migrate.upgrade(engine)
        engine.dispose()
        yield str(template)
        return
    if BACKEND != "postgresql":
        raise pytest.UsageError(f"unknown LABELSTACK_TEST_DATABASE {BACKEND!r}")
    with _new_postgres_database() as url:
        yield url


@pytest.fixture(scope="session")
def shared_database_url(_migrated_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database for a server that several tests share, kept for the whole run.

    It is not the per-test database: on PostgreSQL that one is emptied after
    every test, which would wipe the shared server's data under it.
    """
    if BACKEND == "sqlite":
        copy = tmp_path_factory.mktemp("shared-db") / "labelstack.db"
        shutil.copyfile(_migrated_database, copy)
        yield f"sqlite:///{copy}"
        return
    with _new_postgres_database() as url:
        yield url


@pytest.fixture
def database_url(_migrated_database: str, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database for this test alone."""
    if BACKEND == "sqlite":
        copy = tmp_path / "labelstack.db"
        shutil.copyfile(_migrated_database, copy)
        yield f"sqlite:///{copy}"
        return
    yield _migrated_database
    _empty_postgres(_migrated_database)


def _empty_postgres(url: str) -> None:
    engine = make_engine(url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        environment="test",
        data_dir=tmp_path / "data",
        database_url=database_url,
        password_min_length=10,
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    application = create_app(settings, migrate=False)
    yield application
    # live servers run without lifespan: write this test's frame reads into its own database
    audit.close_frame_reads(application.state.engine)
    application.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def engine(app: FastAPI) -> Engine:
    engine: Engine = app.state.engine
    return engine


@pytest.fixture
def db(app: FastAPI) -> Iterator[Session]:
    session: Session = app.state.sessionmaker()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def users(db: Session, client: TestClient) -> UserFactory:
    return UserFactory(db, client)
