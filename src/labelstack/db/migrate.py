"""Apply Alembic migrations from code, safely when several processes start at once.

Every command checks the schema on start-up, and loading Alembic costs more
than many commands' own work; so when the database already stands at the
newest revisions (read from the migration files without Alembic) nothing of
Alembic is imported.
"""

from __future__ import annotations

import ast
import contextlib
import fcntl
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_PG_MIGRATION_LOCK_KEY = 7_104_257  # arbitrary, fixed: "LabelStack migrations"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.+)$", re.MULTILINE)


@cache
def script_heads() -> frozenset[str]:
    """The revisions no migration file builds on: what ``alembic upgrade heads`` leads to."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        fields = {
            name: ast.literal_eval(value.strip()) for name, value in _ASSIGNMENT.findall(path.read_text())
        }
        if "revision" not in fields:
            continue
        revisions.add(fields["revision"])
        down = fields.get("down_revision")
        parents.update([down] if isinstance(down, str) else list(down or ()))
    return frozenset(revisions - parents)


def is_current(engine: Engine) -> bool:
    """Whether the database's recorded revisions are exactly the newest ones (False when unversioned)."""
    try:
        with engine.connect() as conn:
            recorded = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except DBAPIError:  # no alembic_version table yet
        return False
    return recorded == script_heads()


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "heads") -> None:
    """Bring the schema to ``revision``; concurrent callers wait for each other."""
    if revision == "heads" and is_current(engine):
        return
    from alembic import command

    with _migration_lock(engine):
        command.upgrade(alembic_config(engine), revision)


def refresh_planner_statistics(engine: Engine) -> None:
    """Give SQLite's query planner fresh statistics (PostgreSQL's autovacuum does this itself).

    Without them SQLite picks poor plans for the task and image lists once
    tables grow (seen: 238 ms instead of 28 ms for one task page). The
    analysis limit bounds the cost to a sample per index, so start-up stays fast.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


def current_revisions(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_MIGRATION_LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_MIGRATION_LOCK_KEY})
                conn.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    lock_path = Path(database).with_suffix(".migrate.lock")
    with open(lock_path, "w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)
