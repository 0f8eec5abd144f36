"""The floor under any Python frame server: uvicorn answering with the frame bytes and nothing else.

Not a benchmark itself (no ``bench_`` prefix): ``bench_archive_frames``
starts it with ``python -m uvicorn bench.archive_bare_frames:app`` beside
LabelStack. It has no login, no database, no access check and no audit; it
reads the byte range named in a table of (path, offset, length) straight into
the same multipart/related body and sends it. What it reaches is what HTTP on loopback
plus the benchmark's own client cost on this machine.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from labelstack.archive.dicomweb import multipart

_TABLE: list[tuple[str, int, int]] = json.loads(Path(os.environ["BENCH_BARE_FRAMES"]).read_text())
_TYPE = "application/octet-stream"


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    index = int(scope["path"].rsplit("/", 1)[-1])
    path, offset, length = _TABLE[index]
    boundary = multipart.new_boundary()
    body = multipart.encode_into([(_TYPE, {})], [length], boundary)
    fd = os.open(path, os.O_RDONLY)
    try:
        got = os.preadv(fd, body.holes, offset)  # straight into the reply, as LabelStack does
    finally:
        os.close(fd)
    if got != length:
        raise EOFError(f"{path} is shorter than its frame")
    content_type = multipart.content_type(_TYPE, boundary).encode()
    headers = [(b"content-type", content_type), (b"content-length", str(len(body.data)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body.data})
