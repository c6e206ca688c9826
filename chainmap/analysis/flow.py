"""How volume flows through a chain: exposure per node and tier per node.

Edges run supplier -> customer; a share on an edge is the percentage of the customer's total input that
the supplier supplies. The functions expect a valid chain (a DAG in which every node reaches the
contractor), as `chainmap.validation` builds it, and run in O(V + E).
"""

from collections import deque
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from chainmap.chain import contractor, customers_of, shares_add_up_to_whole, suppliers_of

if TYPE_CHECKING:
    import networkx as nx


def input_fractions(suppliers: Mapping[str, Mapping[str, Any]]) -> tuple[float, float]:
    """How a customer's input divides among its suppliers: (rest, scale).

    `rest` is the fraction (0-1) that each supplier without a share supplies: the rest of 100 after the
    given shares, not below 0, split equally among them (0 when every share is given). A supplier with a
    share supplies `share * scale`. Shares are read as given (scale 1/100), except where they stand for
    the customer's whole input by rounding (`chainmap.chain.shares_add_up_to_whole`): when every supplier
    has a share and they add up to 99.5-100.5, or the given shares add up to more than 100 (validation
    lets that through only within the rounding), they are scaled to add up to exactly 100. So 3 x 33.3
    passes on the whole input, not 99.9% of it, and no site receives more than its customer.
    """
    given = 0.0
    missing = 0
    for attributes in suppliers.values():
        share = attributes.get("share")
        if share is None:
            missing += 1
        else:
            given += share
    whole = given > 100.0 or (not missing and shares_add_up_to_whole(given))
    scale = 1.0 / given if whole else 0.01
    return (max(0.0, 100.0 - given) / missing / 100.0 if missing else 0.0), scale


def upstream_order(graph: "nx.DiGraph[str]") -> list[str]:
    """The nodes with every customer before its suppliers, starting at the contractor (Kahn's algorithm).

    A cycle or a second node without customers is a programming error here (validation rejects such
    chains) and raises ValueError.
    """
    suppliers, customers = suppliers_of(graph), customers_of(graph)
    waiting = {node: len(links) for node, links in customers.items()}
    order = [node for node, count in waiting.items() if count == 0]
    if order != [contractor(graph)]:
        raise ValueError("chain graph must have its contractor as the only node without customers")
    for customer in order:
        for supplier in suppliers[customer]:
            waiting[supplier] -= 1
            if waiting[supplier] == 0:
                order.append(supplier)
    if len(order) != len(waiting):
        raise ValueError("chain graph has a cycle; validate it with chainmap.validation first")
    return order


def flow_upstream(
    graph: "nx.DiGraph[str]", order: list[str], *, stop_at: Collection[str] = ()
) -> dict[str, float]:
    """The share of the delivered volume that arrives at each node, passed upstream from the contractor.

    Each node passes what arrives to its suppliers by their fractions, and a node supplying several
    customers sums what it receives. Nodes in `stop_at` keep what arrives and pass nothing on.
    """
    suppliers = suppliers_of(graph)
    arrived: dict[str, float] = dict.fromkeys(order, 0.0)
    arrived[order[0]] = 1.0
    for customer in order:
        passing = arrived[customer]
        links = suppliers[customer]
        if passing == 0.0 or not links or customer in stop_at:
            continue
        rest, scale = input_fractions(links)
        for supplier, attributes in links.items():
            share = attributes.get("share")
            arrived[supplier] += passing * (rest if share is None else share * scale)
    return arrived


def exposure(graph: "nx.DiGraph[str]", *, order: list[str] | None = None) -> dict[str, float]:
    """The share (0-1) of the delivered product that passes through each node; the contractor has 1.

    One pass from the contractor upstream in reverse topological order, O(V + E). `order` is
    `upstream_order(graph)` when the caller has it already.
    """
    order = upstream_order(graph) if order is None else order
    return exposure_from(flow_upstream(graph, order))


def exposure_from(arrived: dict[str, float]) -> dict[str, float]:
    """Exposure from the volume arriving at each node: fractions that add up to one may land a rounding
    error above it, so values are capped at 1."""
    return {node: min(value, 1.0) for node, value in arrived.items()}


def tiers(graph: "nx.DiGraph[str]") -> dict[str, int]:
    """Each node's tier: its shortest distance to the contractor (tier 0), by breadth-first search."""
    root = contractor(graph)
    suppliers = suppliers_of(graph)
    tier = {root: 0}
    queue = deque([root])
    while queue:
        customer = queue.popleft()
        next_tier = tier[customer] + 1
        for supplier in suppliers[customer]:
            if supplier not in tier:
                tier[supplier] = next_tier
                queue.append(supplier)
    return tier


@dataclass(frozen=True, slots=True)
class UpstreamWalk:
    """What one pass upstream from the contractor learns about a chain.

    - `arrived`: the share of the delivered volume that arrives at each node (`flow_upstream`).
    - `arrived_before_origin`: the same, with the volume held at the first node in `origins` it meets
      (`flow_upstream(..., stop_at=origins)`).
    - `tiers`: each node's shortest distance to the contractor (`tiers`).
    - `critical`: the nodes other than the contractor that every path from a raw end passes through, nearest
      to the contractor first (`chainmap.analysis.structure.critical_nodes`).
    """

    arrived: dict[str, float]
    arrived_before_origin: dict[str, float]
    tiers: dict[str, int]
    critical: tuple[str, ...]


def walk_upstream(graph: "nx.DiGraph[str]", order: list[str], *, origins: Collection[str]) -> UpstreamWalk:
    """Exposure, volume up to the first origin, tiers and critical nodes in one pass over `order`.

    `order` is `upstream_order(graph)`. The results equal those of the separate functions named in
    `UpstreamWalk`; the analysis of a large chain uses this pass because walking 300,000 links once
    instead of four times is most of its cost. In upstream order every customer comes before its
    suppliers, so a node's tier is final when it is reached (its customers' tiers are) and what arrives at
    it is complete. Critical nodes use the difference array of `critical_nodes`. Values are kept in lists
    by position in `order`: one dict look-up per link instead of four keeps a large chain in the cache.
    """
    suppliers = suppliers_of(graph)
    size = len(order)
    position = {node: index for index, node in enumerate(order)}
    arrived = [0.0] * size
    held = [0.0] * size
    tier = [size] * size
    arrived[0] = held[0] = 1.0
    tier[0] = 0
    jumps = [0] * (size + 1)
    first_end = size
    for index, customer in enumerate(order):
        links = suppliers[customer]
        if not links:
            first_end = min(first_end, index)
            continue
        next_tier = tier[index] + 1
        passing = arrived[index]
        passing_on = 0.0 if customer in origins else held[index]
        rest, scale = input_fractions(links)
        jumps[index + 1] += len(links)
        for supplier, attributes in links.items():
            share = attributes.get("share")
            fraction = rest if share is None else share * scale
            at = position[supplier]
            arrived[at] += passing * fraction
            held[at] += passing_on * fraction
            if tier[at] > next_tier:
                tier[at] = next_tier
            jumps[at] -= 1
    critical = []
    running = 0
    for index in range(min(first_end, size - 1) + 1):
        running += jumps[index]
        if index > 0 and running == 0:
            critical.append(order[index])
    return UpstreamWalk(
        dict(zip(order, arrived, strict=True)),
        dict(zip(order, held, strict=True)),
        dict(zip(order, tier, strict=True)),
        tuple(critical),
    )
