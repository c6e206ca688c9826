"""The review's cache of analysed versions: least recently used out, and a garbage collection right after
a large value is made, not later in a cheap request."""

from functools import partial

import pytest

from web.services import review
from web.services.review import LruCache


def test_the_least_recently_used_value_goes_when_the_cache_is_full() -> None:
    cache: LruCache[str, int] = LruCache(2)
    made: list[str] = []

    def make(key: str) -> int:
        made.append(key)
        return len(made)

    for key in ("a", "b", "a", "c", "a", "b"):
        cache.get(key, partial(make, key))
    assert made == ["a", "b", "c", "b"]


def test_a_large_value_made_is_followed_by_a_full_collection_once(monkeypatch: pytest.MonkeyPatch) -> None:
    collections: list[int] = []
    monkeypatch.setattr(review.gc, "collect", lambda *args: collections.append(1) or 0)
    cache: LruCache[str, list[int]] = LruCache(4, collect_after=lambda value: len(value) >= 3)
    cache.get("small", lambda: [1, 2])
    assert collections == []
    cache.get("large", lambda: [1, 2, 3])
    assert collections == [1]
    cache.get("large", lambda: [1, 2, 3])  # kept: nothing made, nothing collected
    assert collections == [1]
