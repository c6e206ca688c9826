"""Server time of web pages on a large database: the contract list of a buyer with 1,000 contracts, and
the risk review of a 2,000-site chain version (the page, and its graph as htmx asks for it).

Run by `make bench` after the pipeline benchmark. The app runs in-process (TestClient) on a fresh SQLite
file, so the time is the server's: routing, queries, template rendering; no network. The figure is the
median of repeated requests after one warm-up; for the review, the first request for a new version
(which builds, analyses and lays out the version before it is cached) is reported too, for the page and
for the graph alone, and the changes since the previous version, which the page loads when they scroll
into view. Targets from issue 4: the
contract list under 300 ms, the review page and the graph under 500 ms each.
"""

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from bench.synthetic import synthetic_rows
from chainmap.chain import ChainRow
from chainmap.reference import load_reference
from models import Contract, ContractCpv, OrganisationKind, ReportingSchedule, Role, UserCreate
from models.db import make_engine
from models.migrate import upgrade
from web.app import create_app
from web.services.chains import replace_draft, submit_draft
from web.services.review import forget_analyses
from web.services.users import create_user, organisation_named
from web.settings import Settings

CONTRACTS = 1_000
REQUESTS = 15
TARGET_MS = 300.0
PASSWORD = "bench-password-1234"  # noqa: S105 - a throwaway database
CHAIN_SITES = 2_000
REVIEW_TARGET_MS = 500.0
# Version 2 of the reviewed chain moves every CHANGED_EVERY-th site to another country.
CHANGED_EVERY = 100


def seed(session: Session) -> None:
    """A buyer organisation with one buyer and CONTRACTS contracts over 50 suppliers, two CPV codes each."""
    buyer = organisation_named(session=session, name="Gemeente Bench", kind=OrganisationKind.BUYER)
    assert buyer.id is not None
    create_user(
        session=session,
        user_create=UserCreate(
            email="inkoper@bench.example", role=Role.BUYER, password=PASSWORD, organisation_id=buyer.id
        ),
    )
    suppliers = [
        organisation_named(session=session, name=f"Leverancier {n}", kind=OrganisationKind.SUPPLIER).id
        for n in range(50)
    ]
    contracts = [
        Contract(
            title=f"Werkkleding perceel {n}",
            reference=f"BENCH-{n:04d}",
            start_date=date(2027, 1, 1),
            end_date=date(2028, 12, 31),
            reporting_schedule=ReportingSchedule.YEARLY,
            buyer_organisation_id=buyer.id,
            supplier_organisation_id=suppliers[n % len(suppliers)],
        )
        for n in range(CONTRACTS)
    ]
    session.add_all(contracts)
    session.flush()
    session.add_all(
        ContractCpv(contract_id=contract.id, code=code)
        for contract in contracts
        if contract.id is not None
        for code in ("18100000-0", "18830000-6")
    )
    session.commit()


def chain_versions(session: Session) -> int:
    """Two submitted versions of a 2,000-site synthetic chain on the first contract, the second with a few
    sites in another country, so that version 2 has changes to show; returns the contract's id."""
    contract = session.exec(select(Contract).where(Contract.reference == "BENCH-0000")).one()
    assert contract.supplier_organisation_id is not None
    supplier = create_user(
        session=session,
        user_create=UserCreate(
            email="leverancier@bench.example",
            role=Role.SUPPLIER,
            password=PASSWORD,
            organisation_id=contract.supplier_organisation_id,
        ),
    )
    rows = [ChainRow(number, **cells) for number, cells in enumerate(synthetic_rows(CHAIN_SITES), start=2)]
    moved = [
        replace(row, country="IN" if row.country != "IN" else "VN") if row.row % CHANGED_EVERY == 0 else row
        for row in rows
    ]
    for version in (rows, moved):
        replace_draft(session=session, contract=contract, rows=version)
        submit_draft(session=session, contract=contract, user=supplier, reference=load_reference())
    assert contract.id is not None
    return contract.id


def timed(client: TestClient, url: str, *, headers: dict[str, str] | None = None) -> float:
    """Milliseconds for one GET that must answer 200."""
    started = time.perf_counter()
    response = client.get(url, headers=headers)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def main() -> int:
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{Path(directory) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session:
            seed(session)
            contract_id = chain_versions(session)
        settings = Settings(environment="test", database_url=url, secret_key="bench")  # noqa: S106 - throwaway
        app = create_app(settings, engine=engine)
        with TestClient(app) as client:
            login = client.get("/login").text
            token = login.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            data = {"email": "inkoper@bench.example", "password": PASSWORD, "csrf_token": token}
            assert client.post("/login", data=data, follow_redirects=False).status_code == 303
            first = client.get("/contracts")
            assert first.status_code == 200 and first.text.count("BENCH-") >= CONTRACTS
            times = [timed(client, "/contracts") for _ in range(REQUESTS)]
            # The buyer saw version 1 before (which also compiles the templates); version 2 is new.
            timed(client, f"/contracts/{contract_id}/versions/1")
            review = f"/contracts/{contract_id}/versions/2"
            graph = f"{review}/graph?theme=forced_labour"
            first_page = timed(client, review)
            first_changes = timed(client, f"{review}/changes", headers={"HX-Request": "true"})
            forget_analyses()  # the graph's first request on its own, as if opened by its link
            first_graph = timed(client, graph, headers={"HX-Request": "true"})
            page_size = len(client.get(review).content)
            page_times = [timed(client, review) for _ in range(REQUESTS)]
            graph_times = [timed(client, graph, headers={"HX-Request": "true"}) for _ in range(REQUESTS)]
            changes_times = [
                timed(client, f"{review}/changes", headers={"HX-Request": "true"}) for _ in range(REQUESTS)
            ]
        engine.dispose()
    median = statistics.median(times)
    print(f"contract list, {CONTRACTS} contracts: median {median:.0f} ms over {REQUESTS} requests")
    met = verdict("contract list", median, TARGET_MS)
    sites = f"{CHAIN_SITES:,}-site chain"
    page_median, graph_median = statistics.median(page_times), statistics.median(graph_times)
    print(
        f"risk review page, {sites} ({page_size / 1024:.0f} KB): "
        f"median {page_median:.0f} ms over {REQUESTS} requests; first request {first_page:.0f} ms"
    )
    print(f"risk graph (htmx), {sites}: median {graph_median:.0f} ms; first request {first_graph:.0f} ms")
    print(
        f"changes since version 1 (htmx, loaded as they scroll into view), {sites}: "
        f"median {statistics.median(changes_times):.0f} ms; first request {first_changes:.0f} ms"
    )
    met = verdict("risk review page", page_median, REVIEW_TARGET_MS) and met
    met = verdict("risk graph", graph_median, REVIEW_TARGET_MS) and met
    return 0 if met else 1


def verdict(what: str, milliseconds: float, target: float) -> bool:
    """Print whether `what` met its target; True when it did."""
    met = milliseconds < target
    print(f"{what} under {target:.0f} ms: {'met' if met else 'NOT met'}")
    return met


if __name__ == "__main__":
    sys.exit(main())
