"""Reading and writing chain files as JSON in networkx node-link form."""

import json
from typing import Any

import networkx as nx
import pytest

from chainmap.chain import ChainRow
from chainmap.chainfile import ChainFile, chain_to_json, parse_json
from chainmap.findings import Severity
from chainmap.validation import build_chain
from tests.factories.chainfiles import chain_reference, garment_rows

REFERENCE = chain_reference()


def node_link(nodes: list[Any], links: list[Any], **extra: Any) -> bytes:
    document = {"directed": True, "multigraph": False, "graph": {}, "nodes": nodes, "links": links, **extra}
    return json.dumps(document).encode()


def node(node_id: Any, **fields: Any) -> dict[str, Any]:
    return {"id": node_id, "name": f"Site {node_id}", "country": "NL", "activity": "trading", **fields}


def codes(chain_file: ChainFile) -> list[str]:
    return [finding.code for finding in chain_file.findings]


def test_nodes_become_rows_with_their_links_folded_in() -> None:
    data = node_link(
        [node("WK", goods=["Garments"]), node("A", country="BD"), node("B", goods=["Fabric", "Cotton"])],
        [
            {"source": "A", "target": "WK", "share": 60},
            {"source": "B", "target": "A", "share": None},
            {"source": "B", "target": "WK", "share": 12.5},
        ],
    )
    chain_file = parse_json(data)
    assert chain_file.findings == []
    assert chain_file.rows == [
        ChainRow(1, "WK", "Site WK", "NL", "trading", "Garments"),
        ChainRow(2, "A", "Site A", "BD", "trading", "", "WK", "60"),
        ChainRow(3, "B", "Site B", "NL", "trading", "Fabric;Cotton", "A;WK", ";12.5"),
    ]
    built = build_chain(chain_file.rows, reference=REFERENCE)
    assert built.ok
    assert built.graph.edges["B", "A"]["share"] is None and built.graph.edges["B", "WK"]["share"] == 12.5


def test_numbers_are_read_as_text_null_country_as_unknown_and_edges_as_links() -> None:
    data = json.dumps(
        {"nodes": [node(1001, country=None), node(1002)], "edges": [{"source": 1002, "target": 1001}]}
    ).encode()
    chain_file = parse_json(data)
    assert chain_file.findings == []
    assert [(row.id, row.country, row.supplies_to) for row in chain_file.rows] == [
        ("1001", "unknown", ""),
        ("1002", "NL", "1001"),
    ]


def test_a_value_of_the_wrong_type_names_node_position_and_field() -> None:
    data = node_link([node("WK"), node("A", name={"first": "x"}), node("B", goods=["ok", 3, ["no"]])], [])
    chain_file = parse_json(data)
    findings = [(f.code, f.row, f.column) for f in chain_file.findings]
    assert findings == [("chain.json_value_invalid", 2, "name"), ("chain.json_value_invalid", 3, "goods")]
    assert chain_file.findings[0].message() == (
        'Node 2, field "name": this value must be text (or a list of texts for goods).'
    )


def test_a_node_that_is_no_object_is_an_error_at_its_position() -> None:
    chain_file = parse_json(node_link([node("WK"), "A"], []))
    (finding,) = chain_file.findings
    assert (finding.code, finding.row) == ("chain.json_node_invalid", 2)
    assert [row.id for row in chain_file.rows] == ["WK"]


def test_broken_links_are_errors() -> None:
    links = [
        {"source": "A"},
        "A->WK",
        {"source": "Z", "target": "WK"},
        {"source": "A", "target": "WK", "share": {}},
    ]
    chain_file = parse_json(node_link([node("WK"), node("A")], links))
    assert codes(chain_file) == [
        "chain.json_link_invalid",
        "chain.json_link_invalid",
        "chain.json_link_source_unknown",
        "chain.json_link_share_invalid",
    ]
    assert chain_file.findings[2].params == {"position": 3, "value": "Z"}
    assert chain_file.findings[3].message() == (
        'Link 4 in the JSON file ("A" to "WK") has a share that is not a number: {}. Give the share as a '
        "number from 0 to 100, or leave it out."
    )


def test_node_fields_outside_the_format_are_a_warning_once_each() -> None:
    chain_file = parse_json(node_link([node("WK", tier=0, row=1), node("A", tier=1)], []))
    assert [(f.code, f.severity, f.params) for f in chain_file.findings] == [
        ("chain.column_ignored", Severity.WARNING, {"column": "row"}),
        ("chain.column_ignored", Severity.WARNING, {"column": "tier"}),
    ]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "chain.file_empty"),
        (b"  \n", "chain.file_empty"),
        (b'{"nodes": [', "chain.file_not_json"),
        (b"\xff\xfe\x00garbage", "chain.file_not_json"),
        (b"[" * 100_000 + b"]" * 100_000, "chain.file_not_json"),
        (b"[1, 2]", "chain.json_structure"),
        (b'{"nodes": {}}', "chain.json_structure"),
        (b'{"nodes": [], "links": 3}', "chain.json_structure"),
    ],
)
def test_a_file_that_is_no_chain_json_is_one_clear_error(data: bytes, code: str) -> None:
    chain_file = parse_json(data)
    assert codes(chain_file) == [code]
    assert chain_file.rows == []


def test_json_syntax_error_names_line_and_position() -> None:
    (finding,) = parse_json(b'{\n "nodes": [\n  {"id": "WK",}\n ]\n}').findings
    assert finding.params == {"line": 3, "position": 15}


def test_writer_produces_node_link_json_that_networkx_reads() -> None:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    graph.nodes["TR-CMT"]["country"] = None
    document = json.loads(chain_to_json(graph))
    assert document["graph"] == {"contractor": "WK"}
    assert document["nodes"][2] == {
        "id": "TR-CMT",
        "name": "Site TR-CMT",
        "country": "unknown",
        "activity": "cut-make-trim",
        "goods": ["Garments"],
    }
    assert {"source": "MILL", "target": "TR-CMT", "share": 50} in document["links"]
    read_back = nx.node_link_graph(document, edges="links")
    assert set(read_back.edges) == set(graph.edges)


def test_json_round_trip_gives_an_equal_graph_but_for_rows() -> None:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    again = build_chain(parse_json(chain_to_json(graph)).rows, reference=REFERENCE)
    assert again.ok
    assert [(n, {**a, "row": None}) for n, a in again.graph.nodes(data=True)] == [
        (n, {**a, "row": None}) for n, a in graph.nodes(data=True)
    ]
    assert [again.graph.nodes[n]["row"] for n in again.graph] == [1, 2, 3, 4]
    assert sorted(again.graph.edges(data="share")) == sorted(graph.edges(data="share"))
    assert again.graph.graph == graph.graph
