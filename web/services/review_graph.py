"""The risk graph of a large chain on the review page: tier x country groups drawn by the browser, a
group's sites with their neighbours, and the search for a site.

Up to AGGREGATED_ABOVE sites the page draws every site as SVG (`web.services.review.graph_markup`).
Above it the page opens on the groups (`chainmap.analysis.aggregate`): nodes sized by volume, coloured
by their highest level, links carrying the volume between groups; a group opens into its sites and
their direct neighbours. The browser (web/static/review_graph.js, Cytoscape.js) draws them from the
compact JSON made here, at the places of the server's tiered layout (raw material left, contractor
right); tables of the same groups and sites name every level in words for keyboard and screen-reader
users. The groups of a version are made once and kept like its analysis (`version_analysis`).
"""

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from chainmap.analysis.aggregate import (
    ChainGroups,
    GroupFlow,
    SiteGroup,
    parse_group_key,
    tier_country_groups,
)
from chainmap.analysis.layout import TieredLayout, grouped_layout, part_of_layout
from chainmap.reference import ReferenceData
from chainmap.themes import THEMES, Lang, Level
from models import ChainVersion
from web.messages import web_text
from web.services.review import (
    CACHED_VERSIONS,
    HIGHEST,
    LruCache,
    VersionAnalysis,
    country_text,
    is_large,
    version_analysis,
    version_key,
)

# Above this many sites the graph opens on tier x country groups: at 300 sites the SVG of every site is
# already about 4,000 px high with circles 14 px apart, too dense to tell sites apart or follow a link,
# while a 300-site chain has a few dozen groups that fit the box and read at a glance.
AGGREGATED_ABOVE: Final = 300
# Drawing units of the browser's graph (it zooms to fit): gap between columns and between rows.
GROUP_COLUMN_GAP: Final = 320
GROUP_ROW_GAP: Final = 110
SITE_COLUMN_GAP: Final = 240
SITE_ROW_GAP: Final = 36
# Node diameters in drawing units: a group by the square root of its share of the largest group's
# volume, a site by the square root of its exposure (areas then compare as volumes do).
GROUP_SIZES: Final = (18.0, 80.0)
SITE_SIZES: Final = (8.0, 30.0)
# The drawing of the groups shows at most this many flows: every group's largest outgoing flow, then the
# largest of the rest. A 2,000-site chain over 40 countries has some 3,700 flows between 260 groups; drawn
# all they are an unreadable mesh and take the browser seconds to lay out, while the few hundred largest
# carry nearly all the volume.
FLOWS_DRAWN: Final = 400
# What a search answers at most; a query this long is no site id or name anyone types.
SEARCH_HITS: Final = 20
SEARCH_LENGTH: Final = 200


@dataclass(frozen=True)
class VersionGroups:
    """A version's analysis with its tier x country groups and their layout."""

    analysis: VersionAnalysis
    groups: ChainGroups
    layout: TieredLayout


_GROUPS: Final[LruCache[Hashable, VersionGroups]] = LruCache(
    CACHED_VERSIONS, collect_after=lambda view: is_large(view.analysis)
)


def forget_groups() -> None:
    """Drop every kept grouping (for tests that count how often a version is grouped)."""
    _GROUPS.clear()


def is_aggregated(version: VersionAnalysis) -> bool:
    """Whether the version's graph opens on groups rather than on every site."""
    return len(version.ids) > AGGREGATED_ABOVE


def version_groups(version: ChainVersion, *, reference: ReferenceData) -> VersionGroups:
    """The version's tier x country groups, made once per version and kept (see `version_key`)."""

    def make() -> VersionGroups:
        analysed = version_analysis(version, reference=reference)
        levels = {
            node.id: {theme: risk.level for theme, risk in node.risks.items()}
            for node in analysed.nodes.values()
        }
        groups = tier_country_groups(
            analysed.built.graph,
            tiers=analysed.analysis.structure.tiers,
            levels=levels,
            exposure={node.id: node.exposure for node in analysed.nodes.values()},
            order=analysed.built.upstream_order,
        )
        return VersionGroups(
            analysis=analysed, groups=groups, layout=grouped_layout(analysed.layout, groups.group_of)
        )

    return _GROUPS.get(version_key(version, reference), make)


def _theme_or_none(theme: str) -> str | None:
    return None if theme == HIGHEST else theme


def group_label(group: SiteGroup, *, lang: Lang, reference: ReferenceData) -> str:
    """A group named for people: "Tier 3 · China" in `lang`."""
    return web_text(
        "review.graph_group",
        lang,
        tier=group.tier,
        country=country_text(group.country, lang, reference=reference),
    )


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A row of the table of groups: the group, its level for the chosen theme and its volume."""

    key: str
    label: str
    tier: int
    country: str
    sites: int
    volume: float
    level: Level


def group_rows(view: VersionGroups, *, theme: str, lang: Lang, reference: ReferenceData) -> list[GroupRow]:
    """The groups as the table lists them (most upstream tier first, the largest volume first)."""
    chosen = _theme_or_none(theme)
    return [
        GroupRow(
            key=group.key,
            label=group_label(group, lang=lang, reference=reference),
            tier=group.tier,
            country=country_text(group.country, lang, reference=reference),
            sites=len(group.sites),
            volume=group.volume,
            level=group.level(chosen),
        )
        for group in view.groups.groups
    ]


def chosen_group(view: VersionGroups, key: str) -> SiteGroup | None:
    """The group a URL names by its key, or None (no such key, or none of this version)."""
    return view.groups.group(key) if parse_group_key(key) else None


@dataclass(frozen=True, slots=True)
class SiteRow:
    """A site of a group as the table of its sites lists it."""

    index: int
    id: str
    name: str
    level: Level
    exposure: float


def group_site_rows(view: VersionGroups, group: SiteGroup, *, theme: str) -> list[SiteRow]:
    """A group's sites, the highest level for `theme` first, then the largest exposure."""
    analysed = view.analysis
    rows = [
        SiteRow(
            index=analysed.index_of(site),
            id=site,
            name=analysed.nodes[site].name,
            level=analysed.level(site, theme),
            exposure=analysed.nodes[site].exposure,
        )
        for site in group.sites
    ]
    rows.sort(key=lambda row: (-row.level, -row.exposure, row.index))
    return rows


def _levels(highest: Any) -> list[int]:
    """A node's levels as the browser reads them: one per theme in THEMES order, then the highest."""
    levels = [int(highest.get(theme, Level.NONE_KNOWN)) for theme in THEMES]
    return [*levels, max(levels, default=0)]


def _size(share: float, sizes: tuple[float, float]) -> float:
    smallest, largest = sizes
    return round(smallest + (largest - smallest) * math.sqrt(max(0.0, min(1.0, share))), 1)


def _places(layout: TieredLayout, column_gap: int, row_gap: int) -> dict[str, tuple[int, int]]:
    """Drawing coordinates of a layout: columns `column_gap` apart, each column's nodes spread evenly
    over the height of the fullest column, so that a small column sits in the middle."""
    inner = layout.height * row_gap
    places = {}
    for column, nodes in enumerate(layout.columns):
        step = inner / len(nodes)
        for row, node in enumerate(nodes):
            places[node] = (column * column_gap, round((row + 0.5) * step))
    return places


def groups_json(view: VersionGroups, *, lang: Lang, reference: ReferenceData) -> dict[str, Any]:
    """The groups and the volume between them as the browser draws them.

    {"view": "groups", "themes": [...], "nodes": [{"id": key, "label", "x", "y", "size", "levels",
    "sites"}], "edges": [{"source", "target", "volume"}]}; "levels" has one level per theme in
    "themes" order and the highest last.
    """
    places = _places(view.layout, GROUP_COLUMN_GAP, GROUP_ROW_GAP)
    largest = max((group.volume for group in view.groups.groups), default=0.0) or 1.0
    nodes = [
        {
            "id": group.key,
            "label": group_label(group, lang=lang, reference=reference),
            "x": places[group.key][0],
            "y": places[group.key][1],
            "size": _size(group.volume / largest, GROUP_SIZES),
            "levels": _levels(group.highest),
            "sites": len(group.sites),
        }
        for group in view.groups.groups
    ]
    edges = [
        {"source": flow.supplier, "target": flow.customer, "volume": round(flow.volume, 6)}
        for flow in drawn_flows(view.groups.flows, FLOWS_DRAWN)
    ]
    return {
        "view": "groups",
        "themes": list(THEMES),
        "nodes": nodes,
        "edges": edges,
        "flows": len(view.groups.flows),
    }


def drawn_flows(flows: Sequence[GroupFlow], most: int) -> list[GroupFlow]:
    """The flows the drawing shows: each group's largest outgoing flow (so no group hangs loose), then
    the largest others, `most` in all (more only when there are more groups with an outgoing flow);
    `flows` come largest first, and so do the drawn ones."""
    largest_out: dict[str, GroupFlow] = {}
    for flow in flows:
        largest_out.setdefault(flow.supplier, flow)
    kept = set(largest_out.values())
    room = max(0, most - len(kept))
    for flow in flows:
        if room == 0:
            break
        if flow not in kept:
            kept.add(flow)
            room -= 1
    return [flow for flow in flows if flow in kept]


def group_json(view: VersionGroups, group: SiteGroup) -> dict[str, Any]:
    """A group's sites and their direct suppliers and customers as the browser draws them.

    {"view": "sites", "group": key, "themes": [...], "nodes": [{"id": index, "label", "x", "y", "size",
    "levels", "inside"}], "edges": [{"source", "target"}]}: ids are the sites' indexes (as in the
    details' URL); "inside" is false for a neighbour from another group.
    """
    analysed = view.analysis
    graph = analysed.built.graph
    inside = set(group.sites)
    shown = set(inside)
    for site in group.sites:
        shown.update(graph.predecessors(site))
        shown.update(graph.successors(site))
    places = _places(part_of_layout(analysed.layout, shown), SITE_COLUMN_GAP, SITE_ROW_GAP)
    nodes = []
    for site in sorted(shown, key=analysed.index_of):
        node = analysed.nodes[site]
        nodes.append(
            {
                "id": analysed.index_of(site),
                "label": node.name,
                "x": places[site][0],
                "y": places[site][1],
                "size": _size(node.exposure, SITE_SIZES),
                "levels": _levels({theme: risk.level for theme, risk in node.risks.items()}),
                "inside": site in inside,
            }
        )
    edges = [
        {"source": analysed.index_of(supplier), "target": analysed.index_of(customer)}
        for supplier, customer in graph.edges(shown)
        if customer in shown and (supplier in inside or customer in inside)
    ]
    return {"view": "sites", "group": group.key, "themes": list(THEMES), "nodes": nodes, "edges": edges}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A site found by id or name, with the group it is drawn in."""

    index: int
    id: str
    name: str
    group: str
    level: Level


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The first SEARCH_HITS sites found and how many were found in all."""

    hits: tuple[SearchHit, ...]
    total: int


def search_sites(view: VersionGroups, query: str, *, theme: str) -> SearchResult:
    """The sites whose id or name contains `query` (case ignored), an exact id first, then ids and names
    that start with it, then the rest in the version's order; the first SEARCH_HITS of them."""
    needle = query.strip()[:SEARCH_LENGTH].casefold()
    if not needle:
        return SearchResult(hits=(), total=0)
    analysed = view.analysis
    found: list[tuple[int, int, str]] = []
    for index, site in enumerate(analysed.ids):
        name = analysed.nodes[site].name.casefold()
        folded = site.casefold()
        if folded == needle:
            found.append((0, index, site))
        elif name.startswith(needle) or folded.startswith(needle):
            found.append((1, index, site))
        elif needle in name or needle in folded:
            found.append((2, index, site))
    found.sort()
    hits = tuple(
        SearchHit(
            index=index,
            id=site,
            name=analysed.nodes[site].name,
            group=view.groups.group_of[site],
            level=analysed.level(site, theme),
        )
        for _, index, site in found[:SEARCH_HITS]
    )
    return SearchResult(hits=hits, total=len(found))
