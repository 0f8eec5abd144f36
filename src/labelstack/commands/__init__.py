"""Feature commands attached to the root CLI (import, export, pacs ...)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach every feature's commands to ``app``."""
