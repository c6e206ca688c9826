"""The column mapping: suggestions from header names (English, Dutch, Open Supply Hub), applying a
mapping with the file's row numbers and every problem as a finding, the mapping file, and the property
that a file already in the chain format maps to itself."""

import io
import json

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from chainmap.chain import COLUMNS, ChainRow
from chainmap.chainfile import parse_csv
from chainmap.chainfile.mapping import (
    ColumnMapping,
    ContractorSite,
    SourceTable,
    apply_mapping,
    drop_explained,
    header_fingerprint,
    mapping_from_dict,
    mapping_problems,
    mapping_to_json,
    parse_mapping,
    read_source_table,
    suggest_mapping,
    unmapped_headers,
)
from chainmap.validation import build_chain
from tests.factories.chainfiles import chain_reference, csv_text

REFERENCE = chain_reference()
BRAND_HEADERS = ["Factory Name", "Country", "Address", "Product Type", "Number of Workers"]
OSH_HEADERS = [
    "os_id",
    "contribution_date",
    "name",
    "address",
    "country_code",
    "country_name",
    "lat",
    "lng",
    "sector",
    "contributor (list)",
    "number_of_workers",
    "parent_company",
    "processing_type_facility_type_raw",
    "facility_type",
    "processing_type",
    "product_type",
    "is_closed",
]
OSH_HUMAN_HEADERS = [
    "OS ID",
    "Facility",
    "Address",
    "Country/Region",
    "Sector",
    "Product Type",
    "Number of Workers",
    "Parent Company",
]
CONTRACTOR = ContractorSite("WK", "Werkkleding BV", "NL", "trading")
FLAT = ColumnMapping(
    columns={"name": ("Factory Name",), "country": ("Country",), "goods": ("Product Type",)},
    defaults={"activity": "cut-make-trim", "supplies_to": "WK"},
    contractor=CONTRACTOR,
)


def source(lines: list[list[str]], *, max_rows: int = 100, preview: int | None = None) -> SourceTable:
    return read_source_table(csv_text(lines).encode(), workbook=False, max_rows=max_rows, preview=preview)


def test_a_brand_factory_list_is_suggested_by_its_english_headers() -> None:
    mapping = suggest_mapping(BRAND_HEADERS)
    assert mapping.columns == {
        "name": ("Factory Name",),
        "country": ("Country",),
        "goods": ("Product Type",),
    }
    assert unmapped_headers(BRAND_HEADERS, mapping) == ["Address", "Number of Workers"]


def test_an_open_supply_hub_export_is_suggested_by_its_column_names() -> None:
    mapping = suggest_mapping(OSH_HEADERS)
    assert mapping.columns == {
        "id": ("os_id",),
        "name": ("name",),
        "country": ("country_code",),
        "activity": ("processing_type",),
        "goods": ("product_type",),
    }
    assert mapping.status == "is_closed"
    assert "is_closed" not in unmapped_headers(OSH_HEADERS, mapping)


def test_the_open_supply_hub_download_headers_are_suggested_too() -> None:
    mapping = suggest_mapping(OSH_HUMAN_HEADERS)
    assert mapping.columns == {
        "id": ("OS ID",),
        "name": ("Facility",),
        "country": ("Country/Region",),
        "goods": ("Product Type",),
    }


def test_dutch_headers_are_suggested() -> None:
    headers = [
        "Leveranciersnummer",
        "Bedrijfsnaam",
        "Land",
        "Bewerking",
        "Producten",
        "Levert aan",
        "Provincie",
    ]
    assert suggest_mapping(headers).columns == {
        "id": ("Leveranciersnummer",),
        "name": ("Bedrijfsnaam",),
        "country": ("Land",),
        "activity": ("Bewerking",),
        "goods": ("Producten",),
        "supplies_to": ("Levert aan",),
        "region": ("Provincie",),
    }


def test_the_status_column_of_a_brand_list_is_suggested_in_english_and_dutch() -> None:
    assert suggest_mapping([*BRAND_HEADERS, "Status"]).status == "Status"
    assert suggest_mapping(["Naam", "Land", "Status"]).status == "Status"
    assert suggest_mapping(["Facility Name", "Country", "Facility Status"]).status == "Facility Status"
    assert suggest_mapping(["Is Closed", "Facility Status", "Name"]).status == "Is Closed"
    assert suggest_mapping(BRAND_HEADERS).status == ""


def test_a_supplier_s_own_id_wins_over_the_open_supply_hub_id_and_one_header_serves_one_column() -> None:
    mapping = suggest_mapping(["OS ID", "Supplier ID", "Name", "Country"])
    assert mapping.columns["id"] == ("Supplier ID",)
    assert "OS ID" in unmapped_headers(["OS ID", "Supplier ID", "Name", "Country"], mapping)


def test_a_flat_list_becomes_tier_1_suppliers_of_the_added_contractor_with_the_file_s_rows() -> None:
    lines = [
        BRAND_HEADERS,
        ["Dhaka Apparel Works", "Bangladesh", "Road 1, Dhaka", "Garments", "1200"],
        ["", "", "", "", ""],
        ["Denizli Konfeksiyon", "Turkey", "Denizli", "Garments|Fabric", "300"],
    ]
    chain_file = apply_mapping(source(lines), FLAT)
    assert chain_file.findings == []
    assert chain_file.rows == [
        ChainRow(0, "WK", "Werkkleding BV", "NL", "trading"),
        ChainRow(2, "R2", "Dhaka Apparel Works", "Bangladesh", "cut-make-trim", "Garments", "WK"),
        ChainRow(4, "R4", "Denizli Konfeksiyon", "Turkey", "cut-make-trim", "Garments;Fabric", "WK"),
    ]
    built = build_chain(chain_file.rows, reference=REFERENCE)
    assert built.ok, built.findings
    assert sorted(built.graph.predecessors("WK")) == ["R2", "R4"]


def test_errors_after_mapping_name_the_row_of_the_original_file() -> None:
    lines = [
        BRAND_HEADERS,
        ["Dhaka Apparel Works", "Bangladesh", "", "Garments", ""],
        ["Nowhere", "Atlantis", "", "", ""],
    ]
    built = build_chain(apply_mapping(source(lines), FLAT).rows, reference=REFERENCE)
    errors = [finding for finding in built.findings if finding.blocking]
    assert [(finding.row, finding.column) for finding in errors] == [(3, "country")]


def test_several_source_columns_are_combined_goods_without_repeats() -> None:
    lines = [
        ["Name", "Land", "Product Type", "Sector", "City", "Street"],
        ["A", "NL", "Cotton|Fabric", "Fabric", "Tilburg", "Hoofdstraat 1"],
    ]
    mapping = ColumnMapping(
        columns={"name": ("Name", "City"), "country": ("Land",), "goods": ("Product Type", "Sector")},
        defaults={"activity": "weaving", "supplies_to": "WK"},
    )
    (row,) = apply_mapping(source(lines), mapping).rows
    assert (row.name, row.goods) == ("A Tilburg", "Cotton;Fabric")


def test_defaults_fill_empty_cells_only_and_the_default_customer_never_supplies_itself() -> None:
    lines = [
        ["id", "name", "country", "activity", "customer"],
        ["WK", "Contractor", "NL", "trading", ""],
        ["A", "Site A", "", "", ""],
        ["B", "Site B", "TR", "dyeing", "A"],
    ]
    mapping = ColumnMapping(
        columns={
            "id": ("id",),
            "name": ("name",),
            "country": ("country",),
            "activity": ("activity",),
            "supplies_to": ("customer",),
        },
        defaults={"supplies_to": "WK", "country": "unknown", "activity": "manufacturing", "share": "100"},
    )
    rows = apply_mapping(source(lines), mapping).rows
    assert [(row.id, row.country, row.activity, row.supplies_to, row.share) for row in rows] == [
        ("WK", "NL", "trading", "", "100"),
        ("A", "unknown", "manufacturing", "WK", "100"),
        ("B", "TR", "dyeing", "A", "100"),
    ]


def test_a_mapping_that_cannot_be_applied_says_why_for_each_column_and_makes_no_rows() -> None:
    mapping = ColumnMapping(columns={"name": ("Naam",), "goods": ("Product Type",)}, defaults={"id": "X"})
    chain_file = apply_mapping(source([BRAND_HEADERS, ["A", "NL", "", "", ""]]), mapping)
    assert chain_file.rows == []
    codes = {(finding.code, finding.column) for finding in chain_file.findings}
    assert codes == {
        ("mapping.header_missing", "name"),
        ("mapping.id_default", "id"),
        ("mapping.unmapped_country", "country"),
        ("mapping.unmapped_activity", "activity"),
        ("mapping.unmapped_supplies_to", "supplies_to"),
    }
    assert all(finding.blocking for finding in chain_file.findings)
    assert "“Naam”" in chain_file.findings[0].message("en")


def test_a_mapped_header_the_file_has_twice_is_refused() -> None:
    problems = mapping_problems(FLAT, ["Factory Name", "Country", "Country", "Product Type"])
    assert [(problem.code, problem.column) for problem in problems] == [
        ("mapping.header_repeated", "country")
    ]


def test_a_contractor_without_id_or_name_is_refused() -> None:
    mapping = ColumnMapping(FLAT.columns, FLAT.defaults, ContractorSite(" ", "", "NL", "trading"))
    codes = [problem.code for problem in mapping_problems(mapping, BRAND_HEADERS)]
    assert codes == ["mapping.contractor_id_missing", "mapping.contractor_name_missing"]


def test_the_row_limit_counts_the_added_contractor_and_the_file_limit_refuses_early() -> None:
    lines = [BRAND_HEADERS, *[[f"F{n}", "NL", "", "", ""] for n in range(3)]]
    assert apply_mapping(source(lines), FLAT, max_rows=4).rows
    refused = apply_mapping(source(lines), FLAT, max_rows=3)
    assert (refused.rows, [finding.code for finding in refused.findings]) == (
        [],
        ["chain.file_too_many_rows"],
    )
    too_many = source(lines, max_rows=2)
    assert [finding.code for finding in too_many.findings] == ["chain.file_too_many_rows"]


def test_a_preview_reads_only_the_first_rows() -> None:
    lines = [BRAND_HEADERS, *[[f"F{n}", "NL", "", "", ""] for n in range(50)]]
    preview = source(lines, max_rows=10, preview=5)
    assert (len(preview.rows), preview.complete, preview.findings) == (5, False, [])


def test_a_workbook_is_read_as_a_source_table() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.append(BRAND_HEADERS)
    sheet.append(["Dhaka Apparel Works", "Bangladesh", "Dhaka", "Garments", 1200])
    buffer = io.BytesIO()
    book.save(buffer)
    read = read_source_table(buffer.getvalue(), workbook=True, max_rows=10)
    assert read.headers == tuple(BRAND_HEADERS)
    assert read.rows[0].row == 2 and read.rows[0].cells[-1] == "1200"


def test_a_file_that_is_no_table_gives_the_readers_finding() -> None:
    assert [finding.code for finding in source([]).findings] == ["chain.file_empty"]
    broken = read_source_table(b"PK\x03\x04not a zip", workbook=True, max_rows=10)
    assert broken.rows == [] and broken.findings[0].blocking
    assert apply_mapping(broken, FLAT).findings == broken.findings


def test_the_fingerprint_ignores_order_case_and_spelling_of_separators() -> None:
    assert header_fingerprint(["Factory Name", "Country/Region"]) == header_fingerprint(
        ["country region", "FACTORY_NAME", ""]
    )
    assert header_fingerprint(["Factory Name"]) != header_fingerprint(["Factory Name", "Country"])


def test_a_mapping_file_goes_out_and_back_unchanged() -> None:
    mapping = ColumnMapping(
        columns={"name": ("Factory Name",), "goods": ("Product Type", "Sector")},
        defaults={"activity": "manufacturing", "supplies_to": "WK"},
        contractor=CONTRACTOR,
    )
    data = mapping_to_json(mapping)
    assert json.loads(data)["version"] == 2 and "status" not in json.loads(data)
    read = parse_mapping(data)
    assert (read.mapping, read.findings) == (mapping, [])
    with_status = ColumnMapping(mapping.columns, mapping.defaults, mapping.contractor, status="is_closed")
    data = mapping_to_json(with_status)
    assert json.loads(data)["status"] == "is_closed"
    assert parse_mapping(data).mapping == with_status


def test_a_version_1_mapping_file_without_a_status_column_still_loads() -> None:
    """As `chainmap convert --map` and the saved mappings of organisations have them from before the
    status column."""
    old = (
        b'{"kind": "chainmap column mapping", "version": 1, "columns": {"name": "Factory Name", '
        b'"country": "Country"}, "defaults": {"activity": "cut-make-trim", "supplies_to": "WK"}, '
        b'"contractor": {"id": "WK", "name": "Werkkleding BV", "country": "NL", "activity": "trading"}}'
    )
    read = parse_mapping(old)
    assert read.findings == []
    assert read.mapping == ColumnMapping(
        columns={"name": ("Factory Name",), "country": ("Country",)},
        defaults={"activity": "cut-make-trim", "supplies_to": "WK"},
        contractor=CONTRACTOR,
        status="",
    )


def test_a_mapping_file_of_an_unknown_version_or_with_a_status_that_is_no_text_is_refused() -> None:
    read = mapping_from_dict({"version": 3, "columns": {}, "status": ["is_closed"]})
    assert [finding.code for finding in read.findings] == ["mapping.version", "mapping.status_not_text"]
    assert "1, 2" in read.findings[0].message("en") and "1, 2" in read.findings[0].message("nl")
    assert [f.code for f in mapping_from_dict({"version": True}).findings] == ["mapping.version"]


def test_a_mapping_file_with_mistakes_lists_every_one_as_data() -> None:
    read = mapping_from_dict(
        {
            "version": 7,
            "colums": {},
            "columns": {"naam": "Factory Name", "name": 3, "goods": []},
            "defaults": {"activity": 1},
            "contractor": {"id": "WK", "name": "W", "city": "Tilburg"},
        }
    )
    assert read.mapping is None
    assert [(finding.code, finding.column) for finding in read.findings] == [
        ("mapping.version", None),
        ("mapping.key_unknown", None),
        ("mapping.column_unknown", None),
        ("mapping.source_not_text", "name"),
        ("mapping.source_not_text", "goods"),
        ("mapping.default_not_text", "activity"),
        ("mapping.contractor_key_unknown", None),
    ]
    assert all(finding.message("nl") for finding in read.findings)


def test_a_mapping_file_that_is_not_json_or_too_large_is_refused() -> None:
    assert [f.code for f in parse_mapping(b"\xff{").findings] == ["mapping.file_not_json"]
    assert [f.code for f in parse_mapping(b"[1]").findings] == ["mapping.file_not_object"]
    assert [f.code for f in parse_mapping(b" " * (1024 * 1024 + 1)).findings] == ["mapping.file_too_large"]
    assert [f.code for f in parse_mapping(b'{"version": 1, "contractor": "WK"}').findings] == [
        "mapping.contractor_not_object"
    ]


CELL = st.text(alphabet="abcXYZ 019-éø,.", max_size=8).map(str.strip)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(*[CELL for _ in COLUMNS]), min_size=1, max_size=12), st.permutations(list(COLUMNS)))
def test_a_file_in_the_chain_format_maps_to_itself(cells: list[tuple[str, ...]], order: list[str]) -> None:
    """Whatever the order of its columns, a chain file read through its suggested mapping gives exactly
    the rows the chain reader gives, with the same row numbers."""
    positions = [COLUMNS.index(column) for column in order]
    lines = [order, *[[row[position] for position in positions] for row in cells]]
    data = csv_text(lines).encode()
    direct = parse_csv(data)
    read = read_source_table(data, workbook=False, max_rows=100)
    mapping = suggest_mapping(read.headers)
    assert mapping.columns == {column: (column,) for column in COLUMNS}
    assert apply_mapping(read, mapping).rows == direct.rows


def test_a_header_of_thousands_of_columns_is_refused_and_empty_columns_at_the_right_are_dropped() -> None:
    wide = source([[f"c{n}" for n in range(1000)], ["x"] * 1000])
    assert [finding.code for finding in wide.findings] == ["mapping.too_many_columns"]
    assert "1000" in wide.findings[0].message("en")
    padded = source([["Factory Name", "Country", "", ""], ["A", "NL", "", ""]])
    assert padded.headers == ("Factory Name", "Country")


STATUS_HEADERS = ["Factory Name", "Country", "Product Type", "Status"]
WITH_STATUS = ColumnMapping(FLAT.columns, FLAT.defaults, FLAT.contractor, status="Status")


def test_closed_facilities_are_left_out_with_a_warning_naming_their_rows_in_english_and_dutch() -> None:
    lines = [
        STATUS_HEADERS,
        ["Dhaka Apparel Works", "Bangladesh", "Garments", "Active"],
        ["Old Mill", "India", "Fabric", " CLOSED "],
        ["Denizli Konfeksiyon", "Turkey", "Garments", ""],
        ["Oude Weverij", "Belgium", "Fabric", "gesloten"],
        ["Stopped Ltd", "China", "Garments", "Inactive"],
        ["Tilburg Textiel", "Netherlands", "Fabric", "Actief"],
        ["Vroeger BV", "Germany", "Fabric", "Inactief"],
    ]
    chain_file = apply_mapping(source(lines), WITH_STATUS)
    assert [(row.row, row.name) for row in chain_file.rows] == [
        (0, "Werkkleding BV"),
        (2, "Dhaka Apparel Works"),
        (4, "Denizli Konfeksiyon"),
        (7, "Tilburg Textiel"),
    ]
    (finding,) = chain_file.findings
    assert (finding.code, finding.blocking, finding.row) == ("mapping.closed_left_out", False, None)
    assert finding.message("en") == (
        "4 closed facilities (“Status” says so) are left out of the chain: rows 3, 5–6, 8."
    )
    assert finding.message("nl") == (
        "4 gesloten locaties (volgens “Status”) zijn niet in de keten opgenomen: rijen 3, 5–6, 8."
    )
    assert build_chain(chain_file.rows, reference=REFERENCE).ok


def test_open_supply_hub_s_is_closed_booleans_as_csv_and_excel_write_them() -> None:
    mapping = ColumnMapping(FLAT.columns, FLAT.defaults, FLAT.contractor, status="is_closed")
    lines = [
        ["Factory Name", "Country", "Product Type", "is_closed"],
        ["A", "Bangladesh", "", "False"],
        ["B", "India", "", "True"],
        ["C", "Turkey", "", ""],
        ["D", "China", "", "TRUE"],
        ["E", "Vietnam", "", "0"],
        ["F", "Vietnam", "", "1"],
        ["G", "Vietnam", "", "yes"],
    ]
    chain_file = apply_mapping(source(lines), mapping)
    assert [row.name for row in chain_file.rows] == ["Werkkleding BV", "A", "C", "E"]
    (finding,) = chain_file.findings
    assert (finding.params["count"], finding.params["rows"]) == (4, "3, 5, 7–8")


def test_one_closed_facility_is_named_in_the_singular() -> None:
    lines = [STATUS_HEADERS, ["A", "Bangladesh", "", "Active"], ["B", "India", "", "Closed"]]
    (finding,) = apply_mapping(source(lines), WITH_STATUS).findings
    assert finding.message("en") == "1 closed facility (“Status” says so) is left out of the chain: row 3."
    assert (
        finding.message("nl") == "1 gesloten locatie (volgens “Status”) is niet in de keten opgenomen: rij 3."
    )


def test_many_closed_rows_are_counted_and_the_first_are_listed() -> None:
    lines = [STATUS_HEADERS, ["Open", "Bangladesh", "", ""]]
    lines += [[f"F{n}", "India", "", "closed" if n % 2 else "open"] for n in range(100)]
    (finding,) = apply_mapping(source(lines, max_rows=200), WITH_STATUS).findings
    assert finding.code == "mapping.closed_left_out_more"
    assert finding.params["count"] == 50 and finding.params["rest"] == 20
    assert finding.message("en").startswith("50 closed facilities")
    assert finding.message("en").endswith(
        "rows 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, "
        "36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62 and 20 more."
    )
    assert finding.message("nl").endswith("en nog 20.")


def test_a_status_the_mapping_does_not_understand_keeps_the_row_with_a_warning() -> None:
    lines = [
        STATUS_HEADERS,
        ["A", "Bangladesh", "", "Suspended"],
        ["B", "India", "", "Closed"],
        ["C", "Turkey", "", "active"],
    ]
    chain_file = apply_mapping(source(lines), WITH_STATUS)
    assert [row.name for row in chain_file.rows] == ["Werkkleding BV", "A", "C"]
    unknown = [finding for finding in chain_file.findings if finding.code == "mapping.status_unknown"]
    assert [(finding.row, finding.blocking) for finding in unknown] == [(2, False)]
    assert (
        unknown[0].message("en").startswith("Row 2: the status “Suspended” in “Status” is neither open nor")
    )
    assert unknown[0].message("nl").startswith("Rij 2: de status “Suspended” in “Status” is voor chainmap")
    assert build_chain(chain_file.rows, reference=REFERENCE).ok


def test_a_file_of_closed_facilities_only_is_refused_saying_so() -> None:
    lines = [STATUS_HEADERS, ["A", "Bangladesh", "", "Closed"], ["B", "India", "", "inactive"]]
    chain_file = apply_mapping(source(lines), WITH_STATUS)
    assert chain_file.rows == []
    (finding,) = chain_file.findings
    assert (finding.code, finding.blocking) == ("mapping.all_closed", True)
    assert "Every row of the file (2) is a closed facility" in finding.message("en")
    assert "Elke rij van het bestand (2) is volgens “Status” een gesloten locatie" in finding.message("nl")


def test_a_preview_of_closed_rows_only_does_not_claim_the_whole_file_is_closed() -> None:
    lines = [STATUS_HEADERS, *[[f"F{n}", "India", "", "closed"] for n in range(5)], ["G", "India", "", ""]]
    preview = apply_mapping(source(lines, preview=5), WITH_STATUS)
    assert [finding.code for finding in preview.findings] == ["mapping.all_closed_so_far"]
    assert preview.findings[0].message("en").startswith("The first 5 rows of the file are all closed")


def test_a_site_that_names_a_closed_facility_as_its_customer_is_an_error_naming_both_rows() -> None:
    lines = [
        ["id", "name", "country", "activity", "customer", "is_closed"],
        ["WK", "Contractor", "NL", "trading", "", "False"],
        ["T1", "Closed garment maker", "BD", "cut-make-trim", "WK", "True"],
        ["T2", "Spinner", "TR", "spinning", "T1;WK", "False"],
        ["T3", "Weaver", "TR", "weaving", "T2", "False"],
    ]
    mapping = ColumnMapping(
        columns={
            column: (header,)
            for column, header in (
                ("id", "id"),
                ("name", "name"),
                ("country", "country"),
                ("activity", "activity"),
                ("supplies_to", "customer"),
            )
        },
        status="is_closed",
    )
    chain_file = apply_mapping(source(lines), mapping)
    assert [row.id for row in chain_file.rows] == ["WK", "T2", "T3"]
    errors = [finding for finding in chain_file.findings if finding.blocking]
    assert [(finding.code, finding.row, finding.column) for finding in errors] == [
        ("mapping.customer_closed", 4, "supplies_to")
    ]
    assert (
        errors[0]
        .message("en")
        .startswith('Row 4, column "supplies_to": the customer "T1" is the closed facility of row 3')
    )
    assert (
        errors[0]
        .message("nl")
        .startswith('Rij 4, kolom "supplies_to": de afnemer "T1" is de gesloten locatie van rij 3')
    )
    checked = build_chain(chain_file.rows, reference=REFERENCE).findings
    assert "chain.customer_unknown" in [finding.code for finding in checked]
    combined = drop_explained([*chain_file.findings, *checked])
    assert [finding.code for finding in combined if finding.row == 4] == ["mapping.customer_closed"]


def test_the_default_customer_being_closed_is_named_on_every_row_it_would_be_given() -> None:
    lines = [
        STATUS_HEADERS,
        ["Hub", "Bangladesh", "", "closed"],
        ["A", "India", "", ""],
        ["B", "India", "", ""],
    ]
    mapping = ColumnMapping(
        columns=FLAT.columns, defaults={"activity": "weaving", "supplies_to": "R2"}, status="Status"
    )
    chain_file = apply_mapping(source(lines), mapping)
    closed = [finding for finding in chain_file.findings if finding.code == "mapping.customer_closed"]
    assert [(finding.row, finding.params["closed_row"]) for finding in closed] == [(3, 2), (4, 2)]


def test_a_status_column_the_file_lacks_or_has_twice_is_a_problem_of_the_mapping() -> None:
    missing = mapping_problems(WITH_STATUS, BRAND_HEADERS)
    assert [(problem.code, problem.blocking) for problem in missing] == [("mapping.status_missing", True)]
    assert "“Status”" in missing[0].message("nl")
    repeated = mapping_problems(WITH_STATUS, [*STATUS_HEADERS, "Status"])
    assert [problem.code for problem in repeated] == ["mapping.status_repeated"]
