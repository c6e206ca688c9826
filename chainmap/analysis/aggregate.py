"""A large chain summarised as groups of sites of one tier and one country, and the volume between them.

A chain of thousands of sites cannot be read site by site; grouped by tier x country it reads as a few
dozen groups ("tier 3, China: 412 sites, 18% of the volume, very high forced labour") with the volume
that flows from group to group, as in a Sankey diagram. A group's volume is the sum of its sites'
exposure; its level for a theme is the highest level of any of its sites, so a group never looks safer
than its worst site.

The volume a link carries is the share of the delivered product that passes from the supplier to the
customer: what arrives at the customer (`chainmap.analysis.flow.flow_upstream`) times the supplier's
fraction of the customer's input (`chainmap.analysis.flow.input_fractions`). What arrives at a site is
exactly what its links to its customers carry, so the flows conserve volume: the volume leaving a
group's sites (to other groups and within the group) equals what arrives at them.

Functions
---------
group_key, parse_group_key
    The key of a tier x country group ("3-CN", "2-unknown") and back.
link_volumes
    The volume each link of a chain carries.
tier_country_groups
    The groups of a chain with their sites, volume, highest level per theme and the flows between them.
"""

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import networkx as nx

from chainmap.analysis.flow import flow_upstream, input_fractions, upstream_order
from chainmap.analysis.structure import UNKNOWN_COUNTRY_KEY
from chainmap.chain import suppliers_of
from chainmap.themes import Level

__all__ = [
    "ChainGroups",
    "GroupFlow",
    "SiteGroup",
    "group_key",
    "link_volumes",
    "parse_group_key",
    "tier_country_groups",
]

_KEY: Final = re.compile(rf"(\d{{1,4}})-([A-Z]{{2}}|{UNKNOWN_COUNTRY_KEY})")


def group_key(tier: int, country: str | None) -> str:
    """The key of the group of sites of `tier` in `country` (None: unknown), e.g. "3-CN"."""
    return f"{tier}-{country or UNKNOWN_COUNTRY_KEY}"


def parse_group_key(key: str) -> tuple[int, str] | None:
    """The tier and country of a group key, or None for text that is no group key (it comes from URLs)."""
    match = _KEY.fullmatch(key)
    return (int(match[1]), match[2]) if match else None


@dataclass(frozen=True, slots=True)
class SiteGroup:
    """The sites of one tier in one country.

    - `sites`: the site ids, in the order of the chain's nodes.
    - `volume`: the sum of the sites' exposure (the share of the delivered product through them).
    - `highest`: per theme, the highest level of any of its sites.
    """

    key: str
    tier: int
    country: str
    sites: tuple[str, ...]
    volume: float
    highest: Mapping[str, Level]

    def level(self, theme: str | None) -> Level:
        """The group's level for `theme`, or its highest over all themes for None."""
        if theme is None:
            return max(self.highest.values(), default=Level.NONE_KNOWN)
        return self.highest.get(theme, Level.NONE_KNOWN)


@dataclass(frozen=True, slots=True)
class GroupFlow:
    """The volume that flows from the sites of one group to those of another (supplier -> customer)."""

    supplier: str
    customer: str
    volume: float


@dataclass(frozen=True)
class ChainGroups:
    """A chain in tier x country groups.

    - `groups`: the groups, the most upstream tier first, within a tier the largest volume first.
    - `flows`: the volume between two different groups, the largest first.
    - `within`: per group, the volume its sites pass to sites of the same group.
    - `group_of`: each site's group key.
    """

    groups: tuple[SiteGroup, ...]
    flows: tuple[GroupFlow, ...]
    within: Mapping[str, float]
    group_of: Mapping[str, str]

    def group(self, key: str) -> SiteGroup | None:
        """The group with `key`, or None."""
        return next((group for group in self.groups if group.key == key), None)


def link_volumes(graph: "nx.DiGraph[str]", *, order: list[str] | None = None) -> dict[tuple[str, str], float]:
    """The share of the delivered product each link (supplier, customer) carries.

    Parameters
    ----------
    graph : networkx.DiGraph
        A valid chain (see `chainmap.validation`).
    order : list, optional
        `chainmap.analysis.flow.upstream_order(graph)`, when the caller has it.

    Returns
    -------
    dict
        For each link, what arrives at the customer times the supplier's fraction of its input. The
        links from a site's suppliers carry what arrives at it, less the part its shares leave unmapped;
        the links to a site's customers carry exactly what arrives at it.
    """
    order = upstream_order(graph) if order is None else order
    arrived = flow_upstream(graph, order)
    volumes: dict[tuple[str, str], float] = {}
    for customer, links in suppliers_of(graph).items():
        if not links:
            continue
        rest, scale = input_fractions(links)
        for supplier, attributes in links.items():
            share = attributes.get("share")
            volumes[supplier, customer] = arrived[customer] * (rest if share is None else share * scale)
    return volumes


def tier_country_groups(
    graph: "nx.DiGraph[str]",
    *,
    tiers: Mapping[str, int],
    levels: Mapping[str, Mapping[str, Level]],
    exposure: Mapping[str, float],
    order: list[str] | None = None,
) -> ChainGroups:
    """Group a chain's sites by tier and country, with each group's volume and highest levels and the
    volume flowing between groups.

    Parameters
    ----------
    graph : networkx.DiGraph
        A valid chain; a site's country is its `country` attribute (None: unknown).
    tiers : mapping
        Each site's tier (`Structure.tiers` of the analysis).
    levels : mapping
        Each site's level per theme.
    exposure : mapping
        Each site's exposure (0-1), as the analysis computed it.
    order : list, optional
        `chainmap.analysis.flow.upstream_order(graph)`, when the caller has it.

    Returns
    -------
    ChainGroups
        Every site in exactly one group; a flow for each pair of different groups joined by a link.

    Examples
    --------
    >>> graph = nx.DiGraph(contractor="c")
    >>> graph.add_node("c", country="NL")
    >>> graph.add_node("a", country="CN")
    >>> graph.add_node("b", country="CN")
    >>> graph.add_edges_from([("a", "c"), ("b", "c")])
    >>> groups = tier_country_groups(
    ...     graph, tiers={"c": 0, "a": 1, "b": 1}, levels={}, exposure={"c": 1.0, "a": 0.5, "b": 0.5}
    ... )
    >>> [(group.key, group.sites, group.volume) for group in groups.groups]
    [('1-CN', ('a', 'b'), 1.0), ('0-NL', ('c',), 1.0)]
    >>> groups.flows
    (GroupFlow(supplier='1-CN', customer='0-NL', volume=1.0),)
    """
    group_of: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    places: dict[str, tuple[int, str]] = {}
    for node, attributes in graph.nodes(data=True):
        tier, where = tiers[node], str(attributes.get("country") or UNKNOWN_COUNTRY_KEY)
        key = group_key(tier, where)
        group_of[node] = key
        members[key].append(node)
        places[key] = (tier, where)
    groups = []
    for key, sites in members.items():
        highest: dict[str, Level] = {}
        for site in sites:
            for theme, level in levels.get(site, {}).items():
                highest[theme] = max(highest.get(theme, level), level)
        tier, country = places[key]
        groups.append(
            SiteGroup(
                key=key,
                tier=tier,
                country=country,
                sites=tuple(sites),
                volume=sum(exposure.get(site, 0.0) for site in sites),
                highest=highest,
            )
        )
    groups.sort(key=lambda group: (-group.tier, -group.volume, group.key))
    between: dict[tuple[str, str], float] = defaultdict(float)
    within: dict[str, float] = dict.fromkeys(members, 0.0)
    for (supplier, customer), volume in link_volumes(graph, order=order).items():
        source, target = group_of[supplier], group_of[customer]
        if source == target:
            within[source] += volume
        else:
            between[source, target] += volume
    flows = sorted(
        (GroupFlow(source, target, volume) for (source, target), volume in between.items()),
        key=lambda flow: (-flow.volume, flow.supplier, flow.customer),
    )
    return ChainGroups(groups=tuple(groups), flows=tuple(flows), within=within, group_of=group_of)
