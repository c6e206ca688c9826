"""One full garbage collection after the answer to a request that made a large value to keep in memory
(the analysis of a version of thousands of sites, its groups, its table rows: `web.services.review`).

CPython collects its oldest generation once the objects that survived younger collections since the last
full one exceed a quarter of those in it. A new large analysis, left to itself, sets off such a
collection (~200 ms at 10,000 sites) a few requests later, in a cheap request such as a site's details,
the node click of issue 12. Collected once, right after the answer to the request that made the values
has been sent, the pause falls between requests, and the kept values count as old from then on, so the
next full collection is far off. A collection in the answer itself would add to a first view that is
slow already, once for each value it makes.
"""

import gc
import threading
from typing import Final

from starlette.types import ASGIApp, Receive, Scope, Send

_MADE: Final = threading.Event()


def note_large_value_made() -> None:
    """A large value was made and kept: collect after the current answer (`CollectionMiddleware`)."""
    _MADE.set()


def collect_if_large_value_made() -> bool:
    """A full collection when a large value was made since the last one; True when it ran."""
    if not _MADE.is_set():
        return False
    _MADE.clear()
    gc.collect()
    return True


class CollectionMiddleware:
    """Runs `collect_if_large_value_made` after each HTTP answer has been sent (pure ASGI, outermost, so
    that neither the answer nor its logged time waits for it)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        finally:
            if scope["type"] == "http":
                collect_if_large_value_made()
