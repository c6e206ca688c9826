"""Writing chain rows as typed (a draft that need not be valid) to CSV and XLSX, and reading them back."""

import codecs
import io
from collections.abc import Callable

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from chainmap.chain import COLUMNS, ChainRow
from chainmap.chainfile import ChainFile, parse_csv, parse_json, parse_xlsx, rows_to_csv, rows_to_xlsx
from chainmap.validation import build_chain
from tests.factories.chainfiles import chain_reference, make_row

# An unfinished draft: a missing country, an unknown customer, a share with a decimal comma, an id that
# looks like a number, and a name Excel would run as a formula.
DRAFT = [
    make_row(2, "007", name="Werkkleding BV", goods="Garments"),
    make_row(3, "BD-CMT", "007;NOWHERE", country="", share="40,5;", name="Dhaka Örme"),
    make_row(4, "EVIL", "007", name='=HYPERLINK("http://example.com","x")', share="1e2"),
    make_row(5, "", "", name="", country="", activity="", goods="Cotton; Fabric"),
]


def test_rows_to_csv_writes_dutch_excel_csv_and_reads_back_as_typed() -> None:
    data = rows_to_csv(DRAFT)
    assert data.startswith(codecs.BOM_UTF8)
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ";".join(COLUMNS)
    assert lines[3].startswith("EVIL;\"'=HYPERLINK(")  # defused: Excel shows the text, runs nothing
    chain_file = parse_csv(data)
    assert chain_file.findings == []
    assert chain_file.rows == DRAFT
    assert not build_chain(chain_file.rows, reference=chain_reference()).ok


def test_rows_to_xlsx_writes_every_cell_as_text_and_reads_back_as_typed() -> None:
    data = rows_to_xlsx(DRAFT)
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    assert isinstance(sheet, Worksheet)
    assert sheet.title == "chain" and sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    assert sheet["A2"].value == "007" and sheet["A2"].data_type == "s"
    assert sheet["B4"].data_type == "s"  # text, not a formula
    assert str(sheet["B4"].value).startswith("'=HYPERLINK(")  # and defused as in the CSV
    chain_file = parse_xlsx(io.BytesIO(data))
    assert chain_file.findings == []
    assert chain_file.rows == DRAFT


@pytest.mark.parametrize(
    ("write", "read"),
    [(rows_to_csv, parse_csv), (rows_to_xlsx, lambda data: parse_xlsx(io.BytesIO(data)))],
)
def test_no_rows_give_the_header_alone(
    write: Callable[[list[ChainRow]], bytes], read: Callable[[bytes], ChainFile]
) -> None:
    chain_file = read(write([]))
    assert chain_file.rows == [] and chain_file.findings == []


def test_the_row_limit_can_be_given_per_call() -> None:
    rows = [make_row(2, "WK"), *(make_row(number, f"S{number}", "WK") for number in range(3, 6))]
    csv_data, xlsx_data = rows_to_csv(rows), rows_to_xlsx(rows)
    json_data = b'{"nodes": [{"id": "A"}, {"id": "B"}, {"id": "C"}, {"id": "D"}], "links": []}'
    assert len(parse_csv(csv_data, max_rows=4).rows) == 4
    for chain_file in (
        parse_csv(csv_data, max_rows=3),
        parse_xlsx(io.BytesIO(xlsx_data), max_rows=3),
        parse_json(json_data, max_rows=3),
    ):
        assert [finding.code for finding in chain_file.findings] == ["chain.file_too_many_rows"]
        assert chain_file.findings[0].params == {"limit": 3} and chain_file.rows == []


def test_rows_keep_their_cells_in_column_order() -> None:
    row = ChainRow(7, "a", "b", "c", "d", "e", "f", "g", "h")
    line = rows_to_csv([row]).decode("utf-8-sig").split("\r\n")[1]
    assert line == "a;b;c;d;e;f;g;h"
