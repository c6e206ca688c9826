"""The contract report and the public summary as PDF, made with reportlab's Platypus (paragraphs and
tables that flow over pages) and its graphics (the risk graph as lines and circles), so that the text in
the PDF is real text: searchable, and extractable by tools such as pdftotext.

The text is set in DejaVu Sans, embedded, when the system has it (Debian's fonts-dejavu-core, which
fontconfig brings along): it covers Latin Extended, Greek and Cyrillic, so the names of sites in Turkey,
Vietnam or Poland print as written. Without it the text falls back to Helvetica, one of the PDF standard
fonts, which covers Western European text (ë, é, ü, €, –) only; other characters then show as a box.
Chinese needs a CJK font that neither has. User text is escaped before it reaches Platypus' markup.
"""

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from chainmap.themes import Lang, Level
from web.formatting import date_text, number_text
from web.messages import web_text
from web.services.contract_report import ContractReport
from web.services.public_summary import PublicSummary
from web.services.review import VersionAnalysis

PAGE: Final = landscape(A4)
MARGIN: Final = 15 * mm
WIDTH: Final = PAGE[0] - 2 * MARGIN
GRAPH_HEIGHT: Final = 110 * mm
# The colours of the review page's graph (web/static/app.css), by level.
LEVEL_COLOURS: Final[dict[Level, colors.Color]] = {
    Level.NONE_KNOWN: colors.HexColor("#c3cad3"),
    Level.LOW: colors.HexColor("#7cc48a"),
    Level.MEDIUM: colors.HexColor("#f4d35e"),
    Level.HIGH: colors.HexColor("#f28c38"),
    Level.VERY_HIGH: colors.HexColor("#c62828"),
}
LINK_COLOUR: Final = colors.HexColor("#9aa5b1")
HEADER_COLOUR: Final = colors.HexColor("#e8ecf0")

DEJAVU: Final = Path("/usr/share/fonts/truetype/dejavu")


def _fonts() -> tuple[str, str]:
    """The regular and bold font of the text: DejaVu Sans when installed, else Helvetica."""
    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if not (regular.is_file() and bold.is_file()):
        return "Helvetica", "Helvetica-Bold"
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
    return "DejaVuSans", "DejaVuSans-Bold"


FONT, BOLD_FONT = _fonts()
# reportlab fills its table of named colours on first use, publishing the empty table before filling it:
# two requests drawing their first PDF at once could read "black" from it half made (a 500 under load,
# `make load`). Filled here, on import, before the app serves requests in threads.
colors.getAllNamedColors()
_SAMPLE = getSampleStyleSheet()
BODY: Final = ParagraphStyle("body", parent=_SAMPLE["Normal"], fontName=FONT, fontSize=9, leading=12)
CELL: Final = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=10)
HEADING: Final = ParagraphStyle("heading", parent=_SAMPLE["Heading2"], fontName=BOLD_FONT, fontSize=13)
TITLE: Final = ParagraphStyle("title", parent=_SAMPLE["Title"], fontName=BOLD_FONT, fontSize=18)
# The space left and right of a table cell's text (Platypus' default, named for the cells that stay strings).
CELL_PADDING: Final = 6


def _paragraph(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text (escaped for Platypus' markup), its line breaks kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class _Cell(Paragraph):  # type: ignore[misc] # reportlab ships no type hints
    """A table cell's paragraph, which breaks its lines once per width.

    Platypus' Table wraps every cell again each time it measures, splits or draws itself, and a long table
    does all three on every page it runs over (each cell of the prioritised risks was broken into lines
    three or four times). A cell's lines depend on its width alone, which the table's fixed column widths
    keep, so the first wrap at a width answers the later ones.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped is None or self._wrapped[0] != availWidth:
            self._wrapped = (availWidth, super().wrap(availWidth, availHeight))
        return self._wrapped[1]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> Table:
    """A table of text that repeats its header on every page it runs over; `widths` are the columns'
    shares of the page's width.

    A cell's text stays a string, which the table draws as it is in CELL's font where a paragraph would put
    it, when each of its lines fits the column; only longer text becomes a paragraph that breaks into
    lines, which costs far more to lay out. The cells of a column with the same text share one paragraph,
    so that it is broken into lines once: the prioritised risks repeat the same reasons and sources for
    every site of a country making the same good, about 150 texts over the 2,000 rows of a large chain.
    """
    columns = [width * WIDTH for width in widths]
    paragraphs: dict[tuple[int, str], _Cell] = {}

    def cell(column: int, text: str) -> str | _Cell:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # line breaks as a web form sends them
        lines = text.split("\n")
        room = columns[column] - 2 * CELL_PADDING
        # A string is drawn as it is: a tab or another control character would show as a missing glyph,
        # where a paragraph reads it as a space.
        if all(
            line.isprintable() and pdfmetrics.stringWidth(line, CELL.fontName, CELL.fontSize) <= room
            for line in lines
        ):
            return text
        if (column, text) not in paragraphs:
            paragraphs[column, text] = _Cell(escape(text).replace("\n", "<br/>"), CELL)
        return paragraphs[column, text]

    data = [[cell(column, text) for column, text in enumerate(row)] for row in [header, *rows]]
    table = Table(data, colWidths=columns, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), CELL.fontName, CELL.fontSize, CELL.leading),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_COLOUR),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _facts(rows: Sequence[tuple[str, str]]) -> Table:
    """Label-value lines, labels in bold."""
    data = [[Paragraph(f"<b>{escape(label)}</b>", BODY), _paragraph(value)] for label, value in rows]
    return Table(data, colWidths=[45 * mm, WIDTH - 45 * mm], hAlign="LEFT")


def risk_graph(analysis: VersionAnalysis, *, width: float, height: float) -> Drawing:
    """The version's risk graph in `width` x `height` points: the review page's tiered layout
    (`VersionAnalysis.drawing`) scaled to fit, links as lines, each site a circle coloured by its highest
    risk level, named when the graph is small enough to label."""
    drawn = analysis.drawing
    across = width / max(drawn.width, 1)
    down = min(across, height / max(drawn.height, 1))
    drawing = Drawing(width, drawn.height * down)
    points: dict[str, tuple[float, float]] = {}
    for place in drawn.places:
        points[analysis.ids[place.index]] = (place.x * across, (drawn.height - place.y) * down)
    for supplier, customer in analysis.built.graph.edges:
        (x1, y1), (x2, y2) = points[supplier], points[customer]
        drawing.add(Line(x1, y1, x2, y2, strokeColor=LINK_COLOUR, strokeWidth=0.4))
    radius_scale = max(min(across, down), 0.15)
    for place in drawn.places:
        node = analysis.ids[place.index]
        x, y = points[node]
        colour = LEVEL_COLOURS[analysis.highest[node]]
        drawing.add(Circle(x, y, place.radius * radius_scale, fillColor=colour, strokeColor=colors.white))
        if place.label:
            label_y = y - place.radius * radius_scale - 8
            drawing.add(String(x, label_y, place.label, fontName=FONT, fontSize=6, textAnchor="middle"))
    return drawing


def _legend(lang: Lang) -> Drawing:
    drawing = Drawing(WIDTH, 14)
    drawing.add(String(0, 3, web_text("contract_report.legend", lang), fontName=FONT, fontSize=8))
    x = 45.0
    for level in Level:
        drawing.add(Circle(x, 6, 4, fillColor=LEVEL_COLOURS[level], strokeColor=colors.white))
        drawing.add(String(x + 7, 3, level.label(lang), fontName=FONT, fontSize=8))
        x += 90
    return drawing


def _pdf(story: list[Flowable], *, title: str) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author="chainmap",
    )
    document.build(story)
    return buffer.getvalue()


def _chain_section(report: ContractReport) -> list[Flowable]:
    t, lang = report.text, report.lang
    story: list[Flowable] = [_paragraph(t("contract_report.chain"), HEADING)]
    chain = report.chain
    if chain is None:
        key = "contract_report.invalid_chain" if report.invalid_version else "contract_report.no_chain"
        return [*story, _paragraph(t(key, number=report.invalid_version))]
    story.append(
        _paragraph(
            t(
                "contract_report.version",
                number=chain.number,
                sites=number_text(chain.sites, lang),
                tiers=chain.tiers,
                traced=report.percent(chain.traced_share),
            )
        )
    )
    story.append(
        _facts(
            [
                (t("contract_report.countries"), ", ".join(chain.countries)),
                (t("contract_report.activities"), ", ".join(chain.activities)),
            ]
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(
        KeepTogether(
            [
                _paragraph(t("contract_report.graph")),
                risk_graph(chain.analysis, width=WIDTH, height=GRAPH_HEIGHT),
                _legend(lang),
            ]
        )
    )
    return story


def _hotspot_section(report: ContractReport) -> list[Flowable]:
    t, lang = report.text, report.lang
    story: list[Flowable] = [_paragraph(t("contract_report.hotspots"), HEADING)]
    if not report.hotspots:
        return [*story, _paragraph(t("contract_report.no_hotspots"))] if report.chain else []
    header = [
        t("contract_report.rank"),
        t("contract_report.site"),
        t("contract_report.country"),
        t("contract_report.theme"),
        t("contract_report.level"),
        t("contract_report.residual"),
        t("contract_report.covered"),
        t("contract_report.reasons"),
    ]
    rows = [
        [
            str(hotspot.rank),
            f"{hotspot.site} ({hotspot.site_id})\n{hotspot.activity}",
            hotspot.country,
            hotspot.theme,
            hotspot.level.label(lang),
            hotspot.residual.label(lang),
            t("contract_report.yes" if hotspot.covered else "contract_report.no"),
            " ".join(hotspot.reasons) + ("\n" + "; ".join(hotspot.sources) if hotspot.sources else ""),
        ]
        for hotspot in report.hotspots
    ]
    return [*story, _table(header, rows, (0.03, 0.17, 0.08, 0.12, 0.07, 0.07, 0.08, 0.38))]


def _plan_section(report: ContractReport) -> list[Flowable]:
    t, lang = report.text, report.lang
    story: list[Flowable] = [_paragraph(t("contract_report.plan"), HEADING)]
    if report.plan_status is None:
        story.append(_paragraph(t("contract_report.no_plan")))
    else:
        story.append(_paragraph(t("contract_report.plan_status", status=report.plan_status)))
    if not report.actions:
        return [*story, _paragraph(t("contract_report.no_actions"))] if report.plan_status else story
    header = [
        t("contract_report.action"),
        t("contract_report.risks"),
        t("contract_report.owner"),
        t("contract_report.due"),
        t("contract_report.action_status"),
        t("contract_report.verification"),
    ]
    rows = [
        [
            f"{action.title} ({action.kind})",
            "\n".join(action.risks),
            action.owner,
            date_text(action.due_on, lang),
            action.state,
            " ".join(
                part
                for part in (
                    action.verification,
                    date_text(action.verified_on, lang) if action.verified_on else "",
                    action.verification_comment,
                )
                if part
            ),
        ]
        for action in report.actions
    ]
    return [*story, _table(header, rows, (0.25, 0.25, 0.1, 0.1, 0.12, 0.18))]


def _coverage_section(report: ContractReport) -> list[Flowable]:
    if report.chain is None:
        return []
    t = report.text
    covered = sum(1 for hotspot in report.hotspots if hotspot.covered)
    story: list[Flowable] = [
        _paragraph(t("contract_report.coverage"), HEADING),
        _paragraph(
            t(
                "contract_report.coverage_share",
                covered=covered,
                prioritised=len(report.hotspots),
                share=report.percent(report.coverage_share),
            )
        ),
        _paragraph(t("contract_report.residual_count", reduced=report.reduced)),
    ]
    if report.uncovered:
        story.append(_paragraph(f"{t('contract_report.uncovered')} {'; '.join(report.uncovered)}"))
    return story


def _history_section(report: ContractReport) -> list[Flowable]:
    t, lang = report.text, report.lang
    story: list[Flowable] = [_paragraph(t("contract_report.reports"), HEADING)]
    if report.progress:
        header = [
            t("contract_report.period"),
            t("contract_report.submitted"),
            t("contract_report.review"),
            t("contract_report.comment"),
        ]
        rows = [
            [
                f"{item.number}: {date_text(item.start, lang)} – {date_text(item.end, lang)}",
                date_text(item.submitted_on, lang),
                item.status + (f" ({date_text(item.reviewed_on, lang)})" if item.reviewed_on else ""),
                item.comment,
            ]
            for item in report.progress
        ]
        story.append(_table(header, rows, (0.25, 0.15, 0.2, 0.4)))
    else:
        story.append(_paragraph(t("contract_report.no_reports")))
    story.append(_paragraph(t("contract_report.escalation"), HEADING))
    if report.escalation:
        header = [t("escalation.effective_on"), t("escalation.step"), t("escalation.reason")]
        rows = [[date_text(step.effective_on, lang), step.step, step.reason] for step in report.escalation]
        story.append(_table(header, rows, (0.15, 0.2, 0.65)))
    else:
        story.append(_paragraph(t("contract_report.no_escalation")))
    return story


def report_pdf(report: ContractReport) -> bytes:
    """The contract report as a PDF: the contract, the chain with its risk graph, the prioritised risks
    with reasons and sources, the plan of action, coverage and residual risk, the progress reports and the
    escalation history."""
    t, lang = report.text, report.lang
    story: list[Flowable] = [
        _paragraph(t("contract_report.title"), TITLE),
        _paragraph(report.title, HEADING),
        _paragraph(t("contract_report.generated", date=date_text(report.made_on, lang))),
        Spacer(1, 3 * mm),
        _facts(
            [
                (t("contract_report.reference"), report.reference),
                (t("contract_report.buyer"), report.buyer),
                (t("contract_report.supplier"), report.supplier),
                (
                    t("contract_report.term"),
                    f"{date_text(report.start, lang)} – {date_text(report.end, lang)}",
                ),
                (t("contract_report.schedule"), report.schedule),
                (t("contract_report.status"), report.status),
            ]
        ),
        *_chain_section(report),
        *_hotspot_section(report),
        *_plan_section(report),
        *_coverage_section(report),
        *_history_section(report),
    ]
    return _pdf(story, title=f"{report.reference} · {report.title}")


def _counts(header: tuple[str, str], rows: Sequence[tuple[str, int]], lang: Lang) -> Table:
    return _table(header, [(label, number_text(count, lang)) for label, count in rows], (0.4, 0.15))


def public_summary_pdf(summary: PublicSummary, *, lang: Lang) -> bytes:
    """The public summary as a PDF: the same facts as its page and nothing more."""

    def t(key: str, **params: Any) -> str:
        return web_text(key, lang, **params)

    story: list[Flowable] = [
        _paragraph(t("public_summary.title"), TITLE),
        _paragraph(summary.title, HEADING),
        _paragraph(t("public_summary.intro", buyer=summary.buyer)),
        _paragraph(t("public_summary.as_of", date=date_text(summary.as_of, lang))),
        Spacer(1, 3 * mm),
        _facts(
            [
                (t("contract_report.buyer"), summary.buyer),
                (
                    t("contract_report.term"),
                    f"{date_text(summary.start, lang)} – {date_text(summary.end, lang)}",
                ),
                (t("contract_report.countries"), ", ".join(summary.countries)),
                (t("contract_report.activities"), ", ".join(summary.activities)),
            ]
        ),
        _paragraph(t("public_summary.themes"), HEADING),
    ]
    if summary.themes:
        story.append(_counts((t("contract_report.theme"), t("public_summary.risks")), summary.themes, lang))
    else:
        story.append(_paragraph(t("public_summary.no_themes")))
    story.append(Spacer(1, 2 * mm))
    story.append(_paragraph(t("public_summary.coverage", share=summary.coverage_text(lang))))
    story.append(_paragraph(t("public_summary.actions"), HEADING))
    if summary.actions:
        story.append(
            _counts((t("contract_report.action_status"), t("public_summary.count")), summary.actions, lang)
        )
    else:
        story.append(_paragraph(t("public_summary.no_actions")))
    return _pdf(story, title=f"{t('public_summary.title')} · {summary.title}")
