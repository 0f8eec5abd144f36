from __future__ import annotations

from pathlib import Path

import pytest
from pydicom.dataset import Dataset

from labelstack.annotations.labelmaps import LabelmapStore
from tests.annotations.series_factory import ct_series


@pytest.fixture
def store(tmp_path: Path) -> LabelmapStore:
    return LabelmapStore(tmp_path / "slices")


@pytest.fixture(scope="module")
def ct40() -> list[Dataset]:
    """A 40-slice 64x64 CT series, shuffled as files arrive from a scanner."""
    return ct_series(40, 64, 64)
