"""The one-row-per-node chain table shared by CSV and XLSX: reading its header and rows, writing a graph.

Header names are matched after trimming, folding case and treating spaces and hyphens as underscores
("Supplies to" is `supplies_to`). A few Dutch names are accepted for suppliers who translated the header: naam
(name), land (country), activiteit (activity), goederen (goods), levert_aan (supplies_to), aandeel (share) and
regio (region); a percent sign as unit is ignored ("share (%)"). Columns outside the format are ignored with a
warning; a column without a header name is ignored silently (Excel often leaves empty columns at the right).
Rows whose cells are all empty are skipped, but still counted, so that row numbers stay those the spreadsheet
shows.
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter
from typing import Any, Final

import networkx as nx

from chainmap.chain import COLUMNS, LIST_SEPARATOR, REQUIRED_COLUMNS, UNKNOWN_COUNTRY, ChainRow
from chainmap.findings import Finding, Severity
from chainmap.validation import quoted

HEADER_SYNONYMS: Final[dict[str, str]] = {
    "naam": "name",
    "land": "country",
    "activiteit": "activity",
    "goederen": "goods",
    "levert_aan": "supplies_to",
    "aandeel": "share",
    "regio": "region",
}


@dataclass(frozen=True)
class ChainFile:
    """The rows of a chain file as written, with the findings about the file itself.

    A file-level error (unreadable, empty, a missing column, too large) leaves `rows` empty.
    """

    rows: list[ChainRow]
    findings: list[Finding]


def file_error(code: str, **params: Any) -> ChainFile:
    """A chain file refused as a whole, with one error."""
    return ChainFile([], [Finding(Severity.ERROR, code, params)])


_UNIT: Final = re.compile(r"\(\s*%\s*\)|%")


def header_column(cell: str) -> str:
    """The chain format column a header cell names, or its normalised text when it names none.

    Case, spaces, "-" and "_" do not matter, nor a percent sign as unit: "Share (%)" and "aandeel %"
    name the share column.
    """
    text = _UNIT.sub(" ", cell).strip().casefold().replace("-", " ").replace("_", " ")
    key = "_".join(text.split())
    return HEADER_SYNONYMS.get(key, key)


def read_table(
    records: Iterable[Sequence[str]], *, max_rows: int, beyond_header: Severity = Severity.ERROR
) -> ChainFile:
    """Chain rows from a table's records (lists of cell texts), the first non-empty record the header.

    Stops reading after `max_rows` non-empty data rows and refuses the file when there are more. A value
    in a row beyond the header's last column gets a finding of severity `beyond_header`: in CSV it almost
    always means a list or a decimal comma split by the delimiter, which shifts the row's cells, so it is
    an error there; in a spreadsheet it is a note in an unnamed column.
    """
    findings: list[Finding] = []
    numbered = enumerate(records, start=1)
    header: Sequence[str] = ()
    for _, record in numbered:
        if any(cell.strip() for cell in record):
            header = record
            break
    if not header:
        return file_error("chain.file_empty")
    positions: dict[str, int] = {}
    for position, cell in enumerate(header):
        column = header_column(cell)
        if not column:
            continue
        if column in positions:
            findings.append(Finding(Severity.ERROR, "chain.column_repeated", {"column": cell.strip()}))
        elif column in COLUMNS:
            positions[column] = position
        else:
            findings.append(Finding(Severity.WARNING, "chain.column_ignored", {"column": cell.strip()}))
    for column in REQUIRED_COLUMNS:
        if column not in positions:
            findings.append(Finding(Severity.ERROR, "chain.column_missing", {"column": column}))
    if any(finding.blocking for finding in findings):
        return ChainFile([], findings)
    header_width = len(header)
    # The cells of a row in ChainRow's order, taken by position in one step; a column the file lacks
    # reads the empty cell put after the header's last column.
    cells_of = itemgetter(*(positions.get(column, header_width) for column in COLUMNS))
    make_row = ChainRow._make
    rows: list[ChainRow] = []
    for number, record in numbered:
        if not record:  # a row without cells (a spreadsheet's gap between rows): quick, there may be many
            continue
        width = len(record)
        if width > header_width:
            extra = next((cell.strip() for cell in record[header_width:] if cell.strip()), "")
            if extra:
                params = {"row": number, "value": quoted(extra), "columns": header_width}
                findings.append(Finding(beyond_header, "chain.cell_beyond_header", params, row=number))
            record = record[:header_width]
        elif width < header_width:
            record = [*record, *[""] * (header_width - width)]
        cells = [cell.strip() for cell in cells_of([*record, ""])]
        if not any(cells):
            continue
        if len(rows) == max_rows:
            return file_error("chain.file_too_many_rows", limit=max_rows)
        rows.append(make_row((number, *cells)))
    return ChainFile(rows, findings)


def row_cells(row: ChainRow) -> list[str]:
    """The cells of a row as written, in the order of `chainmap.chain.COLUMNS`."""
    return [getattr(row, column) for column in COLUMNS]


def format_share(share: float, *, decimal: str = ".") -> str:
    """A share as a file shows it: no needless decimals, no exponent, and exact ("12.5", "40", "0.001")."""
    text = format(Decimal(repr(float(share))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", decimal)


@dataclass(frozen=True, slots=True)
class NodeRecord:
    """One node of a chain graph as the file formats write it."""

    id: str
    name: str
    country: str
    activity: str
    goods: tuple[str, ...]
    customers: tuple[str, ...]
    shares: tuple[float | None, ...]
    region: str = ""

    def cells(self, *, decimal: str = ".") -> list[str]:
        """The node's cells in the order of `chainmap.chain.COLUMNS`."""
        shares = ""
        if any(share is not None for share in self.shares):
            shares = LIST_SEPARATOR.join(
                "" if share is None else format_share(share, decimal=decimal) for share in self.shares
            )
        return [
            self.id,
            self.name,
            self.country,
            self.activity,
            LIST_SEPARATOR.join(self.goods),
            LIST_SEPARATOR.join(self.customers),
            shares,
            self.region,
        ]


def node_records(graph: "nx.DiGraph[str]") -> Iterator[NodeRecord]:
    """The graph's nodes in their order, with countries as alpha-2 or "unknown"."""
    for node, attributes in graph.nodes(data=True):
        country = attributes.get("country")
        out_edges = [(customer, data.get("share")) for _, customer, data in graph.out_edges(node, data=True)]
        yield NodeRecord(
            id=str(node),
            name=str(attributes.get("name", "")),
            country=UNKNOWN_COUNTRY if country is None else str(country),
            activity=str(attributes.get("activity", "")),
            goods=tuple(str(good) for good in attributes.get("goods", ())),
            customers=tuple(str(customer) for customer, _ in out_edges),
            shares=tuple(None if share is None else float(share) for customer, share in out_edges),
            region=str(attributes.get("region") or ""),
        )
