"""The buyer's risk review of a submitted chain version: the risk graph in tiers, the ranked hotspots, the
structure summary, the validation findings and the changes since the previous version.

A version is analysed once and kept (`version_analysis`): building, analysing and laying out a 2,000-site
chain takes about a tenth of a second, and the review page, its graph, its hotspot filter and every site's
details all read the same analysis. Everything cached is independent of the page language and the chosen
theme; texts are rendered per request. Who may see a version is decided before this module is reached
(`web.services.contracts.contract_for`).
"""

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Final, Generic, TypeVar

import networkx as nx
from markupsafe import Markup, escape
from sqlmodel import Session, func, select

from chainmap.activities import activity_label
from chainmap.analysis import ChainAnalysis, Hotspot, NodeResult, analyse_built, diff_chains, risk_as_dict
from chainmap.analysis.diff import CHANGE_KINDS
from chainmap.analysis.layout import TieredLayout, tiered_layout
from chainmap.analysis.structure import UNKNOWN_COUNTRY_KEY
from chainmap.chain import contractor
from chainmap.findings import Finding
from chainmap.messages import render
from chainmap.reference import ReferenceData, good_label
from chainmap.themes import THEMES, Lang, Level, theme_label
from chainmap.validation import BuiltChain
from models import ChainVersion
from models.chain import rows_fingerprint
from web.collection import note_large_value_made
from web.formatting import percent_text
from web.names import country_name
from web.services.chains import FIRST_ROW, built_version

# How many analysed versions (and diffs) are kept; a 2,000-site version takes a few megabytes.
CACHED_VERSIONS: Final = 16
# From this many sites, what is kept of a version is worth a full garbage collection once made
# (`web.collection`): ~50 objects a site, against the ~200,000 of the running app; smaller versions (the
# tests make hundreds) are not.
LARGE_VERSION: Final = 1_000
HIGHEST: Final = "highest"
# Drawing units of the graph (pixels at scale 1): column width, margins, circle radii by exposure.
COLUMN_WIDTH: Final = 140
MARGIN: Final = 24
LABEL_MARGIN: Final = 70
SMALLEST_RADIUS: Final = 4.0
LARGEST_RADIUS: Final = 16.0
# Up to this many sites each node has its name under it; above it the graph shows circles only.
LABELLED_AT_MOST: Final = 60
LABEL_LENGTH: Final = 20
# Above this many links they are drawn straight, which halves the size of the path.
CURVED_AT_MOST: Final = 1000

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class LruCache(Generic[Key, Value]):
    """A small thread-safe least-recently-used cache: `get(key, make)` returns the kept value or makes,
    keeps and returns it. Two requests may make the same value at once; either result is the same.

    `collect_after` tells which values made are large enough (hundreds of thousands of objects) for a
    full garbage collection after the answer to the request that made them (`web.collection`).
    """

    def __init__(self, size: int, *, collect_after: Callable[[Value], bool] | None = None) -> None:
        self._size = size
        self._collect_after = collect_after
        self._items: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key, make: Callable[[], Value]) -> Value:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        if self._collect_after is not None and self._collect_after(value):
            note_large_value_made()
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


@dataclass(frozen=True, slots=True)
class NodePlace:
    """Where a site is drawn, in drawing units, and the radius of its circle."""

    index: int
    x: int
    y: int
    radius: float
    label: str


@dataclass(frozen=True, slots=True)
class Drawing:
    """The geometry of the risk graph: its size, every site's place and all links as one SVG path."""

    width: int
    height: int
    places: tuple[NodePlace, ...]
    links: str
    labelled: bool


@dataclass(frozen=True)
class VersionAnalysis:
    """A version's chain, analysis and drawing, independent of language and theme.

    - `ids`: the site id of each row of the version, by index (the index in the page's URLs).
    - `highest`: each site's highest risk level over all themes.
    """

    built: BuiltChain
    analysis: ChainAnalysis
    layout: TieredLayout
    ids: tuple[str, ...]
    nodes: Mapping[str, NodeResult]
    highest: Mapping[str, Level]
    drawing: Drawing

    @cached_property
    def hotspots(self) -> tuple[Hotspot, ...]:
        """Every hotspot, ranked; made on first use, since the unfiltered table reads only the first few."""
        return tuple(self.analysis.hotspots)

    def index_of(self, node: str) -> int:
        """The index of a site's row in the version."""
        row: int = self.built.graph.nodes[node]["row"]
        return row - FIRST_ROW

    def level(self, node: str, theme: str) -> Level:
        """A site's level for `theme`, or its highest over all themes for HIGHEST."""
        if theme == HIGHEST:
            return self.highest[node]
        return self.nodes[node].risks[theme].level


def is_large(version: VersionAnalysis) -> bool:
    """Whether the version has LARGE_VERSION sites or more."""
    return len(version.ids) >= LARGE_VERSION


_VERSIONS: Final[LruCache[Hashable, VersionAnalysis]] = LruCache(CACHED_VERSIONS, collect_after=is_large)
_DIFFS: Final[LruCache[Hashable, "DiffView"]] = LruCache(CACHED_VERSIONS)


def forget_analyses() -> None:
    """Drop every kept analysis and diff (for tests that count how often a version is analysed)."""
    _VERSIONS.clear()
    _DIFFS.clear()


def version_key(version: ChainVersion, reference: ReferenceData) -> Hashable:
    """What identifies a version's analysis: its id, the fingerprint of its rows and the reference data.

    Found without reading the rows: a 10,000-site version's rows take 10 to 20 ms to read from the
    database and as long again to hash and compare, on every request of the review page (a site's
    details, the graph's data, a table's page), and their garbage set off full collections of
    ~200 ms every dozen requests. Safe to keep and share across users because:
    - who may see the version is decided before (`web.deps.party_contract` scopes the version to a
      contract of the user's organisation on every request); the cached value holds nothing but the
      version's own chain and analysis, which every party to its contract may see;
    - a submitted version is never changed by the application (`models.chain.ChainVersion`: submitting
      copies the draft; the draft, which does change, is never analysed here), and the fingerprint is
      written with the rows whenever the ORM writes them (inserts through the table's default too), so
      rows changed by a script or a test through the ORM give another key rather than a stale analysis.
      An UPDATE of the rows in SQL or SQLAlchemy Core does not: such a change must set the fingerprint
      too (`models.chain.rows_fingerprint`), or restart the server;
    - the fingerprint keeps a database that reuses ids (a fresh test database, SQLite after a
      deletion, a restored backup) from getting another version's analysis.
    The reference object is kept alive by the cached entry, so its id stays unique while the entry
    lives. A row written without the ORM or the table's default has no fingerprint: its rows give it.
    """
    return (version.id, version.fingerprint or rows_fingerprint(version.rows), id(reference))


class VersionNoLongerValid(Exception):
    """A submitted version that the checks of today refuse: it was valid when submitted, but a later
    chainmap (stricter checks) or reference data (a country withdrawn) finds errors in it. Its analysis
    cannot be made; the app answers 409 with the errors rather than failing."""

    def __init__(self, version: ChainVersion, findings: list[Finding]) -> None:
        super().__init__(f"version {version.number} of contract {version.contract_id} no longer builds")
        self.version = version
        self.findings = [finding for finding in findings if finding.blocking]


def version_analysis(version: ChainVersion, *, reference: ReferenceData) -> VersionAnalysis:
    """The version's analysis, made once per version and kept (see `version_key`)."""
    return _VERSIONS.get(version_key(version, reference), lambda: _analyse_version(version, reference))


def _analyse_version(version: ChainVersion, reference: ReferenceData) -> VersionAnalysis:
    built = built_version(version, reference=reference)
    if not built.ok:
        raise VersionNoLongerValid(version, built.findings)
    analysis = analyse_built(built, reference=reference)
    nodes = {node.id: node for node in analysis.nodes}
    layout = tiered_layout(built.graph, tiers=analysis.structure.tiers)
    ids = [""] * len(version.rows)
    for node, data in built.graph.nodes(data=True):
        ids[data["row"] - FIRST_ROW] = node
    return VersionAnalysis(
        built=built,
        analysis=analysis,
        layout=layout,
        ids=tuple(ids),
        nodes=nodes,
        highest={node.id: max(risk.level for risk in node.risks.values()) for node in analysis.nodes},
        drawing=_drawing(layout, built.graph, nodes),
    )


def _drawing(layout: TieredLayout, graph: "nx.DiGraph[str]", nodes: Mapping[str, NodeResult]) -> Drawing:
    """Columns COLUMN_WIDTH apart; each column's sites spread evenly over the graph's height, so that a
    small tier sits in the middle; a circle's area grows with the site's exposure."""
    labelled = graph.number_of_nodes() <= LABELLED_AT_MOST
    side = LABEL_MARGIN if labelled else MARGIN
    row_gap = 56 if labelled else 28 if layout.height <= 40 else 14
    inner = layout.height * row_gap
    width = 2 * side + (len(layout.columns) - 1) * COLUMN_WIDTH
    height = 2 * MARGIN + inner
    points: dict[str, tuple[int, int]] = {}
    places = []
    for column, column_nodes in enumerate(layout.columns):
        step = inner / len(column_nodes)
        x = side + column * COLUMN_WIDTH
        for row, node in enumerate(column_nodes):
            y = round(MARGIN + (row + 0.5) * step)
            points[node] = (x, y)
            result = nodes[node]
            radius = SMALLEST_RADIUS + (LARGEST_RADIUS - SMALLEST_RADIUS) * math.sqrt(result.exposure)
            name = result.name if len(result.name) <= LABEL_LENGTH else result.name[: LABEL_LENGTH - 1] + "…"
            index = graph.nodes[node]["row"] - FIRST_ROW
            places.append(NodePlace(index, x, y, round(radius, 1), name if labelled else ""))
    curved = graph.number_of_edges() <= CURVED_AT_MOST
    parts = []
    for supplier, customer in graph.edges:
        (x1, y1), (x2, y2) = points[supplier], points[customer]
        if x1 == x2:
            parts.append(f"M{x1} {y1}Q{x1 + COLUMN_WIDTH // 3} {(y1 + y2) // 2} {x2} {y2}")
        elif curved:
            middle = (x1 + x2) // 2
            parts.append(f"M{x1} {y1}C{middle} {y1} {middle} {y2} {x2} {y2}")
        else:
            parts.append(f"M{x1} {y1}L{x2} {y2}")
    return Drawing(width, height, tuple(places), "".join(parts), labelled)


def graph_markup(version: VersionAnalysis, *, theme: str, lang: Lang, base: str) -> Markup:
    """The sites of the graph as SVG, one link per site (`base`/sites/index) coloured by its level for
    `theme` (or HIGHEST), with a tooltip naming the site, its country code and the level in `lang`, so the
    colour is never the only sign of the level. Built here rather than in a template loop, and escaped,
    because a 2,000-site graph renders several times faster this way."""
    labels = {level: escape(level.label(lang)) for level in Level}
    unknown = escape(render("report.unknown_country", {}, lang))
    link = escape(base)
    parts = []
    for place in version.drawing.places:
        node = version.nodes[version.ids[place.index]]
        level = version.level(node.id, theme)
        country = escape(node.country) if node.country else unknown
        text = f'<text y="{place.radius + 12:.1f}">{escape(place.label)}</text>' if place.label else ""
        parts.append(
            f'<a class="level-{int(level)}" href="{link}/sites/{place.index}" data-index="{place.index}" '
            f'transform="translate({place.x} {place.y})"><title>{escape(node.name)} ({country}): '
            f'{labels[level]}</title><circle r="{place.radius:.1f}"/>{text}</a>\n'
        )
    return Markup("".join(parts))  # noqa: S704 - every value in it is escaped above


def graph_theme(theme: str) -> str:
    """The theme the graph is coloured by: a known theme, else the highest over all themes."""
    return theme if theme in THEMES else HIGHEST


def country_text(iso2: str | None, lang: Lang, *, reference: ReferenceData) -> str:
    """A site's country named in `lang`; "unknown" in `lang` for a site whose country is unknown."""
    if iso2 is None or iso2 == UNKNOWN_COUNTRY_KEY:
        return render("report.unknown_country", {}, lang)
    return country_name(iso2, lang, reference=reference) if iso2 in reference.countries else iso2


@dataclass(frozen=True, slots=True)
class SiteLink:
    """A site named in a list, with the index that opens its details."""

    index: int
    name: str


@dataclass(frozen=True)
class SiteDetails:
    """One site as its details panel shows it, with its risk per theme as `risk_as_dict` gives it."""

    index: int
    id: str
    name: str
    row: int
    tier: int
    exposure: float
    country: str
    activity: str
    goods: list[str]
    customers: list[SiteLink]
    suppliers: list[SiteLink]
    risks: dict[str, dict[str, Any]]
    region: str = ""


def site_details(
    version: VersionAnalysis, index: int, *, lang: Lang, reference: ReferenceData
) -> SiteDetails | None:
    """The details of the site at `index` of the version's rows, in `lang`; None when there is none."""
    if not 0 <= index < len(version.ids):
        return None
    node = version.nodes[version.ids[index]]
    graph = version.built.graph

    def links(nodes: Sequence[str]) -> list[SiteLink]:
        return [SiteLink(version.index_of(other), version.nodes[other].name) for other in nodes]

    return SiteDetails(
        index=index,
        id=node.id,
        name=node.name,
        row=index + FIRST_ROW,
        tier=node.tier,
        exposure=node.exposure,
        country=country_text(node.country, lang, reference=reference),
        activity=activity_label(node.activity, lang),
        goods=[good_label(good, lang) for good in node.goods],
        customers=links(list(graph.successors(node.id))),
        suppliers=links(list(graph.predecessors(node.id))),
        risks={theme: risk_as_dict(risk, lang) for theme, risk in node.risks.items()},
        region=str(graph.nodes[node.id].get("region") or ""),
    )


@dataclass(frozen=True)
class StructureSummary:
    """The structure of the chain as the review page lists it, countries named in the page language."""

    tiers: list[tuple[int, int]]
    traced_share: float
    unknown: list[SiteLink]
    unknown_countries: list[SiteLink]
    critical: list[SiteLink]
    exposure_by_country: list[tuple[str, float]]
    contractor: SiteLink


def structure_summary(version: VersionAnalysis, *, lang: Lang, reference: ReferenceData) -> StructureSummary:
    """Tiers with their number of sites, traced share, unknown parts, critical sites and exposure by the
    country where the chain begins."""
    shape = version.analysis.structure

    def links(nodes: Sequence[str]) -> list[SiteLink]:
        return [SiteLink(version.index_of(node), version.nodes[node].name) for node in nodes]

    root = contractor(version.built.graph)
    return StructureSummary(
        tiers=list(shape.tier_counts().items()),
        traced_share=shape.traced_share,
        unknown=links(shape.unknown_nodes),
        unknown_countries=links(shape.unknown_countries),
        critical=links(shape.critical_nodes),
        exposure_by_country=[
            (country_text(country, lang, reference=reference), share)
            for country, share in shape.exposure_by_country.items()
        ],
        contractor=SiteLink(version.index_of(root), version.nodes[root].name),
    )


@dataclass(frozen=True, slots=True)
class DiffSection:
    """One kind of change between two versions: its heading (with the count) and one line per change."""

    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class DiffView:
    """What changed between the previous version and this one, language-neutral: the core's diff and the
    site names of both versions."""

    diff: Mapping[str, Any]
    names: Mapping[str, str]


def version_diff(old: ChainVersion, new: ChainVersion, *, reference: ReferenceData) -> DiffView:
    """The core's diff from `old` to `new` (`chainmap.analysis.diff_chains`), made once per pair."""

    def make() -> DiffView:
        built_before = built_version(old, reference=reference)
        if not built_before.ok:
            raise VersionNoLongerValid(old, built_before.findings)
        before = built_before.graph
        after = version_analysis(new, reference=reference).built.graph
        diff = diff_chains(before, after, reference=reference).as_dict()
        names = {
            node: str(data["name"]) for graph in (before, after) for node, data in graph.nodes(data=True)
        }
        return DiffView(diff=diff, names=names)

    return _DIFFS.get((version_key(old, reference), version_key(new, reference)), make)


def change_texts(view: DiffView, *, lang: Lang, reference: ReferenceData) -> dict[str, Callable[[Any], str]]:
    """For each kind of change (`chainmap.analysis.diff.CHANGE_KINDS`), how one change of it reads in
    `lang`: sites by id and name, countries, goods, themes and levels named in `lang`. The review page
    renders only the changes on screen with it."""

    def t(code: str, **params: Any) -> str:
        return render(code, params, lang)

    def site(node: str) -> str:
        name = view.names.get(node)
        return f"{node} ({name})" if name and name != node else node

    def value(attribute: str, raw: Any) -> str:
        if attribute == "country":
            return country_text(raw, lang, reference=reference)
        if raw is None or raw == "" or raw == []:
            return t("report.empty")
        if attribute == "goods":
            return "; ".join(good_label(good, lang) for good in raw)
        if attribute == "activity":
            return activity_label(raw, lang)
        if isinstance(raw, float):  # a share, in percent
            return percent_text(raw, lang, 0 if raw.is_integer() else 2)
        return str(raw)

    def change(item: Mapping[str, Any]) -> str:
        where = item["node"] if item["customer"] is None else f"{item['node']} → {item['customer']}"
        attribute = item["attribute"]
        old, new = value(attribute, item["old"]), value(attribute, item["new"])
        return f"{where}, {t(f'column.{attribute}')}: {old} → {new}"

    def level(number: int) -> str:
        return Level(number).label(lang)

    def risk_change(item: Mapping[str, Any]) -> str:
        direction = t("diff.up" if item["new_level"] > item["old_level"] else "diff.down")
        levels = f"{level(item['old_level'])} → {level(item['new_level'])}"
        return f"{site(item['node'])}, {theme_label(item['theme'], lang)}: {levels} ({direction})"

    def site_risk(item: Mapping[str, Any]) -> str:
        return f"{site(item['node'])}, {theme_label(item['theme'], lang)}: {level(item['level'])}"

    def link(item: Any) -> str:
        supplier, customer = item
        return f"{supplier} → {customer}"

    return {
        "nodes_added": site,
        "nodes_removed": site,
        "links_added": link,
        "links_removed": link,
        "changed": change,
        "risk_changes": risk_change,
        "risks_removed": site_risk,
        "risks_added": site_risk,
    }


def diff_sections(view: DiffView, *, lang: Lang, reference: ReferenceData) -> list[DiffSection]:
    """The changes grouped as `chainmap diff` groups them, with its headings, in `lang` (`change_texts`).
    Empty kinds are left out."""
    texts = change_texts(view, lang=lang, reference=reference)
    return [
        DiffSection(
            render(f"diff.{kind}", {"count": len(view.diff[kind])}, lang),
            tuple(texts[kind](item) for item in view.diff[kind]),
        )
        for kind in CHANGE_KINDS
        if view.diff[kind]
    ]


def newest_number(*, session: Session, contract_id: int) -> int:
    """The number of the contract's newest version (0 before the first), without loading any rows."""
    newest = session.exec(
        select(func.max(ChainVersion.number)).where(ChainVersion.contract_id == contract_id)
    ).one()
    return newest or 0
