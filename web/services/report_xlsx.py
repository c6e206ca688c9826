"""The contract report as a workbook: the plan of action (one row per action with its risks, owner, dates,
status and verification) and the prioritised risks, each a sheet with its header row frozen and a filter
on every column, for buyers who sort and count in a spreadsheet.

Every text cell goes through the one escaping of all spreadsheet exports (`chainmap.spreadsheets.defused`)
and is written as text, so an action titled `=HYPERLINK(...)` never runs as a formula; dates are dates and
scores numbers, so that they sort.
"""

import io
from collections.abc import Sequence
from datetime import date
from typing import Final

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from chainmap.spreadsheets import defused
from web.services.contract_report import ContractReport

Cell = str | int | float | date | None
# Excel's limit on a sheet's name.
SHEET_NAME_LENGTH: Final = 31
COLUMN_WIDTH: Final = 18
WIDE_COLUMN: Final = 50


def _sheet(sheet: Worksheet, header: Sequence[str], rows: Sequence[Sequence[Cell]], wide: set[int]) -> None:
    """Fill `sheet`: a bold header row, frozen, a filter over the whole table, text defused."""
    sheet.append([defused(text) for text in header])
    for row in rows:
        sheet.append(
            [
                defused(ILLEGAL_CHARACTERS_RE.sub("", value)) if isinstance(value, str) else value
                for value in row
            ]
        )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text as text, whatever it starts with
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    for index in range(1, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            WIDE_COLUMN if index in wide else COLUMN_WIDTH
        )
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(sheet.max_row, 1)}"


def report_xlsx(report: ContractReport) -> bytes:
    """The workbook of the contract report: the plan of action and the prioritised risks."""
    t, lang = report.text, report.lang
    workbook = openpyxl.Workbook()
    actions = workbook.active
    assert isinstance(actions, Worksheet)  # noqa: S101 - a new workbook's first sheet
    actions.title = t("contract_report.sheet.actions")[:SHEET_NAME_LENGTH]
    _sheet(
        actions,
        [
            t("contract_report.action"),
            t("contract_report.kind"),
            t("contract_report.risks"),
            t("contract_report.owner"),
            t("contract_report.created"),
            t("contract_report.due"),
            t("contract_report.action_status"),
            t("contract_report.verification"),
            t("contract_report.verified_on"),
            t("contract_report.verification_comment"),
        ],
        [
            [
                action.title,
                action.kind,
                "\n".join(action.risks),
                action.owner,
                action.created_on,
                action.due_on,
                action.state,
                action.verification,
                action.verified_on,
                action.verification_comment,
            ]
            for action in report.actions
        ],
        wide={1, 3, 10},
    )
    hotspots = workbook.create_sheet(t("contract_report.sheet.hotspots")[:SHEET_NAME_LENGTH])
    _sheet(
        hotspots,
        [
            t("contract_report.rank"),
            t("contract_report.site_id"),
            t("contract_report.site"),
            t("contract_report.country"),
            t("contract_report.activity"),
            t("contract_report.theme"),
            t("contract_report.level"),
            t("contract_report.residual"),
            t("contract_report.salience"),
            t("contract_report.covered"),
            t("contract_report.reasons"),
        ],
        [
            [
                hotspot.rank,
                hotspot.site_id,
                hotspot.site,
                hotspot.country,
                hotspot.activity,
                hotspot.theme,
                hotspot.level.label(lang),
                hotspot.residual.label(lang),
                round(hotspot.salience, 4),
                t("contract_report.yes" if hotspot.covered else "contract_report.no"),
                "\n".join([*hotspot.reasons, *hotspot.sources]),
            ]
            for hotspot in report.hotspots
        ],
        wide={3, 11},
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
