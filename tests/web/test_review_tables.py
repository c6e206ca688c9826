"""The review page's long tables (issue 12): the hotspots, risk groups, findings and changes paged, sorted
and searched on the server, their state in the URL, the whole page for a plain request or an htmx history
restore, and hostile query strings. Pages are made small here so that a chain of a few dozen sites has
several of them."""

import html
import re
from collections.abc import Iterator
from typing import Final

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from chainmap.analysis.diff import natural_key
from chainmap.chain import ChainRow
from chainmap.themes import theme_label
from models import Role
from tests.factories.contracts import make_contract
from tests.factories.users import make_user
from tests.web.test_contracts import log_in
from tests.web.test_review import EN, HTMX, Parties, analysed, page_url, parties, submit
from web.services import review as review_service
from web.services import review_tables

__all__ = ["parties"]  # the fixture, shared with test_review
PER_PAGE: Final = 7
COUNTRIES: Final = ("BD", "CN", "IN", "TR", "VN")


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (
        "HOTSPOTS_PER_PAGE",
        "RISK_GROUPS_PER_PAGE",
        "FINDING_LINES_PER_PAGE",
        "FINDING_ENTRIES_PER_PAGE",
        "CHANGES_PER_PAGE",
    ):
        monkeypatch.setattr(review_tables, name, PER_PAGE)
    yield
    review_tables.forget_tables()


def chain(sites: int, *, first: int = 1, country: str | None = None) -> list[ChainRow]:
    """A contractor and `sites` garment makers S<first>… that supply it, in five countries, listed in
    row order S1, S2, … so that natural order (S2 before S10) differs from text order."""
    rows = [ChainRow(2, "WK", "Werkkleding BV", "NL", "trading", "Garments")]
    for number in range(first, first + sites):
        rows.append(
            ChainRow(
                len(rows) + 2,
                f"S{number}",
                f"Naaiatelier {number}",
                country or COUNTRIES[number % len(COUNTRIES)],
                "cut-make-trim",
                "Garments",
                "WK",
            )
        )
    return rows


def cells(fragment: str) -> list[list[str]]:
    """The cells of each row of the table body, tags removed and entities read."""
    body = fragment.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        ]
        for row in re.findall(r"<tr.*?</tr>", body, re.S)
    ]


def hotspot_rows(
    client: TestClient, parties: Parties, query: str = "", headers: dict[str, str] | None = None
) -> list[list[str]]:
    response = client.get(f"{page_url(parties)}/hotspots?{query}", headers={**HTMX, **(headers or {})})
    assert response.status_code == 200 and "<html" not in response.text
    return cells(response.text) if "<tbody" in response.text else []


def test_the_hotspot_table_pages_through_every_hotspot_once(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = chain(30)
    submit(session, parties, rows)
    log_in(client, parties.buyer.email)
    total = len(analysed(rows).hotspots)
    pages = -(-total // PER_PAGE)
    assert pages > 3
    ranks: list[int] = []
    for number in range(1, pages + 1):
        fragment = client.get(f"{page_url(parties)}/hotspots?page={number}", headers=HTMX).text
        ranks += [int(row[0]) for row in cells(fragment)]
        assert f"Pagina {number} van {pages}" in fragment
        assert ('rel="next"' in fragment) == (number < pages)
        assert ('rel="prev"' in fragment) == (number > 1)
    assert ranks == list(range(1, total + 1))
    first = client.get(f"{page_url(parties)}/hotspots", headers=HTMX).text
    assert f"{total} passende risicopunten ({total} in totaal)." in first
    next_url = f"{page_url(parties)}/hotspots?page=2&amp;sort=rank"
    assert (
        f'href="{next_url}#hotspots" hx-get="{next_url}" hx-target="#hotspot-table" hx-push-url="true"'
        in first
    )


@pytest.mark.parametrize("column", review_tables.HOTSPOT_SORTS)
def test_the_hotspot_table_sorts_by_every_column_both_ways(
    client: TestClient, session: Session, parties: Parties, column: str
) -> None:
    rows = chain(12)
    submit(session, parties, rows)
    log_in(client, parties.buyer.email)
    expected = analysed(rows)
    nodes = {node.id: node for node in expected.nodes}
    country = {
        "BD": "Bangladesh",
        "CN": "China",
        "IN": "India",
        "TR": "Turkije",
        "VN": "Vietnam",
        "NL": "Nederland",
    }
    every = [
        {
            "rank": rank,
            "id": natural_key(hotspot.node),
            "site": nodes[hotspot.node].name.casefold(),
            "country": country[nodes[hotspot.node].country or ""].casefold(),
            "tier": nodes[hotspot.node].tier,
            "theme": theme_label(hotspot.theme, "nl").casefold(),
            "level": int(hotspot.level),
            "likelihood": hotspot.likelihood,
            "salience": hotspot.salience,
            "exposure": hotspot.exposure,
        }
        for rank, hotspot in enumerate(expected.hotspots, start=1)
    ]
    for descending in (False, True):
        query = f"sort={column}" + ("&desc=1" if descending else "")
        shown: list[int] = []
        for number in (1, 2, 3):
            shown += [int(row[0]) for row in hotspot_rows(client, parties, f"{query}&page={number}")]
        # Ties keep rank order in both directions, so the expected ranks are the stable sort's.
        ordered = sorted(every, key=lambda row: row[column], reverse=descending)
        assert shown == [row["rank"] for row in ordered[: 3 * PER_PAGE]], (column, descending)
        fragment = client.get(f"{page_url(parties)}/hotspots?{query}", headers=HTMX).text
        header = re.search(
            rf'<th scope="col"[^>]*aria-sort="(\w+)"><a class="sort" href="[^"]*sort={column}[&#"]', fragment
        )
        assert header is not None
        assert header.group(1) == ("descending" if descending else "ascending")
        assert fragment.count('aria-sort="none"') == len(review_tables.HOTSPOT_SORTS) - 1


def test_site_ids_sort_in_natural_order_and_a_header_toggles_the_direction(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, chain(12))
    log_in(client, parties.buyer.email)
    ids = [
        row[2]
        for number in (1, 2)
        for row in hotspot_rows(client, parties, f"sort=id&theme=forced_labour&page={number}")
    ]
    assert ids == [f"S{n}" for n in range(1, 13)] + ["WK"]  # S2 before S10
    fragment = client.get(f"{page_url(parties)}/hotspots?sort=id", headers=HTMX).text
    assert (
        'href="/contracts/1/versions/1/hotspots?sort=id&amp;desc=1#hotspots"' in fragment
    )  # again: reversed
    assert (
        'href="/contracts/1/versions/1/hotspots?sort=level&amp;desc=1#hotspots"' in fragment
    )  # most severe first
    assert 'href="/contracts/1/versions/1/hotspots?sort=country#hotspots"' in fragment
    descending = [row[2] for row in hotspot_rows(client, parties, "sort=id&desc=1&theme=forced_labour")]
    assert descending[:4] == ["WK", "S12", "S11", "S10"]


def test_search_finds_hotspots_by_site_id_name_or_country_in_the_page_language(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, chain(12))
    log_in(client, parties.buyer.email)
    by_id = hotspot_rows(client, parties, "q=s11&theme=forced_labour")
    assert [row[2] for row in by_id] == ["S11"]
    by_name = hotspot_rows(client, parties, "q=naaiatelier+1&theme=forced_labour&sort=id")
    assert [row[2] for row in by_name] == ["S1", "S10", "S11", "S12"]
    turkish = {row[2] for row in hotspot_rows(client, parties, "q=turkije&theme=forced_labour")}
    assert turkish == {"S3", "S8"}
    english = hotspot_rows(client, parties, "q=t%C3%BCrkiye&theme=forced_labour", headers=EN)
    assert {row[2] for row in english} == turkish
    nothing = client.get(f"{page_url(parties)}/hotspots?q=atlantis", headers=HTMX).text
    assert "Geen risicopunten die bij dit filter passen." in nothing and "<table" not in nothing


def test_filters_order_and_search_stay_in_every_link_and_the_filter_form(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, chain(30))
    log_in(client, parties.buyer.email)
    query = "theme=forced_labour&level=1&q=naaiatelier&sort=exposure&desc=1"
    fragment = client.get(f"{page_url(parties)}/hotspots?{query}", headers=HTMX).text
    next_link = re.search(r'<a href="([^"]*)" hx-get="[^"]*"[^>]*rel="next"', fragment)
    assert next_link is not None
    assert html.unescape(next_link.group(1)) == (
        f"{page_url(parties)}/hotspots?theme=forced_labour&level=1&page=2&sort=exposure&desc=1&q=naaiatelier#hotspots"
    )
    # The order goes with the filter form (outside the table, which htmx replaces) by the form attribute.
    assert '<input type="hidden" form="hotspot-filters" name="sort" value="exposure">' in fragment
    assert '<input type="hidden" form="hotspot-filters" name="desc" value="1">' in fragment
    page = client.get(f"{page_url(parties)}/hotspots?{query}").text  # without htmx: the page at that state
    assert "<html" in page and '<option value="forced_labour" selected>' in page
    assert 'name="q" value="naaiatelier"' in page and '<option value="1" selected>' in page
    assert cells(page.split('<div id="hotspot-table">', 1)[1]) == cells(fragment)


def test_a_table_url_answers_htmx_with_its_fragment_and_a_history_restore_with_the_page(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, chain(12))
    submit(session, parties, chain(14))
    log_in(client, parties.buyer.email)
    base = page_url(parties, 2)
    for url in ("/hotspots?page=2", "/risk-groups?sort=sites", "/findings", "/changes?kind=nodes_added"):
        fragment = client.get(base + url, headers=HTMX)
        assert fragment.status_code == 200 and "<html" not in fragment.text, url
        assert "HX-Request" in fragment.headers["vary"]
        restore = client.get(base + url, headers={**HTMX, "HX-History-Restore-Request": "true"})
        assert restore.status_code == 200 and "<html" in restore.text, url
        whole = client.get(base + url)
        assert "<html" in whole.text and "HX-Request" in whole.headers["vary"], url
    assert "HX-Request" in client.get(base).headers["vary"]


@pytest.mark.parametrize(
    ("query", "first_rank"),
    [
        ("page=-1", 1),
        ("page=0", 1),
        ("page=abc", 1),
        ("page=1.5", 1),
        ("page=" + "9" * 30, None),  # beyond the last page: the last page
        (f"page={10**9}", None),
        ("sort=__class__", 1),
        ("sort=rank.__class__&desc=maybe", 1),
        ("level=%C2%B2&theme=__init__", 1),
        ("group=forced_labour|CN|x", 1),
    ],
)
def test_hostile_paging_and_sorting_fall_back_to_a_table_that_exists(
    client: TestClient, session: Session, parties: Parties, query: str, first_rank: int | None
) -> None:
    rows = chain(12)
    submit(session, parties, rows)
    log_in(client, parties.buyer.email)
    total = len(analysed(rows).hotspots)
    last_first = (total - 1) // PER_PAGE * PER_PAGE + 1
    for headers in (HTMX, {}):
        response = client.get(f"{page_url(parties)}/hotspots?{query}", headers=headers)
        assert response.status_code == 200
        table = cells(response.text.split('<div id="hotspot-table">', 1)[-1])
        assert int(table[0][0]) == (first_rank or last_first)


def test_a_long_or_hostile_search_is_cut_and_escaped(
    client: TestClient, session: Session, parties: Parties
) -> None:
    submit(session, parties, chain(12))
    log_in(client, parties.buyer.email)
    script = '"><script>alert(1)</script>'
    for headers in (HTMX, {}):
        response = client.get(f"{page_url(parties)}/hotspots", params={"q": script}, headers=headers)
        assert response.status_code == 200 and "<script>alert" not in response.text
        assert (
            "<table" not in response.text.split('<div id="hotspot-table">', 1)[-1].split("</section>", 1)[0]
        )
    page = client.get(f"{page_url(parties)}/hotspots", params={"q": script}).text
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    long = client.get(f"{page_url(parties)}/hotspots", params={"q": "x" * 10_000}, headers=HTMX)
    assert long.status_code == 200 and "x" * 100 not in long.text and len(long.text) < 5_000
    page = client.get(f"{page_url(parties)}/hotspots", params={"q": "x" * 10_000}).text
    assert re.findall(r'id="hotspot-search" type="search" name="q" value="(x*)"', page) == ["x" * 100]


def test_risk_groups_are_paged_sorted_and_link_to_their_hotspots(
    client: TestClient, session: Session, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review_tables, "GROUP_SITES_SHOWN", 3)
    rows = chain(40)
    submit(session, parties, rows)
    log_in(client, parties.buyer.email)
    groups = analysed(rows).risk_groups
    assert len(groups) > PER_PAGE
    url = f"{page_url(parties)}/risk-groups"
    ranks: list[int] = []
    for number in range(1, -(-len(groups) // PER_PAGE) + 1):
        ranks += [int(row[0]) for row in cells(client.get(f"{url}?page={number}", headers=HTMX).text)]
    assert ranks == list(range(1, len(groups) + 1))
    by_sites = cells(client.get(f"{url}?sort=sites&desc=1", headers=HTMX).text)
    counts = [int(row[3]) for row in by_sites]
    assert counts == sorted((len(group.nodes) for group in groups), reverse=True)[:PER_PAGE]
    by_name = cells(client.get(f"{url}?sort=group", headers=HTMX).text)
    labels = [row[1].split("\n")[0].strip() for row in by_name]
    assert labels == sorted(labels, key=str.casefold)
    searched = client.get(f"{url}?q=kinderarbeid&sort=exposure&desc=1", headers=HTMX).text
    labels = [row[1] for row in cells(searched)]
    child = [group for group in groups if group.theme == "child_labour"]
    assert len(labels) == min(PER_PAGE, len(child)) and all(
        label.startswith("kinderarbeid") for label in labels
    )
    assert '<input type="hidden" form="risk-group-filters" name="sort" value="exposure">' in searched
    assert (
        f"{sum(len(group.nodes) for group in child)} geprioriteerde risico&#39;s in {len(child)} groepen."
        in searched
    )
    nothing = client.get(f"{url}?q=atlantis", headers=HTMX).text
    assert "Geen risicogroep past bij deze zoekopdracht." in nothing
    # A group with more sites than it lists links to the hotspot table filtered to the group.
    big = max(groups, key=lambda group: len(group.nodes))
    assert len(big.nodes) > review_tables.GROUP_SITES_SHOWN
    page = client.get(f"{url}?sort=sites&desc=1", headers=HTMX).text
    assert f"en nog {len(big.nodes) - review_tables.GROUP_SITES_SHOWN}: alle locaties van de groep" in page
    link = re.search(r'href="([^"]*/hotspots\?group=[^"#]*)#hotspots"', page)
    assert link is not None
    filtered = client.get(html.unescape(link.group(1)), headers=HTMX).text
    assert "Alleen de risico&#39;s van de groep" in filtered
    shown: set[str] = set()
    for number in range(1, -(-len(big.nodes) // PER_PAGE) + 1):
        filtered = client.get(f"{html.unescape(link.group(1))}&page={number}", headers=HTMX).text
        rows_shown = cells(filtered)
        assert all(row[5] == theme_label(big.theme, "nl") for row in rows_shown)
        shown |= {row[2] for row in rows_shown}
    assert shown == set(big.nodes)


def test_many_findings_of_one_kind_are_listed_a_page_at_a_time(
    client: TestClient, session: Session, parties: Parties
) -> None:
    rows = [ChainRow(2, "WN", "Werkkleding Nederland BV", "NL", "trading", "Garments")]
    for i in range(1, 18):
        rows.append(ChainRow(len(rows) + 2, f"M{i}", f"Maker {i}", "BD", "cut-make-trim", "Garments", "WN"))
        rows.append(ChainRow(len(rows) + 2, f"W{i}", f"Weaver {i}", "BD", "weaving", "Fabric", f"M{i}", "50"))
    submit(session, parties, rows)
    log_in(client, parties.buyer.email)
    url = f"{page_url(parties)}/findings"
    page = client.get(page_url(parties), headers=EN).text
    section = page.split('<section id="findings"', 1)[1].split("</section>", 1)[0]
    assert "<summary>Show all 17</summary>" in section
    makers = re.findall(r">Maker (\d+)</a>", section)
    assert makers == [str(i) for i in range(1, PER_PAGE + 1)]
    group = re.search(r'href="([^"]*entries=2[^"]*)#findings"', section)
    assert group is not None
    second = client.get(html.unescape(group.group(1)), headers={**HTMX, **EN}).text
    assert re.findall(r">Maker (\d+)</a>", second) == [str(i) for i in range(PER_PAGE + 1, 2 * PER_PAGE + 1)]
    assert '<details class="finding-group" open>' in second  # the group stays open on its page
    key = re.search(r"group=([^&]*)&", html.unescape(group.group(1)))
    assert key is not None
    last = client.get(f"{url}?group={key.group(1)}&entries=999", headers={**HTMX, **EN}).text
    assert re.findall(r">Maker (\d+)</a>", last) == ["15", "16", "17"]


def test_the_changes_show_counts_first_then_each_list_paged_in_natural_order(
    client: TestClient, session: Session, parties: Parties
) -> None:
    before = chain(20)
    after = [row if row.id not in {"S3", "S12"} else row._replace(country="PK") for row in chain(20)[:-4]]
    after += chain(15, first=21)[1:]
    submit(session, parties, before)
    submit(session, parties, after)
    log_in(client, parties.buyer.email)
    url = f"{page_url(parties, 2)}/changes"
    changes = client.get(url, headers=HTMX).text
    counts = cells(changes.split('<table class="change-counts">', 1)[1])
    assert counts[:4] == [
        ["Locaties toegevoegd", "15"],
        ["Locaties verwijderd", "4"],
        ["Leveringsrelaties toegevoegd", "15"],
        ["Leveringsrelaties verwijderd", "4"],
    ]
    assert changes.index("change-counts") < changes.index("<h3>")
    added = changes.split('id="changes-nodes_added"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r"<li>(S\d+) ", added) == [f"S{n}" for n in range(21, 21 + PER_PAGE)]
    removed = changes.split('id="changes-nodes_removed"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r"<li>(S\d+) ", removed) == ["S17", "S18", "S19", "S20"]
    changed = changes.split('id="changes-changed"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r"<li>(S\d+), land", changed) == ["S3", "S12"]  # natural order: S3 before S12
    second = client.get(f"{url}?kind=nodes_added&page=2", headers=HTMX).text
    added = second.split('id="changes-nodes_added"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r"<li>(S\d+) ", added) == [f"S{n}" for n in range(21 + PER_PAGE, 21 + 2 * PER_PAGE)]
    links = second.split('id="changes-links_added"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r"<li>(S\d+) → WK", links)[:2] == ["S21", "S22"]  # other kinds: their first page
    page = client.get(f"{url}?kind=nodes_added&page=3").text  # without htmx: the page at that state
    assert "<html" in page and "<li>S35 (Naaiatelier 35)</li>" in page


def test_paging_and_sorting_never_analyse_the_version_again(
    client: TestClient, session: Session, parties: Parties, monkeypatch: pytest.MonkeyPatch
) -> None:
    submit(session, parties, chain(20))
    review_service.forget_analyses()
    review_tables.forget_tables()
    calls: list[int] = []
    real = review_service.analyse_built

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(review_service, "analyse_built", counting)
    log_in(client, parties.buyer.email)
    for url in (
        "",
        "/hotspots?page=3&sort=country",
        "/hotspots?sort=salience&desc=1&q=s1",
        "/risk-groups?page=2&sort=exposure",
        "/findings?page=2",
    ):
        assert client.get(page_url(parties) + url, headers=HTMX if url else {}).status_code == 200
    assert len(calls) == 1


@pytest.mark.parametrize(
    "url", ["/hotspots?page=2", "/risk-groups?sort=sites", "/findings", "/changes?kind=nodes_added"]
)
def test_another_organisation_gets_404_on_every_table(
    client: TestClient, session: Session, parties: Parties, url: str
) -> None:
    submit(session, parties, chain(12))
    submit(session, parties, chain(14))
    make_user(session, email="inkoper@elders.nl", role=Role.BUYER, organisation="Gemeente Elders")
    other = make_contract(session, reference="ELDERS-1")
    log_in(client, "inkoper@elders.nl")
    for headers in ({}, HTMX):
        response = client.get(page_url(parties, 2) + url, headers=headers)
        assert response.status_code == 404 and "Naaiatelier" not in response.text
    assert client.get(f"/contracts/{other.id}/versions/2{url}").status_code == 404
