"""Rendering: modality LUT and window to grey levels, colour models, and the bounded thumbnail cache."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from labelstack.archive import render
from labelstack.archive.render import Window
from labelstack.archive.thumbnails import ThumbnailCache
from labelstack.services.errors import NotFound
from tests.dicom_fixtures import ct_files, dataset, pydicom_file


def test_window_applies_to_modality_values():
    ds = dataset(ct_files(1, seed="window")[0][1])
    hu = render.apply_modality_lut(render.decode_frame(ds), ds)
    grey = render.to_8bit(ds, render.decode_frame(ds), Window(center=40, width=400))
    assert grey.dtype == np.uint8
    assert (grey[hu <= 40 - 200] == 0).all() and (grey[hu >= 40 + 200] == 255).all()
    lung = render.to_8bit(ds, render.decode_frame(ds), Window(center=-600, width=1500))
    assert lung.mean() > grey.mean()  # a wider, lower window shows more of the air and lungs


def test_dataset_window_is_the_default_and_monochrome1_inverts():
    ds = dataset(ct_files(1, seed="mono1")[0][1])
    assert render.dataset_window(ds) == Window(40, 400)
    normal = render.to_8bit(ds, render.decode_frame(ds))
    ds.PhotometricInterpretation = "MONOCHROME1"
    inverted = render.to_8bit(ds, render.decode_frame(ds))
    assert np.abs(inverted.astype(int) - (255 - normal.astype(int))).max() <= 1  # rounding at .5


@pytest.mark.parametrize("name", ["examples_palette.dcm", "examples_ybr_color.dcm", "SC_rgb_rle_2frame.dcm"])
def test_colour_images_render_as_rgb(name: str):
    data = pydicom_file(name)
    png = render.render(data, frame=render.number_of_frames(dataset(data)) - 1)
    assert Image.open(io.BytesIO(png)).mode == "RGB"


def test_missing_frame_is_not_found():
    with pytest.raises(NotFound):
        render.render(pydicom_file("CT_small.dcm"), frame=3)


def test_thumbnail_cache_is_bounded_and_survives_on_disk(tmp_path: Path):
    cache = ThumbnailCache(tmp_path, entries=2)
    rendered: list[str] = []

    def make(key: str) -> bytes:
        rendered.append(key)
        return key.encode()

    for key in ("a", "b", "c"):
        assert cache.get(key, lambda key=key: make(key)) == key.encode()
    assert len(cache) == 2
    assert cache.get("a", lambda: make("never")) == b"a"  # evicted from memory, read from disk
    fresh = ThumbnailCache(tmp_path, entries=2)
    assert fresh.get("b", lambda: make("never")) == b"b"
    assert rendered == ["a", "b", "c"]
    assert cache.etag("a") != cache.etag("b")
