"""Chain files as JSON in networkx's node-link form.

    {"directed": true, "multigraph": false, "graph": {"contractor": "WK"},
     "nodes": [{"id": "WK", "name": "...", "country": "NL", "activity": "trading", "goods": ["Garments"]}],
     "links": [{"source": "BD-CMT", "target": "WK", "share": 60}]}

Reading turns the nodes into `ChainRow`s (row = 1-based position in "nodes"), with each node's links folded
into its `supplies_to` and `share` cells in link order, so that JSON is validated by exactly the same rules as
CSV and XLSX. Numbers are accepted where text is expected (an id 1001 is "1001"); a country of null means
unknown, as in the graph itself. "edges" is accepted in place of "links" (the key networkx uses by default
from version 3.6). A node's "region" is optional and written only when given. Node fields outside the format
are ignored with a warning; "directed", "multigraph" and "graph" are not read, because the links always run
supplier -> customer and the contractor follows from them.

Writing produces the same form by hand (no networkx serialiser, whose key defaults are changing), with
countries as alpha-2 or "unknown", shares as numbers and no file row numbers.
"""

import json
import math
from collections.abc import Mapping
from typing import Any, Final

import networkx as nx

from chainmap.chain import COLUMNS, LIST_SEPARATOR, UNKNOWN_COUNTRY, ChainRow
from chainmap.chainfile.table import ChainFile, file_error, format_share, node_records
from chainmap.findings import Finding, Severity
from chainmap.validation import QUOTED_AT_MOST

NODE_FIELDS: Final[tuple[str, ...]] = ("id", "name", "country", "activity", "goods", "region")


def _text(value: Any) -> str | None:
    """A scalar JSON value as cell text; None when it is not a scalar (an object or a list)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_share(value) if math.isfinite(value) else None
    if isinstance(value, str):
        return value.strip()
    return None


def _goods_text(value: Any) -> str | None:
    if isinstance(value, list):
        items = [_text(item) for item in value]
        if any(item is None for item in items):
            return None
        return LIST_SEPARATOR.join(item for item in items if item)
    return _text(value)


def _node_row(position: int, node: Mapping[str, Any], findings: list[Finding]) -> ChainRow:
    cells: dict[str, str] = {}
    for field in NODE_FIELDS:
        value = node.get(field)
        if field == "country" and field in node and value is None:
            value = UNKNOWN_COUNTRY
        text = _goods_text(value) if field == "goods" else _text(value)
        if text is None:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "chain.json_value_invalid",
                    {"row": position, "column": field},
                    row=position,
                    column=field,
                )
            )
            text = ""
        cells[field] = text
    return ChainRow(row=position, **cells)


def _share_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip()
    return _text(value)


def read_json(data: bytes, *, max_rows: int) -> ChainFile:
    """Chain rows from node-link JSON bytes; problems with the file become findings, never exceptions."""
    if not data.strip():
        return file_error("chain.file_empty")
    try:
        document = json.loads(data)
    except json.JSONDecodeError as error:
        return file_error("chain.file_not_json", line=error.lineno, position=error.colno)
    except (ValueError, RecursionError):
        return file_error("chain.file_not_json", line=1, position=1)
    if not isinstance(document, dict):
        return file_error("chain.json_structure")
    nodes = document.get("nodes")
    links = document.get("links", document.get("edges", []))
    if not isinstance(nodes, list) or not isinstance(links, list):
        return file_error("chain.json_structure")
    if len(nodes) > max_rows:
        return file_error("chain.file_too_many_rows", limit=max_rows)
    findings: list[Finding] = []
    rows: list[ChainRow] = []
    ignored: set[str] = set()
    for position, node in enumerate(nodes, start=1):
        if not isinstance(node, dict):
            findings.append(
                Finding(Severity.ERROR, "chain.json_node_invalid", {"row": position}, row=position)
            )
            continue
        rows.append(_node_row(position, node, findings))
        ignored.update(str(key) for key in node if key not in NODE_FIELDS)
    findings.extend(
        Finding(Severity.WARNING, "chain.column_ignored", {"column": key}) for key in sorted(ignored)
    )
    return ChainFile(_with_links(rows, links, findings), findings)


def _with_links(rows: list[ChainRow], links: list[Any], findings: list[Finding]) -> list[ChainRow]:
    """The rows with each link folded into its source's `supplies_to` and `share` cells."""
    first_of: dict[str, int] = {}
    for index, row in enumerate(rows):
        if row.id:
            first_of.setdefault(row.id, index)
    targets: dict[int, list[str]] = {}
    shares: dict[int, list[str]] = {}
    for position, link in enumerate(links, start=1):
        source = _text(link.get("source")) if isinstance(link, dict) else None
        target = _text(link.get("target")) if isinstance(link, dict) else None
        share = _share_text(link.get("share")) if isinstance(link, dict) else None
        if not source or not target:
            findings.append(Finding(Severity.ERROR, "chain.json_link_invalid", {"position": position}))
            continue
        if share is None:
            value = (
                json.dumps(link.get("share"), ensure_ascii=False)[:QUOTED_AT_MOST]
                if isinstance(link, dict)
                else ""
            )
            params = {"position": position, "source": source, "target": target, "value": value}
            findings.append(Finding(Severity.ERROR, "chain.json_link_share_invalid", params, nodes=(source,)))
            share = ""
        source_index = first_of.get(source)
        if source_index is None:
            findings.append(
                Finding(
                    Severity.ERROR,
                    "chain.json_link_source_unknown",
                    {"position": position, "value": source},
                    nodes=(source,),
                )
            )
            continue
        targets.setdefault(source_index, []).append(target)
        shares.setdefault(source_index, []).append(share)
    result = []
    for index, row in enumerate(rows):
        if index not in targets:
            result.append(row)
            continue
        row_shares = shares[index]
        share_cell = LIST_SEPARATOR.join(row_shares) if any(row_shares) else ""
        cells = {column: getattr(row, column) for column in COLUMNS}
        cells["supplies_to"] = LIST_SEPARATOR.join(targets[index])
        cells["share"] = share_cell
        result.append(ChainRow(row=row.row, **cells))
    return result


def write_json(graph: "nx.DiGraph[str]") -> bytes:
    """The chain as node-link JSON bytes, UTF-8."""
    nodes = []
    links = []
    for record in node_records(graph):
        nodes.append(
            {
                "id": record.id,
                "name": record.name,
                "country": record.country,
                "activity": record.activity,
                "goods": list(record.goods),
                **({"region": record.region} if record.region else {}),
            }
        )
        for customer, share in zip(record.customers, record.shares, strict=True):
            links.append({"source": record.id, "target": customer, "share": _json_number(share)})
    document = {
        "directed": True,
        "multigraph": False,
        "graph": {"contractor": graph.graph["contractor"]} if "contractor" in graph.graph else {},
        "nodes": nodes,
        "links": links,
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8", errors="replace")


def _json_number(share: float | None) -> int | float | None:
    if share is None:
        return None
    return int(share) if share.is_integer() else share
