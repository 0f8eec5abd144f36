"""A native HTTP client for the frame benchmark: curl, the way a browser fetches, without Python.

Not a benchmark itself (no ``bench_`` prefix). The viewer in production is a
browser, whose HTTP stack is native code; a Python client on the same two
cores spends the CPU and holds the GIL that the server needs, so the figures
of a Python client mostly measure the client. One ``curl`` process fetches
every URL -- one after another on one kept-alive connection, or up to N at a
time (``--parallel --parallel-max N``, at most N connections) -- writes the
bodies to /dev/null and reports each transfer's status, size, content type
and total time (``--write-out``); every one is checked. Wall time is the
whole ``curl`` process, start-up included (a few milliseconds, printed by
:func:`startup_seconds`), so it slightly favours no server.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

FIELDS = "%{urlnum} %{http_code} %{size_download} %{time_total} %{content_type}\\n"


def available() -> bool:
    return shutil.which("curl") is not None


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fetch_all(
    urls: list[str],
    *,
    headers: dict[str, str],
    parallel: int,
    min_bytes: int,
    max_bytes: int,
    user: tuple[str, str] | None = None,
) -> tuple[float, list[float], int]:
    """Wall seconds, per-transfer seconds (in URL order) and body bytes for fetching every URL once.

    Raises if any answer is not a 200 multipart/related body of ``min_bytes`` to ``max_bytes``.
    """
    lines = ["no-progress-meter", f"write-out = {_quote(FIELDS)}"]
    lines += [f"header = {_quote(f'{name}: {value}')}" for name, value in headers.items()]
    if user is not None:
        lines.append(f"user = {_quote(':'.join(user))}")
    if parallel > 1:
        lines += ["parallel", f"parallel-max = {parallel}"]
    for url in urls:
        lines += [f"url = {_quote(url)}", 'output = "/dev/null"']
    with tempfile.NamedTemporaryFile("w", suffix=".curlrc", delete=False) as config:
        config.write("\n".join(lines) + "\n")
    try:
        started = time.perf_counter()
        done = subprocess.run(
            ["curl", "--disable", "--config", config.name], capture_output=True, text=True, check=False
        )
        wall = time.perf_counter() - started
    finally:
        Path(config.name).unlink()
    if done.returncode != 0:
        raise RuntimeError(f"curl failed ({done.returncode}): {done.stderr.strip()[:500]}")
    seconds: list[float | None] = [None] * len(urls)
    total = 0
    for line in done.stdout.splitlines():
        number, status, size, took, content_type = line.split(" ", 4)
        if status != "200" or not content_type.startswith("multipart/related"):
            raise AssertionError(f"{urls[int(number)]}: HTTP {status}, {content_type}")
        if not min_bytes <= int(size) <= max_bytes:
            raise AssertionError(f"{urls[int(number)]}: {size} bytes, expected {min_bytes}-{max_bytes}")
        seconds[int(number)] = float(took)
        total += int(size)
    missing = [urls[i] for i, s in enumerate(seconds) if s is None]
    if missing:
        raise AssertionError(f"curl reported no transfer for {len(missing)} URLs, e.g. {missing[0]}")
    return wall, [s for s in seconds if s is not None], total


def startup_seconds() -> float:
    """What starting ``curl`` costs, included in every native wall time (the best of three)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(["curl", "--disable", "--version"], capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best
