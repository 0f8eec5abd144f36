"""Feature commands attached to the root CLI (import, export, pacs ...)."""

from __future__ import annotations

import typer

from labelstack.commands import openapi


def register(app: typer.Typer) -> None:
    """Attach every feature's commands to ``app``."""
    openapi.register(app)
