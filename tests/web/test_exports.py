"""The contract report (PDF and XLSX, on the contract page and by `chainmap report`) and the public
summary: what they show, that the workbook runs no formula, who may download, publish and withdraw, and
that the public summary shows nothing confidential."""

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

import openpyxl
import pytest
from fastapi.testclient import TestClient
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader
from sqlmodel import Session, func, select

from chainmap.chain import ChainRow
from chainmap.cli import main
from models import AuditEvent, AuditKind, Contract, EscalationStep, ProgressReport, ReportStatus, Role, User
from models.plan import ActionStatus, Verification
from tests.factories.chainfiles import garment_rows, make_row
from tests.factories.contracts import make_contract
from tests.factories.plan import (
    CHILD_LABOUR_AT_BD,
    FORCED_LABOUR_AT_BD,
    make_accepted_version,
    make_plan_action,
)
from tests.factories.users import make_user
from tests.web.test_contracts import csrf, log_in
from web.services.report_pdf import DEJAVU, FONT

TODAY: Final = date(2027, 9, 1)
FORMULA: Final = '=HYPERLINK("http://example.com","x")'
SECRET_SITE: Final = "Verborgen Naaiatelier Dhaka"
SECRET_OWNER: Final = "Geheime Eigenaar"
SECRET_REASON: Final = "Verborgen reden van escalatie"
SECRET_COMMENT: Final = "Verborgen opmerking bij rapportage"


@dataclass
class World:
    contract: Contract
    supplier: User
    buyer: User
    manager: User


def secret_rows() -> list[ChainRow]:
    """The garment chain with a site name that must stay confidential."""
    rows = garment_rows()
    rows[1] = make_row(
        3,
        "BD-CMT",
        "WK",
        name=SECRET_SITE,
        country="BD",
        activity="cut-make-trim",
        goods="Garments",
        share="60",
    )
    return rows


@pytest.fixture
def world(session: Session, client: TestClient) -> World:
    client.app.state.today = lambda: TODAY  # type: ignore[attr-defined]
    contract = make_contract(session, supplier="Geheime Leverancier BV", reference="WK-2027-01")
    supplier = make_user(
        session, email="verkoop@leverancier.nl", role=Role.SUPPLIER, organisation="Geheime Leverancier BV"
    )
    buyer = make_user(session, email="inkoper@testdorp.nl")
    manager = make_user(session, email="cm@testdorp.nl", role=Role.CONTRACT_MANAGER)
    version = make_accepted_version(
        session, contract=contract, supplier=supplier, buyer=buyer, rows=secret_rows()
    )
    make_plan_action(
        session,
        contract=contract,
        user=supplier,
        title="Audit naaiatelier",
        owner=SECRET_OWNER,
        status=ActionStatus.DONE,
        verification=Verification.VERIFIED,
        verified_by=manager,
    )
    make_plan_action(
        session,
        contract=contract,
        user=supplier,
        title=FORMULA,
        risks=(CHILD_LABOUR_AT_BD,),
        due_on=date(2027, 8, 1),
    )
    make_plan_action(
        session,
        contract=contract,
        user=supplier,
        title="Training",
        risks=(FORCED_LABOUR_AT_BD,),
        status=ActionStatus.IN_PROGRESS,
        due_on=date(2028, 1, 1),
    )
    assert contract.id is not None and supplier.id is not None and buyer.id is not None and version.id
    session.add(
        EscalationStep(
            contract_id=contract.id,
            step="written_warning",
            effective_on=date(2027, 7, 1),
            reason=SECRET_REASON,
            recorded_by_user_id=buyer.id,
        )
    )
    session.add(
        ProgressReport(
            contract_id=contract.id,
            period_number=1,
            period_start=date(2027, 1, 1),
            period_end=date(2027, 12, 31),
            version_id=version.id,
            submitted_by_user_id=supplier.id,
            status=ReportStatus.ACCEPTED,
            review_comment=SECRET_COMMENT,
        )
    )
    session.commit()
    session.refresh(contract)
    return World(contract=contract, supplier=supplier, buyer=buyer, manager=manager)


def pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return re.sub(r"\s+", " ", text)


def test_the_pdf_report_holds_the_contract_hotspots_plan_coverage_and_escalation(
    client: TestClient, world: World
) -> None:
    log_in(client, "verkoop@leverancier.nl")
    response = client.get(f"/contracts/{world.contract.id}/report.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="WK-2027-01-2027-09-01.pdf"' in response.headers["content-disposition"]
    text = pdf_text(response.content)
    assert "Werkkleding buitendienst" in text and "Rapport ketenverantwoordelijkheid" in text
    assert SECRET_SITE in text and "dwangarbeid" in text  # a hotspot: the site and the theme
    assert "Audit naaiatelier" in text and "uitgevoerd en geverifieerd" in text
    assert "geprioriteerde risico's hebben een actie" in text and "%" in text  # coverage
    assert "schriftelijke waarschuwing" in text and SECRET_REASON in text
    assert SECRET_COMMENT in text  # the progress report's review
    assert "verlopen" in text  # the formula-titled action is overdue on TODAY


def test_the_report_and_the_public_summary_write_coverage_as_the_plan_page_does(
    client: TestClient, world: World
) -> None:
    contract_id = world.contract.id
    log_in(client, "inkoper@testdorp.nl")
    found = re.search(r"Dekking: (\d+%)", client.get(f"/contracts/{contract_id}/plan").text)
    assert found is not None and found.group(1) not in ("0%", "1%")  # a share that a fraction would hide
    coverage = found.group(1)
    report = pdf_text(client.get(f"/contracts/{contract_id}/report.pdf").content)
    assert f"hebben een actie: {coverage}" in report
    assert publish(client, contract_id, "publish") == 303
    page = client.get(f"/contracts/{contract_id}").text
    token = re.search(r"/public/([A-Za-z0-9_-]+)", page)
    assert token is not None
    client.cookies.clear()
    assert f"Dekking: {coverage}" in client.get(f"/public/{token.group(1)}").text


@pytest.mark.skipif(not (DEJAVU / "DejaVuSans.ttf").is_file(), reason="DejaVu Sans is not installed")
def test_the_pdf_prints_site_names_beyond_western_european_letters(
    client: TestClient, session: Session, world: World
) -> None:
    assert FONT == "DejaVuSans"
    rows = garment_rows()
    turkish = "Şahin Tekstil, Çorlu"
    rows[2] = make_row(4, "TR-CMT", "WK", name=turkish, country="TR", activity="cut-make-trim", share="40")
    contract = make_contract(session, supplier="Geheime Leverancier BV", reference="WK-2027-02")
    make_accepted_version(session, contract=contract, supplier=world.supplier, buyer=world.buyer, rows=rows)
    log_in(client, "verkoop@leverancier.nl")
    assert turkish in pdf_text(client.get(f"/contracts/{contract.id}/report.pdf").content)


@pytest.mark.parametrize(
    ("reference", "filename"),
    [("Zagłębie/2027", "Zagebie-2027"), ("Één 2027", "Een-2027"), ("∑", "contract")],
)
def test_the_report_downloads_under_an_ascii_name_whatever_the_reference(
    client: TestClient, session: Session, world: World, reference: str, filename: str
) -> None:
    contract = make_contract(session, supplier="Geheime Leverancier BV", reference=reference)
    log_in(client, "verkoop@leverancier.nl")
    for suffix in ("pdf", "xlsx"):
        response = client.get(f"/contracts/{contract.id}/report.{suffix}")
        assert response.status_code == 200
        disposition = response.headers["content-disposition"]
        assert disposition == f'attachment; filename="{filename}-2027-09-01.{suffix}"'


def test_the_report_follows_the_language(client: TestClient, world: World) -> None:
    log_in(client, "cm@testdorp.nl")
    response = client.get(f"/contracts/{world.contract.id}/report.pdf", headers={"Accept-Language": "en"})
    text = pdf_text(response.content)
    assert "Chain responsibility report" in text and "forced labour" in text


def test_the_xlsx_report_has_frozen_filtered_sheets_and_runs_no_formula(
    client: TestClient, world: World
) -> None:
    log_in(client, "cm@testdorp.nl")
    response = client.get(f"/contracts/{world.contract.id}/report.xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Plan van aanpak", "Risicopunten"]
    actions, hotspots = book.worksheets
    assert isinstance(actions, Worksheet) and isinstance(hotspots, Worksheet)
    for sheet in (actions, hotspots):
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    assert actions.max_row == 1 + 3  # one row per action
    titles = [row[0].value for row in actions.iter_rows(min_row=2)]
    assert "'" + FORMULA in titles
    assert all(row[0].data_type == "s" for row in actions.iter_rows(min_row=2))
    assert SECRET_OWNER in [row[3].value for row in actions.iter_rows(min_row=2)]
    assert any(row[2].value == SECRET_SITE for row in hotspots.iter_rows(min_row=2))


def test_only_the_parties_download_the_report(client: TestClient, session: Session, world: World) -> None:
    make_user(session, email="inkoper@elders.nl", organisation="Gemeente Elders")
    log_in(client, "inkoper@elders.nl")
    for suffix in ("pdf", "xlsx"):
        assert client.get(f"/contracts/{world.contract.id}/report.{suffix}").status_code == 404
    client.cookies.clear()
    response = client.get(f"/contracts/{world.contract.id}/report.pdf", follow_redirects=False)
    assert response.headers["location"] == "/login"


def publish(client: TestClient, contract_id: int, choice: str) -> int:
    data = {"public_summary": choice, "csrf_token": csrf(client)}
    return client.post(
        f"/contracts/{contract_id}/public-summary", data=data, follow_redirects=False
    ).status_code


def summary_events(session: Session) -> int:
    session.expire_all()
    query = (
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.kind == AuditKind.PUBLIC_SUMMARY_CHANGED)
    )
    return session.exec(query).one()


def test_the_buyer_side_publishes_and_withdraws_and_the_public_sees_nothing_confidential(
    client: TestClient, session: Session, world: World
) -> None:
    contract_id = world.contract.id
    assert contract_id is not None
    log_in(client, "inkoper@testdorp.nl")
    assert "Publieke samenvatting publiceren" in client.get(f"/contracts/{contract_id}").text
    assert publish(client, contract_id, "publish") == 303
    session.refresh(world.contract)
    token = world.contract.public_summary_token
    assert token is not None and len(token) >= 32
    # the link is on the configured address (Settings.base_url), not the request's
    assert f"http://127.0.0.1:8000/public/{token}" in client.get(f"/contracts/{contract_id}").text
    assert summary_events(session) == 1
    assert "Publieke samenvatting gepubliceerd" in client.get(f"/contracts/{contract_id}/timeline").text

    client.cookies.clear()
    page = client.get(f"/public/{token}")
    assert page.status_code == 200
    pdf = client.get(f"/public/{token}.pdf")
    assert pdf.status_code == 200
    for text in (page.text, pdf_text(pdf.content)):
        assert "Gemeente Testdorp" in text and "Werkkleding buitendienst" in text
        assert "Bangladesh" in text and "Turkije" in text and "confectie" in text
        assert "dwangarbeid" in text and "uitgevoerd en geverifieerd" in text and "verlopen" in text
        for secret in (
            SECRET_SITE,
            "Geheime Leverancier BV",
            "BD-CMT",
            "WK-2027-01",
            SECRET_OWNER,
            SECRET_REASON,
            SECRET_COMMENT,
            "Audit naaiatelier",
            "HYPERLINK",
            "Site WK",
            "verkoop@leverancier.nl",
        ):
            assert secret not in text

    log_in(client, "cm@testdorp.nl")
    assert publish(client, contract_id, "withdraw") == 303
    assert summary_events(session) == 2
    client.cookies.clear()
    assert client.get(f"/public/{token}").status_code == 404
    assert client.get(f"/public/{token}.pdf").status_code == 404


def test_the_supplier_may_not_publish_and_a_wrong_choice_changes_nothing(
    client: TestClient, session: Session, world: World
) -> None:
    contract_id = world.contract.id
    assert contract_id is not None
    log_in(client, "verkoop@leverancier.nl")
    assert "Publieke samenvatting publiceren" not in client.get(f"/contracts/{contract_id}").text
    assert publish(client, contract_id, "publish") == 403
    client.cookies.clear()
    log_in(client, "inkoper@testdorp.nl")
    assert publish(client, contract_id, "everything") == 400
    session.refresh(world.contract)
    assert world.contract.public_summary_token is None and summary_events(session) == 0


def test_an_unknown_token_is_404(client: TestClient, world: World) -> None:
    assert client.get("/public/not-a-token").status_code == 404
    assert client.get("/public/not-a-token.pdf").status_code == 404


@pytest.fixture
def cli_on_the_test_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The command line run in-process on the test's database, on TODAY, without a language set."""
    from web.settings import get_settings

    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("CHAINMAP_LANG", raising=False)
    monkeypatch.setattr("web.cli.netherlands_today", lambda: TODAY)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.usefixtures("cli_on_the_test_database")
def test_the_cli_writes_the_report_and_refuses_an_unknown_or_ambiguous_reference(
    world: World, session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "rapport.pdf", tmp_path / "rapport.xlsx"
    assert main(["report", "WK-2027-01", "--format", "pdf", "-o", str(pdf)]) == 0
    assert "Audit naaiatelier" in pdf_text(pdf.read_bytes())
    assert main(["report", "WK-2027-01", "--format", "xlsx", "-o", str(xlsx), "--lang", "en"]) == 0
    assert openpyxl.load_workbook(xlsx).sheetnames == ["Plan of action", "Prioritised risks"]
    assert main(["report", "NOPE-1", "--format", "pdf", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "no contract has the reference 'NOPE-1'" in capsys.readouterr().err
    make_contract(session, buyer="Gemeente Elders", supplier=None, reference="WK-2027-01")
    assert main(["report", "WK-2027-01", "--format", "pdf", "-o", str(tmp_path / "y.pdf")]) == 2
    assert "name one with --buyer" in capsys.readouterr().err
    assert (
        main(["report", "WK-2027-01", "--format", "pdf", "-o", str(pdf), "--buyer", "Gemeente Testdorp"]) == 0
    )


@pytest.mark.usefixtures("cli_on_the_test_database")
def test_the_cli_report_speaks_the_language_given_before_the_command_and_says_why_it_cannot_write(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx = tmp_path / "rapport.xlsx"
    assert main(["--lang", "nl", "report", "WK-2027-01", "--format", "xlsx", "-o", str(xlsx)]) == 0
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Plan van aanpak"
    assert "rapportage van WK-2027-01" in capsys.readouterr().out
    assert main(["report", "WK-2027-01", "--format", "xlsx", "-o", str(xlsx)]) == 0
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Plan of action"
    assert (
        main(["--lang", "en", "report", "WK-2027-01", "--format", "xlsx", "-o", str(xlsx), "--lang", "nl"])
        == 0
    )
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Plan van aanpak"  # its own --lang comes first
    capsys.readouterr()
    unwritable = tmp_path / "no such folder" / "rapport.pdf"
    assert main(["--lang", "nl", "report", "WK-2027-01", "--format", "pdf", "-o", str(unwritable)]) == 2
    said = capsys.readouterr().err
    assert (
        said.startswith("chainmap: de rapportage kon niet worden geschreven naar") and "Traceback" not in said
    )
    assert not unwritable.exists()
    assert main(["--lang", "nl", "report", "NOPE-1", "--format", "pdf", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "geen contract heeft het kenmerk 'NOPE-1'" in capsys.readouterr().err
