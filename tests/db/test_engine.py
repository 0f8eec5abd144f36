"""The database layer: SQLite settings and safe concurrent writers on both backends."""

from __future__ import annotations

import multiprocessing

from sqlalchemy import func, select, text

from labelstack.config import Settings
from labelstack.db.engine import make_engine, make_sessionmaker
from labelstack.models import User
from labelstack.schemas.users import UserCreate
from labelstack.services import users
from labelstack.services.audit import Actor
from tests.conftest import BACKEND


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def _create_users(url: str, prefix: str, count: int) -> None:
    engine = make_engine(url)
    sessions = make_sessionmaker(engine, write=True)
    for i in range(count):
        with sessions() as db:
            users.create(
                db,
                user_in=UserCreate(username=f"{prefix}-{i}", password="long-enough-pw", roles=["annotator"]),
                actor=Actor.system("test"),
                password_min_length=10,
            )
    engine.dispose()


def test_several_processes_write_at_once_without_errors(settings: Settings):
    """Several server workers (or the CLI beside a server) write to one database safely."""
    url = settings.resolved_database_url
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_create_users, args=(url, f"w{n}", 15)) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=240)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    engine = make_engine(url)
    with make_sessionmaker(engine)() as db:
        assert db.scalar(select(func.count()).select_from(User)) == 60
    engine.dispose()


def test_backend_under_test_is_the_one_asked_for(engine):
    assert engine.dialect.name == BACKEND
