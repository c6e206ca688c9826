"""The supplier's chain form: sites added, edited and removed in place (htmx fragments), the command
line's messages next to each field, the live risk preview, submitting versions, and who may do what."""

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from chainmap.chain import COLUMNS, ChainRow
from chainmap.cli import main
from models import ChainDraftRow, ChainVersion, Contract, ContractStatus, ReviewDecision, Role, User
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_contracts import EN, csrf, log_in
from web.services import chain_form
from web.services.chain_form import CELL_LIMITS, SiteCells, change_site, remove_site
from web.services.chains import replace_draft, review_version

SUPPLIER = "verkoop@werkkleding.nl"
VALID_CHAIN = [
    ("WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", "", ""),
    ("DHK", "Dhaka Apparel Works", "BD", "cut-make-trim", "Garments", "WN", "100", ""),
    ("TMC", "Turkmen Cotton Farm", "TM", "farming", "Cotton", "DHK", "100", "Dashoguz"),
]


def htmx(client: TestClient) -> dict[str, str]:
    """The headers htmx sends on this page: its marker and the session's CSRF token."""
    return {"HX-Request": "true", "X-CSRF-Token": csrf(client)}


def chain_rows(cells: Sequence[tuple[str, ...]]) -> list[ChainRow]:
    return [ChainRow(number, *row) for number, row in enumerate(cells, start=2)]


def draft(session: Session, contract: Contract) -> list[ChainDraftRow]:
    session.expire_all()
    query = select(ChainDraftRow).where(ChainDraftRow.contract_id == contract.id)
    return list(session.exec(query.order_by(col(ChainDraftRow.position))))


def site_row(page: str, row_id: int | None) -> str:
    """The HTML of the table row of a draft row."""
    found = re.search(rf'<tr id="site-{row_id}".*?</tr>', page, re.DOTALL)
    assert found is not None, f"no row {row_id}"
    return found.group(0)


def cell(page: str, row_id: int | None, column: str) -> str:
    """The HTML of one cell of a draft row, by chain format column."""
    cells = re.findall(r"<td.*?</td>", site_row(page, row_id), re.DOTALL)
    return str(cells[COLUMNS.index(column)])


@pytest.fixture
def contract(session: Session) -> Contract:
    return make_contract(session, supplier="Werkkleding BV", reference="WK-1")


@pytest.fixture
def supplier(client: TestClient, session: Session, contract: Contract) -> TestClient:
    make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
    log_in(client, SUPPLIER)
    return client


def test_the_supplier_adds_a_site_in_place_and_gets_the_table_back(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    page = supplier.get(f"/contracts/{contract.id}/chain")
    assert page.status_code == 200
    assert "Het concept heeft nog geen locaties" in page.text
    assert f'href="/contracts/{contract.id}/chain/file"' in page.text
    new = supplier.get(f"/contracts/{contract.id}/chain/rows/new", headers=htmx(supplier))
    assert new.status_code == 200 and "<html" not in new.text
    assert new.text.count("<input") == len(COLUMNS) and 'name="country"' in new.text
    assert 'hx-get="/check/options/countries"' in new.text and 'list="activities"' in new.text

    cells = dict(zip(COLUMNS, VALID_CHAIN[0], strict=True))
    response = supplier.post(f"/contracts/{contract.id}/chain/rows", data=cells, headers=htmx(supplier))
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "chain-changed"
    # the saved row in place of its inputs, and the draft's counts out of band: not the whole table
    assert "<html" not in response.text and "<table" not in response.text
    assert response.text.lstrip().startswith("<tr id=")
    assert '<div id="chain-summary" aria-live="polite" hx-swap-oob="true">' in response.text
    assert "Locaties: 1 · fouten: 0 · waarschuwingen: 0" in response.text
    [row] = draft(session, contract)
    assert (row.position, row.site_id, row.name, row.country) == (0, "WN", "Werkkleding Nederland BV", "NL")
    assert '<th scope="row">2</th>' in site_row(response.text, row.id)
    assert "Nederland" in cell(response.text, row.id, "country")  # the code named in the page's language
    session.refresh(contract)
    assert contract.status is ContractStatus.DRAFT


def test_cells_are_stripped_and_too_long_ones_refused_with_a_message_at_the_field(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    data = {"id": "  WN ", "name": "x" * (CELL_LIMITS["name"] + 1), "country": "NL", "activity": "trading"}
    response = supplier.post(f"/contracts/{contract.id}/chain/rows", data=data, headers=htmx(supplier))
    assert response.status_code == 200 and "HX-Trigger" not in response.headers
    assert draft(session, contract) == []
    assert "De rij is niet opgeslagen" in response.text
    field = re.search(r'<input id="site-new-\w+-name"[^>]*>', response.text)
    assert field is not None and 'aria-invalid="true"' in field.group(0)
    assert f"Hoogstens {CELL_LIMITS['name']} tekens." in response.text
    assert 'value="WN"' in response.text  # what was typed stays, stripped

    data["name"] = "Werkkleding Nederland BV"
    supplier.post(f"/contracts/{contract.id}/chain/rows", data=data, headers=htmx(supplier))
    assert [row.site_id for row in draft(session, contract)] == ["WN"]

    data["goods"] = "x" * (CELL_LIMITS["goods"] + 1)  # a limit over a thousand, written per language
    response = supplier.post(f"/contracts/{contract.id}/chain/rows", data=data, headers=htmx(supplier))
    assert "Hoogstens 2.000 tekens." in response.text
    response = supplier.post(
        f"/contracts/{contract.id}/chain/rows", data=data, headers={**htmx(supplier), **EN}
    )
    assert "At most 2,000 characters." in response.text


def test_a_row_turns_into_inputs_and_saves_in_place(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    farm = draft(session, contract)[2]
    edit = supplier.get(f"/contracts/{contract.id}/chain/rows/{farm.id}/edit", headers=htmx(supplier))
    assert edit.status_code == 200 and "<html" not in edit.text and "<table" not in edit.text
    assert edit.text.strip().startswith(f'<tr id="site-{farm.id}" class="editing">')
    assert 'value="Turkmen Cotton Farm"' in edit.text
    assert f'hx-put="/contracts/{contract.id}/chain/rows/{farm.id}"' in edit.text

    cells = dict(zip(COLUMNS, VALID_CHAIN[2], strict=True)) | {"country": "Oezbekistan"}
    url = f"/contracts/{contract.id}/chain/rows/{farm.id}"
    response = supplier.put(url, data=cells, headers=htmx(supplier))
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "chain-changed"
    assert "Oezbekistan" in cell(response.text, farm.id, "country")
    assert 'class="editing"' not in response.text  # back in display mode
    assert [row.country for row in draft(session, contract)] == ["NL", "BD", "Oezbekistan"]


def test_removing_a_row_keeps_positions_contiguous_and_row_numbers_those_of_the_download(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    rows = [*VALID_CHAIN, ("XX", "Spinner", "Narnia", "spinning", "Thread/Yarn", "DHK", "")]
    replace_draft(session=session, contract=contract, rows=chain_rows(rows))
    middle, last = draft(session, contract)[1], draft(session, contract)[3]
    url = f"/contracts/{contract.id}/chain/rows/{middle.id}"
    response = supplier.delete(url, headers=htmx(supplier))
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "chain-changed"
    remaining = draft(session, contract)
    assert [(row.position, row.site_id) for row in remaining] == [(0, "WN"), (1, "TMC"), (2, "XX")]
    # the spinner is row 4 now, and its messages say so; its and the farm's customer DHK is gone
    assert '<th scope="row">4</th>' in site_row(response.text, last.id)
    assert "Rij 4, kolom &#34;country&#34;: &#34;Narnia&#34;" in cell(response.text, last.id, "country")
    assert "Rij 3, kolom &#34;supplies_to&#34;: &#34;DHK&#34;" in cell(
        response.text, remaining[1].id, "supplies_to"
    )
    assert supplier.delete(url, headers=htmx(supplier)).status_code == 404  # removed once


def competing_add(monkeypatch: pytest.MonkeyPatch, engine: Engine, *, times: int) -> None:
    """Another request adds a site at the position an add has just chosen, `times` times over, as two
    tabs saving at the same moment would."""
    choose = chain_form._next_position
    left = [times]

    def chosen_then_taken(session: Session, contract_id: int) -> int:
        position = choose(session, contract_id)
        if left[0] > 0:
            left[0] -= 1
            with Session(engine) as other:
                other.add(
                    ChainDraftRow(contract_id=contract_id, position=position, site_id=f"OTHER{position}")
                )
                other.commit()
        return position

    monkeypatch.setattr(chain_form, "_next_position", chosen_then_taken)


def test_a_site_added_at_the_same_moment_as_another_takes_the_next_position(
    supplier: TestClient,
    session: Session,
    engine: Engine,
    contract: Contract,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN[:1]))
    competing_add(monkeypatch, engine, times=1)
    response = supplier.post(
        f"/contracts/{contract.id}/chain/rows", data={"id": "DHK", "name": "Dhaka"}, headers=htmx(supplier)
    )
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "chain-changed"
    assert [(row.position, row.site_id) for row in draft(session, contract)] == [
        (0, "WN"),
        (1, "OTHER1"),
        (2, "DHK"),
    ]


def test_a_site_that_keeps_losing_its_position_is_not_saved_and_the_supplier_told_so(
    supplier: TestClient,
    session: Session,
    engine: Engine,
    contract: Contract,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    competing_add(monkeypatch, engine, times=chain_form.ADD_ATTEMPTS)
    response = supplier.post(
        f"/contracts/{contract.id}/chain/rows", data={"id": "DHK", "name": "Dhaka"}, headers=htmx(supplier)
    )
    assert response.status_code == 200 and "HX-Trigger" not in response.headers
    assert "de locatie is niet opgeslagen. Probeer het opnieuw." in response.text
    assert 'value="Dhaka"' in response.text  # still as typed, to save again
    assert "DHK" not in [row.site_id for row in draft(session, contract)]


def test_removing_a_site_that_another_removal_moved_up_removes_it_where_it_is_now(
    session: Session, engine: Engine, contract: Contract
) -> None:
    rows = [*VALID_CHAIN, ("XX", "Spinner", "UZ", "spinning", "Thread/Yarn", "DHK", "")]
    replace_draft(session=session, contract=contract, rows=chain_rows(rows))
    with Session(engine) as other:  # another tab loaded the farm (position 2) and removes it later
        other_contract = other.get(Contract, contract.id)
        assert other_contract is not None
        farm = next(row for row in draft(other, other_contract) if row.site_id == "TMC")
        remove_site(session=session, contract=contract, row=draft(session, contract)[1])  # DHK
        remove_site(session=other, contract=other_contract, row=farm)
    assert [(row.position, row.site_id) for row in draft(session, contract)] == [(0, "WN"), (1, "XX")]


def test_a_site_removed_in_another_tab_is_not_found_when_saved(
    session: Session, engine: Engine, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    with Session(engine) as other:  # another tab loaded the farm and saves it after this one removed it
        other_contract = other.get(Contract, contract.id)
        assert other_contract is not None
        farm = draft(other, other_contract)[2]
        remove_site(session=session, contract=contract, row=draft(session, contract)[2])
        with pytest.raises(LookupError):
            change_site(session=other, contract=other_contract, row=farm, cells=SiteCells(id="TMC"))
    assert [row.site_id for row in draft(session, contract)] == ["WN", "DHK"]


def test_messages_next_to_the_fields_are_those_of_the_command_line(
    supplier: TestClient,
    session: Session,
    contract: Contract,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = [
        ("C", "Contractor", "NL", "trading", "Garments", "", ""),
        ("F", "Farm", "Narnia", "farming", "Cotton;Wombat", "C", "100"),
        ("S", "Spinner", "TR", "spining", "Thread/Yarn", "X", "50"),
    ]
    replace_draft(session=session, contract=contract, rows=chain_rows(rows))
    ids = {row.site_id: row.id for row in draft(session, contract)}
    path = tmp_path / "chain.csv"
    path.write_text("\n".join([",".join(COLUMNS), *(",".join(row) for row in rows)]) + "\n", encoding="utf-8")
    # where each finding `chainmap validate` prints belongs, in the order it prints them
    places = [
        ("F", "country", "error"),
        ("F", "goods", "warning"),
        ("S", "activity", "warning"),
        ("S", "supplies_to", "error"),  # "X" is not the id of any row
        ("S", "supplies_to", "error"),  # so what S supplies never reaches the contractor
    ]
    for cli_lang, headers, words in (
        (["--lang", "nl"], {}, {"error": "fout", "warning": "waarschuwing"}),
        ([], EN, {"error": "error", "warning": "warning"}),
    ):
        capsys.readouterr()
        main([*cli_lang, "validate", str(path)])
        output = capsys.readouterr()
        printed = [
            line.split(": ", 1)
            for line in (output.out + output.err).splitlines()
            if line.startswith((f"{words['error']}: ", f"{words['warning']}: "))
        ]
        assert len(printed) == len(places)
        page = supplier.get(f"/contracts/{contract.id}/chain", headers=headers).text
        for (severity, message), (site, column, kind) in zip(printed, places, strict=True):
            assert severity == words[kind]
            html = cell(page, ids[site], column)
            assert str(escape(message)) in html, (message, html)
            assert f"finding-{kind}" in html
            assert ("has-error" if kind == "error" else "has-warning") in html
        assert "Fout:" in page if not headers else "Error:" in page
        assert "Locaties: 3 · fouten: 3 · waarschuwingen: 2" in page if not headers else "errors: 3" in page


def test_findings_about_the_whole_chain_are_listed_above_the_table(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    rows = [("A", "Site A", "NL", "trading", "", "B", ""), ("B", "Site B", "DE", "trading", "", "A", "")]
    replace_draft(session=session, contract=contract, rows=chain_rows(rows))
    page = supplier.get(f"/contracts/{contract.id}/chain", headers=EN).text
    listed = page[page.index('class="chain-findings"') : page.index("<table")]
    assert "Every row has a customer in &#34;supplies_to&#34;, so the chain has no contractor." in listed
    assert "finding-error" in listed
    assert "Fix the errors in the table to see the risks of this chain." in page
    assert "Top " not in page  # no hotspots of an invalid chain


def test_the_preview_shows_the_hotspots_and_structure_of_a_valid_draft(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    url = f"/contracts/{contract.id}/chain/preview"
    english = supplier.get(url, headers={**htmx(supplier), **EN})
    assert english.status_code == 200 and "<html" not in english.text
    hotspots = re.findall(r'<tr class="level-(\d)">(.*?)</tr>', english.text, re.DOTALL)
    farm = [
        row for level, row in hotspots if "Turkmen Cotton Farm" in row and "<td>forced labour</td>" in row
    ]
    assert hotspots[0][0] == "4" and len(farm) == 1
    assert "<td>forced labour</td>" in farm[0] and '<span class="level">very high</span>' in farm[0]
    assert "<td>Turkmenistan</td>" in farm[0] and "Cotton from Turkmenistan is on the US DOL list" in farm[0]
    assert "Sites per tier" in english.text and "tier 2: 1" in english.text
    assert "Traced to raw material</dt><dd>100.0%" in english.text
    assert "Exposure by country</dt>\n    <dd>Turkmenistan: 100.0%" in english.text
    assert "No match is not clearance" in english.text
    dutch = supplier.get(url, headers=htmx(supplier)).text
    assert "dwangarbeid" in dutch and "zeer hoog" in dutch and "Katoen uit Turkmenistan" in dutch
    assert "Herleid tot grondstof</dt><dd>100,0%" in dutch and "schakel 0: 1" in dutch
    # the page holds the same preview, reloading itself when the table changes
    page = supplier.get(f"/contracts/{contract.id}/chain").text
    assert 'hx-trigger="chain-changed from:body"' in page and "zeer hoog" in page


def test_the_preview_asks_to_fix_the_errors_first(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    rows = [*VALID_CHAIN, ("X", "Unknown spinner", "Narnia", "spinning", "", "DHK", "")]
    replace_draft(session=session, contract=contract, rows=chain_rows(rows))
    url = f"/contracts/{contract.id}/chain/preview"
    assert "Verbeter de fouten in de tabel" in supplier.get(url, headers=htmx(supplier)).text
    assert "Fix the errors in the table" in supplier.get(url, headers={**htmx(supplier), **EN}).text
    # a warning does not block the preview
    rows[-1] = ("X", "Spinner", "TR", "embroidery", "", "DHK", "")
    replace_draft(session=session, contract=contract, rows=chain_rows(rows))
    preview = supplier.get(url, headers=htmx(supplier)).text
    assert "Verbeter de fouten" not in preview and "risicopunten" in preview


def test_submitting_makes_version_1_and_then_2_from_the_draft_that_stays(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    url = f"/contracts/{contract.id}/chain/submit"
    response = supplier.post(url, data={"csrf_token": csrf(supplier)}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, f"/contracts/{contract.id}")
    user = session.exec(select(User).where(User.email == SUPPLIER)).one()
    version = session.exec(select(ChainVersion)).one()
    assert (version.number, version.submitted_by_user_id, version.site_count) == (1, user.id, 3)
    assert version.submitted_at is not None and version.rows[2][:3] == ["TMC", "Turkmen Cotton Farm", "TM"]
    session.refresh(contract)
    assert contract.status is ContractStatus.SUBMITTED

    page = supplier.get(f"/contracts/{contract.id}/chain").text
    assert "Versie 1 is ingediend op" in page and "door Test Gebruiker" in page
    assert len(draft(session, contract)) == 3  # the draft stays, as the start of the next version
    farm = draft(session, contract)[2]
    cells = dict(zip(COLUMNS, VALID_CHAIN[2], strict=True)) | {"country": "UZ"}
    edited = supplier.put(
        f"/contracts/{contract.id}/chain/rows/{farm.id}", data=cells, headers=htmx(supplier)
    )
    assert edited.status_code == 200
    session.expire_all()
    assert session.exec(select(ChainVersion)).one().rows[2][2] == "TM"  # the version does not change

    assert supplier.post(url, data={"csrf_token": csrf(supplier)}, follow_redirects=False).status_code == 303
    numbers = session.exec(select(ChainVersion.number, ChainVersion.rows).order_by(col(ChainVersion.number)))
    assert [(number, rows[2][2]) for number, rows in numbers] == [(1, "TM"), (2, "UZ")]
    assert "Version 2 was submitted on" in supplier.get(f"/contracts/{contract.id}/chain", headers=EN).text


def test_a_draft_with_errors_is_not_submitted(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    rows = [*VALID_CHAIN, ("X", "Spinner", "Narnia", "spinning", "", "DHK", "")]
    replace_draft(session=session, contract=contract, rows=chain_rows(rows))
    response = supplier.post(f"/contracts/{contract.id}/chain/submit", data={"csrf_token": csrf(supplier)})
    assert response.status_code == 400
    assert "De keten is niet ingediend: verbeter eerst deze fouten." in response.text
    refused = response.text[response.text.index('class="submit"') :]
    assert "Rij 5, kolom &#34;country&#34;: &#34;Narnia&#34; is geen land dat wij kennen" in refused
    assert session.exec(select(ChainVersion)).all() == []
    replace_draft(session=session, contract=contract, rows=[])
    empty = supplier.post(
        f"/contracts/{contract.id}/chain/submit", data={"csrf_token": csrf(supplier)}, headers=EN
    )
    assert empty.status_code == 400 and "The file holds no sites." in empty.text
    assert session.exec(select(ChainVersion)).all() == []


def test_every_change_needs_the_csrf_token(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    farm = draft(session, contract)[2]
    rows_url = f"/contracts/{contract.id}/chain/rows"
    cells = dict(zip(COLUMNS, VALID_CHAIN[2], strict=True)) | {"country": "UZ"}
    without = {"HX-Request": "true"}
    wrong = {"HX-Request": "true", "X-CSRF-Token": "not-the-token"}
    for headers in (without, wrong):
        assert supplier.post(rows_url, data=cells, headers=headers).status_code == 400
        assert supplier.put(f"{rows_url}/{farm.id}", data=cells, headers=headers).status_code == 400
        assert supplier.delete(f"{rows_url}/{farm.id}", headers=headers).status_code == 400
    submit = supplier.post(f"/contracts/{contract.id}/chain/submit", data={"csrf_token": "wrong"})
    assert submit.status_code == 400 and "Het formulier is verlopen" in submit.text
    assert [row.country for row in draft(session, contract)] == ["NL", "BD", "TM"]
    assert session.exec(select(ChainVersion)).all() == []


def test_the_supplier_sees_the_buyers_revision_request_while_editing(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    supplier.post(f"/contracts/{contract.id}/chain/submit", data={"csrf_token": csrf(supplier)})
    buyer = make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER, organisation="Gemeente Testdorp")
    version = session.exec(select(ChainVersion)).one()
    review_version(
        session=session,
        contract=contract,
        version=version,
        user=buyer,
        decision=ReviewDecision.REVISION_REQUESTED,
        comment="Noem de spinnerij <b>bij naam</b>.",
    )
    page = supplier.get(f"/contracts/{contract.id}/chain").text
    assert "De opdrachtgever vraagt een herziening van versie 1" in page
    assert "Noem de spinnerij &lt;b&gt;bij naam&lt;/b&gt;." in page
    english = supplier.get(f"/contracts/{contract.id}/chain", headers=EN).text
    assert "The buyer requested a revision of version 1" in english


def test_the_whole_form_is_in_english_too(supplier: TestClient, session: Session, contract: Contract) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    page = supplier.get(f"/contracts/{contract.id}/chain", headers=EN).text
    for text in (
        "Supply chain",
        "Add a site",
        "Submit the chain",
        "Supplies to",
        "Risk preview of the draft",
    ):
        assert text in page
    assert "Upload a file or download the chain / template" in page
    assert '<option value="spinning">' in page and '<option value="spinnen">' not in page
    dutch = supplier.get(f"/contracts/{contract.id}/chain").text
    assert "Locatie toevoegen" in dutch and '<option value="spinnen">' in dutch
    assert 'Cotton <span class="label">(katoen)</span>' in dutch


def test_a_full_draft_takes_no_more_sites(
    supplier: TestClient, session: Session, contract: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CHAINMAP_MAX_SITES bounds the form as it bounds uploads
    monkeypatch.setattr(supplier.app.state.settings, "max_sites", 3)  # type: ignore[attr-defined]
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    cells = {"id": "Y", "name": "Yarn", "country": "IN", "activity": "spinning", "supplies_to": "DHK"}
    response = supplier.post(f"/contracts/{contract.id}/chain/rows", data=cells, headers=htmx(supplier))
    assert response.status_code == 200 and "hoogstens 3 locaties" in response.text
    assert len(draft(session, contract)) == 3


def _routes(contract_id: int, row_id: int) -> list[tuple[str, str]]:
    base = f"/contracts/{contract_id}/chain"
    return [
        ("GET", base),
        ("GET", f"{base}/table"),
        ("GET", f"{base}/preview"),
        ("GET", f"{base}/rows/new"),
        ("POST", f"{base}/rows"),
        ("GET", f"{base}/rows/{row_id}"),
        ("GET", f"{base}/rows/{row_id}/edit"),
        ("PUT", f"{base}/rows/{row_id}"),
        ("DELETE", f"{base}/rows/{row_id}"),
        ("POST", f"{base}/submit"),
    ]


def _try_every_route(client: TestClient, contract_id: int, row_id: int) -> dict[str, int]:
    token = csrf(client)
    answers = {}
    for method, url in _routes(contract_id, row_id):
        data = {"csrf_token": token, "id": "HACK", "name": "x", "country": "NL", "activity": "trading"}
        response = client.request(
            method,
            url,
            data=data if method in ("POST", "PUT") else None,
            headers={"HX-Request": "true", "X-CSRF-Token": token},
        )
        for secret in ("Turkmen Cotton Farm", "TMC", "Werkkleding Nederland"):
            assert secret not in response.text, (method, url, secret)
        answers[f"{method} {url}"] = response.status_code
    return answers


@pytest.mark.parametrize("role", [Role.BUYER, Role.CONTRACT_MANAGER])
def test_the_buyer_side_of_the_contract_gets_403(
    client: TestClient, session: Session, contract: Contract, role: Role
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    row_id = draft(session, contract)[0].id
    assert row_id is not None
    make_user(session, email="koper@testdorp.nl", role=role, organisation="Gemeente Testdorp")
    log_in(client, "koper@testdorp.nl")
    assert client.get(f"/contracts/{contract.id}").status_code == 200  # the contract itself they see
    answers = _try_every_route(client, contract.id or 0, row_id)
    assert set(answers.values()) == {403}, answers
    assert len(draft(session, contract)) == 3 and session.exec(select(ChainVersion)).all() == []


@pytest.mark.parametrize(
    ("email", "role", "organisation"),
    [
        ("inkoper@elders.nl", Role.BUYER, "Gemeente Elders"),
        ("contractmanager@elders.nl", Role.CONTRACT_MANAGER, "Gemeente Elders"),
        ("verkoop@andere-leverancier.nl", Role.SUPPLIER, "Andere Leverancier BV"),
        ("beheer@chainmap.nl", Role.ADMIN, None),
        ("inkoper@werkkleding.nl", Role.BUYER, "Werkkleding BV"),  # a buyer organisation of the same name
    ],
)
def test_outsiders_get_404_on_every_route(
    client: TestClient, session: Session, contract: Contract, email: str, role: Role, organisation: str | None
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    row_id = draft(session, contract)[0].id
    assert row_id is not None
    make_user(session, email=email, role=role, organisation=organisation)
    log_in(client, email)
    answers = _try_every_route(client, contract.id or 0, row_id)
    assert set(answers.values()) == {404}, answers
    assert len(draft(session, contract)) == 3 and session.exec(select(ChainVersion)).all() == []
    assert draft(session, contract)[0].site_id == "WN"


def test_a_row_of_one_contract_is_not_found_through_another(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    row_id = draft(session, contract)[0].id
    assert row_id is not None
    ours_too = make_contract(session, supplier="Werkkleding BV", reference="WK-2")  # same supplier
    make_contract(session, buyer="Gemeente Elders", supplier="Steen BV", reference="ST-1")
    base = f"/contracts/{ours_too.id}/chain/rows/{row_id}"
    headers = htmx(supplier)
    cells = {"id": "HACK", "name": "x", "country": "NL", "activity": "trading"}
    assert supplier.get(f"{base}/edit", headers=headers).status_code == 404
    assert supplier.get(base, headers=headers).status_code == 404
    assert supplier.put(base, data=cells, headers=headers).status_code == 404
    assert supplier.delete(base, headers=headers).status_code == 404
    assert [row.site_id for row in draft(session, contract)] == ["WN", "DHK", "TMC"]


def test_every_route_needs_a_login(client: TestClient, session: Session, contract: Contract) -> None:
    for method, url in _routes(contract.id or 0, 1):
        response = client.request(method, url, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/login"), (method, url)


def short_share_rows(customers: int) -> list[ChainRow]:
    """A valid chain in which each of `customers` makers gets 50% of its input from its only supplier:
    one warning of one kind per maker."""
    rows = [("WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", "")]
    for i in range(customers):
        rows.append((f"M{i}", f"Maker {i}", "BD", "cut-make-trim", "Garments", "WN", ""))
        rows.append((f"S{i}", f"Weaver {i}", "BD", "weaving", "Fabric", f"M{i}", "50"))
    return chain_rows(rows)


def test_many_findings_of_one_kind_are_one_line_above_the_table_with_every_one_on_demand(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=short_share_rows(6))
    page = supplier.get(f"/contracts/{contract.id}/chain", headers=EN).text
    groups = page[page.index('class="chain-findings finding-groups"') : page.index("<table")]
    assert "Findings that occur often" in groups
    assert (
        "6 customers whose suppliers&#39; shares add up to less than 100%: M0, M1, M2, M3, M4 and 1 more."
        in groups
    )
    details = groups[groups.index("<details") : groups.index("</details>")]
    assert "<summary>Show all 6</summary>" in details
    rows = draft(session, contract)
    for position in range(0, 12, 2):  # each maker's row, linked to its row of the table
        number = position + 3
        link = (
            f'<a href="/contracts/{contract.id}/chain?page=1#site-{rows[position + 1].id}">Row {number}</a>'
        )
        assert f"{link}: Every supplier of" in details
    assert details.count("<li>") == 6
    # Each maker's share cell still carries its own warning.
    assert "has-warning" in cell(page, rows[1].id, "share")
    dutch = supplier.get(f"/contracts/{contract.id}/chain").text
    assert "6 afnemers van wie de aandelen" in dutch and "Toon alle 6" in dutch


def test_three_findings_of_one_kind_are_not_grouped(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=short_share_rows(3))
    page = supplier.get(f"/contracts/{contract.id}/chain", headers=EN).text
    assert "finding-groups" not in page and "Show all" not in page
    assert page.count("has-warning") == 3


def test_the_region_is_saved_with_the_site_and_submitted_with_the_version(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    for cells in VALID_CHAIN:
        data = dict(zip(COLUMNS, cells, strict=True))
        response = supplier.post(f"/contracts/{contract.id}/chain/rows", data=data, headers=htmx(supplier))
        assert response.status_code == 200
    rows = draft(session, contract)
    assert [row.region for row in rows] == ["", "", "Dashoguz"]
    page = supplier.get(f"/contracts/{contract.id}/chain", headers=EN).text
    assert "Region <code>region</code>" in page and "Dashoguz" in cell(page, rows[2].id, "region")
    edited = dict(zip(COLUMNS, VALID_CHAIN[2], strict=True)) | {"region": "Xinjiang"}
    response = supplier.put(
        f"/contracts/{contract.id}/chain/rows/{rows[2].id}", data=edited, headers=htmx(supplier)
    )
    assert response.status_code == 200
    assert draft(session, contract)[2].region == "Xinjiang"
    url = f"/contracts/{contract.id}/chain/submit"
    response = supplier.post(url, data={"csrf_token": csrf(supplier)}, follow_redirects=False)
    assert response.status_code == 303
    version = session.exec(select(ChainVersion).where(ChainVersion.contract_id == contract.id)).one()
    assert [cells[-1] for cells in version.rows] == ["", "", "Xinjiang"]
