"""A small bounded cache whose entries are trusted for a few seconds at most.

The viewer asks for every frame of a series separately, hundreds of requests
a second. Answers that rarely change between two such requests (who a token
belongs to, whether a user may see a series, where an instance is stored) are
kept here for a short, fixed time, so a revoked session or a withdrawn task
takes effect within that time however the change was made (another worker,
the command line). A change made through this process clears the cache at
once (:meth:`ShortCache.clear`); a lookup that began before a clear cannot put
its now possibly stale answer back afterwards, because each entry is stored
only if the cache's generation is still the one read before the lookup.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ShortCache(Generic[K, V]):
    def __init__(self, *, lifetime: float, max_entries: int) -> None:
        self.lifetime = lifetime
        self.max_entries = max_entries
        self.clock: Callable[[], float] = time.monotonic  # seconds; tests move it forward
        self._items: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()
        self.generation = 0

    def get(self, key: K) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            if self.clock() >= found[0]:
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return found[1]

    def put(self, key: K, value: V, *, generation: int) -> None:
        """Keep ``value`` unless the cache was cleared since ``generation`` was read."""
        if self.max_entries <= 0 or self.lifetime <= 0:
            return
        with self._lock:
            if generation != self.generation:
                return
            self._items[key] = (self.clock() + self.lifetime, value)
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
