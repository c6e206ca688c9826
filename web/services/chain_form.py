"""The supplier's chain form: adding, changing and removing single sites of a contract's draft, the
draft's findings placed at their row and column, and a preview of the draft's risks.

The draft is validated as a whole with the command line's `chainmap.validation.build_chain` (through
`web.services.chains.built_draft`) every time it is shown, so each message is the command line's own and
a change to one row updates the messages of every other row it affects. Row numbers are those of the
draft's download (first site: row 2), which stays true because positions are kept contiguous.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Final

from sqlalchemy import delete, func, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from chainmap.activities import activity_label, normalise_activity
from chainmap.analysis import analyse
from chainmap.analysis.structure import UNKNOWN_COUNTRY_KEY
from chainmap.chain import COLUMNS, split_list
from chainmap.findings import Finding, FindingGroup, Severity, group_findings
from chainmap.reference import ReferenceData
from chainmap.themes import Lang
from chainmap.validation import BuiltChain
from models import ChainDraftRow, Contract
from web.names import country_name
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


def add_site(*, session: Session, contract: Contract, cells: SiteCells) -> ChainDraftRow:
    """A new site at the end of the draft. Raises SiteRefused for a cell too long or a full draft.

    Two adds at once (two tabs, a double click) can both take the same next position; the second then
    breaks the unique (contract, position) and takes the position after, up to ADD_ATTEMPTS times, after
    which the supplier is asked to try again."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    problems = cell_problems(cells)
    sites = session.exec(
        select(func.count()).select_from(ChainDraftRow).where(ChainDraftRow.contract_id == contract.id)
    ).one()
    if sites >= MAX_WEB_SITES:
        problems["form"] = ("chain_form.error.too_many_sites", {"limit": MAX_WEB_SITES})
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


def change_site(*, session: Session, contract: Contract, row: ChainDraftRow, cells: SiteCells) -> None:
    """The site's cells become `cells`. Raises SiteRefused for a cell too long, and LookupError when
    another request removed the site since it was loaded."""
    if row.contract_id != contract.id:
        raise PermissionError("the row belongs to another contract")
    problems = cell_problems(cells)
    if problems:
        raise SiteRefused(problems)
    store_cells(row, list(cells.as_dict().values()))
    session.add(row)
    try:
        session.commit()
    except StaleDataError:  # the UPDATE found no row
        session.rollback()
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
        session.execute(update(ChainDraftRow).where(ours, position < 0).values(position=-position - 1))
    session.expire_all()
    refresh_status(session=session, contract=contract)
    session.commit()


@dataclass(frozen=True)
class SiteView:
    """One site of the draft as the table shows it: its row number (as in the download; None for a site
    not saved yet), its cells, the findings about each cell by column, and the names of its country,
    activity and goods in the page's language where they resolve. `editing` shows it as inputs, with
    `problems` (texts by column, or "form") of a save that was refused."""

    row_id: int | None
    number: int | None
    cells: SiteCells
    findings: Mapping[str, list[Finding]] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    editing: bool = False
    problems: Mapping[str, str] = field(default_factory=dict)
    key: str = ""

    @property
    def values(self) -> dict[str, str]:
        return self.cells.as_dict()

    def has_errors(self, column: str) -> bool:
        return column in self.problems or any(finding.blocking for finding in self.findings.get(column, ()))


@dataclass(frozen=True)
class DraftView:
    """The draft's table: its sites with their findings, the findings about the chain as a whole (no
    row or column to show them at), and how many errors and warnings there are in all.

    `finding_groups` are the kinds of finding that occur often (`chainmap.findings.group_findings`),
    each read as one line above the table with every finding of it on demand; a finding about the chain
    as a whole that is in a group is not listed again in `chain_findings`. `row_keys` maps a row number
    to its site's key, so that a finding in a group links to its row."""

    sites: list[SiteView]
    chain_findings: list[Finding]
    errors: int
    warnings: int
    finding_groups: list[FindingGroup] = field(default_factory=list)
    row_keys: Mapping[int, str] = field(default_factory=dict)

    def site(self, row_id: int) -> SiteView | None:
        return next((site for site in self.sites if site.row_id == row_id), None)


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


def draft_view(
    *, rows: list[ChainDraftRow], built: BuiltChain, reference: ReferenceData, lang: Lang
) -> DraftView:
    """The draft's sites with every finding of `built` (the draft's build) placed at its row and column.

    A finding's row is the site's number (position + 2, as `as_chain_rows` numbers them); one without a
    row or column of the chain format goes to the chain's findings."""
    by_number: dict[int, dict[str, list[Finding]]] = {
        number: {} for number in range(FIRST_ROW, FIRST_ROW + len(rows))
    }
    chain_findings: list[Finding] = []
    for finding in built.findings:
        at_row = by_number.get(finding.row) if finding.row is not None else None
        if at_row is None or finding.column not in COLUMNS:
            chain_findings.append(finding)
        else:
            at_row.setdefault(str(finding.column), []).append(finding)
    sites = []
    for number, row in enumerate(rows, start=FIRST_ROW):
        cells = SiteCells.of_row(row)
        sites.append(
            SiteView(
                row_id=row.id,
                number=number,
                cells=cells,
                findings=by_number[number],
                labels=site_labels(cells, reference=reference, lang=lang),
                key=str(row.id),
            )
        )
    errors = sum(finding.severity is Severity.ERROR for finding in built.findings)
    groups = [item for item in group_findings(built.findings) if isinstance(item, FindingGroup)]
    in_groups = {id(finding) for group in groups for finding in group.findings}
    return DraftView(
        sites=sites,
        chain_findings=[finding for finding in chain_findings if id(finding) not in in_groups],
        errors=errors,
        warnings=len(built.findings) - errors,
        finding_groups=groups,
        row_keys={site.number: site.key for site in sites if site.number is not None},
    )


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
    analysis = analyse(built.graph, reference=reference, findings=built.findings, order=built.upstream_order)
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
