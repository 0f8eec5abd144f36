from __future__ import annotations

import numpy as np
import pytest

from labelstack.annotations.errors import AnnotationFormatError, ShapeMismatch, UnknownSegment
from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.annotations.manifest import LabelmapManifest
from labelstack.annotations.patch import LabelmapPatch

SHAPE = (12, 40, 50)


def _volume() -> np.ndarray:
    volume = np.zeros(SHAPE, dtype=np.uint8)
    volume[2:6, 10:20, 10:30] = 1
    volume[4:9, 25:35, 5:15] = 2
    return volume


def _files(store: LabelmapStore) -> list[str]:
    return sorted(p.name for p in store.slices.root.rglob("*") if p.is_file())


def test_full_save_round_trips_and_skips_empty_slices(store: LabelmapStore) -> None:
    volume = _volume()
    manifest = store.save_volume(volume, expected_shape=SHAPE, allowed_segments={1, 2})
    assert np.array_equal(store.load(manifest), volume)
    assert manifest.slices[0] is None and manifest.slices[11] is None
    assert sum(h is not None for h in manifest.slices) == 7
    # slices 2-3, 4-5 and 6-8 are pairwise identical: one file each
    assert len(_files(store)) == len(manifest.used_hashes) == 3
    assert not [p for p in store.slices.root.rglob(".tmp-*")]


def test_a_patch_writes_only_changed_slices_and_leaves_the_parent_intact(store: LabelmapStore) -> None:
    volume = _volume()
    parent = store.apply(
        LabelmapPatch.from_volume(volume), parent=None, expected_shape=SHAPE, allowed_segments={1, 2}
    )
    before = _files(store)
    edited = volume.copy()
    edited[3, 0:5, 0:5] = 2
    edited[10, 30:40, 40:50] = 1
    patch = LabelmapPatch.from_slices(SHAPE, {3: edited[3], 10: edited[10]})
    child = store.apply(patch, parent=parent, expected_shape=SHAPE, allowed_segments={1, 2})
    assert child.changed_slices(parent) == [3, 10]
    assert len(_files(store)) == len(before) + 2
    assert np.array_equal(store.load(child), edited)
    assert np.array_equal(store.load(parent), volume)
    assert child.content_hash != parent.content_hash


def test_equal_content_shares_slices_and_hash(store: LabelmapStore) -> None:
    volume = _volume()
    first = store.save_volume(volume, expected_shape=SHAPE, allowed_segments={1, 2})
    files = _files(store)
    again = store.apply(
        LabelmapPatch.from_volume(volume), parent=None, expected_shape=SHAPE, allowed_segments={1, 2}
    )
    assert again == first and again.content_hash == first.content_hash
    assert _files(store) == files


def test_erasing_a_slice_makes_it_empty(store: LabelmapStore) -> None:
    volume = _volume()
    parent = store.save_volume(volume, expected_shape=SHAPE, allowed_segments={1, 2})
    child = store.apply(
        LabelmapPatch.from_slices(SHAPE, {4: np.zeros(SHAPE[1:], np.uint8)}),
        parent=parent,
        expected_shape=SHAPE,
        allowed_segments={1, 2},
    )
    assert child.slices[4] is None
    assert not store.load(child)[4].any()


def test_uint16_patch_widens_the_parent(store: LabelmapStore) -> None:
    volume = _volume()
    parent = store.save_volume(volume, expected_shape=SHAPE, allowed_segments={1, 2, 300})
    plane = np.zeros(SHAPE[1:], np.uint16)
    plane[0, 0] = 300
    child = store.apply(
        LabelmapPatch.from_slices(SHAPE, {0: plane}),
        parent=parent,
        expected_shape=SHAPE,
        allowed_segments={1, 2, 300},
    )
    assert child.dtype == "uint16"
    expected = volume.astype(np.uint16)
    expected[0, 0, 0] = 300
    assert np.array_equal(store.load(child), expected)


def test_shape_mismatch_names_both_shapes(store: LabelmapStore) -> None:
    with pytest.raises(
        ShapeMismatch, match=r"labelmap shape \[12, 40, 51\] does not match the series \[12, 40, 50\]"
    ):
        store.save_volume(np.zeros((12, 40, 51), np.uint8), expected_shape=SHAPE, allowed_segments={1})
    with pytest.raises(ShapeMismatch, match=r"slice index 12 is outside 0..11"):
        LabelmapPatch.from_slices(SHAPE, {12: np.zeros(SHAPE[1:], np.uint8)})
    assert _files(store) == []


def test_unknown_segments_are_refused_and_nothing_is_written(store: LabelmapStore) -> None:
    good = np.zeros(SHAPE[1:], np.uint8)
    good[1, 1] = 1
    bad = np.zeros(SHAPE[1:], np.uint8)
    bad[5, 5], bad[6, 6] = 9, 4
    patch = LabelmapPatch.from_slices(SHAPE, {0: good, 7: bad})
    with pytest.raises(
        UnknownSegment,
        match=r"slice 7 contains segment numbers \[4, 9\] that are not defined \(defined: 1, 2\)",
    ):
        store.apply(patch, parent=None, expected_shape=SHAPE, allowed_segments={1, 2})
    assert _files(store) == []


def test_patch_wire_forms_round_trip() -> None:
    plane = np.zeros(SHAPE[1:], np.uint8)
    plane[3:9, 4:8] = 2
    for codec in ("zstd", "rle"):
        patch = LabelmapPatch.from_slices(SHAPE, {5: plane, 6: plane}, codec=codec)
        assert LabelmapPatch.from_bytes(patch.to_bytes()) == patch
        assert LabelmapPatch.from_json(patch.to_json()) == patch


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"PNG....", "missing LSPATCH1"),
        (b"LSPATCH1\x05\x00\x00\x00{bad}", "malformed labelmap patch header"),
    ],
)
def test_malformed_binary_patches_are_refused(body: bytes, message: str) -> None:
    with pytest.raises(AnnotationFormatError, match=message):
        LabelmapPatch.from_bytes(body)


def test_truncated_and_padded_binary_patches_are_refused() -> None:
    plane = np.ones(SHAPE[1:], np.uint8)
    body = LabelmapPatch.from_slices(SHAPE, {1: plane}).to_bytes()
    with pytest.raises(AnnotationFormatError, match="truncated"):
        LabelmapPatch.from_bytes(body[:-3])
    with pytest.raises(AnnotationFormatError, match="trailing"):
        LabelmapPatch.from_bytes(body + b"xx")


def test_malformed_json_patches_are_refused() -> None:
    with pytest.raises(AnnotationFormatError, match="malformed"):
        LabelmapPatch.from_json({"shape": [1, 2, 3], "slices": {"0": {"codec": "zstd", "data": "***"}}})
    with pytest.raises(AnnotationFormatError, match="malformed"):
        LabelmapPatch.from_json({"slices": {}})
    with pytest.raises(ShapeMismatch, match="3 sizes"):
        LabelmapPatch.from_json({"shape": [1, 2], "slices": {}})


def test_manifest_json_round_trip_and_checks() -> None:
    manifest = LabelmapManifest((2, 3, 4), "uint8", ("a" * 64, None))
    assert LabelmapManifest.from_json(manifest.to_json()) == manifest
    with pytest.raises(AnnotationFormatError, match="lists 1 slices for a labelmap of 2"):
        LabelmapManifest((2, 3, 4), "uint8", (None,))
    with pytest.raises(AnnotationFormatError, match="not a labelmap manifest"):
        LabelmapManifest.from_json({"format": "other"})


def test_a_typical_ct_labelmap_is_stored_in_under_one_megabyte(store: LabelmapStore) -> None:
    """512x512x300 with a liver-sized blob over 120 slices and a smaller organ over 40."""
    shape = (300, 512, 512)
    volume = np.zeros(shape, dtype=np.uint8)
    zz, yy, xx = np.ogrid[0:300, 0:512, 0:512]
    liver = ((zz - 150) / 60.0) ** 2 + ((yy - 260) / 90.0) ** 2 + ((xx - 180) / 110.0) ** 2 <= 1
    volume[liver] = 1
    kidney = ((zz - 120) / 20.0) ** 2 + ((yy - 300) / 30.0) ** 2 + ((xx - 360) / 25.0) ** 2 <= 1
    volume[kidney] = 2
    manifest = store.save_volume(volume, expected_shape=shape, allowed_segments={1, 2})
    assert store.stored_bytes(manifest) < 1_000_000
    assert len(manifest.to_bytes()) < 30_000
    assert np.array_equal(store.load(manifest), volume)
