"""Small helpers for tests that run LabelStack as a real process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from labelstack.config import Settings

LABELSTACK = str(Path(sys.executable).with_name("labelstack"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def labelstack_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment a LabelStack process needs to share this test's data dir and database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LABELSTACK_")}
    env.update(
        LABELSTACK_DATA_DIR=str(settings.data_dir),
        LABELSTACK_DATABASE_URL=settings.resolved_database_url,
        LABELSTACK_PASSWORD_MIN_LENGTH=str(settings.password_min_length),
    )
    env.update(extra)
    return env


def run_cli(
    settings: Settings, *args: str, stdin: str = "", **extra_env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LABELSTACK, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=labelstack_env(settings, **extra_env),
        timeout=300,
    )


def wait_for_http(url: str, *, process: subprocess.Popen[bytes] | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s")
