"""The chain form of a large draft: 50 sites a page, searched, filtered and sorted through the URL, an edit
answered with only the rows and counts it changed, the validated draft kept only while it is the stored
one, two people editing one site, and URLs made up by an attacker."""

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session

from chainmap.chain import COLUMNS, ChainRow
from models import Contract, Role
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_chain_form import (
    SUPPLIER,
    VALID_CHAIN,
    chain_rows,
    draft,
    htmx,
    site_row,
)
from tests.web.test_contracts import EN, log_in
from web.paging import QUERY_LENGTH
from web.services import chain_form
from web.services.chain_form import SiteCells
from web.services.chains import replace_draft


def big_chain(makers: int) -> list[ChainRow]:
    """A valid chain: the contractor WN and `makers` makers supplying it, in Bangladesh (even ones) and
    India (odd ones), each named "Maker i" with id "M{i}"."""
    rows = [("WN", "Werkkleding Nederland BV", "NL", "trading", "Garments", "", "", "")]
    rows += [
        (f"M{i}", f"Maker {i}", "BD" if i % 2 == 0 else "IN", "cut-make-trim", "Garments", "WN", "", "")
        for i in range(makers)
    ]
    return chain_rows(rows)


def shown_numbers(page: str) -> list[int]:
    """The row numbers of the table's rows, in order."""
    return [int(number) for number in re.findall(r'<th scope="row">(\d+)</th>', page)]


@pytest.fixture
def contract(session: Session) -> Contract:
    return make_contract(session, supplier="Werkkleding BV", reference="WK-1")


@pytest.fixture
def supplier(client: TestClient, session: Session, contract: Contract) -> TestClient:
    make_user(session, email=SUPPLIER, role=Role.SUPPLIER, organisation="Werkkleding BV")
    log_in(client, SUPPLIER)
    return client


@pytest.fixture
def big(session: Session, contract: Contract) -> Contract:
    replace_draft(session=session, contract=contract, rows=big_chain(120))
    return contract


def test_a_large_draft_shows_50_rows_a_page_with_a_pager_kept_in_the_url(
    supplier: TestClient, big: Contract
) -> None:
    page = supplier.get(f"/contracts/{big.id}/chain").text
    assert shown_numbers(page) == list(range(2, 52))
    assert "Locaties: 121 · fouten: 0 · waarschuwingen: 0" in page
    assert 'aria-label="Pagina&#39;s met locaties"' in page and "Pagina 1 van 3" in page
    assert f'href="/contracts/{big.id}/chain?page=2&amp;sort=row"' in page
    third = supplier.get(f"/contracts/{big.id}/chain?page=3", headers=htmx(supplier)).text
    assert "<html" not in third and shown_numbers(third) == list(range(102, 123))
    # the save and remove buttons carry the page, so that their answer is for it
    assert f'hx-delete="/contracts/{big.id}/chain/rows/' in third and "?page=3" in third


def test_search_finds_id_name_and_country_in_the_pages_language(supplier: TestClient, big: Contract) -> None:
    by_id = supplier.get(f"/contracts/{big.id}/chain?q=m11", headers=htmx(supplier)).text
    assert shown_numbers(by_id) == [14, *range(113, 123)]  # M11, M110..M119
    assert 'value="m11"' in by_id
    by_name = supplier.get(f"/contracts/{big.id}/chain?q=Nederland+BV", headers=htmx(supplier)).text
    assert shown_numbers(by_name) == [2]
    dutch = supplier.get(f"/contracts/{big.id}/chain?q=bangladesh&sort=id", headers=htmx(supplier)).text
    english = supplier.get(
        f"/contracts/{big.id}/chain?q=bangladesh&sort=id", headers={**htmx(supplier), **EN}
    ).text
    assert len(shown_numbers(dutch)) == len(shown_numbers(english)) == 50
    assert "Pagina 1 van 2" in dutch and "60 locaties" not in dutch
    nothing = supplier.get(f"/contracts/{big.id}/chain?q=zzz", headers=htmx(supplier)).text
    assert shown_numbers(nothing) == [] and "Geen locatie past bij deze zoekopdracht" in nothing
    assert "Toon alle locaties" in nothing


def test_filters_by_country_tier_and_findings_and_the_natural_order_of_ids(
    supplier: TestClient, session: Session, big: Contract
) -> None:
    base = f"/contracts/{big.id}/chain"
    india = supplier.get(f"{base}?country=IN&sort=id", headers=htmx(supplier)).text
    assert shown_numbers(india) == [3 + i for i in range(1, 100, 2)][:50]  # M1, M3, M5, ... naturally
    assert '<option value="IN" selected>India</option>' in india
    contractor = supplier.get(f"{base}?tier=0", headers=htmx(supplier)).text
    assert shown_numbers(contractor) == [2]
    makers = supplier.get(f"{base}?tier=1&sort=id&desc=1&page=3", headers=htmx(supplier)).text
    assert shown_numbers(makers) == list(range(22, 2, -1)) and "Pagina 3 van 3" in makers  # M19..M0
    assert supplier.get(f"{base}?findings=errors", headers=htmx(supplier)).text.count("<tr id=") == 0

    rows = [*big_chain(120)]
    rows[6] = ChainRow(8, "M5", "Maker 5", "Narnia", "cut-make-trim", "Garments", "NOPE", "", "")
    replace_draft(session=session, contract=big, rows=rows)
    page = supplier.get(base).text
    # an unknown country, an unknown customer, and what M5 supplies never reaches the contractor
    assert "3 fouten in 1 rijen, 0 waarschuwingen in 0 rijen." in page
    assert f'href="{base}?findings=errors"' in page
    errors = supplier.get(f"{base}?findings=errors", headers=htmx(supplier)).text
    assert shown_numbers(errors) == [8]
    unknown = supplier.get(f"{base}?country=none", headers=htmx(supplier)).text
    assert shown_numbers(unknown) == [8]


def changed_rows(answer: str) -> set[str]:
    """The ids of the rows an answer replaces out of band."""
    return set(re.findall(r'<tr id="site-(\d+)"[^>]*hx-swap-oob="true"', answer))


def test_an_edit_answers_with_only_the_rows_of_the_page_whose_messages_changed(
    supplier: TestClient, session: Session, big: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("web.routes.chain_form.LIVE_PREVIEW_SITES", 100)
    rows = draft(session, big)
    contractor, maker = rows[0], rows[1]
    url = f"/contracts/{big.id}/chain/rows/{contractor.id}?page=1"
    form = supplier.get(f"/contracts/{big.id}/chain/rows/{contractor.id}/edit?page=1", headers=htmx(supplier))
    revision = re.search(r'name="revision" value="(\d+)"', form.text)
    assert revision is not None and f'hx-put="{url}"' in form.text
    cells = dict(zip(COLUMNS, VALID_CHAIN[0], strict=True)) | {"id": "WNX", "revision": revision.group(1)}
    answer = supplier.put(url, data=cells, headers=htmx(supplier))
    assert answer.status_code == 200 and answer.text.lstrip().startswith(f'<tr id="site-{contractor.id}">')
    # every maker names WN, which is gone: the 49 makers of page 1 change, no row of another page does
    assert changed_rows(answer.text) == {str(row.id) for row in rows[1:50]}
    assert "&#34;WN&#34; is niet het id van een rij" in site_row(answer.text, maker.id)
    assert "Locaties: 121 · fouten: 240" in answer.text  # no contractor, and 120 unknown customers
    assert "<table" not in answer.text and answer.text.count("<tr id=") == 50
    # the preview of a draft of this size is marked out of date instead of recomputed
    assert "HX-Trigger" not in answer.headers and "Risicovoorbeeld bijwerken" in answer.text

    cells |= {"name": "Werkkleding NL", "revision": str(draft(session, big)[0].revision)}
    renamed = supplier.put(url, data=cells, headers=htmx(supplier))
    assert renamed.status_code == 200 and changed_rows(renamed.text) == set()  # no other row changed


def test_someone_elses_change_of_the_same_site_is_not_overwritten_unseen(
    supplier: TestClient, session: Session, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    farm = draft(session, contract)[2]
    seen = str(farm.revision)
    url = f"/contracts/{contract.id}/chain/rows/{farm.id}"
    mine = dict(zip(COLUMNS, VALID_CHAIN[2], strict=True)) | {"revision": seen}
    theirs = mine | {"name": "Their farm"}
    assert supplier.put(url, data=theirs, headers=htmx(supplier)).status_code == 200
    refused = supplier.put(url, data=mine | {"name": "My farm"}, headers=htmx(supplier))
    assert refused.status_code == 200 and "HX-Trigger" not in refused.headers
    assert "Iemand anders heeft deze locatie gewijzigd" in refused.text
    assert 'value="My farm"' in refused.text  # what was typed stays
    assert draft(session, contract)[2].name == "Their farm"
    current = re.search(r'name="revision" value="(\d+)"', refused.text)
    assert current is not None and current.group(1) == str(draft(session, contract)[2].revision) != seen
    again = supplier.put(
        url, data=mine | {"name": "My farm", "revision": current.group(1)}, headers=htmx(supplier)
    )
    assert again.status_code == 200 and draft(session, contract)[2].name == "My farm"


def test_the_kept_draft_is_not_shown_after_an_upload_or_a_change_made_elsewhere(
    supplier: TestClient, session: Session, engine: Engine, contract: Contract
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    assert "Turkmen Cotton Farm" in supplier.get(f"/contracts/{contract.id}/chain").text
    # an upload replaces the draft (on SQLite its rows may get the old ids again)
    replaced = [*VALID_CHAIN[:2], ("TMC", "Uzbek Cotton Farm", "UZ", "farming", "Cotton", "DHK", "100", "")]
    replace_draft(session=session, contract=contract, rows=chain_rows(replaced))
    page = supplier.get(f"/contracts/{contract.id}/chain").text
    assert "Uzbek Cotton Farm" in page and "Turkmen Cotton Farm" not in page
    with engine.begin() as connection:  # another process changes a cell
        connection.execute(
            text("UPDATE chain_draft_rows SET name = 'Elsewhere', revision = 7 WHERE site_id = 'DHK'")
        )
    assert "Elsewhere" in supplier.get(f"/contracts/{contract.id}/chain").text


def test_the_preview_of_a_large_draft_is_asked_for_once_the_page_is_shown_and_kept(
    supplier: TestClient, big: Contract, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("web.routes.chain_form.LIVE_PREVIEW_SITES", 100)
    page = supplier.get(f"/contracts/{big.id}/chain").text
    assert "Het risicovoorbeeld wordt berekend" in page
    assert 'hx-trigger="load, chain-changed from:body"' in page
    analyses = []
    analyse = chain_form.analyse_built
    monkeypatch.setattr(chain_form, "analyse_built", lambda *a, **k: analyses.append(1) or analyse(*a, **k))
    preview = supplier.get(f"/contracts/{big.id}/chain/preview", headers=htmx(supplier)).text
    assert "schakel 1: 120" in preview and "Het risicovoorbeeld wordt berekend" not in preview
    supplier.get(f"/contracts/{big.id}/chain/preview", headers=htmx(supplier))
    assert analyses == [1]  # the second time from memory


@pytest.mark.parametrize(
    "query",
    [
        "page=1000000000",
        "page=-5",
        "page=1e9",
        "sort=position;DROP",
        "findings=all",
        "country=XX",
        "country=%3Cscript%3E",
        "tier=99",
        "tier=-1",
        "tier=1" + "0" * 400,
        "desc=yes",
    ],
)
def test_made_up_paging_and_filter_values_show_a_page_of_the_table(
    supplier: TestClient, big: Contract, query: str
) -> None:
    answer = supplier.get(f"/contracts/{big.id}/chain?{query}", headers=htmx(supplier))
    assert answer.status_code == 200
    numbers = shown_numbers(answer.text)
    assert len(numbers) in (21, 50)  # the first or the last page, unfiltered
    assert "<script" not in answer.text and "DROP" not in answer.text


def test_a_search_of_10_kb_is_cut_not_refused(supplier: TestClient, big: Contract) -> None:
    answer = supplier.get(
        f"/contracts/{big.id}/chain", params={"q": "M1" + "x" * 10_000}, headers=htmx(supplier)
    )
    assert answer.status_code == 200 and shown_numbers(answer.text) == []
    field = re.search(r'<input type="search" id="chain-q" name="q" value="([^"]*)"', answer.text)
    assert field is not None and len(field.group(1)) == QUERY_LENGTH


def test_another_organisations_rows_are_not_reached_through_the_page_or_its_changes(
    supplier: TestClient, session: Session, big: Contract
) -> None:
    theirs = make_contract(session, buyer="Gemeente Elders", supplier="Steen BV", reference="ST-1")
    replace_draft(
        session=session,
        contract=theirs,
        rows=chain_rows([("SECRET", "Secret Quarry", "CN", "quarrying", "Granite", "", "", "")]),
    )
    secret = draft(session, theirs)[0]
    base = f"/contracts/{big.id}/chain/rows/{secret.id}"
    headers = htmx(supplier)
    cells = {"id": "HACK", "revision": str(secret.revision)}
    for answer in (
        supplier.get(base, headers=headers),
        supplier.get(f"{base}/edit", headers=headers),
        supplier.put(base, data=cells, headers=headers),
        supplier.delete(base, headers=headers),
        supplier.get(f"/contracts/{theirs.id}/chain?q=Secret", headers=headers),
    ):
        assert answer.status_code == 404 and "Secret Quarry" not in answer.text
    assert supplier.get(f"/contracts/{big.id}/chain?q=Secret", headers=headers).text.count("<tr id=") == 0
    assert draft(session, theirs)[0].site_id == "SECRET"


@pytest.mark.parametrize("revision", ["abc", "-1", "9" * 11, "１２"])
def test_a_made_up_revision_is_no_revision(
    supplier: TestClient, session: Session, contract: Contract, revision: str
) -> None:
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    farm = draft(session, contract)[2]
    cells = dict(zip(COLUMNS, VALID_CHAIN[2], strict=True)) | {"name": "Farm", "revision": revision}
    answer = supplier.put(
        f"/contracts/{contract.id}/chain/rows/{farm.id}", data=cells, headers=htmx(supplier)
    )
    assert answer.status_code in (200, 422)
    if answer.status_code == 200:
        assert draft(session, contract)[2].name == "Farm"


def test_a_change_saved_between_loading_a_site_and_saving_it_is_not_overwritten(
    session: Session, engine: Engine, contract: Contract
) -> None:
    """Two requests load the farm; the first saves; the second's save finds another revision in the
    database (StaleDataError) and is refused, without a revision sent to compare."""
    replace_draft(session=session, contract=contract, rows=chain_rows(VALID_CHAIN))
    with Session(engine) as other:
        other_contract = other.get(Contract, contract.id)
        assert other_contract is not None
        late = draft(other, other_contract)[2]
        first = draft(session, contract)[2]
        chain_form.change_site(
            session=session, contract=contract, row=first, cells=SiteCells(id="TMC", name="First")
        )
        with pytest.raises(chain_form.SiteRefused) as refused:
            chain_form.change_site(
                session=other, contract=other_contract, row=late, cells=SiteCells(id="TMC", name="Late")
            )
        assert refused.value.problems == {"form": ("chain_form.error.changed_meanwhile", {})}
    assert draft(session, contract)[2].name == "First"
