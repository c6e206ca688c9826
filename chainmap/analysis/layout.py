"""Tiered layout of a chain graph, for drawing it from raw material to contractor.

A chain is drawn in columns, one per tier: the most upstream tier (raw material) on the left and the
contractor (tier 0) alone on the right, so that goods flow from left to right. Within a column the sites
are ordered to reduce the number of links that cross, with the barycenter heuristic of Sugiyama,
Tagawa and Toda (1981): a site moves to the mean position of its neighbours in the next column, sweeping
away from the contractor and back again.

The layout is plain data (a column and a row per site); the caller scales it to pixels. It runs in
O(sweeps * (V + E + V log V)): a few milliseconds for 2,000 sites, about a second and a half for
100,000 (the cyclic garbage collector is paused meanwhile, as for the analysis).

Functions
---------
tiered_layout
    The column and row of every site.
crossings
    The number of link crossings between adjacent columns of a layout, to judge a layout by.
grouped_layout
    The layout of groups of sites that share a column (tier x country groups), from the sites' layout.
part_of_layout
    The layout of some of the sites (a group and its neighbours), in the order of the whole layout.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from chainmap.analysis.flow import tiers as shortest_tiers
from chainmap.chain import contractor, customers_of, suppliers_of
from chainmap.collector import collector_paused

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DEFAULT_SWEEPS",
    "Position",
    "TieredLayout",
    "crossings",
    "grouped_layout",
    "part_of_layout",
    "tiered_layout",
]

# Two sweeps there and back remove most crossings a barycenter ordering can remove; more rarely help.
DEFAULT_SWEEPS: Final = 2


@dataclass(frozen=True, slots=True)
class Position:
    """Where a site is drawn: `column` 0 is the most upstream tier, the last column the contractor's;
    `row` counts from 0 at the top of the column."""

    column: int
    row: int


@dataclass(frozen=True, slots=True)
class TieredLayout:
    """The sites of a chain in columns, left (raw material) to right (contractor), each top to bottom.

    - `columns`: the site ids of each column in drawing order.
    - `positions`: the column and row of each site.
    """

    columns: tuple[tuple[str, ...], ...]
    positions: Mapping[str, Position]

    @property
    def height(self) -> int:
        """The number of sites in the fullest column."""
        return max((len(column) for column in self.columns), default=0)


@collector_paused()
def tiered_layout(
    graph: "nx.DiGraph[str]", *, tiers: Mapping[str, int] | None = None, sweeps: int = DEFAULT_SWEEPS
) -> TieredLayout:
    """Place every site of a chain in the column of its tier and order each column to reduce crossings.

    Parameters
    ----------
    graph : networkx.DiGraph
        A valid chain (see `chainmap.validation`): links run supplier -> customer and every site reaches
        the contractor.
    tiers : mapping, optional
        Each site's tier, its shortest distance to the contractor; `chainmap.analysis.flow.tiers(graph)`
        (or `Structure.tiers` of the analysis) when not given. Its order is the starting order within a
        column: for `flow.tiers` that is breadth-first from the contractor.
    sweeps : int, optional (default=2)
        How many times the barycenter ordering sweeps away from the contractor and back. With 0 the
        columns keep the starting order.

    Returns
    -------
    TieredLayout
        Column `max_tier - tier` for each site, so the contractor is alone in the rightmost column, and a
        row per site, distinct within its column.

    Examples
    --------
    >>> graph = nx.DiGraph(contractor="c")
    >>> graph.add_edges_from([("a", "c"), ("b", "c"), ("x", "b"), ("y", "a")])
    >>> layout = tiered_layout(graph)
    >>> layout.columns
    (('y', 'x'), ('a', 'b'), ('c',))
    >>> layout.positions["c"]
    Position(column=2, row=0)

    Notes
    -----
    In a sweep away from the contractor, a site of tier t takes the mean row of its customers in tier
    t - 1 (it always has one); back towards the contractor, the mean row of its suppliers in tier t + 1.
    A site without such neighbours keeps its place and the others are sorted into the remaining places.
    Ties keep the previous order, so the result is deterministic. Links that skip tiers or stay within
    one tier do not steer the order.

    References
    ----------
    K. Sugiyama, S. Tagawa and M. Toda, "Methods for visual understanding of hierarchical system
    structures", IEEE Transactions on Systems, Man, and Cybernetics 11(2), 1981, 109-125.
    """
    root = contractor(graph)
    tier = shortest_tiers(graph) if tiers is None else tiers
    if len(tier) != graph.number_of_nodes() or tier.get(root) != 0:
        raise ValueError("tiers must give every site of the chain, the contractor at tier 0")
    # Sites as numbers in the order of `tiers`, and per site its neighbours in the adjacent tiers.
    nodes = list(tier)
    number = {node: index for index, node in enumerate(nodes)}
    tier_of = [tier[node] for node in nodes]
    deepest = max(tier_of)
    layers: list[list[int]] = [[] for _ in range(deepest + 1)]
    for index, node_tier in enumerate(tier_of):
        layers[node_tier].append(index)
    row = [0] * len(nodes)
    for layer in layers:
        for index, site in enumerate(layer):
            row[site] = index
    if sweeps > 0:
        suppliers, customers = suppliers_of(graph), customers_of(graph)
        downstream = [
            _adjacent(customers[node], number, tier_of, tier_of[site] - 1) for site, node in enumerate(nodes)
        ]
        upstream = [
            _adjacent(suppliers[node], number, tier_of, tier_of[site] + 1) for site, node in enumerate(nodes)
        ]
        for _ in range(sweeps):
            for node_tier in range(1, deepest + 1):
                _order_by_barycenter(layers[node_tier], downstream, row)
            for node_tier in range(deepest - 1, -1, -1):
                _order_by_barycenter(layers[node_tier], upstream, row)
    columns = tuple(tuple(nodes[site] for site in layer) for layer in reversed(layers))
    positions = {
        node: Position(column, index)
        for column, layer in enumerate(columns)
        for index, node in enumerate(layer)
    }
    return TieredLayout(columns=columns, positions=positions)


def _adjacent(
    links: Mapping[str, object], number: Mapping[str, int], tier_of: list[int], wanted: int
) -> list[int]:
    """The numbers of the linked sites that are in tier `wanted`."""
    return [site for site in map(number.__getitem__, links) if tier_of[site] == wanted]


def _order_by_barycenter(layer: list[int], neighbours: list[list[int]], row: list[int]) -> None:
    """Sort a tier's sites by the mean row of their neighbours in the fixed tier, in place, and renumber
    their rows. Sites without neighbours there stay in their slots; the others fill the remaining slots."""
    rank = row.__getitem__
    moving: list[tuple[float, int, int]] = []
    free: list[int] = []
    for slot, site in enumerate(layer):
        others = neighbours[site]
        if others:
            moving.append((sum(map(rank, others)) / len(others), slot, site))
            free.append(slot)
    moving.sort()
    for slot, (_, _, site) in zip(free, moving, strict=True):
        layer[slot] = site
    for index, site in enumerate(layer):
        row[site] = index


def grouped_layout(layout: TieredLayout, group_of: Mapping[str, str]) -> TieredLayout:
    """The layout of groups of sites, each group where its sites are.

    Parameters
    ----------
    layout : TieredLayout
        The layout of the sites, as `tiered_layout` makes it.
    group_of : mapping
        Each site's group; the sites of a group are in one column (a tier x country group is).

    Returns
    -------
    TieredLayout
        A column per column of `layout` that holds a group, its groups ordered by the mean row of their
        sites (ties by first site), so groups keep the order that reduced the crossings of their sites.

    Raises
    ------
    ValueError
        When the sites of a group are in different columns.

    Examples
    --------
    >>> sites = TieredLayout(
    ...     columns=(("a", "b", "x"), ("c",)),
    ...     positions={"a": Position(0, 0), "b": Position(0, 1), "x": Position(0, 2), "c": Position(1, 0)},
    ... )
    >>> grouped_layout(sites, {"a": "CN", "b": "IN", "x": "CN", "c": "NL"}).columns
    (('CN', 'IN'), ('NL',))
    """
    columns: list[dict[str, list[int]]] = [{} for _ in layout.columns]
    seen: dict[str, int] = {}
    for node, place in layout.positions.items():
        group = group_of[node]
        if seen.setdefault(group, place.column) != place.column:
            raise ValueError(f"the sites of group {group!r} are in different columns")
        columns[place.column].setdefault(group, []).append(place.row)

    def mean_row(item: tuple[str, list[int]]) -> tuple[float, int]:
        rows = item[1]
        return sum(rows) / len(rows), min(rows)

    ordered = tuple(
        tuple(group for group, _ in sorted(column.items(), key=mean_row)) for column in columns if column
    )
    positions = {
        group: Position(column, row)
        for column, groups in enumerate(ordered)
        for row, group in enumerate(groups)
    }
    return TieredLayout(columns=ordered, positions=positions)


def part_of_layout(layout: TieredLayout, nodes: Collection[str]) -> TieredLayout:
    """The layout of some sites of a chain: the columns that hold any of them, each in the order of the
    whole layout, rows renumbered from 0, so a group and its neighbours are drawn compactly.

    Examples
    --------
    >>> sites = TieredLayout(
    ...     columns=(("a", "b", "x"), ("c",)),
    ...     positions={"a": Position(0, 0), "b": Position(0, 1), "x": Position(0, 2), "c": Position(1, 0)},
    ... )
    >>> part_of_layout(sites, {"x", "c"}).positions["x"]
    Position(column=0, row=0)
    """
    wanted = set(nodes)
    parts = (tuple(node for node in column if node in wanted) for column in layout.columns)
    columns = tuple(part for part in parts if part)
    positions = {
        node: Position(column, row) for column, part in enumerate(columns) for row, node in enumerate(part)
    }
    return TieredLayout(columns=columns, positions=positions)


def crossings(graph: "nx.DiGraph[str]", layout: TieredLayout) -> int:
    """The number of pairs of links that cross between adjacent columns of `layout`.

    Parameters
    ----------
    graph : networkx.DiGraph
        The chain that `layout` places.
    layout : TieredLayout
        A layout of `graph`, as `tiered_layout` makes it.

    Returns
    -------
    int
        For each pair of neighbouring columns, the pairs of links between them whose ends are in
        opposite order. Links between columns further apart or within one column are not counted.

    Notes
    -----
    Counted as the inversions of the links' right ends when they are sorted by their left ends, by merge
    sort, in O(E log E).
    """
    positions = layout.positions
    between: dict[int, list[tuple[int, int]]] = {}
    for supplier, customer in graph.edges:
        left, right = positions[supplier], positions[customer]
        if right.column == left.column + 1:
            between.setdefault(left.column, []).append((left.row, right.row))
        elif left.column == right.column + 1:
            between.setdefault(right.column, []).append((right.row, left.row))
    total = 0
    for links in between.values():
        links.sort()
        total += _inversions([right for _, right in links])[1]
    return total


def _inversions(values: Sequence[int]) -> tuple[list[int], int]:
    """`values` sorted, and the number of pairs i < j with values[i] > values[j]."""
    if len(values) <= 1:
        return list(values), 0
    middle = len(values) // 2
    left, left_count = _inversions(values[:middle])
    right, right_count = _inversions(values[middle:])
    merged: list[int] = []
    count = left_count + right_count
    i = j = 0
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            merged.append(right[j])
            count += len(left) - i
            j += 1
        else:
            merged.append(left[i])
            i += 1
    merged += left[i:]
    merged += right[j:]
    return merged, count
