"""The one escaping of spreadsheet cells: a formula-like cell is defused, and restored when read back."""

import pytest

from chainmap.spreadsheets import defused, restored


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://example.com","x")', "+31 20 123", "-5", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_a_formula_like_cell_gets_an_apostrophe_and_reads_back_as_it_was(cell: str) -> None:
    assert defused(cell) == "'" + cell
    assert restored(defused(cell)) == cell


@pytest.mark.parametrize("cell", ["Dhaka Örme", "", "a=b", "'quoted", "1-2", "'a"])
def test_any_other_cell_stays_as_it_is(cell: str) -> None:
    assert defused(cell) == cell
    assert restored(cell) == cell
