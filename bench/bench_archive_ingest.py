"""Ingest of 1,000 CT instances: ``labelstack import`` and STOW-RS vs Orthanc's REST ``POST /instances``.

Target: at least 2x Orthanc's instances per second. Each path gets its own
freshly generated 1,000-slice series (256x256, 16-bit) so nothing is a
duplicate; all three run in the same process run, on the same disk.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from tests.generated import ct_series

from bench.archive_support import Timer, labelstack_server, orthanc, stow, workspace

COUNT = int(os.environ.get("BENCH_INGEST_COUNT", "1000"))
SIZE = int(os.environ.get("BENCH_INGEST_SIZE", "256"))
STOW_BATCH = 100


def main() -> None:
    print(f"generating 3 x {COUNT} CT instances ({SIZE}x{SIZE}) ...", flush=True)
    cli_files = ct_series(COUNT, rows=SIZE, columns=SIZE, patient_id="BENCH-CLI", seed=1)
    stow_files = ct_series(COUNT, rows=SIZE, columns=SIZE, patient_id="BENCH-STOW", seed=2)
    orthanc_files = ct_series(COUNT, rows=SIZE, columns=SIZE, patient_id="BENCH-ORTHANC", seed=3)
    megabytes = sum(len(f) for f in cli_files) / 1e6
    with workspace() as ws, orthanc(ws) as pacs, labelstack_server(ws) as server:
        folder = ws / "import"
        folder.mkdir()
        for n, data in enumerate(cli_files):
            (folder / f"IM{n:05d}").write_bytes(data)

        with Timer() as t_cli:
            result = server.cli("import", str(folder))
        if result.returncode != 0:
            raise RuntimeError(f"labelstack import failed: {result.stdout[-2000:]} {result.stderr[-2000:]}")

        with server.client() as client, Timer() as t_stow:
            for start in range(0, COUNT, STOW_BATCH):
                stow(client, stow_files[start : start + STOW_BATCH])

        with pacs.client() as client, Timer() as t_orthanc:
            for data in orthanc_files:
                client.post("/instances", content=data).raise_for_status()
        orthanc_parallel_files = ct_series(
            COUNT, rows=SIZE, columns=SIZE, patient_id="BENCH-ORTHANC-4", seed=4
        )
        with pacs.client() as client, ThreadPoolExecutor(4) as pool, Timer() as t_orthanc4:
            list(
                pool.map(
                    lambda d: client.post("/instances", content=d).raise_for_status(), orthanc_parallel_files
                )
            )
        assert pacs.instance_count() == 2 * COUNT

    rate_orthanc = COUNT / t_orthanc.seconds
    rows = [
        ("labelstack import (CLI, incl. start-up)", t_cli.seconds),
        (f"LabelStack STOW-RS ({STOW_BATCH}/request)", t_stow.seconds),
        ("Orthanc REST POST /instances (1 client)", t_orthanc.seconds),
        ("Orthanc REST POST /instances (4 clients)", t_orthanc4.seconds),
    ]
    print(f"\ningest of {COUNT} CT instances, {megabytes:.0f} MB per run")
    for name, seconds in rows:
        rate = COUNT / seconds
        print(
            f"  {name:44s} {seconds:7.2f} s  {rate:7.1f} inst/s  {megabytes / seconds:6.1f} MB/s"
            f"  x{rate / rate_orthanc:4.2f} vs Orthanc (1 client)"
        )
    print("  target: LabelStack >= 2x Orthanc's instances/s")


if __name__ == "__main__":
    main()
