"""The hotspots of an analysis as a CSV table for spreadsheets (`chainmap analyse --format csv`).

One row per hotspot in rank order: rank, site id, name, country, tier, theme, level, likelihood,
exposure, salience, prioritised, the reasons and their sources. Written the way a spreadsheet of the
reader's language opens it: in Dutch with `;` between cells and decimal commas, in English with `,` and
decimal points. Text cells are defused (`chainmap.spreadsheets.defused`), so a site name such as
`=HYPERLINK(...)` is never run as a formula.
"""

import csv
from typing import Final, TextIO

from chainmap.analysis.hotspots import ROUNDING, is_prioritised, severity
from chainmap.analysis.report import ChainAnalysis
from chainmap.analysis.risk import Risk
from chainmap.collector import collector_paused
from chainmap.messages import render
from chainmap.spreadsheets import defused
from chainmap.themes import Lang, theme_label

COLUMNS: Final = (
    *("rank", "node", "name", "country", "tier", "theme", "level", "likelihood", "exposure"),
    *("salience", "prioritised", "reasons", "sources"),
)
# Several reasons or sources of one hotspot share a cell, one after the other.
JOINER: Final = " | "


def _number(value: float, lang: Lang) -> str:
    """A score to 6 decimals as in the JSON result (never in exponent notation, which a spreadsheet may
    not read), with a decimal comma in Dutch."""
    text = f"{value:.{ROUNDING}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


@collector_paused()
def write_hotspots_csv(
    analysis: ChainAnalysis, stream: TextIO, lang: Lang, *, top: int | None = None
) -> None:
    """Write the hotspots of `analysis` (the first `top`, or all) as CSV to `stream`, with the cyclic
    garbage collector paused as while analysing (`chainmap.collector`)."""
    writer = csv.writer(stream, delimiter=";" if lang == "nl" else ",", lineterminator="\r\n")
    writer.writerow([render(f"csv.col.{column}", {}, lang) for column in COLUMNS])
    yes, no = render("csv.yes", {}, lang), render("csv.no", {}, lang)
    nodes = {node.id: node for node in analysis.nodes}
    described: dict[int, tuple[str, str, str, float, str, str, str]] = {}

    def describe(risk: Risk) -> tuple[str, str, str, float, str, str, str]:
        """What the row says of a risk, worked out once for all the sites that share it."""
        found = described.get(id(risk))
        if found is None:
            found = described[id(risk)] = (
                defused(theme_label(risk.theme, lang)),
                defused(risk.level.label(lang)),
                _number(risk.likelihood, lang),
                severity(risk) * risk.likelihood,
                yes if is_prioritised(risk.level, baseline=risk.baseline, evidence=risk.evidence) else no,
                defused(JOINER.join(reason.text(lang) for reason in risk.reasons)),
                defused(JOINER.join(dict.fromkeys(reason.citation for reason in risk.reasons))),
            )
        return found

    row_of_node: dict[str, tuple[str, str, str, str, float, str]] = {}
    node_ids, risks = analysis.ranked_pairs(top=top)
    for rank, (node_id, risk) in enumerate(zip(node_ids, risks, strict=True), start=1):
        site = row_of_node.get(node_id)
        if site is None:
            node = nodes[node_id]
            site = row_of_node[node_id] = (
                defused(node.id),
                defused(node.name),
                defused(node.country or render("report.unknown_country", {}, lang)),
                str(node.tier),
                node.exposure,
                _number(node.exposure, lang),
            )
        theme, level, likelihood, weight, prioritised, reasons, sources = describe(risk)
        writer.writerow(
            (
                rank,
                *site[:4],
                theme,
                level,
                likelihood,
                site[5],
                _number(weight * site[4], lang),
                prioritised,
                reasons,
                sources,
            )
        )
