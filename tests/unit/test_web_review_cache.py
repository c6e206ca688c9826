"""The review's cache of analysed versions: least recently used out, and one full garbage collection after
the answer to a request that made a large value, not later in a cheap request."""

from functools import partial

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from web import collection
from web.collection import CollectionMiddleware, collect_if_large_value_made, note_large_value_made
from web.services.review import LruCache


@pytest.fixture
def collections(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each full collection asked for, counted instead of run; nothing noted before the test."""
    counted: list[int] = []
    monkeypatch.setattr(collection.gc, "collect", lambda *args: counted.append(1) or 0)
    collect_if_large_value_made()
    counted.clear()
    return counted


def test_the_least_recently_used_value_goes_when_the_cache_is_full() -> None:
    cache: LruCache[str, int] = LruCache(2)
    made: list[str] = []

    def make(key: str) -> int:
        made.append(key)
        return len(made)

    for key in ("a", "b", "a", "c", "a", "b"):
        cache.get(key, partial(make, key))
    assert made == ["a", "b", "c", "b"]


def test_a_large_value_made_asks_for_one_collection(collections: list[int]) -> None:
    cache: LruCache[str, list[int]] = LruCache(4, collect_after=lambda value: len(value) >= 3)
    cache.get("small", lambda: [1, 2])
    assert collect_if_large_value_made() is False
    cache.get("large", lambda: [1, 2, 3])
    cache.get("other large", lambda: [4, 5, 6])
    assert collect_if_large_value_made() is True and collections == [1]  # one for both
    cache.get("large", lambda: [1, 2, 3])  # kept: nothing made, nothing to collect
    assert collect_if_large_value_made() is False and collections == [1]


def test_the_collection_runs_after_the_answer_that_made_a_large_value(collections: list[int]) -> None:
    seen_before_answer: list[int] = []

    def analyse(request: Request) -> PlainTextResponse:
        note_large_value_made()
        seen_before_answer.append(len(collections))
        return PlainTextResponse("analysed")

    def details(request: Request) -> PlainTextResponse:
        return PlainTextResponse("details")

    app = Starlette(routes=[Route("/analyse", analyse), Route("/details", details)])
    app.add_middleware(CollectionMiddleware)
    with TestClient(app) as client:
        assert client.get("/details").text == "details" and collections == []
        assert client.get("/analyse").text == "analysed"
        assert seen_before_answer == [0] and collections == [1]
        assert client.get("/details").text == "details" and collections == [1]
