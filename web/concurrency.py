"""How many requests use the database at once: as many as the pool has connections, and as many as
the threads that run sync routes and dependencies (anyio's default thread limiter), one setting for
both (Settings.db_pool_size).

A request holds one session, and so at most one connection, from its first query to its end. Were
there more requests holding sessions than connections, a request's thread would wait in the pool for
a connection that another request holds while that request waits for a thread: the server stops
answering until the pool's timeout and then fails. So a request waits for a slot, without holding a
thread, before it opens its session (web.deps.get_session); a slot never waits for a connection.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
import anyio.to_thread
from fastapi import FastAPI

from web.settings import Settings


@asynccontextmanager
async def sized_to_the_pool(app: FastAPI) -> AsyncIterator[None]:
    """The app's lifespan: the thread limiter of this event loop and the session slots, both sized to
    `Settings.db_pool_size`."""
    settings: Settings = app.state.settings
    anyio.to_thread.current_default_thread_limiter().total_tokens = settings.db_pool_size
    app.state.session_slots = anyio.Semaphore(settings.db_pool_size)
    yield


@asynccontextmanager
async def session_slot(app: FastAPI) -> AsyncIterator[None]:
    """One of the app's session slots for as long as a request's session is open."""
    state = app.state
    slots = getattr(state, "session_slots", None)
    if slots is None:  # an app served without its lifespan (a TestClient outside `with`)
        slots = state.session_slots = anyio.Semaphore(state.settings.db_pool_size)
    async with slots:
        yield
