"""The risk graph of a large chain on the review page: tier x country groups (drawn by the browser from
graph.json, listed in a table with each level in words), a group opened into its sites, the search for a
site, and that none of it answers anyone outside the contract or shows another version."""

import re
from typing import Any, Final

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from bench.synthetic import synthetic_rows
from chainmap.analysis import aggregate
from chainmap.chain import ChainRow
from chainmap.themes import THEMES
from models import Role
from tests.factories.chain_versions import make_version
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.unit.test_demo_chains import GARMENTS_2027
from tests.web.test_contracts import log_in
from tests.web.test_review import EN, HTMX, TITLE, Parties, demo_rows, page_url, review_parties, submit
from web.services import review_graph

# 14 sites: contractor WK (NL); makers M0-M5 (BD, tier 1); weavers W0-W3 (CN) and W4 (IN) at tier 2; two
# farms of unknown country at tier 3.
SIX: Final = range(6)
GROUPED: Final = [
    ChainRow(2, "WK", "Werkkleding Nederland BV", "NL", "trading", "Garments"),
    *(
        ChainRow(3 + i, f"M{i}", f"Naaiatelier {i}", "BD", "cut-make-trim", "Garments", "WK")
        for i in range(6)
    ),
    *(ChainRow(9 + i, f"W{i}", f"Weverij {i}", "CN", "weaving", "Textiles", f"M{i}") for i in range(4)),
    ChainRow(13, "W4", "Weverij Surat", "IN", "weaving", "Textiles", "M5"),
    ChainRow(14, "F0", "Katoenboer <b>één</b>", "unknown", "farming", "Cotton", "W0"),
    ChainRow(15, "F1", "Katoenboer twee", "unknown", "farming", "Cotton", "W1;W4"),
]
GROUP_KEYS: Final = {"0-NL": 1, "1-BD": 6, "2-CN": 4, "2-IN": 1, "3-unknown": 2}


@pytest.fixture
def parties(session: Session) -> Parties:
    return review_parties(session)


@pytest.fixture(autouse=True)
def _small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Groups from 6 sites on, so that a 15-site chain shows them; one test checks the real threshold."""
    monkeypatch.setattr(review_graph, "AGGREGATED_ABOVE", 5)
    review_graph.forget_groups()


def graph_json(client: TestClient, parties: Parties, query: str = "", number: int = 1) -> Any:
    response = client.get(f"{page_url(parties, number)}/graph.json{query}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def test_a_large_chain_opens_on_its_groups_with_each_level_named(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    page = client.get(page_url(parties)).text
    assert 'svg class="chain-graph"' not in page
    assert f'data-source="{page_url(parties)}/graph.json"' in page
    assert "14 locaties in 5 groepen van één schakel en één land" in page
    table = page.split('<table class="graph-groups">', 1)[1].split("</table>", 1)[0]
    for key in GROUP_KEYS:
        assert f'&amp;group={key}"' in table
    assert ">Schakel 1 · Bangladesh</a>" in table and ">Schakel 3 · onbekend</a>" in table
    rows = re.findall(r'<tr class="level-(\d)">.*?<span class="level">([^<]+)</span>', table, re.S)
    assert len(rows) == 5 and all(label.strip() for _, label in rows)  # the level in words in every row
    assert "/static/vendor/cytoscape.min.js" in page and "/static/review_graph.js" in page
    english = client.get(page_url(parties), headers=EN).text
    assert ">Tier 1 · Bangladesh</a>" in english and "Groups of the chain" in english


def test_a_small_chain_keeps_its_drawing_of_every_site(
    client: TestClient, session: Session, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review_graph, "AGGREGATED_ABOVE", len(GROUPED))
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    page = client.get(page_url(parties)).text
    assert page.count('<a class="level-') == len(GROUPED) and "graph-canvas" not in page
    assert "cytoscape" not in page


def test_the_real_threshold_is_three_hundred_sites(
    client: TestClient, session: Session, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review_graph, "AGGREGATED_ABOVE", 300)
    rows = [ChainRow(number, **cells) for number, cells in enumerate(synthetic_rows(301), start=2)]
    submit(session, parties, rows[:-1])
    log_in(client, "inkoper@testdorp.nl")
    assert "graph-canvas" not in client.get(page_url(parties, 1)).text
    submit(session, parties, rows)
    assert len(rows) == 301 and "graph-canvas" in client.get(page_url(parties, 2)).text


def test_the_groups_as_the_browser_draws_them(client: TestClient, session: Session, parties: Parties) -> None:
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    data = graph_json(client, parties)
    assert data["view"] == "groups" and data["themes"] == list(THEMES)
    nodes = {node["id"]: node for node in data["nodes"]}
    assert {key: node["sites"] for key, node in nodes.items()} == GROUP_KEYS
    assert all(len(node["levels"]) == len(THEMES) + 1 for node in nodes.values())
    assert all(node["levels"][-1] == max(node["levels"][:-1]) for node in nodes.values())
    # raw material left, contractor right; the makers carry all volume, the largest circle
    assert nodes["3-unknown"]["x"] < nodes["2-CN"]["x"] == nodes["2-IN"]["x"] < nodes["1-BD"]["x"]
    assert nodes["1-BD"]["x"] < nodes["0-NL"]["x"]
    assert nodes["1-BD"]["size"] == max(node["size"] for node in nodes.values())
    assert nodes["1-BD"]["label"] == "Schakel 1 · Bangladesh"
    flows = {(edge["source"], edge["target"]): edge["volume"] for edge in data["edges"]}
    assert set(flows) == {
        ("1-BD", "0-NL"),
        ("2-CN", "1-BD"),
        ("2-IN", "1-BD"),
        ("3-unknown", "2-CN"),
        ("3-unknown", "2-IN"),
    }
    assert flows[("1-BD", "0-NL")] == pytest.approx(1.0)
    assert flows[("2-CN", "1-BD")] == pytest.approx(4 / 6, abs=1e-6)
    english = client.get(f"{page_url(parties)}/graph.json", headers=EN).json()
    assert {node["label"] for node in english["nodes"]} >= {"Tier 3 · unknown", "Tier 2 · China"}


def test_a_group_opens_into_its_sites_and_their_neighbours(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    data = graph_json(client, parties, "?group=2-CN")
    assert data["view"] == "sites" and data["group"] == "2-CN"
    index = {row.id: row.row - 2 for row in GROUPED}
    nodes = {node["id"]: node for node in data["nodes"]}
    weavers = {index[f"W{i}"] for i in range(4)}
    neighbours = {index[f"M{i}"] for i in range(4)} | {index["F0"], index["F1"]}
    assert set(nodes) == weavers | neighbours
    assert {node_id for node_id, node in nodes.items() if node["inside"]} == weavers
    assert nodes[index["F0"]]["label"] == "Katoenboer <b>één</b>"  # data, escaped by the browser's canvas
    edges = {(edge["source"], edge["target"]) for edge in data["edges"]}
    assert (index["F1"], index["W1"]) in edges and (index["W0"], index["M0"]) in edges
    assert all(source in nodes and target in nodes for source, target in edges)
    assert (index["F1"], index["W4"]) not in edges  # W4 is in another group and not shown
    assert nodes[index["F0"]]["x"] < nodes[index["W0"]]["x"] < nodes[index["M0"]]["x"]


def test_the_opened_group_lists_its_sites_with_their_level_and_a_way_back(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    fragment = client.get(f"{page_url(parties)}/graph?group=1-BD&theme=forced_labour", headers=HTMX).text
    assert "<html" not in fragment
    assert "Schakel 1 · Bangladesh: 6 locaties, 100,0% van het volume" in fragment
    assert f'data-source="{page_url(parties)}/graph.json?group=1-BD"' in fragment
    assert 'data-theme="forced_labour"' in fragment
    sites = fragment.split('<table class="graph-sites">', 1)[1].split("</table>", 1)[0]
    assert sites.count('<tr class="level-') == 6
    assert all(f">Naaiatelier {i}</a>" in sites for i in range(6))
    assert len(re.findall(r'<span class="level">[^<]+</span>', sites)) == 6
    assert "Terug naar alle groepen" in fragment and 'value="1-BD"' in fragment
    page = client.get(f"{page_url(parties)}/graph?group=1-BD")  # without htmx: the page, group open
    assert (
        page.status_code == 200
        and "<html" in page.text
        and "Locaties van Schakel 1 · Bangladesh" in page.text
    )


def test_the_sites_of_a_large_group_come_a_page_at_a_time(
    client: TestClient, session: Session, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("web.routes.review.GROUP_SITES_PER_PAGE", 4)
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    url = f"{page_url(parties)}/graph?group=1-BD&page=2"
    table = client.get(url, headers={**HTMX, "HX-Target": "group-sites"}).text
    assert table.lstrip().startswith('<table class="graph-sites">') and "graph-canvas" not in table
    assert table.count('<tr class="level-') == 2 and "Pagina 2 van 2" in table
    assert 'rel="prev"' in table and 'rel="next"' not in table
    first = client.get(f"{page_url(parties)}/graph?group=1-BD", headers=HTMX).text
    assert first.count('<tr class="level-') == 4 and 'rel="next"' in first


@pytest.mark.parametrize("group", ["9-XX", "1-bd", "../1-BD", "1-BD;", "-1-BD", "2-unknowns", "1-NL"])
def test_a_group_that_is_not_one_of_the_version_is_404(
    client: TestClient, session: Session, parties: Parties, group: str
) -> None:
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    for url in (f"/graph.json?group={group}", f"/graph?group={group}"):
        for headers in ({}, HTMX):
            assert client.get(page_url(parties) + url, headers=headers).status_code == 404, url


def test_huge_or_malformed_query_values_are_refused(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    for url in (
        "/graph.json?group=" + "1" * 5000,
        "/graph?group=1-BD&page=0",
        "/graph?group=1-BD&page=x",
        "/graph/search?q=" + "a" * 201,
    ):
        assert client.get(page_url(parties) + url, headers=HTMX).status_code == 400, url
    # a page past the last shows the last
    last = client.get(f"{page_url(parties)}/graph?group=1-BD&page=999999", headers=HTMX)
    assert last.status_code == 200 and last.text.count('<tr class="level-') == 6


def test_a_site_is_found_by_id_or_name_with_its_group(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    search = f"{page_url(parties)}/graph/search"
    exact = client.get(f"{search}?q=w4", headers=HTMX).text
    assert "<html" not in exact
    hits = re.findall(r'data-index="(\d+)" data-group="([^"]+)">([^<]+)</a>', exact)
    assert hits[0] == ("11", "2-IN", "Weverij Surat")
    by_name = client.get(f"{search}?q=WEVERIJ", headers=HTMX).text
    assert "5 locaties gevonden voor ‘WEVERIJ’." in by_name
    assert len(re.findall(r"data-index=", by_name)) == 5
    assert re.findall(r'data-group="([^"]+)"', by_name).count("2-CN") == 4
    none = client.get(f"{search}?q=%3Cscript%3Ealert(1)%3C/script%3E", headers=HTMX).text
    assert "Geen locatie met ‘&lt;script&gt;alert(1)&lt;/script&gt;’ in id of naam." in none
    assert "<script>alert" not in none
    escaped = client.get(f"{search}?q=katoenboer", headers=HTMX).text
    assert "Katoenboer &lt;b&gt;één&lt;/b&gt;" in escaped and "<b>één</b>" not in escaped
    page = client.get(f"{search}?q=Surat")  # without htmx: the page with what was found
    assert "<html" in page.text and 'data-group="2-IN">Weverij Surat</a>' in page.text
    assert 'value="Surat"' in page.text


def test_a_search_shows_at_most_its_limit_and_says_how_many_matched(
    client: TestClient, session: Session, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review_graph, "SEARCH_HITS", 3)
    submit(session, parties, GROUPED)
    log_in(client, "inkoper@testdorp.nl")
    found = client.get(f"{page_url(parties)}/graph/search?q=naaiatelier", headers=HTMX).text
    assert "6 locaties gevonden voor ‘naaiatelier’ (de eerste 3 getoond)." in found
    assert len(re.findall(r"data-index=", found)) == 3


def test_a_small_chain_can_be_searched_too(
    client: TestClient, session: Session, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review_graph, "AGGREGATED_ABOVE", 300)
    submit(session, parties)
    log_in(client, "inkoper@testdorp.nl")
    found = client.get(f"{page_url(parties)}/graph/search?q=dhaka", headers=HTMX).text
    assert 'data-index="1" data-group="1-BD">Dhaka Apparel Works Ltd.</a>' in found


def test_the_groups_of_a_version_are_made_once(
    client: TestClient, session: Session, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    submit(session, parties, GROUPED)
    calls: list[int] = []
    real = aggregate.tier_country_groups

    def counting(*args: Any, **kwargs: Any) -> aggregate.ChainGroups:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(review_graph, "tier_country_groups", counting)
    log_in(client, "inkoper@testdorp.nl")
    for url in ("", "/graph.json", "/graph.json?group=1-BD", "/graph?group=2-CN", "/graph/search?q=w"):
        assert client.get(page_url(parties) + url, headers=HTMX if url else {}).status_code == 200
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("email", "role", "organisation"),
    [
        ("inkoper@elders.nl", Role.BUYER, "Gemeente Elders"),
        ("lev@anders.nl", Role.SUPPLIER, "Andere Leverancier BV"),
        ("admin@chainmap.nl", Role.ADMIN, None),
    ],
)
def test_outsiders_get_404_on_every_graph_route_and_never_its_data(
    client: TestClient, session: Session, parties: Parties, email: str, role: Role, organisation: str | None
) -> None:
    submit(session, parties, GROUPED)
    make_user(session, email=email, role=role, organisation=organisation)
    log_in(client, email)
    secrets = (TITLE, "WK-2027-01", "Naaiatelier", "Bangladesh", "Werkkleding Nederland")
    for url in ("/graph.json", "/graph.json?group=1-BD", "/graph?group=1-BD", "/graph/search?q=Weverij"):
        for headers in ({}, HTMX):
            response = client.get(page_url(parties) + url, headers=headers)
            assert response.status_code == 404, (url, response.status_code)
            assert not any(secret in response.text for secret in secrets), url
    missing = client.get(f"/contracts/{parties.contract.id}/versions/2/graph.json")
    assert missing.status_code == 404


def test_the_parties_see_the_graph_of_each_version_and_no_other(
    client: TestClient, session: Session, parties: Parties
) -> None:
    first = demo_rows(GARMENTS_2027)
    submit(session, parties, first)
    submit(session, parties, GROUPED)
    for email in ("inkoper@testdorp.nl", "lev@werkkleding.nl"):
        log_in(client, email)
        one, two = graph_json(client, parties, number=1), graph_json(client, parties, number=2)
        assert {node["id"] for node in two["nodes"]} == set(GROUP_KEYS)
        assert {node["id"] for node in one["nodes"]} != set(GROUP_KEYS)
        labels_one = {
            node["label"]
            for group in one["nodes"]
            for node in graph_json(client, parties, f"?group={group['id']}", number=1)["nodes"]
        }
        assert labels_one == {row.name for row in first}
        assert not any("Naaiatelier" in label for label in labels_one)
        found = client.get(f"{page_url(parties, 1)}/graph/search?q=naaiatelier", headers=HTMX).text
        assert "Geen locatie met" in found
        client.post("/logout", data={})
        client.cookies.clear()


def test_another_contract_of_the_same_buyer_shows_its_own_graph_only(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, GROUPED)
    other = make_version(
        session,
        contract=make_contract(session, reference="WK-2027-02", title="Andere keten"),
        supplier=parties.supplier,
        rows=demo_rows(),
    )
    log_in(client, "inkoper@testdorp.nl")
    data = client.get(f"/contracts/{other.contract_id}/versions/1/graph.json").json()
    keys = {node["id"] for node in data["nodes"]}
    assert "1-BD" in keys and "0-NL" in keys and "2-CN" not in keys


def test_the_drawing_keeps_each_groups_largest_flow_then_the_largest_others() -> None:
    flows = [
        aggregate.GroupFlow("2-CN", "1-BD", 0.5),
        aggregate.GroupFlow("2-CN", "1-TR", 0.3),
        aggregate.GroupFlow("1-BD", "0-NL", 0.2),
        aggregate.GroupFlow("2-IN", "1-TR", 0.1),
        aggregate.GroupFlow("1-TR", "0-NL", 0.05),
        aggregate.GroupFlow("2-IN", "1-BD", 0.01),
    ]
    drawn = review_graph.drawn_flows(flows, 5)
    assert drawn == [flow for flow in flows if flow.volume != 0.01]
    assert review_graph.drawn_flows(flows, 2) == [flows[0], flows[2], flows[3], flows[4]]  # one per group
    assert review_graph.drawn_flows(flows, 100) == flows
    assert review_graph.drawn_flows([], 5) == []
