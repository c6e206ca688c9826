"""The optional region column: read from CSV, XLSX and JSON (Dutch header too), kept through every
conversion, absent where not given, and files without the column read as before."""

import io
import json
from collections.abc import Callable

import networkx as nx
import pytest

from chainmap.analysis import node_risks
from chainmap.chainfile import (
    ChainFile,
    chain_to_csv,
    chain_to_json,
    chain_to_xlsx,
    parse_csv,
    parse_json,
    parse_xlsx,
)
from chainmap.themes import Level
from chainmap.validation import build_chain
from tests.factories.chainfiles import chain_reference, csv_text

REFERENCE = chain_reference()
HEADER = ["id", "name", "country", "activity", "goods", "supplies_to", "share", "region"]
LINES = [
    HEADER,
    ["WK", "Werkkleding BV", "NL", "trading", "Garments", "", "", ""],
    ["XJ-SPIN", "Aksu Spinning", "CN", "spinning", "Thread/Yarn", "WK", "60", "Xinjiang"],
    ["GD-CMT", "Guangzhou Sewing", "China", "cut-make-trim", "Garments", "WK", "40", "Guangdong"],
]


def test_a_csv_region_lands_on_the_node_and_is_absent_where_empty() -> None:
    chain_file = parse_csv(csv_text(LINES).encode())
    assert chain_file.findings == []
    graph = build_chain(chain_file.rows, reference=REFERENCE).graph
    assert graph.nodes["XJ-SPIN"]["region"] == "Xinjiang"
    assert graph.nodes["GD-CMT"]["region"] == "Guangdong"
    assert "region" not in graph.nodes["WK"]


def test_the_dutch_header_regio_is_the_region_column() -> None:
    lines = [[*HEADER[:-1], "Regio"], *LINES[1:]]
    chain_file = parse_csv(csv_text(lines).encode())
    assert chain_file.findings == [] and chain_file.rows[1].region == "Xinjiang"


def test_a_file_without_the_region_column_reads_as_before() -> None:
    chain_file = parse_csv(csv_text([row[:-1] for row in LINES]).encode())
    assert chain_file.findings == []
    graph = build_chain(chain_file.rows, reference=REFERENCE).graph
    assert all("region" not in data for _, data in graph.nodes(data=True))


@pytest.mark.parametrize(
    ("write", "read"),
    [
        (chain_to_csv, parse_csv),
        (chain_to_xlsx, lambda data: parse_xlsx(io.BytesIO(data))),
        (chain_to_json, parse_json),
    ],
)
def test_every_format_keeps_the_region(
    write: Callable[["nx.DiGraph[str]"], bytes], read: Callable[[bytes], ChainFile]
) -> None:
    graph = build_chain(parse_csv(csv_text(LINES).encode()).rows, reference=REFERENCE).graph
    again = build_chain(read(write(graph)).rows, reference=REFERENCE).graph
    assert {node: data.get("region") for node, data in again.nodes(data=True)} == {
        "WK": None,
        "XJ-SPIN": "Xinjiang",
        "GD-CMT": "Guangdong",
    }


def test_json_writes_a_region_only_where_given_and_reads_null_as_none() -> None:
    graph = build_chain(parse_csv(csv_text(LINES).encode()).rows, reference=REFERENCE).graph
    nodes = json.loads(chain_to_json(graph))["nodes"]
    assert [node.get("region") for node in nodes] == [None, "Xinjiang", "Guangdong"]
    assert "region" not in nodes[0]
    nodes[1]["region"] = None
    document = {"nodes": nodes, "links": [{"source": "XJ-SPIN", "target": "WK"}]}
    rows = parse_json(json.dumps(document).encode()).rows
    assert rows[1].region == ""


def test_the_site_in_xinjiang_is_very_high_for_forced_labour_from_the_file() -> None:
    graph = build_chain(parse_csv(csv_text(LINES).encode()).rows, reference=REFERENCE).graph
    risks = node_risks(graph, reference=REFERENCE)
    forced = risks["XJ-SPIN"]["forced_labour"]
    assert forced.level == Level.VERY_HIGH
    assert "reason.uflpa_xinjiang" in [reason.code for reason in forced.reasons]
    assert "reason.uflpa_xinjiang" not in [reason.code for reason in risks["GD-CMT"]["forced_labour"].reasons]
