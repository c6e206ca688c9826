"""Server time of web pages on a large database: the contract list of a buyer with 1,000 contracts.

Run by `make bench` after the pipeline benchmark. The app runs in-process (TestClient) on a fresh SQLite
file, so the time is the server's: routing, queries, template rendering; no network. The figure is the
median of repeated requests after one warm-up. Target from issue 4: under 300 ms.
"""

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from models import Contract, ContractCpv, OrganisationKind, ReportingSchedule, Role, UserCreate
from models.db import make_engine
from models.migrate import upgrade
from web.app import create_app
from web.services.users import create_user, organisation_named
from web.settings import Settings

CONTRACTS = 1_000
REQUESTS = 15
TARGET_MS = 300.0
PASSWORD = "bench-password-1234"  # noqa: S105 - a throwaway database


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


def main() -> int:
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{Path(directory) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session:
            seed(session)
        settings = Settings(environment="test", database_url=url, secret_key="bench")  # noqa: S106 - throwaway
        app = create_app(settings, engine=engine)
        with TestClient(app) as client:
            login = client.get("/login").text
            token = login.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            data = {"email": "inkoper@bench.example", "password": PASSWORD, "csrf_token": token}
            assert client.post("/login", data=data, follow_redirects=False).status_code == 303
            first = client.get("/contracts")
            assert first.status_code == 200 and first.text.count("BENCH-") >= CONTRACTS
            times = []
            for _ in range(REQUESTS):
                started = time.perf_counter()
                client.get("/contracts")
                times.append((time.perf_counter() - started) * 1000)
        engine.dispose()
    median = statistics.median(times)
    print(f"contract list, {CONTRACTS} contracts: median {median:.0f} ms over {REQUESTS} requests")
    met = median < TARGET_MS
    print(f"contract list under {TARGET_MS:.0f} ms: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
