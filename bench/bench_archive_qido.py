"""QIDO-RS study search over an index of 10,000 studies, on SQLite and on PostgreSQL.

The index rows are bulk-inserted straight into the database (the search is
what is measured, not ingest), then typical viewer/worklist searches are
sent to a real ``labelstack serve``. Target: p95 under 50 ms on both.
There is no Orthanc figure here: filling Orthanc with 10,000 studies takes
far longer than the rest of the benchmark; the target is the yardstick.
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta

from sqlalchemy import insert

from bench.archive_support import Timer, labelstack_server, percentile, postgres_database, workspace
from labelstack.db.engine import make_engine
from labelstack.db.types import utcnow
from labelstack.models import Patient, Series, Study

STUDIES = int(os.environ.get("BENCH_QIDO_STUDIES", "10000"))
REPEAT = 40
SURNAMES = ["SMITH", "JONES", "MÜLLER", "GARCIA", "NGUYEN", "ROSSI", "DUBOIS", "KOWALSKI", "TANAKA", "SILVA"]
MODALITIES = ["CT", "MR", "US", "CR", "DX", "PT"]
QUERIES = {
    "all, newest first (limit 100)": "limit=100",
    "PatientID exact": "PatientID=P0004711",
    "PatientName wildcard": "PatientName=garc*&limit=100",
    "StudyDate one month": "StudyDate=20230301-20230331&limit=100",
    "ModalitiesInStudy=MR": "ModalitiesInStudy=MR&limit=100",
    "AccessionNumber exact": "AccessionNumber=A0009000",
    "StudyInstanceUID exact": "StudyInstanceUID=1.2.826.0.1.3680043.8.498.77.5000",
    "page 50 (offset 5000)": "limit=100&offset=5000",
}


def fill(database_url: str) -> None:
    """Bulk-insert STUDIES patients, studies and series."""
    rng = random.Random(7)
    engine = make_engine(database_url)
    now = utcnow()
    start = date(2015, 1, 1)
    patients, studies, series = [], [], []
    for n in range(STUDIES):
        pid = f"P{n:07d}"
        modality = MODALITIES[n % len(MODALITIES)]
        patients.append(
            {
                "id": n + 1,
                "patient_key": pid,
                "patient_id": pid,
                "patient_name": f"{rng.choice(SURNAMES)}^{rng.choice(['ANNA', 'BEN', 'CARLA', 'DAVID'])}",
                "birth_date": date(1940, 1, 1) + timedelta(days=rng.randrange(25000)),
                "sex": rng.choice("MFO"),
                "created_at": now,
            }
        )
        studies.append(
            {
                "id": n + 1,
                "study_instance_uid": f"1.2.826.0.1.3680043.8.498.77.{n}",
                "patient_fk": n + 1,
                "study_date": start + timedelta(days=rng.randrange(3650)),
                "study_time": "101500",
                "description": f"{modality} study {n}",
                "accession_number": f"A{n:07d}",
                "study_id": str(n),
                "referring_physician": "",
                "modalities": modality,
                "body_parts": "CHEST",
                "number_of_series": 1,
                "number_of_instances": 100,
                "size_bytes": 100 * 526_000,
                "created_at": now,
            }
        )
        series.append(
            {
                "id": n + 1,
                "series_instance_uid": f"1.2.826.0.1.3680043.8.498.78.{n}",
                "study_fk": n + 1,
                "modality": modality,
                "body_part": "CHEST",
                "description": "axial",
                "series_number": 1,
                "frame_of_reference_uid": "",
                "number_of_instances": 100,
                "number_of_frames": 100,
                "size_bytes": 100 * 526_000,
                "source": "bench",
                "source_format": "dicom",
                "extra": {},
                "created_at": now,
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(Patient), patients)
        conn.execute(insert(Study), studies)
        conn.execute(insert(Series), series)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()


def measure(label: str, database_url: str | None) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}
    with workspace() as ws:
        url = database_url or f"sqlite:///{ws / 'labelstack' / 'labelstack.db'}"
        with labelstack_server(ws, database_url=url) as server:  # migrates the schema
            fill(url)
            with server.client() as client:
                for name, query in QUERIES.items():
                    client.get(f"/dicomweb/studies?{query}").raise_for_status()  # warm-up
                    samples = []
                    for _ in range(REPEAT):
                        with Timer() as t:
                            response = client.get(f"/dicomweb/studies?{query}")
                        response.raise_for_status()
                        samples.append(t.seconds * 1000)
                    if not response.json():
                        raise AssertionError(f"{label}: {name} found nothing")
                    results[name] = samples
    return results


def main() -> None:
    backends = {"SQLite": measure("SQLite", None)}
    with postgres_database() as url:
        backends["PostgreSQL"] = measure("PostgreSQL", url)
    print(f"\nQIDO-RS study search over {STUDIES} studies ({REPEAT} requests each)")
    for backend, results in backends.items():
        print(f"  {backend}:")
        for name, ms in results.items():
            p95 = percentile(ms, 95)
            print(
                f"    {name:32s} p50 {percentile(ms, 50):6.1f} ms  p95 {p95:6.1f} ms"
                f"  {'ok' if p95 < 50 else 'OVER TARGET'}"
            )
    print("  target: p95 < 50 ms")


if __name__ == "__main__":
    main()
