"""Risk analysis of a chain map: pure functions over a `networkx.DiGraph` (see docs/risk-model.md).

- `assess_site` / `node_risks`: inherent risk per site and theme from the reference data
- `exposure` / `tiers`: how much of the delivered volume passes through each node, and how far upstream
- `hotspots`: (node, theme) pairs ranked by salience (severity x likelihood x exposure)
- `structure`: tiers, traced share, unknown parts, critical nodes, exposure by country
- `diff_chains`: what changed between two versions
- `analyse`: all of it for one chain, as `ChainAnalysis` with its JSON result (docs/json-format.md)
"""

from chainmap.analysis.diff import AttributeChange, ChainDiff, RiskChange, SiteRisk, diff_chains
from chainmap.analysis.flow import exposure, tiers
from chainmap.analysis.hotspots import IRREMEDIABILITY, Hotspot, hotspots, severity
from chainmap.analysis.report import ChainAnalysis, NodeResult, analyse, analyse_built, risk_as_dict
from chainmap.analysis.risk import Evidence, Reason, Risk, assess_site, node_risks
from chainmap.analysis.structure import Structure, critical_nodes, is_origin, is_unknown, structure

__all__ = [
    "IRREMEDIABILITY",
    "AttributeChange",
    "ChainAnalysis",
    "ChainDiff",
    "Evidence",
    "Hotspot",
    "NodeResult",
    "Reason",
    "Risk",
    "RiskChange",
    "SiteRisk",
    "Structure",
    "analyse",
    "analyse_built",
    "assess_site",
    "critical_nodes",
    "diff_chains",
    "exposure",
    "hotspots",
    "is_origin",
    "is_unknown",
    "node_risks",
    "risk_as_dict",
    "severity",
    "structure",
    "tiers",
]
