"""The chain template: the .xlsx workbook a supplier fills in and uploads.

The first sheet ("chain", the one the readers read) holds the header row of the chain format, a few example
rows in grey, the header frozen, and drop-down lists on country and activity for TEMPLATE_ROWS rows. The
lists come from a hidden sheet and hold only what the reader takes back: "unknown" and the reference's
countries by name in the workbook's language where the reference resolves that name to the same country
(else by English name), and the activity vocabulary's keys. The drop-downs accept typed values too, so an
ISO code typed by hand stays. A second sheet explains every column in the workbook's language.
"""

import io
import math
from collections.abc import Mapping
from typing import Final

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from chainmap.activities import ACTIVITY_LABELS, activity_label
from chainmap.chain import COLUMNS, UNKNOWN_COUNTRY
from chainmap.chainfile.xlsx_format import SHEET_TITLE
from chainmap.messages import render
from chainmap.reference import ReferenceData
from chainmap.reference.country_names import dutch_country_name
from chainmap.reference.data import normalise_name
from chainmap.themes import Lang

# Rows below the header that get the drop-down lists: the most sites a chain on the web may have.
TEMPLATE_ROWS: Final = 10_000
COLUMN_WIDTHS: Final[Mapping[str, int]] = {
    "id": 14,
    "name": 36,
    "country": 28,
    "activity": 18,
    "goods": 28,
    "supplies_to": 20,
    "share": 12,
    "region": 16,
}
# The instructions sheet: column, required, explanation, example.
INSTRUCTION_WIDTHS: Final = (16, 22, 72, 28)
# Characters of proportional text that fit in a column of width 1, to estimate wrapped lines.
CHARACTERS_PER_WIDTH: Final = 1.1
LINE_HEIGHT: Final = 15.0

_HEADER_FONT: Final = Font(bold=True)
_HEADER_FILL: Final = PatternFill("solid", fgColor="DDE4EE")
_EXAMPLE_FONT: Final = Font(italic=True, color="808080")
_WRAPPED: Final = Alignment(wrap_text=True, vertical="top")

_REQUIRED: Final[Mapping[str, str]] = {
    "id": "template.yes",
    "name": "template.yes",
    "country": "template.yes",
    "activity": "template.yes",
    "goods": "template.no",
    "supplies_to": "template.except_contractor",
    "share": "template.no",
    "region": "template.no",
}
_TOPICS: Final = ("rows", "contractor", "lists", "shares", "unknown", "upload")


def country_choices(reference: ReferenceData, lang: Lang) -> list[tuple[str, str]]:
    """(name, alpha-2) for every reference country, sorted by name: the name in `lang` when the reference
    resolves it to the same country, so that the reader takes back what the drop-down writes; else the
    English name."""
    choices = []
    for country in reference.countries.values():
        name = country.name
        if lang == "nl":
            dutch = dutch_country_name(country.iso2, country.name)
            if reference.resolve_country(dutch) == country.iso2:
                name = dutch
        choices.append((name, country.iso2))
    return sorted(choices, key=lambda choice: (normalise_name(choice[0]), choice[1]))


def chain_template_xlsx(*, reference: ReferenceData, lang: Lang) -> bytes:
    """The chain template workbook in `lang` (see the module docstring)."""
    workbook = openpyxl.Workbook()
    chain = workbook.active
    assert isinstance(chain, Worksheet)  # noqa: S101 - a new workbook has one worksheet
    chain.title = SHEET_TITLE
    instructions = workbook.create_sheet(render("template.sheet_instructions", {}, lang))
    lists = workbook.create_sheet(render("template.sheet_lists", {}, lang))
    countries = country_choices(reference, lang)
    _write_lists(lists, countries, lang)
    country_names = {code: name for name, code in countries}
    _write_chain(chain, _example_rows(country_names, lang), lang, lists=lists, countries=len(countries))
    _write_instructions(instructions, lang, examples=_column_examples(country_names, lang))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _example_rows(country_names: Mapping[str, str], lang: Lang) -> list[list[str]]:
    """A small chain that passes validation: the contractor, a sewing site and a mill in an unknown place."""
    nl, bd = country_names.get("NL", "NL"), country_names.get("BD", "BD")
    return [
        ["WK", render("template.example_contractor", {}, lang), nl, "trading", "Garments", "", "", ""],
        [
            "BD-CMT",
            render("template.example_sewing", {}, lang),
            bd,
            "cut-make-trim",
            "Garments",
            "WK",
            "100",
            "",
        ],
        [
            "MILL",
            render("template.example_mill", {}, lang),
            UNKNOWN_COUNTRY,
            "weaving",
            "Textiles",
            "BD-CMT",
            "100",
            "",
        ],
    ]


def _column_examples(country_names: Mapping[str, str], lang: Lang) -> dict[str, str]:
    return {
        "id": "BD-CMT",
        "name": render("template.example_sewing", {}, lang),
        "country": country_names.get("BD", "BD"),
        "activity": "cut-make-trim",
        "goods": "Garments;Textiles",
        "supplies_to": "WK;TR-CMT",
        "share": "60;40",
        "region": "Xinjiang",
    }


def _write_lists(sheet: Worksheet, countries: list[tuple[str, str]], lang: Lang) -> None:
    """Countries (A, with their codes in B) and activities (D, with their meaning in E), under a header."""
    sheet.sheet_state = "hidden"
    headers = ("template.list_countries", "template.list_codes", None, "template.list_activities")
    for position, key in enumerate((*headers, "template.list_activity_labels"), start=1):
        if key is not None:
            sheet.cell(1, position, render(key, {}, lang)).font = _HEADER_FONT
    for number, (name, code) in enumerate([(UNKNOWN_COUNTRY, ""), *countries], start=2):
        sheet.cell(number, 1, name)
        sheet.cell(number, 2, code)
    for number, activity in enumerate(ACTIVITY_LABELS, start=2):
        sheet.cell(number, 4, activity)
        sheet.cell(number, 5, activity_label(activity, lang))
    for letter, width in zip("ABCDE", (36, 10, 4, 18, 18), strict=True):
        sheet.column_dimensions[letter].width = width


def _letter(column: str) -> str:
    return get_column_letter(COLUMNS.index(column) + 1)


def _list_validation(
    *, source: str, column: str, title_key: str, prompt_key: str, lang: Lang
) -> DataValidation:
    """A drop-down list from `source` on the column's data rows that accepts typed values as well."""
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=False,
        showInputMessage=True,
        promptTitle=render(title_key, {}, lang),
        prompt=render(prompt_key, {}, lang),
    )
    letter = _letter(column)
    validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    return validation


def _write_chain(
    sheet: Worksheet, examples: list[list[str]], lang: Lang, *, lists: Worksheet, countries: int
) -> None:
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for example in examples:
        sheet.append(example)
        for cell in sheet[sheet.max_row]:
            cell.font = _EXAMPLE_FONT
            cell.data_type = "s"
    sheet.freeze_panes = "A2"
    for column, width in COLUMN_WIDTHS.items():
        sheet.column_dimensions[_letter(column)].width = width
    title = quote_sheetname(lists.title)
    sheet.add_data_validation(
        _list_validation(
            source=f"{title}!$A$2:$A${countries + 2}",
            column="country",
            title_key="template.country_prompt_title",
            prompt_key="template.country_prompt",
            lang=lang,
        )
    )
    sheet.add_data_validation(
        _list_validation(
            source=f"{title}!$D$2:$D${len(ACTIVITY_LABELS) + 1}",
            column="activity",
            title_key="template.activity_prompt_title",
            prompt_key="template.activity_prompt",
            lang=lang,
        )
    )


def _height(text: str, width: float) -> float:
    """The height of a row whose cell of `width` wraps `text`, estimated (Excel does not fit it itself)."""
    lines = max(1, math.ceil(len(text) / (width * CHARACTERS_PER_WIDTH)))
    return lines * LINE_HEIGHT


def _write_instructions(sheet: Worksheet, lang: Lang, *, examples: Mapping[str, str]) -> None:
    """Topics first (label in A, text across B:D), then one row per column of the chain sheet."""
    for letter, width in zip("ABCD", INSTRUCTION_WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append([render("template.title", {}, lang)])
    sheet["A1"].font = Font(bold=True, size=14)
    text_width = sum(INSTRUCTION_WIDTHS[1:])
    activities = ", ".join(
        activity if lang == "en" else f"{activity} ({activity_label(activity, lang)})"
        for activity in ACTIVITY_LABELS
    )
    topics = [
        (render(f"template.topic_{topic}", {}, lang), render(f"template.{topic}", {}, lang))
        for topic in _TOPICS
    ]
    topics.append((render("template.topic_activities", {}, lang), activities))
    for label, text in topics:
        sheet.append([])
        sheet.append([label, text])
        row = sheet.max_row
        sheet.cell(row, 1).font = _HEADER_FONT
        sheet.cell(row, 1).alignment = _WRAPPED
        sheet.cell(row, 2).alignment = _WRAPPED
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        sheet.row_dimensions[row].height = _height(text, text_width)
    sheet.append([])
    headings = ("column", "required", "explanation", "example")
    sheet.append([render(f"template.heading_{heading}", {}, lang) for heading in headings])
    for cell in sheet[sheet.max_row]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for column in COLUMNS:
        explanation = render(f"template.column_{column}", {}, lang)
        sheet.append([column, render(_REQUIRED[column], {}, lang), explanation, examples[column]])
        row = sheet.max_row
        for cell in sheet[row]:
            cell.alignment = _WRAPPED
        sheet.cell(row, 1).font = _HEADER_FONT
        sheet.row_dimensions[row].height = _height(explanation, INSTRUCTION_WIDTHS[2])
