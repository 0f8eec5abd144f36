"""Migration 0005: a task item's annotation version is a real foreign key, on SQLite and PostgreSQL.

The migration runs on a database that already holds work made at 0004:
dangling review items go, everything else stays as it was (on SQLite the
table rebuild must not fire the ON DELETE actions of the foreign keys that
point at task items), and afterwards the database itself refuses a dangling
reference.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, delete, inspect, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labelstack.config import Settings
from labelstack.db import migrate
from labelstack.db.base import Base
from labelstack.db.engine import make_engine, make_sessionmaker
from labelstack.models import Annotation, Role, TaskItem, TaskKind
from labelstack.schemas.annotation_content import QCContent
from labelstack.schemas.annotations import AnnotationCreate
from labelstack.schemas.tasks import ItemRef, TaskCreate
from labelstack.schemas.users import UserCreate
from labelstack.services import annotation_versions, tasks, users
from labelstack.services.annotation_storage import labelmap_store
from tests.conftest import BACKEND, POSTGRES_URL
from tests.workflow.factories import SYSTEM, ArchiveFactory, WorkFactory

BEFORE = "0004_annotations"
MISSING_VERSION = 987_654


@pytest.fixture
def blank_engine(tmp_path: Path) -> Iterator[Engine]:
    """An empty database of the backend under test, not migrated yet."""
    if BACKEND == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'before.db'}")
        yield engine
        engine.dispose()
        return
    name = f"labelstack_migration_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _work_made_before(engine: Engine, tmp_path: Path) -> dict[str, int]:
    """At 0004: an annotation on an annotator's task item, reviewed by two items, one left dangling."""
    migrate.upgrade(engine, BEFORE)
    with _later_columns(engine), make_sessionmaker(engine, write=True)() as db:
        anna, rita = (
            users.create(
                db,
                user_in=UserCreate(username=name, password="long-enough-pw", roles=[role]),
                actor=SYSTEM,
                password_min_length=10,
            )
            for name, role in (("anna", Role.annotator), ("rita", Role.reviewer))
        )
        work = WorkFactory(db, ArchiveFactory(db))
        series = work.archive.many(1)
        project = work.project(annotators=[anna], reviewers=[rita], series=series)
        label = work.label(project)
        annotate = work.task(project, series=series, assignee=anna)
        item_id = db.scalar(select(TaskItem.id).where(TaskItem.task_id == annotate.id))
        assert item_id is not None
        settings = Settings(environment="test", data_dir=tmp_path / "data")
        annotation = annotation_versions.create(
            db,
            annotation_in=AnnotationCreate(
                project_id=project.id,
                label_id=label,
                series_id=series[0].id,
                task_item_id=item_id,
                content=QCContent(decision="accept"),
            ),
            user=anna,
            actor=SYSTEM,
            store=labelmap_store(settings),
        )
        version = ItemRef(annotation_version_id=annotation.head_version_id, series_id=series[0].id)
        kept, dangling = (
            db.scalar(select(TaskItem.id).where(TaskItem.task_id == review.id))
            for review in (
                tasks.create(
                    db,
                    task_in=TaskCreate(
                        project_id=project.id,
                        name=name,
                        kind=TaskKind.review,
                        assignee_id=rita.id,
                        items=[version],
                    ),
                    actor=SYSTEM,
                )
                for name in ("review", "second look")
            )
        )
        assert kept is not None and dangling is not None
        _point_at_missing_version(db, dangling)
        db.commit()
        return {"annotation": annotation.id, "item": item_id, "kept": kept, "dangling": dangling}


@contextmanager
def _later_columns(engine: Engine) -> Iterator[None]:
    """Columns that later migrations add, there (empty) while today's services write the old work.

    The ORM's INSERTs name every mapped column; the columns added after
    ``BEFORE`` are nullable or have a default, so they are added for the
    writing and dropped again before the migrations under test run.
    """
    found = inspect(engine)
    missing = [
        column
        for table in Base.metadata.sorted_tables
        if found.has_table(table.name)
        for column in table.columns
        if column.name not in {c["name"] for c in found.get_columns(table.name)}
    ]
    assert all(column.nullable or column.server_default is not None for column in missing)
    with engine.begin() as conn:
        for column in missing:
            kind = column.type.compile(engine.dialect)
            default = column.server_default
            if default is not None:
                kind += f" NOT NULL DEFAULT {default.arg}"  # type: ignore[attr-defined]
            conn.execute(text(f"ALTER TABLE {column.table.name} ADD COLUMN {column.name} {kind}"))
    try:
        yield
    finally:
        with engine.begin() as conn:
            for column in missing:
                conn.execute(text(f"ALTER TABLE {column.table.name} DROP COLUMN {column.name}"))


def _point_at_missing_version(db: Session, item_id: int) -> None:
    db.execute(update(TaskItem).where(TaskItem.id == item_id).values(annotation_version_id=MISSING_VERSION))


def _task_item_of(db: Session, annotation_id: int) -> int | None:
    return db.scalar(select(Annotation.task_item_id).where(Annotation.id == annotation_id))


def test_migration_adds_the_foreign_key_and_keeps_the_work(blank_engine: Engine, tmp_path: Path) -> None:
    made = _work_made_before(blank_engine, tmp_path)
    migrate.upgrade(blank_engine)
    with make_sessionmaker(blank_engine, write=True)() as db:
        items = set(db.scalars(select(TaskItem.id)).all())
        assert made["kept"] in items and made["item"] in items
        assert made["dangling"] not in items
        # the rebuild left the references to task items alone (no ON DELETE SET NULL fired)
        assert _task_item_of(db, made["annotation"]) == made["item"]
        with pytest.raises(IntegrityError):
            _point_at_missing_version(db, made["kept"])
        db.rollback()
        # an annotation that goes takes the review items about its versions with it
        db.execute(delete(Annotation).where(Annotation.id == made["annotation"]))
        db.commit()
        assert db.get(TaskItem, made["kept"]) is None
        assert db.get(TaskItem, made["item"]) is not None


def test_migration_downgrades_and_upgrades_again(blank_engine: Engine, tmp_path: Path) -> None:
    made = _work_made_before(blank_engine, tmp_path)
    migrate.upgrade(blank_engine)
    command.downgrade(migrate.alembic_config(blank_engine), BEFORE)
    assert migrate.current_revisions(blank_engine) == {BEFORE}
    with make_sessionmaker(blank_engine, write=True)() as db:  # no constraint any more
        _point_at_missing_version(db, made["kept"])
        db.commit()
        assert _task_item_of(db, made["annotation"]) == made["item"]
    migrate.upgrade(blank_engine)
    with make_sessionmaker(blank_engine)() as db:
        assert db.get(TaskItem, made["kept"]) is None  # dangling again, so removed again
        assert db.get(TaskItem, made["item"]) is not None
