"""Risk groups: the prioritised risks of a chain gathered by country, good or activity, and theme.

A chain of 500 garment factories in China can carry hundreds of prioritised risks; a plan of action
addresses them by group ("forced labour – Garments – China: 37 sites, 21.4% of volume"), and an action may
cover a whole group or single sites of it. A group is (theme, country, good or activity):

- where a DOL listing of one of the site's goods set the level, that good ("forced labour – Garments –
  CN");
- otherwise the site's activity ("discrimination – cut-make-trim – BD"), since what a site does decides
  what an action there can change.

See docs/risk-model.md §10.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any, Final, Literal

from chainmap.activities import activity_label
from chainmap.analysis.flow import input_fractions
from chainmap.analysis.hotspots import ROUNDING, Hotspot
from chainmap.analysis.link_walk import LinkLevels, ahead_masks
from chainmap.analysis.risk import Risk
from chainmap.chain import suppliers_of
from chainmap.reference import good_label
from chainmap.themes import THEMES, Lang, Level, theme_label

if TYPE_CHECKING:
    import networkx as nx

SubjectKind = Literal["good", "activity"]
_THEME_ORDER: Final[dict[str, int]] = {theme: index for index, theme in enumerate(THEMES)}


@dataclass(frozen=True, slots=True)
class RiskGroup:
    """Prioritised risks of one theme at sites in one country with one listed good or activity.

    `nodes` are its sites in rank order, `likelihood` that of the first; `exposure` is the share of the
    delivered volume that passes through at least one of the sites (`combined_exposures`), so a site
    upstream of another in the group is not counted twice.
    """

    theme: str
    country: str | None
    subject: str
    subject_kind: SubjectKind
    level: Level
    nodes: tuple[str, ...]
    likelihood: float
    exposure: float

    @property
    def key(self) -> str:
        """A stable id of the group within a chain version: theme, country and subject."""
        return f"{self.theme}|{self.country or ''}|{self.subject_kind}:{self.subject}"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the group's key, theme, country, its good or activity, highest level, number of
        sites, combined exposure and the sites in rank order."""
        return {
            "key": self.key,
            "theme": self.theme,
            "country": self.country,
            self.subject_kind: self.subject,
            "level": int(self.level),
            "sites": len(self.nodes),
            "exposure": round(self.exposure, ROUNDING),
            "nodes": list(self.nodes),
        }


def group_label(*, theme: str, subject_kind: SubjectKind, subject: str, country: str, lang: Lang) -> str:
    """A risk group as a reader names it, "forced labour – Garments – China": the theme, the listed good or
    the activity in `lang`, and `country` as the caller shows it (a code or a name)."""
    named = good_label(subject, lang) if subject_kind == "good" else activity_label(subject, lang)
    return " – ".join((theme_label(theme, lang), named, country))


def group_key(risk: Risk | Hotspot, node_data: Mapping[str, Any]) -> tuple[str, str | None, SubjectKind, str]:
    """The (theme, country, subject kind, subject) a risk at a site is grouped by (see the module
    docstring); `node_data` are the site's attributes in the chain graph."""
    return _key_of(risk.theme, risk.listed_good, node_data)


def _key_of(
    theme: str, listed_good: str | None, node_data: Mapping[str, Any]
) -> tuple[str, str | None, SubjectKind, str]:
    """`group_key` of a risk of `theme` whose level a listing of `listed_good` set (or None)."""
    if listed_good is not None:
        return theme, node_data.get("country"), "good", listed_good
    return theme, node_data.get("country"), "activity", str(node_data.get("activity", ""))


def risk_groups(
    graph: "nx.DiGraph[str]",
    prioritised: Iterable[tuple[str, Risk]],
    *,
    order: Sequence[str],
    exposure: Mapping[str, float],
    levels: LinkLevels | None = None,
) -> list[RiskGroup]:
    """The prioritised risks, (site, risk) pairs in rank order (`RankedHotspots.prioritised_risks`),
    gathered into risk groups, the most severe group first.

    Groups are ranked as hotspots are: by their highest level, then the likelihood of their first hotspot,
    then their combined exposure, each highest first; then by theme order, country and subject. `order` is
    the chain's upstream order (`chainmap.analysis.flow.upstream_order`) and `exposure` each node's
    exposure, both for the combined exposure of the groups (`combined_exposures`, with `levels` when
    the caller has them).
    """
    gathered: dict[tuple[str, str | None, SubjectKind, str], list[tuple[str, Risk]]] = {}
    nodes = graph._node  # type: ignore[attr-defined]  # plain dict: read once per prioritised risk
    # `group_key`, with each risk's theme and listed good read once: sites share their risks.
    subjects: dict[int, tuple[str, str | None]] = {}
    for node, risk in prioritised:
        subject = subjects.get(id(risk))
        if subject is None:
            subject = subjects[id(risk)] = (risk.theme, risk.listed_good)
        key = _key_of(*subject, nodes[node])
        group = gathered.get(key)
        if group is None:
            gathered[key] = [(node, risk)]
        else:
            group.append((node, risk))
    # Groups of different themes often have the same sites (a garment maker's discrimination and its
    # corruption): each distinct set of sites is measured once.
    site_sets = [frozenset(node for node, _ in group) for group in gathered.values()]
    distinct = list(dict.fromkeys(site_sets))
    measured = dict(
        zip(
            distinct,
            combined_exposures(
                graph, [sorted(sites) for sites in distinct], order=order, exposure=exposure, levels=levels
            ),
            strict=True,
        )
    )
    combined = [measured[sites] for sites in site_sets]
    groups = [
        RiskGroup(
            theme=theme,
            country=country,
            subject=subject,
            subject_kind=kind,
            level=max(risk.level for _, risk in group),
            nodes=tuple(node for node, _ in group),
            likelihood=group[0][1].likelihood,
            exposure=group_exposure,
        )
        for ((theme, country, kind, subject), group), group_exposure in zip(
            gathered.items(), combined, strict=True
        )
    ]
    groups.sort(
        key=lambda group: (
            -int(group.level),
            -group.likelihood,
            -group.exposure,
            _THEME_ORDER.get(group.theme, len(THEMES)),
            group.country or "",
            group.subject,
        )
    )
    return groups


def combined_exposures(
    graph: "nx.DiGraph[str]",
    groups: Sequence[Sequence[str]],
    *,
    order: Sequence[str],
    exposure: Mapping[str, float],
    levels: LinkLevels | None = None,
) -> list[float]:
    """For each group of sites, the share (0-1) of the delivered volume that passes through at least one.

    That is the sum of the sites' exposures less what reaches a site after passing through another site of
    the same group on its way from the contractor. One pass finds, for every node, the groups with a site
    at or upstream of it (a bit set per node); a second pass carries upstream, from the contractor, the
    volume that has passed through each group, but only into nodes that lead to a site of that group. A
    group whose sites never lie upstream of one another costs nothing beyond the sum. `order` is the chain's
    upstream order and `exposure` each node's exposure; with the chain's `levels`
    (`chainmap.analysis.link_walk.link_levels`) the first pass runs in numpy (`ahead_masks`).
    """
    own: dict[str, int] = {}
    for index, sites in enumerate(groups):
        for site in sites:
            own[site] = own.get(site, 0) | (1 << index)
    suppliers = suppliers_of(graph)
    # The groups with a site at or upstream of a node, and those with a site upstream of another of their
    # sites: only these need the second pass.
    ahead, nested = ahead_masks(levels, groups) if levels is not None else _ahead_masks(suppliers, order, own)
    passed: dict[str, dict[int, float]] = {}  # volume at the node that passed a group's site downstream
    if nested:
        for customer in order:
            through = passed.pop(customer, None)
            mine = own.get(customer, 0) & nested
            if not mine and not through:
                continue
            carried = dict(through) if through else {}
            if mine:
                if through:
                    passed[customer] = through  # kept: read at the end for the site's own group
                arrived = exposure[customer]
                while mine:
                    low = mine & -mine
                    mine ^= low
                    carried[low.bit_length() - 1] = arrived
            links = suppliers[customer]
            if not links:
                continue
            carried_mask = 0
            for index in carried:
                carried_mask |= 1 << index
            rest, scale = input_fractions(links)
            for supplier, attributes in links.items():
                reach = ahead(supplier) & carried_mask
                if not reach:
                    continue
                share = attributes.get("share")
                fraction = rest if share is None else share * scale
                target = passed.get(supplier)
                if target is None:
                    target = passed[supplier] = {}
                while reach:
                    low = reach & -reach
                    reach ^= low
                    index = low.bit_length() - 1
                    target[index] = target.get(index, 0.0) + carried[index] * fraction
    totals = []
    for index, sites in enumerate(groups):
        unique = set(sites)
        total = sum(exposure[site] - passed.get(site, {}).get(index, 0.0) for site in unique)
        totals.append(min(1.0, max(0.0, total)))
    return totals


def _ahead_masks(
    suppliers: Mapping[str, Mapping[str, Any]], order: Sequence[str], own: Mapping[str, int]
) -> tuple[Callable[[str], int], int]:
    """The first pass of `combined_exposures` over the graph, from the most upstream node: each node's
    groups at or upstream of it, and the groups with a site upstream of another of their sites."""
    ahead: dict[str, int] = {}
    nested = 0
    for node in reversed(order):
        links = suppliers[node]
        mask = reduce(or_, map(ahead.__getitem__, links), 0) if links else 0
        mine = own.get(node, 0)
        if mine:
            nested |= mine & mask
            mask |= mine
        ahead[node] = mask
    return ahead.__getitem__, nested
