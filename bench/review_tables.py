"""Server time of the review page's tables on a 10,000-site chain (issue 12): the page, and each table's
page, order and search as htmx asks for it.

Two versions of a synthetic 10,000-site chain are submitted, the second with every CHANGED_EVERY-th site
in another country and a few sites replaced, so that the changes since version 1 are long lists. The app
runs in-process (TestClient) on a fresh SQLite file: the time is the server's. Each figure is the median
of REQUESTS requests after the first (which analyses the version and makes the table rows; reported
too). Run: `.venv/bin/python -m bench.review_tables [sites]`.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from bench.web import chain_versions, log_in, seed
from models.db import make_engine
from models.migrate import upgrade
from web.app import create_app
from web.settings import Settings

SITES = 10_000
REQUESTS = 7
CHANGED_EVERY = 3
HTMX = {"HX-Request": "true"}


def timed(client: TestClient, url: str, *, htmx: bool = False) -> tuple[float, int]:
    """Milliseconds and bytes of one GET that must answer 200."""
    started = time.perf_counter()
    response = client.get(url, headers=HTMX if htmx else None)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(response.content)


def main() -> int:
    sites = int(sys.argv[1]) if len(sys.argv) > 1 else SITES
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{Path(directory) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session:
            seed(session)
            contract_id = chain_versions(session, sites=sites, changed_every=CHANGED_EVERY)
        settings = Settings(environment="test", database_url=url, secret_key="bench")  # noqa: S106 - throwaway
        app = create_app(settings, engine=engine)
        review = f"/contracts/{contract_id}/versions/2"
        requests = [
            ("review page", review, False),
            ("hotspots, page 2", f"{review}/hotspots?page=2", True),
            ("hotspots, last page", f"{review}/hotspots?page=1000000", True),
            ("hotspots by site id, descending", f"{review}/hotspots?sort=id&desc=1", True),
            ("hotspots by country", f"{review}/hotspots?sort=country&page=3", True),
            (
                "hotspots, forced labour, high, by exposure",
                f"{review}/hotspots?theme=forced_labour&level=3&sort=exposure&desc=1",
                True,
            ),
            ("hotspots, search 'Site 12'", f"{review}/hotspots?q=Site+12", True),
            ("hotspots page 2 as a whole page", f"{review}/hotspots?page=2", False),
            ("risk groups by sites", f"{review}/risk-groups?sort=sites&desc=1", True),
            ("findings", f"{review}/findings", True),
            ("changes", f"{review}/changes", True),
            ("changes, 'changed' page 20", f"{review}/changes?kind=changed&page=20", True),
        ]
        with TestClient(app) as client:
            log_in(client, "inkoper@bench.example")
            for what, path, htmx in requests:
                first, size = timed(client, path, htmx=htmx)
                median = statistics.median(timed(client, path, htmx=htmx)[0] for _ in range(REQUESTS))
                print(
                    f"{what} ({sites:,} sites, {size / 1024:.0f} KB): median {median:.0f} ms"
                    f" over {REQUESTS} requests; first {first:.0f} ms"
                )
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
