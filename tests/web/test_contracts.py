"""Contracts: the list, a buyer's new contract with field errors in both languages, the contract page with
the goods of its CPV codes and where they carry known risks, the CPV look-up, and who may see what."""

import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select

from chainmap.cli import EXIT_OK, main
from models import (
    Contract,
    ContractCpv,
    ContractStatus,
    Organisation,
    OrganisationKind,
    ReportingSchedule,
    Role,
    UserCreate,
)
from tests.factories.contracts import make_contract
from tests.factories.users import PASSWORD, make_user
from web.services.users import create_user
from web.settings import get_settings

EN = {"Accept-Language": "en-GB,en;q=0.9"}
HTMX = {"HX-Request": "true"}


def csrf(client: TestClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
    assert found is not None
    return found.group(1)


def log_in(client: TestClient, email: str) -> None:
    data = {"email": email, "password": PASSWORD, "csrf_token": csrf(client)}
    assert client.post("/login", data=data, follow_redirects=False).status_code == 303


def contract_form(client: TestClient, **fields: object) -> dict[str, object]:
    form: dict[str, object] = {
        "title": "Werkkleding buitendienst",
        "reference": "WK-2027-01",
        "cpv": ["18100000-0", "", ""],
        "start_date": "2027-01-01",
        "end_date": "2028-12-31",
        "reporting_schedule": "half_yearly",
        "supplier_id": "",
        "supplier_name": "Werkkleding Nederland BV",
        "csrf_token": csrf(client),
    }
    form.update(fields)
    return form


def count(session: Session, model: type[Contract] | type[ContractCpv] | type[Organisation]) -> int:
    session.expire_all()
    return session.exec(select(func.count()).select_from(model)).one()


@pytest.fixture
def buyer_client(client: TestClient, session: Session) -> TestClient:
    make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER, organisation="Gemeente Testdorp")
    log_in(client, "inkoper@testdorp.nl")
    return client


def test_a_buyer_creates_a_contract_and_sees_it_with_its_details(
    buyer_client: TestClient, session: Session
) -> None:
    response = buyer_client.post(
        "/contracts/new",
        data=contract_form(buyer_client, cpv=["18100000", "30213000-5", ""]),
        follow_redirects=False,
    )
    assert response.status_code == 303
    contract = session.exec(select(Contract)).one()
    assert response.headers["location"] == f"/contracts/{contract.id}"
    assert contract.status is ContractStatus.NO_CHAIN and contract.reference == "WK-2027-01"
    codes = session.exec(select(ContractCpv.code).where(ContractCpv.contract_id == contract.id)).all()
    assert sorted(codes) == ["18100000-0", "30213000-5"]
    supplier = session.get(Organisation, contract.supplier_organisation_id)
    assert supplier is not None and supplier.name == "Werkkleding Nederland BV"
    assert supplier.kind is OrganisationKind.SUPPLIER

    page = buyer_client.get(f"/contracts/{contract.id}").text
    for text in ("Werkkleding buitendienst", "WK-2027-01", "Werkkleding Nederland BV", "Gemeente Testdorp"):
        assert text in page
    assert "1 januari 2027 – 31 december 2028" in page and "per halfjaar" in page and "nog geen keten" in page

    listing = buyer_client.get("/contracts").text
    assert f'href="/contracts/{contract.id}"' in listing and "nog geen keten" in listing
    assert "18100000-0, 30213000-5" in listing


def test_the_contract_page_shows_the_goods_of_its_cpv_codes_and_where_dol_lists_them(
    buyer_client: TestClient, session: Session
) -> None:
    contract = make_contract(session, cpv_codes=("18100000-0", "44912100-7", "45000000-7"))
    page = buyer_client.get(f"/contracts/{contract.id}", headers=EN).text
    assert "18100000-0 Occupational clothing, special workwear and accessories" in page
    for good in ("Garments", "Textiles", "Cotton", "Thread/Yarn", "Granite", "Stones"):
        assert f'<a href="/check?goods={good}">{good}</a>' in page
    cotton_tm = '<a href="/check?goods=Cotton&amp;country=TM">Turkmenistan</a>: child labour and forced'
    assert cotton_tm in page
    assert "Bangladesh</a>: child labour and forced labour" in page
    assert "Nigeria</a>:" in page  # granite
    assert "names no goods for this code: no finding, not no risk" in page  # 45000000-7, construction work
    dutch = buyer_client.get(f"/contracts/{contract.id}").text
    assert "Beroepskleding, speciale werkkleding en toebehoren" in dutch
    assert "Turkmenistan</a>: kinderarbeid en dwangarbeid" in dutch and "Bron: US DOL" in dutch
    assert "Katoen is de meest gebruikte vezel in kleding" in dutch  # 18100000 takes the rows of 18
    assert "Werkkleding is meestal katoen of polyester-katoen" not in dutch  # those of 1811 are not its
    assert "Kleding bestaat uit kledingstukken, geknipt, genaaid en afgewerkt" in dutch
    assert "Clothing is garments, cut, made and trimmed" in page
    for good, label in (
        ("Garments", "kleding"),
        ("Cotton", "katoen"),
        ("Thread/Yarn", "garen"),
        ("Stones", "natuursteen"),
    ):
        assert f'<a href="/check?goods={good}">{label}</a>' in dutch
    htmx = buyer_client.get(f"/contracts/{contract.id}", headers=HTMX).text
    assert "<html" not in htmx and "Garments" in htmx


def test_a_good_listed_for_an_input_says_which(buyer_client: TestClient, session: Session) -> None:
    contract = make_contract(session, cpv_codes=("32250000-0",))
    page = buyer_client.get(f"/contracts/{contract.id}", headers=EN).text
    assert "China</a>: child labour (through Cobalt ore (heterogenite) from" in page
    dutch = buyer_client.get(f"/contracts/{contract.id}").text
    assert "China</a>: kinderarbeid (via kobalterts (heterogeniet) uit" in dutch


def test_the_form_refuses_everything_at_once_with_a_message_per_field(
    buyer_client: TestClient, session: Session
) -> None:
    make_contract(session, reference="WK-TAKEN", supplier=None)
    before = (count(session, Contract), count(session, Organisation))
    form = contract_form(
        buyer_client,
        title="  ",
        reference="WK-TAKEN",
        cpv=["18100000-0", "99999999", "kleding"],
        start_date="2028-01-01",
        end_date="2027-01-01",
        reporting_schedule="weekly",
        supplier_name="Nieuwe Leverancier BV",
    )
    response = buyer_client.post("/contracts/new", data=form)
    assert response.status_code == 400
    page = response.text
    assert "Het contract is niet opgeslagen." in page
    assert 'id="title-error">Dit veld is verplicht.' in page
    assert "Uw organisatie heeft al een contract met kenmerk &#34;WK-TAKEN&#34;." in page
    assert "Geen CPV-code: 99999999, kleding." in page
    assert "De einddatum ligt vóór de startdatum." in page
    assert "Kies hoe vaak de leverancier rapporteert." in page
    assert 'value="Nieuwe Leverancier BV"' in page and 'value="99999999"' in page  # the input is kept
    assert (
        count(session, Contract),
        count(session, Organisation),
    ) == before  # nothing saved, not the supplier


def test_field_errors_in_english(buyer_client: TestClient, session: Session) -> None:
    form = contract_form(buyer_client, cpv=["", ""], start_date="31-12-2027", end_date="")
    page = buyer_client.post("/contracts/new", data=form, headers=EN).text
    assert "The contract was not saved." in page and "Give at least one CPV code." in page
    assert "&#34;31-12-2027&#34; is not a date" in page and "This field is required." in page
    assert count(session, Contract) == 0


def test_an_existing_supplier_of_the_buyer_can_be_picked_but_not_another_buyers(
    buyer_client: TestClient, session: Session
) -> None:
    own = make_contract(session, reference="OLD-1", supplier="Vaste Leverancier BV")
    other = make_contract(
        session, buyer="Gemeente Elders", reference="X-1", supplier="Geheime Leverancier BV"
    )
    form_page = buyer_client.get("/contracts/new").text
    assert "Vaste Leverancier BV" in form_page and "Geheime Leverancier BV" not in form_page
    refused = buyer_client.post(
        "/contracts/new",
        data=contract_form(buyer_client, supplier_name="", supplier_id=str(other.supplier_organisation_id)),
    )
    assert refused.status_code == 400 and "Kies een leverancier uit de lijst." in refused.text
    both = buyer_client.post(
        "/contracts/new", data=contract_form(buyer_client, supplier_id=str(own.supplier_organisation_id))
    )
    assert both.status_code == 400 and "niet allebei" in both.text
    picked = buyer_client.post(
        "/contracts/new",
        data=contract_form(buyer_client, supplier_name="", supplier_id=str(own.supplier_organisation_id)),
        follow_redirects=False,
    )
    assert picked.status_code == 303
    created = session.exec(select(Contract).where(Contract.reference == "WK-2027-01")).one()
    assert created.supplier_organisation_id == own.supplier_organisation_id


def test_a_contract_without_a_supplier_yet(buyer_client: TestClient, session: Session) -> None:
    response = buyer_client.post(
        "/contracts/new", data=contract_form(buyer_client, supplier_name=""), follow_redirects=False
    )
    assert response.status_code == 303
    assert session.exec(select(Contract)).one().supplier_organisation_id is None
    assert "nog niet gekozen" in buyer_client.get("/contracts").text


def test_the_same_reference_is_fine_for_another_buyer(buyer_client: TestClient, session: Session) -> None:
    make_contract(session, buyer="Gemeente Elders", reference="WK-2027-01")
    assert (
        buyer_client.post(
            "/contracts/new", data=contract_form(buyer_client), follow_redirects=False
        ).status_code
        == 303
    )


def test_a_form_without_its_csrf_token_is_refused(buyer_client: TestClient, session: Session) -> None:
    response = buyer_client.post("/contracts/new", data=contract_form(buyer_client, csrf_token="forged"))
    assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    assert count(session, Contract) == 0


def test_cpv_options_in_the_page_language(buyer_client: TestClient) -> None:
    dutch = buyer_client.get("/contracts/cpv-options", params={"q": "werkkleding"}).text
    assert '<option value="18130000-9">18130000-9 Speciale werkkleding</option>' in dutch
    english = buyer_client.get("/contracts/cpv-options", params={"q": "special workwear"}, headers=EN).text
    assert '<option value="18130000-9">18130000-9 Special workwear</option>' in english
    assert "Speciale werkkleding" not in english
    by_code = buyer_client.get("/contracts/cpv-options", params={"q": "1813"}).text
    assert by_code.startswith('<option value="18130000-9">')
    as_field = buyer_client.get("/contracts/cpv-options", params={"cpv": "graniet"}).text
    assert '<option value="44912100-7">44912100-7 Graniet</option>' in as_field
    typed_in_english = buyer_client.get("/contracts/cpv-options", params={"q": "special workwear"}).text
    assert '<option value="18130000-9">18130000-9 Speciale werkkleding</option>' in typed_in_english
    assert buyer_client.get("/contracts/cpv-options", params={"q": " "}).text.strip() == ""
    many = buyer_client.get("/contracts/cpv-options", params={"q": "1"}).text
    assert many.count("<option") == 20


def test_lists_are_scoped_to_the_organisation_and_role(client: TestClient, session: Session) -> None:
    ours = make_contract(session, reference="OURS-1", title="Onze werkkleding", supplier="Werkkleding BV")
    theirs = make_contract(
        session, buyer="Gemeente Elders", reference="THEIRS-1", title="Hun natuursteen", supplier="Steen BV"
    )
    users = {
        "inkoper@testdorp.nl": (Role.BUYER, "Gemeente Testdorp"),
        "contractmanager@testdorp.nl": (Role.CONTRACT_MANAGER, "Gemeente Testdorp"),
        "verkoop@werkkleding.nl": (Role.SUPPLIER, "Werkkleding BV"),
        "verkoop@steen.nl": (Role.SUPPLIER, "Steen BV"),
        "beheer@chainmap.nl": (Role.ADMIN, None),
    }
    for email, (role, organisation) in users.items():
        make_user(session, email=email, role=role, organisation=organisation)
    expected = {
        "inkoper@testdorp.nl": {ours.reference},
        "contractmanager@testdorp.nl": {ours.reference},
        "verkoop@werkkleding.nl": {ours.reference},
        "verkoop@steen.nl": {theirs.reference},
        "beheer@chainmap.nl": set(),
    }
    for email, references in expected.items():
        client.cookies.clear()
        log_in(client, email)
        page = client.get("/contracts").text
        assert {ref for ref in (ours.reference, theirs.reference) if ref in page} == references, email
        assert ("Nieuw contract" in page) is (email == "inkoper@testdorp.nl"), email


@pytest.mark.parametrize(
    ("email", "role", "organisation"),
    [
        ("inkoper@elders.nl", Role.BUYER, "Gemeente Elders"),
        ("contractmanager@elders.nl", Role.CONTRACT_MANAGER, "Gemeente Elders"),
        ("verkoop@andere-leverancier.nl", Role.SUPPLIER, "Andere Leverancier BV"),
        ("beheer@chainmap.nl", Role.ADMIN, None),
        ("zonder@organisatie.nl", Role.BUYER, None),
        # a buyer organisation that happens to have the supplier's name is not the supplier
        ("inkoper@werkkleding.nl", Role.BUYER, "Werkkleding BV"),
    ],
)
def test_another_organisation_gets_403_or_404_and_never_the_contracts_data(
    client: TestClient, session: Session, email: str, role: Role, organisation: str | None
) -> None:
    contract = make_contract(
        session, title="Geheime werkkleding", reference="SECRET-42", supplier="Werkkleding BV"
    )
    make_user(session, email=email, role=role, organisation=organisation)
    log_in(client, email)
    requests = [
        ("GET", f"/contracts/{contract.id}", {}),
        ("GET", f"/contracts/{contract.id}", HTMX),
        ("GET", f"/contracts/{contract.id}?lang=en", EN),
        ("GET", "/contracts", {}),
        ("GET", "/contracts", HTMX),
    ]
    for method, url, headers in requests:
        response = client.request(method, url, headers=headers)
        if url.startswith(f"/contracts/{contract.id}"):
            assert response.status_code in (403, 404), (url, response.status_code)
        for secret in ("Geheime werkkleding", "SECRET-42", "Werkkleding BV", "18100000"):
            assert secret not in response.text, (url, secret)
    for url in ("/contracts/new",):
        response = client.get(url)
        if role is not Role.BUYER or organisation is None:
            assert response.status_code == 403
        assert "SECRET-42" not in response.text
    # a contract id that does not exist answers the same as one of another organisation
    assert client.get("/contracts/999999").status_code == 404


@pytest.mark.parametrize("role", [Role.SUPPLIER, Role.CONTRACT_MANAGER, Role.ADMIN])
def test_only_a_buyer_creates_contracts(client: TestClient, session: Session, role: Role) -> None:
    organisation = (
        "Leverancier BV" if role is Role.SUPPLIER else None if role is Role.ADMIN else "Gemeente Testdorp"
    )
    make_user(session, email="iemand@example.nl", role=role, organisation=organisation)
    log_in(client, "iemand@example.nl")
    assert client.get("/contracts/new").status_code == 403
    assert client.post("/contracts/new", data=contract_form(client)).status_code == 403
    assert count(session, Contract) == 0


def test_every_contract_page_needs_a_login(client: TestClient, session: Session) -> None:
    contract = make_contract(session)
    for url in ("/contracts", "/contracts/new", f"/contracts/{contract.id}", "/contracts/cpv-options?q=18"):
        response = client.get(url, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/login"), url
    response = client.post("/contracts/new", data={"title": "x"}, follow_redirects=False)
    assert response.status_code == 303 and count(session, Contract) == 1


def test_the_list_is_newest_first(buyer_client: TestClient, session: Session) -> None:
    for number in range(3):
        make_contract(session, reference=f"REF-{number}")
    page = buyer_client.get("/contracts").text
    positions = [page.index(f"REF-{number}") for number in range(3)]
    assert positions == sorted(positions, reverse=True)
    ids = session.exec(select(Contract.id).order_by(col(Contract.id))).all()
    assert len(ids) == 3


def test_a_buyer_role_in_the_supplier_organisation_is_not_the_supplier(
    client: TestClient, session: Session
) -> None:
    contract = make_contract(session, reference="SECRET-42", supplier="Werkkleding BV")
    create_user(
        session=session,
        user_create=UserCreate(
            email="inkoper@werkkleding.nl",
            role=Role.BUYER,
            password=PASSWORD,
            organisation_id=contract.supplier_organisation_id,
        ),
    )
    log_in(client, "inkoper@werkkleding.nl")
    assert client.get(f"/contracts/{contract.id}").status_code == 404
    assert "SECRET-42" not in client.get("/contracts").text
    assert client.get("/contracts/new").status_code == 403  # a supplier organisation buys nothing here
    assert client.post("/contracts/new", data=contract_form(client)).status_code == 403


def test_the_demo_adds_its_contracts_once(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    engine: object,
    client: TestClient,
    session: Session,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CHAINMAP_UPLOAD_DIR", str(tmp_path / "uploads"))
    get_settings.cache_clear()
    try:
        assert main(["demo"]) == EXIT_OK
        assert main(["demo"]) == EXIT_OK
    finally:
        get_settings.cache_clear()
    assert sorted(session.exec(select(Contract.reference)).all()) == ["DEMO-001", "DEMO-002", "DEMO-003"]
    contract = session.exec(select(Contract).where(Contract.reference == "DEMO-001")).one()
    assert contract.supplier_organisation_id is not None
    data = {
        "email": "leverancier@werkkleding.example",
        "password": "demo-chainmap-2026",
        "csrf_token": csrf(client),
    }
    assert client.post("/login", data=data, follow_redirects=False).status_code == 303
    page = client.get(f"/contracts/{contract.id}").text
    assert "DEMO-001" in page and "Footwear" in page and "Garments" in page


def test_the_contract_page_lists_the_reporting_periods_and_the_next_report_due(
    buyer_client: TestClient, session: Session
) -> None:
    contract = make_contract(session, schedule=ReportingSchedule.HALF_YEARLY)
    buyer_client.app.state.today = lambda: date(2027, 8, 15)  # type: ignore[attr-defined]
    page = buyer_client.get(f"/contracts/{contract.id}").text
    assert "Volgende: rapportage 2, uiterlijk 30 januari 2028." in page
    assert page.count('<tr class="next">') == 1
    assert "1 januari 2027 – 30 juni 2027" in page and "1 juli 2028 – 31 december 2028" in page
    buyer_client.app.state.today = lambda: date(2029, 2, 1)  # type: ignore[attr-defined]
    english = buyer_client.get(f"/contracts/{contract.id}", headers=EN).text
    assert "half-yearly on its plan of action, each report within 30 days" in english
    assert "Next: report" not in english  # the last report was due on 30 January 2029
