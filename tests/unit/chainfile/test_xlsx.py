"""Reading and writing chain files as Excel workbooks."""

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

import openpyxl
import pytest

from chainmap.chain import COLUMNS, ChainRow
from chainmap.chainfile import ChainFile, chain_to_xlsx, parse_xlsx
from chainmap.chainfile.xlsx_format import cell_text
from chainmap.findings import Severity
from chainmap.validation import build_chain
from tests.factories.chainfiles import GARMENT_LINES, chain_reference, garment_rows

REFERENCE = chain_reference()


def workbook_bytes(lines: Sequence[Sequence[Any]], *, formats: dict[str, str] | None = None) -> bytes:
    """A workbook whose first sheet holds `lines`; `formats` maps cell names to number formats."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in lines:
        sheet.append(list(line))
    for name, number_format in (formats or {}).items():
        sheet[name].number_format = number_format
    workbook.create_sheet("notes").append(["only the first sheet is read"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def parse(data: bytes) -> ChainFile:
    return parse_xlsx(io.BytesIO(data))


def test_first_sheet_is_read_as_a_chain_table() -> None:
    chain_file = parse(workbook_bytes(GARMENT_LINES))
    assert chain_file.findings == []
    assert chain_file.rows[3] == ChainRow(
        5, "MILL", "Bursa Örme", "TR", "weaving", "Fabric;Cotton", "BD-CMT;TR-CMT", "100;50,5"
    )
    assert build_chain(chain_file.rows, reference=REFERENCE).ok


def test_numbers_read_as_a_spreadsheet_shows_them() -> None:
    lines = [
        COLUMNS,
        [1001, "Werkkleding", "NL", "trading", None, None, None],
        [1002, "Dhaka", "BD", "cut-make-trim", "Garments", 1001, 59.0],
        [1003, "Denizli", "TR", "cut-make-trim", "Garments", 1001, 0.405],
    ]
    chain_file = parse(workbook_bytes(lines, formats={"G4": "0.0%"}))
    assert chain_file.findings == []
    assert [(row.id, row.supplies_to, row.share) for row in chain_file.rows] == [
        ("1001", "", ""),
        ("1002", "1001", "59"),
        ("1003", "1001", "40.5%"),
    ]
    built = build_chain(chain_file.rows, reference=REFERENCE)
    assert built.ok and built.graph.edges["1003", "1001"]["share"] == 40.5


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (None, "General", ""),
        (7, "General", "7"),
        (7.0, "General", "7"),
        (33.333333333333336, "General", "33.333333333333336"),
        (1e-05, "General", "0.00001"),
        (0.25, "0%", "25%"),
        (True, "General", "TRUE"),
        (date(2026, 1, 31), "yyyy-mm-dd", "2026-01-31"),
        ("  text ", "General", "  text "),
    ],
)
def test_cell_text(value: Any, number_format: str, text: str) -> None:
    assert cell_text(value, number_format) == text


def test_a_note_beyond_the_header_in_a_spreadsheet_is_a_warning() -> None:
    lines = [GARMENT_LINES[0], [*GARMENT_LINES[1], "", "checked by phone"], *GARMENT_LINES[2:]]
    chain_file = parse(workbook_bytes(lines))
    assert [(f.code, f.severity, f.row) for f in chain_file.findings] == [
        ("chain.cell_beyond_header", Severity.WARNING, 2)
    ]
    assert len(chain_file.rows) == len(GARMENT_LINES) - 1


def test_blank_rows_are_skipped_and_row_numbers_kept() -> None:
    lines = [COLUMNS, GARMENT_LINES[1], [None] * 7, GARMENT_LINES[2]]
    chain_file = parse(workbook_bytes(lines))
    assert [(row.row, row.id) for row in chain_file.rows] == [(2, "WK"), (4, "BD-CMT")]


def test_an_empty_sheet_is_one_clear_error() -> None:
    chain_file = parse(workbook_bytes([]))
    assert [f.code for f in chain_file.findings] == ["chain.file_empty"]


@pytest.mark.parametrize(
    "data",
    [b"", b"id,name,country\r\n", b"PK\x03\x04 not really a zip", b"\x00" * 64],
)
def test_a_file_that_is_no_workbook_is_one_clear_error(data: bytes) -> None:
    chain_file = parse(data)
    assert [f.code for f in chain_file.findings] == ["chain.file_not_spreadsheet"]
    assert chain_file.rows == []


def test_a_damaged_sheet_is_one_clear_error() -> None:
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(workbook_bytes(GARMENT_LINES)))
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            target.writestr(item, content)
    assert [f.code for f in parse(damaged.getvalue()).findings] == ["chain.file_not_spreadsheet"]


def test_writer_freezes_the_header_and_writes_shares_as_numbers() -> None:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    graph.add_node("EQ", name="=HYPERLINK(1)", country=None, activity="spinning", goods=(), row=None)
    graph.add_edge("EQ", "MILL", share=12.5)
    workbook = openpyxl.load_workbook(io.BytesIO(chain_to_xlsx(graph)))
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "A2"
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == list(COLUMNS)
    assert values[1] == ["WK", "Site WK", "NL", "trading", "Garments", None, None]
    assert values[2][6] == 60 and isinstance(values[2][6], int)
    assert values[4][5:] == ["BD-CMT;TR-CMT", "100;50"]
    assert values[5] == ["EQ", "'=HYPERLINK(1)", "unknown", "spinning", None, "MILL", 12.5]  # defused
    assert sheet["B6"].data_type == "s"
    assert parse(chain_to_xlsx(graph)).rows[-1].name == "=HYPERLINK(1)"  # and restored on reading


def test_xlsx_round_trip_gives_an_equal_graph() -> None:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    again = build_chain(parse(chain_to_xlsx(graph)).rows, reference=REFERENCE)
    assert again.ok
    assert list(again.graph.nodes(data=True)) == list(graph.nodes(data=True))
    assert sorted(again.graph.edges(data="share")) == sorted(graph.edges(data="share"))
    assert again.graph.graph == graph.graph
