"""The contract report's PDF laid out from a report made by hand: a long table of prioritised risks over
many pages keeps every row and breaks each distinct text into lines once, instead of every cell again on
every page (the contract report of a 2,000-site chain took 8 s that way, against a 5 s target)."""

import io
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, Final

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, SimpleDocTemplate

from chainmap.themes import Level
from web.services.contract_report import ContractReport, ReportHotspot
from web.services.report_pdf import _table, report_pdf

ROWS: Final = 400
# Four texts of reasons and sources, each too long for one line of its column, shared by the rows as the
# rows of one country and good share them.
REASONS: Final = tuple(
    f"Garments from country {number} are on the US DOL list for forced labour and child labour (2024). "
    "Other goods from the same country are on the list for forced labour: cotton, thread/yarn and "
    "fabric (3 in all, 2024).\nU.S. Department of Labor, ILAB, List of Goods Produced by Child Labor or "
    "Forced Labor (2024)"
    for number in range(4)
)


def hotspot(rank: int) -> ReportHotspot:
    return ReportHotspot(
        rank=rank,
        site_id=f"S{rank}",
        site=f"Site {rank}",
        country="Bangladesh",
        activity="cut-make-trim",
        theme="freedom of association and collective bargaining",  # wider than its column
        level=Level.VERY_HIGH,
        residual=Level.HIGH,
        salience=0.01,
        covered=rank % 2 == 0,
        reasons=(REASONS[rank % len(REASONS)],),
        sources=(),
    )


def report(rows: int) -> ContractReport:
    """A report whose prioritised risks run over many pages, without a chain, plan or history."""
    return ContractReport(
        lang="en",
        made_on=date(2028, 3, 1),
        title="Workwear",
        reference="WK-2028-01",
        buyer="Municipality of Testdorp",
        supplier="Supplier Ltd",
        start=date(2027, 1, 1),
        end=date(2030, 12, 31),
        schedule="yearly",
        status="active",
        chain=None,
        invalid_version=None,
        hotspots=tuple(hotspot(rank) for rank in range(1, rows + 1)),
        uncovered=(),
        coverage_share=1.0,
        reduced=0,
        plan_status=None,
        actions=(),
        progress=(),
        escalation=(),
    )


def pdf_text(content: bytes) -> tuple[int, str]:
    """The number of pages and the text of a PDF, white space as single spaces."""
    pages = PdfReader(io.BytesIO(content)).pages
    return len(pages), re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in pages))


def test_a_long_table_breaks_each_distinct_text_into_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    breaks = 0
    break_lines: Callable[..., Any] = Paragraph.breakLines

    def counted(paragraph: Paragraph, *args: Any, **kwargs: Any) -> Any:
        nonlocal breaks
        breaks += 1
        return break_lines(paragraph, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    pages, text = pdf_text(report_pdf(report(ROWS)))
    assert pages > 20  # the table runs over many pages, splitting at each
    # At most the rank of each row (wider than its narrow column from two digits on, so a paragraph of its
    # own), one paragraph for each of the four reasons, one for the theme and the text above the table.
    # Each of the 3,200 cells was once a paragraph broken into lines three or four times (about 10,000).
    assert breaks < ROWS + 40, breaks
    for rank in (1, ROWS // 2, ROWS):
        assert f"Site {rank} (S{rank}) cut-make-trim Bangladesh freedom of association" in text
    assert text.count("forced labour and child labour (2024)") == ROWS


def test_a_cell_that_fits_its_column_and_one_that_does_not_read_alike() -> None:
    _, text = pdf_text(report_pdf(report(3)))
    assert "very high high yes" in text  # short cells, written as they are
    assert re.sub(r"\s+", " ", REASONS[1]) in text  # a long one, broken into lines, every word kept


def test_a_form_s_line_breaks_and_tabs_in_a_short_cell_read_as_a_paragraph_reads_them() -> None:
    # Browsers send a text area's line breaks as "\r\n"; drawn as a string, "\r" and a tab showed as a
    # missing glyph at the end of every line of a comment that fits its column.
    table = _table(["Comment"], [["Line one\r\nLine two"], ["a\tb"]], (0.4,))
    pdf = io.BytesIO()
    SimpleDocTemplate(pdf).build([table])
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.getvalue())).pages)
    assert "\x00" not in text and "\r" not in text
    assert text.strip().split("\n") == ["Comment", "Line one", "Line two", "a b"]


def test_reportlab_s_named_colours_are_ready_before_any_request_draws_a_pdf() -> None:
    # Filled lazily, the table was published empty and read half made by a second thread (a 500 when
    # two workers' first PDFs were drawn at once); importing the report module fills it.
    probe = (
        "import reportlab.lib.colors as colours, web.services.report_pdf;"
        "print(colours._namedColors is not None and 'black' in colours._namedColors)"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert output == "True\n"
