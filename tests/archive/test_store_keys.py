"""A storage key names a file under the store's root and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from labelstack.archive.store import LocalFileStore
from labelstack.services.errors import NotFound


def test_a_key_made_by_the_store_is_a_path_under_its_root(tmp_path: Path):
    store = LocalFileStore(tmp_path / "storage")
    key = store.key_for("1.2.3.4")
    assert store.local_path(key) == tmp_path / "storage" / key


@pytest.mark.parametrize(
    "key", ["", "a/b", "a/b/c/d", "../b/c", "a/../c", "a/b/..", "./b/c", "a//c", "a/b/", "/a/b"]
)
def test_keys_that_could_leave_the_root_are_refused(tmp_path: Path, key: str):
    store = LocalFileStore(tmp_path / "storage")
    with pytest.raises(NotFound):
        store.local_path(key)
