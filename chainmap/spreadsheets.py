"""Cells of every spreadsheet the app writes (chain files as CSV and XLSX, the contract report's
workbook): a cell never runs as a formula.

Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` (and, after a tab or
carriage return, the same) as a formula, so a site name like `=HYPERLINK("http://…","x")` would run when
the file is opened ("CSV injection"). `defused` puts an apostrophe before such a cell, which a spreadsheet
shows as text; `restored` takes it off again when one of our own files is read back, so a chain file
downloaded and uploaded again keeps its text. Only a value that itself starts with an apostrophe and one
of these signs loses the apostrophe on the way back.
"""

from typing import Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
DEFUSED_STARTS: Final = tuple(f"'{start}" for start in FORMULA_STARTS)


def defused(cell: str) -> str:
    """The cell as a spreadsheet export writes it: never read as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def restored(cell: str) -> str:
    """The cell as it was before `defused`."""
    return cell[1:] if cell.startswith(DEFUSED_STARTS) else cell
