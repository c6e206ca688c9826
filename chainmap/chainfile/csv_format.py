"""Chain files as CSV: plain CSV and CSV as Excel writes it in the Netherlands.

Reading sniffs the encoding (UTF-8 with or without byte order mark, UTF-16 with one, else Windows-1252,
which Dutch Excel uses for "CSV (puntkomma gescheiden)") and the delimiter (the most frequent of `;`,
`,` and tab in the header line, `,` when none occurs). A first line `sep=;` (a hint some tools write for
Excel, which hides it) sets the delimiter and is not counted as a row.

Writing produces Dutch Excel CSV: `;` delimiter, UTF-8 with byte order mark, CRLF line ends and a
decimal comma in shares; a cell Excel would run as a formula gets an apostrophe in front, which reading
takes off again (`chainmap.spreadsheets`). The people who open an exported chain are Dutch suppliers and
buyers, mostly in Excel with Dutch regional settings; Excel opens exactly this form by double-click into
proper columns with accents intact, whereas plain comma CSV lands in one column. Programs that want a
neutral format should use the JSON export; this reader takes both forms back.
"""

import codecs
import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final, TypeVar

import networkx as nx

from chainmap.chain import COLUMNS, ChainRow
from chainmap.chainfile.table import ChainFile, file_error, node_records, read_table, row_cells
from chainmap.spreadsheets import DEFUSED_STARTS, defused, restored

DELIMITERS: Final = (";", ",", "\t")
WRITE_DELIMITER: Final = ";"
WRITE_DECIMAL: Final = ","
# What a reader of the records makes of them: the chain table's rows, or a mapped table's.
Table = TypeVar("Table")


def decode(data: bytes) -> str | None:
    """The text of a CSV file, or None when it is not text in an encoding Excel writes."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _first_line(text: str) -> str:
    end = text.find("\n")
    return (text if end < 0 else text[:end]).rstrip("\r")


def _header_line(text: str) -> str:
    """The first line with anything but blanks in it: the header, as `read_table` finds it."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip():
            return line.rstrip("\r")
        if end < 0:
            break
        start = end + 1
    return ""


def sniff_delimiter(text: str) -> str:
    """The delimiter the header line uses most: `;`, `,` or tab; `,` when it has none of them."""
    header = _header_line(text)
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def read_csv(data: bytes, *, max_rows: int) -> ChainFile:
    """Chain rows from CSV bytes; problems with the file become findings, never exceptions."""
    return read_csv_records(
        data, lambda records: read_table(records, max_rows=max_rows), lambda refused: refused
    )


def read_csv_records(
    data: bytes,
    consume: Callable[[Iterable[Sequence[str]]], Table],
    refuse: Callable[[ChainFile], Table],
) -> Table:
    """What `consume` makes of the CSV file's records (lists of cell texts, decoded and split as
    `read_csv` reads them), or `refuse` of the file's error when it cannot be read as CSV: the chain
    table's reader and the column mapping's (`chainmap.chainfile.mapping`) share this."""
    text = decode(data)
    if text is None or "\x00" in text:
        return refuse(file_error("chain.file_not_text"))
    if not text.strip():
        return refuse(file_error("chain.file_empty"))
    delimiter = sniff_delimiter(text)
    stream = io.StringIO(text, newline="")
    if _first_line(text).casefold() in {f"sep={candidate}" for candidate in DELIMITERS}:
        delimiter = stream.readline().rstrip("\r\n")[-1]
    records = _CountedRecords(
        csv.reader(stream, delimiter=delimiter, strict=True),
        restore=any(start in text for start in DEFUSED_STARTS),
    )
    try:
        return consume(records)
    except csv.Error:
        return refuse(file_error("chain.file_not_csv", row=records.count + 1))


class _CountedRecords:
    """CSV records, counting them, so that an error names the spreadsheet row it occurred in; with
    `restore`, cells the writer defused are restored."""

    def __init__(self, reader: Iterator[list[str]], *, restore: bool) -> None:
        self._reader = reader
        self._restore = restore
        self.count = 0

    def __iter__(self) -> Iterator[list[str]]:
        for record in self._reader:
            self.count += 1
            yield [restored(cell) for cell in record] if self._restore else record


def csv_lines(graph: "nx.DiGraph[str]") -> Iterator[list[str]]:
    """The header and one record per node, shares with a decimal comma, formula-like cells defused."""
    yield list(COLUMNS)
    for record in node_records(graph):
        yield [defused(cell) for cell in record.cells(decimal=WRITE_DECIMAL)]


def row_lines(rows: Iterable[ChainRow]) -> Iterator[list[str]]:
    """The header and the rows' cells as written (shares too), formula-like cells defused."""
    yield list(COLUMNS)
    for row in rows:
        yield [defused(cell) for cell in row_cells(row)]


def _excel_csv(lines: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=WRITE_DELIMITER, lineterminator="\r\n")
    writer.writerows(lines)
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8", errors="replace")


def write_csv(graph: "nx.DiGraph[str]") -> bytes:
    """The chain as Dutch Excel CSV bytes (see the module docstring for why this form)."""
    return _excel_csv(csv_lines(graph))


def write_csv_rows(rows: Iterable[ChainRow]) -> bytes:
    """Chain rows as typed (a draft that may not be valid yet) as Dutch Excel CSV bytes."""
    return _excel_csv(row_lines(rows))
