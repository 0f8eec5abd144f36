"""A DICOMweb PACS (e.g. Orthanc) as the image store: STOW-RS to store, WADO-RS to read.

LabelStack keeps the index; the PACS keeps the bytes. The browser never
talks to the PACS: ``/dicomweb`` reads come through :class:`PacsStore`,
which holds the PACS credentials. Storing is batched: :meth:`PacsStore.forward_batch`
sends a whole request's instances in one STOW-RS call (PS3.18 §10.5) before
anything is indexed, so a PACS that is down stores nothing and indexes
nothing, and the client can simply retry.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pydicom

from labelstack.archive.dicomweb import multipart
from labelstack.archive.dicomweb.cache import LruCache
from labelstack.archive.store import PutResults
from labelstack.config import Settings
from labelstack.services.errors import InvalidInput, NotFound, UpstreamUnavailable

log = logging.getLogger(__name__)
KEY_PREFIX = "pacs:"
DICOM_ACCEPT = 'multipart/related; type="application/dicom"; transfer-syntax=*'


class PacsUnreachable(UpstreamUnavailable):
    """The PACS does not answer at all (down, wrong address): 503, try again later."""

    status_code = 503


class PacsError(UpstreamUnavailable):
    """The PACS answered with an error or something we cannot read: 502."""


def key_for(study_uid: str, series_uid: str, sop_instance_uid: str) -> str:
    return f"{KEY_PREFIX}{study_uid}/{series_uid}/{sop_instance_uid}"


def parse_key(key: str) -> tuple[str, str, str]:
    if not key.startswith(KEY_PREFIX):
        raise NotFound(f"{key!r} is not a PACS key")
    parts = key[len(KEY_PREFIX) :].split("/")
    if len(parts) != 3 or not all(parts):
        raise NotFound(f"{key!r} is not a PACS key")
    return parts[0], parts[1], parts[2]


def header_uids(data: bytes | memoryview) -> tuple[str, str, str]:
    """Study, series and SOP Instance UID of a Part 10 file, from its header alone."""
    try:
        ds = pydicom.dcmread(
            io.BytesIO(data),
            stop_before_pixels=True,
            specific_tags=["StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"],
        )
        return str(ds.StudyInstanceUID), str(ds.SeriesInstanceUID), str(ds.SOPInstanceUID)
    except Exception as exc:  # any unreadable header
        raise InvalidInput(f"not a DICOM file: {exc}") from exc


@dataclass
class Forwarded:
    """An image store for one ingest batch whose instances already reached the PACS.

    ``put`` hands back the key of an instance the batch stored; anything else
    goes to the PACS on its own. ``failed`` holds the instances the PACS refused.
    """

    remote = True
    store: PacsStore
    keys: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    def put(self, sop_instance_uid: str, data: bytes | memoryview) -> str:
        key = self.keys.get(sop_instance_uid)
        return key if key is not None else self.store.put(sop_instance_uid, data)

    def put_many(self, items: Iterable[tuple[str, bytes | memoryview]]) -> PutResults:
        results = PutResults()
        rest = []
        for sop_instance_uid, data in items:
            key = self.keys.get(sop_instance_uid)
            if key is not None:
                results.keys[sop_instance_uid] = key
            elif sop_instance_uid in self.failed:
                results.failed[sop_instance_uid] = self.failed[sop_instance_uid]
            else:
                rest.append((sop_instance_uid, data))
        if rest:
            more = self.store.put_many(rest)
            results.keys.update(more.keys)
            results.failed.update(more.failed)
            results.kept.update(more.kept)
        return results

    def get(self, key: str) -> bytes:
        return self.store.get(key)

    def local_path(self, key: str) -> Path | None:
        return None

    def delete(self, key: str) -> None:
        self.store.delete(key)


class PacsStore:
    """The :class:`~labelstack.archive.store.ImageStore` over a DICOMweb PACS."""

    remote = True

    def __init__(
        self,
        url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
        cache_entries: int = 64,
        on_request: Callable[[httpx.Request], None] | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        auth = httpx.BasicAuth(username, password or "") if username else None
        self._client = httpx.Client(
            auth=auth,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=16),
            event_hooks={"request": [on_request]} if on_request else None,
        )
        self._recent: LruCache[str, bytes] = LruCache(cache_entries)
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> PacsStore:
        if not settings.pacs_url:
            raise ValueError("LABELSTACK_PACS_URL is not set")
        return cls(
            settings.pacs_url,
            username=settings.pacs_username,
            password=settings.pacs_password.get_secret_value() if settings.pacs_password else None,
            timeout=settings.pacs_timeout_seconds,
        )

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------ HTTP

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One call to the PACS, its failures turned into 503 (unreachable) or 502 (bad answer)."""
        url = path if path.startswith("http") else f"{self.url}{path}"
        try:
            response = self._client.request(method, url, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as exc:
            raise PacsUnreachable(f"the PACS at {self.url} is not reachable ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise PacsError(f"the PACS at {self.url} failed to answer: {exc}") from exc
        if response.status_code in (401, 403):
            raise PacsError(f"the PACS refused LabelStack's credentials ({response.status_code})")
        if response.status_code >= 500:
            raise PacsError(f"the PACS answered {response.status_code}: {response.text[:200]}")
        return response

    # ------------------------------------------------------------------ ImageStore

    def put(self, sop_instance_uid: str, data: bytes | memoryview) -> str:
        """Store one instance (one STOW-RS call); prefer :meth:`forward_batch` for many."""
        forwarded = self.forward_batch([(sop_instance_uid, data)])
        if sop_instance_uid in forwarded.failed:
            raise PacsError(f"the PACS refused {sop_instance_uid}: {forwarded.failed[sop_instance_uid]}")
        return forwarded.keys[sop_instance_uid]

    def put_many(self, items: Iterable[tuple[str, bytes | memoryview]]) -> PutResults:
        """Store many instances with one STOW-RS call."""
        forwarded = self.forward_batch(list(items))
        return PutResults(keys=forwarded.keys, failed=forwarded.failed)

    def get(self, key: str) -> bytes:
        found = self._recent.get(key)
        if found is not None:
            return found
        study, series, sop = parse_key(key)
        response = self.request(
            "GET", f"/studies/{study}/series/{series}/instances/{sop}", headers={"Accept": DICOM_ACCEPT}
        )
        if response.status_code == 404:
            raise PacsError(f"the PACS no longer has instance {sop}")
        if response.status_code != 200:
            raise PacsError(f"the PACS answered {response.status_code} for instance {sop}")
        parts = multipart.decode(response.content, response.headers.get("content-type"))
        if len(parts) != 1:
            raise PacsError(f"the PACS sent {len(parts)} parts for one instance")
        data = bytes(parts[0].data)
        self._recent.put(key, data)
        return data

    def local_path(self, key: str) -> Path | None:
        return None

    def delete(self, key: str) -> None:
        """DICOMweb has no delete; Orthanc's REST API (beside its DICOMweb root) does."""
        _study, _series, sop = parse_key(key)
        self._recent.discard(key)
        root = self.url.rsplit("/", 1)[0]
        try:
            found = self.request("POST", f"{root}/tools/lookup", content=sop)
            for item in found.json() if found.status_code == 200 else []:
                if item.get("Type") == "Instance":
                    self.request("DELETE", f"{root}{item['Path']}")
        except (UpstreamUnavailable, ValueError) as exc:
            log.warning("could not delete %s from the PACS: %s", sop, exc)

    # ------------------------------------------------------------------ batches

    def forward_batch(self, items: Sequence[tuple[str, bytes | memoryview]]) -> Forwarded:
        """Send every instance in one STOW-RS request; the result knows each one's key or failure."""
        forwarded = Forwarded(self)
        if not items:
            return forwarded
        keys: dict[str, str] = {}
        for sop, data in items:
            study, series, header_sop = header_uids(data)
            keys[sop or header_sop] = key_for(study, series, header_sop)
        boundary = multipart.new_boundary()
        body = multipart.encode_bytes(
            [multipart.Part("application/dicom", data) for _sop, data in items], boundary
        )
        response = self.request(
            "POST",
            "/studies",
            content=body,
            headers={
                "Content-Type": multipart.content_type("application/dicom", boundary),
                "Accept": "application/dicom+json",
            },
        )
        if response.status_code not in (200, 202, 409):
            raise PacsError(f"the PACS answered STOW-RS with {response.status_code}: {response.text[:200]}")
        try:
            answer = response.json() if response.content else {}
        except ValueError as exc:
            raise PacsError("the PACS answered STOW-RS with something that is not DICOM JSON") from exc
        stored = _sop_uids(answer.get("00081199"))
        failed = _sop_uids(answer.get("00081198"))
        for sop, key in keys.items():
            if sop in stored or (sop not in failed and response.status_code == 200):
                forwarded.keys[sop] = key
            else:
                forwarded.failed[sop] = "the PACS refused the instance"
        return forwarded

    # ------------------------------------------------------------------ reads for sync

    def search(self, path: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
        response = self.request("GET", path, params=params, headers={"Accept": "application/dicom+json"})
        if response.status_code == 204 or not response.content:
            return []
        if response.status_code != 200:
            raise PacsError(f"the PACS answered {response.status_code} to {path}")
        result: list[dict[str, Any]] = response.json()
        return result

    def retrieve(self, path: str) -> list[bytes | memoryview]:
        response = self.request("GET", path, headers={"Accept": DICOM_ACCEPT})
        if response.status_code != 200:
            raise PacsError(f"the PACS answered {response.status_code} to {path}")
        return [p.data for p in multipart.decode(response.content, response.headers.get("content-type"))]


def _sop_uids(sequence: dict[str, Any] | None) -> set[str]:
    uids = set()
    for item in (sequence or {}).get("Value", []):
        value = item.get("00081155", {}).get("Value", [])
        if value:
            uids.add(str(value[0]))
    return uids
