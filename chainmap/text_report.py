"""Plain-text rendering of analysis results for the terminal, in English or Dutch.

Works on the JSON-ready dictionaries that `ChainAnalysis.as_dict`, `ChainDiff.as_dict` and
`Risk.as_dict` return, so the text report and `--format json` always show the same facts.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from chainmap.findings import Finding
from chainmap.messages import render
from chainmap.themes import Lang, Level, theme_label

SITE_WIDTH = 31


def _t(code: str, lang: Lang, **params: Any) -> str:
    return render(code, params, lang)


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _row(rank: str, site: str, country: str, theme: str, level: str, salience: str, exposure: str) -> str:
    """One line of the hotspots table, in fixed-width columns."""
    return (
        f"{rank:>3}  {_clip(site, SITE_WIDTH):<{SITE_WIDTH}} {_clip(country, 7):<7} "
        f"{_clip(theme, 24):<24} {_clip(level, 10):<10} {salience:>10} {exposure:>9}"
    )


def findings_lines(findings: Iterable[Finding], lang: Lang) -> list[str]:
    """One line per finding: severity, then the message (which names row and column)."""
    return [f"{finding.severity.value}: {finding.message(lang)}" for finding in findings]


def analysis_text(result: Mapping[str, Any], *, path: str, links: int, top: int, lang: Lang) -> str:
    """The readable report: title, hotspots table with reasons, structure summary, findings."""
    nodes = {node["id"]: node for node in result["nodes"]}
    structure = result["structure"]
    contractor = next((n for n in result["nodes"] if n["tier"] == 0), None)
    lines = [
        _t(
            "report.title",
            lang,
            path=path,
            nodes=len(nodes),
            links=links,
            contractor=contractor["name"] if contractor else "?",
        ),
        "",
    ]
    hotspots: Sequence[Mapping[str, Any]] = result["hotspots"]
    shown = hotspots[:top]
    if shown:
        lines.append(_t("report.hotspots", lang, shown=len(shown), total=len(hotspots)))
        lines.append(
            _row(
                "#",
                *(_t(f"report.col.{key}", lang) for key in ("site", "country", "theme", "level")),
                *(_t(f"report.col.{key}", lang) for key in ("salience", "exposure")),
            )
        )
        for hotspot in shown:
            node = nodes[hotspot["node"]]
            lines.append(
                _row(
                    str(hotspot["rank"]),
                    node["name"],
                    node["country"] or "?",
                    theme_label(hotspot["theme"], lang),
                    Level(hotspot["level"]).label(lang),
                    f"{hotspot['salience']:.3f}",
                    _percent(hotspot["exposure"]),
                )
            )
            lines += [f"       - {reason}" for reason in hotspot["reasons"]]
    else:
        lines.append(_t("report.no_hotspots", lang))
    lines += ["", _t("report.structure", lang)]
    tiers = ", ".join(f"{tier}: {count}" for tier, count in structure["tiers"].items())
    none = _t("report.none", lang)
    by_country = ", ".join(
        f"{country}: {_percent(share)}" for country, share in structure["exposure_by_country"].items()
    )
    lines += [
        f"  {_t('report.tiers', lang)}: {tiers}",
        f"  {_t('report.traced_share', lang)}: {_percent(structure['traced_share'])}",
        f"  {_t('report.unknown_nodes', lang)}: {', '.join(structure['unknown_nodes']) or none}",
        f"  {_t('report.unknown_countries', lang)}: {', '.join(structure['unknown_countries']) or none}",
        f"  {_t('report.critical_nodes', lang)}: {', '.join(structure['critical_nodes']) or none}",
        f"  {_t('report.exposure_by_country', lang)}: {by_country or none}",
        "",
        _t("report.findings", lang),
    ]
    findings = result["findings"]
    if findings:
        lines += [f"  {f['severity']}: {f['message']}" for f in findings]
    else:
        lines.append("  " + _t("report.no_findings", lang))
    return "\n".join(lines)


def risk_text(result: Mapping[str, Any], *, lang: Lang) -> str:
    """The quick look-up: one block per theme with level, reasons and sources."""
    lines = [
        _t(
            "risk.title",
            lang,
            goods=result["goods"],
            country=result["country_name"],
            activity=result["activity"],
        ),
        "",
    ]
    baseline = _t("report.baseline", lang)
    for theme, risk in result["risks"].items():
        marker = f" ({baseline})" if risk["baseline"] else ""
        lines.append(f"{theme_label(theme, lang)}: {Level(risk['level']).label(lang)}{marker}")
        lines += [f"  - {reason}" for reason in risk["reasons"]]
        lines += [f"    [{source}]" for source in risk["sources"]]
    return "\n".join(lines)


def diff_text(diff: Mapping[str, Any], *, old: str, new: str, lang: Lang) -> str:
    """Every change between two chain versions, one line each, grouped by kind."""
    lines = [_t("diff.title", lang, old=old, new=new)]
    changes = 0
    for key, items in diff.items():
        if not isinstance(items, list) or not items:
            continue
        lines += ["", f"{key.replace('_', ' ')}:"]
        for item in items:
            changes += 1
            lines.append(f"  {_diff_item(item)}")
    if not changes:
        lines.append(_t("diff.no_changes", lang))
    return "\n".join(lines)


def _diff_item(item: Any) -> str:
    if isinstance(item, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in item.items())
    if isinstance(item, list | tuple):
        return " -> ".join(str(part) for part in item)
    return str(item)
