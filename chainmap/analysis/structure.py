"""The shape of a chain map: tiers, how far it reaches, its unknown parts and its critical nodes.

All functions expect a valid chain (a DAG with one contractor that every node reaches) and run in
O(V + E), so they stay fast on chains of 100,000 nodes.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from chainmap.activities import ORIGIN_ACTIVITIES
from chainmap.analysis.flow import UpstreamWalk, upstream_order, walk_upstream
from chainmap.chain import suppliers_of

if TYPE_CHECKING:
    import networkx as nx

UNKNOWN_COUNTRY_KEY: Final = "unknown"
_UNKNOWN_WORD: Final = re.compile(r"\b(unknown|onbekende?)\b", re.IGNORECASE)
ROUNDING: Final = 6


@dataclass(frozen=True, slots=True)
class Structure:
    """The structure of a chain map.

    - `tiers`: tier per node (the contractor is tier 0); `max_tier` the deepest tier.
    - `traced_share`: share of the delivered volume that the map follows to a raw-material origin.
    - `unknown_nodes`: nodes the supplier marks as unknown (see `is_unknown`); `unknown_countries` the
      nodes whose country is unknown.
    - `critical_nodes`: nodes other than the contractor that all volume passes through, nearest to the
      contractor first.
    - `exposure_by_country`: share of the delivered volume by the country where the mapped chain begins
      (its first raw-material origin upstream, or else the most upstream mapped node), with "unknown" for
      nodes without a country; largest first.
    """

    tiers: Mapping[str, int]
    max_tier: int
    traced_share: float
    unknown_nodes: tuple[str, ...]
    unknown_countries: tuple[str, ...]
    critical_nodes: tuple[str, ...]
    exposure_by_country: Mapping[str, float]

    def tier_counts(self) -> dict[int, int]:
        """How many nodes each tier has, by tier."""
        counts: dict[int, int] = {}
        for tier in self.tiers.values():
            counts[tier] = counts.get(tier, 0) + 1
        return dict(sorted(counts.items()))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: tiers as {tier: node count} with string keys, shares rounded to 6 decimals."""
        return {
            "tiers": {str(tier): count for tier, count in self.tier_counts().items()},
            "max_tier": self.max_tier,
            "traced_share": round(self.traced_share, ROUNDING),
            "unknown_nodes": list(self.unknown_nodes),
            "unknown_countries": list(self.unknown_countries),
            "critical_nodes": list(self.critical_nodes),
            "exposure_by_country": {
                country: round(share, ROUNDING) for country, share in self.exposure_by_country.items()
            },
        }


def is_origin(activity: str) -> bool:
    """Raw material enters the chain at this activity (farming, forestry, fishing, mining, quarrying)."""
    return activity in ORIGIN_ACTIVITIES


def is_unknown(attributes: Mapping[str, Any]) -> bool:
    """A node stands for an unknown part of the chain.

    That is the case when its country is unknown, or when its name or activity says "unknown" (or Dutch
    "onbekend(e)") as a word, as in "unknown spinning mill": suppliers mark the gaps they know of that way.
    """
    return attributes.get("country") is None or _says_unknown(attributes)


def _says_unknown(attributes: Mapping[str, Any]) -> bool:
    """Whether a node of known country says in its name or activity that it stands for an unknown part
    (`is_unknown`)."""
    if attributes.get("country") is None:
        return False
    text = f"{attributes.get('name') or ''} {attributes.get('activity') or ''}"
    folded = text.casefold()
    # The substring test is a cheap filter; the word match decides.
    return ("unknown" in folded or "onbekend" in folded) and _UNKNOWN_WORD.search(text) is not None


def critical_nodes(graph: "nx.DiGraph[str]", order: list[str] | None = None) -> tuple[str, ...]:
    """The nodes other than the contractor that lie on every path from a raw end of the chain to it.

    These are the common dominators of all nodes without suppliers in the reversed graph rooted at the
    contractor. With the nodes in upstream order (a topological order of the reversed graph), a node is on
    every such path exactly when no link jumps over its position and no node without suppliers comes
    before it: a jumping link or an earlier end gives a path around it, and otherwise every path has to
    cross its position through it. A difference array over the positions makes this O(V + E).
    `order` is `upstream_order(graph)` when the caller has it already.
    """
    order = upstream_order(graph) if order is None else order
    suppliers = suppliers_of(graph)
    position = {node: index for index, node in enumerate(order)}
    jumps = [0] * (len(order) + 1)
    first_end = len(order)
    for index, node in enumerate(order):
        links = suppliers[node]
        if not links and index < first_end:
            first_end = index
        for supplier in links:
            # In the reversed graph the link runs node -> supplier and jumps over the positions between.
            jumps[index + 1] += 1
            jumps[position[supplier]] -= 1
    critical = []
    running = 0
    for index in range(min(first_end, len(order) - 1) + 1):
        running += jumps[index]
        if index > 0 and running == 0:
            critical.append(order[index])
    return tuple(critical)


def origin_nodes(graph: "nx.DiGraph[str]") -> set[str]:
    """The nodes whose activity is a raw-material origin (see `is_origin`)."""
    sites = graph._node  # type: ignore[attr-defined]  # plain dicts: read once per node
    return {node for node, data in sites.items() if data.get("activity", "") in ORIGIN_ACTIVITIES}


def structure(
    graph: "nx.DiGraph[str]",
    exposure: Mapping[str, float],
    *,
    order: list[str] | None = None,
    walk: UpstreamWalk | None = None,
    origins: set[str] | None = None,
) -> Structure:
    """The structure of a chain: tiers, traced share, unknown parts, critical nodes, exposure by country.

    Volume is followed upstream from the contractor once more, as in `exposure`, but it stops at the first
    raw-material origin on its way: what arrives there counts as traced (once, however many origins lie
    further upstream). What arrives at an origin or at a node without suppliers is booked to that node's
    country. `exposure` is the result of `chainmap.analysis.exposure` for the same graph; it orders the
    unknown nodes (most volume first). `order` is `upstream_order(graph)` and `walk` is
    `walk_upstream(graph, order, origins=origin_nodes(graph))`, and `origins` is `origin_nodes(graph)`,
    when the caller has them already.
    """
    origins = origin_nodes(graph) if origins is None else origins
    if walk is None:
        walk = walk_upstream(graph, upstream_order(graph) if order is None else order, origins=origins)
    suppliers = suppliers_of(graph)
    sites = graph._node  # type: ignore[attr-defined]  # plain dicts: read once per node
    arrived = walk.arrived_before_origin
    traced = sum(arrived[node] for node in origins)
    by_country: dict[str, float] = {}
    for node, passing in arrived.items():
        if passing > 0.0 and (node in origins or not suppliers[node]):
            country = sites[node].get("country") or UNKNOWN_COUNTRY_KEY
            by_country[country] = by_country.get(country, 0.0) + passing
    unknown_countries = sorted(node for node, data in sites.items() if data.get("country") is None)
    unknown = [*unknown_countries, *(node for node, data in sites.items() if _says_unknown(data))]
    unknown.sort(key=lambda node: (-exposure.get(node, 0.0), node))
    return Structure(
        tiers=walk.tiers,
        max_tier=max(walk.tiers.values()),
        traced_share=min(traced, 1.0),
        unknown_nodes=tuple(unknown),
        unknown_countries=tuple(unknown_countries),
        critical_nodes=walk.critical,
        exposure_by_country=dict(sorted(by_country.items(), key=lambda item: (-item[1], item[0]))),
    )
