"""The long tables of the review page, paged, sorted and searched on the server: the hotspots, the risk
groups, the validation findings and the changes since the previous version.

A 10,000-site version has some 15,000 hotspots; the page shows ROWS_PER_PAGE of them at a time. Sorting
and filtering read the version's cached analysis (`web.services.review.version_analysis`) and never
analyse again: the rows of a table are made once per analysed version and language, and each sort order
once per column and direction (`HotspotIndex`), so that a request filters and slices ready rows.

The state of a table (page, sort column, direction, search text and filters) lives in its URL
(`TableState`); every link of a table carries it, so that a link, a reload or the back button shows the
same rows.
"""

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlencode

from chainmap.analysis.diff import CHANGE_KINDS
from chainmap.analysis.groups import group_label
from chainmap.findings import Finding, FindingGroup, group_findings
from chainmap.messages import render
from chainmap.reference import ReferenceData
from chainmap.themes import THEMES, Lang, Level, theme_label
from web.paging import ROWS_PER_PAGE, Page, PageRequest, natural_key, page_of, page_request
from web.services.review import (
    CACHED_VERSIONS,
    DiffView,
    LruCache,
    SiteLink,
    VersionAnalysis,
    change_texts,
    country_text,
    is_large,
)

# The columns the hotspot table sorts by; "rank" is the order of the analysis, the most severe first.
HOTSPOT_SORTS: Final = (
    "rank",
    "id",
    "site",
    "country",
    "tier",
    "theme",
    "level",
    "likelihood",
    "salience",
    "exposure",
)
RISK_GROUP_SORTS: Final = ("rank", "group", "theme", "country", "level", "sites", "exposure")
# Columns whose first click shows the largest first: a reader sorts by level to see the most severe.
DESCENDING_FIRST: Final = frozenset({"level", "likelihood", "salience", "exposure", "sites"})
# The sites a risk group lists on the page; the rest are in the hotspot table filtered to the group.
GROUP_SITES_SHOWN = 10
# Rows per page of each table (read at each request, so that tests can page small tables); the lines of
# the findings per page, and the findings of one group per page of its full list.
HOTSPOTS_PER_PAGE = ROWS_PER_PAGE
RISK_GROUPS_PER_PAGE = ROWS_PER_PAGE
FINDING_LINES_PER_PAGE = ROWS_PER_PAGE
FINDING_ENTRIES_PER_PAGE = ROWS_PER_PAGE
CHANGES_PER_PAGE = ROWS_PER_PAGE


@dataclass(frozen=True, slots=True)
class TableState:
    """A table's state as its URL gives it: page, sort, direction and search (`PageRequest`) and the
    table's own filters (theme, level, group…), which every link of the table keeps."""

    request: PageRequest
    filters: Mapping[str, str] = field(default_factory=dict)
    # The query parameter the pager's `page` changes: "page", or for a list inside a table its own one.
    page_param: str = "page"

    @property
    def sort(self) -> str:
        return self.request.sort

    @property
    def descending(self) -> bool:
        return self.request.descending

    @property
    def query(self) -> str:
        return self.request.query

    def params(self, **changes: str | int | bool) -> dict[str, str]:
        """The query parameters with `changes` applied; empty filters and defaults are left out."""
        if self.page_param != "page" and "page" in changes:
            changes[self.page_param] = changes.pop("page")
        filters = {key: str(changes.pop(key)) for key in list(changes) if key in self.filters}
        kept = {key: value for key, value in {**self.filters, **filters}.items() if value}
        return {**kept, **self.request.params(**changes)}

    def query_string(self, **changes: str | int | bool) -> str:
        """`params` as a URL query string (without `?`); the pager macro calls it for its links."""
        return urlencode(self.params(**changes))

    def sort_query(self, column: str) -> str:
        """The query string of a column header's link: the first page sorted by `column`, the other way
        round when it is sorted by it already, else in the column's first direction."""
        descending = not self.descending if column == self.sort else column in DESCENDING_FIRST
        return self.query_string(page=1, sort=column, desc=descending)

    def aria_sort(self, column: str) -> str:
        """The `aria-sort` value of a column header: how the table is sorted by it, "none" otherwise."""
        if column != self.sort:
            return "none"
        return "descending" if self.descending else "ascending"


def table_state(
    params: Mapping[str, str],
    *,
    sorts: Sequence[str],
    filters: Mapping[str, str] | None = None,
) -> TableState:
    """The state of a table from its query parameters; an unknown sort is the first of `sorts` (the
    analysis's order), a page number that is no number the first page (`web.paging.page_request`)."""
    request = page_request(params, sorts=sorts, default_sort=sorts[0])
    return TableState(request=request, filters=dict(filters or {}))


@dataclass(frozen=True, slots=True)
class HotspotRow:
    """A row of the hotspot table, named in one language."""

    rank: int
    index: int
    id: str
    name: str
    country: str
    tier: int
    theme: str
    theme_label: str
    level: Level
    likelihood: float
    salience: float
    exposure: float


class HotspotIndex:
    """Every hotspot of a version as table rows in one language, in rank order, with a search text per
    row and each sort order made on first use and kept."""

    def __init__(self, rows: tuple[HotspotRow, ...], haystacks: tuple[str, ...]) -> None:
        self.rows = rows
        self.haystacks = haystacks
        self._orders: dict[tuple[str, bool], tuple[int, ...]] = {}
        self._lock = threading.Lock()

    def order(self, sort: str, descending: bool) -> tuple[int, ...]:
        """The row positions sorted by `sort`; equal values keep rank order in either direction."""
        with self._lock:
            kept = self._orders.get((sort, descending))
        if kept is not None:
            return kept
        rows = self.rows
        if sort in _SITE_SORTS:  # a site's key is made once for all its themes' rows
            site_key = _HOTSPOT_KEYS[sort]
            keys: dict[str, Any] = {}
            for row in rows:
                if row.id not in keys:
                    keys[row.id] = site_key(row)
            values = [keys[row.id] for row in rows]
        else:
            key = _HOTSPOT_KEYS[sort]
            values = [key(row) for row in rows]
        made = tuple(sorted(range(len(rows)), key=values.__getitem__, reverse=descending))
        with self._lock:
            self._orders[(sort, descending)] = made
        return made


_HOTSPOT_KEYS: Final[dict[str, Callable[[HotspotRow], Any]]] = {
    "rank": lambda row: row.rank,
    "id": lambda row: natural_key(row.id),
    "site": lambda row: (row.name.casefold(), natural_key(row.id)),
    "country": lambda row: row.country.casefold(),
    "tier": lambda row: row.tier,
    "theme": lambda row: row.theme_label.casefold(),
    "level": lambda row: int(row.level),
    "likelihood": lambda row: row.likelihood,
    "salience": lambda row: row.salience,
    "exposure": lambda row: row.exposure,
}

# Sorts whose key depends on the site alone (not on the theme's row).
_SITE_SORTS: Final = frozenset({"id", "site", "country", "tier"})

_INDEXES: Final[LruCache[tuple[int, str], tuple[VersionAnalysis, HotspotIndex]]] = LruCache(
    2 * CACHED_VERSIONS, collect_after=lambda kept: is_large(kept[0])
)


def hotspot_index(version: VersionAnalysis, *, lang: Lang, reference: ReferenceData) -> HotspotIndex:
    """The version's hotspot rows in `lang`, made once per analysed version and language. The entry keeps
    the analysis alive, so the id in its key names no other analysis while it is kept."""
    return _INDEXES.get(
        (id(version), lang), lambda: (version, _hotspot_index(version, lang=lang, reference=reference))
    )[1]


def _hotspot_index(version: VersionAnalysis, *, lang: Lang, reference: ReferenceData) -> HotspotIndex:
    countries: dict[str | None, str] = {}
    themes = {theme: theme_label(theme, lang) for theme in THEMES}
    rows = []
    haystacks = []
    for rank, hotspot in enumerate(version.hotspots, start=1):
        node = version.nodes[hotspot.node]
        if node.country not in countries:
            countries[node.country] = country_text(node.country, lang, reference=reference)
        country = countries[node.country]
        rows.append(
            HotspotRow(
                rank=rank,
                index=version.index_of(node.id),
                id=node.id,
                name=node.name,
                country=country,
                tier=node.tier,
                theme=hotspot.theme,
                theme_label=themes.get(hotspot.theme, hotspot.theme),
                level=hotspot.level,
                likelihood=hotspot.likelihood,
                salience=hotspot.salience,
                exposure=hotspot.exposure,
            )
        )
        haystacks.append(f"{node.id}\n{node.name}\n{country}".casefold())
    return HotspotIndex(tuple(rows), tuple(haystacks))


def forget_tables() -> None:
    """Drop every kept table index and row (for tests that count how rows are made)."""
    _INDEXES.clear()
    _GROUP_ROWS.clear()


@dataclass(frozen=True, slots=True)
class HotspotFilter:
    """The hotspot table's filter: a known theme or "" for all, a minimum level, a risk group's key or ""
    for none; anything unknown filters nothing."""

    theme: str
    minimum: Level
    group: str

    def params(self) -> dict[str, str]:
        """The filter as query parameters, for every link of the table."""
        return {
            "theme": self.theme,
            "level": str(int(self.minimum)) if self.minimum else "",
            "group": self.group,
        }


def hotspot_filter(version: VersionAnalysis, *, theme: str, level: str, group: str) -> HotspotFilter:
    """The filter from the query: an unknown theme, level or group is no filter."""
    # isascii too: str.isdigit() also takes digits that int() refuses ("²")
    known = level.isascii() and level.isdigit() and int(level) <= Level.VERY_HIGH
    groups = {risk_group.key for risk_group in version.analysis.risk_groups}
    return HotspotFilter(
        theme=theme if theme in THEMES else "",
        minimum=Level(int(level) if known else Level.NONE_KNOWN),
        group=group if group in groups else "",
    )


@dataclass(frozen=True)
class HotspotTable:
    """A page of the hotspots that match the filter and search, in the chosen order."""

    page: Page[HotspotRow]
    total: int
    state: TableState
    filter: HotspotFilter
    group_label: str


def hotspot_table(
    version: VersionAnalysis,
    *,
    params: Mapping[str, str],
    lang: Lang,
    reference: ReferenceData,
) -> HotspotTable:
    """One page of the version's hotspots as `params` ask for it (`page`, `sort`, `desc`, `q`, `theme`,
    `level`, `group`). Ranks stay those of the whole ranking, so a filtered or re-sorted table shows where
    each hotspot stands overall."""
    chosen = hotspot_filter(
        version,
        theme=params.get("theme", ""),
        level=params.get("level", ""),
        group=params.get("group", ""),
    )
    state = table_state(params, sorts=HOTSPOT_SORTS, filters=chosen.params())
    index = hotspot_index(version, lang=lang, reference=reference)
    group = next((item for item in version.analysis.risk_groups if item.key == chosen.group), None)
    group_nodes = frozenset(group.nodes) if group else frozenset()
    needle = state.query.casefold()
    rows, haystacks = index.rows, index.haystacks
    matching = [
        rows[position]
        for position in index.order(state.sort, state.descending)
        if (not chosen.theme or rows[position].theme == chosen.theme)
        and rows[position].level >= chosen.minimum
        and (group is None or (rows[position].theme == group.theme and rows[position].id in group_nodes))
        and (not needle or needle in haystacks[position])
    ]
    return HotspotTable(
        page=page_of(matching, state.request.page, per_page=HOTSPOTS_PER_PAGE),
        total=len(rows),
        state=state,
        filter=chosen,
        group_label=_group_label(group, lang=lang, reference=reference) if group else "",
    )


def _group_label(group: Any, *, lang: Lang, reference: ReferenceData) -> str:
    label: str = group_label(
        theme=group.theme,
        subject_kind=group.subject_kind,
        subject=group.subject,
        country=country_text(group.country, lang, reference=reference),
        lang=lang,
    )
    return label


@dataclass(frozen=True, slots=True)
class RiskGroupRow:
    """A risk group of the prioritised risks: "forced labour – Garments – China", its level, its first
    sites and their number, and their combined share of the volume (`chainmap.analysis.groups`)."""

    rank: int
    key: str
    label: str
    theme_label: str
    country: str
    level: Level
    sites: tuple[SiteLink, ...]
    site_count: int
    exposure: float

    @property
    def more(self) -> int:
        """How many of the group's sites the page does not list."""
        return self.site_count - len(self.sites)


_RISK_GROUP_KEYS: Final[dict[str, Callable[[RiskGroupRow], Any]]] = {
    "rank": lambda row: row.rank,
    "group": lambda row: row.label.casefold(),
    "theme": lambda row: row.theme_label.casefold(),
    "country": lambda row: row.country.casefold(),
    "level": lambda row: int(row.level),
    "sites": lambda row: row.site_count,
    "exposure": lambda row: row.exposure,
}


_GROUP_ROWS: Final[LruCache[tuple[int, str, int], tuple[VersionAnalysis, tuple[RiskGroupRow, ...]]]] = (
    LruCache(2 * CACHED_VERSIONS, collect_after=lambda kept: is_large(kept[0]))
)


def risk_group_rows(
    version: VersionAnalysis, *, lang: Lang, reference: ReferenceData
) -> tuple[RiskGroupRow, ...]:
    """The version's risk groups as table rows in `lang`, the most severe first, made once per analysed
    version, language and number of sites listed (the entry keeps the analysis alive, see
    `hotspot_index`)."""

    def make() -> tuple[VersionAnalysis, tuple[RiskGroupRow, ...]]:
        return version, tuple(
            RiskGroupRow(
                rank=rank,
                key=group.key,
                label=_group_label(group, lang=lang, reference=reference),
                theme_label=theme_label(group.theme, lang),
                country=country_text(group.country, lang, reference=reference),
                level=group.level,
                sites=tuple(
                    SiteLink(version.index_of(node), version.nodes[node].name)
                    for node in group.nodes[:GROUP_SITES_SHOWN]
                ),
                site_count=len(group.nodes),
                exposure=group.exposure,
            )
            for rank, group in enumerate(version.analysis.risk_groups, start=1)
        )

    return _GROUP_ROWS.get((id(version), lang, GROUP_SITES_SHOWN), make)[1]


@dataclass(frozen=True)
class RiskGroupTable:
    """A page of the risk groups in the chosen order, with the number of prioritised risks in the groups
    that match the search."""

    page: Page[RiskGroupRow]
    risks: int
    state: TableState


def risk_group_table(
    version: VersionAnalysis,
    *,
    params: Mapping[str, str],
    lang: Lang,
    reference: ReferenceData,
) -> RiskGroupTable:
    """One page of the version's risk groups as `params` ask for it (`page`, `sort`, `desc`, `q` searching
    the group's name), each with its first GROUP_SITES_SHOWN sites. The rows are made once per analysed
    version and language (`risk_group_rows`); a version has at most a few hundred groups (theme × country
    × good or activity), so they are sorted per request."""
    state = table_state(params, sorts=RISK_GROUP_SORTS)
    rows = list(risk_group_rows(version, lang=lang, reference=reference))
    needle = state.query.casefold()
    if needle:
        rows = [row for row in rows if needle in row.label.casefold()]
    risks = sum(row.site_count for row in rows)
    rows.sort(key=_RISK_GROUP_KEYS[state.sort], reverse=state.descending)
    page = page_of(rows, state.request.page, per_page=RISK_GROUPS_PER_PAGE)
    return RiskGroupTable(page=page, risks=risks, state=state)


@dataclass(frozen=True)
class FindingEntry:
    """One finding of a group in its full list: the site it is about (None when it names none) and its
    message."""

    site: SiteLink | None
    message: str


@dataclass(frozen=True)
class FindingLine:
    """One line of the findings: a finding's severity and message, or for many findings of one kind
    (`chainmap.findings.group_findings`) the group's summary, its key (`severity:code`) and a page of its
    findings."""

    severity: str
    message: str
    key: str = ""
    entries: Page[FindingEntry] | None = None
    state: TableState | None = None
    open: bool = False


@dataclass(frozen=True)
class FindingsView:
    """A page of the findings' lines, with the number of findings in all."""

    page: Page[FindingLine]
    count: int
    state: TableState


def findings_view(
    version: VersionAnalysis,
    *,
    params: Mapping[str, str],
    lang: Lang,
) -> FindingsView:
    """The validation findings (warnings: a submitted version is valid) in `lang`, many of one kind as one
    line (`group_findings`), a page of lines at a time (`page`). A group's findings are listed a page at a
    time too: `group` names the group (`severity:code`) and `entries` its page; only the lines shown are
    rendered."""
    state = table_state(params, sorts=("rank",))
    chosen = params.get("group", "")
    entries_page = _page_number(params.get("entries", "1"))
    items = group_findings(version.analysis.findings)
    page = page_of(items, state.request.page, per_page=FINDING_LINES_PER_PAGE)
    graph = version.built.graph

    def site(finding: Finding) -> SiteLink | None:
        node = finding.nodes[0] if finding.nodes else None
        if node is None or node not in graph:
            return None
        return SiteLink(version.index_of(node), version.nodes[node].name)

    lines = []
    for item in page.rows:
        severity = render(f"severity.{item.severity.value}", {}, lang)
        if isinstance(item, FindingGroup):
            key = f"{item.severity.value}:{item.code}"
            number = entries_page if key == chosen else 1
            entries = page_of(item.findings, number, per_page=FINDING_ENTRIES_PER_PAGE)
            lines.append(
                FindingLine(
                    severity,
                    item.summary(lang),
                    key=key,
                    entries=Page(
                        rows=[FindingEntry(site(finding), finding.message(lang)) for finding in entries.rows],
                        number=entries.number,
                        per_page=entries.per_page,
                        total=entries.total,
                    ),
                    state=TableState(
                        request=state.request,
                        filters={"group": key, "entries": str(entries.number)},
                        page_param="entries",
                    ),
                    open=key == chosen,
                )
            )
        else:
            lines.append(FindingLine(severity, item.message(lang)))
    shown = Page(rows=lines, number=page.number, per_page=page.per_page, total=page.total)
    return FindingsView(page=shown, count=len(version.analysis.findings), state=state)


def _page_number(text: str) -> int:
    """A page number from the query; anything else is the first page (a page beyond the last shows the
    last, see `web.paging.page_of`)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else 1


@dataclass(frozen=True)
class ChangeCount:
    """How many changes of one kind (the template names the kind)."""

    kind: str
    count: int


@dataclass(frozen=True)
class ChangeList:
    """One kind of change: its heading and a page of its changes, each as one line of text."""

    kind: str
    heading: str
    page: Page[str]
    state: TableState


@dataclass(frozen=True)
class ChangesView:
    """What changed since the previous version: the number of changes of each kind first, then a page of
    each non-empty kind's list."""

    counts: tuple[ChangeCount, ...]
    lists: tuple[ChangeList, ...]

    @property
    def empty(self) -> bool:
        return not self.lists


def changes_view(
    view: DiffView,
    *,
    params: Mapping[str, str],
    lang: Lang,
    reference: ReferenceData,
) -> ChangesView:
    """The changes grouped as `chainmap diff` groups them, in the natural order of the ids, each kind a
    page at a time: `kind` names the kind whose page is `page`; the other kinds show their first page.
    Only the lines shown are rendered, so 10,000 changes cost no more than 50."""
    state = table_state(params, sorts=("rank",))
    chosen = params.get("kind", "")
    texts = change_texts(view, lang=lang, reference=reference)
    counts = []
    lists = []
    for kind in CHANGE_KINDS:
        items: Sequence[Any] = view.diff[kind]
        counts.append(ChangeCount(kind, len(items)))
        if not items:
            continue
        number = state.request.page if kind == chosen else 1
        page = page_of(items, number, per_page=CHANGES_PER_PAGE)
        lists.append(
            ChangeList(
                kind=kind,
                heading=render(f"diff.{kind}", {"count": len(items)}, lang),
                page=Page(
                    rows=[texts[kind](item) for item in page.rows],
                    number=page.number,
                    per_page=page.per_page,
                    total=page.total,
                ),
                state=TableState(request=state.request, filters={"kind": kind}),
            )
        )
    return ChangesView(counts=tuple(counts), lists=tuple(lists))
