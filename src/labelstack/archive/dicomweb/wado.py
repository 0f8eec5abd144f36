"""WADO-RS (PS3.18 §10.4): instances, metadata, frames, bulk data and rendered images.

Everything here works on index rows already authorised by the caller and on
an :class:`~labelstack.archive.store.ImageStore`. Instances go out byte for
byte as stored (§10.4.1.1.1); metadata is the stored DICOM JSON with its
relative BulkDataURIs made absolute (§10.4.1.1.2, §F.2.6); frames are cut out
of the stored pixel data without decoding (§10.4.1.1.4) using cached byte
ranges, so serving a frame costs one positioned read.
"""

from __future__ import annotations

import contextlib
import io
import queue
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pydicom
from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from labelstack.archive.dicom_files import BULKDATA_PREFIX
from labelstack.archive.dicomweb import multipart
from labelstack.archive.dicomweb.cache import LruCache
from labelstack.archive.dicomweb.frames import (
    FrameLayout,
    frame_size,
    layout_of,
    read_frames,
    read_frames_into,
)
from labelstack.archive.dicomweb.negotiation import FrameReply, MediaType
from labelstack.archive.store import ImageStore
from labelstack.models import Instance, InstanceMetadata, Series, Study
from labelstack.services.errors import DomainError, InvalidInput, NotFound

_BULK = re.compile(rb'"BulkDataURI":\s*"' + re.escape(BULKDATA_PREFIX.encode()))
_AVAILABLE_TRANSFER_SYNTAX = b'"00083002"'


def with_available_transfer_syntax(text: bytes, transfer_syntax_uid: str) -> bytes:
    """The instance's DICOM JSON object with Available Transfer Syntax UID (0008,3002) added.

    Stored metadata carries no file meta information, so without it a client cannot tell how
    a frame is encoded before fetching it; viewers read native frames on a faster path than
    compressed ones and choose it from this attribute (PS3.18 §10.4.1.1.2 allows it here).
    """
    if _AVAILABLE_TRANSFER_SYNTAX in text or not text.startswith(b"{"):
        return text
    rest = text[1:]
    separator = b"" if rest.lstrip().startswith(b"}") else b","
    element = b'{"00083002": {"vr": "UI", "Value": ["' + transfer_syntax_uid.encode() + b'"]}'
    return element + separator + rest


@dataclass(frozen=True)
class InstanceRef:
    """An authorised instance with the UIDs of its series and study."""

    id: int
    sop_instance_uid: str
    series_instance_uid: str
    study_instance_uid: str
    storage_key: str
    transfer_syntax_uid: str
    sha256: str
    number_of_frames: int
    series_id: int

    def url(self, base_url: str) -> str:
        return (
            f"{base_url}/studies/{self.study_instance_uid}/series/{self.series_instance_uid}"
            f"/instances/{self.sop_instance_uid}"
        )


def parse_frame_list(text: str) -> list[int]:
    """``{frameList}``: comma-separated frame numbers starting at 1 (PS3.18 §8.3.5.1)."""
    try:
        numbers = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise InvalidInput(f"frame list {text!r} must be comma-separated numbers") from None
    if not numbers or any(n < 1 for n in numbers):
        raise InvalidInput("frame numbers start at 1")
    return numbers


class WadoReader:
    """Reads what WADO-RS serves from one image store, with bounded caches shared across requests."""

    def __init__(
        self,
        store: ImageStore,
        *,
        metadata_entries: int,
        rendered_entries: int = 1024,
        layout_entries: int = 8192,
    ) -> None:
        self.store = store
        self.metadata_cache: LruCache[tuple[object, ...], bytes] = LruCache(metadata_entries)
        # keyed by content too: a deleted and re-imported UID may come back in another encoding
        self.layout_cache: LruCache[tuple[str, str], FrameLayout] = LruCache(layout_entries)
        self.rendered_cache: LruCache[tuple[object, ...], bytes] = LruCache(rendered_entries)
        self._to_warm: queue.SimpleQueue[list[InstanceRef]] = queue.SimpleQueue()
        self._warmer: threading.Thread | None = None
        self._warmer_lock = threading.Lock()

    # ------------------------------------------------------------ instances

    def instance_bytes(self, ref: InstanceRef) -> bytes:
        return self.store.get(ref.storage_key)

    def instance_parts(self, refs: Sequence[InstanceRef], base_url: str) -> Iterator[multipart.Part]:
        """Each instance as stored, read lazily so a study streams (PS3.18 §10.4.1.1.1).

        The first instance is read before this returns: a store that cannot
        answer (PACS down) fails the request with its own status instead of
        breaking off a response that has already begun.
        """
        first = self._part(refs[0], base_url) if refs else None

        def parts() -> Iterator[multipart.Part]:
            if first is not None:
                yield first
            for ref in refs[1:]:
                yield self._part(ref, base_url)

        return parts()

    def _part(self, ref: InstanceRef, base_url: str) -> multipart.Part:
        return multipart.Part(
            MediaType.DICOM, self.instance_bytes(ref), {"Content-Location": ref.url(base_url)}
        )

    # ------------------------------------------------------------- metadata

    def metadata(self, db: Session, refs: Sequence[InstanceRef], base_url: str, cache_key: object) -> bytes:
        """A JSON array of the instances' DICOM JSON, BulkDataURIs pointing at ``base_url``."""
        key = (cache_key, base_url)
        found = self.metadata_cache.get(key)
        if found is not None:
            return found
        by_id = {ref.id: ref for ref in refs}
        texts: dict[int, str] = {}
        ids = list(by_id)
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            rows = db.execute(
                select(InstanceMetadata.instance_fk, cast(InstanceMetadata.dicom_json, Text)).where(
                    InstanceMetadata.instance_fk.in_(chunk)
                )
            )
            texts.update((instance_id, text) for instance_id, text in rows)
        pieces = []
        for ref in refs:
            text = texts.get(ref.id)
            if text is None:
                continue
            prefix = b'"BulkDataURI": "' + ref.url(base_url).encode() + b"/" + BULKDATA_PREFIX.encode()
            resolved = _BULK.sub(lambda _m, p=prefix: p, text.encode())  # type: ignore[misc]
            pieces.append(with_available_transfer_syntax(resolved, ref.transfer_syntax_uid))
        body = b"[" + b",".join(pieces) + b"]"
        self.metadata_cache.put(key, body)
        return body

    # --------------------------------------------------------------- frames

    def layout(self, ref: InstanceRef) -> tuple[FrameLayout, Path | None, bytes | None]:
        path = self.store.local_path(ref.storage_key)
        data = None
        if path is None or not path.exists():
            path = None
        layout = self.layout_cache.get((ref.storage_key, ref.sha256))
        if layout is None:
            if path is None:
                data = self.instance_bytes(ref)
            layout = layout_of(path if path is not None else data or b"")
            self.layout_cache.put((ref.storage_key, ref.sha256), layout)
        if path is None and data is None:
            data = self.instance_bytes(ref)
        return layout, path, data

    def frames(self, ref: InstanceRef, numbers: list[int]) -> list[bytes]:
        layout, path, data = self.layout(ref)
        return read_frames(layout, numbers, path=path, data=data)

    def pixel_data_parts(
        self, refs: Sequence[InstanceRef], base_url: str, replies: dict[str, FrameReply], boundary: str
    ) -> Iterator[bytes]:
        """Every frame of ``refs`` as a multipart body, one chunk per instance (PS3.18 §10.4.1.1.4).

        ``replies`` says how each stored transfer syntax is labelled (negotiated
        before the response starts). Each part names its frame in
        Content-Location and gives its Content-Length, so that a client can
        take the parts apart without searching the pixels for the boundary.
        """
        for ref in refs:
            try:
                layout, path, data = self.layout(ref)
            except NotFound:
                continue  # an instance without pixel data (a report or a state in the series) has no frames
            numbers = list(range(1, layout.number_of_frames + 1))
            reply = replies[ref.transfer_syntax_uid]
            location = ref.url(base_url) + "/frames/"
            pieces: list[bytes] = []
            for number, frame in zip(
                numbers, read_frames(layout, numbers, path=path, data=data), strict=True
            ):
                headers = {"Content-Location": f"{location}{number}", "Content-Length": str(len(frame))}
                pieces += [
                    multipart.part_header(reply.part_content_type, boundary, headers),
                    frame,
                    multipart.CRLF,
                ]
            yield b"".join(pieces)
        yield multipart.closing(boundary)

    def warm_layouts(self, refs: Sequence[InstanceRef]) -> None:
        """Locate the frames of ``refs`` in the background, in order, ahead of the requests for them.

        A viewer reads a series one instance after another; parsing each
        header (about a quarter of a millisecond) while the client is busy
        with the previous frame lets nearly every request find its layout
        known and be served by :meth:`known_frames_body`. Only for a local store:
        from a PACS it would fetch every instance twice.
        """
        if not refs or self.store.local_path(refs[0].storage_key) is None:
            return
        self._to_warm.put(list(refs))
        with self._warmer_lock:
            if self._warmer is None:
                self._warmer = threading.Thread(target=self._warm, name="frame-layouts", daemon=True)
                self._warmer.start()

    def _warm(self) -> None:
        """Work through the queue; end when it is empty (the next series starts a new thread)."""
        while True:
            with self._warmer_lock:
                try:
                    refs = self._to_warm.get_nowait()
                except queue.Empty:
                    self._warmer = None
                    return
            for ref in refs:
                if self.layout_cache.get((ref.storage_key, ref.sha256)) is None:
                    # a file that cannot be read or parsed: the request for it says what is wrong
                    with contextlib.suppress(DomainError, OSError):
                        self.layout(ref)

    def known_frames_body(
        self,
        ref: InstanceRef,
        numbers: list[int],
        heads: list[tuple[str, dict[str, str]]],
        boundary: str,
    ) -> multipart.Body | None:
        """The frames as a multipart body, if that is only positioned reads of a local file of known layout.

        Such reads (from the page cache, typically) cost less than handing the
        request to a worker thread, so the per-frame route does them on the
        event loop, straight into the reply's buffer; parsing a header or asking
        a PACS is left to :meth:`frames`, and so is a file deleted meanwhile
        (a 404 there) or shorter than its layout (read there as before).
        ``heads`` are each part's type and headers; a frame number the
        instance does not have is a 404.
        """
        layout = self.layout_cache.get((ref.storage_key, ref.sha256))
        path = self.store.local_path(ref.storage_key)
        if layout is None or path is None:
            return None
        sizes = [frame_size(layout, n) for n in numbers]
        body = multipart.encode_into(heads, sizes, boundary)
        try:
            read_frames_into(layout, numbers, path, body.holes)
        except (FileNotFoundError, EOFError):
            return None
        return body

    def bulkdata(self, ref: InstanceRef, tag: str) -> list[bytes]:
        """The value of a top-level bulk data element; pixel data as its frames (PS3.18 §10.4.1.1.3)."""
        if tag.upper() == "7FE00010":
            layout, path, data = self.layout(ref)
            return read_frames(layout, list(range(1, layout.number_of_frames + 1)), path=path, data=data)
        ds = pydicom.dcmread(io.BytesIO(self.instance_bytes(ref)))
        try:
            element = ds[int(tag, 16)]
        except (KeyError, ValueError):
            raise NotFound(f"no bulk data {tag} in this instance") from None
        value = element.value
        if not isinstance(value, bytes):
            raise NotFound(f"{tag} is not bulk data")
        return [value]


def instance_refs(db: Session, where: Sequence[object]) -> list[InstanceRef]:
    """Instances (in slice order) matching ``where``, as references that need no session later."""
    rows = db.execute(
        select(
            Instance.id,
            Instance.sop_instance_uid,
            Series.series_instance_uid,
            Study.study_instance_uid,
            Instance.storage_key,
            Instance.transfer_syntax_uid,
            Instance.sha256,
            Instance.number_of_frames,
            Series.id,
        )
        .join(Series, Instance.series_fk == Series.id)
        .join(Study, Series.study_fk == Study.id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Series.series_number, Series.id, Instance.instance_number, Instance.id)
    )
    return [InstanceRef(*row) for row in rows]
