"""``labelstack openapi``: the API schema as JSON, the source of the web app's typed client."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typer


def openapi(
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
) -> None:
    """Print the OpenAPI schema of the HTTP API."""
    text = json.dumps(schema(), indent=2, sort_keys=True) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def schema() -> dict[str, object]:
    """The schema of an app built in a throw-away data directory, so no real database is touched."""
    from labelstack.api.app import create_app
    from labelstack.config import Settings

    with tempfile.TemporaryDirectory(prefix="labelstack-openapi-") as tmp:
        app = create_app(Settings(data_dir=Path(tmp)), migrate=False)
        try:
            return app.openapi()
        finally:
            app.state.engine.dispose()


def register(app: typer.Typer) -> None:
    app.command("openapi")(openapi)
