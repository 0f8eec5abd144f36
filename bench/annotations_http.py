"""Annotation saves, concurrent autosave and SEG export through a real server (see bench_annotations)."""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import numpy as np
from tests.helpers import free_port

from bench import annotation_server as srv
from bench.bench_annotations import SHAPE, _p95, brush_stroke, typical_labelmap
from labelstack.annotations.dicom_seg import SegHeader, write_seg
from labelstack.annotations.patch import LabelmapPatch
from labelstack.annotations.segments import SegmentInfo
from labelstack.annotations.slicecodec import decode
from labelstack.config import Settings
from labelstack.db.engine import make_engine, make_sessionmaker
from labelstack.models import Role
from labelstack.services.annotation_images import source_datasets

API = "/api/v1"
PATCH = {"Content-Type": "application/vnd.labelstack.labelmap-patch"}


def main() -> None:
    annotators = int(os.environ.get("LABELSTACK_BENCH_ANNOTATORS", "50"))
    seconds = float(os.environ.get("LABELSTACK_BENCH_SECONDS", "60"))
    export_series = int(os.environ.get("LABELSTACK_BENCH_EXPORT_SERIES", "100"))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            environment="test",
            data_dir=Path(tmp) / "data",
            database_url=os.environ.get("LABELSTACK_BENCH_DATABASE_URL") or None,
            draft_quiet_seconds=0,
        )
        running = srv.start(settings, free_port())
        try:
            print(f"server on {settings.resolved_database_url.split('://')[0]}")
            setup = _setup(settings, annotators + 1)  # one more for the single-annotator figures
            _single_annotator(running.base_url, setup)
            _concurrent(running.base_url, setup, annotators, seconds)
            _export(running.base_url, settings, export_series)
        finally:
            running.stop()


class Setup:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.series: list[int] = []
        self.project_id = 0
        self.liver = 0
        self.lesion = 0


def _setup(settings: Settings, annotators: int) -> Setup:
    engine = make_engine(settings.resolved_database_url)
    sessions = make_sessionmaker(engine, write=True)
    setup = Setup()
    started = time.perf_counter()
    with sessions() as db:
        people = [srv.make_user(db, f"annotator{i:02d}", Role.annotator) for i in range(annotators)]
        srv.make_user(db, "benchadmin", Role.admin)
        series = [srv.index_only_series(db, i) for i in range(annotators)]
        db.commit()
        setup.project_id, setup.liver, setup.lesion = srv.project_with(db, "Bench saves", people, series)
        for person, one in zip(people, series, strict=True):
            srv.task_for(db, setup.project_id, person, [one])
        setup.names = [p.username for p in people]
        setup.series = [s.id for s in series]
    engine.dispose()
    print(
        f"  setup: {annotators} annotators, {annotators} series of 512x512x300 "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return setup


def _create(client: httpx.Client, setup: Setup, index: int, volume: np.ndarray) -> tuple[int, float, int]:
    body = {
        "project_id": setup.project_id,
        "label_id": setup.liver,
        "series_id": setup.series[index],
        "content": {
            "kind": "labelmap",
            "segments": [
                {"number": n, "label_id": setup.liver if n == 1 else setup.lesion} for n in (1, 2, 3)
            ],
            "patch": LabelmapPatch.from_volume(volume).to_json(),
        },
    }
    started = time.perf_counter()
    response = client.post(f"{API}/annotations", json=body)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return response.json()["id"], elapsed, len(response.request.content)


def _single_annotator(base_url: str, setup: Setup) -> None:
    volume = typical_labelmap()
    with httpx.Client(base_url=base_url, headers=srv.login(base_url, setup.names[0]), timeout=60) as client:
        annotation_id, full_seconds, full_bytes = _create(client, setup, 0, volume)
        rng = np.random.default_rng(3)
        times, sizes = [], []
        for number in range(1, 61):
            changed = brush_stroke(volume, int(rng.integers(0, SHAPE[0] - 5)), rng)
            body = LabelmapPatch.from_slices(SHAPE, changed).to_bytes()
            started = time.perf_counter()
            response = client.post(
                f"{API}/annotations/{annotation_id}/labelmap",
                params={"base_version": number, "active_seconds": 5, "tool": "brush"},
                content=body,
                headers=PATCH,
            )
            times.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
            sizes.append(len(body))
            for k, plane in changed.items():
                volume[k] = plane
        again = client.post(
            f"{API}/annotations/{annotation_id}/versions",
            json={
                "base_version": 61,
                "content": {
                    "kind": "labelmap",
                    "segments": [{"number": n, "label_id": setup.liver} for n in (1, 2, 3)],
                    "patch": LabelmapPatch.from_volume(volume).to_json(),
                },
            },
        )
        again.raise_for_status()
    print("labelmap 512x512x300 over HTTP (one annotator)")
    print(
        f"  full save (create, JSON body {full_bytes / 1024:.0f} kB): "
        f"{full_seconds * 1000:.0f} ms (target < 1000 ms)"
    )
    print(
        f"  5-slice brush save, binary patch: body p95 {_p95(sizes) / 1024:.1f} kB (target < 100 kB), "
        f"round trip p50 {statistics.median(times):.1f} ms, p95 {_p95(times):.1f} ms (target < 200 ms)"
    )


def _concurrent(base_url: str, setup: Setup, annotators: int, seconds: float) -> None:
    """Every annotator: a labelmap, then a draft every 5 s with a new brush stroke; promote; verify."""
    interval = 5.0
    volumes = {}
    ids = {}
    clients = {}
    for i in range(1, annotators + 1):
        clients[i] = httpx.Client(base_url=base_url, headers=srv.login(base_url, setup.names[i]), timeout=60)
        volumes[i] = np.zeros(SHAPE, np.uint8)
        ids[i], _, _ = _create(clients[i], setup, i, volumes[i])
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start_at = time.monotonic() + 1.0

    def work(i: int) -> None:
        rng = np.random.default_rng(100 + i)
        client = clients[i]
        beat = start_at + rng.uniform(0, interval)
        while beat < start_at + seconds:
            time.sleep(max(0.0, beat - time.monotonic()))
            changed = brush_stroke(volumes[i], int(rng.integers(0, SHAPE[0] - 5)), rng)
            body = LabelmapPatch.from_slices(SHAPE, changed).to_bytes()
            started = time.perf_counter()
            response = client.put(
                f"{API}/annotations/{ids[i]}/draft/labelmap",
                params={"base_version": 1, "active_seconds": 5},
                content=body,
                headers=PATCH,
            )
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if response.status_code == 200:
                    latencies.append(elapsed)
                else:
                    errors.append(f"{setup.names[i]}: {response.status_code} {response.text[:200]}")
            if response.status_code == 200:
                for k, plane in changed.items():
                    volumes[i][k] = plane
            beat += interval

    threads = [threading.Thread(target=work, args=(i,)) for i in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lost = mixed = 0
    for i, client in clients.items():
        promoted = client.post(f"{API}/annotations/{ids[i]}/draft/promote")
        if promoted.status_code != 201:
            lost += 1
            continue
        stored = LabelmapPatch.from_bytes(
            client.get(f"{API}/annotations/{ids[i]}/versions/2/labelmap").content
        )
        head = np.zeros(SHAPE, np.uint8)
        for k, encoded in stored.slices.items():
            head[k] = decode(
                encoded.data, codec=encoded.codec, rows=SHAPE[1], columns=SHAPE[2], dtype=stored.dtype
            )
        if not np.array_equal(head, volumes[i]) or promoted.json()["author_id"] is None:
            mixed += 1
        client.close()
    print(f"{len(clients)} concurrent annotators, autosave every {interval:.0f} s for {seconds:.0f} s")
    if latencies:
        print(
            f"  {len(latencies)} drafts saved: round trip p50 {statistics.median(latencies):.1f} ms, "
            f"p95 {_p95(latencies):.1f} ms (target < 200 ms); failed requests: {len(errors)}"
        )
    print(
        f"  after promotion: {lost} lost, {mixed} differing from what their annotator drew (target 0 and 0)"
    )
    for line in errors[:5]:
        print(f"    {line}")


def _export(base_url: str, settings: Settings, count: int) -> None:
    slices, size = 20, 128
    engine = make_engine(settings.resolved_database_url)
    sessions = make_sessionmaker(engine, write=True)
    started = time.perf_counter()
    with sessions() as db:
        admin = db.query(srv.User).filter(srv.User.username == "benchadmin").one()
        series = srv.ingest_real_series(db, settings, count, slices, size)
        project_id, liver, lesion = srv.project_with(db, "Bench export", [admin], series)
        keys = {
            s.id: [i.storage_key for i in db.query(srv.Instance).filter(srv.Instance.series_fk == s.id).all()]
            for s in series
        }
        db.commit()
    engine.dispose()
    ingest_seconds = time.perf_counter() - started
    headers = srv.login(base_url, "benchadmin")
    volume = np.zeros((slices, size, size), np.uint8)
    volume[5:15, 30:90, 20:100] = 1
    volume[8:12, 50:70, 40:60] = 2
    with httpx.Client(base_url=base_url, headers=headers, timeout=600) as client:
        for one in series:
            body = {
                "project_id": project_id,
                "label_id": liver,
                "series_id": one.id,
                "content": {
                    "kind": "labelmap",
                    "segments": [{"number": 1, "label_id": liver}, {"number": 2, "label_id": lesion}],
                    "patch": LabelmapPatch.from_volume(volume).to_json(),
                },
            }
            client.post(f"{API}/annotations", json=body).raise_for_status()
        started = time.perf_counter()
        with client.stream(
            "POST", f"{API}/exports", json={"format": "dicom-seg", "project_id": project_id}
        ) as response:
            response.raise_for_status()
            size_bytes = sum(len(chunk) for chunk in response.iter_bytes())
        export_seconds = time.perf_counter() - started
    store = srv.make_store(settings)
    segments = [SegmentInfo(1, "Liver", "#dd8844"), SegmentInfo(2, "Lesion", "#ff0000")]
    started = time.perf_counter()
    for one in series:
        datasets = source_datasets(store, keys[one.id])
        write_seg(datasets, volume, segments, SegHeader(content_creator="bench"))
    peer_seconds = time.perf_counter() - started
    print(
        f"DICOM SEG export of {count} series ({slices} slices of {size}x{size} each; "
        f"ingest took {ingest_seconds:.0f} s)"
    )
    print(
        f"  POST /exports streamed {size_bytes / 1e6:.1f} MB zip in {export_seconds:.1f} s: "
        f"{count / export_seconds:.1f} series/s"
    )
    print(
        f"  peer, highdicom alone in-process: {count / peer_seconds:.1f} series/s "
        f"(server/peer ratio {peer_seconds / export_seconds:.2f})"
    )
