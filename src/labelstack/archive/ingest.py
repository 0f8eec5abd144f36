"""Turning DICOM bytes into stored files and index rows.

Instances are taken in chunks. Each one is validated completely before its
file is written; the chunk's new files are stored with one durability
barrier (see :meth:`ImageStore.put_many`) and its rows added with
one bulk insert inside a savepoint, so a rejected or failed instance leaves
neither a row nor a file behind. Re-ingesting a SOP Instance UID is a
"duplicate" and keeps the first copy, also when two ingests race: the unique
constraint on ``instances.sop_instance_uid`` decides the winner. When a bulk
insert meets a concurrent ingest, the chunk falls back to one savepoint per
instance and the loser reports a duplicate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from labelstack.archive import dicom_files
from labelstack.archive.dicom_files import InstanceFacts, InvalidDicom, ReadInstance
from labelstack.archive.index_rows import IngestBatch, NewInstance, index_many, index_one
from labelstack.archive.store import ImageStore
from labelstack.models import Instance
from labelstack.services import audit
from labelstack.services.audit import Actor
from labelstack.services.errors import UpstreamUnavailable

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

__all__ = [
    "IngestBatch",
    "IngestOutcome",
    "archived_keys",
    "commit_chunk",
    "ingest_chunk",
    "ingest_dataset",
    "ingest_many",
]

IngestStatus = Literal["stored", "duplicate", "rejected"]
#: Attempts per instance when a concurrent ingest created the same patient/study/series first.
_ATTEMPTS = 3
#: A chunk is also cut when its bytes reach this (large multi-frame files).
CHUNK_BYTES = 256 * 1024 * 1024
#: Checksums are computed here while the files are read (hashlib releases the GIL).
_hashing = ThreadPoolExecutor(2, thread_name_prefix="ingest-sha256")


@dataclass
class IngestOutcome:
    """What happened to one file: stored, duplicate (already archived) or rejected with a reason."""

    name: str
    status: IngestStatus
    reason: str | None = None
    sop_instance_uid: str | None = None
    series_instance_uid: str | None = None
    study_instance_uid: str | None = None
    sop_class_uid: str | None = None
    transfer_syntax_uid: str | None = None
    size_bytes: int = 0
    storage_key: str | None = None
    instances: int = 1

    @classmethod
    def rejected(cls, name: str, reason: str) -> IngestOutcome:
        return cls(name=name, status="rejected", reason=reason)

    @classmethod
    def of(cls, name: str, info: InstanceFacts, size: int) -> IngestOutcome:
        return cls(
            name=name,
            status="stored",
            sop_instance_uid=info.sop_instance_uid,
            series_instance_uid=info.series_instance_uid,
            study_instance_uid=info.study_instance_uid,
            sop_class_uid=info.sop_class_uid,
            transfer_syntax_uid=info.transfer_syntax_uid,
            size_bytes=size,
        )


def ingest_dicom(
    db: Session, *, store: ImageStore, data: bytes, name: str, source: str, actor: Actor
) -> IngestOutcome:
    """Ingest one DICOM file and commit; see :func:`ingest_many`."""
    return ingest_many(db, store=store, items=[(name, data)], source=source, actor=actor)[0]


def ingest_many(
    db: Session,
    *,
    store: ImageStore,
    items: Iterable[tuple[str, bytes | memoryview]],
    source: str,
    actor: Actor,
    commit_every: int = 100,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
) -> list[IngestOutcome]:
    """Ingest many (name, bytes) items, committing every ``commit_every`` instances.

    One audit row is written per committed chunk (counts, studies, rejections).
    ``on_outcome`` is called for each item once its chunk is committed (progress bars).
    """
    outcomes: list[IngestOutcome] = []
    batch = IngestBatch()
    chunk: list[tuple[str, bytes | memoryview]] = []
    size = 0

    def flush() -> None:
        done = ingest_chunk(db, store=store, items=chunk, source=source, batch=batch)
        commit_chunk(db, store=store, chunk=done, source=source, actor=actor)
        outcomes.extend(done)
        for outcome in done:
            if on_outcome is not None:
                on_outcome(outcome)

    for name, data in items:
        chunk.append((name, data))
        size += len(data)
        if len(chunk) >= commit_every or size >= CHUNK_BYTES:
            flush()
            chunk, size = [], 0
    flush()
    return outcomes


def ingest_chunk(
    db: Session,
    *,
    store: ImageStore,
    items: Sequence[tuple[str, bytes | memoryview]],
    source: str,
    batch: IngestBatch,
) -> list[IngestOutcome]:
    """Validate, store and index a chunk of (name, bytes); the caller commits.

    Each file is read once (:func:`read_one`) and goes to the store as soon as
    it is read (the store starts writing it while the next is read); its
    checksum is computed beside, in a thread. The database is touched only
    once the files are stored: one look-up of the instances archived before,
    then the rows. On SQLite, where a writing transaction holds the one write
    lock from its first statement, this keeps that lock for milliseconds per
    chunk, so concurrent ingests (two imports, STOW-RS beside an import)
    interleave instead of queueing. An archived instance's file is found in
    the store and not written again. A remote store (a PACS) is the exception:
    the chunk is read whole, the index asked first, and only the instances it
    lacks are sent. The outcomes come in the order of ``items``.
    """
    outcomes: list[IngestOutcome] = []
    fresh: list[tuple[IngestOutcome, ReadInstance, bytes | memoryview, Future[str]]] = []

    def new_files() -> Iterator[tuple[str, bytes | memoryview]]:
        seen: set[str] = set()
        for name, data in items:
            result = read_one(data)
            if isinstance(result, str):
                outcomes.append(IngestOutcome.rejected(name, result))
                continue
            outcome = IngestOutcome.of(name, result.info, len(data))
            outcomes.append(outcome)
            uid = result.info.sop_instance_uid
            if uid in seen:
                outcome.status = "duplicate"  # a second copy in the same chunk
                continue
            seen.add(uid)
            if result.dicom_json is None:
                outcome.status = "rejected"
                outcome.reason = result.json_error
                continue
            fresh.append((outcome, result, data, _hashing.submit(_sha256, data)))
            yield uid, data

    if store.remote:
        # only what the index lacks goes over the network (see ImageStore.remote)
        read = list(new_files())
        archived = archived_keys(db, [uid for uid, _data in read])
        put = store.put_many((uid, data) for uid, data in read if uid not in archived)
    else:
        put = store.put_many(new_files())
        archived = archived_keys(db, [r.info.sop_instance_uid for _o, r, _d, _h in fresh])
    new: list[tuple[IngestOutcome, NewInstance]] = []
    for outcome, result, data, digest in fresh:
        uid = result.info.sop_instance_uid
        key = put.keys.get(uid)
        if uid in archived:
            outcome.status = "duplicate"
            if key is not None and key != archived[uid]:
                _delete_unreferenced(db, store, key)  # archived under another key: ours is extra
            continue
        if key is None:
            outcome.status = "rejected"
            outcome.reason = put.failed.get(uid, "the image store refused the instance")
            continue
        outcome.storage_key = key
        assert result.dicom_json is not None
        item = NewInstance(result.info, result.dicom_json, key=key, size=len(data), sha256=digest.result())
        if uid in put.kept:
            kept = _kept_copy(store, outcome, item, data)
            if kept is None:
                continue
            outcome, item = kept
        new.append((outcome, item))
    if new:
        _index_all(db, store=store, new=new, source=source, batch=batch)
    return outcomes


def _kept_copy(
    store: ImageStore, outcome: IngestOutcome, item: NewInstance, data: bytes | memoryview
) -> tuple[IngestOutcome, NewInstance] | None:
    """What to index when the store kept a copy of this instance found under its key (left by an
    ingest that stopped before its row, or written by a racing one): the row must describe the
    bytes stored, so other bytes than ``data`` are read and indexed instead, and the outcome is a
    duplicate (the first copy kept). None, with the outcome rejected, when that copy is unreadable.
    """
    stored = store.get(item.key)
    if stored == data:
        return outcome, item
    result = read_one(stored)
    if isinstance(result, str) or result.dicom_json is None:
        outcome.status = "rejected"
        outcome.storage_key = None
        outcome.reason = "another copy of this instance is stored and cannot be read; it is kept"
        return None
    kept = IngestOutcome.of(outcome.name, result.info, len(stored))
    vars(outcome).update(vars(kept), status="duplicate", storage_key=item.key)
    return outcome, NewInstance(
        result.info, result.dicom_json, key=item.key, size=len(stored), sha256=_sha256(stored)
    )


def _sha256(data: bytes | memoryview) -> str:
    return hashlib.sha256(data).hexdigest()


def read_one(data: bytes | memoryview) -> ReadInstance | str:
    """One file read and checked (:func:`dicom_files.read`), or the reason it is rejected."""
    try:
        return dicom_files.read(data)
    except InvalidDicom as exc:
        return str(exc.detail)


def _index_all(
    db: Session,
    *,
    store: ImageStore,
    new: list[tuple[IngestOutcome, NewInstance]],
    source: str,
    batch: IngestBatch,
) -> None:
    savepoint = db.begin_nested()
    try:
        index_many(db, [item for _outcome, item in new], source=source, batch=batch)
        savepoint.commit()
        return
    except IntegrityError:
        savepoint.rollback()
        batch.series_ids.clear()
    except BaseException:
        savepoint.rollback()
        batch.series_ids.clear()
        for _outcome, item in new:
            if not _exists(db, item.info.sop_instance_uid):
                store.delete(item.key)
        raise
    for outcome, item in new:  # a concurrent ingest met us: settle instance by instance
        _index_with_retries(db, store=store, outcome=outcome, item=item, source=source, batch=batch)


def ingest_dataset(
    db: Session,
    *,
    store: ImageStore,
    ds: Dataset,
    data: bytes,
    name: str,
    source: str,
    batch: IngestBatch | None = None,
) -> IngestOutcome:
    """Store and index an already parsed and validated dataset whose encoding is ``data``."""
    batch = batch or IngestBatch()
    info = dicom_files.facts(ds)
    outcome = IngestOutcome.of(name, info, len(data))
    if _exists(db, info.sop_instance_uid):
        outcome.status = "duplicate"
        return outcome
    try:
        dicom_json = dicom_files.dataset_to_dicom_json(ds)
    except Exception as exc:  # pydicom refuses to encode a malformed value
        return IngestOutcome.rejected(name, f"cannot describe the dataset as DICOM JSON: {exc}")
    put = store.put_many([(info.sop_instance_uid, data)])
    key = put.keys.get(info.sop_instance_uid)
    if key is None:  # a remote store refused it: fail as its put() does
        reason = put.failed.get(info.sop_instance_uid, "refused")
        raise UpstreamUnavailable(f"the image store refused {info.sop_instance_uid}: {reason}")
    outcome.storage_key = key
    item = NewInstance(info, dicom_json, key=key, size=len(data), sha256=hashlib.sha256(data).hexdigest())
    if info.sop_instance_uid in put.kept:
        kept = _kept_copy(store, outcome, item, data)
        if kept is None:
            return outcome
        outcome, item = kept
    _index_with_retries(db, store=store, outcome=outcome, item=item, source=source, batch=batch)
    return outcome


def _index_with_retries(
    db: Session,
    *,
    store: ImageStore,
    outcome: IngestOutcome,
    item: NewInstance,
    source: str,
    batch: IngestBatch,
) -> None:
    series_uid = item.info.series_instance_uid
    for attempt in range(_ATTEMPTS):
        savepoint = db.begin_nested()
        try:
            index_one(db, item, source=source, batch=batch)
            savepoint.commit()
            return
        except IntegrityError:
            savepoint.rollback()
            batch.series_ids.pop(series_uid, None)
            if _exists(db, item.info.sop_instance_uid):
                outcome.status = "duplicate"  # a concurrent ingest won; its file is ours too
                return
            if attempt == _ATTEMPTS - 1:
                store.delete(item.key)
                raise
        except BaseException:
            savepoint.rollback()
            batch.series_ids.pop(series_uid, None)
            if not _exists(db, item.info.sop_instance_uid):
                store.delete(item.key)
            raise


def _exists(db: Session, sop_instance_uid: str) -> bool:
    return db.scalar(select(Instance.id).where(Instance.sop_instance_uid == sop_instance_uid)) is not None


def archived_keys(db: Session, sop_instance_uids: list[str]) -> dict[str, str]:
    """The storage key of each of these instances that is archived already."""
    if not sop_instance_uids:
        return {}
    found = select(Instance.sop_instance_uid, Instance.storage_key).where(
        Instance.sop_instance_uid.in_(sop_instance_uids)
    )
    return {uid: key for uid, key in db.execute(found)}


def _delete_unreferenced(db: Session, store: ImageStore, key: str) -> None:
    if db.scalar(select(Instance.id).where(Instance.storage_key == key)) is None:
        store.delete(key)


def commit_chunk(
    db: Session, *, store: ImageStore, chunk: list[IngestOutcome], source: str, actor: Actor
) -> None:
    stored = [o for o in chunk if o.status == "stored"]
    rejected = [o for o in chunk if o.status == "rejected"]
    if not stored and not rejected:
        db.commit()
        return
    studies = sorted({o.study_instance_uid for o in stored if o.study_instance_uid})
    audit.record(
        db,
        actor=actor,
        action="archive.ingest",
        object_type="study" if len(studies) == 1 else None,
        object_id=studies[0] if len(studies) == 1 else None,
        details={
            "source": source,
            "stored": len(stored),
            "duplicates": sum(o.status == "duplicate" for o in chunk),
            "rejected": [{"name": o.name, "reason": o.reason} for o in rejected[:50]],
            "studies": studies[:50],
        },
    )
    try:
        db.commit()
    except BaseException:
        db.rollback()
        for o in stored:
            if o.storage_key and o.sop_instance_uid and not _exists(db, o.sop_instance_uid):
                store.delete(o.storage_key)
        raise
