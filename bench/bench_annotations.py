"""Annotation saves and exports: how big and how fast.

1. Storage layer: a brush stroke on 5 slices of a 512x512x300 labelmap saved
   as a patch on its parent version (body bytes, apply time p50/p95), a full
   save, bytes on disk. Peer: the whole volume as one zstd blob per save.
2. Through a real ``labelstack serve`` over HTTP, on SQLite and on PostgreSQL
   (``LABELSTACK_BENCH_DATABASES``; latencies are client-side round trips over
   loopback, so they bound the server time from above): a full save, 5-slice
   brush saves; then N annotators (default 50 for 60 s;
   ``LABELSTACK_BENCH_ANNOTATORS`` and ``LABELSTACK_BENCH_SECONDS`` shorten it)
   autosaving a brush stroke every 5 s and saving every 4th draft as a version,
   with an authenticated no-op request after each autosave as the peer measured
   under the same load. Afterwards every version is checked against what its
   own annotator drew (no lost or mixed-up version).
3. DICOM SEG export of a 100-series project (``LABELSTACK_BENCH_EXPORT_SERIES``;
   0 skips it) through ``POST /api/v1/exports``: series per second; peer:
   highdicom alone writing the same SEGs in-process.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import zstandard

from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.annotations.manifest import LabelmapManifest
from labelstack.annotations.patch import LabelmapPatch

SHAPE = (300, 512, 512)
SEGMENTS = {1, 2, 3}


def typical_labelmap(shape: tuple[int, int, int] = SHAPE) -> np.ndarray:
    """An abdomen-like labelmap: a liver over 120 slices, a kidney and a lesion."""
    slices, rows, columns = shape
    zz, yy, xx = np.ogrid[0:slices, 0:rows, 0:columns]
    volume = np.zeros(shape, dtype=np.uint8)
    volume[
        ((zz - slices / 2) / 60) ** 2 + ((yy - rows / 2) / 90) ** 2 + ((xx - columns / 3) / 110) ** 2 <= 1
    ] = 1
    volume[((zz - 120) / 20) ** 2 + ((yy - 300) / 30) ** 2 + ((xx - 360) / 25) ** 2 <= 1] = 2
    volume[((zz - 160) / 6) ** 2 + ((yy - 250) / 9) ** 2 + ((xx - 150) / 9) ** 2 <= 1] = 3
    return volume


def brush_stroke(
    volume: np.ndarray, first_slice: int, rng: np.random.Generator, slices: int = 5
) -> dict[int, np.ndarray]:
    """A round brush of radius 12 dragged along a random path on ``slices`` consecutive slices.

    The stroke is painted once as a mask, disc by disc in a small window, so
    that making the benchmark's edits costs the client little CPU (client and
    server share the machine).
    """
    _, rows, columns = volume.shape
    radius = 12
    disc_y, disc_x = np.ogrid[-radius : radius + 1, -radius : radius + 1]
    disc = disc_y**2 + disc_x**2 <= radius**2
    mask = np.zeros((rows + 2 * radius, columns + 2 * radius), dtype=bool)  # margin: no clipping
    start = rng.uniform(100, 400, size=2)
    path = start + np.cumsum(rng.normal(0, 6, size=(40, 2)), axis=0)
    for y, x in np.rint(path).astype(int):
        y, x = int(np.clip(y, 0, rows - 1)), int(np.clip(x, 0, columns - 1))
        mask[y : y + 2 * radius + 1, x : x + 2 * radius + 1] |= disc
    mask = mask[radius : radius + rows, radius : radius + columns]
    segment = int(rng.integers(1, 4))
    changed = {}
    for k in range(first_slice, first_slice + slices):
        plane = volume[k].copy()
        plane[mask] = segment
        changed[k] = plane
    return changed


@dataclass
class BrushFigures:
    body_bytes_p95: float
    apply_ms_p50: float
    apply_ms_p95: float
    full_save_ms: float
    full_body_bytes: int
    stored_bytes: int
    naive_body_bytes: int
    naive_ms: float


def measure_brush_saves(root: Path, saves: int = 40, seed: int = 1) -> BrushFigures:
    """Full save once, then ``saves`` 5-slice brush strokes, each on top of the previous version."""
    store = LabelmapStore(root)
    volume = typical_labelmap()
    started = time.perf_counter()
    full = LabelmapPatch.from_volume(volume)
    body = full.to_bytes()
    head: LabelmapManifest = store.apply(
        LabelmapPatch.from_bytes(body), parent=None, expected_shape=SHAPE, allowed_segments=SEGMENTS
    )
    full_ms = (time.perf_counter() - started) * 1000
    stored = store.stored_bytes(head)
    rng = np.random.default_rng(seed)
    sizes, times = [], []
    for _ in range(saves):
        changed = brush_stroke(volume, int(rng.integers(0, SHAPE[0] - 5)), rng)
        request = LabelmapPatch.from_slices(SHAPE, changed).to_bytes()  # what the client sends
        sizes.append(len(request))
        started = time.perf_counter()
        head = store.apply(
            LabelmapPatch.from_bytes(request), parent=head, expected_shape=SHAPE, allowed_segments=SEGMENTS
        )
        times.append((time.perf_counter() - started) * 1000)
        for k, plane in changed.items():
            volume[k] = plane
    assert np.array_equal(store.load(head), volume), "stored labelmap differs from what was drawn"
    started = time.perf_counter()
    naive = zstandard.ZstdCompressor(level=3).compress(volume.tobytes())
    naive_ms = (time.perf_counter() - started) * 1000
    return BrushFigures(
        body_bytes_p95=_p95(sizes),
        apply_ms_p50=statistics.median(times),
        apply_ms_p95=_p95(times),
        full_save_ms=full_ms,
        full_body_bytes=len(body),
        stored_bytes=stored,
        naive_body_bytes=len(naive),
        naive_ms=naive_ms,
    )


def _p95(values: list[float] | list[int]) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))])


def main() -> None:
    storage_layer()
    from bench import annotations_http

    annotations_http.run_all()


def storage_layer() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure_brush_saves(Path(tmp) / "slices")
    print("labelmap 512x512x300, storage layer")
    print(
        f"  full save: {figures.full_save_ms:.0f} ms, body {figures.full_body_bytes / 1024:.0f} kB, "
        f"stored {figures.stored_bytes / 1024:.0f} kB"
    )
    print(
        f"  5-slice brush save: body p95 {figures.body_bytes_p95 / 1024:.1f} kB, "
        f"apply p50 {figures.apply_ms_p50:.1f} ms, p95 {figures.apply_ms_p95:.1f} ms"
    )
    print(
        f"  peer (whole volume as one zstd blob per save): {figures.naive_body_bytes / 1024:.0f} kB "
        f"in {figures.naive_ms:.0f} ms; brush body ratio "
        f"{figures.naive_body_bytes / figures.body_bytes_p95:.0f}x smaller"
    )
