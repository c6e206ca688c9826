"""The users `make load` simulates (bench/load.py starts locust on this file against a server it started
itself): buyers and suppliers of the demo, each logged in once, then working with a pause of one to
three seconds between requests.

A buyer opens the dashboard, the contract page, the risk review of a 2,000-site chain version, the quick
check and the contract report as PDF or XLSX; a supplier opens the chain form, the contract page and the
quick check. Every login succeeds, each user with an account of its own: failed logins are throttled
per address and client, and attempts in flight count until they succeed.

The paths come from the environment variable CHAINMAP_LOAD_PATHS (JSON, written by bench/load.py).
Requests are named by route template, so that the figures group per page.
"""

import csv
import itertools
import json
import os
import re
from typing import Any, Final

from locust import HttpUser, between, events, task

PATHS: Final[dict[str, str]] = json.loads(os.environ.get("CHAINMAP_LOAD_PATHS", "{}"))
PASSWORD: Final = PATHS.get("password", "")
# Each simulated user logs in with an account of its own (bench/load.py makes them).
BUYERS: Final[list[str]] = json.loads(PATHS.get("buyers", "[]"))
SUPPLIERS: Final[list[str]] = json.loads(PATHS.get("suppliers", "[]"))
_NUMBERS: Final = itertools.count()
CSRF: Final = re.compile(r'name="csrf_token" value="([^"]+)"')
# Every request's start (epoch seconds), name, milliseconds and error (empty when none), for the
# figures of bench/load.py.
_LOG = open(os.environ.get("CHAINMAP_LOAD_LOG", os.devnull), "a", newline="", encoding="utf-8")  # noqa: SIM115
_WRITER = csv.writer(_LOG)


def _record(
    request_type: str, name: str, response_time: float, exception: BaseException | None, **details: Any
) -> None:
    started = details.get("start_time", 0.0)
    error = "" if exception is None else f"{type(exception).__name__}: {exception}"[:200]
    _WRITER.writerow([f"{started:.3f}", f"{request_type} {name}", f"{response_time:.1f}", error])


def _close_log(**_details: Any) -> None:
    _LOG.close()


events.request.add_listener(_record)
events.quitting.add_listener(_close_log)


class DemoUser(HttpUser):
    """A demo account that logs in at the start ("/login (start)": all 50 within the first seconds), and
    now and then logs out and in again as part of its work ("/login": about one task in thirty, so that
    the steady state holds logins at a rate people log in, each an Argon2 verification of ~200 ms CPU)."""

    abstract = True
    wait_time = between(1, 3)
    accounts: tuple[str, ...] = ()
    email = ""

    def on_start(self) -> None:
        self.email = self.accounts[next(_NUMBERS) % len(self.accounts)]
        self.log_in("/login (start)")

    def log_in(self, name: str) -> None:
        page = self.client.get("/login", name=f"{name} form")
        found = CSRF.search(page.text)
        data = {"email": self.email, "password": PASSWORD, "csrf_token": found.group(1) if found else ""}
        with self.client.post(
            "/login", data=data, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 303:
                response.failure(f"login answered {response.status_code}")

    def page(self, path: str, name: str) -> None:
        self.client.get(path, name=name)

    @task(6)
    def quick_check(self) -> None:
        self.page("/check?goods=Cotton&country=TM", "/check")

    @task(1)
    def log_out_and_in(self) -> None:
        found = CSRF.search(self.client.get("/account", name="/account").text)
        self.client.post(
            "/logout",
            data={"csrf_token": found.group(1) if found else ""},
            name="/logout",
            allow_redirects=False,
        )
        self.log_in("/login")


class Buyer(DemoUser):
    """The demo municipality's buyer."""

    weight = 3
    accounts = tuple(BUYERS)

    @task(9)
    def dashboard(self) -> None:
        self.page("/dashboard", "/dashboard")

    @task(9)
    def contract(self) -> None:
        self.page(PATHS["contract"], "/contracts/{contract_id}")

    @task(6)
    def risk_review(self) -> None:
        self.page(PATHS["review"], "/contracts/{contract_id}/versions/{number} (2,000 sites)")

    @task(3)
    def report_pdf(self) -> None:
        self.page(PATHS["report"] + ".pdf", "/contracts/{contract_id}/report.pdf")

    @task(3)
    def report_xlsx(self) -> None:
        self.page(PATHS["report"] + ".xlsx", "/contracts/{contract_id}/report.xlsx")


class Supplier(DemoUser):
    """The supplier of the workwear contract."""

    weight = 1
    accounts = tuple(SUPPLIERS)

    @task(9)
    def chain_form(self) -> None:
        self.page(PATHS["chain_form"], "/contracts/{contract_id}/chain")

    @task(6)
    def contract(self) -> None:
        self.page(PATHS["supplier_contract"], "/contracts/{contract_id}")
