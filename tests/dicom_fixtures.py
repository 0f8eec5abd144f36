"""Real and generated DICOM/NIfTI inputs shared by the archive tests (and anyone else's).

Real files come from the pydicom and nibabel packages; larger or compressed
series are generated here, compressed by dcmtk tools as independent peers.
"""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import nibabel.tests
import pydicom
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset

from labelstack.archive import synthetic
from labelstack.archive.synthetic import SeriesSpec

NIBABEL_DATA = Path(os.path.dirname(nibabel.tests.__file__)) / "data"


def pydicom_file(name: str) -> bytes:
    path = get_testdata_file(name)
    assert path is not None, name
    return Path(str(path)).read_bytes()


def ct_files(
    count: int = 5, *, seed: str = "test-ct", size: int = 64, **spec: object
) -> list[tuple[str, bytes]]:
    """A small generated CT series: ``count`` slices of ``size``² pixels."""
    return list(synthetic.ct_series(SeriesSpec(seed=seed, **spec), slices=count, size=size))  # type: ignore[arg-type]


def mr_files(
    count: int = 4, *, seed: str = "test-mr", size: int = 48, **spec: object
) -> list[tuple[str, bytes]]:
    return list(synthetic.mr_series(SeriesSpec(seed=seed, **spec), slices=count, size=size))  # type: ignore[arg-type]


def dataset(data: bytes) -> Dataset:
    return pydicom.dcmread(io.BytesIO(data))


def encode(ds: Dataset) -> bytes:
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    return out.getvalue()


def dcmtk_compress(tool: str, data: bytes, folder: Path, *options: str) -> bytes:
    """Compress one file with a dcmtk tool (dcmcjpeg, dcmcjpls, dcmcrle) and return the result."""
    folder.mkdir(parents=True, exist_ok=True)
    source, target = folder / "in.dcm", folder / f"out-{tool}.dcm"
    source.write_bytes(data)
    subprocess.run([tool, *options, str(source), str(target)], check=True, capture_output=True)
    return target.read_bytes()


def pydicom_compress(data: bytes, syntax: str) -> bytes:
    ds = dataset(data)
    ds.compress(syntax)
    return encode(ds)
