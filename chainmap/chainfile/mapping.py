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

A mapping is kept as a small JSON file (`mapping_to_json`, `parse_mapping`): version MAPPING_VERSION,
the columns, the defaults and the contractor; `chainmap convert --map FILE.json` applies it.
"""

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any, Final

from chainmap.chain import COLUMNS, LIST_SEPARATOR, ChainRow
from chainmap.chainfile.csv_format import read_csv_records
from chainmap.chainfile.limits import DEFAULT_LIMITS, XlsxLimits
from chainmap.chainfile.table import ChainFile, header_column
from chainmap.chainfile.xlsx_format import read_xlsx_records
from chainmap.findings import Finding, Severity

MAPPING_KIND: Final = "chainmap column mapping"
MAPPING_VERSION: Final = 1
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
    is a site to add as the first row."""

    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    defaults: Mapping[str, str] = field(default_factory=dict)
    contractor: ContractorSite | None = None


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
    chain format's own names first, then by `SUGGESTIONS`; a header serves one column at most."""
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
    return ColumnMapping(columns={column: columns[column] for column in COLUMNS if column in columns})


def unmapped_headers(headers: Sequence[str], mapping: ColumnMapping) -> list[str]:
    """The file's header names that no chain column is taken from: what the import leaves out."""
    used = {header for sources in mapping.columns.values() for header in sources}
    return [header for header in headers if header.strip() and header not in used]


def mapping_problems(mapping: ColumnMapping, headers: Sequence[str]) -> list[Finding]:
    """What keeps the mapping from being applied to a file with these headers: a column it names that
    the file lacks or has twice, a chain column it neither takes from the file nor gives a default, an
    id default (every row would get the same id), a contractor without id or name."""
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


def apply_mapping(table: SourceTable, mapping: ColumnMapping, *, max_rows: int | None = None) -> ChainFile:
    """The chain rows the mapping makes of the table's rows, each with its row in the file, and the
    contractor (row 0) first when the mapping adds one; the table's findings and the mapping's problems
    (which leave no rows) as findings. More than `max_rows` sites in all refuse the file."""
    if any(finding.blocking for finding in table.findings) and not table.rows:
        return ChainFile([], list(table.findings))
    problems = mapping_problems(mapping, table.headers)
    if problems:
        return ChainFile([], [*table.findings, *problems])
    first = {header: table.headers.index(header) for header in table.headers}
    positions = {
        column: tuple(first[header] for header in sources) for column, sources in mapping.columns.items()
    }
    rows = [_mapped_row(source, positions, mapping) for source in table.rows]
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
    return ChainFile(rows, list(table.findings))


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
    version, unknown keys and chain columns, values that are not text."""
    if not isinstance(data, dict):
        return MappingFile(None, [_error("mapping.file_not_object")])
    problems: list[Finding] = []
    if data.get("version") != MAPPING_VERSION:
        problems.append(
            _error("mapping.version", version=json.dumps(data.get("version")), wanted=MAPPING_VERSION)
        )
    problems.extend(
        _error("mapping.key_unknown", key=str(key))
        for key in data
        if key not in {"kind", "version", "columns", "defaults", "contractor"}
    )
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
    return MappingFile(ColumnMapping(columns=columns, defaults=defaults, contractor=contractor), [])


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
