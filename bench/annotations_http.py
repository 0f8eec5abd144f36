"""Annotation saves, concurrent autosave and SEG export through a real ``labelstack serve``.

Run by ``bench_annotations`` once per database (``LABELSTACK_BENCH_DATABASES``,
default ``sqlite,postgresql``). The server is its own process, as in
production, so the benchmark's clients never compete with it for the
interpreter lock; their edits are computed before the timed phase.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
import numpy as np

from bench import annotation_server as srv
from bench.archive_support import labelstack_server, postgres_database, workspace
from bench.bench_annotations import SHAPE, _p95, brush_stroke, typical_labelmap
from labelstack.annotations.dicom_seg import SegHeader, write_seg
from labelstack.annotations.patch import LabelmapPatch
from labelstack.annotations.segments import SegmentInfo
from labelstack.annotations.slicecodec import decode, slice_hash
from labelstack.config import Settings
from labelstack.db.engine import make_engine, make_sessionmaker
from labelstack.models import Role
from labelstack.services.annotation_images import source_datasets

API = "/api/v1"
PATCH = {"Content-Type": "application/vnd.labelstack.labelmap-patch"}
INTERVAL = 5.0  # seconds between two autosaves of one annotator
SAVE_EVERY = 4  # every 4th autosave is followed by an explicit save (the draft becomes a version)


@dataclass
class Figures:
    """What one database's run measured, for the closing table."""

    backend: str
    lines: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, what: str, value: str, target: str = "") -> None:
        self.lines.append((what, value, target))


def run_all() -> None:
    annotators = int(os.environ.get("LABELSTACK_BENCH_ANNOTATORS", "50"))
    seconds = float(os.environ.get("LABELSTACK_BENCH_SECONDS", "60"))
    export_series = int(os.environ.get("LABELSTACK_BENCH_EXPORT_SERIES", "100"))
    backends = os.environ.get("LABELSTACK_BENCH_DATABASES", "sqlite,postgresql").split(",")
    results = [run_on(b.strip(), annotators, seconds, export_series) for b in backends if b.strip()]
    print("\nsummary (round trips over loopback to a separate server process)")
    for figures in results:
        print(f"  {figures.backend}")
        for what, value, target in figures.lines:
            print(f"    {what:<46} {value:<44} {target}")


def run_on(backend: str, annotators: int, seconds: float, export_series: int) -> Figures:
    figures = Figures(backend)
    with workspace() as workdir, _database(backend) as url, labelstack_server(workdir, url) as served:
        settings = Settings(environment="test", data_dir=served.data_dir, database_url=url)
        print(f"\n--- labelstack serve on {settings.resolved_database_url.split(':')[0]}")
        setup = _setup(settings, annotators + 1)  # one more for the single-annotator figures
        _single_annotator(served.url, setup, figures)
        _concurrent(served.url, setup, annotators, seconds, figures)
        if export_series:
            _export(served.url, settings, export_series, figures)
    return figures


@contextmanager
def _database(backend: str) -> Iterator[str | None]:
    if backend == "sqlite":
        yield None  # the server's default: a file in its data directory
    elif backend == "postgresql":
        with postgres_database() as url:
            yield url
    else:
        raise SystemExit(f"unknown database {backend!r} in LABELSTACK_BENCH_DATABASES")


@dataclass
class Setup:
    names: list[str] = field(default_factory=list)
    user_ids: list[int] = field(default_factory=list)
    series: list[int] = field(default_factory=list)
    project_id: int = 0
    liver: int = 0
    lesion: int = 0


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
        setup.user_ids = [p.id for p in people]
        setup.series = [s.id for s in series]
    engine.dispose()
    print(
        f"  setup: {annotators} annotators, {annotators} series of 512x512x300 "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return setup


def _segments(setup: Setup) -> list[dict[str, int]]:
    return [{"number": n, "label_id": setup.liver if n == 1 else setup.lesion} for n in (1, 2, 3)]


def _create(client: httpx.Client, setup: Setup, index: int, volume: np.ndarray) -> tuple[int, float, int]:
    body = {
        "project_id": setup.project_id,
        "label_id": setup.liver,
        "series_id": setup.series[index],
        "content": {
            "kind": "labelmap",
            "segments": _segments(setup),
            "patch": LabelmapPatch.from_volume(volume).to_json(),
        },
    }
    started = time.perf_counter()
    response = client.post(f"{API}/annotations", json=body)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return response.json()["id"], elapsed, len(response.request.content)


def _post_patch(client: httpx.Client, annotation_id: int, base: int, body: bytes) -> float:
    started = time.perf_counter()
    response = client.post(
        f"{API}/annotations/{annotation_id}/labelmap",
        params={"base_version": base, "active_seconds": 5, "tool": "brush"},
        content=body,
        headers=PATCH,
    )
    elapsed = (time.perf_counter() - started) * 1000
    response.raise_for_status()
    return elapsed


def _single_annotator(base_url: str, setup: Setup, figures: Figures) -> None:
    """One annotator alone: a full save, 60 brush strokes on 5 slices, 5 more full saves."""
    volume = typical_labelmap()
    with httpx.Client(base_url=base_url, headers=srv.login(base_url, setup.names[0]), timeout=60) as client:
        annotation_id, create_seconds, create_bytes = _create(client, setup, 0, volume)
        rng = np.random.default_rng(3)
        brush_ms, brush_bytes = [], []
        for base in range(1, 61):
            changed = brush_stroke(volume, int(rng.integers(0, SHAPE[0] - 5)), rng)
            body = LabelmapPatch.from_slices(SHAPE, changed).to_bytes()
            brush_ms.append(_post_patch(client, annotation_id, base, body))
            brush_bytes.append(len(body))
            for k, plane in changed.items():
                volume[k] = plane
        full_ms, full_bytes = [], 0
        for base in range(61, 66):
            volume[volume == 3] = 2 if base % 2 else 3  # every full save really changes something
            body = LabelmapPatch.from_volume(volume).to_bytes()
            full_ms.append(_post_patch(client, annotation_id, base, body))
            full_bytes = len(body)
    full_slices = int(volume.reshape(SHAPE[0], -1).any(axis=1).sum())
    print(f"labelmap 512x512x300 ({full_slices} non-empty slices) over HTTP, one annotator")
    create = f"{create_seconds * 1000:.0f} ms, JSON body {create_bytes / 1024:.0f} kB"
    full = (
        f"p50 {statistics.median(full_ms):.0f} ms, max {max(full_ms):.0f} ms, body {full_bytes / 1024:.0f} kB"
    )
    brush = (
        f"p50 {statistics.median(brush_ms):.1f} ms, p95 {_p95(brush_ms):.1f} ms, "
        f"body p95 {_p95(brush_bytes) / 1024:.1f} kB"
    )
    print(f"  full save as the first version (create): {create} (target < 1000 ms)")
    print(f"  full save as a new version, binary patch (5 saves): {full} (target < 1000 ms)")
    print(f"  5-slice brush save, binary patch (60 saves): {brush} (target p95 < 200 ms, body < 100 kB)")
    figures.add("full save, create (JSON)", create, "< 1000 ms")
    figures.add("full save, new version (binary)", full, "< 1000 ms")
    figures.add("5-slice brush save", brush, "p95 < 200 ms, < 100 kB")


@dataclass
class Stroke:
    """One autosave, made before the timed phase: the request body and the slices it sets."""

    body: bytes
    slices: dict[int, str]  # slice index -> content hash of the plane it sets


def _strokes(count: int, seed: int) -> list[Stroke]:
    volume = np.zeros(SHAPE, np.uint8)
    rng = np.random.default_rng(seed)
    made = []
    for _ in range(count):
        changed = brush_stroke(volume, int(rng.integers(0, SHAPE[0] - 5)), rng)
        for k, plane in changed.items():
            volume[k] = plane
        body = LabelmapPatch.from_slices(SHAPE, changed).to_bytes()
        made.append(Stroke(body, {k: slice_hash(p) for k, p in changed.items()}))
    return made


@dataclass
class Annotator:
    """One simulated annotator: what they sent, and what each of their versions must hold."""

    name: str
    user_id: int
    client: httpx.Client
    annotation_id: int
    strokes: list[Stroke]
    base: int = 1
    drawn: dict[int, str] = field(default_factory=dict)  # what the draft holds: slice -> hash
    unsaved_drafts: int = 0
    expected: dict[int, tuple[dict[int, str], int]] = field(default_factory=dict)  # version -> (slices, s)


class Load:
    """Latencies and failures of the concurrent phase, shared by the annotator threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.draft_ms: list[float] = []
        self.save_ms: list[float] = []
        self.floor_ms: list[float] = []
        self.errors: list[str] = []

    def timed(self, samples: list[float], who: str, request: Callable[[], httpx.Response]) -> int:
        """Send ``request``; its round trip joins ``samples`` on success. The status (0: no answer)."""
        started = time.perf_counter()
        try:
            response = request()
        except httpx.HTTPError as exc:
            with self.lock:
                self.errors.append(f"{who}: {type(exc).__name__} {exc}")
            return 0
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            if response.is_success:
                samples.append(elapsed)
            else:
                self.errors.append(f"{who}: {response.status_code} {response.text[:160]}")
        return response.status_code


def _promote(person: Annotator, load: Load) -> None:
    """The explicit save: the draft becomes a version, which must hold what was drawn so far."""
    answer: list[httpx.Response] = []

    def request() -> httpx.Response:
        answer.append(person.client.post(f"{API}/annotations/{person.annotation_id}/draft/promote"))
        return answer[-1]

    if load.timed(load.save_ms, person.name, request) == 201:
        number = answer[-1].json()["number"]
        person.expected[number] = (dict(person.drawn), 5 * person.unsaved_drafts)
        person.base, person.unsaved_drafts = number, 0


def _autosave(person: Annotator, stroke: Stroke, load: Load) -> None:
    status = load.timed(
        load.draft_ms,
        person.name,
        lambda: person.client.put(
            f"{API}/annotations/{person.annotation_id}/draft/labelmap",
            params={"base_version": person.base, "active_seconds": 5, "tool": "brush"},
            content=stroke.body,
            headers=PATCH,
        ),
    )
    if status == 200:
        person.drawn.update(stroke.slices)
        person.unsaved_drafts += 1
    # the peer: an authenticated request that does no annotation work, under the same load
    load.timed(load.floor_ms, person.name, lambda: person.client.get(f"{API}/users/me"))


def _concurrent(base_url: str, setup: Setup, annotators: int, seconds: float, figures: Figures) -> None:
    """Every annotator autosaves a brush stroke every 5 s and saves every 4th; all versions verified."""
    beats = int(seconds // INTERVAL) + 1
    people = []
    for i in range(1, annotators + 1):
        client = httpx.Client(base_url=base_url, headers=srv.login(base_url, setup.names[i]), timeout=120)
        annotation_id, _, _ = _create(client, setup, i, np.zeros(SHAPE, np.uint8))
        people.append(Annotator(setup.names[i], setup.user_ids[i], client, annotation_id, _strokes(beats, i)))
    load = Load()
    start_at = time.monotonic() + 1.0

    def work(person: Annotator, offset: float) -> None:
        for beat, stroke in enumerate(person.strokes):
            due = start_at + offset + beat * INTERVAL
            if due > start_at + seconds:
                break
            time.sleep(max(0.0, due - time.monotonic()))
            _autosave(person, stroke, load)
            if beat % SAVE_EVERY == SAVE_EVERY - 1:
                _promote(person, load)

    rng = np.random.default_rng(7)
    threads = [threading.Thread(target=work, args=(p, rng.uniform(0, INTERVAL))) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lost = mixed = verified = 0
    for person in people:
        if person.unsaved_drafts:
            _promote(person, load)
        bad_lost, bad_mixed, good = _verify(person)
        lost, mixed, verified = lost + bad_lost, mixed + bad_mixed, verified + good
        person.client.close()
    draft_line = (
        f"p50 {statistics.median(load.draft_ms):.1f} ms, p95 {_p95(load.draft_ms):.1f} ms "
        f"({len(load.draft_ms)} drafts)"
    )
    save_line = (
        f"p50 {statistics.median(load.save_ms):.1f} ms, p95 {_p95(load.save_ms):.1f} ms "
        f"({len(load.save_ms)} saves)"
    )
    floor_p95 = _p95(load.floor_ms)
    floor_line = f"p50 {statistics.median(load.floor_ms):.1f} ms, p95 {floor_p95:.1f} ms"
    print(f"{annotators} concurrent annotators, autosave every {INTERVAL:.0f} s for {seconds:.0f} s")
    print(f"  autosave (5-slice brush, binary patch): {draft_line} (target p95 < 200 ms)")
    print(f"  explicit save (draft -> version, every {SAVE_EVERY}th autosave): {save_line}")
    print(
        f"  peer: GET /users/me under the same load: {floor_line}; "
        f"autosave/peer p95 ratio {_p95(load.draft_ms) / floor_p95:.1f}"
    )
    print(f"  failed requests: {len(load.errors)} (target 0)")
    print(
        f"  verified after: {verified} versions equal to what their annotator drew, by the same author "
        f"with the same active time; {lost} lost, {mixed} mixed up (target 0 and 0)"
    )
    for line in load.errors[:5]:
        print(f"    {line}")
    figures.add(f"{annotators} annotators: autosave", draft_line, "p95 < 200 ms")
    figures.add(f"{annotators} annotators: explicit save", save_line)
    figures.add(f"{annotators} annotators: peer GET /users/me", floor_line)
    figures.add(
        f"{annotators} annotators: errors, lost, mixed up",
        f"{len(load.errors)}, {lost}, {mixed} ({verified} versions verified)",
        "0, 0, 0",
    )


def _verify(person: Annotator) -> tuple[int, int, int]:
    """(lost, mixed up, verified) versions of one annotator: every version against what they drew.

    Each version's manifest must list exactly the content hashes of the
    planes its annotator had drawn when they saved, with their name and
    active time; the head's voxels are also read back and hashed.
    """
    url = f"{API}/annotations/{person.annotation_id}"
    history = person.client.get(f"{url}/versions").json()
    numbers = [v["number"] for v in history]
    lost = sum(1 for n in person.expected if n not in numbers)
    mixed = 0 if numbers == list(range(1, len(numbers) + 1)) else 1
    verified = 0
    for number, (slices, active_seconds) in sorted(person.expected.items()):
        if number not in numbers:
            continue
        found = person.client.get(f"{url}/versions/{number}").json()
        stored = found["content"]["manifest"]["slices"]
        wanted = [slices.get(k) for k in range(SHAPE[0])]
        same_author = found["author_id"] == person.user_id
        if stored != wanted or not same_author or found["active_seconds"] != active_seconds:
            mixed += 1
        else:
            verified += 1
    if person.expected:
        head = max(person.expected)
        patch = LabelmapPatch.from_bytes(person.client.get(f"{url}/versions/{head}/labelmap").content)
        voxels = {
            k: slice_hash(decode(s.data, codec=s.codec, rows=SHAPE[1], columns=SHAPE[2], dtype=patch.dtype))
            for k, s in patch.slices.items()
        }
        mixed += voxels != person.expected[head][0]
    return lost, mixed, verified


def _export(base_url: str, settings: Settings, count: int, figures: Figures) -> None:
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
    rate = f"{count / export_seconds:.1f} series/s, peer {count / peer_seconds:.1f} series/s"
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
    figures.add(f"DICOM SEG export, {count} series", rate)
