"""The supplier's chain form: adding, changing and removing single sites of a contract's draft, the
draft's findings placed at their row and column, one page of its sites at a time, and a preview of the
draft's risks.

The draft is validated as a whole with the command line's `chainmap.validation.build_chain`, so each
message is the command line's own and a change to one row updates the messages of every other row it
affects. Validation is global (cycles, shares per customer, ids named by other rows), so it is not
split into parts: at 10,000 sites one build takes about 150 ms, within the 300 ms an edit may take, and
an exact answer is worth more than a partial one. What makes the form fast is doing it once per change
instead of once per request: the validated draft (`DraftState`) is kept in a small in-process cache,
and it is the stored draft for as long as the draft's count of sites, the sum of their ids and the sum
of their revisions are unchanged (`ChainDraftRow.revision` is random and changes with every change of a
row, also by an upload or another process). A request checks that fingerprint with one aggregate query
and validates again only when it differs; after an edit made here the cached sites are patched with the
edit and validated without reading the draft again. Each process keeps its own cache, so several
workers stay correct, each validating once after a change made by another.

The table shows 50 sites at a time (`web.paging`), searched by id, name and country, filtered by findings,
country and tier and sorted, all read from the URL. An edit answers with only the rows on the page
whose number, cells or messages changed and the draft's counts, never the whole table. The risk preview
(the risk analysis, about 0.5 s at 10,000 sites) is computed on demand and kept per fingerprint and
language. Row numbers are those of the draft's download (first site: row 2), which stays true because
positions are kept contiguous.

Two people editing one draft do not overwrite each other unseen: the row of inputs carries the revision
of the site it shows, a save of another revision is refused with the current one, and the ORM updates a
row only where it still has the revision it was loaded with (StaleDataError otherwise).
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, Final

from sqlalchemy import delete, func, update
from sqlalchemy import select as select_columns
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from chainmap.activities import activity_label, normalise_activity
from chainmap.analysis import analyse_built
from chainmap.analysis.structure import UNKNOWN_COUNTRY_KEY
from chainmap.chain import COLUMNS, ChainRow, split_list
from chainmap.findings import Finding, FindingGroup, group_findings
from chainmap.reference import ReferenceData
from chainmap.themes import Lang
from chainmap.validation import BuiltChain, build_chain
from models import ChainDraftRow, Contract
from models.chain import new_revision
from web.names import country_name
from web.paging import Page, PageRequest, natural_key, page_of, page_request
from web.services.chains import FIRST_ROW, MAX_WEB_SITES, chain_row, refresh_status, row_cells, store_cells

# The longest text a cell takes: names and codes are short, lists of goods, customers and shares longer.
CELL_LIMITS: Final[Mapping[str, int]] = {
    "id": 100,
    "name": 200,
    "country": 100,
    "activity": 100,
    "goods": 2000,
    "supplies_to": 2000,
    "share": 1000,
    "region": 100,
}
# How often adding a site takes the next position when another request took it first.
ADD_ATTEMPTS: Final = 3
# The preview lists this many hotspots, each with this many reasons before "more reasons".
PREVIEW_HOTSPOTS: Final = 10
PREVIEW_REASONS: Final = 1
# Validated drafts kept in memory (each about 20 MB at 10,000 sites), the ones used last.
CACHED_DRAFTS: Final = 8
# A finding group lists this many of its findings; the filter by errors or warnings shows all.
GROUP_LISTED: Final = 20
# Drafts up to this size reload their preview after each change (the analysis takes under 0.1 s);
# larger ones offer a button to bring it up to date.
LIVE_PREVIEW_SITES: Final = 500
# Sorts of the table; "row" is the order of the download.
SORTS: Final = ("row", "id", "name", "country")
# The findings filter's values.
FINDING_FILTERS: Final = ("errors", "warnings")
# The country filter's value for sites whose country names no known country.
NO_COUNTRY: Final = "none"

Problem = tuple[str, dict[str, object]]


@dataclass(frozen=True)
class SiteCells:
    """The eight cells of one site as the supplier typed them, in the order of `chainmap.chain.COLUMNS`."""

    id: str = ""
    name: str = ""
    country: str = ""
    activity: str = ""
    goods: str = ""
    supplies_to: str = ""
    share: str = ""
    region: str = ""

    @classmethod
    def typed(cls, **cells: str) -> "SiteCells":
        """The cells as sent, stripped as a chain file's cells are."""
        return cls(**{name: value.strip() for name, value in cells.items()})

    @classmethod
    def of_row(cls, row: ChainDraftRow) -> "SiteCells":
        return cls(*row_cells(chain_row(row, FIRST_ROW)))

    def as_dict(self) -> dict[str, str]:
        return {cell.name: getattr(self, cell.name) for cell in fields(self)}

    def as_tuple(self) -> tuple[str, str, str, str, str, str, str, str]:
        """The cells in the order of `chainmap.chain.COLUMNS` (as a `ChainRow` takes them after its
        number)."""
        return (
            self.id,
            self.name,
            self.country,
            self.activity,
            self.goods,
            self.supplies_to,
            self.share,
            self.region,
        )


class SiteRefused(ValueError):
    """The site is not saved: `problems` maps a column (or "form" for the whole row) to a web text key
    and its parameters."""

    def __init__(self, problems: dict[str, Problem]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


def cell_problems(cells: SiteCells) -> dict[str, Problem]:
    """The cells longer than their limit; what they say is the validator's business, not this."""
    return {
        column: ("chain_form.error.too_long", {"limit": CELL_LIMITS[column]})
        for column, value in cells.as_dict().items()
        if len(value) > CELL_LIMITS[column]
    }


def draft_row(*, session: Session, contract: Contract, row_id: int) -> ChainDraftRow | None:
    """The draft row with this id if it belongs to `contract`'s draft; None otherwise, as if it did not
    exist (a row id of another contract is not found through this one)."""
    return session.exec(
        select(ChainDraftRow).where(ChainDraftRow.id == row_id, ChainDraftRow.contract_id == contract.id)
    ).first()


def _next_position(session: Session, contract_id: int) -> int:
    """The position after the draft's last site (0 for an empty draft)."""
    last = session.exec(
        select(func.max(ChainDraftRow.position)).where(ChainDraftRow.contract_id == contract_id)
    ).one()
    return 0 if last is None else last + 1


def add_site(
    *, session: Session, contract: Contract, cells: SiteCells, max_sites: int = MAX_WEB_SITES
) -> ChainDraftRow:
    """A new site at the end of the draft. Raises SiteRefused for a cell too long or a draft of
    `max_sites` sites already (the app's CHAINMAP_MAX_SITES, as for uploads).

    Two adds at once (two tabs, a double click) can both take the same next position; the second then
    breaks the unique (contract, position) and takes the position after, up to ADD_ATTEMPTS times, after
    which the supplier is asked to try again."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    problems = cell_problems(cells)
    sites = session.exec(
        select(func.count()).select_from(ChainDraftRow).where(ChainDraftRow.contract_id == contract.id)
    ).one()
    if sites >= max_sites:
        problems["form"] = ("chain_form.error.too_many_sites", {"limit": max_sites})
    if problems:
        raise SiteRefused(problems)
    for _attempt in range(ADD_ATTEMPTS):
        row = ChainDraftRow(contract_id=contract.id, position=_next_position(session, contract.id))
        store_cells(row, list(cells.as_dict().values()))
        session.add(row)
        try:
            session.flush()
        except IntegrityError:  # another request took this position meanwhile
            session.rollback()
            continue
        refresh_status(session=session, contract=contract)
        session.commit()
        session.refresh(row)
        return row
    raise SiteRefused({"form": ("chain_form.error.busy", {})})


def change_site(
    *, session: Session, contract: Contract, row: ChainDraftRow, cells: SiteCells, revision: int | None = None
) -> None:
    """The site's cells become `cells`. `revision` is the one of the site the supplier changed (None: not
    known, no check). Raises SiteRefused for a cell too long or a site changed by someone else since
    (another revision), and LookupError when another request removed the site since it was loaded."""
    if row.contract_id != contract.id:
        raise PermissionError("the row belongs to another contract")
    problems = cell_problems(cells)
    if revision is not None and revision != row.revision:
        problems["form"] = ("chain_form.error.changed_meanwhile", {})
    if problems:
        raise SiteRefused(problems)
    row_id = row.id or 0
    store_cells(row, list(cells.as_dict().values()))
    session.add(row)
    try:
        session.commit()
    except StaleDataError:  # the UPDATE found no row of the revision loaded
        session.rollback()
        if draft_row(session=session, contract=contract, row_id=row_id) is not None:
            raise SiteRefused({"form": ("chain_form.error.changed_meanwhile", {})}) from None
        raise LookupError("the site was removed meanwhile") from None


def remove_site(*, session: Session, contract: Contract, row: ChainDraftRow) -> None:
    """The site leaves the draft and the sites after it move up one position, in one transaction, so that
    positions stay contiguous and row numbers equal those of the download.

    The contract's row is locked first (on PostgreSQL), so that two removals from one draft renumber one
    after the other instead of deadlocking, and the removed site's position is the one the database
    deletes, not the one loaded earlier (another removal may have moved the site up meanwhile). The sites
    after it first go to negative positions and then to their new ones, since the database checks the
    unique (contract, position) per row while an UPDATE runs, in no guaranteed order. A site already
    removed by another request leaves the draft as it is."""
    if row.contract_id != contract.id:
        raise PermissionError("the row belongs to another contract")
    session.exec(select(Contract.id).where(Contract.id == contract.id).with_for_update(key_share=True)).one()
    ours = col(ChainDraftRow.contract_id) == contract.id
    removed = session.execute(
        delete(ChainDraftRow)
        .where(col(ChainDraftRow.id) == row.id, ours)
        .returning(col(ChainDraftRow.position))
    ).scalar_one_or_none()
    session.expunge(row)
    if removed is not None:
        position = col(ChainDraftRow.position)
        session.execute(update(ChainDraftRow).where(ours, position > removed).values(position=-position))
        session.execute(
            update(ChainDraftRow)
            .where(ours, position < 0)
            .values(position=-position - 1, revision=new_revision())
        )
    session.expire_all()
    refresh_status(session=session, contract=contract)
    session.commit()


@dataclass(frozen=True)
class SiteView:
    """One site of the draft as the table shows it: its row number (as in the download; None for a site
    not saved yet), its cells, the findings about each cell by column, and the names of its country,
    activity and goods in the page's language where they resolve. `editing` shows it as inputs, with
    `problems` (texts by column, or "form") of a save that was refused; `revision` is the stored one
    the inputs change."""

    row_id: int | None
    number: int | None
    cells: SiteCells
    findings: Mapping[str, list[Finding]] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    editing: bool = False
    problems: Mapping[str, str] = field(default_factory=dict)
    key: str = ""
    revision: int | None = None

    @property
    def values(self) -> dict[str, str]:
        return self.cells.as_dict()

    def has_errors(self, column: str) -> bool:
        return column in self.problems or any(finding.blocking for finding in self.findings.get(column, ()))


@dataclass(frozen=True, slots=True)
class DraftSite:
    """One stored site of the draft as the validated draft keeps it."""

    row_id: int
    revision: int
    cells: SiteCells


Fingerprint = tuple[int, int, int]


def fingerprint_of(sites: Sequence[DraftSite]) -> Fingerprint:
    """The draft's count of sites, sum of row ids and sum of revisions: what `stored_fingerprint` reads."""
    return (len(sites), sum(site.row_id for site in sites), sum(site.revision for site in sites))


@dataclass
class DraftState:
    """The draft validated as a whole, independent of language: its sites in order, the build, every
    finding placed at its row (`number`) and column, and what the table filters by. `findings_at` and
    `chain_findings` hold every finding exactly once."""

    fingerprint: Fingerprint
    sites: list[DraftSite]
    built: BuiltChain
    findings_at: dict[int, dict[str, list[Finding]]]
    chain_findings: list[Finding]
    groups: list[FindingGroup]
    error_rows: frozenset[int]
    warning_rows: frozenset[int]
    countries: list[str | None]
    positions: dict[int, int]
    _by_lang: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(finding.blocking for finding in self.built.findings)

    @cached_property
    def tiers(self) -> dict[int, int]:
        """Each site's tier by row number (see `_tiers`), computed when the table first needs it."""
        return _tiers(self.built)

    @property
    def warnings(self) -> int:
        return len(self.built.findings) - self.errors

    def number_of(self, row_id: int) -> int | None:
        """The row number of the site with this id, None when it is not in the draft."""
        index = self.positions.get(row_id)
        return None if index is None else FIRST_ROW + index

    def country_names(self, lang: Lang, reference: ReferenceData) -> list[str]:
        """Each site's country named in `lang` ("" where it names no known country)."""
        key = ("country", lang)
        if key not in self._by_lang:
            names = {
                iso2: country_name(iso2, lang, reference=reference) for iso2 in set(self.countries) if iso2
            }
            self._by_lang[key] = [names[iso2] if iso2 else "" for iso2 in self.countries]
        return self._by_lang[key]

    def search_texts(self, lang: Lang, reference: ReferenceData) -> list[str]:
        """Each site's id, name, country as typed and country name in `lang`, folded for searching."""
        key = ("search", lang)
        if key not in self._by_lang:
            names = self.country_names(lang, reference)
            self._by_lang[key] = [
                "\n".join((site.cells.id, site.cells.name, site.cells.country, name)).casefold()
                for site, name in zip(self.sites, names, strict=True)
            ]
        return self._by_lang[key]


def _tiers(built: BuiltChain) -> dict[int, int]:
    """Each site's tier by row number: how many links it is from the contractor (tier 0), breadth
    first over suppliers; sites that do not reach the contractor, or a chain without one, have none."""
    graph = built.graph
    contractor = graph.graph.get("contractor")
    if contractor is None or contractor not in graph:
        return {}
    tier_of = {contractor: 0}
    frontier = [contractor]
    while frontier:
        upstream = []
        for customer in frontier:
            for supplier in graph.predecessors(customer):
                if supplier not in tier_of:
                    tier_of[supplier] = tier_of[customer] + 1
                    upstream.append(supplier)
        frontier = upstream
    rows: Mapping[str, Mapping[str, Any]] = graph.nodes
    return {int(rows[node]["row"]): tier for node, tier in tier_of.items() if "row" in rows[node]}


def _countries(sites: Sequence[DraftSite], reference: ReferenceData) -> list[str | None]:
    """Each site's country as an ISO code, None where it names no known country (resolved once per
    distinct text: a draft names a few dozen countries in thousands of rows)."""
    known: dict[str, str | None] = {"": None}
    countries = []
    for site in sites:
        text = site.cells.country
        if text not in known:
            known[text] = reference.resolve_country(text)
        countries.append(known[text])
    return countries


def validated(sites: list[DraftSite], *, reference: ReferenceData) -> DraftState:
    """The draft of `sites` (in order) validated with the command line's rules, findings placed."""
    rows = [ChainRow(number, *site.cells.as_tuple()) for number, site in enumerate(sites, start=FIRST_ROW)]
    built = build_chain(rows, reference=reference)
    findings_at: dict[int, dict[str, list[Finding]]] = {}
    chain_findings: list[Finding] = []
    errors: set[int] = set()
    warnings: set[int] = set()
    last = FIRST_ROW + len(sites) - 1
    for finding in built.findings:
        if finding.row is None or not FIRST_ROW <= finding.row <= last or finding.column not in COLUMNS:
            chain_findings.append(finding)
            continue
        findings_at.setdefault(finding.row, {}).setdefault(str(finding.column), []).append(finding)
        (errors if finding.blocking else warnings).add(finding.row)
    groups = [item for item in group_findings(built.findings) if isinstance(item, FindingGroup)]
    in_groups = {id(finding) for group in groups for finding in group.findings}
    return DraftState(
        fingerprint=fingerprint_of(sites),
        sites=sites,
        built=built,
        findings_at=findings_at,
        chain_findings=[finding for finding in chain_findings if id(finding) not in in_groups],
        groups=groups,
        error_rows=frozenset(errors),
        warning_rows=frozenset(warnings),
        countries=_countries(sites, reference),
        positions={site.row_id: index for index, site in enumerate(sites)},
    )


# A draft in the cache: its database (a process may use several, as the tests do) and contract id.
DraftKey = tuple[str, int]


class _DraftCache:
    """The validated drafts used last, by database and contract, each with the previews made of it by
    language; shared by the threads of one process."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._states: OrderedDict[DraftKey, DraftState] = OrderedDict()
        self._previews: dict[tuple[DraftKey, Fingerprint, str], DraftPreview | None] = {}
        self._lock = threading.Lock()

    def get(self, key: DraftKey) -> DraftState | None:
        with self._lock:
            state = self._states.get(key)
            if state is not None:
                self._states.move_to_end(key)
            return state

    def put(self, key: DraftKey, state: DraftState) -> None:
        with self._lock:
            self._states[key] = state
            self._states.move_to_end(key)
            while len(self._states) > self._size:
                self._states.popitem(last=False)
            current = {(held, kept.fingerprint) for held, kept in self._states.items()}
            self._previews = {entry: value for entry, value in self._previews.items() if entry[:2] in current}

    def preview(
        self, key: DraftKey, state: DraftState, lang: Lang, make: Callable[[], "DraftPreview | None"]
    ) -> "DraftPreview | None":
        entry = (key, state.fingerprint, lang)
        with self._lock:
            if entry in self._previews:
                return self._previews[entry]
        preview = make()
        with self._lock:
            if self._states.get(key) is state:
                self._previews[entry] = preview
        return preview

    def clear(self) -> None:
        with self._lock:
            self._states.clear()
            self._previews.clear()


DRAFTS: Final = _DraftCache(CACHED_DRAFTS)


def _draft_key(session: Session, contract: Contract) -> DraftKey:
    assert contract.id is not None  # noqa: S101 - a stored contract
    return (session.get_bind().engine.url.render_as_string(hide_password=True), contract.id)


def stored_fingerprint(*, session: Session, contract_id: int) -> Fingerprint:
    """The stored draft's count of sites, sum of row ids and sum of revisions, in one query."""
    count, ids, revisions = session.exec(
        select(
            func.count(),
            func.coalesce(func.sum(ChainDraftRow.id), 0),
            func.coalesce(func.sum(ChainDraftRow.revision), 0),
        ).where(ChainDraftRow.contract_id == contract_id)
    ).one()
    return int(count or 0), int(ids or 0), int(revisions or 0)


def _stored_sites(session: Session, contract_id: int) -> list[DraftSite]:
    """The stored draft's sites in order, read as plain columns (no ORM objects: 10,000 of them cost)."""
    table = ChainDraftRow.__table__  # type: ignore[attr-defined]
    query = (
        select_columns(
            table.c.id,
            table.c.revision,
            table.c.site_id,
            table.c.name,
            table.c.country,
            table.c.activity,
            table.c.goods,
            table.c.supplies_to,
            table.c.share,
            table.c.region,
        )
        .where(table.c.contract_id == contract_id)
        .order_by(table.c.position)
    )
    return [
        DraftSite(row_id=row_id, revision=revision, cells=SiteCells(*cells))
        for row_id, revision, *cells in session.execute(query).all()
    ]


def draft_state(
    *,
    session: Session,
    contract: Contract,
    reference: ReferenceData,
    edited: tuple[DraftSite, ...] = (),
) -> DraftState:
    """The contract's draft validated: the cached one while it is the stored one, else validated again.

    `edited` are sites just saved by this request (changed or added at the end): they are applied to the
    cached draft, which is validated again without reading the stored one when the result is what is
    stored (no one else changed the draft meanwhile)."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    key = _draft_key(session, contract)
    stored = stored_fingerprint(session=session, contract_id=contract.id)
    cached = DRAFTS.get(key)
    if cached is not None and cached.fingerprint == stored:
        return cached
    sites: list[DraftSite] | None = None
    if cached is not None and edited:
        sites = _patched(cached.sites, edited)
        if fingerprint_of(sites) != stored:
            sites = None
    state = validated(
        sites if sites is not None else _stored_sites(session, contract.id), reference=reference
    )
    DRAFTS.put(key, state)
    return state


def _patched(sites: Sequence[DraftSite], edited: Iterable[DraftSite]) -> list[DraftSite]:
    """`sites` with each of `edited` in place of the site of its row id, or appended when it is new."""
    patched = list(sites)
    at = {site.row_id: index for index, site in enumerate(patched)}
    for site in edited:
        if site.row_id in at:
            patched[at[site.row_id]] = site
        else:
            patched.append(site)
    return patched


def draft_site(row: ChainDraftRow) -> DraftSite:
    """A stored draft row as the validated draft keeps it."""
    assert row.id is not None  # noqa: S101 - a stored row
    return DraftSite(row_id=row.id, revision=row.revision, cells=SiteCells.of_row(row))


def site_labels(cells: SiteCells, *, reference: ReferenceData, lang: Lang) -> dict[str, str]:
    """The country, activity and goods of a site named in `lang`, where they resolve and read
    otherwise than typed ("TM" is Turkmenistan, "Cotton" is "katoen" on a Dutch page)."""
    labels: dict[str, str] = {}
    iso2 = reference.resolve_country(cells.country) if cells.country else None
    if iso2 is not None:
        labels["country"] = country_name(iso2, lang, reference=reference)
    activity = normalise_activity(cells.activity) if cells.activity else None
    if activity is not None:
        labels["activity"] = activity_label(activity, lang)
    goods = [reference.resolve_good(item) for item in split_list(cells.goods)]
    if goods and all(good is not None for good in goods):
        labels["goods"] = "; ".join(good.label(lang) for good in goods if good is not None)
    return {column: label for column, label in labels.items() if label != getattr(cells, column)}


def site_view(
    state: DraftState, row_id: int, *, reference: ReferenceData, lang: Lang, editing: bool = False
) -> SiteView | None:
    """The site with this row id as the table shows it, None when it is not in the draft."""
    number = state.number_of(row_id)
    if number is None:
        return None
    site = state.sites[number - FIRST_ROW]
    return SiteView(
        row_id=site.row_id,
        number=number,
        cells=site.cells,
        findings=state.findings_at.get(number, {}),
        labels=site_labels(site.cells, reference=reference, lang=lang),
        editing=editing,
        key=str(site.row_id),
        revision=site.revision,
    )


@dataclass(frozen=True)
class TableRequest:
    """What the table's URL asks for: page, sort and search (`web.paging`) and the filters by findings
    ("errors", "warnings"), country (an ISO code of the draft, or NO_COUNTRY) and tier. A filter value
    the draft does not have is dropped, as paging drops an unknown sort: a stale link still opens."""

    paging: PageRequest
    findings: str = ""
    country: str = ""
    tier: int | None = None

    @property
    def filters(self) -> dict[str, str]:
        values = {
            "findings": self.findings,
            "country": self.country,
            "tier": "" if self.tier is None else str(self.tier),
        }
        return {key: value for key, value in values.items() if value}

    @property
    def narrowed(self) -> bool:
        """True when a search or filter leaves sites out."""
        return bool(self.paging.query or self.filters)

    def query_string(self, **changes: str | int | bool) -> str:
        """The URL query of this table with `changes` applied (for the pager and the sort links)."""
        return self.paging.query_string(**{**self.filters, **changes})


def table_request(params: Mapping[str, str], *, state: DraftState) -> TableRequest:
    """The table request of a URL's query parameters, with filter values the draft has."""
    paging = page_request(params, sorts=SORTS, default_sort="row")
    findings = params.get("findings", "")
    country = params.get("country", "")
    tier_text = params.get("tier", "")
    tier = int(tier_text) if tier_text.isascii() and tier_text.isdigit() and len(tier_text) < 6 else None
    return TableRequest(
        paging=paging,
        findings=findings if findings in FINDING_FILTERS else "",
        country=country if country == NO_COUNTRY or country in set(state.countries) - {None} else "",
        tier=tier if tier is not None and tier in state.tiers.values() else None,
    )


@dataclass(frozen=True)
class DraftTable:
    """One page of the draft's table with what the page shows above it: the draft's counts, the kinds
    of finding that occur often, the findings about the chain as a whole and the filters' choices."""

    request: TableRequest
    page: Page[SiteView]
    sites: int
    errors: int
    warnings: int
    error_rows: int
    warning_rows: int
    finding_groups: list[FindingGroup]
    chain_findings: list[Finding]
    countries: list[tuple[str, str]]
    state: DraftState

    @property
    def tiers(self) -> list[int]:
        """The tiers the draft's sites are in, for the filter."""
        return sorted(set(self.state.tiers.values()))

    def row_key(self, number: int) -> str:
        """The key of the row of the site numbered `number` (its id), for links to it."""
        return str(self.state.sites[number - FIRST_ROW].row_id)

    def row_page(self, number: int | None) -> int:
        """The page of row `number` in the order of the download (where a finding's link goes)."""
        return 1 if number is None else (number - FIRST_ROW) // self.page.per_page + 1


def _selected(state: DraftState, request: TableRequest, *, reference: ReferenceData, lang: Lang) -> list[int]:
    """The indexes of the sites the request shows, in its order."""
    indexes: Iterable[int] = range(len(state.sites))
    if request.findings:
        rows = state.error_rows if request.findings == "errors" else state.warning_rows
        indexes = [index for index in indexes if FIRST_ROW + index in rows]
    if request.country:
        wanted = None if request.country == NO_COUNTRY else request.country
        indexes = [index for index in indexes if state.countries[index] == wanted]
    if request.tier is not None:
        indexes = [index for index in indexes if state.tiers.get(FIRST_ROW + index) == request.tier]
    query = request.paging.query.casefold()
    if query:
        texts = state.search_texts(lang, reference)
        indexes = [index for index in indexes if query in texts[index]]
    selected = list(indexes)
    sort = request.paging.sort
    sites = state.sites
    if sort == "id":
        selected.sort(key=lambda index: natural_key(sites[index].cells.id))
    elif sort == "name":
        selected.sort(key=lambda index: sites[index].cells.name.casefold())
    elif sort == "country":
        names = state.country_names(lang, reference)
        selected.sort(key=lambda index: (names[index] or sites[index].cells.country).casefold())
    if request.paging.descending:
        selected.reverse()
    return selected


def draft_table(
    state: DraftState, request: TableRequest, *, reference: ReferenceData, lang: Lang
) -> DraftTable:
    """The page of the draft's table that `request` asks for, its sites with their findings."""
    selected = page_of(_selected(state, request, reference=reference, lang=lang), request.paging.page)
    sites = [
        site_view(state, state.sites[index].row_id, reference=reference, lang=lang) for index in selected.rows
    ]
    page = Page(
        rows=[site for site in sites if site is not None],
        number=selected.number,
        per_page=selected.per_page,
        total=selected.total,
    )
    names = dict(zip(state.countries, state.country_names(lang, reference), strict=True))
    countries = sorted(((iso2, name) for iso2, name in names.items() if iso2), key=lambda item: item[1])
    return DraftTable(
        request=request,
        page=page,
        sites=len(state.sites),
        errors=state.errors,
        warnings=state.warnings,
        error_rows=len(state.error_rows),
        warning_rows=len(state.warning_rows),
        finding_groups=state.groups,
        chain_findings=state.chain_findings,
        countries=countries,
        state=state,
    )


def changed_sites(
    before: DraftState, after: DraftState, row_ids: Iterable[int], *, reference: ReferenceData, lang: Lang
) -> list[SiteView]:
    """Of the sites with `row_ids` (those on the supplier's page), the ones whose number, cells or
    findings differ after a change, as the table shows them now."""
    changed = []
    for row_id in row_ids:
        old, new = before.number_of(row_id), after.number_of(row_id)
        if new is None:
            continue
        same = (
            old == new
            and before.sites[old - FIRST_ROW] == after.sites[new - FIRST_ROW]
            and before.findings_at.get(old, {}) == after.findings_at.get(new, {})
        )
        if not same:
            view = site_view(after, row_id, reference=reference, lang=lang)
            if view is not None:
                changed.append(view)
    return changed


@dataclass(frozen=True)
class HotspotLine:
    """One hotspot of the preview, named in the page's language."""

    rank: int
    theme: str
    level: int
    site: str
    country: str
    exposure: float
    reasons: list[str]


@dataclass(frozen=True)
class DraftPreview:
    """The draft's top hotspots and the summary of its structure, named in the page's language."""

    hotspots: list[HotspotLine]
    total_hotspots: int
    tier_counts: dict[int, int]
    traced_share: float
    unknown_sites: list[str]
    critical_sites: list[str]
    exposure_by_country: list[tuple[str, float]]


def draft_preview(
    *, built: BuiltChain, reference: ReferenceData, lang: Lang, top: int = PREVIEW_HOTSPOTS
) -> DraftPreview | None:
    """The risk analysis of the draft as its preview shows it, or None while the draft has errors (an
    invalid chain cannot be analysed) or no sites."""
    if not built.ok or built.graph.number_of_nodes() == 0:
        return None
    analysis = analyse_built(built, reference=reference)
    nodes: Mapping[str, Mapping[str, Any]] = built.graph.nodes

    def site(node: str) -> str:
        return str(nodes[node].get("name") or node)

    def country(code: str | None) -> str:
        if code is None or code == UNKNOWN_COUNTRY_KEY or code not in reference.countries:
            return ""
        return country_name(code, lang, reference=reference)

    hotspots = [
        HotspotLine(
            rank=rank,
            theme=hotspot.theme,
            level=int(hotspot.level),
            site=site(hotspot.node),
            country=country(nodes[hotspot.node].get("country")),
            exposure=hotspot.exposure,
            reasons=[reason.text(lang) for reason in hotspot.reasons],
        )
        for rank, hotspot in enumerate(analysis.hotspots[:top], start=1)
    ]
    shape = analysis.structure
    unknown = list(dict.fromkeys((*shape.unknown_nodes, *shape.unknown_countries)))
    return DraftPreview(
        hotspots=hotspots,
        total_hotspots=len(analysis.hotspots),
        tier_counts=shape.tier_counts(),
        traced_share=shape.traced_share,
        unknown_sites=[site(node) for node in unknown],
        critical_sites=[site(node) for node in shape.critical_nodes],
        exposure_by_country=[(country(code), share) for code, share in shape.exposure_by_country.items()],
    )


def cached_preview(
    *, session: Session, contract: Contract, state: DraftState, reference: ReferenceData, lang: Lang
) -> DraftPreview | None:
    """`draft_preview` of the validated draft, made once per draft fingerprint and language."""
    return DRAFTS.preview(
        _draft_key(session, contract),
        state,
        lang,
        lambda: draft_preview(built=state.built, reference=reference, lang=lang),
    )
