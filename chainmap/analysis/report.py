"""The full analysis of one chain as plain data: findings, risk per node, hotspots, risk groups, structure.

`analyse` is what the command line and the web app call; `ChainAnalysis.as_dict` is the stable JSON shape
they show and return.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import networkx as nx

from chainmap.analysis.flow import exposure_from, upstream_order, walk_upstream
from chainmap.analysis.groups import RiskGroup, risk_groups
from chainmap.analysis.hotspots import Hotspot, rank_hotspots
from chainmap.analysis.risk import Reason, Risk, node_risks
from chainmap.analysis.structure import Structure, origin_nodes, structure
from chainmap.chain import contractor
from chainmap.collector import collector_paused
from chainmap.findings import Finding
from chainmap.reference import ReferenceData
from chainmap.themes import Lang

ROUNDING: Final = 6


@dataclass(frozen=True, slots=True)
class NodeResult:
    """One node of the chain with its place in the chain and its risk per theme."""

    id: str
    name: str
    country: str | None
    activity: str
    goods: tuple[str, ...]
    tier: int
    exposure: float
    risks: Mapping[str, Risk]


def risk_as_dict(risk: Risk, lang: Lang = "en") -> dict[str, Any]:
    """A risk as JSON-ready data: {level, label, baseline, reasons, sources} with each source cited once."""
    return {
        "level": int(risk.level),
        "label": risk.level.label(lang),
        "baseline": risk.baseline,
        "reasons": [reason.text(lang) for reason in risk.reasons],
        "sources": list(dict.fromkeys(reason.citation for reason in risk.reasons)),
    }


@dataclass(frozen=True, slots=True)
class ChainAnalysis:
    """The analysis of a chain: validation findings, every node's risks, ranked hotspots, the prioritised
    hotspots gathered into risk groups, and the structure."""

    findings: tuple[Finding, ...]
    nodes: tuple[NodeResult, ...]
    hotspots: Sequence[Hotspot]
    structure: Structure
    risk_groups: tuple[RiskGroup, ...] = ()

    def as_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The stable JSON shape: the keys findings, nodes, hotspots, risk_groups and structure.

        Risks shared by many nodes are rendered once and their texts reused, so a large chain renders
        quickly.
        """
        rendered: dict[int, dict[str, Any]] = {}
        reason_texts: dict[int, list[str]] = {}

        def render_risk(risk: Risk) -> dict[str, Any]:
            found = rendered.get(id(risk))
            if found is None:
                found = rendered[id(risk)] = risk_as_dict(risk, lang)
            return found

        def render_risk_reasons(reasons: tuple[Reason, ...]) -> list[str]:
            found = reason_texts.get(id(reasons))
            if found is None:
                found = reason_texts[id(reasons)] = [reason.text(lang) for reason in reasons]
            return found

        nodes = [
            {
                "id": node.id,
                "name": node.name,
                "country": node.country,
                "activity": node.activity,
                "goods": list(node.goods),
                "tier": node.tier,
                "exposure": round(node.exposure, ROUNDING),
                "risks": {theme: render_risk(risk) for theme, risk in node.risks.items()},
            }
            for node in self.nodes
        ]
        hotspots = [
            hotspot.as_dict(rank, lang, reason_texts=render_risk_reasons(hotspot.reasons))
            for rank, hotspot in enumerate(self.hotspots, start=1)
        ]
        return {
            "findings": [finding.as_dict(lang) for finding in self.findings],
            "nodes": nodes,
            "hotspots": hotspots,
            "risk_groups": [group.as_dict() for group in self.risk_groups],
            "structure": self.structure.as_dict(),
        }


@collector_paused()
def analyse(
    graph: "nx.DiGraph[str]",
    *,
    reference: ReferenceData,
    findings: Sequence[Finding] = (),
    order: list[str] | None = None,
) -> ChainAnalysis:
    """Analyse a valid chain: risks per node, exposure, hotspots, risk groups and structure, with
    `findings` passed along.

    The graph must be a valid chain (see `chainmap.validation`); `findings` are the warnings found while
    building it, kept with the result so that reports show them. `order` is `upstream_order(graph)`, or
    `BuiltChain.upstream_order` of the valid chain, when the caller has it already.
    """
    risks = node_risks(graph, reference=reference)
    order = upstream_order(graph) if order is None else order
    if len(order) != graph.number_of_nodes() or order[:1] != [contractor(graph)]:
        raise ValueError("order must list every node of the valid chain, contractor first")
    walk = walk_upstream(graph, order, origins=origin_nodes(graph))
    flow = exposure_from(walk.arrived)
    shape = structure(graph, flow, order=order, walk=walk)
    nodes = tuple(
        NodeResult(
            id=node,
            name=data.get("name", node),
            country=data.get("country"),
            activity=data.get("activity", ""),
            goods=tuple(data.get("goods", ())),
            tier=shape.tiers[node],
            exposure=flow[node],
            risks=risks[node],
        )
        for node, data in graph.nodes(data=True)
    )
    ranked = rank_hotspots(graph, risks, flow)
    return ChainAnalysis(
        findings=tuple(findings),
        nodes=nodes,
        hotspots=ranked,
        structure=shape,
        risk_groups=tuple(risk_groups(graph, ranked.prioritised_risks(), order=order, exposure=flow)),
    )
