"""Reading and writing chain files as Excel workbooks."""

import io
import time
import zipfile
import zlib
from collections.abc import Sequence
from datetime import date
from typing import Any

import openpyxl
import pytest

from chainmap.archives import ArchiveLimits
from chainmap.chain import COLUMNS, ChainRow
from chainmap.chainfile import ChainFile, XlsxLimits, chain_to_xlsx, parse_xlsx
from chainmap.chainfile.xlsx_format import MAX_COLUMNS, MAX_HELD_ELEMENTS, cell_text
from chainmap.findings import Severity
from chainmap.validation import build_chain
from tests.factories.chainfiles import GARMENT_LINES, chain_reference, garment_rows
from tests.factories.zipbombs import MEBIBYTE, RawEntry, deflated, measured, repeated_entry, zip_archive

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
    assert values[1] == ["WK", "Site WK", "NL", "trading", "Garments", None, None, None]
    assert values[2][6] == 60 and isinstance(values[2][6], int)
    assert values[4][5:] == ["BD-CMT;TR-CMT", "100;50", None]
    assert values[5] == ["EQ", "'=HYPERLINK(1)", "unknown", "spinning", None, "MILL", 12.5, None]  # defused
    assert sheet["B6"].data_type == "s"
    assert parse(chain_to_xlsx(graph)).rows[-1].name == "=HYPERLINK(1)"  # and restored on reading


def test_xlsx_round_trip_gives_an_equal_graph() -> None:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    again = build_chain(parse(chain_to_xlsx(graph)).rows, reference=REFERENCE)
    assert again.ok
    assert list(again.graph.nodes(data=True)) == list(graph.nodes(data=True))
    assert sorted(again.graph.edges(data="share")) == sorted(graph.edges(data="share"))
    assert again.graph.graph == graph.graph


# What reading may unpack and parse (XlsxLimits, chainmap.archives): the workbooks below are small and
# each tries to make the reader allocate or work far more than its size.
SHEET = "xl/worksheets/sheet1.xml"
SECOND_SHEET = "xl/worksheets/sheet2.xml"
STYLES = "xl/styles.xml"
MANIFEST = "[Content_Types].xml"
SHARED = "xl/sharedStrings.xml"
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet '
    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = b"</sheetData></worksheet>"


def replaced(workbook: bytes, parts: dict[str, bytes]) -> bytes:
    """`workbook` with the parts named in `parts` holding their bytes instead, or added."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, parts.get(info.filename, source.read(info)))
        for name in parts.keys() - set(source.namelist()):
            target.writestr(name, parts[name])
    return buffer.getvalue()


def with_shared_strings(workbook: bytes, strings: bytes) -> bytes:
    """`workbook` with a shared strings part holding `strings` (the <si> elements), in its manifest."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        manifest = archive.read(MANIFEST)
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    table = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + strings + b"</sst>"
    return replaced(workbook, {MANIFEST: manifest.replace(b"</Types>", override), SHARED: table})


def text_row(number: int, *texts: str) -> bytes:
    cells = "".join(f'<c t="inlineStr"><is><t>{text}</t></is></c>' for text in texts)
    return f'<row r="{number}">{cells}</row>'.encode()


def sheet_xml(*rows: bytes, doctype: bytes = b"") -> bytes:
    return SHEET_START.replace(b"{doctype}", doctype) + b"".join(rows) + SHEET_END


HEADER_ROW = text_row(1, "id", "name", "country", "activity", "goods", "supplies_to", "share")
SITE_ROW = text_row(2, "WN", "Werkkleding Nederland BV", "NL", "trading")


def test_openpyxl_parses_with_defusedxml_so_an_entity_refuses_the_workbook() -> None:
    assert openpyxl.DEFUSEDXML is True
    entity = b'<!DOCTYPE worksheet [<!ENTITY name "Werkkleding Nederland BV">]>'
    site = text_row(2, "WN", "&name;", "NL", "trading")
    data = replaced(workbook_bytes([]), {SHEET: sheet_xml(HEADER_ROW, site, doctype=entity)})
    chain_file = parse(data)
    assert [f.code for f in chain_file.findings] == ["chain.file_not_spreadsheet"]
    assert chain_file.rows == []


@pytest.mark.parametrize("prefix", [b"\x00", b"PK\x03\x04", b"#" * 4096])
def test_a_workbook_with_data_in_front_of_it_is_refused(prefix: bytes) -> None:
    data = prefix + workbook_bytes(GARMENT_LINES)
    assert [f.code for f in parse(data).findings] == ["chain.file_not_clean_zip"]


def test_a_workbook_over_its_limits_is_refused_before_it_is_parsed() -> None:
    data = workbook_bytes(GARMENT_LINES)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
    unpacked = sum(entry.file_size for entry in entries)
    # The largest part that is read whole (the theme, larger, is not read at all).
    largest = next(entry.file_size for entry in entries if entry.filename == STYLES)

    def findings(*, unpacked: int, entries: int, whole_part: int) -> list[tuple[str, dict[str, Any]]]:
        limits = XlsxLimits(archive=ArchiveLimits(unpacked=unpacked, entries=entries), whole_part=whole_part)
        return [(f.code, f.params) for f in parse_xlsx(io.BytesIO(data), limits=limits).findings]

    assert findings(unpacked=unpacked, entries=len(entries), whole_part=largest) == []
    assert findings(unpacked=unpacked - 1, entries=len(entries), whole_part=largest) == [
        ("chain.file_unpacks_too_large", {"limit": 0})
    ]
    assert findings(unpacked=unpacked, entries=len(entries) - 1, whole_part=largest) == [
        ("chain.file_too_many_parts", {"limit": len(entries) - 1})
    ]
    assert findings(unpacked=unpacked, entries=len(entries), whole_part=largest - 1) == [
        ("chain.file_part_too_large", {"limit": 0})
    ]


def test_a_part_that_inflates_beyond_its_declared_size_is_read_as_declared() -> None:
    """The styles declare their own size, and then inflate to 256 MiB more: the reader reads the part
    in small chunks, so it inflates what it declares and not much more (ZipFile.read would inflate it
    all, chainmap.archives says why)."""
    workbook = workbook_bytes(GARMENT_LINES)
    entries = []
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == STYLES:
                lying = repeated_entry(STYLES, head=data, block=bytes(MEBIBYTE), repeats=256, tail=b"")
                entries.append(RawEntry(STYLES, lying.packed, len(data), zlib.crc32(data)))
            else:
                entries.append(RawEntry(info.filename, deflated(data), len(data), zlib.crc32(data)))
    chain_file, cost = measured(lambda: parse(zip_archive(entries)))
    assert [row.id for row in chain_file.rows] == [line[0] for line in GARMENT_LINES[1:]]
    assert cost.peak_bytes < 16 * MEBIBYTE


def test_only_the_first_sheet_is_opened() -> None:
    """openpyxl's loading opens every sheet (and follows every external link); the reader opens the
    first sheet only, so a damaged or huge second sheet costs nothing."""
    data = replaced(workbook_bytes(GARMENT_LINES), {SECOND_SHEET: b"<worksheet><sheetData><row"})
    chain_file = parse(data)
    assert chain_file.findings == []
    assert len(chain_file.rows) == len(GARMENT_LINES) - 1


def test_rows_beyond_excels_last_and_cells_beyond_the_last_column_read_are_not_read() -> None:
    far_cell = b'<row r="3"><c r="ZZZ3" t="inlineStr"><is><t>ver weg</t></is></c></row>'
    note_cell = b'<row r="4"><c r="BL4" t="inlineStr"><is><t>notitie</t></is></c></row>'
    far_row = text_row(999_999_999_999, "FAR", "Beyond Excel", "NL", "trading")
    data = replaced(
        workbook_bytes([]), {SHEET: sheet_xml(HEADER_ROW, SITE_ROW, far_cell, note_cell, far_row)}
    )
    started = time.perf_counter()
    chain_file = parse(data)
    assert time.perf_counter() - started < 2  # a million empty rows in between, each read as nothing
    assert [row.id for row in chain_file.rows] == ["WN"]
    assert MAX_COLUMNS == 64  # column BL; ZZZ is column 18,278
    assert [(f.code, f.row) for f in chain_file.findings] == [("chain.cell_beyond_header", 4)]


def part(workbook: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        return archive.read(name)


def test_shared_strings_are_read_from_their_part() -> None:
    site = b'<row r="2"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><t>NL</t></is></c>'
    site += b'<c t="inlineStr"><is><t>trading</t></is></c></row>'
    strings = b"<si><t>WN</t></si><si><r><t>Werkkleding </t></r><r><t>Nederland BV</t></r></si>"
    data = with_shared_strings(replaced(workbook_bytes([]), {SHEET: sheet_xml(HEADER_ROW, site)}), strings)
    chain_file = parse(data)
    assert chain_file.findings == []
    assert [(row.id, row.name) for row in chain_file.rows] == [("WN", "Werkkleding Nederland BV")]


def test_a_row_as_wide_as_excels_widest_is_read() -> None:
    cells = b"".join(b'<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(16_384))
    wide = b'<row r="3">' + cells + b"</row>"
    chain_file = parse(replaced(workbook_bytes([]), {SHEET: sheet_xml(HEADER_ROW, SITE_ROW, wide)}))
    assert [row.id for row in chain_file.rows] == ["WN", "x"]


@pytest.mark.parametrize(
    "sheet",
    [
        sheet_xml(HEADER_ROW, b'<row r="2">' + b"<c><v>1</v></c>" * (MAX_HELD_ELEMENTS + 1) + b"</row>"),
        # The same number of elements outside the rows, which openpyxl keeps to the sheet's end.
        sheet_xml(HEADER_ROW).replace(
            b"<sheetData>", b"<sheetPr/>" * (MAX_HELD_ELEMENTS + 1) + b"<sheetData>"
        ),
    ],
    ids=["one-row", "outside-the-rows"],
)
def test_a_sheet_that_would_have_openpyxl_hold_too_many_elements_at_once_is_refused(sheet: bytes) -> None:
    """A row of a million cells zips to 40 kB and would take openpyxl 400 MB to hand over."""
    data = replaced(workbook_bytes([]), {SHEET: sheet})
    assert len(data) < 100_000
    chain_file, cost = measured(lambda: parse(data))
    assert [(f.code, f.params) for f in chain_file.findings] == [
        ("chain.file_too_many_elements", {"limit": MAX_HELD_ELEMENTS})
    ]
    assert cost.peak_bytes < 4 * MEBIBYTE


def test_a_shared_string_of_too_many_elements_or_with_an_entity_is_refused() -> None:
    runs = b"<si>" + b"<r><t>a</t></r>" * (MAX_HELD_ELEMENTS // 2 + 1) + b"</si>"
    data = with_shared_strings(workbook_bytes(GARMENT_LINES), runs)
    assert [f.code for f in parse(data).findings] == ["chain.file_too_many_elements"]
    laughs = b'<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    data = with_shared_strings(workbook_bytes(GARMENT_LINES), b"<si><t>&b;</t></si>")
    data = replaced(data, {SHARED: laughs + part(data, SHARED)})
    assert [f.code for f in parse(data).findings] == ["chain.file_not_spreadsheet"]
