"""The short-lived cache under the per-frame lookups: entries expire, a clear wins, the bound holds."""

from __future__ import annotations

from labelstack.services.short_cache import ShortCache


def _cache(lifetime: float = 2.0, max_entries: int = 10) -> tuple[ShortCache[str, int], list[float]]:
    now = [100.0]
    cache: ShortCache[str, int] = ShortCache(lifetime=lifetime, max_entries=max_entries)
    cache.clock = lambda: now[0]
    return cache, now


def test_an_entry_is_trusted_for_its_lifetime_and_not_a_moment_longer():
    cache, now = _cache(lifetime=2.0)
    cache.put("token", 1, generation=cache.generation)
    now[0] += 1.999
    assert cache.get("token") == 1
    now[0] += 0.001
    assert cache.get("token") is None
    assert len(cache) == 0


def test_a_lookup_that_began_before_a_clear_cannot_put_its_answer_back():
    cache, _now = _cache()
    generation = cache.generation  # a lookup starts: reads the database ...
    cache.clear()  # ... meanwhile a change is made and the cache cleared
    cache.put("token", 1, generation=generation)
    assert cache.get("token") is None
    cache.put("token", 2, generation=cache.generation)
    assert cache.get("token") == 2


def test_the_oldest_entries_make_room_for_new_ones():
    cache, _now = _cache(max_entries=2)
    for key, value in (("a", 1), ("b", 2)):
        cache.put(key, value, generation=cache.generation)
    assert cache.get("a") == 1  # "a" is now the most recently used
    cache.put("c", 3, generation=cache.generation)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


def test_a_lifetime_or_bound_of_zero_keeps_nothing():
    for cache, _now in (_cache(lifetime=0), _cache(max_entries=0)):
        cache.put("token", 1, generation=cache.generation)
        assert cache.get("token") is None
