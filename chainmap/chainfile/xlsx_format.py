"""Chain files as Excel workbooks (.xlsx): the first sheet holds the chain table.

Reading streams the sheet with openpyxl in read-only mode, so a large workbook is never held in memory
whole, and stops at the row limit. What reading may allocate is bounded before and while it reads
(`XlsxLimits`): the archive is checked by its directory first (`chainmap.archives`: a clean zip, few
enough entries, not too much unpacked), a part that openpyxl parses whole into a tree (the manifest,
the workbook, its relations, the styles) may declare at most `XlsxLimits.whole_part` bytes, only the
first sheet is opened (openpyxl's own loading opens every sheet the workbook lists, as often as it lists
it, and follows its external links), rows beyond Excel's last row and cells beyond `MAX_COLUMNS` are not
read. The parts openpyxl streams, the sheet and the shared strings, are streamed through expat once
first, keeping nothing (`_check_streamed_part`): openpyxl holds a whole row or shared string in memory
at a time, and everything outside them until the end, some 400 bytes for each element, so a row of a
million cells (a 15 MB part that zips to 40 kB) would take 400 MB; a part in which any of those holds
more than MAX_HELD_ELEMENTS elements is refused. With defusedxml installed (a dependency) openpyxl
parses every part with it, and that first pass refuses them too, so an XML entity declaration (the
"billion laughs") refuses the file.

Cells are turned into the text a spreadsheet shows: whole numbers without ".0" (an id typed as 1001
stays "1001"), and a number formatted as a percentage (Excel stores 40% as 0.4) as "40%".

Writing uses openpyxl's write-only mode: the header row frozen, ids and names always as text cells, a
single share as a number and several shares as `;`-separated text. A text that starts like a formula is
also defused as in every spreadsheet export (`chainmap.spreadsheets`: an apostrophe in front, so that it
stays text when someone edits the cell or saves the sheet as CSV), and reading takes the apostrophe off
again, so a downloaded chain file uploads as it was. Rows as typed (a draft) are written with every cell
as text, as the supplier typed it.
"""

import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, BinaryIO, Final, TypeVar
from xml.parsers import expat

import networkx as nx
import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.packaging.manifest import Override
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.xml.constants import SHARED_STRINGS

from chainmap.archives import ArchiveProblem, archive_problem, read_limited_part
from chainmap.chain import COLUMNS, ChainRow
from chainmap.chainfile.limits import DEFAULT_LIMITS, MEBIBYTE, XlsxLimits
from chainmap.chainfile.table import (
    ChainFile,
    file_error,
    format_share,
    node_records,
    read_table,
    row_cells,
)
from chainmap.findings import Severity
from chainmap.spreadsheets import defused, restored

SHEET_TITLE = "chain"
# Excel's last row: a row numbered beyond it is no spreadsheet's, and reading stops there (the rows
# between the last one read and a row far beyond would each be read as empty).
EXCEL_MAX_ROWS: Final = 1_048_576
# Cells beyond this column are not read: the chain has 7 columns, and a sheet's row may reach column
# 18,278 (ZZZ), each cell of which openpyxl would hand over.
MAX_COLUMNS: Final = 64
# The most XML elements openpyxl may hold at once while it streams a part: one row of the sheet or one
# shared string, or what lies outside them (the sheet's properties, merged cells, validations...).
# Excel's widest row, 16,384 cells of up to three elements each, fits; a few MB of memory each time.
MAX_HELD_ELEMENTS: Final = 65_536
# The elements openpyxl reads one at a time, and clears, in each streamed part.
_STREAMED_GROUPS: Final = frozenset({"row", "si"})
# What a reader of the records makes of them: the chain table's rows, or a mapped table's.
Table = TypeVar("Table")


_ARCHIVE_FINDINGS: Final = {
    ArchiveProblem.NOT_A_ZIP: "chain.file_not_spreadsheet",
    ArchiveProblem.UNSUPPORTED: "chain.file_not_spreadsheet",
    ArchiveProblem.NOT_CLEAN: "chain.file_not_clean_zip",
    ArchiveProblem.TOO_MANY_ENTRIES: "chain.file_too_many_parts",
    ArchiveProblem.TOO_LARGE: "chain.file_unpacks_too_large",
}


class _UnreadableSheet(Exception):
    """openpyxl failed while streaming the sheet: the workbook is damaged."""


class _PartTooLarge(Exception):
    """A part that would be parsed whole declares more than the limit."""


class _TooManyElements(Exception):
    """A streamed part would have openpyxl hold more than MAX_HELD_ELEMENTS elements at once."""


class _EntityDeclared(Exception):
    """An XML part declares an entity: no workbook does, and expanding them is an attack."""


def _check_streamed_part(archive: zipfile.ZipFile, name: str) -> None:
    """Stream the part through expat, keeping nothing but counts, and raise _TooManyElements when one
    row or shared string holds more than MAX_HELD_ELEMENTS elements, or the part does outside them;
    _EntityDeclared for an entity declaration; expat's ExpatError for XML that is not well formed."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0  # within a row or shared string; 0 outside them
    held = 0
    outside = 0

    def start(tag: str, _attributes: dict[str, str]) -> None:
        nonlocal depth, held, outside
        if depth:
            depth += 1
            held += 1
            if held > MAX_HELD_ELEMENTS:
                raise _TooManyElements(name)
        elif tag.rpartition(":")[2] in _STREAMED_GROUPS:
            depth, held = 1, 0
        else:
            outside += 1
            if outside > MAX_HELD_ELEMENTS:
                raise _TooManyElements(name)

    def end(_tag: str) -> None:
        nonlocal depth
        depth = max(depth - 1, 0)

    def entity(*_declaration: object) -> None:
        raise _EntityDeclared(name)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = entity
    with archive.open(name) as stream:
        while chunk := stream.read(io.DEFAULT_BUFFER_SIZE * 8):
            parser.Parse(chunk, False)
    parser.Parse(b"", True)


class _PartLimitedZip(zipfile.ZipFile):
    """A zip archive whose parts are read whole (`read`, what openpyxl parses into a tree) only up to
    `whole_part` declared bytes, and inflated in small chunks (`chainmap.archives.read_limited_part`);
    streamed parts (`open`, the sheet and the shared strings) are read in small chunks by openpyxl, and
    bounded by the archive's check."""

    def __init__(self, data: bytes, *, whole_part: int) -> None:
        super().__init__(io.BytesIO(data))
        self.whole_part = whole_part

    def read(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        if info.file_size > self.whole_part:
            raise _PartTooLarge(info.filename)
        if pwd is not None:
            raise zipfile.BadZipFile("encrypted parts are refused by the archive's check")
        return read_limited_part(self, info)


class _WorkbookReader(ExcelReader):
    """openpyxl's reader in read-only mode over an archive that is already open and checked, for the
    steps `_first_sheet` takes."""

    def __init__(self, archive: zipfile.ZipFile) -> None:  # not openpyxl's, which would open it again
        self.archive = archive
        self.valid_files = archive.namelist()
        self.read_only = True
        self.keep_vba = False
        self.data_only = True
        self.keep_links = False  # external links hold cached copies of other workbooks: not read
        self.rich_text = False
        self.shared_strings = []


class _StreamedSheet(ReadOnlyWorksheet):
    """A sheet streamed row by row whose dimension record is never read: some programs write a wrong
    one, so every row in the file is read anyway, and finding it means parsing the whole sheet once
    more when it is missing."""

    def _get_size(self) -> None:
        return None


def _first_sheet(reader: _WorkbookReader) -> _StreamedSheet | None:
    """The workbook's first worksheet (a chart sheet is none), as openpyxl's `worksheets[0]`, checked
    for streaming; reads the manifest, the shared strings (checked first), the workbook and the styles
    (for number formats) on the way."""
    reader.read_manifest()
    # The part that openpyxl's read_strings streams: the first of the shared strings' content type.
    overrides: list[Override] = list(reader.package.Override)
    strings = next((part.PartName[1:] for part in overrides if part.ContentType == SHARED_STRINGS), None)
    if strings is not None and strings in reader.valid_files:
        _check_streamed_part(reader.archive, strings)
    reader.read_strings()
    reader.read_workbook()
    apply_stylesheet(reader.archive, reader.wb)
    for sheet, relation in reader.parser.find_sheets():
        if relation.target in reader.valid_files and "chartsheet" not in relation.Type:
            _check_streamed_part(reader.archive, relation.target)
            return _StreamedSheet(reader.wb, sheet.name, relation.target, reader.shared_strings)
    return None


def cell_text(value: Any, number_format: str = "General") -> str:
    """The text a spreadsheet cell holds, as the chain table reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        if "%" in number_format:
            return format_share(float(Decimal(repr(value)) * 100)) + "%"
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format_share(value) if isinstance(value, float) else str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return restored(str(value))


def _records(sheet: ReadOnlyWorksheet) -> Iterator[Sequence[str]]:
    """The sheet's rows up to Excel's last as cell texts, up to column MAX_COLUMNS."""
    try:
        # The stubs type iter_rows for Worksheet's self only; ReadOnlyWorksheet borrows it.
        rows = sheet.iter_rows(max_row=EXCEL_MAX_ROWS)  # type: ignore[misc]
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise _UnreadableSheet from error
    while True:
        try:
            row = next(rows)
            if not row:  # a gap between two rows: there may be a million, so they take no work
                yield ()
                continue
            cells = [(cell.value, cell.number_format or "General") for cell in row[:MAX_COLUMNS]]
        except StopIteration:
            return
        except Exception as error:  # as above
            raise _UnreadableSheet from error
        yield [cell_text(value, number_format) for value, number_format in cells]


def read_xlsx(data: BinaryIO, *, max_rows: int, limits: XlsxLimits = DEFAULT_LIMITS) -> ChainFile:
    """Chain rows from the first sheet of a workbook; a damaged or non-xlsx file, or one that would
    unpack to more than `limits`, becomes a finding."""
    return read_xlsx_records(
        data,
        lambda records: read_table(records, max_rows=max_rows, beyond_header=Severity.WARNING),
        lambda refused: refused,
        limits=limits,
    )


def read_xlsx_records(
    data: BinaryIO,
    consume: Callable[[Iterable[Sequence[str]]], Table],
    refuse: Callable[[ChainFile], Table],
    *,
    limits: XlsxLimits = DEFAULT_LIMITS,
) -> Table:
    """What `consume` makes of the first sheet's records (lists of cell texts, as `read_xlsx` reads
    them), or `refuse` of the file's error when it is no workbook or would unpack to more than
    `limits`: the chain table's reader and the column mapping's (`chainmap.chainfile.mapping`) share
    this."""
    content = data.read()
    problem = archive_problem(content, limits=limits.archive)
    if problem is ArchiveProblem.TOO_LARGE:
        return refuse(file_error(_ARCHIVE_FINDINGS[problem], limit=limits.archive.unpacked // MEBIBYTE))
    if problem is ArchiveProblem.TOO_MANY_ENTRIES:
        return refuse(file_error(_ARCHIVE_FINDINGS[problem], limit=limits.archive.entries))
    if problem is not None:
        return refuse(file_error(_ARCHIVE_FINDINGS[problem]))
    with _PartLimitedZip(content, whole_part=limits.whole_part) as archive:
        try:
            sheet = _first_sheet(_WorkbookReader(archive))
        except _PartTooLarge:
            return refuse(file_error("chain.file_part_too_large", limit=limits.whole_part // MEBIBYTE))
        except _TooManyElements:
            return refuse(file_error("chain.file_too_many_elements", limit=MAX_HELD_ELEMENTS))
        except Exception:  # zipfile, XML (defusedxml's refusals too) and openpyxl errors: "not a workbook"
            return refuse(file_error("chain.file_not_spreadsheet"))
        if sheet is None:
            return refuse(file_error("chain.file_empty"))
        try:
            return consume(_records(sheet))
        except _UnreadableSheet:
            return refuse(file_error("chain.file_not_spreadsheet"))


def _text_cell(sheet: WriteOnlyWorksheet, text: str) -> Any:
    cell = WriteOnlyCell(sheet, value=defused(ILLEGAL_CHARACTERS_RE.sub("", text)))
    cell.data_type = "s"
    return cell


def _chain_sheet() -> tuple[Workbook, WriteOnlyWorksheet]:
    """A write-only workbook with its chain sheet, the header row written and frozen."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    sheet.freeze_panes = "A2"
    sheet.append([_text_cell(sheet, column) for column in COLUMNS])
    return workbook, sheet


def _saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(graph: "nx.DiGraph[str]") -> bytes:
    """The chain as an .xlsx workbook with one sheet, header row frozen."""
    workbook, sheet = _chain_sheet()
    share_position = COLUMNS.index("share")
    for record in node_records(graph):
        cells: list[Any] = [_text_cell(sheet, text) for text in record.cells()]
        if len(record.shares) == 1 and record.shares[0] is not None:
            share = record.shares[0]
            cells[share_position] = int(share) if share.is_integer() else share
        sheet.append(cells)
    return _saved(workbook)


def write_xlsx_rows(rows: Iterable[ChainRow]) -> bytes:
    """Chain rows as typed (a draft that may not be valid yet) as an .xlsx workbook, every cell text."""
    workbook, sheet = _chain_sheet()
    for row in rows:
        sheet.append([_text_cell(sheet, text) for text in row_cells(row)])
    return _saved(workbook)
