"""Archive fixtures: a write session, the local store, and real DICOM files to ingest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from labelstack.archive.store import LocalFileStore, make_store
from labelstack.config import Settings
from labelstack.services.audit import Actor


@pytest.fixture
def write_db(app: FastAPI) -> Iterator[Session]:
    """A write session (BEGIN IMMEDIATE on SQLite), as the upload route and the CLI use."""
    session: Session = app.state.write_sessionmaker()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def store(settings: Settings) -> LocalFileStore:
    made = make_store(settings)
    assert isinstance(made, LocalFileStore)
    return made


@pytest.fixture
def actor() -> Actor:
    return Actor.system("test")
