"""Labelmap saves in the compact binary patch form, and labelmap versions read back.

The binary form carries only the changed slices; the segments stay those of
the base (head) version, so a brush stroke is a few kilobytes on the wire.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from labelstack.annotations.enums import AnnotationKind
from labelstack.annotations.labelmaps import LabelmapStore
from labelstack.annotations.patch import LabelmapPatch
from labelstack.models import Annotation, AnnotationDraft, AnnotationVersion, User
from labelstack.schemas.annotation_content import LabelmapContent, SegmentRef
from labelstack.schemas.annotations import DraftSave, VersionSave
from labelstack.services import annotation_content, annotation_drafts, annotation_versions
from labelstack.services.audit import Actor
from labelstack.services.errors import InvalidInput


@dataclass(frozen=True)
class PatchSave:
    """A labelmap save as it arrives in the binary form: the patch and what the query string says."""

    body: bytes
    base_version: int
    active_seconds: int = 0
    tool: str = ""


def save_binary_patch(
    db: Session,
    *,
    annotation_id: int,
    save: PatchSave,
    user: User,
    actor: Actor,
    store: LabelmapStore,
    read_db: Session | None = None,
) -> AnnotationVersion:
    """A new version from a binary patch on ``save.base_version`` (409 when stale)."""
    # holding the annotation keeps it in the session's identity map for the save below (no reload)
    annotation, patch, content = _patch_and_segments(read_db or db, annotation_id, save.body, user)
    return annotation_versions.save(
        db,
        annotation_id=annotation.id,
        save_in=VersionSave(
            base_version=save.base_version,
            content=content,
            active_seconds=save.active_seconds,
            tool=save.tool,
        ),
        user=user,
        actor=actor,
        store=store,
        patch=patch,
        read_db=read_db,
    )


def save_binary_draft(
    db: Session,
    *,
    annotation_id: int,
    save: PatchSave,
    user: User,
    actor: Actor,
    store: LabelmapStore,
    read_db: Session | None = None,
) -> AnnotationDraft:
    """The caller's draft, updated with a binary patch of the slices changed since the last draft."""
    # holding the annotation keeps it in the session's identity map for the save below (no reload)
    annotation, patch, content = _patch_and_segments(read_db or db, annotation_id, save.body, user)
    return annotation_drafts.put(
        db,
        annotation_id=annotation.id,
        draft_in=DraftSave(
            base_version=save.base_version,
            content=content,
            active_seconds=save.active_seconds,
            tool=save.tool,
        ),
        user=user,
        actor=actor,
        store=store,
        patch=patch,
        read_db=read_db,
    )


def _patch_and_segments(
    db: Session, annotation_id: int, body: bytes, user: User
) -> tuple[Annotation, LabelmapPatch, LabelmapContent]:
    annotation = annotation_versions.get(db, annotation_id, user=user)
    if annotation.kind != AnnotationKind.LABELMAP:
        raise InvalidInput(f"annotation {annotation_id} is a {annotation.kind.value}, not a labelmap")
    patch = LabelmapPatch.from_bytes(body)
    head = annotation_versions.head(db, annotation)
    segments = [SegmentRef.model_validate(s) for s in (head.content.get("segments", []) if head else [])]
    if not segments:
        raise InvalidInput("the labelmap has no segments yet: save them once in the JSON form")
    return annotation, patch, LabelmapContent(segments=segments)


def version_patch(db: Session, *, annotation_id: int, number: int, user: User, store: LabelmapStore) -> bytes:
    """Every non-empty slice of a labelmap version, in the binary patch form."""
    annotation = annotation_versions.get(db, annotation_id, user=user)
    found = annotation_versions.version(db, annotation, number)
    manifest = annotation_content.labelmap_parent(found.content)
    if manifest is None:
        raise InvalidInput(f"annotation {annotation_id} is not a labelmap")
    planes = {k: store.load_slice(manifest, k) for k, h in enumerate(manifest.slices) if h is not None}
    patch = LabelmapPatch.from_slices(manifest.shape, planes)
    return LabelmapPatch(manifest.shape, manifest.dtype, patch.slices).to_bytes()
