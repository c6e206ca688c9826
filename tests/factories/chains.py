"""Build chain graphs for tests without going through a file."""

from collections.abc import Iterable

import networkx as nx


def make_chain(
    nodes: Iterable[tuple[str, str | None, str] | tuple[str, str | None, str, tuple[str, ...]]],
    edges: Iterable[tuple[str, str] | tuple[str, str, float | None]],
    *,
    contractor: str,
) -> "nx.DiGraph[str]":
    """A chain graph from (id, country, activity[, goods]) nodes and (supplier, customer[, share]) edges.

    Node names are "Site <id>"; the graph follows the conventions of `chainmap.chain`.
    """
    graph: nx.DiGraph[str] = nx.DiGraph(contractor=contractor)
    for node in nodes:
        node_id, country, activity = node[0], node[1], node[2]
        goods = node[3] if len(node) == 4 else ()
        graph.add_node(
            node_id, name=f"Site {node_id}", country=country, activity=activity, goods=goods, row=None
        )
    for edge in edges:
        share = edge[2] if len(edge) == 3 else None
        graph.add_edge(edge[0], edge[1], share=share)
    return graph
