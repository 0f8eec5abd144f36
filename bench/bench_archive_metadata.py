"""WADO-RS series metadata of a 500-instance series: LabelStack vs Orthanc's DICOMweb plugin.

Target: under 100 ms. The first request after start-up (nothing cached) and
repeated requests are reported separately; both servers hold the same files.
"""

from __future__ import annotations

import io
import os

import httpx
import pydicom
from tests.generated import ct_series

from bench.archive_support import Timer, describe, labelstack_server, orthanc, stow, workspace

COUNT = int(os.environ.get("BENCH_METADATA_COUNT", "500"))
REPEAT = 20


def _time(client: httpx.Client, url: str, repeat: int) -> tuple[float, list[float], int]:
    with Timer() as first:
        response = client.get(url, headers={"Accept": "application/dicom+json"})
    response.raise_for_status()
    size = len(response.json())
    samples = []
    for _ in range(repeat):
        with Timer() as t:
            client.get(url, headers={"Accept": "application/dicom+json"}).raise_for_status()
        samples.append(t.seconds)
    return first.seconds, samples, size


def main() -> None:
    files = ct_series(COUNT, rows=128, columns=128, patient_id="BENCH-META")
    first = pydicom.dcmread(io.BytesIO(files[0]), stop_before_pixels=True)
    path = f"/studies/{first.StudyInstanceUID}/series/{first.SeriesInstanceUID}/metadata"
    with workspace() as ws, orthanc(ws) as pacs, labelstack_server(ws) as server:
        with server.client() as client:
            for start in range(0, COUNT, 100):
                stow(client, files[start : start + 100])
        with pacs.client() as client:
            for data in files:
                client.post("/instances", content=data).raise_for_status()
        with server.client() as client:
            ours_first, ours, n_ours = _time(client, f"/dicomweb{path}", REPEAT)
        with pacs.client() as client:
            theirs_first, theirs, n_theirs = _time(client, f"/dicom-web{path}", max(3, REPEAT // 4))
    assert n_ours == n_theirs == COUNT, (n_ours, n_theirs)
    print(f"\nWADO-RS series metadata, {COUNT} instances")
    print(f"  LabelStack  first {ours_first * 1000:7.1f} ms   repeated {describe(ours)}")
    print(f"  Orthanc     first {theirs_first * 1000:7.1f} ms   repeated {describe(theirs)}")
    ratio = sorted(theirs)[len(theirs) // 2] / sorted(ours)[len(ours) // 2]
    print(f"  LabelStack is x{ratio:.1f} faster (p50); first request x{theirs_first / ours_first:.1f}")
    print("  target: < 100 ms")


if __name__ == "__main__":
    main()
