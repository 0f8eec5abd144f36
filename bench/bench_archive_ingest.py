"""Ingest of 1,000 CT instances: ``labelstack import`` and STOW-RS vs Orthanc's REST ``POST /instances``.

Target: at least 2x Orthanc's instances per second. Every run gets its own
freshly generated 1,000-slice series (256x256, 16-bit) so nothing is a
duplicate; all run in the same process run, on the same disk. The machine
may be shared, so the three paths take turns for ``BENCH_INGEST_ROUNDS``
rounds (default 2) and each is reported by its best round: a burst of
other work then slows one round of one path, not the comparison.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.generated import ct_series
from tests.orthanc import Orthanc

from bench.archive_support import Served, Timer, labelstack_server, orthanc, stow, workspace

COUNT = int(os.environ.get("BENCH_INGEST_COUNT", "1000"))
SIZE = int(os.environ.get("BENCH_INGEST_SIZE", "256"))
ROUNDS = int(os.environ.get("BENCH_INGEST_ROUNDS", "2"))
STOW_BATCH = 100
CLI = "labelstack import (CLI, incl. start-up)"
CLI_WORK = "labelstack import (CLI, its own timing)"
STOW = f"LabelStack STOW-RS ({STOW_BATCH}/request)"
ORTHANC = "Orthanc REST POST /instances (1 client)"
ORTHANC_4 = "Orthanc REST POST /instances (4 clients)"


def _files(label: str, seed: int) -> list[bytes]:
    return ct_series(COUNT, rows=SIZE, columns=SIZE, patient_id=f"BENCH-{label}", seed=seed)


def _cli(
    server: Served, folder: Path, files: list[bytes], seconds: dict[str, list[float]]
) -> Callable[[], None]:
    folder.mkdir()
    for n, data in enumerate(files):
        (folder / f"IM{n:05d}").write_bytes(data)

    def run() -> None:
        result = server.cli("import", str(folder))
        if result.returncode != 0:
            raise RuntimeError(f"labelstack import failed: {result.stdout[-2000:]} {result.stderr[-2000:]}")
        found = re.search(r"file\(s\) read in ([0-9.]+) s", result.stdout)
        if found is None:
            raise RuntimeError(f"labelstack import printed no timing: {result.stdout[-2000:]}")
        seconds[CLI_WORK].append(float(found.group(1)))

    return run


def _stow(server: Served, files: list[bytes]) -> Callable[[], None]:
    def run() -> None:
        with server.client() as client:
            for start in range(0, COUNT, STOW_BATCH):
                stow(client, files[start : start + STOW_BATCH])

    return run


def _orthanc(pacs: Orthanc, files: list[bytes], clients: int = 1) -> Callable[[], None]:
    def run() -> None:
        with pacs.client() as client, ThreadPoolExecutor(clients) as pool:
            list(pool.map(lambda d: client.post("/instances", content=d).raise_for_status(), files))

    return run


def main() -> None:
    print(f"generating {3 * ROUNDS + 1} x {COUNT} CT instances ({SIZE}x{SIZE}) ...", flush=True)
    seconds: dict[str, list[float]] = {CLI: [], STOW: [], ORTHANC: [], ORTHANC_4: [], CLI_WORK: []}
    megabytes = 0.0
    load_before = os.getloadavg()[0]
    with workspace() as ws, orthanc(ws) as pacs, labelstack_server(ws) as server:
        for round_number in range(ROUNDS):
            seed = 10 * round_number
            stow_files = _files(f"STOW-{round_number}", seed + 2)
            cli_files = _files(f"CLI-{round_number}", seed + 1)
            megabytes = sum(len(f) for f in stow_files) / 1e6
            runs = {
                CLI: _cli(server, ws / f"import-{round_number}", cli_files, seconds),
                STOW: _stow(server, stow_files),
                ORTHANC: _orthanc(pacs, _files(f"ORTHANC-{round_number}", seed + 3)),
            }
            if round_number == 0:
                runs[ORTHANC_4] = _orthanc(pacs, _files("ORTHANC-4", 4), clients=4)
            for name, run in runs.items():
                with Timer() as timer:
                    run()
                seconds[name].append(timer.seconds)
        assert pacs.instance_count() == (ROUNDS + 1) * COUNT

    best = {name: min(times) for name, times in seconds.items()}
    rate_orthanc = COUNT / best[ORTHANC]
    load = f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    print(f"\ningest of {COUNT} CT instances, {megabytes:.0f} MB per run, best of {ROUNDS} rounds ({load})")
    for name, time_s in best.items():
        rate = COUNT / time_s
        rounds = " ".join(f"{COUNT / t:.0f}" for t in seconds[name])
        print(
            f"  {name:44s} {time_s:7.2f} s  {rate:7.1f} inst/s  {megabytes / time_s:6.1f} MB/s"
            f"  x{rate / rate_orthanc:4.2f} vs Orthanc (1 client)   rounds: {rounds} inst/s"
        )
    print("  CLI's own timing: from the database opened to the last file committed (no start-up)")
    print("  target: LabelStack >= 2x Orthanc's instances/s")


if __name__ == "__main__":
    main()
