"""Risk groups: the prioritised risks of a chain gathered by country, good or activity, and theme.

A chain of 500 garment factories in China can carry hundreds of prioritised risks; a plan of action
addresses them by group ("forced labour – Garments – China: 37 sites, 21.4% of volume"), and an action may
cover a whole group or single sites of it. A group gathers sites whose risk has the same source:

- a DOL listing of a good: theme, country and that good ("forced labour – Garments – CN");
- a country indicator, which speaks of every site in the country alike: theme and country
  ("discrimination – BD");
- the sector level or any other source: theme, country and the site's activity ("living wage –
  cut-make-trim – BD").

See docs/risk-model.md §10.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

import networkx as nx

from chainmap.analysis.flow import rest_fraction
from chainmap.analysis.hotspots import ROUNDING, Hotspot
from chainmap.analysis.risk import Evidence
from chainmap.chain import suppliers_of
from chainmap.themes import THEMES, Level

SubjectKind = Literal["good", "activity", "country"]
_THEME_ORDER: Final[dict[str, int]] = {theme: index for index, theme in enumerate(THEMES)}


@dataclass(frozen=True, slots=True)
class RiskGroup:
    """Prioritised risks of one theme at sites in one country with one listed good or activity.

    `hotspots` are in rank order and `nodes` their sites in that order; `exposure` is the share of the
    delivered volume that passes through at least one of the sites (`combined_exposure`), so a site
    upstream of another in the group is not counted twice.
    """

    theme: str
    country: str | None
    subject: str
    subject_kind: SubjectKind
    level: Level
    hotspots: tuple[Hotspot, ...]
    exposure: float

    @property
    def key(self) -> str:
        """A stable id of the group within a chain version: theme, country and subject."""
        return f"{self.theme}|{self.country or ''}|{self.subject_kind}:{self.subject}"

    @property
    def nodes(self) -> tuple[str, ...]:
        return tuple(hotspot.node for hotspot in self.hotspots)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the group's key, theme, country, its good or activity (neither for a country
        indicator), highest level, number of sites, combined exposure and the sites in rank order."""
        subject: dict[str, str] = {} if self.subject_kind == "country" else {self.subject_kind: self.subject}
        return {
            "key": self.key,
            "theme": self.theme,
            "country": self.country,
            **subject,
            "level": int(self.level),
            "sites": len(self.hotspots),
            "exposure": round(self.exposure, ROUNDING),
            "nodes": list(self.nodes),
        }


def group_key(hotspot: Hotspot, node_data: Mapping[str, Any]) -> tuple[str, str | None, SubjectKind, str]:
    """The (theme, country, subject kind, subject) a hotspot is grouped by (see the module docstring)."""
    country = node_data.get("country")
    if hotspot.listed_good is not None:
        return hotspot.theme, country, "good", hotspot.listed_good
    if hotspot.evidence is Evidence.COUNTRY:
        return hotspot.theme, country, "country", ""
    return hotspot.theme, country, "activity", str(node_data.get("activity", ""))


def risk_groups(
    graph: "nx.DiGraph[str]",
    prioritised: Iterable[Hotspot],
    *,
    order: Sequence[str],
    exposure: Mapping[str, float],
) -> list[RiskGroup]:
    """The prioritised hotspots gathered into risk groups, the most severe group first.

    Groups are ranked as hotspots are: by their highest level, then the likelihood of their first hotspot,
    then their combined exposure, each highest first; then by theme order, country and subject. `order` is
    the chain's upstream order (`chainmap.analysis.flow.upstream_order`) and `exposure` each node's
    exposure, both for the combined exposure of a group.
    """
    position: dict[str, int] = {}
    gathered: dict[tuple[str, str | None, SubjectKind, str], list[Hotspot]] = {}
    for hotspot in prioritised:
        gathered.setdefault(group_key(hotspot, graph.nodes[hotspot.node]), []).append(hotspot)
    groups = [
        RiskGroup(
            theme=theme,
            country=country,
            subject=subject,
            subject_kind=kind,
            level=max(hotspot.level for hotspot in members),
            hotspots=tuple(members),
            exposure=_group_exposure(graph, members, order=order, exposure=exposure, position=position),
        )
        for (theme, country, kind, subject), members in gathered.items()
    ]
    groups.sort(
        key=lambda group: (
            -int(group.level),
            -group.hotspots[0].likelihood,
            -group.exposure,
            _THEME_ORDER.get(group.theme, len(THEMES)),
            group.country or "",
            group.subject,
        )
    )
    return groups


def _group_exposure(
    graph: "nx.DiGraph[str]",
    members: Sequence[Hotspot],
    *,
    order: Sequence[str],
    exposure: Mapping[str, float],
    position: dict[str, int],
) -> float:
    """The combined exposure of a group's sites; the upstream positions are numbered on first need."""
    if len(members) == 1:
        return members[0].exposure
    if order and order[0] in {hotspot.node for hotspot in members}:
        return 1.0
    if not position:
        position.update((node, index) for index, node in enumerate(order))
    sites = [hotspot.node for hotspot in members]
    return combined_exposure(graph, sites, exposure=exposure, position=position)


def combined_exposure(
    graph: "nx.DiGraph[str]",
    sites: Sequence[str],
    *,
    exposure: Mapping[str, float],
    position: Mapping[str, int],
) -> float:
    """The share (0-1) of the delivered volume that passes through at least one of `sites`.

    Where no site lies upstream of another, that is the sum of their exposures. Otherwise volume is passed
    upstream from the contractor as for exposure, over the sites downstream of the group only, and held at
    the first group site it meets, so it is counted once. `position` is each node's place in the chain's
    upstream order. Cost: the sites downstream of the group.
    """
    members = frozenset(sites)
    downstream: set[str] = set()
    stack = list(members)
    nested = False
    while stack:
        for customer in graph.successors(stack.pop()):
            if customer in members:
                nested = True
            elif customer not in downstream:
                downstream.add(customer)
                stack.append(customer)
    if not nested:
        return min(1.0, sum(exposure[site] for site in members))
    suppliers = suppliers_of(graph)
    arrived: dict[str, float] = {}
    total = 0.0
    for node in sorted(downstream, key=position.__getitem__):
        passing = arrived.get(node, 1.0 if position[node] == 0 else 0.0)
        if passing == 0.0:
            continue
        links = suppliers[node]
        rest = rest_fraction(links)
        for supplier, attributes in links.items():
            share = attributes.get("share")
            fraction = rest if share is None else share / 100.0
            if supplier in members:
                total += passing * fraction
            elif supplier in downstream:
                arrived[supplier] = arrived.get(supplier, 0.0) + passing * fraction
    return min(total, 1.0)
