"""Properties of chain validation on arbitrary rows: it never raises, and what it accepts is a sound chain."""

from itertools import pairwise

import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from chainmap import validation
from chainmap.chain import ChainRow
from chainmap.validation import BuiltChain, build_chain, share_total_findings
from tests.factories.chainfiles import chain_reference

REFERENCE = chain_reference()

# Cells full of anything: separators, percent signs, digits, whitespace, accents, control characters.
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ["", " ", ";", ";;", "unknown", "NL", "Burma", "40", "40,5", "150%", "-1", "nan", "1e999", "Cotton"]
)

SHARES = st.sampled_from(["", "20", "10%", "0", "5,5"])
ODD_SHARES = st.sampled_from(["x", "120", "-1"])


@st.composite
def linked_rows(draw: st.DrawFn) -> list[dict[str, str]]:
    """Rows with valid cells whose links mostly run towards earlier rows (a chain with the first row
    as contractor), now and then anywhere: at the site itself, at later rows (cycles) or a missing id;
    now and then an id is repeated or a share is wrong."""

    def rarely() -> bool:
        return draw(st.integers(0, 24)) == 0

    count = draw(st.integers(1, 10))
    rows = []
    for position in range(count):
        customers: list[int] = []
        wanted = draw(st.integers(1, 3)) if position else int(rarely())
        for _ in range(wanted):
            if position and not rarely():
                customers.append(draw(st.integers(0, position - 1)))
            else:
                customers.append(draw(st.integers(-1, count)))
        shares = [draw(ODD_SHARES if rarely() else SHARES) for _ in dict.fromkeys(customers)]
        rows.append(
            {
                "id": f"N{draw(st.integers(0, count))}" if rarely() else f"N{position}",
                "name": "Site",
                "country": draw(st.sampled_from(["NL", "bd", "unknown", "Burma"])),
                "activity": draw(st.sampled_from(["weaving", "Weven", "embroidery"])),
                "goods": draw(st.sampled_from(["", "Cotton", "Cotton;Lace", ";"])),
                "supplies_to": ";".join(f"N{customer}" for customer in dict.fromkeys(customers)),
                "share": ";".join(shares) if draw(st.booleans()) else "",
            }
        )
    return rows


def rows_from(cells: list[dict[str, str]]) -> list[ChainRow]:
    return [ChainRow(row=number, **row) for number, row in enumerate(cells, start=2)]


def check_sound(built: BuiltChain) -> None:
    """Every finding renders; an accepted chain is acyclic with one contractor that every site reaches."""
    for finding in built.findings:
        assert finding.message("en") and finding.message("nl")
    if built.ok:
        graph = built.graph
        contractor = graph.graph["contractor"]
        assert nx.is_directed_acyclic_graph(graph)
        assert [node for node in graph if graph.out_degree(node) == 0] == [contractor]
        assert nx.ancestors(graph, contractor) | {contractor} == set(graph)
        for customer in graph:
            shares: list[float] = [
                data["share"]
                for _, _, data in graph.in_edges(customer, data=True)
                if data["share"] is not None
            ]
            assert all(0 <= s <= 100 for s in shares) and sum(shares) <= 100 + 1e-6


@settings(max_examples=200)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                column: ANY_TEXT
                for column in ("id", "name", "country", "activity", "goods", "supplies_to", "share")
            }
        ),
        max_size=8,
    )
)
def test_validation_never_raises_on_arbitrary_rows(cells: list[dict[str, str]]) -> None:
    check_sound(build_chain(rows_from(cells), reference=REFERENCE))


@settings(max_examples=300)
@given(linked_rows())
def test_what_validation_accepts_is_a_sound_chain(cells: list[dict[str, str]]) -> None:
    check_sound(build_chain(rows_from(cells), reference=REFERENCE))


@st.composite
def hundredths_adding_up_to(draw: st.DrawFn) -> list[int]:
    """Shares in hundredths of a percent, 1-40 of them, whose exact total is often at an edge of the
    rounding (99.49, 99.5, 100.5, 100.51) and otherwise anywhere from 0 to 120%."""
    total = draw(st.sampled_from([9949, 9950, 9999, 10000, 10050, 10051]) | st.integers(0, 12000))
    count = draw(st.integers(1, 40))
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, total]
    parts = [high - low for low, high in pairwise(bounds)]
    assume(all(part <= 10000 for part in parts))  # one share over 100 is an error of its own
    return parts


@settings(max_examples=300)
@given(hundredths_adding_up_to())
def test_share_totals_are_judged_on_their_decimal_value_with_half_a_point_of_rounding(
    hundredths: list[int],
) -> None:
    # Each share is written as a decimal ("33.25"); their float sum must be judged as the exact sum is.
    rows = [ChainRow(row=2, id="WK", name="Contractor", country="NL", activity="trading")]
    rows += [
        ChainRow(
            row=3 + i,
            id=f"S{i}",
            name="Site",
            country="NL",
            activity="weaving",
            supplies_to="WK",
            share=f"{part // 100}.{part % 100:02d}",
        )
        for i, part in enumerate(hundredths)
    ]
    total = sum(hundredths)
    found = [f.code for f in build_chain(rows, reference=REFERENCE).findings]
    with pytest.MonkeyPatch.context() as patch:  # the totals of a large chain, added up with numpy
        patch.setattr(validation, "ARRAY_PEEL_FROM", 0)
        assert [f.code for f in build_chain(rows, reference=REFERENCE).findings] == found
    if total > 10050:
        expected = ["chain.share_total_over_100"]
    elif total < 9950:
        expected = ["chain.share_total_under_100"]
    else:
        expected = []
    assert found == expected


@settings(max_examples=300)
@given(linked_rows())
def test_share_totals_found_while_building_equal_the_graph_check(cells: list[dict[str, str]]) -> None:
    # build_chain adds up the shares as it makes the links; share_total_findings does it on any graph.
    built = build_chain(rows_from(cells), reference=REFERENCE)
    found = [f for f in built.findings if f.code.startswith("chain.share_total")]
    assert sorted(found, key=repr) == sorted(share_total_findings(built.graph), key=repr)


@settings(max_examples=300)
@given(linked_rows())
def test_peeling_with_numpy_gives_what_peeling_the_graph_gives(cells: list[dict[str, str]]) -> None:
    # Large chains are peeled over their recorded links with numpy; forced here on small ones. Where a
    # cycle leaves sites unpeeled, the graph is peeled as for a small chain.
    rows = rows_from(cells)
    over_graph = build_chain(rows, reference=REFERENCE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(validation, "ARRAY_PEEL_FROM", 0)
        with_numpy = build_chain(rows, reference=REFERENCE)
    assert with_numpy.upstream_order == over_graph.upstream_order
    assert with_numpy.findings == over_graph.findings
    order = over_graph.upstream_order
    if over_graph.ok:  # every customer before its suppliers, level by level, each level in row order
        place = {node: number for number, node in enumerate(order)}
        assert all(place[customer] < place[supplier] for supplier, customer in over_graph.graph.edges)
        assert with_numpy.links.levels is not None
        levels = dict(zip(over_graph.links.index, with_numpy.links.levels.tolist(), strict=True))
        rows_of = over_graph.graph.nodes(data="row")
        assert order == sorted(over_graph.graph, key=lambda node: (levels[node], rows_of[node]))
