"""Evidence on an action and attachments to an escalation step: the supplier adds evidence of each
accepted type, the content deciding the type and the name sanitised; refused files keep neither a row nor
a file; the files lie outside web/static under random names; every party downloads them with headers
that keep a browser from running or caching them, anyone else gets 404; the buyer side attaches files to
an escalation step in the step's transaction."""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlmodel import Session, func, select

from models import Attachment, AuditEvent, AuditKind, Contract, EscalationStep, PlanAction, Role, User
from tests.factories import attachments as files
from tests.factories.contracts import make_contract
from tests.factories.plan import make_accepted_version, make_plan_action
from tests.factories.users import make_user
from tests.factories.zipbombs import MEBIBYTE, measured
from tests.web.test_contracts import csrf, log_in
from web.services.attachments import CSV, DOCX, EXTENSIONS, GIF, JPEG, PDF, PNG, TEXT, WEBP, XLSX
from web.settings import Settings

TODAY: Final = date(2027, 6, 1)
EN: Final = {"Accept-Language": "en"}
STATIC: Final = Path(__file__).resolve().parents[2] / "web" / "static"
SUPPLIER: Final = "verkoop@werkkleding.nl"
BUYER: Final = "inkoper@testdorp.nl"
MANAGER: Final = "cm@testdorp.nl"


@dataclass
class World:
    contract: Contract
    action: PlanAction
    supplier: User
    buyer: User
    upload_dir: Path

    @property
    def evidence_url(self) -> str:
        return f"/contracts/{self.contract.id}/actions/{self.action.id}/evidence"


@pytest.fixture
def world(session: Session, client: TestClient, settings: Settings) -> World:
    client.app.state.today = lambda: TODAY  # type: ignore[attr-defined]
    contract = make_contract(session)
    supplier = make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
    buyer = make_user(session, email=BUYER)
    make_accepted_version(session, contract=contract, supplier=supplier, buyer=buyer)
    action = make_plan_action(session, contract=contract, user=supplier)
    make_user(session, email=MANAGER, role=Role.CONTRACT_MANAGER)
    return World(contract, action, supplier, buyer, settings.upload_dir)


def upload(client: TestClient, url: str, name: str, content: bytes, **fields: str) -> Response:
    data = {"csrf_token": csrf(client), **fields}
    return client.post(
        url, data=data, files={"file": (name, content, "application/octet-stream")}, follow_redirects=False
    )


def attachments(session: Session) -> list[Attachment]:
    session.expire_all()
    return list(session.exec(select(Attachment).order_by(Attachment.id)))  # type: ignore[arg-type]


def stored(upload_dir: Path) -> list[Path]:
    """Every file in the upload directory, temporary ones included."""
    return sorted(upload_dir.rglob("*")) if upload_dir.exists() else []


def events(session: Session) -> int:
    return session.exec(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.kind == AuditKind.ATTACHMENT_ADDED)
    ).one()


@pytest.mark.parametrize(
    ("name", "content", "media_type"),
    [
        ("auditrapport.pdf", files.PDF, PDF),
        ("foto.png", files.PNG, PNG),
        ("foto.jpg", files.JPEG, JPEG),
        ("foto.gif", files.GIF, GIF),
        ("foto.webp", files.WEBP, WEBP),
        ("bevindingen.xlsx", files.xlsx(), XLSX),
        ("verslag.docx", files.docx(), DOCX),
        ("deelnemers.csv", files.CSV, CSV),
        (
            "verklaring.txt",
            b"Verklaring: geen kinderarbeid aangetroffen.\n",
            TEXT,
        ),  # not renamed .csv
    ],
)
def test_the_supplier_adds_evidence_that_every_party_downloads(
    client: TestClient, session: Session, world: World, name: str, content: bytes, media_type: str
) -> None:
    log_in(client, SUPPLIER)
    response = upload(client, world.evidence_url, name, content)
    assert response.status_code == 303
    assert (
        response.headers["location"] == f"/contracts/{world.contract.id}/actions/{world.action.id}#evidence"
    )
    (attachment,) = attachments(session)
    assert (attachment.action_id, attachment.escalation_step_id) == (world.action.id, None)
    assert (attachment.filename, attachment.media_type, attachment.size) == (name, media_type, len(content))
    assert re.fullmatch(r"[0-9a-f]{32}", attachment.stored_name)
    assert stored(world.upload_dir) == [world.upload_dir / attachment.stored_name]
    assert (world.upload_dir / attachment.stored_name).read_bytes() == content
    assert not list(STATIC.rglob(attachment.stored_name))
    event = session.exec(select(AuditEvent).where(AuditEvent.kind == AuditKind.ATTACHMENT_ADDED)).one()
    assert event.action_id == world.action.id and event.details["filename"] == name

    page = client.get(f"/contracts/{world.contract.id}/actions/{world.action.id}").text
    link = f'href="/contracts/{world.contract.id}/attachments/{attachment.id}"'
    assert link in page and name in page
    for email in (SUPPLIER, BUYER, MANAGER):
        client.cookies.clear()
        log_in(client, email)
        download = client.get(f"/contracts/{world.contract.id}/attachments/{attachment.id}")
        assert download.status_code == 200 and download.content == content
        assert download.headers["content-type"].split(";")[0] == media_type
        assert download.headers["content-disposition"] == f'attachment; filename="{name}"'
        assert download.headers["x-content-type-options"] == "nosniff"
        assert download.headers["cache-control"] == "private, no-store"


def test_the_content_decides_the_type_and_the_name_is_sanitised(
    client: TestClient, session: Session, world: World
) -> None:
    log_in(client, SUPPLIER)
    sent = '..\\..\\Audit "één"\r\n <rapport>.docx'
    assert upload(client, world.evidence_url, sent, files.PDF).status_code == 303
    (attachment,) = attachments(session)
    assert (attachment.filename, attachment.media_type) == ("Audit één rapport.pdf", PDF)
    download = client.get(f"/contracts/{world.contract.id}/attachments/{attachment.id}")
    assert download.headers["content-type"] == PDF
    assert download.headers["content-disposition"] == (
        "attachment; filename=\"Audit __n rapport.pdf\"; filename*=UTF-8''Audit%20%C3%A9%C3%A9n%20rapport.pdf"
    )
    timeline = client.get(f"/contracts/{world.contract.id}/timeline", headers=EN).text
    assert "Evidence added to the action “Audit naaiatelier”: Audit één rapport.pdf" in timeline


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", files.HTML, "“rapport.pdf” is geen PDF"),
        ("tekening.svg", files.SVG, "“tekening.svg” is geen PDF"),
        ("setup.exe", files.EXE, "“setup.exe” is geen PDF"),
        (
            "macro.xlsx",
            files.zip_of({"[Content_Types].xml": "", "xl/workbook.xml": "", "xl/vbaProject.bin": ""}),
            "geen PDF",
        ),
        ("leeg.pdf", b"", "“leeg.pdf” is leeg."),
        ("groot.pdf", files.PDF + b"0" * 2048, "“groot.pdf” is groter dan 2 kB."),
        ("<b>x</b>.pdf", files.HTML, "“&lt;b&gt;x&lt;/b&gt;.pdf” is geen PDF"),  # the name is escaped
    ],
)
def test_a_refused_file_keeps_no_row_and_no_file(
    client: TestClient,
    session: Session,
    world: World,
    settings: Settings,
    name: str,
    content: bytes,
    message: str,
) -> None:
    client.app.state.settings = settings.model_copy(update={"upload_max_bytes": 2048})  # type: ignore[attr-defined]
    log_in(client, SUPPLIER)
    response = upload(client, world.evidence_url, name, content)
    assert response.status_code == 400
    assert re.search(r'<p class="errors field" id="file-error">[^<]*' + re.escape(message), response.text)
    assert "Het bewijsstuk is niet toegevoegd" in response.text
    assert attachments(session) == [] and stored(world.upload_dir) == [] and events(session) == 0


@pytest.mark.parametrize(
    "prefix", [b"", b"\x00", files.zip_of({"leesmij.txt": "voorwerk"})], ids=["none", "one-byte", "zip"]
)
def test_evidence_that_unpacks_to_4_gib_is_refused_at_once_whatever_is_in_front_of_it(
    client: TestClient, session: Session, world: World, docx_bomb: bytes, prefix: bytes
) -> None:
    log_in(client, SUPPLIER)
    response, cost = measured(lambda: upload(client, world.evidence_url, "audit.docx", prefix + docx_bomb))
    assert response.status_code == 400
    assert "Het bewijsstuk is niet toegevoegd" in response.text
    assert cost.seconds < 1.0
    assert cost.peak_bytes < 64 * MEBIBYTE  # the file itself is 5 MB
    assert attachments(session) == [] and stored(world.upload_dir) == [] and events(session) == 0


def test_the_size_limit_is_said_in_the_page_language(client: TestClient, world: World) -> None:
    log_in(client, SUPPLIER)
    page = client.get(f"/contracts/{world.contract.id}/actions/{world.action.id}", headers=EN).text
    assert "at most 10 MB" in page and 'enctype="multipart/form-data"' in page
    offered = re.search(r'accept="([^"]*)"', page)
    assert offered is not None  # the file chooser offers every extension the server accepts, and no other
    assert sorted(offered[1].split(",")) == sorted(f".{ext}" for exts in EXTENSIONS.values() for ext in exts)


def test_evidence_comes_from_the_supplier_of_this_contract_with_a_valid_form(
    client: TestClient, session: Session, world: World
) -> None:
    log_in(client, MANAGER)
    assert upload(client, world.evidence_url, "a.pdf", files.PDF).status_code == 403
    assert 'name="file"' not in client.get(f"/contracts/{world.contract.id}/actions/{world.action.id}").text
    client.cookies.clear()
    log_in(client, SUPPLIER)
    expired = upload(client, world.evidence_url, "a.pdf", files.PDF, csrf_token="stale")
    assert expired.status_code == 400 and "Het formulier is verlopen" in expired.text
    missing = client.post(world.evidence_url, data={"csrf_token": csrf(client)}, follow_redirects=False)
    assert missing.status_code == 400 and "Kies een bestand." in missing.text
    other = make_contract(session, reference="WK-2027-02")
    make_accepted_version(session, contract=other, supplier=world.supplier, buyer=world.buyer)
    other_action = make_plan_action(session, contract=other, user=world.supplier)
    through_other = f"/contracts/{world.contract.id}/actions/{other_action.id}/evidence"
    assert upload(client, through_other, "a.pdf", files.PDF).status_code == 404
    assert attachments(session) == [] and stored(world.upload_dir) == []


def test_only_the_contracts_parties_download_an_attachment(
    client: TestClient, session: Session, world: World
) -> None:
    log_in(client, SUPPLIER)
    assert upload(client, world.evidence_url, "a.pdf", files.PDF).status_code == 303
    (attachment,) = attachments(session)
    other = make_contract(session, buyer="Gemeente Elders", reference="ELDERS-1")
    make_user(session, email="inkoper@elders.nl", organisation="Gemeente Elders")
    client.cookies.clear()
    log_in(client, "inkoper@elders.nl")
    for url in (
        f"/contracts/{world.contract.id}/attachments/{attachment.id}",
        f"/contracts/{other.id}/attachments/{attachment.id}",
    ):
        refused = client.get(url)
        assert refused.status_code == 404 and files.PDF not in refused.content
    client.cookies.clear()
    assert (
        client.get(
            f"/contracts/{world.contract.id}/attachments/{attachment.id}", follow_redirects=False
        ).headers["location"]
        == "/login"
    )


def post_step(client: TestClient, contract_id: int, sent: list[tuple[str, bytes]]) -> Response:
    data = {
        "step": "dialogue",
        "effective_on": "2027-05-20",
        "reason": "Geen plan",
        "csrf_token": csrf(client),
    }
    return client.post(
        f"/contracts/{contract_id}/escalation",
        data=data,
        files=[("attachments", (name, content, "application/octet-stream")) for name, content in sent],
        follow_redirects=False,
    )


def test_the_buyer_side_attaches_files_to_an_escalation_step(
    client: TestClient, session: Session, world: World
) -> None:
    contract_id = world.contract.id
    assert contract_id is not None
    log_in(client, MANAGER)
    page = client.get(f"/contracts/{contract_id}").text
    assert 'enctype="multipart/form-data"' in page and 'name="attachments"' in page
    sent = [("brief.pdf", files.PDF), ("verslag gesprek.docx", files.docx())]
    assert post_step(client, contract_id, sent).status_code == 303
    step = session.exec(select(EscalationStep)).one()
    kept = attachments(session)
    assert [(item.filename, item.escalation_step_id, item.action_id) for item in kept] == [
        ("brief.pdf", step.id, None),
        ("verslag gesprek.docx", step.id, None),
    ]
    assert stored(world.upload_dir) == sorted(world.upload_dir / item.stored_name for item in kept)
    assert events(session) == 2

    client.cookies.clear()
    log_in(client, SUPPLIER)
    page = client.get(f"/contracts/{contract_id}").text
    for item in kept:
        assert f'href="/contracts/{contract_id}/attachments/{item.id}"' in page and item.filename in page
    assert client.get(f"/contracts/{contract_id}/attachments/{kept[1].id}").content == files.docx()
    timeline = client.get(f"/contracts/{contract_id}/timeline").text
    assert "Bijlage toegevoegd aan de escalatiestap dialoog: brief.pdf" in timeline


def test_a_step_with_a_refused_file_keeps_nothing(client: TestClient, session: Session, world: World) -> None:
    contract_id = world.contract.id
    assert contract_id is not None
    log_in(client, MANAGER)
    refused = post_step(client, contract_id, [("brief.pdf", files.PDF), ("brief2.pdf", files.HTML)])
    assert refused.status_code == 400
    assert re.search(r'id="attachments-error">“brief2.pdf” is geen PDF', refused.text)  # which of them
    too_many = post_step(client, contract_id, [(f"brief{number}.pdf", files.PDF) for number in range(6)])
    assert too_many.status_code == 400 and "Voeg hoogstens 5 bestanden toe aan een stap." in too_many.text
    session.expire_all()
    assert session.exec(select(func.count()).select_from(EscalationStep)).one() == 0
    assert attachments(session) == [] and stored(world.upload_dir) == [] and events(session) == 0
    assert post_step(client, contract_id, []).status_code == 303  # files stay optional
