"""Plain-text rendering of analysis results for the terminal, in English or Dutch.

The analysis report reads the `ChainAnalysis` itself, so that it works out only what it prints; the diff
and the risk look-up read the JSON-ready dictionaries of `ChainDiff.as_dict` and `risk_as_dict`, so the text
and `--format json` show the same facts.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from chainmap.activities import activity_label
from chainmap.analysis.groups import RiskGroup, group_label
from chainmap.analysis.hotspots import ROUNDING
from chainmap.analysis.report import ChainAnalysis
from chainmap.analysis.risk import Risk
from chainmap.analysis.structure import UNKNOWN_COUNTRY_KEY
from chainmap.findings import Finding, group_findings
from chainmap.messages import render
from chainmap.reference import good_label
from chainmap.themes import Lang, Level, theme_label

SITE_WIDTH = 31


def _t(code: str, lang: Lang, **params: Any) -> str:
    return render(code, params, lang)


def _decimal(text: str, lang: Lang) -> str:
    """A formatted number with a decimal comma in Dutch."""
    return text.replace(".", ",") if lang == "nl" else text


def _percent(share: float, lang: Lang) -> str:
    """A share (0-1) as a percentage with one decimal."""
    return _decimal(f"{share * 100:.1f}%", lang)


def _country_key(country: str, lang: Lang) -> str:
    """A country code of the structure, with its "unknown" key in the reader's language."""
    return _t("report.unknown_country", lang) if country == UNKNOWN_COUNTRY_KEY else country


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _row(rank: str, site: str, country: str, theme: str, level: str, salience: str, exposure: str) -> str:
    """One line of the hotspots table, in fixed-width columns."""
    return (
        f"{rank:>4} {_clip(site, SITE_WIDTH):<{SITE_WIDTH}} {_clip(country, 7):<7} "
        f"{_clip(theme, 24):<24} {_clip(level, 10):<10} {salience:>10} {exposure:>9}"
    )


def findings_lines(findings: Iterable[Finding], lang: Lang, *, all_findings: bool = False) -> list[str]:
    """One line per finding: severity, then the message (which names row and column); a kind of finding
    that occurs often is one line (`chainmap.findings.group_findings`) saying how many and where the
    first few are. With `all_findings` each finding of a group follows its line, indented; without, a
    last line says how to get them."""
    lines = []
    grouped = 0
    for item in group_findings(findings):
        severity = _t(f"severity.{item.severity.value}", lang)
        if isinstance(item, Finding):
            lines.append(f"{severity}: {item.message(lang)}")
            continue
        lines.append(f"{severity}: {item.summary(lang)}")
        grouped += item.count
        if all_findings:
            lines += [f"  - {finding.message(lang)}" for finding in item.findings]
    if grouped and not all_findings:
        lines.append(_t("report.findings_grouped", lang, count=grouped))
    return lines


GROUP_SITES_SHOWN = 5
PRIORITISED_MARK = "*"


def risk_group_label(group: RiskGroup, lang: Lang) -> str:
    """ "forced labour – Garments – CN": a risk group named in `lang` (`group_label`)."""
    return group_label(
        theme=group.theme,
        subject_kind=group.subject_kind,
        subject=group.subject,
        country=_country_key(group.country or UNKNOWN_COUNTRY_KEY, lang),
        lang=lang,
    )


def risk_group_lines(
    groups: Sequence[RiskGroup], names: Mapping[str, str], lang: Lang, *, top: int
) -> list[str]:
    """The first `top` prioritised risk groups, one line each with their level, sites and combined
    exposure, then their first sites by name (`names` maps node ids to names); a line saying so when
    nothing is prioritised."""
    if not groups:
        return [_t("report.no_risk_groups", lang), ""]
    risks = sum(len(group.nodes) for group in groups)
    lines = [_t("report.risk_groups", lang, groups=len(groups), risks=risks)]
    for number, group in enumerate(groups[:top], start=1):
        lines.append(
            f"{number:>3}  "
            + _t(
                "report.risk_group",
                lang,
                label=risk_group_label(group, lang),
                level=group.level.label(lang),
                sites=len(group.nodes),
                exposure=_percent(group.exposure, lang),
            )
        )
        shown = [names[node] for node in group.nodes[:GROUP_SITES_SHOWN]]
        more = len(group.nodes) - len(shown)
        if more:
            shown.append(_t("report.more_sites", lang, count=more))
        lines.append("       " + "; ".join(shown))
    if len(groups) > top:
        lines.append("  " + _t("report.more_groups", lang, count=len(groups) - top))
    return [*lines, ""]


def screening_counts(node_risks: Iterable[Mapping[str, Risk]]) -> tuple[int, int, int]:
    """(sites, listings, possible matches) of a chain's UFLPA screening, from each site's forced labour
    reasons (`chainmap.analysis.Risk`): for the line of the text report that says what screening found.
    Sites share their risk profiles, so each profile is read once."""
    sites = listings = possible = 0
    counted: dict[int, tuple[bool, bool]] = {}
    for risks in node_risks:
        sites += 1
        found = counted.get(id(risks))
        if found is None:
            forced = risks.get("forced_labour")
            codes = {reason.code for reason in forced.reasons} if forced is not None else set()
            found = counted[id(risks)] = (
                "reason.uflpa_entity" in codes,
                bool(codes & {"reason.uflpa_possible", "reason.uflpa_possible_short"}),
            )
        listings += found[0]
        possible += found[1]
    return sites, listings, possible


def analysis_text(
    analysis: ChainAnalysis,
    *,
    path: str,
    links: int,
    top: int,
    lang: Lang,
    screening: tuple[int, int, int] | None = None,
    all_findings: bool = False,
) -> str:
    """The readable report: title, prioritised risk groups, hotspots table with reasons, structure
    summary, findings, and with `screening` (`screening_counts`) what the UFLPA screening found and that
    no match is not clearance.

    Only what is printed is worked out: the first `top` hotspots are picked from the ranking without
    sorting or building the others. Findings are grouped for reading (`findings_lines`; `all_findings`
    lists every one)."""
    nodes = {node.id: node for node in analysis.nodes}
    names = {node_id: node.name for node_id, node in nodes.items()}
    contractor = next((node for node in analysis.nodes if node.tier == 0), None)
    lines = [
        _t(
            "report.title",
            lang,
            path=path,
            nodes=len(nodes),
            links=links,
            contractor=contractor.name if contractor else "?",
        ),
        "",
    ]
    lines += risk_group_lines(analysis.risk_groups, names, lang, top=top)
    shown = analysis.hotspots[:top]
    if shown:
        lines.append(_t("report.hotspots", lang, shown=len(shown), total=len(analysis.hotspots)))
        lines.append(
            _row(
                "#",
                *(_t(f"report.col.{key}", lang) for key in ("site", "country", "theme", "level")),
                *(_t(f"report.col.{key}", lang) for key in ("salience", "exposure")),
            )
        )
        for rank, hotspot in enumerate(shown, start=1):
            node = nodes[hotspot.node]
            lines.append(
                _row(
                    f"{rank}{PRIORITISED_MARK if hotspot.prioritised else ''}",
                    node.name,
                    node.country or "?",
                    theme_label(hotspot.theme, lang),
                    hotspot.level.label(lang),
                    _decimal(f"{round(hotspot.salience, ROUNDING):.3f}", lang),
                    _percent(round(hotspot.exposure, ROUNDING), lang),
                )
            )
            lines += [f"       - {reason.text(lang)}" for reason in hotspot.reasons]
        lines.append(f"  {PRIORITISED_MARK} {_t('report.prioritised_mark', lang)}")
    else:
        lines.append(_t("report.no_hotspots", lang))
    structure = analysis.structure.as_dict()
    lines += ["", _t("report.structure", lang)]
    tiers = ", ".join(f"{tier}: {count}" for tier, count in structure["tiers"].items())
    none = _t("report.none", lang)
    by_country = ", ".join(
        f"{_country_key(country, lang)}: {_percent(share, lang)}"
        for country, share in structure["exposure_by_country"].items()
    )
    lines += [
        f"  {_t('report.tiers', lang)}: {tiers}",
        f"  {_t('report.traced_share', lang)}: {_percent(structure['traced_share'], lang)}",
        f"  {_t('report.unknown_nodes', lang)}: {', '.join(structure['unknown_nodes']) or none}",
        f"  {_t('report.unknown_countries', lang)}: {', '.join(structure['unknown_countries']) or none}",
        f"  {_t('report.critical_nodes', lang)}: {', '.join(structure['critical_nodes']) or none}",
        f"  {_t('report.exposure_by_country', lang)}: {by_country or none}",
        "",
        _t("report.findings", lang),
    ]
    if analysis.findings:
        lines += [f"  {line}" for line in findings_lines(analysis.findings, lang, all_findings=all_findings)]
    else:
        lines.append("  " + _t("report.no_findings", lang))
    if screening is not None:
        sites, listings, possible = screening
        lines += [
            "",
            _t("report.screening", lang, sites=sites, listings=listings, possible=possible),
            "  " + _t("screening.not_clearance", lang),
        ]
    return "\n".join(lines)


def risk_text(result: Mapping[str, Any], *, lang: Lang) -> str:
    """The quick look-up: one block per theme with level, reasons and sources.

    The good is named by its label in `lang` ("katoen"), with a capital as the title's first word.
    """
    title = _t(
        "risk.title",
        lang,
        goods=good_label(result["goods"], lang),
        country=result["country_name"],
        activity=activity_label(result["activity"], lang),
    )
    lines = [title[:1].upper() + title[1:], ""]
    baseline = _t("report.baseline", lang)
    for theme, risk in result["risks"].items():
        marker = f" ({baseline})" if risk["baseline"] else ""
        lines.append(f"{theme_label(theme, lang)}: {Level(risk['level']).label(lang)}{marker}")
        lines += [f"  - {reason}" for reason in risk["reasons"]]
        lines += [f"    [{source}]" for source in risk["sources"]]
    screening = result.get("screening")
    if screening is not None:
        lines += ["", screening["text"], "  " + screening["note"]]
    return "\n".join(lines)


def diff_text(
    diff: Mapping[str, Any], *, old: str, new: str, names: Mapping[str, str] | None = None, lang: Lang
) -> str:
    """Every change between two chain versions, one line each, grouped by kind.

    `names` maps node ids to site names (from both versions) so a reader sees which site an id is.
    """
    names = names or {}

    def site(node: str) -> str:
        name = names.get(node)
        return f"{node} ({name})" if name and name != node else node

    sections: list[tuple[str, list[str]]] = [
        ("diff.nodes_added", [site(node) for node in diff["nodes_added"]]),
        ("diff.nodes_removed", [site(node) for node in diff["nodes_removed"]]),
        ("diff.links_added", [f"{supplier} → {customer}" for supplier, customer in diff["links_added"]]),
        ("diff.links_removed", [f"{supplier} → {customer}" for supplier, customer in diff["links_removed"]]),
        ("diff.changed", [_attribute_change(change, lang) for change in diff["changed"]]),
        ("diff.risk_changes", [_risk_change(change, lang) for change in diff["risk_changes"]]),
        ("diff.risks_removed", [_site_risk(risk, lang) for risk in diff["risks_removed"]]),
        ("diff.risks_added", [_site_risk(risk, lang) for risk in diff["risks_added"]]),
    ]
    lines = [_t("diff.title", lang, old=old, new=new)]
    for code, items in sections:
        if items:
            lines += ["", _t(code, lang, count=len(items))]
            lines += [f"  {item}" for item in items]
    if not any(items for _, items in sections):
        lines.append(_t("diff.no_changes", lang))
    return "\n".join(lines)


def _value(value: Any, lang: Lang) -> str:
    if value is None or value == "" or value == []:
        return _t("report.empty", lang)
    if isinstance(value, list | tuple):
        return "; ".join(str(part) for part in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _attribute_change(change: Mapping[str, Any], lang: Lang) -> str:
    """ "BD-CMT → WK, share: 60 → 50" for a link, "TM-GIN, country: TM → GR" for a site."""
    where = change["node"] if change["customer"] is None else f"{change['node']} → {change['customer']}"
    attribute = change["attribute"]
    old, new = change["old"], change["new"]
    if attribute == "country":  # None is a country marked unknown in the file
        old, new = (value or _t("report.unknown_country", lang) for value in (old, new))
    return f"{where}, {_t(f'column.{attribute}', lang)}: {_value(old, lang)} → {_value(new, lang)}"


def _site_risk(risk: Mapping[str, Any], lang: Lang) -> str:
    return f"{risk['node']}, {theme_label(risk['theme'], lang)}: {Level(risk['level']).label(lang)}"


def _risk_change(change: Mapping[str, Any], lang: Lang) -> str:
    direction = _t("diff.up" if change["new_level"] > change["old_level"] else "diff.down", lang)
    levels = f"{Level(change['old_level']).label(lang)} → {Level(change['new_level']).label(lang)}"
    return f"{change['node']}, {theme_label(change['theme'], lang)}: {levels} ({direction})"
