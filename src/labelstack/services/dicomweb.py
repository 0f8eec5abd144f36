"""DICOMweb for one caller: who may see what (``services.access``), what gets audited, what is stored.

The HTTP edge (``api/routes/dicomweb.py``) parses the request and shapes the
reply; the DICOM parts live in ``labelstack.archive.dicomweb``. Hidden and
missing images answer the same 404, so guessing UIDs reveals nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session, sessionmaker

from labelstack.archive import ingest
from labelstack.archive.dicomweb import multipart, qido, stow
from labelstack.archive.dicomweb.attributes import DicomJson
from labelstack.archive.dicomweb.wado import InstanceRef, instance_refs
from labelstack.archive.pacs import PacsStore
from labelstack.archive.store import ImageStore
from labelstack.models import Instance, Series, Study, User
from labelstack.services import access, audit, sessions
from labelstack.services.audit import Actor
from labelstack.services.errors import NotFound
from labelstack.services.short_cache import ShortCache

#: How long an instance's location (file, series, checksum, transfer syntax) is trusted on the per-frame
#: routes. Reloading a series costs one query, so this can be as short as the other bounds: an instance
#: deleted (or replaced) through another server process is served from its stale entry at most this
#: long, and a deleted one only while its file still exists.
INSTANCE_SECONDS = 2.0
InstanceKey = tuple[str, str, str]  # study, series, SOP instance UID


def visible_clause(user: User) -> ColumnElement[bool] | None:
    """The caller's series as a WHERE clause, or None when they may see everything."""
    visible = access.visible_series_ids(user)
    return None if visible is None else Series.id.in_(visible)


def search(
    db: Session,
    *,
    user: User,
    level: qido.Level,
    params: Sequence[tuple[str, str]],
    base_url: str,
    study_uid: str | None = None,
    series_uid: str | None = None,
) -> qido.SearchResult:
    """QIDO-RS over the images the caller may see (PS3.18 §10.6)."""
    query = qido.parse_query(level, params)
    return qido.search(
        db,
        query=query,
        visible=visible_clause(user),
        base_url=base_url,
        study_uid=study_uid,
        series_uid=series_uid,
    )


def find_instances(
    db: Session,
    *,
    user: User,
    study_uid: str,
    series_uid: str | None = None,
    sop_instance_uid: str | None = None,
) -> list[InstanceRef]:
    """The visible instances under a study / series / instance URL; 404 when there are none."""
    where: list[Any] = [Study.study_instance_uid == study_uid]
    if series_uid is not None:
        where.append(Series.series_instance_uid == series_uid)
    if sop_instance_uid is not None:
        where.append(Instance.sop_instance_uid == sop_instance_uid)
    clause = visible_clause(user)
    if clause is not None:
        where.append(clause)
    refs = instance_refs(db, where)
    if not refs:
        what = "instance" if sop_instance_uid else "series" if series_uid else "study"
        raise NotFound(f"{what} not found")
    return refs


def find_instance(
    db: Session, *, user: User, study_uid: str, series_uid: str, sop_instance_uid: str
) -> InstanceRef:
    """The one visible instance under an instance URL; 404 when hidden or missing."""
    (ref,) = find_instances(
        db, user=user, study_uid=study_uid, series_uid=series_uid, sop_instance_uid=sop_instance_uid
    )
    return ref


@dataclass
class FrameLookups:
    """What the per-frame routes keep between requests: login checks, access decisions, instances.

    One set per application; :meth:`clear` is called after every request that
    may have changed any of it (see ``labelstack.api.app``).
    """

    logins: sessions.LoginChecks = field(default_factory=sessions.login_checks)
    decisions: access.SeriesDecisions = field(default_factory=access.series_decisions)
    instances: ShortCache[InstanceKey, InstanceRef] = field(
        default_factory=lambda: ShortCache(lifetime=INSTANCE_SECONDS, max_entries=100_000)
    )

    def clear(self) -> None:
        self.logins.clear()
        self.decisions.clear()
        self.instances.clear()


def recent_instance(
    lookups: FrameLookups, *, user: access.Viewer, study_uid: str, series_uid: str, sop_instance_uid: str
) -> InstanceRef | None:
    """The instance from ``lookups`` if it and the caller's right to see it are known; else None.

    A remembered refusal answers the same 404 as :func:`find_instance`.
    """
    ref = lookups.instances.get((study_uid, series_uid, sop_instance_uid))
    if ref is None:
        return None
    allowed = access.recent_decision(lookups.decisions, user, ref.series_id)
    if allowed is False:
        raise NotFound("instance not found")
    return ref if allowed else None


def locate_instance(
    db: Session,
    lookups: FrameLookups,
    *,
    user: access.Viewer,
    study_uid: str,
    series_uid: str,
    sop_instance_uid: str,
    series_loaded: Callable[[list[InstanceRef]], None] | None = None,
) -> InstanceRef:
    """:func:`find_instance` that fills ``lookups``: a miss loads the whole series in one query.

    A viewer asks for each instance of a series once, so remembering only the
    instance asked for would save nothing; the rest of the series is what the
    next requests name. ``series_loaded`` is told the series' instances (in
    slice order) when they were loaded, if the caller may see them.
    """
    key = (study_uid, series_uid, sop_instance_uid)
    ref = lookups.instances.get(key)
    if ref is None:
        generation = lookups.instances.generation
        where = [Study.study_instance_uid == study_uid, Series.series_instance_uid == series_uid]
        loaded = instance_refs(db, where)
        for each in loaded:
            found = (each.study_instance_uid, each.series_instance_uid, each.sop_instance_uid)
            lookups.instances.put(found, each, generation=generation)
            if found == key:
                ref = each
    else:
        loaded = []
    if ref is None or not access.may_see_series(db, lookups.decisions, user, ref.series_id):
        raise NotFound("instance not found")
    if loaded and series_loaded is not None:
        series_loaded(loaded)
    return ref


def etag_of(refs: Sequence[InstanceRef], *extra: object) -> str:
    """A strong validator that changes whenever an instance is added, removed or replaced."""
    digest = hashlib.blake2b(digest_size=16)
    for ref in refs:
        digest.update(f"{ref.id}:{ref.sha256};".encode())
    for item in extra:
        digest.update(repr(item).encode())
    return f'"{digest.hexdigest()}"'


def record_read(
    sessions: sessionmaker[Session],
    *,
    actor: Actor,
    action: str,
    refs: Sequence[InstanceRef] = (),
    study_uid: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """One audit row per request (never per frame), naming the studies and series read."""
    studies = sorted({r.study_instance_uid for r in refs}) or ([study_uid] if study_uid else [])
    series = sorted({r.series_instance_uid for r in refs})
    info: dict[str, Any] = {"studies": studies[:20], "series": series[:50], "instances": len(refs)}
    info.update(details or {})
    audit.record_read(
        sessions.kw["bind"],
        actor=actor,
        action=action,
        object_type="study" if len(studies) == 1 else None,
        object_id=studies[0] if len(studies) == 1 else None,
        details=info,
    )


def record_frame_read(
    sessions: sessionmaker[Session], *, actor: Actor, action: str, ref: InstanceRef, frames: int
) -> None:
    """Frames, rendered frames and bulk data of one instance: aggregated per user and series."""
    audit.record_frame_read(
        sessions.kw["bind"],
        actor=actor,
        action=action,
        study_uid=ref.study_instance_uid,
        series_uid=ref.series_instance_uid,
        sop_instance_uid=ref.sop_instance_uid,
        frames=frames,
    )


@dataclass
class StoreReply:
    status: int
    body: DicomJson


def store_instances(
    db: Session,
    *,
    store: ImageStore,
    parts: list[multipart.Part],
    study_uid: str | None,
    base_url: str,
    actor: Actor,
) -> StoreReply:
    """STOW-RS (PS3.18 §10.5): ingest every acceptable part, report each one."""
    items = stow.read_items(
        parts, study_uid=study_uid, read_headers=bool(study_uid) or isinstance(store, PacsStore)
    )
    acceptable = [i for i in items if i.failure is None]
    target: ImageStore = store
    if isinstance(store, PacsStore) and acceptable:  # (narrowing for the type checker)
        # the PACS gets the request's new instances in one STOW-RS call before anything is indexed
        archived = ingest.archived_keys(db, [i.sop_instance_uid for i in acceptable])
        forwarded = store.forward_batch(
            [(i.sop_instance_uid, i.data) for i in acceptable if i.sop_instance_uid not in archived]
        )
        for item in acceptable:
            if item.sop_instance_uid in forwarded.failed:
                item.failure = stow.FailureReason.PROCESSING_FAILURE
                item.reason = forwarded.failed[item.sop_instance_uid]
        acceptable = [i for i in acceptable if i.failure is None]
        target = forwarded
    outcomes = ingest.ingest_many(
        db,
        store=target,
        items=[(i.name, i.data) for i in acceptable],
        source="stow",
        actor=actor,
    )
    by_name = {o.name: o for o in outcomes}
    results = []
    for item in items:
        if item.failure is not None:
            results.append(stow.StowResult(item, stored=False, reason=item.reason, failure=item.failure))
            continue
        outcome = by_name[item.name]
        stow.take_uids(
            item,
            sop=outcome.sop_instance_uid,
            sop_class=outcome.sop_class_uid,
            series=outcome.series_instance_uid,
            study=outcome.study_instance_uid,
        )
        if outcome.status == "rejected":
            refused = stow.FailureReason.CANNOT_UNDERSTAND
            results.append(stow.StowResult(item, stored=False, reason=outcome.reason or "", failure=refused))
        else:
            results.append(stow.StowResult(item, stored=True, duplicate=outcome.status == "duplicate"))
    status, body = stow.response(results, base_url, study_uid)
    return StoreReply(status, body)
