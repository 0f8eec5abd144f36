from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from labelstack.config import Settings
from tests.annotation_api.scene import Scene, build
from tests.factories import UserFactory


@pytest.fixture
def scene(client: TestClient, users: UserFactory, db: Session, settings: Settings) -> Scene:
    return build(client, users, db, settings)
