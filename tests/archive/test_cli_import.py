"""``labelstack import``: folders, zips, extension-less DICOM, NIfTI; summary table; exit codes."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from labelstack.commands.import_helper import SPLIT_FROM_FILES
from labelstack.config import Settings
from labelstack.models import Instance, Series
from tests.dicom_fixtures import NIBABEL_DATA, ct_files, mr_files
from tests.generated import ct_series
from tests.helpers import LABELSTACK, labelstack_env, run_cli


def _folder(root: Path) -> Path:
    for i, (_, data) in enumerate(ct_files(5, seed="cli-ct")):
        target = root / "patient" / "CT" / f"IM{i:05d}"  # no extension, as PACS exports look
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in mr_files(3, seed="cli-mr"):
            archive.writestr(f"mr/{name}", data)
    (root / "mr.zip").write_bytes(out.getvalue())
    (root / "patient" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: left out
    (root / "volumes").mkdir()
    (root / "volumes" / "sub-02_bold.nii.gz").write_bytes((NIBABEL_DATA / "example4d.nii.gz").read_bytes())
    return root


def test_import_of_a_folder_then_again(settings: Settings, tmp_path: Path, db: Session):
    folder = _folder(tmp_path / "incoming")
    options = ("--study-description", "fMRI", "--phases", "a,b")
    first = run_cli(settings, "import", str(folder), *options)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Import summary" in first.stdout
    assert "56 instance(s) stored in 3 series" in first.stdout  # 5 CT + 3 MR + 48 NIfTI slices
    assert re.search(r"^9 file\(s\) read in [0-9.]+ s \([0-9]+ per second\)$", first.stdout, re.M)
    assert db.scalar(select(func.count()).select_from(Instance)) == 56
    nifti = db.scalars(select(Series).where(Series.source_format == "nifti")).one()
    assert nifti.study.patient.patient_id == "sub-02" and nifti.study.description == "fMRI"
    db.commit()
    second = run_cli(settings, "import", str(folder), *options)  # same grouping: same series
    assert second.returncode == 0, second.stdout + second.stderr
    assert "0 instance(s) stored" in second.stdout
    assert db.scalar(select(func.count()).select_from(Instance)) == 56


def test_import_exits_1_and_names_what_was_rejected(settings: Settings, tmp_path: Path, db: Session):
    folder = tmp_path / "mixed"
    folder.mkdir()
    name, data = ct_files(1, seed="cli-bad")[0]
    (folder / name).write_bytes(data)
    (folder / "cut.dcm").write_bytes(data[:-300])
    (folder / "notes.txt").write_text("not an image")
    result = run_cli(settings, "import", str(folder), str(tmp_path / "missing"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Rejected" in result.stdout
    for expected in ("cut.dcm", "notes.txt", "missing", "no such file", "truncated"):
        assert expected in result.stdout, expected
    assert db.scalar(select(func.count()).select_from(Instance)) == 1


def test_two_imports_of_the_same_folder_at_once_keep_one_copy(
    settings: Settings, tmp_path: Path, db: Session
):
    folder = tmp_path / "same"
    folder.mkdir()
    for name, data in ct_files(20, seed="cli-race"):
        (folder / name).write_bytes(data)
    env = labelstack_env(settings)
    runs = [
        subprocess.Popen([LABELSTACK, "import", str(folder)], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert db.scalar(select(func.count()).select_from(Instance)) == 20
    assert sum(1 for p in settings.storage_dir.rglob("*") if p.is_file()) == 20
    stored = [int(re.search(r"(\d+) instance\(s\) stored", out).group(1)) for out in outputs]  # type: ignore[union-attr]
    assert sum(stored) == 20


def test_a_large_import_shares_the_files_with_a_second_process_and_reports_all_in_order(
    settings: Settings, tmp_path: Path, db: Session
):
    """From SPLIT_FROM_FILES files on (and with two cores) a helper process imports the second half."""
    count = SPLIT_FROM_FILES + 40
    folder = tmp_path / "large"
    folder.mkdir()
    for i, data in enumerate(ct_series(count, rows=16, columns=16, seed=3)):
        (folder / f"IM{i:05d}").write_bytes(data)
    (folder / "IM99990-cut").write_bytes(data[:-50])  # the last files: in the helper's half
    (folder / "IM99991-notes.txt").write_text("not an image")
    runs = [run_cli(settings, "import", str(folder)) for _ in range(2)]
    first, second = runs
    assert first.returncode == 1, first.stdout + first.stderr
    assert f"{count} instance(s) stored in 1 series" in first.stdout
    assert f"{count + 2} file(s) read in" in first.stdout
    rejected = first.stdout[first.stdout.index("Rejected") :]
    assert rejected.index("IM99990-cut") < rejected.index("IM99991-notes.txt")
    assert "0 instance(s) stored" in second.stdout
    assert re.search(rf"duplicate\s*│\s*{count}\s*│", second.stdout), second.stdout
    assert db.scalar(select(func.count()).select_from(Instance)) == count
    assert db.scalar(select(Series.number_of_instances)) == count
