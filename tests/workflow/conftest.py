"""Fixtures for workflow tests."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from tests.workflow.factories import ArchiveFactory, WorkFactory


@pytest.fixture
def archive(db: Session) -> ArchiveFactory:
    return ArchiveFactory(db)


@pytest.fixture
def work(db: Session, archive: ArchiveFactory) -> WorkFactory:
    return WorkFactory(db, archive)
