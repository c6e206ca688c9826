"""The chain as a file: uploading CSV and XLSX into the draft (all or nothing, every problem by row and
column), the template with its drop-down lists, the draft's and the versions' downloads, and who may."""

import codecs
import io
import re
import zipfile

import openpyxl
import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from markupsafe import escape
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session

from chainmap.chain import COLUMNS, ChainRow
from chainmap.chainfile import chain_to_csv, chain_to_json, chain_to_xlsx, parse_csv, parse_json, parse_xlsx
from chainmap.chainfile.mapping import header_fingerprint, parse_mapping
from chainmap.findings import Finding
from chainmap.reference import load_reference
from chainmap.validation import build_chain
from models import ChainVersion, Contract, ContractStatus, Role, SavedColumnMapping, User
from tests.factories import attachments as files
from tests.factories.chainfiles import csv_text
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.factories.zipbombs import BOMB_UNPACKED, MEBIBYTE, measured
from tests.web.test_contracts import EN, csrf, log_in
from web.limits import upload_limit
from web.services.chain_files import MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES, filename_part
from web.services.chains import MAX_WEB_SITES, as_chain_rows, draft_rows, replace_draft, submit_draft

SUPPLIER = "verkoop@werkkleding.nl"
BUYER = "inkoper@testdorp.nl"
REFERENCE = load_reference()
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = list(COLUMNS)
VALID = [
    HEADER,
    ["WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", "", ""],
    ["DHK", "Dhaka Apparel Works", "Bangladesh", "cut-make-trim", "Garments", "WN", "100", ""],
    ["TMC", "Turkmen Cotton Farm", "tkm", "farming", "Cotton", "DHK", "100", "Dashoguz"],
]
# What the draft holds before each upload: an unfinished chain the supplier typed in the form.
EARLIER = [
    ChainRow(2, "OUD", "Oude Leverancier BV", "NL", "trading"),
    ChainRow(3, "HALF", "Half ingevuld", "", "spinning", "", "OUD", "50"),
]


@pytest.fixture
def contract(session: Session) -> Contract:
    contract = make_contract(session, supplier="Werkkleding BV", reference="WK-2027/01 ré")
    replace_draft(session=session, contract=contract, rows=EARLIER)
    return contract


@pytest.fixture
def supplier(client: TestClient, session: Session) -> User:
    user = make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
    log_in(client, SUPPLIER)
    return user


def page_url(contract: Contract) -> str:
    return f"/contracts/{contract.id}/chain/file"


def form_token(client: TestClient, contract: Contract) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(page_url(contract)).text)
    assert found is not None
    return found.group(1)


def upload(
    client: TestClient,
    contract: Contract,
    name: str,
    data: bytes,
    *,
    headers: dict[str, str] | None = None,
    token: str | None = None,
) -> Response:
    return client.post(
        page_url(contract),
        data={"csrf_token": form_token(client, contract) if token is None else token},
        files={"file": (name, data, "application/octet-stream")},
        headers=headers,
        follow_redirects=False,
    )


def cells(session: Session, contract: Contract) -> list[list[str]]:
    """The draft's rows as cells, in order."""
    session.expire_all()
    assert contract.id is not None
    rows = as_chain_rows(draft_rows(session=session, contract_id=contract.id))
    return [[getattr(row, column) for column in COLUMNS] for row in rows]


def workbook_bytes(lines: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    for line in lines:
        sheet.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def listed(page: str, row: int | None, column: str | None, message: str) -> bool:
    """Whether the page's problem table has a line with this row, column and message."""
    row_cell = str(row) if row is not None else "(hele bestand|whole file)"
    column_cell = f"<code>{column}</code>" if column else ""
    pattern = (
        rf'<td class="number">{row_cell}</td>\s*<td>{re.escape(column_cell)}</td>\s*'
        rf"<td>{re.escape(str(escape(message)))}</td>"
    )
    return re.search(pattern, page) is not None


def blocking_findings(data: bytes) -> list[Finding]:
    chain_file = parse_csv(data)
    findings = [*chain_file.findings, *build_chain(chain_file.rows, reference=REFERENCE).findings]
    return [finding for finding in findings if finding.blocking]


def test_a_valid_csv_replaces_the_whole_draft(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    response = upload(client, contract, "keten.csv", csv_text(VALID).encode())
    assert response.status_code == 303
    assert response.headers["location"] == f"/contracts/{contract.id}/chain/file?uploaded=3"
    assert cells(session, contract) == VALID[1:]
    session.refresh(contract)
    assert contract.status is ContractStatus.DRAFT
    page = client.get(response.headers["location"]).text
    assert "Locaties uit het bestand in uw concept geladen: 3." in page
    assert f'href="/contracts/{contract.id}/chain"' in page
    assert "waarschuwingen" not in page.split("<h2", 1)[0]  # no warnings announced


def test_a_valid_xlsx_replaces_the_draft(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    response = upload(client, contract, "Keten.XLSX", workbook_bytes(VALID))
    assert response.status_code == 303
    assert cells(session, contract) == VALID[1:]


def test_a_workbook_is_read_as_one_whatever_its_name(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    response = upload(client, contract, "keten.csv", workbook_bytes(VALID))
    assert response.status_code == 303
    assert cells(session, contract) == VALID[1:]


def test_a_file_with_errors_lists_every_error_by_row_and_column_and_changes_nothing(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    lines = [
        HEADER,
        ["WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", ""],
        ["DHK", "Dhaka Apparel Works", "Atlantis", "cut-make-trim", "Garments", "WN", "veel"],
        ["DHK", "", "BD", "cut-make-trim", "Plastic buttons", "WN", "40"],
        ["SPN", "Spinnerij", "TR", "spinning", "Cotton", "NERGENS", ""],
    ]
    data = csv_text(lines).encode()
    before = cells(session, contract)
    for headers, lang in ((None, "nl"), (EN, "en")):
        response = upload(client, contract, "keten.csv", data, headers=headers)
        assert response.status_code == 400
        page = response.text
        expected = blocking_findings(data)
        assert {(finding.row, finding.column) for finding in expected} >= {
            (3, "country"),
            (3, "share"),
            (4, "name"),
            (4, "id"),
            (5, "supplies_to"),
        }
        for finding in expected:
            assert listed(page, finding.row, finding.column, finding.message(lang)), finding
        assert cells(session, contract) == before
    assert "The file was not loaded because of the errors below (" in page
    assert "Your draft is unchanged." in page and "Row numbers are the rows of your file." in page
    dutch = upload(client, contract, "keten.csv", data).text
    assert "Het bestand is niet geladen vanwege de fouten hieronder" in dutch
    assert "Waarschuwingen" in dutch  # the unknown good is shown too, as a warning
    assert cells(session, contract) == before
    session.refresh(contract)
    assert contract.status is ContractStatus.DRAFT


def test_a_file_with_warnings_only_is_loaded_and_its_warnings_shown(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    lines = [
        HEADER,
        ["WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", ""],
        ["EMB", "Borduurwerk Porto", "PT", "embroidery", "Plastic buttons", "WN", "30"],
    ]
    response = upload(client, contract, "keten.csv", csv_text(lines).encode(), headers=EN)
    assert response.status_code == 303
    assert cells(session, contract) == [[*line, ""] for line in lines[1:]]  # no region given
    page = client.get(response.headers["location"], headers=EN).text
    assert "Sites loaded from the file into your draft: 2." in page
    assert "The draft has warnings (3)" in page
    assert contract.id is not None
    rows = as_chain_rows(draft_rows(session=session, contract_id=contract.id))
    built = build_chain(rows, reference=REFERENCE)
    warnings = [finding for finding in built.findings if not finding.blocking]
    assert {finding.column for finding in warnings} == {"activity", "goods", "share"}
    for finding in warnings:
        assert listed(page, finding.row, finding.column, finding.message("en")), finding


def test_goods_outside_the_vocabulary_are_loaded_with_a_warning_and_aliases_find_their_good(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    lines = [
        HEADER,
        ["WN", "Werkkleding Nederland BV", "NL", "trading", "Machinery", "", ""],
        ["MCH", "Machinefabriek", "DE", "assembly", "Machinery;software", "WN", "50"],
        ["PLM", "Palm mill", "MY", "processing", "palmolie;latex gloves", "WN", "50"],
    ]
    pages = {}
    for lang, headers in (("en", EN), ("nl", None)):
        response = upload(client, contract, "keten.csv", csv_text(lines).encode(), headers=headers)
        assert response.status_code == 303
        assert cells(session, contract) == [[*line, ""] for line in lines[1:]]  # no region given
        pages[lang] = client.get(response.headers["location"], headers=headers).text
    assert contract.id is not None
    built = build_chain(
        as_chain_rows(draft_rows(session=session, contract_id=contract.id)), reference=REFERENCE
    )
    assert not [finding for finding in built.findings if finding.blocking]
    unknown = [finding for finding in built.findings if finding.column == "goods"]
    assert {finding.row for finding in unknown} == {2, 3}  # never the row of palmolie and latex gloves
    assert built.graph.nodes["PLM"]["goods"] == ("Palm Fruit", "Rubber Gloves")
    for finding in unknown:
        for lang, page in pages.items():
            assert listed(page, finding.row, finding.column, finding.message(lang)), (lang, finding)


def test_dutch_excel_csv_with_semicolons_windows_1252_and_decimal_commas(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    lines = [
        ["id", "naam", "land", "activiteit", "goederen", "levert_aan", "aandeel"],
        ["WN", "Werkkleding Nederland BV", "Nederland", "handel", "Garments", "", ""],
        ["TR-CMT", "Denizli Konfeksiyon", "Turkije", "confectie", "Garments", "WN", "50,5"],
        ["MILL", "Weverij Çorlu", "Turkije", "weven", "Textiles", "TR-CMT", "100"],
    ]
    data = csv_text(lines, delimiter=";").encode("cp1252")
    response = upload(client, contract, "keten.csv", data)
    assert response.status_code == 303
    assert cells(session, contract)[1] == [
        "TR-CMT",
        "Denizli Konfeksiyon",
        "Turkije",
        "confectie",
        "Garments",
        "WN",
        "50,5",
        "",
    ]
    assert cells(session, contract)[2][1] == "Weverij Çorlu"


def test_a_file_over_the_size_limit_is_refused_without_changes(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    before = cells(session, contract)
    filler = "x" * 100
    data = csv_text([HEADER]).encode() + b"".join(
        f"S{n},{filler},NL,trading,,WN,\r\n".encode() for n in range(MAX_UPLOAD_BYTES // 100)
    )
    assert MAX_UPLOAD_BYTES < len(data) < 2 * MAX_UPLOAD_BYTES
    response = upload(client, contract, "keten.csv", data)
    assert response.status_code == 400
    assert "Het bestand is groter dan 5 MB" in response.text
    assert cells(session, contract) == before


def test_a_request_far_over_the_limit_is_cut_off_before_it_is_read(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    before = cells(session, contract)
    response = upload(client, contract, "keten.csv", b"x" * upload_limit(1, MAX_UPLOAD_BYTES))
    assert response.status_code == 413
    assert "Te groot" in response.text
    assert cells(session, contract) == before


def test_a_small_workbook_that_unpacks_to_too_much_is_refused_unread(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    before = cells(session, contract)
    buffer = io.BytesIO(workbook_bytes([HEADER, ["S1", "Site", "NL", "trading", "", "", ""]]))
    with (
        zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w") as padding,
    ):
        for _ in range(MAX_UNPACKED_BYTES // (1024 * 1024) + 1):
            padding.write(bytes(1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < MAX_UPLOAD_BYTES
    response = upload(client, contract, "keten.xlsx", data)
    assert response.status_code == 400
    assert "De werkmap is uitgepakt groter dan 50 MB" in response.text
    assert cells(session, contract) == before


# In front of a zip bomb: nothing, one byte, a few kB, and a small zip archive of its own (whose first
# bytes are a zip's, as a check of the first bytes wants them).
BOMB_PREFIXES = [b"", b"\x00", b"MZ" + bytes(4094), files.zip_of({"leesmij.txt": "voorwerk"})]
TOO_LARGE = "De werkmap is uitgepakt groter dan 50 MB"
NOT_CLEAN = "Het bestand bevat gegevens vóór de werkmap, wat Excel nooit schrijft"


@pytest.mark.parametrize("prefix", BOMB_PREFIXES, ids=["none", "one-byte", "4-kB", "zip"])
def test_a_workbook_that_unpacks_to_4_gib_is_refused_at_once_whatever_is_in_front_of_it(
    client: TestClient, session: Session, contract: Contract, supplier: User, xlsx_bomb: bytes, prefix: bytes
) -> None:
    with zipfile.ZipFile(io.BytesIO(prefix + xlsx_bomb)) as archive:  # zipfile reads it behind any prefix
        assert sum(entry.file_size for entry in archive.infolist()) > BOMB_UNPACKED
    data = prefix + xlsx_bomb
    assert len(data) < MAX_UPLOAD_BYTES
    before = cells(session, contract)
    token = form_token(client, contract)
    response, cost = measured(lambda: upload(client, contract, "keten.xlsx", data, token=token))
    assert response.status_code == 400
    assert (NOT_CLEAN if prefix else TOO_LARGE) in response.text
    assert cost.seconds < 1.0
    assert cost.peak_bytes < 64 * MEBIBYTE  # the upload itself is 5 MB; its sheet unpacks to 4 GiB
    assert cells(session, contract) == before


def test_a_workbook_behind_a_prefix_is_refused_with_a_message_in_the_page_language(
    client: TestClient, contract: Contract, supplier: User
) -> None:
    data = b"\x00" + workbook_bytes(VALID)
    response = upload(client, contract, "keten.xlsx", data, headers=EN)
    assert response.status_code == 400
    assert "The file has data in front of the workbook, which Excel never writes" in response.text
    assert upload(client, contract, "keten.xlsx", data[1:], headers=EN).status_code == 303


def test_a_file_with_more_sites_than_the_web_takes_is_refused(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    before = cells(session, contract)
    sites = [[f"S{n}", "Site", "NL", "trading", "", "S0", ""] for n in range(MAX_WEB_SITES + 1)]
    response = upload(client, contract, "keten.csv", csv_text([HEADER, *sites]).encode())
    assert response.status_code == 400
    assert f"Het bestand heeft meer dan {MAX_WEB_SITES} rijen" in response.text
    assert cells(session, contract) == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("keten.pdf", b"%PDF-1.7 ...", "Bestanden van het type “.pdf” kunnen niet worden gelezen"),
        ("keten.xlsx", b"id,name\r\n", "Het bestand is niet te lezen als Excel-werkmap (.xlsx)"),
        ("keten.csv", b"\x00\x01\x02binary", "Het bestand is niet te lezen als CSV-tekst"),
        ("keten.json", b"{not json", "Het bestand is geen geldige JSON"),
        ("keten.csv", b"", "Het bestand is leeg"),
        ("", b"", "Kies een bestand om te uploaden"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused(
    client: TestClient,
    session: Session,
    contract: Contract,
    supplier: User,
    name: str,
    data: bytes,
    message: str,
) -> None:
    before = cells(session, contract)
    response = upload(client, contract, name, data)
    assert response.status_code == 400
    assert message in response.text
    assert cells(session, contract) == before


def test_a_cell_longer_than_the_form_takes_is_refused(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    lines = [HEADER, ["WN", "W" * 201, "NL", "trading", "", "", ""]]
    response = upload(client, contract, "keten.csv", csv_text(lines).encode())
    assert response.status_code == 400
    assert listed(response.text, 2, "name", "Rij 2: de cel name is langer dan 200 tekens.")


def test_an_upload_without_the_forms_token_is_refused(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    before = cells(session, contract)
    response = upload(client, contract, "keten.csv", csv_text(VALID).encode(), token="vervalst")
    assert response.status_code == 400
    assert "Het formulier is verlopen" in response.text
    assert cells(session, contract) == before


@pytest.mark.parametrize(
    ("lang", "headers", "instructions"), [("nl", None, "instructies"), ("en", EN, "instructions")]
)
def test_the_template_downloads_in_the_page_language_with_drop_down_lists(
    client: TestClient,
    contract: Contract,
    supplier: User,
    lang: str,
    headers: dict[str, str] | None,
    instructions: str,
) -> None:
    response = client.get(f"/contracts/{contract.id}/chain/template.xlsx", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == XLSX_TYPE
    assert (
        response.headers["content-disposition"]
        == f'attachment; filename="WK-2027-01-re-chain-template-{lang}.xlsx"'
    )
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[:2] == ["chain", instructions]
    chain = book["chain"]
    assert isinstance(chain, Worksheet)
    assert [cell.value for cell in chain[1]] == HEADER
    ranges = sorted(str(validation.sqref) for validation in chain.data_validations.dataValidation)
    assert ranges == ["C2:C10001", "D2:D10001"]
    assert all(validation.type == "list" for validation in chain.data_validations.dataValidation)
    text = " ".join(str(cell.value) for row in book[instructions].iter_rows() for cell in row if cell.value)
    assert ("opdrachtnemer" in text) is (lang == "nl") and ("contractor" in text) is (lang == "en")


def test_a_template_filled_in_from_its_lists_uploads_cleanly(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    template = client.get(f"/contracts/{contract.id}/chain/template.xlsx").content
    book = openpyxl.load_workbook(io.BytesIO(template))
    chain, lists = book["chain"], book["lijsten"]
    assert isinstance(chain, Worksheet) and isinstance(lists, Worksheet)
    countries = [cell.value for (cell,) in lists.iter_rows(min_row=2, max_col=1)]
    activities = [cell.value for (cell,) in lists.iter_rows(min_row=2, min_col=4, max_col=4) if cell.value]
    filled = [
        ["ZK", "Zorgkleding BV", "Nederland", "trading", "Garments", "", ""],
        ["DE-1", "Strickerei Chemnitz", "Duitsland", "knitting", "Garments", "ZK", "100"],
        ["X-1", "Spinnerij", "unknown", "spinning", "Cotton", "DE-1", "100"],
    ]
    assert all(row[2] in countries and row[3] in activities for row in filled)
    chain.delete_rows(2, chain.max_row)
    for row in filled:
        chain.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload(client, contract, "sjabloon.xlsx", buffer.getvalue())
    assert response.status_code == 303
    assert cells(session, contract) == [[*line, ""] for line in filled]  # the template's region left empty
    page = client.get(response.headers["location"]).text
    assert "fouten: 0 · waarschuwingen: 0" in page


def test_the_draft_downloads_as_csv_and_xlsx_as_typed(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    csv_response = client.get(f"/contracts/{contract.id}/chain/draft.csv")
    assert csv_response.status_code == 200
    assert csv_response.headers["content-type"] == "text/csv; charset=utf-8"
    assert (
        csv_response.headers["content-disposition"] == 'attachment; filename="WK-2027-01-re-chain-draft.csv"'
    )
    assert csv_response.content.startswith(codecs.BOM_UTF8)
    assert parse_csv(csv_response.content).rows == EARLIER
    xlsx_response = client.get(f"/contracts/{contract.id}/chain/draft.xlsx")
    assert xlsx_response.headers["content-type"] == XLSX_TYPE
    assert parse_xlsx(io.BytesIO(xlsx_response.content)).rows == EARLIER


def test_a_valid_draft_downloads_as_json_and_round_trips(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    upload(client, contract, "keten.csv", csv_text(VALID).encode())
    page = client.get(page_url(contract)).text
    assert f'href="/contracts/{contract.id}/chain/draft.json"' in page
    response = client.get(f"/contracts/{contract.id}/chain/draft.json")
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    built = build_chain(parse_json(response.content).rows, reference=REFERENCE)
    assert built.ok and sorted(built.graph.nodes) == ["DHK", "TMC", "WN"]
    assert built.graph.nodes["TMC"]["country"] == "TM"
    for file_format in ("csv", "xlsx"):
        data = client.get(f"/contracts/{contract.id}/chain/draft.{file_format}").content
        assert upload(client, contract, f"keten.{file_format}", data).status_code == 303
        assert cells(session, contract) == VALID[1:]


def test_a_draft_with_errors_has_no_json_and_says_why(
    client: TestClient, contract: Contract, supplier: User
) -> None:
    page = client.get(page_url(contract)).text
    assert f'href="/contracts/{contract.id}/chain/draft.json"' not in page
    assert "JSON alleen voor een geldige keten: verbeter eerst de fouten in het concept (" in page
    response = client.get(f"/contracts/{contract.id}/chain/draft.json")
    assert response.status_code == 409
    assert "JSON bevat alleen een geldige keten, en deze keten heeft fouten (" in response.text


def submitted(session: Session, contract: Contract, user: User) -> ChainVersion:
    replace_draft(
        session=session,
        contract=contract,
        rows=[ChainRow(n, *cells) for n, cells in enumerate(VALID[1:], start=2)],
    )
    return submit_draft(session=session, contract=contract, user=user, reference=REFERENCE)


@pytest.mark.parametrize(
    ("email", "role", "organisation"),
    [
        (SUPPLIER, Role.SUPPLIER, "Werkkleding BV"),
        (BUYER, Role.BUYER, "Gemeente Testdorp"),
        ("contractmanager@testdorp.nl", Role.CONTRACT_MANAGER, "Gemeente Testdorp"),
    ],
)
def test_every_party_downloads_a_submitted_version(
    client: TestClient, session: Session, contract: Contract, email: str, role: Role, organisation: str
) -> None:
    supplier = make_user(
        session, email="indiener@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
    )
    version = submitted(session, contract, supplier)
    if email != "indiener@werkkleding.nl":
        make_user(session, email=email, role=role, organisation=organisation)
    log_in(client, email)
    graph = build_chain(
        [ChainRow(n, *cells) for n, cells in enumerate(VALID[1:], start=2)], reference=REFERENCE
    ).graph
    base = f"/contracts/{contract.id}/versions/{version.number}/chain"
    for file_format, write in (("csv", chain_to_csv), ("xlsx", chain_to_xlsx), ("json", chain_to_json)):
        response = client.get(f"{base}.{file_format}")
        assert response.status_code == 200, file_format
        assert (
            response.headers["content-disposition"]
            == f'attachment; filename="WK-2027-01-re-chain-v1.{file_format}"'
        )
        if file_format != "xlsx":  # a workbook carries the time it was written
            assert response.content == write(graph)
    assert (
        parse_xlsx(io.BytesIO(client.get(f"{base}.xlsx").content)).rows == parse_csv(chain_to_csv(graph)).rows
    )
    assert client.get(f"/contracts/{contract.id}/versions/2/chain.csv").status_code == 404
    assert client.get(f"{base}.txt").status_code == 404


def test_the_supplier_page_lists_the_versions_downloads(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    version = submitted(session, contract, supplier)
    page = client.get(page_url(contract)).text
    for file_format in ("csv", "xlsx", "json"):
        assert f'href="/contracts/{contract.id}/versions/{version.number}/chain.{file_format}"' in page


def test_the_buyer_side_may_not_touch_the_draft(
    client: TestClient, session: Session, contract: Contract
) -> None:
    make_user(session, email=BUYER, role=Role.BUYER, organisation="Gemeente Testdorp")
    log_in(client, BUYER)
    before = cells(session, contract)
    for url in (
        page_url(contract),
        *(
            f"/contracts/{contract.id}/chain/{name}"
            for name in ("template.xlsx", "draft.csv", "draft.xlsx", "draft.json")
        ),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Half ingevuld" not in response.text
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/contracts").text)
    assert token is not None
    response = upload(client, contract, "keten.csv", csv_text(VALID).encode(), token=token.group(1))
    assert response.status_code == 403
    assert cells(session, contract) == before


@pytest.mark.parametrize(
    ("email", "role", "organisation"),
    [
        ("inkoper@elders.nl", Role.BUYER, "Gemeente Elders"),
        ("verkoop@andere-leverancier.nl", Role.SUPPLIER, "Andere Leverancier BV"),
        ("beheer@chainmap.nl", Role.ADMIN, None),
        ("inkoper@werkkleding.nl", Role.BUYER, "Werkkleding BV"),
    ],
)
def test_outsiders_get_404_on_every_route_and_no_data(
    client: TestClient, session: Session, contract: Contract, email: str, role: Role, organisation: str | None
) -> None:
    owner = make_user(
        session, email="indiener@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
    )
    version = submitted(session, contract, owner)
    before = cells(session, contract)
    make_user(session, email=email, role=role, organisation=organisation)
    log_in(client, email)
    base = f"/contracts/{contract.id}"
    urls = [
        f"{base}/chain/file",
        f"{base}/chain/template.xlsx",
        *(f"{base}/chain/draft.{file_format}" for file_format in ("csv", "xlsx", "json")),
        *(f"{base}/versions/{version.number}/chain.{file_format}" for file_format in ("csv", "xlsx", "json")),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        for secret in ("Werkkleding Nederland", "WK-2027", "Dhaka"):
            assert secret.encode() not in response.content, (url, secret)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/contracts").text)
    assert token is not None
    assert (
        upload(client, contract, "keten.csv", csv_text(VALID).encode(), token=token.group(1)).status_code
        == 404
    )
    assert cells(session, contract) == before


def test_every_route_needs_a_login(client: TestClient, contract: Contract) -> None:
    base = f"/contracts/{contract.id}"
    for url in (
        f"{base}/chain/file",
        f"{base}/chain/template.xlsx",
        f"{base}/chain/draft.csv",
        f"{base}/versions/1/chain.csv",
    ):
        response = client.get(url, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/login"), url
    response = client.post(f"{base}/chain/file", files={"file": ("k.csv", b"x")}, follow_redirects=False)
    assert response.status_code == 303


@pytest.mark.parametrize(
    ("reference", "part"),
    [
        ("WK-2027-01", "WK-2027-01"),
        ('Ré/f 2027:01 "x"', "Re-f-2027-01-x"),
        ("../../etc/passwd", "etc-passwd"),
        ("内部", ""),
    ],
)
def test_file_names_keep_safe_ascii_of_the_reference(reference: str, part: str) -> None:
    assert filename_part(reference) == part


def test_a_reference_without_safe_characters_names_the_contract_instead(
    client: TestClient, session: Session, supplier: User
) -> None:
    contract = make_contract(session, supplier="Werkkleding BV", reference="内部")
    response = client.get(f"/contracts/{contract.id}/chain/draft.csv")
    assert (
        response.headers["content-disposition"]
        == f'attachment; filename="contract-{contract.id}-chain-draft.csv"'
    )


# The mapping step: a supplier's own list in another layout.
BRAND_HEADER = ["Factory Name", "Country", "Address", "Product Type", "Number of Workers"]
BRAND_COUNTRIES = ("Bangladesh", "Turkey", "India", "Vietnam", "China")


def brand_list(factories: int, *, header: list[str] = BRAND_HEADER) -> bytes:
    """A brand's flat factory list as Excel saves it: every factory a direct supplier of the contractor,
    without ids, activities or customers."""
    rows = [
        [f"Factory {n:03d}", BRAND_COUNTRIES[n % 5], f"Street {n}, City", "Garments", str(100 + n)]
        for n in range(factories)
    ]
    order = [BRAND_HEADER.index(name) for name in header]
    return csv_text([header, *[[row[position] for position in order] for row in rows]]).encode()


def mapping_form(token: str, **fields: str) -> dict[str, str]:
    """The mapping step's form as a supplier fills it for a brand list: the suggested columns, the
    contractor as the customer of every row."""
    return {
        "csrf_token": token,
        "source_name": "Factory Name",
        "source_country": "Country",
        "source_goods": "Product Type",
        "default_activity": "cut-make-trim",
        "customer": "contractor",
        "contractor_id": "WK",
        "contractor_name": "Werkkleding BV",
        "contractor_country": "NL",
        "contractor_activity": "trading",
        "step": "import",
        **fields,
    }


def mapping_url(contract: Contract) -> str:
    return f"/contracts/{contract.id}/chain/file/mapping"


def pending_files(client: TestClient) -> list[str]:
    app = client.app
    folder = app.state.settings.upload_dir / "chain-imports"  # type: ignore[attr-defined]
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def selected(page: str, column: str) -> str:
    """The file's column the mapping step's select for `column` has chosen ("" for none)."""
    select = re.search(rf'<select id="source-{column}".*?</select>', page, re.DOTALL)
    assert select is not None, column
    chosen = re.search(r'<option value="([^"]*)" selected>', select.group(0))
    return chosen.group(1) if chosen else ""


def test_a_brand_list_of_500_factories_goes_through_the_mapping_step_into_the_draft(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    response = upload(client, contract, "fabrieken.csv", brand_list(500))
    assert (response.status_code, response.headers["location"]) == (303, mapping_url(contract))
    assert len(pending_files(client)) == 1
    assert cells(session, contract) == [[getattr(row, c) for c in COLUMNS] for row in EARLIER]  # not yet

    page = client.get(mapping_url(contract)).text
    assert "Kolommen van uw lijst koppelen" in page and "fabrieken.csv" in page
    assert [selected(page, column) for column in ("id", "name", "country", "activity", "goods")] == [
        "",
        "Factory Name",
        "Country",
        "",
        "Product Type",
    ]
    assert 'value="manufacturing"' in page  # the activity for rows without one, suggested
    assert "Kolommen die niet worden geïmporteerd: Address, Number of Workers." in page
    preview = re.search(r'<table class="list mapping-preview">.*?</table>', page, re.DOTALL)
    assert preview is not None
    assert preview.group(0).count("<tr>") == 1 + 1 + 10  # header, the contractor added, ten rows
    assert "<td>Factory 000</td>" in preview.group(0) and "Factory 010" not in preview.group(0)
    assert '<td class="number">toegevoegd</td>' in preview.group(0)

    response = client.post(
        mapping_url(contract), data=mapping_form(form_token(client, contract)), follow_redirects=False
    )
    assert (response.status_code, response.headers["location"]) == (303, f"{page_url(contract)}?uploaded=501")
    draft = cells(session, contract)
    assert draft[0] == ["WK", "Werkkleding BV", "NL", "trading", "", "", "", ""]
    assert draft[1] == ["R2", "Factory 000", "Bangladesh", "cut-make-trim", "Garments", "WK", "", ""]
    assert len(draft) == 501 and all(row[5] == "WK" for row in draft[1:])
    assert pending_files(client) == []  # removed after the import
    assert client.get(mapping_url(contract), follow_redirects=False).headers["location"] == page_url(contract)
    assert (
        "Locaties uit het bestand in uw concept geladen: 501."
        in client.get(f"{page_url(contract)}?uploaded=501").text
    )


def test_the_preview_follows_the_form_as_htmx_sends_it(
    client: TestClient, contract: Contract, supplier: User
) -> None:
    upload(client, contract, "fabrieken.csv", brand_list(3))
    token = form_token(client, contract)
    form = mapping_form(token, source_name="Address", customer="site", customer_site="Factory 001")
    response = client.post(
        f"{mapping_url(contract)}/preview", data=form, headers={"HX-Request": "true", "X-CSRF-Token": token}
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="mapping-preview">')
    assert "<td>Street 0, City</td>" in response.text and "toegevoegd" not in response.text
    unmapped = client.post(
        f"{mapping_url(contract)}/preview",
        data=mapping_form(token, source_name=""),
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert "Nog geen voorbeeld" in unmapped.text
    forged = client.post(f"{mapping_url(contract)}/preview", data={**form, "csrf_token": "vals"})
    assert forged.status_code == 400


def test_a_mapping_that_misses_a_column_is_shown_at_its_field_and_imports_nothing(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    upload(client, contract, "fabrieken.csv", brand_list(3))
    before = cells(session, contract)
    form = mapping_form(form_token(client, contract), source_name="", default_activity="", customer="file")
    response = client.post(mapping_url(contract), data=form, follow_redirects=False)
    assert response.status_code == 400
    assert 'id="source-name-error">Kies de kolom met de naam van elke locatie.' in response.text
    assert "Geef aan aan wie de locaties leveren" in response.text
    assert cells(session, contract) == before
    assert len(pending_files(client)) == 1  # still waiting, to be mapped again


def test_an_import_after_mapping_is_all_or_nothing_with_the_rows_of_the_original_file(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    data = brand_list(4).replace(b"Factory 002,India", b"Factory 002,Atlantis")
    upload(client, contract, "fabrieken.csv", data)
    before = cells(session, contract)
    response = client.post(
        mapping_url(contract), data=mapping_form(form_token(client, contract)), follow_redirects=False
    )
    assert response.status_code == 400
    assert "Het bestand is niet geladen vanwege de fouten hieronder (1)" in response.text
    finding = next(
        f
        for f in build_chain(
            [ChainRow(4, "R4", "F", "Atlantis", "cut-make-trim")], reference=REFERENCE
        ).findings
        if f.column == "country"
    )
    assert listed(response.text, 4, "country", finding.message("nl"))
    assert cells(session, contract) == before
    assert "Kolommen van uw lijst koppelen" in response.text  # the step again, to try another mapping
    assert len(pending_files(client)) == 1


def test_the_mapping_is_remembered_for_the_supplier_and_not_shown_to_another_organisation(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    upload(client, contract, "fabrieken.csv", brand_list(3))
    form = mapping_form(form_token(client, contract), default_activity="knitting", source_region="Address")
    assert client.post(mapping_url(contract), data=form, follow_redirects=False).status_code == 303

    # The same columns in another order, next month: the mapping used last time.
    shuffled = ["Number of Workers", "Product Type", "Address", "Country", "Factory Name"]
    upload(client, contract, "fabrieken-juni.csv", brand_list(2, header=shuffled))
    page = client.get(mapping_url(contract)).text
    assert "Dit is de koppeling die uw organisatie op" in page
    assert selected(page, "region") == "Address"
    assert 'name="default_activity" value="knitting"' in page
    assert 'name="contractor_id" value="WK"' in page

    # Another supplier with a list of the same columns gets the suggestion, never this mapping.
    other = make_contract(session, supplier="Andere Leverancier BV", reference="AL-1")
    make_user(session, email="verkoop@andere.nl", role=Role.SUPPLIER, organisation="Andere Leverancier BV")
    client.cookies.clear()
    log_in(client, "verkoop@andere.nl")
    response = upload(client, other, "lijst.csv", brand_list(2))
    assert response.headers["location"] == mapping_url(other)
    page = client.get(mapping_url(other)).text
    assert "Dit is de koppeling die uw organisatie" not in page
    assert selected(page, "region") == ""
    assert 'name="default_activity" value="manufacturing"' in page
    assert 'name="default_activity" value="knitting"' not in page


def test_the_waiting_file_is_only_the_uploader_s(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    """Another user of the same supplier, in another browser, has no waiting file: the mapping step
    sends them to the upload, and their import cannot reach the uploader's file."""
    upload(client, contract, "fabrieken.csv", brand_list(3))
    waiting = pending_files(client)
    make_user(session, email="collega@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV")
    client.cookies.clear()
    log_in(client, "collega@werkkleding.nl")
    assert client.get(mapping_url(contract), follow_redirects=False).headers["location"] == page_url(contract)
    response = client.post(
        mapping_url(contract), data=mapping_form(form_token(client, contract)), follow_redirects=False
    )
    assert response.headers["location"] == page_url(contract)
    assert len(cells(session, contract)) == len(EARLIER)
    assert pending_files(client) == waiting


def test_the_buyer_side_has_no_mapping_step(client: TestClient, session: Session, contract: Contract) -> None:
    make_user(session, email=BUYER, role=Role.BUYER, organisation="Gemeente Testdorp")
    log_in(client, BUYER)
    assert client.get(mapping_url(contract)).status_code == 403
    token = csrf(client)
    assert client.post(mapping_url(contract), data=mapping_form(token)).status_code == 403


def test_a_mapping_without_the_form_token_imports_nothing(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    upload(client, contract, "fabrieken.csv", brand_list(3))
    before = cells(session, contract)
    response = client.post(mapping_url(contract), data=mapping_form("vals"), follow_redirects=False)
    assert response.status_code == 400
    assert "Kolommen van uw lijst koppelen" in response.text
    assert cells(session, contract) == before
    without = {key: value for key, value in mapping_form("").items() if key != "csrf_token"}
    assert client.post(mapping_url(contract), data=without, follow_redirects=False).status_code == 400
    assert cells(session, contract) == before


def test_cancelling_or_uploading_again_removes_the_waiting_file_and_an_old_one_expires(
    client: TestClient, contract: Contract, supplier: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload(client, contract, "fabrieken.csv", brand_list(3))
    first = pending_files(client)
    upload(client, contract, "fabrieken-2.csv", brand_list(3))
    second = pending_files(client)
    assert len(second) == 1 and second != first
    token = form_token(client, contract)
    response = client.post(
        mapping_url(contract), data={"csrf_token": token, "step": "cancel"}, follow_redirects=False
    )
    assert response.headers["location"] == page_url(contract)
    assert pending_files(client) == []

    upload(client, contract, "fabrieken.csv", brand_list(3))
    monkeypatch.setattr("web.services.chain_mapping.PENDING_LIFETIME", -1)
    assert client.get(mapping_url(contract), follow_redirects=False).headers["location"] == page_url(contract)
    upload(client, contract, "keten.csv", csv_text(VALID).encode())  # any upload sweeps the expired ones
    assert pending_files(client) == []


def test_the_mapping_downloads_as_a_file_the_command_line_reads(
    client: TestClient, contract: Contract, supplier: User
) -> None:
    upload(client, contract, "fabrieken.csv", brand_list(3))
    response = client.post(
        mapping_url(contract), data=mapping_form(form_token(client, contract), step="download")
    )
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="chainmap-mapping.json"'
    read = parse_mapping(response.content)
    assert read.findings == []
    assert read.mapping is not None and read.mapping.defaults["supplies_to"] == "WK"


OSH_EXPORT = [
    ["os_id", "name", "country_code", "product_type", "is_closed"],
    ["BD2019001", "Dhaka Apparel Works", "BD", "Garments", "False"],
    ["BD2015002", "Old Dhaka Mill", "BD", "Fabric", "True"],
    ["TR2020003", "Denizli Konfeksiyon", "TR", "Garments", ""],
    ["TR2012004", "Closed Izmir Dyehouse", "TR", "Fabric", "TRUE"],
    ["IN2021005", "Tiruppur Knits", "IN", "Garments", "Suspended"],
]
OSH_FORM = {
    "source_id": "os_id",
    "source_name": "name",
    "source_country": "country_code",
    "source_goods": "product_type",
    "source_status": "is_closed",
}


def test_closed_facilities_of_an_open_supply_hub_export_are_left_out_and_counted(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    upload(client, contract, "osh.csv", csv_text(OSH_EXPORT).encode())
    page = client.get(mapping_url(contract)).text
    assert selected(page, "status") == "is_closed"
    preview = re.search(r'<div id="mapping-preview">.*?</table>', page, re.DOTALL)
    assert preview is not None
    assert "Dhaka Apparel Works" in preview.group(0) and "Old Dhaka Mill" not in preview.group(0)
    assert "Closed Izmir Dyehouse" not in preview.group(0)
    assert (
        "<li>2 gesloten locaties (volgens “is_closed”) zijn niet in de keten opgenomen: rijen 3, 5.</li>"
        in preview.group(0)
    )
    assert "<li>Rij 6: de status “Suspended” in “is_closed” is voor chainmap open noch gesloten" in page

    form = mapping_form(form_token(client, contract), **OSH_FORM, default_activity="cut-make-trim")
    response = client.post(mapping_url(contract), data=form, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (
        303,
        f"{page_url(contract)}?uploaded=4&closed=2",
    )
    assert [row[1] for row in cells(session, contract)] == [
        "Werkkleding BV",
        "Dhaka Apparel Works",
        "Denizli Konfeksiyon",
        "Tiruppur Knits",
    ]
    result = client.get(response.headers["location"]).text
    assert "Locaties uit het bestand in uw concept geladen: 4." in result
    assert (
        "2 gesloten locaties zijn niet in de keten opgenomen, zoals de statuskolom van het bestand zegt."
        in result
    )

    # The status column is remembered with the rest of the mapping.
    upload(client, contract, "osh-juni.csv", csv_text(OSH_EXPORT[:3]).encode())
    assert selected(client.get(mapping_url(contract)).text, "status") == "is_closed"


def test_a_mapping_remembered_before_the_status_column_existed_gets_the_suggested_one(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    assert supplier.organisation_id is not None
    saved = {
        "kind": "chainmap column mapping",
        "version": 1,
        "columns": {"id": "os_id", "name": "name", "country": "country_code", "goods": "product_type"},
        "defaults": {"activity": "knitting", "supplies_to": "WK"},
        "contractor": {"id": "WK", "name": "Werkkleding BV", "country": "NL", "activity": "trading"},
    }
    headers = OSH_EXPORT[0]
    session.add(
        SavedColumnMapping(
            organisation_id=supplier.organisation_id,
            fingerprint=header_fingerprint(headers),
            headers=headers,
            mapping=saved,
        )
    )
    session.commit()
    upload(client, contract, "osh.csv", csv_text(OSH_EXPORT).encode())
    page = client.get(mapping_url(contract)).text
    assert "Dit is de koppeling die uw organisatie op" in page
    assert 'name="default_activity" value="knitting"' in page  # the remembered mapping
    assert selected(page, "status") == "is_closed"
    assert "Old Dhaka Mill" not in page

    # Saved again (version 2) without a status column, the supplier's choice is kept.
    form = mapping_form(form_token(client, contract), **{**OSH_FORM, "source_status": ""})
    assert client.post(mapping_url(contract), data=form, follow_redirects=False).status_code == 303
    upload(client, contract, "osh.csv", csv_text(OSH_EXPORT).encode())
    assert selected(client.get(mapping_url(contract)).text, "status") == ""


def test_a_closed_facility_named_as_a_customer_refuses_the_import_at_the_row_naming_it(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    lines = [
        ["Supplier ID", "Name", "Country", "Customer", "Status"],
        ["WK", "Werkkleding BV", "NL", "", "Active"],
        ["T1", "Old Dhaka Mill", "BD", "WK", "Closed"],
        ["T2", "Denizli Spinning", "TR", "T1", "Active"],
    ]
    upload(client, contract, "leveranciers.csv", csv_text(lines).encode())
    before = cells(session, contract)
    form = {
        "csrf_token": form_token(client, contract),
        "source_id": "Supplier ID",
        "source_name": "Name",
        "source_country": "Country",
        "source_supplies_to": "Customer",
        "source_status": "Status",
        "default_activity": "spinning",
        "customer": "file",
        "step": "import",
    }
    response = client.post(mapping_url(contract), data=form, follow_redirects=False)
    assert response.status_code == 400
    message = (
        'Rij 4, kolom "supplies_to": de afnemer "T1" is de gesloten locatie van rij 3, die niet in de keten '
        "wordt opgenomen. Geef deze rij de afnemer waaraan ze nu levert, of markeer haar ook als gesloten."
    )
    assert listed(response.text, 4, "supplies_to", message)
    assert "is niet het id van een rij in het bestand" not in response.text  # said once, with the reason
    assert listed(
        response.text,
        None,
        None,
        "1 gesloten locatie (volgens “Status”) is niet in de keten opgenomen: rij 3.",
    )
    assert cells(session, contract) == before


def test_the_upload_s_script_gets_a_redirect_it_follows_itself_and_the_page_s_part_when_refused(
    client: TestClient, contract: Contract, supplier: User
) -> None:
    token = form_token(client, contract)
    headers = {"HX-Request": "true"}
    loaded = upload(client, contract, "keten.csv", csv_text(VALID).encode(), headers=headers, token=token)
    assert (loaded.status_code, loaded.headers["HX-Redirect"]) == (200, f"{page_url(contract)}?uploaded=3")
    mapped = upload(client, contract, "lijst.csv", brand_list(2), headers=headers, token=token)
    assert mapped.headers["HX-Redirect"] == mapping_url(contract)
    wrong = csv_text([HEADER, ["WN", "Werkkleding", "Atlantis", "trading", "", "", "", ""]]).encode()
    refused = upload(client, contract, "keten.csv", wrong, headers=headers, token=token)
    assert refused.status_code == 400
    assert refused.text.lstrip().startswith('<div id="chain-file-page">') and "<html" not in refused.text


def test_a_file_s_column_names_are_shown_as_text_and_another_supplier_s_contract_is_not_found(
    client: TestClient, session: Session, contract: Contract, supplier: User
) -> None:
    header = ["<script>alert(1)</script>", "Country", "Product Type"]
    upload(client, contract, "lijst.csv", csv_text([header, ["A", "NL", "Garments"]]).encode())
    page = client.get(mapping_url(contract)).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    other = make_contract(session, supplier="Andere Leverancier BV", reference="AL-1")
    assert client.get(mapping_url(other)).status_code == 404
    token = form_token(client, contract)
    assert client.post(mapping_url(other), data=mapping_form(token)).status_code == 404
    assert client.post(f"{mapping_url(other)}/preview", data=mapping_form(token)).status_code == 404
