"""Index what a PACS already holds (``labelstack pacs sync``).

Walks the PACS with QIDO-RS (studies, then each study's series and
instances), retrieves only the instances LabelStack does not index yet (one
WADO-RS call per series) and indexes them with their PACS keys; the bytes
stay in the PACS. Running it again indexes only what is new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from labelstack.archive.ingest import ingest_many
from labelstack.archive.pacs import Forwarded, PacsStore, key_for
from labelstack.models import Instance
from labelstack.services.audit import Actor

PAGE = 200


@dataclass
class SyncSummary:
    studies: int = 0
    series: int = 0
    indexed: int = 0
    already_indexed: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)


def _uid(item: dict[str, object], tag: str) -> str:
    value = item.get(tag)
    if isinstance(value, dict):
        values = value.get("Value") or []
        if values:
            return str(values[0])
    return ""


def study_uids(store: PacsStore) -> list[str]:
    """Every study in the PACS, page by page (QIDO-RS limit/offset, PS3.18 §8.3.4.4)."""
    found: list[str] = []
    offset = 0
    while True:
        page = store.search("/studies", {"limit": str(PAGE), "offset": str(offset)})
        found.extend(uid for uid in (_uid(item, "0020000D") for item in page) if uid)
        if len(page) < PAGE:
            return list(dict.fromkeys(found))
        offset += PAGE


def sync(
    db: Session,
    *,
    store: PacsStore,
    actor: Actor,
    studies: list[str] | None = None,
    on_study: Callable[[str, SyncSummary], None] | None = None,
) -> SyncSummary:
    summary = SyncSummary()
    for study in studies if studies is not None else study_uids(store):
        summary.studies += 1
        for series_item in store.search(f"/studies/{study}/series"):
            series = _uid(series_item, "0020000E")
            if not series:
                continue
            summary.series += 1
            sops = [_uid(i, "00080018") for i in store.search(f"/studies/{study}/series/{series}/instances")]
            sops = [s for s in sops if s]
            known = set(
                db.scalars(select(Instance.sop_instance_uid).where(Instance.sop_instance_uid.in_(sops)))
            )
            missing = [s for s in sops if s not in known]
            summary.already_indexed += len(known)
            if not missing:
                continue
            if len(missing) == len(sops):
                files = store.retrieve(f"/studies/{study}/series/{series}")
            else:
                files = [
                    data
                    for sop in missing
                    for data in store.retrieve(f"/studies/{study}/series/{series}/instances/{sop}")
                ]
            forwarded = Forwarded(store, keys={sop: key_for(study, series, sop) for sop in sops})
            outcomes = ingest_many(
                db,
                store=forwarded,
                items=[(f"{series}#{n}", data) for n, data in enumerate(files)],
                source="pacs",
                actor=actor,
            )
            summary.indexed += sum(o.status == "stored" for o in outcomes)
            summary.already_indexed += sum(o.status == "duplicate" for o in outcomes)
            summary.rejected += [(o.name, o.reason or "") for o in outcomes if o.status == "rejected"]
        if on_study is not None:
            on_study(study, summary)
    return summary
