"""The quiet-period job: drafts nobody touched for a while become versions.

Runs inside the server process (one pass at start-up, so drafts left by a
stopped server are promoted too, then every few seconds); several workers
running it at once are harmless because promotion is a compare-and-swap.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.orm import Session, sessionmaker

from labelstack.services import annotation_drafts

log = logging.getLogger(__name__)


def promote_once(reads: sessionmaker[Session], writes: sessionmaker[Session], quiet_seconds: int) -> int:
    """One pass; looks with a read session first so that an idle server never takes the write lock."""
    with reads() as db:
        if not annotation_drafts.any_quiet(db, quiet_seconds=quiet_seconds):
            return 0
    with writes() as db:
        return len(annotation_drafts.promote_quiet(db, quiet_seconds=quiet_seconds))


async def run(reads: sessionmaker[Session], writes: sessionmaker[Session], quiet_seconds: int) -> None:
    interval = max(5.0, quiet_seconds / 4)
    while True:
        try:
            made = await asyncio.to_thread(promote_once, reads, writes, quiet_seconds)
            if made:
                log.info("promoted %d quiet draft(s) to versions", made)
        except Exception:  # the job must outlive a failed pass (e.g. database briefly unavailable)
            log.exception("promoting quiet drafts failed")
        await asyncio.sleep(interval)
