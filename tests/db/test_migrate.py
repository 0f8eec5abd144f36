"""Schema check on start-up: the fast "already current" answer agrees with Alembic."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from labelstack.db import migrate
from labelstack.db.engine import make_engine


def test_heads_read_from_the_migration_files_are_alembics_heads():
    scripts = ScriptDirectory.from_config(migrate.alembic_config(make_engine("sqlite://")))
    assert migrate.script_heads() == frozenset(scripts.get_heads())


def test_an_empty_database_is_not_current_and_upgrade_makes_it_so(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert not migrate.is_current(engine)
    migrate.upgrade(engine)
    assert migrate.is_current(engine)
    assert migrate.current_revisions(engine) == set(migrate.script_heads())


def test_a_database_one_migration_behind_is_upgraded(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    scripts = ScriptDirectory.from_config(migrate.alembic_config(engine))
    (head,) = scripts.get_heads()
    previous = scripts.get_revision(head).down_revision
    assert isinstance(previous, str)
    migrate.upgrade(engine, previous)
    assert not migrate.is_current(engine)
    migrate.upgrade(engine)
    assert migrate.current_revisions(engine) == {head}


def test_the_test_database_is_current(engine: Engine):
    assert migrate.is_current(engine)
    with engine.connect() as conn:
        recorded = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    assert recorded == migrate.script_heads()
