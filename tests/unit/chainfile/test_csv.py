"""Reading and writing chain files as CSV: plain CSV, Dutch Excel CSV, and broken files."""

import codecs

import pytest

from chainmap.chain import ChainRow
from chainmap.chainfile import ChainFile, chain_to_csv, parse_csv
from chainmap.findings import Severity
from chainmap.validation import build_chain
from tests.factories.chainfiles import GARMENT_LINES, chain_reference, csv_text, garment_rows

REFERENCE = chain_reference()


def codes(chain_file: ChainFile) -> list[str]:
    return [finding.code for finding in chain_file.findings]


def test_plain_comma_csv_reads_every_row_as_written() -> None:
    chain_file = parse_csv(csv_text(GARMENT_LINES).encode("utf-8"))
    assert chain_file.findings == []
    assert chain_file.rows[0] == ChainRow(2, "WK", "Werkkleding BV", "NL", "trading", "Garments", "", "")
    assert chain_file.rows[3] == ChainRow(
        5, "MILL", "Bursa Örme", "TR", "weaving", "Fabric;Cotton", "BD-CMT;TR-CMT", "100;50,5"
    )
    built = build_chain(chain_file.rows, reference=REFERENCE)
    assert built.ok and built.graph.edges["MILL", "TR-CMT"]["share"] == 50.5


def test_dutch_excel_csv_with_semicolons_and_byte_order_mark() -> None:
    data = codecs.BOM_UTF8 + csv_text(GARMENT_LINES, delimiter=";").encode("utf-8")
    chain_file = parse_csv(data)
    assert chain_file.findings == []
    assert [row.id for row in chain_file.rows] == ["WK", "BD-CMT", "TR-CMT", "MILL"]
    assert chain_file.rows[3].name == "Bursa Örme"


def test_dutch_excel_csv_in_windows_1252_with_accented_country_names() -> None:
    lines = [
        *GARMENT_LINES,
        ["CI-FARM", "Coopérative du Sud", "Côte d'Ivoire", "farming", "Cotton", "MILL", ""],
    ]
    data = csv_text(lines, delimiter=";").encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    chain_file = parse_csv(data)
    assert chain_file.findings == []
    assert chain_file.rows[-1].country == "Côte d'Ivoire"
    assert chain_file.rows[-1].name == "Coopérative du Sud"
    built = build_chain(chain_file.rows, reference=REFERENCE)
    assert built.ok and built.graph.nodes["CI-FARM"]["country"] == "CI"


def test_tab_separated_and_utf16_text_as_excel_saves_unicode_text() -> None:
    data = csv_text(GARMENT_LINES, delimiter="\t").encode("utf-16")
    chain_file = parse_csv(data)
    assert chain_file.findings == []
    assert chain_file.rows[3].goods == "Fabric;Cotton"


def test_blank_lines_before_the_header_do_not_hide_its_delimiter() -> None:
    chain_file = parse_csv(("\r\n  \r\n" + csv_text(GARMENT_LINES, delimiter=";")).encode())
    assert chain_file.findings == []
    assert [row.row for row in chain_file.rows] == [4, 5, 6, 7]


def test_separator_hint_line_sets_the_delimiter_and_is_not_a_row() -> None:
    data = ("sep=;\r\n" + csv_text(GARMENT_LINES, delimiter=";")).encode("utf-8")
    chain_file = parse_csv(data)
    assert chain_file.findings == []
    assert chain_file.rows[0].row == 2 and chain_file.rows[0].id == "WK"


def test_header_names_are_matched_loosely_and_in_dutch() -> None:
    header = ["ID", " Naam ", "LAND", "Activiteit", "goederen", "Supplies to", "aandeel"]
    chain_file = parse_csv(csv_text([header, *GARMENT_LINES[1:]]).encode())
    assert chain_file.findings == []
    assert chain_file.rows[1].supplies_to == "WK" and chain_file.rows[1].share == "60"


@pytest.mark.parametrize("name", ["share (%)", "Share %", "aandeel (%)", "% share"])
def test_a_percent_sign_in_the_share_header_is_a_unit(name: str) -> None:
    chain_file = parse_csv(csv_text([[*GARMENT_LINES[0][:-1], name], *GARMENT_LINES[1:]]).encode())
    assert chain_file.findings == []
    assert chain_file.rows[1].share == "60"


def test_a_value_beyond_the_header_is_an_error_naming_the_row() -> None:
    """An unquoted decimal comma in comma CSV splits the share in two: "60,5" must not read as 60."""
    lines = [*GARMENT_LINES[:2], [*GARMENT_LINES[2][:-1], "60", "5"], *GARMENT_LINES[3:]]
    chain_file = parse_csv(csv_text(lines).encode())
    [finding] = chain_file.findings
    assert (finding.code, finding.severity, finding.row) == ("chain.cell_beyond_header", Severity.ERROR, 3)
    assert finding.message("en").startswith(
        'Row 3 has a value ("5") to the right of the last of the 7 columns'
    )
    assert "Rij 3" in finding.message("nl")


def test_empty_cells_beyond_the_header_are_no_problem() -> None:
    lines = [GARMENT_LINES[0], *[[*line, "", ""] for line in GARMENT_LINES[1:]]]
    assert parse_csv(csv_text(lines, delimiter=";").encode()).findings == []


def test_columns_may_come_in_any_order_and_optional_ones_may_be_absent() -> None:
    lines = [["supplies_to", "activity", "country", "name", "id"], ["", "trading", "NL", "Werkkleding", "WK"]]
    chain_file = parse_csv(csv_text(lines).encode())
    assert chain_file.findings == []
    assert chain_file.rows == [ChainRow(2, "WK", "Werkkleding", "NL", "trading")]


def test_extra_columns_are_a_warning_and_ignored() -> None:
    lines = [[*GARMENT_LINES[0], "remarks", ""], *[[*line, "note", ""] for line in GARMENT_LINES[1:]]]
    chain_file = parse_csv(csv_text(lines).encode())
    (finding,) = chain_file.findings
    assert (finding.code, finding.severity) == ("chain.column_ignored", Severity.WARNING)
    assert finding.message() == 'The column "remarks" is not part of the chain format and is ignored.'
    assert len(chain_file.rows) == 4


@pytest.mark.parametrize("column", ["id", "name", "country", "activity", "supplies_to"])
def test_a_missing_required_column_refuses_the_file(column: str) -> None:
    position = GARMENT_LINES[0].index(column)
    lines = [[cell for i, cell in enumerate(line) if i != position] for line in GARMENT_LINES]
    chain_file = parse_csv(csv_text(lines).encode())
    assert codes(chain_file) == ["chain.column_missing"]
    assert chain_file.findings[0].params == {"column": column}
    assert chain_file.rows == []


def test_a_repeated_column_refuses_the_file() -> None:
    lines = [[*GARMENT_LINES[0], "Country"], *[[*line, "NL"] for line in GARMENT_LINES[1:]]]
    chain_file = parse_csv(csv_text(lines).encode())
    assert codes(chain_file) == ["chain.column_repeated"]


def test_blank_rows_are_skipped_but_row_numbers_stay_those_of_the_spreadsheet() -> None:
    lines = [GARMENT_LINES[0], GARMENT_LINES[1], [""] * 7, [], GARMENT_LINES[2]]
    chain_file = parse_csv(csv_text(lines, delimiter=";").encode())
    assert [(row.row, row.id) for row in chain_file.rows] == [(2, "WK"), (5, "BD-CMT")]


def test_quoted_cells_may_hold_delimiters_and_line_breaks() -> None:
    text = (
        'id,name,country,activity,supplies_to\r\nWK,"Werk, kleding\nBV",NL,trading,\r\n'
        'A,"Aksu ""Huafu""",CN,spinning,WK\r\n'
    )
    chain_file = parse_csv(text.encode())
    assert [row.name for row in chain_file.rows] == ["Werk, kleding\nBV", 'Aksu "Huafu"']
    assert [row.row for row in chain_file.rows] == [2, 3]


def test_cells_are_stripped() -> None:
    lines = [GARMENT_LINES[0], ["  WK ", " Werkkleding ", " NL", "trading ", "", "  ", ""]]
    (row,) = parse_csv(csv_text(lines).encode()).rows
    assert (row.id, row.name, row.country, row.activity, row.supplies_to) == (
        "WK",
        "Werkkleding",
        "NL",
        "trading",
        "",
    )


@pytest.mark.parametrize("data", [b"", b"   \r\n  ", codecs.BOM_UTF8, b";;;;\r\n;;;\r\n"])
def test_an_empty_file_is_one_clear_error(data: bytes) -> None:
    chain_file = parse_csv(data)
    assert codes(chain_file) == ["chain.file_empty"]
    assert chain_file.findings[0].severity is Severity.ERROR


def test_a_header_without_rows_has_no_rows_and_validation_says_so() -> None:
    chain_file = parse_csv(csv_text(GARMENT_LINES[:1]).encode())
    assert chain_file == ChainFile([], [])
    assert [f.code for f in build_chain(chain_file.rows, reference=REFERENCE).findings] == [
        "chain.chain_empty"
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",  # a workbook renamed to .csv
        b"id,name\x81\x8d,country\r\n",  # bytes that are neither UTF-8 nor Windows-1252
        "id,name\x00,country".encode("utf-16-le"),
    ],
)
def test_a_file_that_is_not_text_is_one_clear_error(data: bytes) -> None:
    assert codes(parse_csv(data)) == ["chain.file_not_text"]


def test_an_unclosed_quote_names_the_row_where_it_starts() -> None:
    text = csv_text(GARMENT_LINES[:3]) + 'X,"Unclosed name,NL,trading,,WK,\r\nY,Other,NL,trading,,WK,\r\n'
    chain_file = parse_csv(text.encode())
    assert codes(chain_file) == ["chain.file_not_csv"]
    assert chain_file.findings[0].params == {"row": 4}
    assert "Row 4" in chain_file.findings[0].message()


def test_writer_produces_dutch_excel_csv() -> None:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    graph.add_node("UNK", name="Unknown mill; Turkey", country=None, activity="spinning", goods=(), row=None)
    graph.add_edge("UNK", "MILL", share=12.5)
    data = chain_to_csv(graph)
    assert data.startswith(codecs.BOM_UTF8)
    lines = data[3:].decode("utf-8").split("\r\n")
    assert lines[0] == "id;name;country;activity;goods;supplies_to;share;region"
    assert lines[1] == "WK;Site WK;NL;trading;Garments;;;"
    assert lines[4] == 'MILL;Site MILL;TR;weaving;Fabric;"BD-CMT;TR-CMT";"100;50";'
    assert lines[5] == 'UNK;"Unknown mill; Turkey";unknown;spinning;;MILL;12,5;'
    assert lines[6] == ""


def test_writer_keeps_an_unknown_share_in_its_place() -> None:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    graph.edges["MILL", "BD-CMT"]["share"] = None
    line = chain_to_csv(graph).decode("utf-8-sig").split("\r\n")[4]
    assert line.endswith(';"BD-CMT;TR-CMT";";50";')
    rows = parse_csv(chain_to_csv(graph)).rows
    rebuilt = build_chain(rows, reference=REFERENCE).graph
    assert rebuilt.edges["MILL", "BD-CMT"]["share"] is None
    assert rebuilt.edges["MILL", "TR-CMT"]["share"] == 50.0


def test_csv_round_trip_gives_an_equal_graph() -> None:
    graph = build_chain(parse_csv(csv_text(GARMENT_LINES).encode()).rows, reference=REFERENCE).graph
    again = build_chain(parse_csv(chain_to_csv(graph)).rows, reference=REFERENCE)
    assert again.ok
    assert list(again.graph.nodes(data=True)) == list(graph.nodes(data=True))
    assert sorted(again.graph.edges(data="share")) == sorted(graph.edges(data="share"))
    assert again.graph.graph == graph.graph


def test_writer_defuses_cells_excel_would_run_as_formulas_and_the_reader_restores_them() -> None:
    graph = build_chain(garment_rows(), reference=chain_reference()).graph
    graph.nodes["WK"]["name"] = '=HYPERLINK("http://example.invalid","klik")'
    graph.nodes["MILL"]["name"] = "-Mill"
    data = chain_to_csv(graph)
    assert "'=HYPERLINK(" in data.decode("utf-8-sig") and ";'-Mill;" in data.decode("utf-8-sig")
    rows = {row.id: row for row in parse_csv(data).rows}
    assert rows["WK"].name == '=HYPERLINK("http://example.invalid","klik")'
    assert rows["MILL"].name == "-Mill"
