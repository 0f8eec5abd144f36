"""Task lists and statistics at scale: 100,000 tasks and 1,000,000 items on SQLite and PostgreSQL.

Rows are bulk-loaded (executemany on SQLite, COPY on PostgreSQL) into a
migrated database, then the real API is timed through the ASGI app: an admin
page (filtered, sorted, paginated), "my tasks" for one annotator, and the
statistics endpoints. Targets: p95 < 50 ms for lists, < 200 ms for stats.

The peer measured in the same run is the design we did not take: progress
computed per row by aggregating the item table instead of reading the
counters kept on the task row.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, case, func, select, text
from sqlalchemy.engine import make_url

from labelstack.api.app import create_app
from labelstack.config import Settings
from labelstack.db import migrate
from labelstack.db.engine import make_engine
from labelstack.models import ItemStatus, Task, TaskItem, User
from labelstack.models.task import search_text
from labelstack.schemas.users import UserCreate
from labelstack.services import sessions, users
from labelstack.services.audit import Actor

TASKS = int(os.environ.get("BENCH_TASKS", "100000"))
ITEMS_PER_TASK = 10
USERS = 200
PROJECTS = 20
SERIES = 10_000
LABELS_PER_PROJECT = 5
WORK_TIME_ROWS = 200_000
LIST_RUNS = 200
STATS_RUNS = 40
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
STATUSES = ["unassigned"] * 20 + ["open"] * 25 + ["in_progress"] * 15 + ["done"] * 35 + ["cancelled"] * 5
KINDS = ["label", "annotate", "annotate", "review", "qc"]


def main() -> None:
    for backend in ("sqlite", "postgresql"):
        database = _database(backend)
        with database as url:
            if url is None:
                print(f"{backend}: not reachable, skipped")
                continue
            _run(backend, url, Path(database.tmp.name) / "data")


class _database:
    """A fresh, migrated database for one backend (a temp file, or a throwaway PostgreSQL database)."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self.tmp = tempfile.TemporaryDirectory(prefix="bench-tasks-")
        self.name = f"labelstack_bench_{uuid.uuid4().hex[:10]}"

    def __enter__(self) -> str | None:
        if self.backend == "sqlite":
            return f"sqlite:///{Path(self.tmp.name) / 'bench.db'}"
        try:
            admin = make_engine(POSTGRES_URL).execution_options(isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self.name}"'))
            admin.dispose()
        except Exception as exc:  # no server: report and move on
            print(f"postgresql: {exc.__class__.__name__}")
            return None
        return make_url(POSTGRES_URL).set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *_exc: object) -> None:
        if self.backend == "postgresql":
            try:
                admin = make_engine(POSTGRES_URL).execution_options(isolation_level="AUTOCOMMIT")
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
                admin.dispose()
            except Exception:
                pass
        self.tmp.cleanup()


def _run(backend: str, url: str, data_dir: Path) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    started = time.perf_counter()
    facts = _load(engine)
    print(
        f"{backend}: loaded {TASKS:,} tasks, {TASKS * ITEMS_PER_TASK:,} items"
        f" in {time.perf_counter() - started:.1f} s"
    )
    settings = Settings(environment="test", data_dir=data_dir, database_url=url)
    app = create_app(settings, migrate=False)
    with TestClient(app) as client:
        admin, annotator = _tokens(app, facts)
        project, user_id = facts["project"], facts["busy_user"]
        due = (datetime.now(UTC) + timedelta(days=20)).isoformat()
        lists: list[tuple[str, str, dict[str, Any], dict[str, str]]] = [
            (
                "admin page: project + 2 statuses, by due date, page 3",
                "/api/v1/tasks",
                {
                    "project_id": project,
                    "status": ["open", "in_progress"],
                    "sort": "due_at",
                    "limit": 50,
                    "offset": 100,
                },
                admin,
            ),
            (
                "admin page: assignee + overdue, by priority desc",
                "/api/v1/tasks",
                {
                    "assignee_id": user_id,
                    "overdue": True,
                    "sort": "priority",
                    "descending": True,
                    "limit": 50,
                },
                admin,
            ),
            (
                "admin page: kind + due before, by created, page 10",
                "/api/v1/tasks",
                {"kind": "review", "due_before": due, "sort": "created_at", "limit": 50, "offset": 450},
                admin,
            ),
            (
                "admin page: text search 'batch 77', by name",
                "/api/v1/tasks",
                {"search": "batch 77", "sort": "name", "limit": 50},
                admin,
            ),
            (
                "my tasks: open + in progress, by due date",
                "/api/v1/tasks/mine",
                {"status": ["open", "in_progress"], "sort": "due_at", "limit": 50},
                annotator,
            ),
            (
                "my tasks: all, by priority desc, page 2",
                "/api/v1/tasks/mine",
                {"sort": "priority", "descending": True, "limit": 50, "offset": 50},
                annotator,
            ),
        ]
        stats_calls = [
            ("stats: project", f"/api/v1/stats/projects/{project}", {}, admin),
            ("stats: project labels", f"/api/v1/stats/projects/{project}/labels", {}, admin),
            ("stats: user", f"/api/v1/stats/users/{user_id}", {}, admin),
            ("stats: working now", "/api/v1/stats/working-now", {}, admin),
            ("stats: qc", "/api/v1/stats/qc", {}, admin),
        ]
        print(f"  {'request':58s} {'p50 ms':>8s} {'p95 ms':>8s} {'target':>7s}")
        for name, path, params, headers in lists:
            _report(name, _time(client, path, params, headers, LIST_RUNS), 50)
        for name, path, params, headers in stats_calls:
            _report(name, _time(client, path, params, headers, STATS_RUNS), 200)
        _peer(engine, project)
    app.state.engine.dispose()
    engine.dispose()


def _time(
    client: TestClient, path: str, params: dict[str, Any], headers: dict[str, str], runs: int
) -> list[float]:
    response = client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        client.get(path, params=params, headers=headers)
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def _p(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _report(name: str, samples: list[float], target: float) -> None:
    p95 = _p(samples, 0.95)
    flag = "ok" if p95 < target else "SLOW"
    print(f"  {name:58s} {statistics.median(samples):8.1f} {p95:8.1f} {'<' + str(target):>7s} {flag}")


def _peer(engine: Engine, project: int) -> None:
    """The same admin page with progress aggregated from the items instead of the task counters."""
    page = (
        select(Task.id)
        .where(Task.project_id == project, Task.status.in_(["open", "in_progress"]))
        .order_by(Task.due_at, Task.id)
        .limit(50)
        .offset(100)
    )
    finished = func.sum(case((TaskItem.status != ItemStatus.pending, 1), else_=0))
    counted = (
        select(TaskItem.task_id, func.count(), finished)
        .where(TaskItem.task_id.in_(page.scalar_subquery()))
        .group_by(TaskItem.task_id)
    )
    unfiltered = (
        select(Task.id, func.count(TaskItem.id), finished)
        .join(TaskItem, TaskItem.task_id == Task.id)
        .where(Task.project_id == project, Task.status.in_(["open", "in_progress"]))
        .group_by(Task.id)
        .order_by(Task.due_at, Task.id)
        .limit(50)
        .offset(100)
    )
    with engine.connect() as conn:
        ours = _time_sql(
            conn,
            select(Task.id, Task.items_total, Task.items_done).where(Task.id.in_(page.scalar_subquery())),
        )
        items = _time_sql(conn, counted)
        joined = _time_sql(conn, unfiltered)
    print(
        f"  peer (progress from items): page rows + counters p50 {statistics.median(ours):.2f} ms;"
        f" item aggregate for the page p50 {statistics.median(items):.2f} ms"
        f" ({statistics.median(items) / statistics.median(ours):.1f}x);"
        f" join-then-group over the filter p50 {statistics.median(joined):.1f} ms"
        f" ({statistics.median(joined) / statistics.median(ours):.0f}x)"
    )


def _time_sql(conn: Any, query: Any, runs: int = 30) -> list[float]:
    conn.execute(query).all()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        conn.execute(query).all()
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def _tokens(app: Any, facts: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    with app.state.write_sessionmaker() as db:
        admin = users.create(
            db,
            user_in=UserCreate(username="bench-admin", password="bench-password-1", roles=["admin"]),
            actor=Actor.system("bench"),
            password_min_length=8,
        )
        busy = db.get(User, facts["busy_user"])
        assert busy is not None
        tokens = [
            sessions.issue(
                db, user=u, max_age=timedelta(hours=1), client_address="127.0.0.1", user_agent="bench"
            ).token
            for u in (admin, busy)
        ]
        db.commit()
    return {"Authorization": f"Bearer {tokens[0]}"}, {"Authorization": f"Bearer {tokens[1]}"}


def _load(engine: Engine) -> dict[str, Any]:
    rng = random.Random(4)
    now = datetime.now(UTC).replace(microsecond=0)
    today = now.date()
    ts = _timestamp(engine)
    user_rows = [
        (i, f"bench{i}", f"Bench User {i}", "x", ts(now), True, ts(now), "", "", "", "")
        for i in range(1, USERS + 1)
    ]
    _copy(
        engine,
        "users",
        [
            "id",
            "username",
            "full_name",
            "password_hash",
            "password_changed_at",
            "is_active",
            "created_at",
            "title",
            "description",
            "experience",
            "email",
        ],
        user_rows,
    )
    _copy(engine, "user_roles", ["user_id", "role"], [(i, "annotator") for i in range(1, USERS + 1)])
    _copy(
        engine,
        "patients",
        ["id", "patient_key", "patient_id", "patient_name", "sex", "created_at"],
        [(i, f"P{i}", f"P{i}", f"Bench^{i}", "", ts(now)) for i in range(1, 1001)],
    )
    _copy(
        engine,
        "studies",
        [
            "id",
            "study_instance_uid",
            "patient_fk",
            "study_time",
            "description",
            "accession_number",
            "study_id",
            "referring_physician",
            "modalities",
            "body_parts",
            "number_of_series",
            "number_of_instances",
            "size_bytes",
            "created_at",
        ],
        [(i, f"1.2.3.1.{i}", i, "", "", "", "", "", "MR", "", 10, 0, 0, ts(now)) for i in range(1, 1001)],
    )
    _copy(
        engine,
        "series",
        [
            "id",
            "series_instance_uid",
            "study_fk",
            "modality",
            "body_part",
            "description",
            "frame_of_reference_uid",
            "number_of_instances",
            "number_of_frames",
            "size_bytes",
            "source",
            "source_format",
            "extra",
            "created_at",
        ],
        [
            (i, f"1.2.3.2.{i}", (i - 1) // 10 + 1, "MR", "", "", "", 0, 0, 0, "bench", "dicom", "{}", ts(now))
            for i in range(1, SERIES + 1)
        ],
    )
    _copy(
        engine,
        "projects",
        ["id", "name", "description", "is_archived", "created_at"],
        [(p, f"Project {p}", "", False, ts(now)) for p in range(1, PROJECTS + 1)],
    )
    _copy(
        engine,
        "project_members",
        ["project_id", "user_id", "can_annotate", "can_review", "added_at"],
        [(p, u, True, u % 5 == 0, ts(now)) for p in range(1, PROJECTS + 1) for u in range(1, USERS + 1)],
    )
    per_project = SERIES // PROJECTS
    project_series = {
        p: list(range((p - 1) * per_project + 1, p * per_project + 1)) for p in range(1, PROJECTS + 1)
    }
    _copy(
        engine,
        "project_images",
        ["id", "project_id", "series_id", "added_at"],
        [(s, (s - 1) // per_project + 1, s, ts(now)) for s in range(1, SERIES + 1)],
    )
    label_rows, assignment_rows = [], []
    for p in range(1, PROJECTS + 1):
        for k in range(LABELS_PER_PROJECT):
            label_id = (p - 1) * LABELS_PER_PROJECT + k + 1
            label_rows.append(
                (label_id, p, f"Label {k}", "", "#ff0000", "segmentation", "[]", False, ts(now))
            )
            for s in project_series[p]:
                status = rng.choice(["pending", "in_task", "done"])
                assignment_rows.append((len(assignment_rows) + 1, p, label_id, s, status, ts(now)))
    _copy(
        engine,
        "labels",
        [
            "id",
            "project_id",
            "name",
            "description",
            "color",
            "kind",
            "allowed_values",
            "is_retired",
            "created_at",
        ],
        label_rows,
    )
    _copy(
        engine,
        "label_assignments",
        ["id", "project_id", "label_id", "series_id", "status", "created_at"],
        assignment_rows,
    )

    task_rows, item_rows = [], []
    counts: dict[int, int] = {}
    for t in range(1, TASKS + 1):
        project = rng.randint(1, PROJECTS)
        status = rng.choice(STATUSES)
        assignee = None if status == "unassigned" else rng.randint(1, USERS)
        counts[assignee or 0] = counts.get(assignee or 0, 0) + 1
        done = {"done": ITEMS_PER_TASK, "in_progress": rng.randint(0, ITEMS_PER_TASK - 1)}.get(status, 0)
        due = now + timedelta(days=rng.randint(-30, 60), hours=rng.randint(0, 23))
        created = now - timedelta(days=rng.randint(0, 90), minutes=rng.randint(0, 1440))
        seconds = done * rng.randint(30, 300)
        task_rows.append(
            (
                t,
                project,
                f"{KINDS[t % 5]} batch {t}",
                f"Package {t} of project {project}",
                search_text(f"{KINDS[t % 5]} batch {t}", f"Package {t} of project {project}"),
                KINDS[t % 5],
                rng.randint(0, 3),
                status,
                assignee,
                ts(due),
                ts(created),
                ts(created + timedelta(hours=1)) if status in ("in_progress", "done") else None,
                ts(now) if status == "done" else None,
                ts(now - timedelta(minutes=rng.randint(0, 5000))),
                ITEMS_PER_TASK,
                done,
                0,
                seconds,
            )
        )
        series = project_series[project]
        for position in range(ITEMS_PER_TASK):
            finished = position < done
            day = today - timedelta(days=rng.randint(0, 40)) if finished else None
            item_rows.append(
                (
                    len(item_rows) + 1,
                    t,
                    project,
                    position,
                    "series",
                    rng.choice(series),
                    "done" if finished else "pending",
                    "",
                    seconds // ITEMS_PER_TASK,
                    ts(now) if finished else None,
                    _day(engine, day),
                    assignee if finished else None,
                )
            )
    _copy(
        engine,
        "tasks",
        [
            "id",
            "project_id",
            "name",
            "description",
            "search_text",
            "kind",
            "priority",
            "status",
            "assignee_id",
            "due_at",
            "created_at",
            "started_at",
            "finished_at",
            "last_activity_at",
            "items_total",
            "items_done",
            "items_skipped",
            "active_seconds",
        ],
        task_rows,
    )
    _copy(
        engine,
        "task_items",
        [
            "id",
            "task_id",
            "project_id",
            "position",
            "item_type",
            "series_id",
            "status",
            "skip_reason",
            "active_seconds",
            "finished_at",
            "finished_day",
            "finished_by_id",
        ],
        item_rows,
    )
    time_rows = []
    for i in range(1, WORK_TIME_ROWS + 1):
        task = task_rows[rng.randrange(len(task_rows))]
        day = today - timedelta(days=rng.randint(0, 40))
        time_rows.append((i, task[8] or 1, task[1], task[0], rng.randint(5, 300), ts(now), _day(engine, day)))
    _copy(engine, "work_time", ["id", "user_id", "project_id", "task_id", "seconds", "at", "day"], time_rows)
    _finish_load(engine)
    busy = max((u for u in counts if u), key=lambda u: counts[u])
    return {"project": 7, "busy_user": busy, "busy_tasks": counts[busy]}


def _timestamp(engine: Engine) -> Callable[[datetime], Any]:
    if engine.dialect.name == "sqlite":
        return lambda value: value.replace(tzinfo=None).isoformat(sep=" ")
    return lambda value: value


def _day(engine: Engine, value: date | None) -> Any:
    if value is None:
        return None
    return value.isoformat() if engine.dialect.name == "sqlite" else value


def _copy(engine: Engine, table: str, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """Bulk insert: COPY on PostgreSQL, executemany in one transaction on SQLite."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        names = ", ".join(columns)
        if engine.dialect.name == "postgresql":
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            cursor.execute("BEGIN")
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(rows))
            cursor.execute("COMMIT")
        raw.commit()
    finally:
        raw.close()


def _finish_load(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            for table in (
                "users",
                "patients",
                "studies",
                "series",
                "projects",
                "project_images",
                "labels",
                "label_assignments",
                "tasks",
                "task_items",
                "work_time",
            ):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                        f" (SELECT max(id) FROM {table}))"
                    )
                )
    with engine.begin() as conn:  # planner statistics, committed (SQLite keeps them in sqlite_stat1)
        conn.execute(text("ANALYZE"))
