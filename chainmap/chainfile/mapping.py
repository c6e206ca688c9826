"""Importing the lists suppliers already have: a table whose columns are not the chain format's (a brand's
factory list, an Open Supply Hub export) becomes chain rows through a `ColumnMapping`.

A mapping names, for each chain column (`chainmap.chain.COLUMNS`), the file's column or columns it is
taken from, with options for what the file does not say: a default per column for rows whose cell is
empty (the customer of rows without one, an activity, a share), and a contractor site to add when the
file is a flat list of the contractor's suppliers. `suggest_mapping` proposes one from the header names,
in English and Dutch and as common exports spell them (Open Supply Hub's `os_id`, `name`,
`country_code`, `product_type`... and its download's "Factory Name", "Country/Region", "Product Type").

`read_source_table` reads a CSV or XLSX file's header and rows as text, with the chain readers' limits
and file-level findings; `apply_mapping` turns them into chain rows and every problem into a `Finding`
with the file's own row and column, as the chain readers do, so that the same all-or-nothing check
(`chainmap.validation.build_chain`) follows. Nothing here raises on what a file holds.

Several source columns for one chain column are combined: the list columns (goods, supplies_to, share)
as one `;`-separated list (goods split on `;` and `|`, Open Supply Hub's separator, without repeats),
the others joined with a space. Without an `id` column every row gets the id `R` + its row number. The
contractor the mapping adds has row number 0: it is in no row of the file.

A mapping may also name the file's status column (`ColumnMapping.status`: Open Supply Hub's `is_closed`,
a brand list's "Status"): rows whose facility is closed (`closed_status`) are left out, since a factory
that closed years ago is no supplier and its country's risks are not the chain's. How many and which
rows were left out is a warning; a status the mapping does not understand keeps its row, with a warning;
a file whose rows are all closed is an error that says so, as is an open row naming a closed one as its
customer (see `_closed_customers`).

A mapping is kept as a small JSON file (`mapping_to_json`, `parse_mapping`): version MAPPING_VERSION,
the columns, the defaults, the contractor and the status column; `chainmap convert --map FILE.json`
applies it. Version 2 added the optional "status"; version 1 files (without it) are still read.
"""

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any, Final

from chainmap.chain import COLUMNS, LIST_SEPARATOR, ChainRow, split_list
from chainmap.chainfile.csv_format import read_csv_records
from chainmap.chainfile.limits import DEFAULT_LIMITS, XlsxLimits
from chainmap.chainfile.table import ChainFile, header_column
from chainmap.chainfile.xlsx_format import read_xlsx_records
from chainmap.findings import Finding, Severity
from chainmap.validation import quoted, site_id

MAPPING_KIND: Final = "chainmap column mapping"
MAPPING_VERSION: Final = 2
# The versions `mapping_from_dict` reads: 1 is 2 without "status", so its files mean what they meant.
READABLE_VERSIONS: Final = (1, 2)
MAPPING_KEYS: Final = frozenset({"kind", "version", "columns", "defaults", "contractor", "status"})
# A mapping file is a few hundred bytes; anything this large is not one.
MAX_MAPPING_BYTES: Final = 1024 * 1024
LIST_COLUMNS: Final = frozenset({"goods", "supplies_to", "share"})
# Chain columns a mapping must fill, from a column of the file or a default; the id is made from the row
# number when no column gives it, and the contractor leaves its supplies_to empty.
FILLED_COLUMNS: Final = ("name", "country", "activity", "supplies_to")
GENERATED_ID_PREFIX: Final = "R"
# A list with more columns than this is no list of sites (and each would be a choice on the mapping form).
MAX_SOURCE_COLUMNS: Final = 256
CONTRACTOR_ROW: Final = 0
CONTRACTOR_FIELDS: Final = ("id", "name", "country", "activity")
_GOODS_SEPARATORS: Final = re.compile(r"[;|]")
_HEADER_NOISE: Final = re.compile(r"[\s_\-/.()%#:*]+")

# Header names each chain column is suggested from, normalised by `header_key`, most telling first: a
# file with both "Supplier ID" and "OS ID" takes its own ids, one with "country_code" and "country_name"
# the code. English and Dutch names, and the columns of Open Supply Hub's downloads and API exports.
SUGGESTIONS: Final[dict[str, tuple[str, ...]]] = {
    "id": (
        "id",
        "site id",
        "supplier id",
        "factory id",
        "facility id",
        "vendor id",
        "supplier code",
        "vendor code",
        "factory code",
        "supplier number",
        "leveranciersnummer",
        "leverancier id",
        "locatie id",
        "fabriek id",
        "code",
        "nummer",
        "reference",
        "os id",
        "osid",
    ),
    "name": (
        "name",
        "naam",
        "factory name",
        "facility name",
        "site name",
        "supplier name",
        "vendor name",
        "company name",
        "production site",
        "facility",
        "factory",
        "site",
        "supplier",
        "vendor",
        "company",
        "bedrijfsnaam",
        "fabrieksnaam",
        "leveranciersnaam",
        "locatienaam",
        "productielocatie",
        "bedrijf",
        "fabriek",
        "leverancier",
        "locatie",
    ),
    "country": (
        "country",
        "land",
        "country code",
        "iso country code",
        "country iso",
        "country region",
        "country name",
        "country of production",
        "production country",
        "landcode",
        "vestigingsland",
        "productieland",
        "land van vestiging",
    ),
    "activity": (
        "activity",
        "activiteit",
        "activities",
        "processing type",
        "facility type",
        "processing type facility type raw",
        "facility processing type",
        "type of facility",
        "production process",
        "process",
        "processes",
        "productieproces",
        "bewerking",
        "proces",
    ),
    "goods": (
        "goods",
        "goederen",
        "product type",
        "product types",
        "products",
        "product",
        "product category",
        "product categories",
        "main products",
        "producten",
        "productgroep",
        "productcategorie",
        "sector",
    ),
    "supplies_to": (
        "supplies to",
        "levert aan",
        "customer",
        "customers",
        "customer id",
        "delivers to",
        "afnemer",
        "klant",
    ),
    "share": ("share", "aandeel", "share of input", "share of volume", "volume share", "percentage"),
    "region": ("region", "regio", "state", "province", "state province", "provincie", "state or province"),
}


# Header names the status column is suggested from (normalised by `header_key`): Open Supply Hub's
# `is_closed`, and a brand's list's status column in English and Dutch.
STATUS_SUGGESTIONS: Final = (
    "is closed",
    "closed",
    "status",
    "facility status",
    "factory status",
    "site status",
    "supplier status",
    "gesloten",
    "locatiestatus",
    "leveranciersstatus",
)
# Status values (case folded, trimmed) that mean the facility is closed, and those that mean it is open:
# Open Supply Hub's `is_closed` booleans as CSV and Excel (also in Dutch) write them, and the words of a
# status column. An empty status is open: Open Supply Hub leaves `is_closed` empty for most facilities.
CLOSED_STATUSES: Final = frozenset(
    {"true", "yes", "1", "closed", "inactive", "waar", "ja", "gesloten", "inactief"}
)
OPEN_STATUSES: Final = frozenset({"", "false", "no", "0", "active", "open", "onwaar", "nee", "actief"})
# The rows a "left out" warning lists; more are counted.
LEFT_OUT_ROWS_LISTED: Final = 30


def closed_status(value: str) -> bool | None:
    """Whether a status cell says the facility is closed (True), open (False), or neither (None: a value
    the mapping does not understand, whose row is kept)."""
    key = value.strip().casefold()
    if key in CLOSED_STATUSES:
        return True
    if key in OPEN_STATUSES:
        return False
    return None


def header_key(header: str) -> str:
    """A header name as the suggestions know it: case folded, with spaces, "_", "-", "/", "." and
    brackets as one space ("Country/Region" is "country region", "os_id" is "os id")."""
    return " ".join(_HEADER_NOISE.sub(" ", header.casefold()).split())


def header_fingerprint(headers: Iterable[str]) -> str:
    """The same text for every file with these header names, whatever their order, case or spacing:
    the key under which a supplier's mapping for such files is remembered."""
    keys = sorted({header_key(header) for header in headers if header.strip()})
    return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ContractorSite:
    """The contractor's own site, added as the first row when the file lists only its suppliers."""

    id: str
    name: str
    country: str
    activity: str


@dataclass(frozen=True)
class ColumnMapping:
    """Where each chain column comes from: `columns` maps a chain column to the file's header names
    (several are combined), `defaults` gives a chain column's value for rows whose cell is empty (the
    default customer is `defaults["supplies_to"]`, never given to the site it names), and `contractor`
    is a site to add as the first row. `status` is the file's column saying whether a facility is closed
    ("" for none); closed rows are left out."""

    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    defaults: Mapping[str, str] = field(default_factory=dict)
    contractor: ContractorSite | None = None
    status: str = ""


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One non-empty row of a source file: its row number as the spreadsheet shows it, and its cells."""

    row: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class SourceTable:
    """A CSV or XLSX file read as text: its header names, its non-empty rows, and the findings about the
    file itself (an error leaves `headers` and `rows` empty). `complete` is False when reading stopped at
    a preview's limit."""

    headers: tuple[str, ...]
    rows: list[SourceRow]
    findings: list[Finding]
    complete: bool = True


def _error(code: str, *, column: str | None = None, row: int | None = None, **params: Any) -> Finding:
    """An error finding; its message may name the chain column as {column}."""
    if column is not None:
        params.setdefault("column", column)
    return Finding(Severity.ERROR, code, params, row=row, column=column)


def _collect(records: Iterable[Sequence[str]], *, max_rows: int, preview: int | None) -> SourceTable:
    """The header (the first non-empty record) and the non-empty rows after it, numbered as the
    spreadsheet shows them; at most `max_rows` rows (more refuse the file), or the first `preview` rows
    without refusing anything."""
    numbered = enumerate(records, start=1)
    headers: tuple[str, ...] = ()
    for _, record in numbered:
        if any(cell.strip() for cell in record):
            headers = tuple(cell.strip() for cell in record)
            break
    if not headers:
        return SourceTable((), [], [_error("chain.file_empty")])
    while headers and not headers[-1]:  # the empty columns at the right a spreadsheet leaves
        headers = headers[:-1]
    if len(headers) > MAX_SOURCE_COLUMNS:
        return SourceTable(
            (), [], [_error("mapping.too_many_columns", count=len(headers), limit=MAX_SOURCE_COLUMNS)]
        )
    rows: list[SourceRow] = []
    for number, record in numbered:
        if not any(cell.strip() for cell in record):
            continue
        if preview is not None and len(rows) == preview:
            return SourceTable(headers, rows, [], complete=False)
        if len(rows) == max_rows:
            return SourceTable((), [], [_error("chain.file_too_many_rows", limit=max_rows)])
        rows.append(SourceRow(number, tuple(cell.strip() for cell in record)))
    return SourceTable(headers, rows, [])


def _refused(chain_file: ChainFile) -> SourceTable:
    return SourceTable((), [], chain_file.findings)


def read_source_table(
    data: bytes,
    *,
    workbook: bool,
    max_rows: int,
    preview: int | None = None,
    limits: XlsxLimits = DEFAULT_LIMITS,
) -> SourceTable:
    """The header and rows of a CSV file, or of the first sheet of a workbook (`workbook`), read as the
    chain readers read them (encoding, delimiter, the workbook's limits); at most `max_rows` rows, or
    only the first `preview`."""

    def collect(records: Iterable[Sequence[str]]) -> SourceTable:
        return _collect(records, max_rows=max_rows, preview=preview)

    if workbook:
        return read_xlsx_records(BytesIO(data), collect, _refused, limits=limits)
    return read_csv_records(data, collect, _refused)


def read_source_file(path: Path, *, max_rows: int, max_bytes: int) -> SourceTable:
    """A .csv or .xlsx file on disk as a source table; its size is checked before it is read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            mebibyte = 1024 * 1024
            return SourceTable(
                (),
                [],
                [
                    _error(
                        "chain.file_too_large",
                        size_mb=f"{size / mebibyte:.1f}",
                        limit_mb=f"{max_bytes / mebibyte:.0f}",
                    )
                ],
            )
        data = path.read_bytes()
    except OSError:
        return SourceTable((), [], [_error("chain.file_unreadable")])
    return read_source_table(data, workbook=path.suffix.lower() == ".xlsx", max_rows=max_rows)


def suggest_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The mapping the header names suggest: each chain column from the header that names it, in the
    chain format's own names first, then by `SUGGESTIONS`, and the status column by
    `STATUS_SUGGESTIONS`; a header serves one column at most."""
    keys = {header: header_key(header) for header in headers if header.strip()}
    used: set[str] = set()
    columns: dict[str, tuple[str, ...]] = {}
    for header in keys:
        column = header_column(header)
        if column in COLUMNS and column not in columns:
            columns[column] = (header,)
            used.add(header)
    for column, names in SUGGESTIONS.items():
        if column in columns:
            continue
        for name in names:
            found = next((h for h, key in keys.items() if key == name and h not in used), None)
            if found is not None:
                columns[column] = (found,)
                used.add(found)
                break
    status = next(
        (h for name in STATUS_SUGGESTIONS for h, key in keys.items() if key == name and h not in used), ""
    )
    return ColumnMapping(
        columns={column: columns[column] for column in COLUMNS if column in columns}, status=status
    )


def unmapped_headers(headers: Sequence[str], mapping: ColumnMapping) -> list[str]:
    """The file's header names that no chain column is taken from: what the import leaves out."""
    used = {header for sources in mapping.columns.values() for header in sources} | {mapping.status}
    return [header for header in headers if header.strip() and header not in used]


def mapping_problems(mapping: ColumnMapping, headers: Sequence[str]) -> list[Finding]:
    """What keeps the mapping from being applied to a file with these headers: a column it names that
    the file lacks or has twice (the status column too), a chain column it neither takes from the file
    nor gives a default, an id default (every row would get the same id), a contractor without id or
    name."""
    problems: list[Finding] = []
    counts: dict[str, int] = {}
    for header in headers:
        counts[header] = counts.get(header, 0) + 1
    for column, sources in mapping.columns.items():
        for header in sources:
            if counts.get(header, 0) == 0:
                problems.append(_error("mapping.header_missing", column=column, header=header, target=column))
            elif counts[header] > 1:
                problems.append(_error("mapping.header_repeated", column=column, header=header))
    if mapping.status and counts.get(mapping.status, 0) != 1:
        code = "mapping.status_missing" if counts.get(mapping.status, 0) == 0 else "mapping.status_repeated"
        problems.append(_error(code, header=mapping.status))
    if mapping.defaults.get("id"):
        problems.append(_error("mapping.id_default", column="id"))
    for column in FILLED_COLUMNS:
        if not mapping.columns.get(column) and not mapping.defaults.get(column):
            problems.append(_error(f"mapping.unmapped_{column}", column=column))
    contractor = mapping.contractor
    if contractor is not None:
        for name in ("id", "name"):
            if not getattr(contractor, name).strip():
                problems.append(_error(f"mapping.contractor_{name}_missing", column=name))
    return problems


def _combined(column: str, cells: list[str]) -> str:
    """The cells of several source columns as one chain cell (see the module docstring)."""
    if column == "goods":
        goods = (item.strip() for cell in cells for item in _GOODS_SEPARATORS.split(cell))
        return LIST_SEPARATOR.join(dict.fromkeys(good for good in goods if good))
    separator = LIST_SEPARATOR if column in LIST_COLUMNS else " "
    return separator.join(cell for cell in cells if cell)


def _mapped_row(
    source: SourceRow, positions: Mapping[str, tuple[int, ...]], mapping: ColumnMapping
) -> ChainRow:
    cells = source.cells
    width = len(cells)
    values: dict[str, str] = {}
    for column in COLUMNS:
        found = [cells[position] for position in positions.get(column, ()) if position < width]
        if len(found) > 1:
            values[column] = _combined(column, found)
        elif found:
            values[column] = found[0].replace("|", LIST_SEPARATOR) if column == "goods" else found[0]
        else:
            values[column] = ""
    if not positions.get("id"):
        values["id"] = f"{GENERATED_ID_PREFIX}{source.row}"
    for column, default in mapping.defaults.items():
        if not values.get(column) and not (column == "supplies_to" and default == values["id"]):
            values[column] = default.strip()
    return ChainRow(row=source.row, **values)


def _warning(code: str, *, row: int | None = None, **params: Any) -> Finding:
    """A warning finding; its message may name the row as {row}."""
    if row is not None:
        params.setdefault("row", row)
    return Finding(Severity.WARNING, code, params, row=row)


def _row_ranges(rows: Sequence[int]) -> str:
    """Row numbers (ascending) as a message lists them, runs as ranges: "2, 5–7, 12"."""
    parts: list[str] = []
    start = previous = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == previous + 1:
            previous = row
            continue
        parts.append(str(start) if start == previous else f"{start}–{previous}")
        if row is not None:
            start = previous = row
    return ", ".join(parts)


def _left_out_finding(closed: Sequence[SourceRow], header: str) -> Finding:
    """The warning that the closed rows are left out: how many, and which (the first
    LEFT_OUT_ROWS_LISTED, then how many more)."""
    numbers = [source.row for source in closed]
    listed = numbers[:LEFT_OUT_ROWS_LISTED]
    rest = len(numbers) - len(listed)
    params: dict[str, Any] = {"count": len(numbers), "rows": _row_ranges(listed), "header": header}
    if rest:
        return _warning("mapping.closed_left_out_more", rest=rest, **params)
    return _warning(
        "mapping.closed_left_out_one" if len(numbers) == 1 else "mapping.closed_left_out", **params
    )


def _split_by_status(
    table: SourceTable, status: str
) -> tuple[list[SourceRow], list[SourceRow], list[Finding]]:
    """The table's rows whose facility is open (or whose status is not understood), those whose facility
    is closed, and a warning for each status not understood (its row is kept: an unclear value is no
    reason to leave a supplier out of due diligence)."""
    if not status:
        return table.rows, [], []
    position = table.headers.index(status)
    kept: list[SourceRow] = []
    closed: list[SourceRow] = []
    unclear: list[Finding] = []
    for source in table.rows:
        value = source.cells[position] if position < len(source.cells) else ""
        is_closed = closed_status(value)
        if is_closed:
            closed.append(source)
            continue
        if is_closed is None:
            unclear.append(
                _warning("mapping.status_unknown", row=source.row, value=quoted(value), header=status)
            )
        kept.append(source)
    return kept, closed, unclear


def _closed_customers(rows: Sequence[ChainRow], closed: Sequence[ChainRow]) -> list[Finding]:
    """An error for each customer a kept row names that is a closed row, left out.

    Why an error, and not a quiet repair: the file then says that a site delivers to a facility it also
    says is closed. Keeping the closed site would put it in the chain as a live supplier with its
    country's risks (what leaving it out is for); dropping the link or re-pointing the row to another
    customer would invent a chain the supplier never stated. Only the supplier knows which is true (the
    link is history, or the status is wrong), so the import stops and says which row names which closed
    site. `drop_explained` then removes the validation's "customer unknown" for the same customer, which
    would otherwise repeat this without the reason."""
    open_ids = {site_id(row.id) for row in rows}
    closed_rows: dict[str, int] = {}
    for row in closed:
        closed_rows.setdefault(site_id(row.id), row.row)
    for known in open_ids:
        closed_rows.pop(known, None)
    if not closed_rows:
        return []
    return [
        Finding(
            Severity.ERROR,
            "mapping.customer_closed",
            {"row": row.row, "value": quoted(customer), "closed_row": closed_rows[customer]},
            row=row.row,
            column="supplies_to",
        )
        for row in rows
        for customer in dict.fromkeys(site_id(item) for item in split_list(row.supplies_to))
        if customer in closed_rows
    ]


def drop_explained(findings: Sequence[Finding]) -> list[Finding]:
    """The findings of a mapped file and of checking its rows, without the check's "customer unknown"
    for a customer that the mapping left out as closed: `mapping.customer_closed` says the same, with
    the reason."""
    explained = {
        (finding.row, finding.params["value"])
        for finding in findings
        if finding.code == "mapping.customer_closed"
    }
    if not explained:
        return list(findings)
    return [
        finding
        for finding in findings
        if finding.code != "chain.customer_unknown"
        or (finding.row, finding.params.get("value")) not in explained
    ]


def apply_mapping(table: SourceTable, mapping: ColumnMapping, *, max_rows: int | None = None) -> ChainFile:
    """The chain rows the mapping makes of the table's rows, each with its row in the file, and the
    contractor (row 0) first when the mapping adds one; the table's findings and the mapping's problems
    (which leave no rows) as findings. Rows whose status column says closed are left out with a warning;
    a file of closed rows only is an error, and so is a kept row naming a closed one as its customer
    (`_closed_customers`). More than `max_rows` sites in all refuse the file."""
    if any(finding.blocking for finding in table.findings) and not table.rows:
        return ChainFile([], list(table.findings))
    problems = mapping_problems(mapping, table.headers)
    if problems:
        return ChainFile([], [*table.findings, *problems])
    kept, closed, unclear = _split_by_status(table, mapping.status)
    findings = [*table.findings, *unclear]
    if closed:
        if not kept:
            # A preview (an incomplete table) read only the first rows: they are closed, maybe not the file.
            code = "mapping.all_closed" if table.complete else "mapping.all_closed_so_far"
            findings.append(_error(code, count=len(closed), header=mapping.status))
            return ChainFile([], findings)
        findings.append(_left_out_finding(closed, mapping.status))
    first = {header: table.headers.index(header) for header in table.headers}
    positions = {
        column: tuple(first[header] for header in sources) for column, sources in mapping.columns.items()
    }
    rows = [_mapped_row(source, positions, mapping) for source in kept]
    contractor = mapping.contractor
    if contractor is not None:
        rows.insert(
            0,
            ChainRow(
                row=CONTRACTOR_ROW,
                id=contractor.id.strip(),
                name=contractor.name.strip(),
                country=contractor.country.strip(),
                activity=contractor.activity.strip(),
            ),
        )
    if max_rows is not None and len(rows) > max_rows:
        return ChainFile([], [_error("chain.file_too_many_rows", limit=max_rows)])
    if closed:
        findings.extend(
            _closed_customers(rows, [_mapped_row(source, positions, mapping) for source in closed])
        )
    return ChainFile(rows, findings)


def mapping_as_dict(mapping: ColumnMapping) -> dict[str, Any]:
    """The mapping as the JSON file holds it: one source name as a string, several as a list."""
    data: dict[str, Any] = {
        "kind": MAPPING_KIND,
        "version": MAPPING_VERSION,
        "columns": {
            column: sources[0] if len(sources) == 1 else list(sources)
            for column, sources in mapping.columns.items()
            if sources
        },
        "defaults": {column: value for column, value in mapping.defaults.items() if value},
    }
    if mapping.contractor is not None:
        data["contractor"] = {name: getattr(mapping.contractor, name) for name in CONTRACTOR_FIELDS}
    if mapping.status:
        data["status"] = mapping.status
    return data


def mapping_to_json(mapping: ColumnMapping) -> bytes:
    """The mapping as a JSON file (UTF-8, indented, for reading and editing by hand)."""
    return (json.dumps(mapping_as_dict(mapping), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class MappingFile:
    """A mapping read from JSON, or None with the findings that say why it cannot be read."""

    mapping: ColumnMapping | None
    findings: list[Finding]


def _texts(value: object) -> tuple[str, ...] | None:
    """A column's source: a text, or a non-empty list of texts; None for anything else."""
    if isinstance(value, str) and value.strip():
        return (value,)
    if isinstance(value, list) and value and all(isinstance(item, str) and item.strip() for item in value):
        return tuple(value)
    return None


def mapping_from_dict(data: object) -> MappingFile:
    """A mapping from JSON-ready data in the file's form, every problem as a finding: the kind and the
    version (1 or 2: a version 1 file has no status column), unknown keys and chain columns, values that
    are not text."""
    if not isinstance(data, dict):
        return MappingFile(None, [_error("mapping.file_not_object")])
    problems: list[Finding] = []
    version = data.get("version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        wanted = ", ".join(str(readable) for readable in READABLE_VERSIONS)
        problems.append(_error("mapping.version", version=json.dumps(version), wanted=wanted))
    problems.extend(_error("mapping.key_unknown", key=str(key)) for key in data if key not in MAPPING_KEYS)
    status = data.get("status", "")
    if not isinstance(status, str):
        problems.append(_error("mapping.status_not_text"))
        status = ""
    columns: dict[str, tuple[str, ...]] = {}
    defaults: dict[str, str] = {}
    for part in ("columns", "defaults"):
        entries = data.get(part, {})
        if not isinstance(entries, dict):
            problems.append(_error("mapping.part_not_object", part=part))
            continue
        for column, value in entries.items():
            if column not in COLUMNS:
                problems.append(_error("mapping.column_unknown", part=part, target=str(column)))
            elif part == "columns":
                sources = _texts(value)
                if sources is None:
                    problems.append(_error("mapping.source_not_text", column=column))
                else:
                    columns[column] = sources
            elif not isinstance(value, str):
                problems.append(_error("mapping.default_not_text", column=column))
            else:
                defaults[column] = value
    contractor = None
    if "contractor" in data:
        site = data["contractor"]
        if not isinstance(site, dict) or not all(
            isinstance(site.get(name, ""), str) for name in CONTRACTOR_FIELDS
        ):
            problems.append(_error("mapping.contractor_not_object"))
        else:
            unknown = [str(key) for key in site if key not in CONTRACTOR_FIELDS]
            problems.extend(_error("mapping.contractor_key_unknown", key=key) for key in unknown)
            contractor = ContractorSite(**{name: str(site.get(name, "")) for name in CONTRACTOR_FIELDS})
    if problems:
        return MappingFile(None, problems)
    mapping = ColumnMapping(columns=columns, defaults=defaults, contractor=contractor, status=status.strip())
    return MappingFile(mapping, [])


def parse_mapping(data: bytes) -> MappingFile:
    """A mapping from the bytes of its JSON file; a file that is too large, not UTF-8 JSON or not in
    the mapping's form gives findings instead."""
    if len(data) > MAX_MAPPING_BYTES:
        return MappingFile(None, [_error("mapping.file_too_large", limit_kb=MAX_MAPPING_BYTES // 1024)])
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return MappingFile(None, [_error("mapping.file_not_json")])
    return mapping_from_dict(parsed)
