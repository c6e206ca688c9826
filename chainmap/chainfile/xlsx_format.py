"""Chain files as Excel workbooks (.xlsx): the first sheet holds the chain table.

Reading streams the sheet with openpyxl in read-only mode, so a large workbook is never held in memory
whole, and stops at the row limit. Cells are turned into the text a spreadsheet shows: whole numbers
without ".0" (an id typed as 1001 stays "1001"), and a number formatted as a percentage (Excel stores
40% as 0.4) as "40%".

Writing uses openpyxl's write-only mode: the header row frozen, ids and names always as text cells, a
single share as a number and several shares as `;`-separated text. A text that starts like a formula is
also defused as in every spreadsheet export (`chainmap.spreadsheets`: an apostrophe in front, so that it
stays text when someone edits the cell or saves the sheet as CSV), and reading takes the apostrophe off
again, so a downloaded chain file uploads as it was. Rows as typed (a draft) are written with every cell
as text, as the supplier typed it.
"""

import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, BinaryIO

import networkx as nx
import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from chainmap.chain import COLUMNS, ChainRow
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


class _UnreadableSheet(Exception):
    """openpyxl failed while streaming the sheet: the workbook is damaged."""


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


def _records(sheet: ReadOnlyWorksheet) -> Iterator[list[str]]:
    """The sheet's rows as cell texts. The sheet's own dimension record is ignored (some programs
    write a wrong one), so every row in the file is read."""
    try:
        sheet.reset_dimensions()
        rows = iter(sheet.rows)
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise _UnreadableSheet from error
    while True:
        try:
            cells = [(cell.value, cell.number_format or "General") for cell in next(rows)]
        except StopIteration:
            return
        except Exception as error:  # as above
            raise _UnreadableSheet from error
        yield [cell_text(value, number_format) for value, number_format in cells]


def read_xlsx(data: BinaryIO, *, max_rows: int) -> ChainFile:
    """Chain rows from the first sheet of a workbook; a damaged or non-xlsx file becomes a finding."""
    try:
        workbook = openpyxl.load_workbook(data, read_only=True, data_only=True)
    except Exception:  # zipfile, XML and openpyxl errors alike: "not a workbook"
        return file_error("chain.file_not_spreadsheet")
    try:
        sheets = workbook.worksheets
        if not sheets or not isinstance(sheets[0], ReadOnlyWorksheet):
            return file_error("chain.file_empty")
        return read_table(_records(sheets[0]), max_rows=max_rows, beyond_header=Severity.WARNING)
    except _UnreadableSheet:
        return file_error("chain.file_not_spreadsheet")
    finally:
        workbook.close()


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
