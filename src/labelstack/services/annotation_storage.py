"""Where labelmap slices live: one content-addressed store inside the data directory."""

from __future__ import annotations

from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.config import Settings


def labelmap_store(settings: Settings) -> LabelmapStore:
    return LabelmapStore(settings.data_dir / "annotations" / "slices")
