"""The ``labelstack`` command line: serve, users, database, demo data.

Feature commands (import, export, pacs ...) live in ``labelstack.commands``
and are attached here, so this file stays the table of contents.

Start-up time is part of every command's time (``labelstack import`` of a
folder is timed against other archives including it), so this module and the
command modules import at the top only what building the command table needs
(typer, and the enums that appear in option types); each command imports the
rest of what it uses when it runs.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from labelstack.roles import Role

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from labelstack.config import Settings

app = typer.Typer(help="LabelStack: medical image annotation platform.", no_args_is_help=True)
user_app = typer.Typer(help="Manage user accounts.", no_args_is_help=True)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(db_app, name="db")
console = Console()
err_console = Console(stderr=True)


def open_database() -> tuple[Settings, Engine, sessionmaker[Session]]:
    """Engine and session factory for the configured database, migrated to the latest schema."""
    from labelstack.config import get_settings
    from labelstack.db.engine import make_engine, make_sessionmaker
    from labelstack.services import bootstrap

    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url)
    bootstrap.prepare_database(engine)
    return settings, engine, make_sessionmaker(engine, write=True)


KEEP_ALIVE_SECONDS = 75


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, help="Worker processes."),
    access_log: bool = typer.Option(
        False, help="Log every HTTP request (reads of images are in the audit log either way)."
    ),
) -> None:
    """Serve the API, DICOMweb and the web app.

    uvicorn picks its fastest parts, installed with it (``uvicorn[standard]``):
    the uvloop event loop and the httptools parser. The access log is off by
    default: a viewer makes hundreds of requests a second, and a log line
    costs a noticeable share of serving a frame.
    """
    import uvicorn

    settings, engine, _ = open_database()  # migrate once, before any worker starts
    engine.dispose()
    console.print(f"LabelStack on http://{host}:{port}  (data: {settings.data_dir.resolve()})")
    uvicorn.run(
        "labelstack.api.app:create_app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=False,
        log_level="info",
        access_log=access_log,
        # longer than the web app's autosave interval: with uvicorn's 5 s default, a request
        # sent every 5 s on a kept-alive connection races the server closing it (connection reset)
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )


@user_app.command("add")
def user_add(
    username: str,
    role: list[Role] = typer.Option(..., "--role", "-r", help="Role; repeat for several."),
    full_name: str = typer.Option("", help="Full name."),
    email: str | None = typer.Option(None, help="E-mail address."),
    title: str = typer.Option("", help="Title, e.g. 'Radiology resident'."),
) -> None:
    """Add a user. The password is read from standard input, or asked for."""
    from labelstack.schemas.users import UserCreate
    from labelstack.services import users
    from labelstack.services.audit import Actor
    from labelstack.services.errors import DomainError

    if sys.stdin.isatty():
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    settings, _, sessions = open_database()
    with sessions() as db:
        try:
            user = users.create(
                db,
                user_in=UserCreate(
                    username=username,
                    password=password,
                    roles=role,
                    full_name=full_name,
                    email=email,
                    title=title,
                ),
                actor=Actor.system("cli"),
                password_min_length=settings.password_min_length,
            )
        except DomainError as exc:
            err_console.print(f"[red]error:[/red] {exc.detail}")
            raise typer.Exit(1) from exc
        except ValueError as exc:  # pydantic validation of the fields
            err_console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
    console.print(f"added user [bold]{user.username}[/bold] ({', '.join(user.roles)})")


@user_app.command("list")
def user_list(search: str | None = typer.Option(None, help="Filter by name, e-mail or title.")) -> None:
    """List users."""
    from rich.table import Table

    from labelstack.services import users

    _, _, sessions = open_database()
    with sessions() as db:
        rows, total = users.list_users(db, search=search, limit=10_000)
    table = Table("id", "username", "full name", "roles", "active", "last login")
    for u in rows:
        table.add_row(
            str(u.id),
            u.username,
            u.full_name,
            ", ".join(u.roles),
            "yes" if u.is_active else "no",
            u.last_login_at.strftime("%Y-%m-%d %H:%M") if u.last_login_at else "never",
        )
    console.print(table)
    console.print(f"{total} user(s)")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations up to the latest schema."""
    from labelstack.config import get_settings
    from labelstack.db import migrate
    from labelstack.db.engine import make_engine

    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url)
    migrate.upgrade(engine)
    console.print(f"database at {', '.join(sorted(migrate.current_revisions(engine)))}")


@app.command("demo")
def demo_command() -> None:
    """Load the demo data set (users, images, projects, tasks) into the configured database."""
    settings, _, sessions = open_database()
    with sessions() as db:
        from labelstack.services import demo  # heavy (nibabel, generators): only this command needs it

        summary = demo.load(db, settings=settings, console=console)
    for line in summary:
        console.print(line)


def _attach_feature_commands() -> None:
    from labelstack import commands

    commands.register(app)


_attach_feature_commands()
