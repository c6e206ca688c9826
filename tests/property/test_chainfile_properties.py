"""Properties of chain files: writing a valid chain and reading it back gives the same graph, in every
format and through every conversion; and no bytes make a reader raise."""

import io
import unicodedata
from collections.abc import Callable
from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from chainmap.activities import ACTIVITIES, normalise_activity
from chainmap.chainfile import (
    ChainFile,
    chain_to_csv,
    chain_to_json,
    chain_to_xlsx,
    parse_csv,
    parse_json,
    parse_xlsx,
)
from chainmap.chainfile.csv_format import DEFUSED_STARTS
from chainmap.validation import SHARE_DIGITS, build_chain
from tests.factories.chainfiles import chain_reference

REFERENCE = chain_reference()

# Text as suppliers write it: any printable character (no control characters, which a spreadsheet
# cannot hold), without surrounding whitespace, which readers strip, and not an apostrophe before a
# formula sign, which CSV reading takes for the writer's own defusing (csv_format.FORMULA_STARTS).
TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Cn")), min_size=1, max_size=20).filter(
    lambda text: text == text.strip() and text != "" and not text.startswith(DEFUSED_STARTS)
)
# Ids as the graph keeps them: in Unicode NFC (validation.site_id).
IDS = TEXT.map(lambda text: unicodedata.normalize("NFC", text)).filter(
    lambda text: ";" not in text and text == text.strip() and not text.startswith(DEFUSED_STARTS)
)
UNKNOWN_GOODS = IDS.filter(lambda text: REFERENCE.resolve_good(text) is None)
UNKNOWN_ACTIVITIES = IDS.map(str.lower).filter(
    lambda text: normalise_activity(text) is None and text == text.lower() and text == text.strip()
)
FRACTIONS = st.floats(0, 1) | st.sampled_from([0.0, 0.5, 1.0, 1 / 3])


@st.composite
def chains(draw: st.DrawFn) -> "nx.DiGraph[str]":
    """A valid chain: node 0 the contractor, every other node supplying one to three earlier nodes,
    shares (or none) that never add up to more than 100 for one customer, a region at some nodes."""
    ids = draw(st.lists(IDS, min_size=1, max_size=8, unique=True))
    graph: nx.DiGraph[str] = nx.DiGraph(contractor=ids[0])
    for position, node in enumerate(ids):
        goods = draw(
            st.lists(st.sampled_from(sorted(REFERENCE.goods)) | UNKNOWN_GOODS, max_size=3, unique=True)
        )
        graph.add_node(
            node,
            name=draw(TEXT),
            country=draw(st.sampled_from([None, *sorted(REFERENCE.countries)])),
            activity=draw(st.sampled_from(sorted(ACTIVITIES)) | UNKNOWN_ACTIVITIES),
            goods=tuple(goods),
            row=position + 2,
        )
        region = draw(st.none() | TEXT | st.sampled_from(["Xinjiang", "新疆", "XUAR", "Sindh"]))
        if region is not None:  # absent, as build_chain leaves it, when the file gives none
            graph.nodes[node]["region"] = region
        if position:
            customers = draw(st.lists(st.sampled_from(ids[:position]), min_size=1, max_size=3, unique=True))
            for customer in customers:
                graph.add_edge(node, customer, share=None)
    for customer in graph:
        suppliers = list(graph.predecessors(customer))
        for supplier in suppliers:
            if draw(st.booleans()):
                share = draw(FRACTIONS) * 100 / len(suppliers)
                # As build_chain keeps them: to the digits a spreadsheet keeps.
                graph.edges[supplier, customer]["share"] = float(f"{share:.{SHARE_DIGITS}g}")
    return graph


def graph_content(graph: "nx.DiGraph[str]", *, rows: bool = True) -> tuple[Any, ...]:
    nodes = [(node, {**data, "row": data["row"] if rows else None}) for node, data in graph.nodes(data=True)]
    edges = sorted((u, v, data["share"]) for u, v, data in graph.edges(data=True))
    return nodes, edges, graph.graph


def read_back(data: bytes, parse: Callable[[bytes], ChainFile]) -> "nx.DiGraph[str]":
    chain_file = parse(data)
    assert not any(f.blocking for f in chain_file.findings), [f.message() for f in chain_file.findings]
    built = build_chain(chain_file.rows, reference=REFERENCE)
    assert built.ok, [f.message() for f in built.findings]
    return built.graph


def parse_xlsx_bytes(data: bytes) -> ChainFile:
    return parse_xlsx(io.BytesIO(data))


@settings(max_examples=100)
@given(chains())
def test_csv_round_trip_is_lossless(graph: "nx.DiGraph[str]") -> None:
    assert graph_content(read_back(chain_to_csv(graph), parse_csv)) == graph_content(graph)


@settings(max_examples=100)
@given(chains())
def test_json_round_trip_is_lossless_but_for_file_rows(graph: "nx.DiGraph[str]") -> None:
    again = read_back(chain_to_json(graph), parse_json)
    assert graph_content(again, rows=False) == graph_content(graph, rows=False)


@settings(max_examples=30)
@given(chains())
def test_xlsx_round_trip_is_lossless(graph: "nx.DiGraph[str]") -> None:
    assert graph_content(read_back(chain_to_xlsx(graph), parse_xlsx_bytes)) == graph_content(graph)


@settings(max_examples=30)
@given(chains())
def test_conversion_through_every_format_is_lossless(graph: "nx.DiGraph[str]") -> None:
    from_csv = read_back(chain_to_csv(graph), parse_csv)
    from_xlsx = read_back(chain_to_xlsx(from_csv), parse_xlsx_bytes)
    from_json = read_back(chain_to_json(from_xlsx), parse_json)
    assert graph_content(read_back(chain_to_csv(from_json), parse_csv)) == graph_content(graph)


@settings(max_examples=200)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes) -> None:
    for parse in (parse_csv, parse_json, parse_xlsx_bytes):
        chain_file = parse(data)
        for finding in chain_file.findings:
            assert finding.message("en") and finding.message("nl")
        build_chain(chain_file.rows, reference=REFERENCE)
