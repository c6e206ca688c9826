"""Prioritisation after the OECD guidance: (node, theme) hotspots ranked by salience.

severity = level / 4 x the irremediability weight of the theme; likelihood = `Risk.likelihood` (evidence
kind adjusted for the rule of law); salience = severity x likelihood x exposure. A high risk at a node
carrying 2% of the volume therefore ranks below the same risk at a node carrying 80%.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, overload

import networkx as nx

from chainmap.analysis.risk import Reason, Risk
from chainmap.themes import THEMES, Lang, Level

# How hard the harm is to undo: harm to children, to freedom and to life cannot be reversed, environmental
# damage often only in part; lost wages, exclusion and corruption can at least partly be remedied.
IRREMEDIABILITY: Final[dict[str, float]] = {
    "child_labour": 1.0,
    "forced_labour": 1.0,
    "health_safety": 0.9,
    "environment": 0.8,
    "freedom_of_association": 0.7,
    "discrimination": 0.7,
    "living_wage": 0.6,
    "corruption": 0.5,
}
ROUNDING: Final = 6
_THEME_ORDER: Final[dict[str, int]] = {theme: index for index, theme in enumerate(THEMES)}


@dataclass(frozen=True, slots=True)
class Hotspot:
    """A prioritised (node, theme) pair with the parts of its salience score."""

    node: str
    theme: str
    level: Level
    salience: float
    severity: float
    likelihood: float
    exposure: float
    reasons: tuple[Reason, ...]

    def as_dict(
        self, rank: int, lang: Lang = "en", *, reason_texts: list[str] | None = None
    ) -> dict[str, Any]:
        """JSON-ready, with its 1-based rank; scores rounded to 6 decimals, reasons as text.

        `reason_texts` are the reasons already rendered in `lang`, for callers that render shared risks once.
        """
        return {
            "rank": rank,
            "node": self.node,
            "theme": self.theme,
            "level": int(self.level),
            "salience": round(self.salience, ROUNDING),
            "severity": round(self.severity, ROUNDING),
            "likelihood": round(self.likelihood, ROUNDING),
            "exposure": round(self.exposure, ROUNDING),
            "reasons": [reason.text(lang) for reason in self.reasons]
            if reason_texts is None
            else reason_texts,
        }


def severity(risk: Risk) -> float:
    """How severe the risk is, 0-1: level as a fraction of very high, times the theme's irremediability."""
    return risk.level / Level.VERY_HIGH * IRREMEDIABILITY.get(risk.theme, 0.5)


class RankedHotspots(Sequence[Hotspot]):
    """The hotspots of a chain in rank order, each built only when read.

    A 100,000-node chain has hundreds of thousands of (node, theme) pairs with some risk; keeping them as
    compact parallel lists keeps the analysis fast when a report shows only the top few.
    """

    def __init__(
        self, rank: list[int], nodes: list[str], risks: list[Risk], exposure: Mapping[str, float]
    ) -> None:
        self._rank = rank
        self._nodes = nodes
        self._risks = risks
        self._exposure = exposure

    def __len__(self) -> int:
        return len(self._rank)

    @overload
    def __getitem__(self, index: int) -> Hotspot: ...

    @overload
    def __getitem__(self, index: slice) -> "list[Hotspot]": ...

    def __getitem__(self, index: int | slice) -> "Hotspot | list[Hotspot]":
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        item = self._rank[index]
        node, risk = self._nodes[item], self._risks[item]
        node_exposure = self._exposure[node]
        risk_severity, likelihood = severity(risk), risk.likelihood
        return Hotspot(
            node=node,
            theme=risk.theme,
            level=risk.level,
            salience=risk_severity * likelihood * node_exposure,
            severity=risk_severity,
            likelihood=likelihood,
            exposure=node_exposure,
            reasons=risk.reasons,
        )


def _theme_position(risk: Risk) -> int:
    return _THEME_ORDER.get(risk.theme, len(THEMES))


def rank_hotspots(
    graph: "nx.DiGraph[str]", risks: Mapping[str, Mapping[str, Risk]], exposure: Mapping[str, float]
) -> RankedHotspots:
    """Every (node, theme) of the chain with a salience above 0, highest first, built lazily.

    Ties are broken by node id and then by theme order in THEMES, so the ranking is the same on every
    run: the pairs are listed in that order and sorted once, stably, by salience. Nodes share their risk
    profile, so severity x likelihood is computed once per profile.
    """
    weights: dict[int, list[tuple[Risk, float]]] = {}
    salience: list[float] = []
    nodes: list[str] = []
    ranked_risks: list[Risk] = []
    for node in sorted(graph):
        profile = risks.get(node)
        node_exposure = exposure.get(node, 0.0)
        if profile is None or node_exposure <= 0.0:
            continue
        weighted = weights.get(id(profile))
        if weighted is None:
            weighted = weights[id(profile)] = [
                (risk, severity(risk) * risk.likelihood)
                for risk in sorted(
                    profile.values(), key=lambda risk: _THEME_ORDER.get(risk.theme, len(THEMES))
                )
                if risk.level != Level.NONE_KNOWN
            ]
        for risk, weight in weighted:
            salience.append(-(weight * node_exposure))
            nodes.append(node)
            ranked_risks.append(risk)
    rank = sorted(range(len(salience)), key=salience.__getitem__)
    return RankedHotspots(rank, nodes, ranked_risks, exposure)


def hotspots(
    graph: "nx.DiGraph[str]", risks: Mapping[str, Mapping[str, Risk]], exposure: Mapping[str, float]
) -> list[Hotspot]:
    """Every (node, theme) of the chain with a salience above 0, highest first (see `rank_hotspots`)."""
    return list(rank_hotspots(graph, risks, exposure))
