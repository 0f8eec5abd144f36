"""What the archive benchmarks share: a real ``labelstack serve``, a real Orthanc, statistics.

Not a benchmark itself (no ``bench_`` prefix). Everything runs on loopback
ports in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url
from tests.helpers import free_port, wait_for_http
from tests.orthanc import Orthanc, running_orthanc

from labelstack.archive.dicomweb import multipart
from labelstack.db.engine import make_engine

# another build's ``labelstack`` (e.g. of the previous commit) can be measured by the same benchmark
LABELSTACK = os.environ.get("BENCH_LABELSTACK") or str(Path(sys.executable).with_name("labelstack"))
ADMIN_PASSWORD = "bench-admin-password"
POSTGRES_URL = os.environ.get(
    "LABELSTACK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@dataclass
class Served:
    """A running ``labelstack serve`` and how to talk to it as the admin."""

    url: str
    data_dir: Path
    env: dict[str, str]
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers=self.headers, timeout=300)

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([LABELSTACK, *args], env=self.env, capture_output=True, text=True, check=False)


def environment(data_dir: Path, database_url: str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LABELSTACK_")}
    env.update(LABELSTACK_DATA_DIR=str(data_dir), LABELSTACK_ADMIN_PASSWORD=ADMIN_PASSWORD)
    if database_url:
        env["LABELSTACK_DATABASE_URL"] = database_url
    env.update(extra)
    return env


@contextmanager
def labelstack_server(workdir: Path, database_url: str | None = None, workers: int = 1) -> Iterator[Served]:
    """``labelstack serve`` (uvicorn, one worker unless told) on a free loopback port, stopped afterwards."""
    data_dir = workdir / "labelstack"
    data_dir.mkdir(parents=True, exist_ok=True)
    env = environment(data_dir, database_url)
    port = free_port()
    log = (workdir / "labelstack.log").open("ab")
    process = subprocess.Popen(
        [LABELSTACK, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/api/v1/health", process=process, timeout=120)
        login = httpx.post(f"{url}/api/v1/auth/login", json={"username": "admin", "password": ADMIN_PASSWORD})
        login.raise_for_status()
        yield Served(url, data_dir, env, login.json()["access_token"])
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@contextmanager
def workspace() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="labelstack-bench-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def orthanc(workdir: Path) -> Iterator[Orthanc]:
    with running_orthanc(workdir / "orthanc") as server:
        yield server


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database on the local server, dropped afterwards."""
    name = f"labelstack_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def stow(client: httpx.Client, files: list[bytes], path: str = "/dicomweb/studies") -> httpx.Response:
    boundary = multipart.new_boundary()
    body = multipart.encode_bytes([multipart.Part("application/dicom", f) for f in files], boundary)
    response = client.post(
        path, content=body, headers={"Content-Type": multipart.content_type("application/dicom", boundary)}
    )
    response.raise_for_status()
    return response


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def describe(samples_s: list[float]) -> str:
    ms = [s * 1000 for s in samples_s]
    return (
        f"p50 {percentile(ms, 50):7.1f} ms  p95 {percentile(ms, 95):7.1f} ms  "
        f"mean {statistics.fmean(ms):7.1f} ms  (n={len(ms)})"
    )


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
