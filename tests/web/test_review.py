"""The buyer's risk review of a submitted chain version: the graph (a node per site, coloured by level for a
theme or the highest, sized by exposure), a site's details, the hotspot filter, the structure summary, the
changes since the previous version, the decision, and who may see and do what."""

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import Session, func, select

from chainmap.analysis import ChainAnalysis, analyse_built
from chainmap.chain import ChainRow
from chainmap.chainfile import read_chain_file
from chainmap.reference import load_reference
from chainmap.validation import build_chain
from models import ChainReview, ChainVersion, Contract, ContractStatus, ReviewDecision, Role, User, UserCreate
from tests.factories.chain_versions import make_version
from tests.factories.contracts import make_contract
from tests.factories.users import PASSWORD, make_user
from tests.unit.test_demo_chains import GARMENTS, GARMENTS_2027
from tests.web.test_contracts import csrf, log_in
from web.services import review as review_service
from web.services.chains import review_version
from web.services.users import create_user

EN: Final = {"Accept-Language": "en-GB,en;q=0.9"}
HTMX: Final = {"HX-Request": "true"}
TITLE: Final = "Werkkleding buitendienst"
NODE: Final = re.compile(
    r'<a class="level-(\d)" href="/contracts/\d+/versions/\d+/sites/(\d+)" data-index="\d+" '
    r'transform="translate\(\d+ \d+\)"><title>[^<]*</title><circle r="([\d.]+)"/>'
)


@dataclass(frozen=True)
class Parties:
    contract: Contract
    supplier: User
    buyer: User
    manager: User


def review_parties(session: Session) -> Parties:
    """The contract of the review tests and its supplier, buyer and contract manager."""
    return Parties(
        contract=make_contract(session, title=TITLE),
        supplier=make_user(
            session, email="lev@werkkleding.nl", role=Role.SUPPLIER, organisation="Werkkleding BV"
        ),
        buyer=make_user(session, email="inkoper@testdorp.nl", role=Role.BUYER),
        manager=make_user(session, email="cm@testdorp.nl", role=Role.CONTRACT_MANAGER),
    )


@pytest.fixture
def parties(session: Session) -> Parties:
    return review_parties(session)


def demo_rows(path: Path = GARMENTS) -> list[ChainRow]:
    return read_chain_file(path).rows


def submit(session: Session, parties: Parties, rows: Sequence[ChainRow] | None = None) -> ChainVersion:
    return make_version(
        session,
        contract=parties.contract,
        supplier=parties.supplier,
        rows=demo_rows() if rows is None else rows,
    )


def analysed(rows: Sequence[ChainRow]) -> ChainAnalysis:
    """The core's own analysis of the rows, to compare the page with."""
    reference = load_reference()
    built = build_chain(rows, reference=reference)
    return analyse_built(built, reference=reference)


def page_url(parties: Parties, number: int = 1) -> str:
    return f"/contracts/{parties.contract.id}/versions/{number}"


def drawn_nodes(html: str) -> dict[int, tuple[int, float]]:
    """Each drawn site's (level class, radius) by its index."""
    return {int(index): (int(level), float(radius)) for level, index, radius in NODE.findall(html)}


def reviews(session: Session) -> int:
    session.expire_all()
    return session.exec(select(func.count()).select_from(ChainReview)).one()


def test_the_graph_has_a_node_per_site_coloured_by_its_highest_level(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = demo_rows()
    submit(session, parties, rows)
    log_in(client, "inkoper@testdorp.nl")
    page = client.get(page_url(parties))
    assert page.status_code == 200
    nodes = drawn_nodes(page.text)
    assert sorted(nodes) == list(range(len(rows)))
    expected = analysed(rows)
    highest = {node.id: max(risk.level for risk in node.risks.values()) for node in expected.nodes}
    assert {index: level for index, (level, _) in nodes.items()} == {
        index: int(highest[row.id]) for index, row in enumerate(rows)
    }
    assert len({level for level, _ in nodes.values()}) > 1
    assert 'data-theme="highest"' in page.text and page.text.count('<path class="links"') == 1
    for name in ("Werkkleding Nederland BV", "Dashoguz state cotton farms"):
        assert f"<title>{name} (" in page.text
    assert "<title>Narayanganj Dyeing &amp; Finishing (BD): hoog</title>" in page.text  # names escaped
    assert "zeer hoog" in page.text and "grootte van de cirkel" in page.text  # legend in words


def test_the_graph_for_one_theme_is_coloured_by_that_theme(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = demo_rows()
    submit(session, parties, rows)
    log_in(client, "inkoper@testdorp.nl")
    fragment = client.get(f"{page_url(parties)}/graph?theme=environment", headers=HTMX)
    assert fragment.status_code == 200 and "<html" not in fragment.text
    nodes = drawn_nodes(fragment.text)
    levels = {node.id: node.risks["environment"].level for node in analysed(rows).nodes}
    assert {index: level for index, (level, _) in nodes.items()} == {
        index: int(levels[row.id]) for index, row in enumerate(rows)
    }
    highest = drawn_nodes(client.get(f"{page_url(parties)}/graph", headers=HTMX).text)
    assert highest != nodes  # the theme changes the colours
    unknown_theme = client.get(f"{page_url(parties)}/graph?theme=nonsense", headers=HTMX).text
    assert drawn_nodes(unknown_theme) == highest
    page = client.get(f"{page_url(parties)}?theme=environment")
    assert drawn_nodes(page.text) == nodes and '<option value="environment" selected>' in page.text
    assert (
        "<html" in client.get(f"{page_url(parties)}/graph?theme=environment").text
    )  # without htmx: the page


def test_node_sizes_grow_with_exposure(client: TestClient, session: Session, parties: Parties) -> None:
    rows = demo_rows()
    submit(session, parties, rows)
    log_in(client, "inkoper@testdorp.nl")
    nodes = drawn_nodes(client.get(page_url(parties)).text)
    exposure = {node.id: node.exposure for node in analysed(rows).nodes}
    radii = {row.id: nodes[index][1] for index, row in enumerate(rows)}
    assert radii["WK"] == max(radii.values())  # the contractor carries all the volume
    assert len(set(radii.values())) > 2
    for site, radius in radii.items():
        assert radius == pytest.approx(4 + 12 * math.sqrt(exposure[site]), abs=0.06)  # area by exposure


def test_a_sites_details_show_every_risk_with_reasons_and_sources(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = demo_rows()
    submit(session, parties, rows)
    log_in(client, "inkoper@testdorp.nl")
    index = [row.id for row in rows].index("TM-FARM")
    details = client.get(f"{page_url(parties)}/sites/{index}", headers=HTMX)
    assert details.status_code == 200 and "<html" not in details.text
    text = details.text
    assert "Dashoguz state cotton farms" in text and "TM-FARM (rij 16)" in text
    assert "<dd>Turkmenistan</dd>" in text and "<dd>landbouw</dd>" in text and "<dd>katoen</dd>" in text
    assert text.count('<th scope="row">') == 8  # every theme
    forced = text.split('<th scope="row">dwangarbeid</th>', 1)[1].split("</tr>", 1)[0]
    assert "zeer hoog" in forced
    assert "Katoen uit Turkmenistan staat op de lijst" in forced
    assert "List of Goods Produced by Child Labor or Forced Labor (2022)" in forced
    assert "Dashoguz cotton ginnery" in text  # the customer it supplies, linked
    english = client.get(f"{page_url(parties)}/sites/{index}", headers={**HTMX, **EN}).text
    assert "<dd>farming</dd>" in english and "<dd>Cotton</dd>" in english and "forced labour" in english
    assert "Cotton from Turkmenistan is on the US DOL list" in english
    assert "No match is not clearance" in english and "Geen treffer is geen vrijwaring" in text
    page = client.get(f"{page_url(parties)}/sites/{index}")  # without htmx: a page of its own
    assert "<html" in page.text and f'href="{page_url(parties)}"' in page.text
    assert client.get(f"{page_url(parties)}/sites/{len(rows)}", headers=HTMX).status_code == 404


def test_hotspots_filter_by_theme_and_by_level(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = demo_rows()
    submit(session, parties, rows)
    log_in(client, "inkoper@testdorp.nl")
    expected = analysed(rows).hotspots

    def table(query: str) -> list[list[str]]:
        fragment = client.get(f"{page_url(parties)}/hotspots?{query}", headers=HTMX)
        assert fragment.status_code == 200 and "<html" not in fragment.text
        body = fragment.text.split("<tbody", 1)[1] if "<tbody" in fragment.text else ""
        return [
            re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
            for row in re.findall(r"<tr.*?</tr>", body, re.S)
        ]

    forced = table("theme=forced_labour")
    assert forced and all(cells[5] == "dwangarbeid" for cells in forced)
    assert len(forced) == min(50, sum(1 for hotspot in expected if hotspot.theme == "forced_labour"))
    very_high = table("level=4")
    assert very_high and all('<span class="level">zeer hoog</span>' in cells[6] for cells in very_high)
    assert len(very_high) == sum(1 for hotspot in expected if hotspot.level == 4)
    both = table("theme=child_labour&level=3")
    assert both and all(cells[5] == "kinderarbeid" and "hoog" in cells[6] for cells in both)
    ranks = [int(cells[0]) for cells in both]
    assert ranks == sorted(ranks) and ranks[0] > 1  # overall ranks, kept in the filtered table
    everything = table("")
    assert len(everything) == min(50, len(expected))
    assert "Dhaka Apparel Works Ltd." in everything[0][1] and 'hx-get="' in everything[0][1]
    assert table("theme=forced_labour&level=x") == forced  # an unknown level filters nothing
    # "²" is a digit to str.isdigit() but no number to int(): it filters nothing either, as page or fragment
    assert table("theme=forced_labour&level=²") == forced
    assert client.get(f"{page_url(parties)}?hotspot_level=²").status_code == 200
    page = client.get(f"{page_url(parties)}/hotspots?theme=forced_labour").text  # without htmx: the page
    assert "<html" in page and '<option value="forced_labour" selected>' in page


def test_the_prioritised_risks_are_shown_by_risk_group_with_their_sites(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = demo_rows()
    submit(session, parties, rows)
    log_in(client, "inkoper@testdorp.nl")
    expected = analysed(rows).risk_groups
    page = client.get(page_url(parties)).text
    section = page.split('<section id="risk-groups"', 1)[1].split("</section>", 1)[0]
    groups = re.findall(r"<summary>(.*?)</summary>", section)
    assert len(groups) == len(expected) > 1
    assert groups[0] == "dwangarbeid – kleding – Bangladesh"
    assert "kinderarbeid – textiel – Bangladesh" in groups
    assert "discriminatie – confectie – Bangladesh" in groups  # a country indicator, by activity
    risks = sum(len(group.nodes) for group in expected)
    assert f"{risks} geprioriteerde risico&#39;s in {len(expected)} groepen." in section
    # Each group lists its sites as links that open the site's details.
    textiles = section.split("kinderarbeid – textiel – Bangladesh", 1)[1].split("</details>", 1)[0]
    assert "Narayanganj Dyeing &amp; Finishing" in textiles and "Gazipur Knit Composite Ltd." in textiles
    assert 'hx-get="' in textiles
    english = client.get(page_url(parties), headers={"Accept-Language": "en"}).text
    assert "forced labour – Garments – Bangladesh" in english


def test_the_structure_summary_in_dutch_and_english(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties)
    log_in(client, "inkoper@testdorp.nl")
    dutch = client.get(page_url(parties)).text
    english = client.get(page_url(parties), headers=EN).text
    assert "<dt>Herleid tot grondstof</dt><dd>82,0%</dd>" in dutch
    assert "<dt>Traced to raw material</dt><dd>82.0%</dd>" in english
    assert "<li>schakel 4: 5</li>" in dutch and "<li>tier 4: 5</li>" in english
    assert '<tr><td>India</td><td class="number">42,0%</td></tr>' in dutch
    assert '<tr><td>Turkije</td><td class="number">24,0%</td></tr>' in dutch
    assert '<tr><td>Türkiye</td><td class="number">24.0%</td></tr>' in english
    assert '<tr><td>onbekend</td><td class="number">9,0%</td></tr>' in dutch
    assert '<tr><td>unknown</td><td class="number">9.0%</td></tr>' in english
    unknown = dutch.split("<dt>Onbekende delen</dt><dd>", 1)[1].split("</dd>", 1)[0]
    assert ">Unknown spinning mill</a>" in unknown
    assert "<dt>Kritieke locaties (al het volume gaat erdoorheen)</dt><dd>geen</dd>" in dutch
    assert "Geen bevindingen." in dutch and "No findings." in english


def test_a_second_version_shows_what_changed_since_the_first(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, demo_rows(GARMENTS_2027))
    submit(session, parties, demo_rows(GARMENTS))
    log_in(client, "inkoper@testdorp.nl")
    first = client.get(page_url(parties, 1)).text
    assert "Wijzigingen sinds" not in first and "Versie 2 is nieuwer." in first
    assert client.get(page_url(parties, 1) + "/changes", headers=HTMX).status_code == 404  # nothing before 1
    second = client.get(page_url(parties, 2)).text
    section = second.split('<section id="changes"', 1)[1].split("</section>", 1)[0]
    assert (
        "Wijzigingen sinds versie 1" in section and "Locaties toegevoegd" not in section
    )  # loaded when shown
    assert f'hx-get="{page_url(parties, 2)}/changes" hx-trigger="revealed"' in section
    assert f'href="{page_url(parties, 2)}/changes#changes"' in section  # and without script, a link
    changes = client.get(page_url(parties, 2) + "/changes", headers=HTMX).text
    assert "<html" not in changes
    assert "<h3>Locaties toegevoegd (3)</h3>" in changes
    assert "<li>TM-FARM (Dashoguz state cotton farms)</li>" in changes
    assert "<li>PK-SPIN (Faisalabad Yarn Mills Ltd.)</li>" in changes.split("Locaties verwijderd", 1)[1]
    assert "Hoge risico&#39;s bij de toegevoegde locaties" in changes
    assert "<li>TM-FARM (Dashoguz state cotton farms), dwangarbeid: zeer hoog</li>" in changes
    assert "<li>BD-CMT → WK, aandeel: 50% → 60%</li>" in changes
    english = client.get(page_url(parties, 2) + "/changes", headers={**HTMX, **EN}).text
    assert "<li>TM-FARM (Dashoguz state cotton farms), forced labour: very high</li>" in english
    page = client.get(page_url(parties, 2) + "/changes").text  # without htmx: the page, changes in it
    assert (
        "<html" in page and "<h3>Locaties toegevoegd (3)</h3>" in page and 'hx-trigger="revealed"' not in page
    )


def test_a_country_change_names_both_countries_in_the_page_language(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = demo_rows()
    submit(session, parties, rows)
    moved = [row if row.id != "TR-GIN" else row._replace(country="DE") for row in rows]
    submit(session, parties, moved)
    log_in(client, "inkoper@testdorp.nl")
    changes = page_url(parties, 2) + "/changes"
    assert "<li>TR-GIN, land: Turkije → Duitsland</li>" in client.get(changes, headers=HTMX).text
    assert "<li>TR-GIN, country: Türkiye → Germany</li>" in client.get(changes, headers={**HTMX, **EN}).text
    assert "<p>Geen wijzigingen.</p>" not in client.get(changes, headers=HTMX).text


def test_a_version_like_the_previous_one_has_no_changes(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties)
    submit(session, parties)
    log_in(client, "inkoper@testdorp.nl")
    assert "<p>Geen wijzigingen.</p>" in client.get(page_url(parties, 2) + "/changes", headers=HTMX).text


def test_the_buyer_accepts_the_version(client: TestClient, session: Session, parties: Parties) -> None:
    submit(session, parties)
    log_in(client, "inkoper@testdorp.nl")
    page = client.get(page_url(parties)).text
    assert f'action="{page_url(parties)}/review"' in page
    data = {"decision": "accepted", "comment": "", "csrf_token": csrf(client)}
    response = client.post(f"{page_url(parties)}/review", data=data, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, page_url(parties))
    review = session.exec(select(ChainReview)).one()
    assert review.decision is ReviewDecision.ACCEPTED and review.decided_by_user_id == parties.buyer.id
    page = client.get(page_url(parties)).text
    assert "Versie 1 geaccepteerd" in page and "door Test Gebruiker" in page
    assert f'action="{page_url(parties)}/review"' not in page  # decided: no form
    session.refresh(parties.contract)
    assert parties.contract.status is ContractStatus.ACCEPTED


def test_a_revision_request_needs_a_comment(client: TestClient, session: Session, parties: Parties) -> None:
    submit(session, parties)
    log_in(client, "cm@testdorp.nl")  # a contract manager of the buyer reviews too
    url = f"{page_url(parties)}/review"
    refused = client.post(
        url, data={"decision": "revision_requested", "comment": "  ", "csrf_token": csrf(client)}
    )
    assert refused.status_code == 400 and reviews(session) == 0
    assert 'id="comment-error">Geef aan wat de leverancier moet herzien.</p>' in refused.text
    assert 'value="revision_requested" checked' in refused.text  # the choice is kept
    english = client.post(
        url, data={"decision": "revision_requested", "comment": "", "csrf_token": csrf(client)}, headers=EN
    )
    assert english.status_code == 400 and "Say what the supplier should revise." in english.text
    nothing = client.post(url, data={"decision": "", "comment": "x", "csrf_token": csrf(client)})
    assert nothing.status_code == 400 and 'id="decision-error"' in nothing.text and reviews(session) == 0
    comment = "Graag de onbekende spinnerij <b>benoemen</b>."
    done = client.post(
        url,
        data={"decision": "revision_requested", "comment": comment, "csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert done.status_code == 303 and reviews(session) == 1
    page = client.get(page_url(parties)).text
    assert "Herziening gevraagd voor versie 1" in page
    assert "Graag de onbekende spinnerij &lt;b&gt;benoemen&lt;/b&gt;." in page


def test_a_version_is_decided_once_and_only_the_newest(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties)
    log_in(client, "inkoper@testdorp.nl")
    url = f"{page_url(parties)}/review"
    accepted = {"decision": "accepted", "comment": "", "csrf_token": csrf(client)}
    assert client.post(url, data=accepted, follow_redirects=False).status_code == 303
    again = client.post(url, data={**accepted, "decision": "revision_requested", "comment": "toch niet"})
    assert again.status_code == 400 and "Over deze versie is al een besluit genomen." in again.text
    assert reviews(session) == 1
    submit(session, parties)  # version 2: version 1 stays decided, and is no longer the newest
    older = client.post(url, data={**accepted, "decision": "revision_requested", "comment": "toch niet"})
    assert older.status_code == 400 and reviews(session) == 1
    page = client.get(page_url(parties, 1)).text
    assert "Versie 1 geaccepteerd" in page and f'action="{url}"' not in page


def test_an_older_undecided_version_cannot_be_decided(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties)
    submit(session, parties)
    log_in(client, "inkoper@testdorp.nl")
    page = client.get(page_url(parties, 1)).text
    assert f'action="{page_url(parties, 1)}/review"' not in page
    assert "Alleen over de nieuwste versie, versie 2, kan een besluit worden genomen." in page
    data = {"decision": "accepted", "comment": "", "csrf_token": csrf(client)}
    refused = client.post(page_url(parties, 1) + "/review", data=data)
    assert refused.status_code == 400 and "Er is een nieuwere versie ingediend" in refused.text
    assert reviews(session) == 0


def test_the_supplier_sees_the_decision_but_no_form(
    client: TestClient, session: Session, parties: Parties
) -> None:
    version = submit(session, parties)
    review_version(
        session=session,
        contract=parties.contract,
        version=version,
        user=parties.buyer,
        decision=ReviewDecision.REVISION_REQUESTED,
        comment="Vul de spinnerij in.",
    )
    log_in(client, "lev@werkkleding.nl")
    page = client.get(page_url(parties))
    assert page.status_code == 200
    assert "Herziening gevraagd voor versie 1" in page.text and "Vul de spinnerij in." in page.text
    assert f'action="{page_url(parties)}/review"' not in page.text and "Uw besluit" not in page.text
    for url in ("/graph", "/hotspots?theme=child_labour", "/sites/0"):
        assert client.get(page_url(parties) + url, headers=HTMX).status_code == 200
    data = {"decision": "accepted", "comment": "", "csrf_token": csrf(client)}
    assert client.post(f"{page_url(parties)}/review", data=data).status_code == 403
    assert reviews(session) == 1


def test_a_decision_without_its_csrf_token_is_refused(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties)
    log_in(client, "inkoper@testdorp.nl")
    for token in ("", "not-the-token"):
        response = client.post(
            f"{page_url(parties)}/review", data={"decision": "accepted", "comment": "", "csrf_token": token}
        )
        assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    assert reviews(session) == 0


def test_a_version_is_analysed_once_for_all_its_views(
    client: TestClient, session: Session, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    submit(session, parties)
    review_service.forget_analyses()
    calls: list[int] = []
    real = review_service.analyse_built

    def counting(*args: object, **kwargs: object) -> ChainAnalysis:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(review_service, "analyse_built", counting)
    log_in(client, "inkoper@testdorp.nl")
    for url in ("", "/graph?theme=forced_labour", "/hotspots?level=3", "/sites/2"):
        assert client.get(page_url(parties) + url, headers=HTMX if url else {}).status_code == 200
    assert len(calls) == 1


def test_a_kept_version_is_found_without_reading_its_rows_and_still_only_by_its_parties(
    client: TestClient, session: Session, parties: Parties, engine: Engine
) -> None:
    """Once the page has analysed a version, a site's details, the graph and a table's page find the
    kept analysis by the version's id and fingerprint: none of them reads the version's rows (a 10,000-
    site version's rows cost tens of milliseconds a request). The parties are still checked on every
    request: another organisation's user gets 404 with the analysis kept; and rows changed under the same
    id are analysed anew, never answered from the analysis of the old ones."""
    version = submit(session, parties)
    review_service.forget_analyses()
    log_in(client, "inkoper@testdorp.nl")
    assert client.get(page_url(parties)).status_code == 200  # analyses the version and keeps it
    statements: list[str] = []

    def note(connection: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        for url in (
            "/sites/2",
            "/graph?theme=forced_labour",
            "/graph.json",
            "/graph/search?q=mill",
            "/hotspots",
        ):
            assert client.get(page_url(parties) + url, headers=HTMX).status_code == 200, url
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert any("chain_versions" in statement for statement in statements)  # the version was looked up
    assert [statement for statement in statements if "chain_versions.rows" in statement] == []
    details = client.get(f"{page_url(parties)}/sites/2", headers=HTMX).text
    name = version.rows[2][1]
    assert name in details

    client.cookies.clear()
    make_user(session, email="inkoper@elders.nl", role=Role.BUYER, organisation="Gemeente Elders")
    log_in(client, "inkoper@elders.nl")
    for url in ("/sites/2", "/graph.json", "/graph/search?q=mill"):
        response = client.get(page_url(parties) + url, headers=HTMX)
        assert response.status_code == 404 and name not in response.text, url

    rows = [list(cells) for cells in version.rows]
    rows[2][1] = "Andere naam van de locatie"  # as a script or a restored backup might change them
    version.rows = rows
    session.add(version)
    session.commit()
    client.cookies.clear()
    log_in(client, "inkoper@testdorp.nl")
    details = client.get(f"{page_url(parties)}/sites/2", headers=HTMX).text
    assert "Andere naam van de locatie" in details and name not in details


@pytest.mark.parametrize(
    ("email", "role", "organisation"),
    [
        ("inkoper@elders.nl", Role.BUYER, "Gemeente Elders"),
        ("cm@elders.nl", Role.CONTRACT_MANAGER, "Gemeente Elders"),
        ("lev@anders.nl", Role.SUPPLIER, "Andere Leverancier BV"),
        ("admin@chainmap.nl", Role.ADMIN, None),
        ("inkoper@werkkleding.nl", Role.BUYER, "supplier"),
    ],
)
def test_outsiders_get_404_on_every_review_route_and_never_its_data(
    client: TestClient, session: Session, parties: Parties, email: str, role: Role, organisation: str | None
) -> None:
    submit(session, parties, demo_rows(GARMENTS_2027))
    submit(session, parties)  # version 2, with changes since version 1
    if organisation == "supplier":  # a buyer-role user inside the contract's supplier organisation
        create_user(
            session=session,
            user_create=UserCreate(
                email=email,
                role=role,
                password=PASSWORD,
                organisation_id=parties.contract.supplier_organisation_id,
            ),
        )
    else:
        make_user(session, email=email, role=role, organisation=organisation)
    log_in(client, email)
    base = page_url(parties, 2)
    secrets = (TITLE, "WK-2027-01", "Dashoguz", "Werkkleding Nederland BV", "TM-FARM")
    for url in (
        "",
        "/graph",
        "/graph?theme=child_labour",
        "/hotspots?theme=forced_labour&level=3",
        "/sites/0",
    ):
        for headers in ({}, HTMX):
            response = client.get(base + url, headers=headers)
            assert response.status_code == 404, (url, response.status_code)
            assert not any(secret in response.text for secret in secrets), url
    for decision in ("accepted", "revision_requested"):
        data = {"decision": decision, "comment": "weg ermee", "csrf_token": csrf(client)}
        response = client.post(f"{base}/review", data=data)
        assert response.status_code == 404 and not any(secret in response.text for secret in secrets)
    assert reviews(session) == 0


def test_a_party_gets_404_for_a_version_that_does_not_exist_and_a_visitor_the_login(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties)
    for url in ("", "/graph", "/hotspots", "/sites/0", "/changes"):
        response = client.get(page_url(parties) + url, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/login")
    response = client.post(
        f"{page_url(parties)}/review", data={"decision": "accepted"}, follow_redirects=False
    )
    assert response.status_code == 303 and reviews(session) == 0
    log_in(client, "inkoper@testdorp.nl")
    for url in (page_url(parties, 2), page_url(parties, 2) + "/graph", "/contracts/999/versions/1"):
        assert client.get(url).status_code == 404
    other = make_contract(session, reference="ANDER-1")
    assert client.get(f"/contracts/{other.id}/versions/1").status_code == 404  # own contract, no version


def test_a_large_chain_is_drawn_without_labels_and_with_faint_links(
    client: TestClient, session: Session, parties: Parties
) -> None:
    sites = review_service.LABELLED_AT_MOST + 1
    rows = [ChainRow(2, "WK", "Werkkleding BV", "NL", "trading", "Garments")] + [
        ChainRow(number, f"S{number}", f"Naaiatelier {number}", "BD", "cut-make-trim", "Garments", "WK")
        for number in range(3, sites + 2)
    ]
    submit(session, parties, rows[:3])
    submit(session, parties, rows)
    log_in(client, "inkoper@testdorp.nl")
    small, large = client.get(page_url(parties, 1)).text, client.get(page_url(parties, 2)).text
    assert '<path class="links" d=' in small and "<text " in small
    assert len(drawn_nodes(large)) == sites
    assert '<path class="links dense" d=' in large and "<text " not in large


def test_a_version_that_todays_checks_refuse_answers_409_with_its_errors(
    client: TestClient, session: Session, parties: Parties
) -> None:
    version = submit(session, parties)
    rows = [list(cells) for cells in version.rows]
    rows[1][2] = "Atlantis"  # as if the reference data no longer knew the country
    version.rows = rows
    session.add(version)
    session.commit()
    log_in(client, "inkoper@testdorp.nl")
    for url in (
        page_url(parties),
        f"{page_url(parties)}/graph?theme=forced_labour",
        f"{page_url(parties)}/sites/1",
    ):
        response = client.get(url)
        assert response.status_code == 409, url
        assert "Versie 1 kan niet worden geanalyseerd" in response.text
        assert "Atlantis" in response.text


def test_many_findings_of_one_kind_are_one_line_listing_every_site_on_demand(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = [ChainRow(2, "WN", "Werkkleding Nederland BV", "NL", "trading", "Garments")]
    for i in range(5):
        rows.append(ChainRow(3 + 2 * i, f"M{i}", f"Maker {i}", "BD", "cut-make-trim", "Garments", "WN"))
        rows.append(ChainRow(4 + 2 * i, f"S{i}", f"Weaver {i}", "BD", "weaving", "Fabric", f"M{i}", "50"))
    submit(session, parties, rows)
    log_in(client, parties.buyer.email)
    page = client.get(page_url(parties), headers=EN).text
    section = page[
        page.index('<section id="findings"') : page.index("</section>", page.index('id="findings"'))
    ]
    assert section.count("<li><strong>warning</strong>") == 1
    assert "5 customers whose suppliers&#39; shares add up to less than 100%: M0, M1, M2, M3, M4." in section
    details = section[section.index("<details") : section.index("</details>")]
    assert "<summary>Show all 5</summary>" in details
    for i in range(5):
        index = 1 + 2 * i  # the maker's row in the version
        url = f"{page_url(parties)}/sites/{index}"
        assert f'href="{url}" hx-get="{url}">Maker {i}</a>: Every supplier of &#34;M{i}&#34;' in details


def test_a_few_findings_are_listed_one_by_one(client: TestClient, session: Session, parties: Parties) -> None:
    rows = [ChainRow(2, "WN", "Werkkleding Nederland BV", "NL", "trading", "Garments")]
    rows.append(ChainRow(3, "M0", "Maker 0", "BD", "cut-make-trim", "Garments", "WN", "50"))
    submit(session, parties, rows)
    log_in(client, parties.buyer.email)
    page = client.get(page_url(parties), headers=EN).text
    section = page[
        page.index('<section id="findings"') : page.index("</section>", page.index('id="findings"'))
    ]
    assert "Every supplier of" in section and "<details" not in section


def test_a_sites_details_show_its_region_and_the_uflpa_presumption_for_xinjiang(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = [
        ChainRow(2, "WN", "Werkkleding Nederland BV", "NL", "trading", "Garments"),
        ChainRow(3, "XJ", "Aksu Spinning", "CN", "spinning", "Thread/Yarn", "WN", "", "Xinjiang"),
    ]
    submit(session, parties, rows)
    log_in(client, parties.buyer.email)
    details = client.get(f"{page_url(parties)}/sites/1", headers={**HTMX, **EN}).text
    assert "<dt>Region</dt><dd>Xinjiang</dd>" in details
    forced = details.split('<th scope="row">forced labour</th>', 1)[1].split("</tr>", 1)[0]
    assert "Site in Xinjiang: under the US Uyghur Forced Labor Prevention Act" in forced
    assert "Uyghur Forced Labor Prevention Act, Public Law 117-78, section 3" in forced
    contractor = client.get(f"{page_url(parties)}/sites/0", headers={**HTMX, **EN}).text
    assert "<dt>Region</dt>" not in contractor


def test_a_version_stored_before_the_region_column_still_reads(
    client: TestClient, session: Session, parties: Parties
) -> None:
    version = submit(session, parties)
    version.rows = [cells[:7] for cells in version.rows]  # seven cells a site, as stored before 0008
    session.add(version)
    session.commit()
    assert all(len(cells) == 7 for cells in version.rows)  # the analysis cache keys on the rows themselves
    log_in(client, parties.buyer.email)
    page = client.get(page_url(parties), headers=EN)
    assert page.status_code == 200 and "Dhaka Apparel Works Ltd." in page.text
