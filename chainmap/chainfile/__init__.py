"""Chain files: reading and writing the chain exchange format as CSV, XLSX and JSON.

Readers return a `ChainFile`: the rows as written (`chainmap.chain.ChainRow`) plus findings about the
file itself; they never raise on what a file holds. `load_chain` reads a file and builds the chain graph
with `chainmap.validation.build_chain`. Writers take a chain graph (conventions in `chainmap.chain`);
writing and reading back gives an equal graph, except for the `row` attribute, which is the row of
whatever file a graph was read from. `rows_to_csv` and `rows_to_xlsx` write rows as typed instead, for a
draft that need not be a valid chain yet, and `chain_template_xlsx` writes the workbook a supplier fills in.

Limits protect the server: a file over MAX_FILE_BYTES is refused by its size on disk before any of it is
read, and reading stops at MAX_ROWS + 1 rows. The limits are read when a file is read, so tests can
lower them.
"""

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Final

import networkx as nx

from chainmap.chain import ChainRow
from chainmap.chainfile.csv_format import read_csv, write_csv, write_csv_rows
from chainmap.chainfile.json_format import read_json, write_json
from chainmap.chainfile.limits import DEFAULT_LIMITS, XlsxLimits
from chainmap.chainfile.table import ChainFile, file_error
from chainmap.collector import collector_paused
from chainmap.findings import has_errors
from chainmap.reference import ReferenceData
from chainmap.themes import Lang
from chainmap.validation import BuiltChain, build_chain

MAX_FILE_BYTES: Final = 50 * 1024 * 1024
MAX_ROWS: Final = 500_000
SUFFIXES: Final[tuple[str, ...]] = (".csv", ".xlsx", ".json")

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "SUFFIXES",
    "ChainFile",
    "XlsxLimits",
    "build_chain_file",
    "chain_template_xlsx",
    "chain_to_csv",
    "chain_to_json",
    "chain_to_xlsx",
    "load_chain",
    "parse_csv",
    "parse_json",
    "parse_xlsx",
    "read_chain_file",
    "rows_to_csv",
    "rows_to_xlsx",
    "write_chain_file",
]


def parse_csv(data: bytes, *, max_rows: int | None = None) -> ChainFile:
    """Chain rows from CSV bytes: plain CSV or Dutch Excel CSV (`;`, UTF-8 with BOM or Windows-1252).

    A file with more than `max_rows` sites (MAX_ROWS when None) is refused.
    """
    return read_csv(data, max_rows=MAX_ROWS if max_rows is None else max_rows)


def parse_xlsx(data: BinaryIO, *, max_rows: int | None = None, limits: XlsxLimits | None = None) -> ChainFile:
    """Chain rows from the first sheet of an .xlsx workbook, streamed; at most `max_rows` sites, and
    refused when it would unpack to more than `limits` (the command line's when None)."""
    from chainmap.chainfile.xlsx_format import read_xlsx  # the spreadsheet library loads for .xlsx only

    return read_xlsx(
        data,
        max_rows=MAX_ROWS if max_rows is None else max_rows,
        limits=DEFAULT_LIMITS if limits is None else limits,
    )


def parse_json(data: bytes, *, max_rows: int | None = None) -> ChainFile:
    """Chain rows from JSON bytes in networkx node-link form; at most `max_rows` sites."""
    return read_json(data, max_rows=MAX_ROWS if max_rows is None else max_rows)


@collector_paused()
def read_chain_file(path: Path) -> ChainFile:
    """Chain rows from a .csv, .xlsx or .json file; a file that cannot be read becomes a finding.

    The size is checked with stat() before the file is opened, so a file over MAX_FILE_BYTES is refused
    without being read.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return file_error("chain.file_type_unsupported", suffix=suffix or path.name)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return file_error(
                "chain.file_too_large",
                size_mb=_megabytes(size),
                limit_mb=_megabytes(MAX_FILE_BYTES),
            )
        if suffix == ".xlsx":
            with path.open("rb") as stream:
                return parse_xlsx(stream)
        data = path.read_bytes()
    except OSError:
        return file_error("chain.file_unreadable")
    return parse_csv(data) if suffix == ".csv" else parse_json(data)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def chain_to_csv(graph: "nx.DiGraph[str]") -> bytes:
    """The chain as CSV the way Dutch Excel writes it: `;`, UTF-8 with BOM, decimal comma."""
    return write_csv(graph)


def chain_to_xlsx(graph: "nx.DiGraph[str]") -> bytes:
    """The chain as an .xlsx workbook, header row frozen."""
    from chainmap.chainfile.xlsx_format import write_xlsx

    return write_xlsx(graph)


def chain_to_json(graph: "nx.DiGraph[str]") -> bytes:
    """The chain as JSON in networkx node-link form."""
    return write_json(graph)


def rows_to_csv(rows: Iterable[ChainRow]) -> bytes:
    """Chain rows as typed, valid or not (a draft), as Dutch Excel CSV like `chain_to_csv`."""
    return write_csv_rows(rows)


def rows_to_xlsx(rows: Iterable[ChainRow]) -> bytes:
    """Chain rows as typed, valid or not (a draft), as an .xlsx workbook, every cell text."""
    from chainmap.chainfile.xlsx_format import write_xlsx_rows

    return write_xlsx_rows(rows)


def chain_template_xlsx(*, reference: ReferenceData, lang: Lang) -> bytes:
    """The chain template workbook a supplier fills in, in `lang` (`chainmap.chainfile.template`)."""
    from chainmap.chainfile.template import chain_template_xlsx as template

    return template(reference=reference, lang=lang)


def write_chain_file(graph: "nx.DiGraph[str]", path: Path) -> None:
    """Write the chain in the format the suffix names (.csv, .xlsx, .json).

    Any other suffix is a programming error (callers check the suffix first) and raises ValueError.
    """
    writers = {".csv": chain_to_csv, ".xlsx": chain_to_xlsx, ".json": chain_to_json}
    suffix = path.suffix.lower()
    if suffix not in writers:
        raise ValueError(f"cannot write a chain file of type {suffix!r}; use one of {SUFFIXES}")
    path.write_bytes(writers[suffix](graph))


def load_chain(
    path: Path,
    *,
    reference: ReferenceData,
    linked: Callable[["nx.DiGraph[str]"], object] | None = None,
) -> BuiltChain:
    """Read a chain file and build its graph; file-level errors stop before the rows are checked.

    A file that cannot be read, or whose header lacks a required column, gives an empty graph with
    those findings: checking its rows would only repeat the same problem on every row. Errors in single
    rows or links do not stop the check, so that the supplier sees every problem at once. `linked` is
    passed to `chainmap.validation.build_chain`.
    """
    return build_chain_file(read_chain_file(path), reference=reference, linked=linked)


def build_chain_file(
    chain_file: ChainFile,
    *,
    reference: ReferenceData,
    linked: Callable[["nx.DiGraph[str]"], object] | None = None,
) -> BuiltChain:
    """The chain of a file read with `read_chain_file`, as `load_chain` builds it (see there)."""
    if has_errors(chain_file.findings) and not chain_file.rows:
        return BuiltChain(nx.DiGraph(), chain_file.findings)
    built = build_chain(chain_file.rows, reference=reference, linked=linked)
    return replace(built, findings=[*chain_file.findings, *built.findings])
