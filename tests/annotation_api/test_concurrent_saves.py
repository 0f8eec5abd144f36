"""Real concurrent saves against a live server: one winner per base, nothing lost, nothing mixed up.

Several writers (three tabs of the annotator and an admin) send labelmap
patches on the same base version at the same moment, round after round,
over HTTP to a real uvicorn. Afterwards the history is replayed: every
version must be its parent plus exactly its winner's patch, by its winner.
Two tabs autosaving the same draft at once must both end up in it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import numpy as np
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from labelstack.annotations.patch import LabelmapPatch
from tests.annotation_api.scene import Scene
from tests.annotation_api.test_labelmaps_api import SHAPE, _volume, create_labelmap, load
from tests.live import serving

API = "/api/v1/annotations"
PATCH = {"Content-Type": "application/vnd.labelstack.labelmap-patch"}
ROUNDS = 5


@dataclass(frozen=True)
class Attempt:
    round: int
    writer: int
    base: int
    status: int
    number: int | None


@pytest.fixture
def live(app: FastAPI) -> Iterator[str]:
    with serving(app) as base_url:
        yield base_url


def _plane(writer: int, round_: int) -> tuple[int, np.ndarray]:
    """What writer ``writer`` paints in round ``round_``: its own slice, a square at its own place."""
    plane = np.zeros(SHAPE[1:], np.uint8)
    plane[2 * round_ : 2 * round_ + 6, 4 * writer : 4 * writer + 5] = 1 + writer % 2
    return writer, plane


def test_parallel_saves_on_one_base_have_exactly_one_winner_and_lose_nothing(
    client: TestClient, scene: Scene, live: str
) -> None:
    annotation_id = create_labelmap(client, scene)["id"]
    writers = [scene.annotator.headers] * 3 + [scene.admin.headers]
    author_ids = [scene.annotator.user.id] * 3 + [scene.admin.user.id]
    barrier = threading.Barrier(len(writers), timeout=60)  # a writer that dies breaks it: no hang
    attempts: list[Attempt] = []
    lock = threading.Lock()

    def write(writer: int) -> None:
        with httpx.Client(base_url=live, headers=writers[writer], timeout=60) as http:
            for round_ in range(ROUNDS):
                base = http.get(f"{API}/{annotation_id}").json()["version_count"]
                slice_index, plane = _plane(writer, round_)
                body = LabelmapPatch.from_slices(SHAPE, {slice_index: plane}).to_bytes()
                barrier.wait()  # everyone read the same head; now all save on it at once
                meta = {"active_seconds": writer + 1, "tool": f"w{writer}r{round_}"}
                response = http.post(
                    f"{API}/{annotation_id}/labelmap",
                    params={"base_version": base, **meta},
                    content=body,
                    headers=PATCH,
                )
                number = response.json()["number"] if response.status_code == 201 else None
                with lock:
                    attempts.append(Attempt(round_, writer, base, response.status_code, number))
                barrier.wait()  # the round is over before anyone reads the next head

    threads = [threading.Thread(target=write, args=(w,)) for w in range(len(writers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(attempts) == ROUNDS * len(writers)

    # exactly one winner per base version, every other writer told 409 with the head
    for round_ in range(ROUNDS):
        this_round = [a for a in attempts if a.round == round_]
        assert {a.base for a in this_round} == {round_ + 1}
        assert sorted(a.status for a in this_round) == [201] + [409] * (len(writers) - 1), this_round
    winners = sorted((a for a in attempts if a.status == 201), key=lambda a: a.round)
    assert [a.number for a in winners] == list(range(2, ROUNDS + 2))

    # the history is the first version plus each winner's patch, in order, by that winner
    history = client.get(f"{API}/{annotation_id}/versions", headers=scene.admin.headers).json()
    assert [v["number"] for v in history] == list(range(1, ROUNDS + 2))
    expected = _volume()
    for previous, version, winner in zip(history[:-1], history[1:], winners, strict=True):
        slice_index, plane = _plane(winner.writer, winner.round)
        expected[slice_index] = plane
        assert version["parent_id"] == previous["id"]
        assert version["author_id"] == author_ids[winner.writer]
        assert version["tool"] == f"w{winner.writer}r{winner.round}"
        assert version["active_seconds"] == winner.writer + 1
        assert np.array_equal(load(client, scene, annotation_id, version["number"]), expected)


def test_two_tabs_autosaving_one_draft_at_once_both_land_in_it(
    client: TestClient, scene: Scene, live: str
) -> None:
    annotation_id = create_labelmap(client, scene)["id"]
    volume = _volume()
    barrier = threading.Barrier(2, timeout=60)
    statuses: list[int] = []

    def autosave(tab: int) -> None:
        with httpx.Client(base_url=live, headers=scene.annotator.headers, timeout=60) as http:
            for round_ in range(ROUNDS):
                slice_index = 2 * round_ + tab  # each tab draws on its own slices
                plane = volume[slice_index].copy()
                plane[tab : tab + 8, 30:38] = 2
                body = LabelmapPatch.from_slices(SHAPE, {slice_index: plane}).to_bytes()
                barrier.wait()
                response = http.put(
                    f"{API}/{annotation_id}/draft/labelmap",
                    params={"base_version": 1, "active_seconds": 3},
                    content=body,
                    headers=PATCH,
                )
                statuses.append(response.status_code)
                if response.status_code == 200:
                    volume[slice_index] = plane  # slices of the two tabs never overlap

    threads = [threading.Thread(target=autosave, args=(tab,)) for tab in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == [200] * (2 * ROUNDS)
    draft = client.get(f"{API}/{annotation_id}/draft", headers=scene.annotator.headers).json()
    assert draft["saves"] == 2 * ROUNDS and draft["active_seconds"] == 3 * 2 * ROUNDS
    promoted = client.post(f"{API}/{annotation_id}/draft/promote", headers=scene.annotator.headers)
    assert promoted.status_code == 201, promoted.text
    assert np.array_equal(load(client, scene, annotation_id, 2), volume)
