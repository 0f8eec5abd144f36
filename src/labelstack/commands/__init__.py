"""Feature commands attached to the root CLI (import, export, pacs ...)."""

from __future__ import annotations

import typer

from labelstack.commands import openapi


def register(app: typer.Typer) -> None:
    """Attach every feature's commands to ``app``."""
    from labelstack.commands import imports

    app.command("import")(imports.import_command)
    from labelstack.commands import exports

    app.command("export")(exports.export_command)
    from labelstack.commands import pacs

    app.add_typer(pacs.pacs_app, name="pacs")
    openapi.register(app)
