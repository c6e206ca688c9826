"""The chain template workbook: the chain sheet the readers read, its drop-down lists, which hold only
values the reader takes back, and the instructions in Dutch and English."""

import io
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from chainmap.activities import ACTIVITIES, ACTIVITY_LABELS, normalise_activity
from chainmap.chain import COLUMNS
from chainmap.chainfile import chain_template_xlsx, parse_xlsx
from chainmap.chainfile.template import TEMPLATE_ROWS, country_choices
from chainmap.reference import load_reference
from chainmap.themes import Lang
from chainmap.validation import build_chain
from tests.factories.chainfiles import chain_reference

REFERENCE = load_reference()


def workbook(lang: Lang, reference: Any = REFERENCE) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(chain_template_xlsx(reference=reference, lang=lang)))


def sheet(book: openpyxl.Workbook, index: int) -> Worksheet:
    found = book.worksheets[index]
    assert isinstance(found, Worksheet)
    return found


def validations(chain: Worksheet) -> dict[str, DataValidation]:
    """The chain sheet's data validations by the first cell they cover ("C2")."""
    return {
        str(validation.sqref).split(":")[0]: validation
        for validation in chain.data_validations.dataValidation
    }


def list_values(book: openpyxl.Workbook, validation: DataValidation) -> list[str]:
    """The values a list validation offers, read from the sheet and range its formula names."""
    assert validation.type == "list" and validation.formula1 is not None
    title, cells = validation.formula1.rsplit("!", 1)
    lists = book[title.strip("'")]
    return [str(row[0].value) for row in lists[cells.replace("$", "")]]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_chain_sheet_comes_first_with_the_header_and_example_rows_that_pass(lang: Lang) -> None:
    book = workbook(lang)
    chain = sheet(book, 0)
    assert chain.title == "chain"
    assert [cell.value for cell in chain[1]] == list(COLUMNS)
    assert chain.freeze_panes == "A2"
    assert all(chain.column_dimensions[letter].width >= 10 for letter in "ABCDEFG")
    data = chain_template_xlsx(reference=REFERENCE, lang=lang)
    chain_file = parse_xlsx(io.BytesIO(data))
    assert chain_file.findings == []
    assert [row.id for row in chain_file.rows] == ["WK", "BD-CMT", "MILL"]
    built = build_chain(chain_file.rows, reference=REFERENCE)
    assert built.findings == []
    assert built.graph.graph["contractor"] == "WK"
    assert [built.graph.nodes[node]["country"] for node in ("WK", "BD-CMT", "MILL")] == ["NL", "BD", None]
    assert chain_file.rows[0].country == ("Nederland" if lang == "nl" else "Netherlands")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_country_and_activity_have_drop_down_lists_from_a_hidden_sheet(lang: Lang) -> None:
    book = workbook(lang)
    chain, lists = sheet(book, 0), sheet(book, 2)
    assert lists.sheet_state == "hidden"
    found = validations(chain)
    country, activity = found["C2"], found["D2"]
    assert str(country.sqref) == f"C2:C{TEMPLATE_ROWS + 1}"
    assert str(activity.sqref) == f"D2:D{TEMPLATE_ROWS + 1}"
    assert len(found) == 2
    for validation in (country, activity):
        assert validation.showErrorMessage is False  # a typed ISO code or another activity stays
        assert validation.showInputMessage and validation.prompt
    countries = list_values(book, country)
    assert countries[0] == "unknown"
    assert len(countries) == len(REFERENCE.countries) + 1
    assert list_values(book, activity) == list(ACTIVITY_LABELS)
    assert ("Duitsland" in countries) is (lang == "nl")
    assert ("Germany" in countries) is (lang == "en")


@pytest.mark.parametrize(
    ("lang", "first", "last"),
    [
        ("nl", ["Afghanistan", "Ålandseilanden", "Albanië"], "Zwitserland"),
        ("en", ["Afghanistan", "Åland Islands", "Albania"], "Zimbabwe"),
    ],
)
def test_every_country_in_the_list_is_read_back_as_its_own_code(
    lang: Lang, first: list[str], last: str
) -> None:
    choices = country_choices(REFERENCE, lang)
    assert {code for _, code in choices} == set(REFERENCE.countries)
    for name, code in choices:
        assert REFERENCE.resolve_country(name) == code, name
    names = [name for name, _ in choices]
    assert names[:3] == first and names[-1] == last  # sorted as a reader expects, Å among the A's


def test_a_dutch_name_the_reference_does_not_know_falls_back_to_the_english_name() -> None:
    reference = chain_reference()  # no Dutch aliases
    assert ("Netherlands", "NL") in country_choices(reference, "nl")
    data = chain_template_xlsx(reference=reference, lang="nl")
    chain_file = parse_xlsx(io.BytesIO(data))
    assert chain_file.rows[0].country == "Netherlands"
    assert all(
        finding.code.startswith("chain.goods")
        for finding in build_chain(chain_file.rows, reference=reference).findings
    )


@pytest.mark.parametrize(
    ("lang", "dutch", "german"), [("nl", "Nederland", "Duitsland"), ("en", "Netherlands", "Germany")]
)
def test_a_template_filled_in_from_its_lists_reads_back_as_a_valid_chain(
    lang: Lang, dutch: str, german: str
) -> None:
    book = workbook(lang)
    chain = sheet(book, 0)
    found = validations(chain)
    countries, activities = list_values(book, found["C2"]), list_values(book, found["D2"])
    filled = [
        ["ZORG", "Zorgkleding BV", dutch, "trading", "Garments", "", ""],
        ["DE-1", "Strickerei", german, "knitting", "Garments", "ZORG", "100"],
        ["X-1", "Spinnerei", "unknown", "spinning", "Cotton", "DE-1", "100"],
    ]
    assert all(row[2] in countries and row[3] in activities for row in filled)
    chain.delete_rows(2, chain.max_row)
    for row in filled:
        chain.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    chain_file = parse_xlsx(io.BytesIO(buffer.getvalue()))
    assert chain_file.findings == []
    built = build_chain(chain_file.rows, reference=REFERENCE)
    assert built.findings == []
    assert [built.graph.nodes[node]["country"] for node in ("ZORG", "DE-1", "X-1")] == ["NL", "DE", None]
    assert built.graph.nodes["DE-1"]["activity"] == "knitting"


def test_every_activity_in_the_list_is_a_vocabulary_key() -> None:
    book = workbook("nl")
    values = list_values(book, validations(sheet(book, 0))["D2"])
    assert set(values) == ACTIVITIES
    assert all(normalise_activity(value) == value for value in values)


@pytest.mark.parametrize(
    ("lang", "title", "phrases"),
    [
        ("nl", "instructies", ["Ketensjabloon", "opdrachtnemer", "puntkomma", "unknown", "weaving (weven)"]),
        ("en", "instructions", ["Chain template", "contractor", "semicolon", "unknown", "percentage"]),
    ],
)
def test_the_instructions_explain_every_column_in_the_language(
    lang: Lang, title: str, phrases: list[str]
) -> None:
    instructions = sheet(workbook(lang), 1)
    assert instructions.title == title
    texts = [str(cell.value) for row in instructions.iter_rows() for cell in row if cell.value is not None]
    text = "\n".join(texts)
    for phrase in phrases:
        assert phrase in text, phrase
    assert ("(weven)" in text) is (lang == "nl")  # activities with their Dutch meaning on Dutch pages
    column_rows = [row for row in instructions.iter_rows(values_only=True) if row[0] in COLUMNS]
    assert [row[0] for row in column_rows] == list(COLUMNS)
    assert all(row[1] and row[2] and row[3] for row in column_rows)
    other = "en" if lang == "nl" else "nl"
    other_texts = {
        str(cell.value) for row in sheet(workbook(other), 1).iter_rows() for cell in row if cell.value
    }
    assert not {text for text in texts if len(text) > 40} & other_texts
