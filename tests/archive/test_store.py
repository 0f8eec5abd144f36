"""The local file store's batch writes: atomic names, the first copy kept, and the durability
barriers in their order (data before names, names before the caller indexes)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from labelstack.archive import store as store_module
from labelstack.archive.store import LocalFileStore


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("flush_file_system", [True, False], ids=["syncfs", "per-file-fsync"])
def test_a_batch_stores_each_instance_once_byte_for_byte(tmp_path: Path, flush_file_system: bool):
    store = LocalFileStore(tmp_path, flush_file_system=flush_file_system)
    first = store.put("1.2.3.1", b"first copy")
    items = [
        ("1.2.3.1", b"a later copy"),  # archived before: the first copy is kept
        ("1.2.3.2", b"two"),
        ("1.2.3.3", memoryview(b"..three..")[2:-2]),
        ("1.2.3.2", b"two again"),  # twice in the batch: written once
    ]
    results = store.put_many(items)
    assert results.keys == {uid: LocalFileStore.key_for(uid) for uid in ("1.2.3.1", "1.2.3.2", "1.2.3.3")}
    assert results.keys["1.2.3.1"] == first
    assert _files(tmp_path) == {
        first: b"first copy",
        results.keys["1.2.3.2"]: b"two",
        results.keys["1.2.3.3"]: b"three",
    }


def test_the_file_system_is_flushed_before_any_name_exists_and_after_all_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """With syncfs, the data of every file is durable before any final name is made (a crash
    never leaves a name over an incomplete file), and the names before put_many returns."""
    seen: list[dict[str, bytes]] = []

    def flush(fd: int) -> None:
        seen.append(_files(tmp_path))

    monkeypatch.setattr(store_module, "_flush_file_system", flush)
    store = LocalFileStore(tmp_path)
    results = store.put_many([("1.2.3.1", b"one"), ("1.2.3.2", b"two")])
    assert len(seen) == 2
    before, after = seen
    assert sorted(before.values()) == [b"one", b"two"]  # written, under temporary names only
    assert all(Path(name).name.startswith(".incoming-") for name in before)
    assert {results.keys["1.2.3.1"], results.keys["1.2.3.2"]} <= set(after)
    assert _files(tmp_path) == {results.keys["1.2.3.1"]: b"one", results.keys["1.2.3.2"]: b"two"}


def test_a_failing_flush_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def flush(fd: int) -> None:
        raise OSError(5, "syncfs: Input/output error")

    monkeypatch.setattr(store_module, "_flush_file_system", flush)
    store = LocalFileStore(tmp_path)
    with pytest.raises(OSError, match="Input/output"):
        store.put_many([("1.2.3.1", b"one"), ("1.2.3.2", b"two")])
    assert _files(tmp_path) == {}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_syncfs_is_found_on_linux(tmp_path: Path):
    store = LocalFileStore(tmp_path)
    assert store.flush_file_system
    key = store.put("1.2.3.1", b"one")
    assert (tmp_path / key).read_bytes() == b"one"
