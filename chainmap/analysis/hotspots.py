"""Prioritisation after the OECD guidance: (node, theme) hotspots, the most severe first.

Hotspots are ranked by severity first: a lower level never outranks a higher one. Within a level the
likelihood (evidence kind adjusted for the rule of law) and then the share of volume decide, then how hard
the harm is to undo. salience = severity x likelihood x exposure stays with each hotspot as its weight
(coverage of a plan of action sums it), but it does not rank: a very high forced-labour risk at a factory
carrying 0.2% of the volume ranks above a low risk at the contractor. See docs/risk-model.md §8.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, overload

import networkx as nx

from chainmap.analysis.risk import Evidence, Reason, Risk
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
# The lowest level a plan of action must address.
PRIORITY_LEVEL: Final = Level.HIGH
_THEME_ORDER: Final[dict[str, int]] = {theme: index for index, theme in enumerate(THEMES)}


def is_prioritised(level: Level, *, baseline: bool, evidence: Evidence | None = None) -> bool:
    """True for a risk a plan of action must address: at least PRIORITY_LEVEL, and that level set by a
    listing or a country source: not by the sector baseline where no source covers the country, nor by
    the sector level where a country source says less (`evidence` BASELINE). `evidence` None, for a
    hotspot kept without it, counts as a source."""
    return level >= PRIORITY_LEVEL and not baseline and evidence is not Evidence.BASELINE


@dataclass(frozen=True, slots=True)
class Hotspot:
    """A ranked (node, theme) pair with the parts of its salience score.

    `baseline` is True when the level rests on the sector baseline alone; `listed_good` names the good
    whose DOL listing set the level, when one did, and `evidence` is the kind of evidence behind the level;
    both place the hotspot in its risk group (`chainmap.analysis.groups`).
    """

    node: str
    theme: str
    level: Level
    salience: float
    severity: float
    likelihood: float
    exposure: float
    reasons: tuple[Reason, ...]
    baseline: bool = False
    listed_good: str | None = None
    evidence: Evidence | None = None

    @property
    def prioritised(self) -> bool:
        """True when a plan of action must address this risk (`is_prioritised`)."""
        return is_prioritised(self.level, baseline=self.baseline, evidence=self.evidence)

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
            "prioritised": self.prioritised,
            "reasons": [reason.text(lang) for reason in self.reasons]
            if reason_texts is None
            else reason_texts,
        }


def rank_key(
    *, level: Level, likelihood: float, exposure: float, theme: str, node: str
) -> tuple[int, float, float, float, str, int]:
    """The sort key of the ranking, smallest first: level, likelihood, exposure and irremediability, each
    highest first, then node id and theme order (docs/risk-model.md §8)."""
    return (
        -int(level),
        -likelihood,
        -exposure,
        -IRREMEDIABILITY.get(theme, 0.5),
        node,
        _THEME_ORDER.get(theme, len(THEMES)),
    )


def severity(risk: Risk) -> float:
    """How severe the risk is, 0-1: level as a fraction of very high, times the theme's irremediability."""
    return risk.level / Level.VERY_HIGH * IRREMEDIABILITY.get(risk.theme, 0.5)


def hotspot_of(
    node: str, risk: Risk, exposure: float, *, scores: tuple[float, float, str | None] | None = None
) -> Hotspot:
    """The hotspot of one risk at a node that carries `exposure` of the delivered volume; `scores` are the
    risk's (severity, likelihood, listed good) when the caller has them already."""
    risk_severity, likelihood, listed_good = scores or (severity(risk), risk.likelihood, risk.listed_good)
    return Hotspot(
        node=node,
        theme=risk.theme,
        level=risk.level,
        salience=risk_severity * likelihood * exposure,
        severity=risk_severity,
        likelihood=likelihood,
        exposure=exposure,
        reasons=risk.reasons,
        baseline=risk.baseline,
        listed_good=listed_good,
        evidence=risk.evidence,
    )


class RankedHotspots(Sequence[Hotspot]):
    """The hotspots of a chain in rank order, each built only when read.

    A 100,000-node chain has hundreds of thousands of (node, theme) pairs with some risk; keeping them as
    compact parallel lists keeps the analysis fast when a report shows only the top few. Because the
    ranking is by level first, every prioritised hotspot comes before the first one below PRIORITY_LEVEL,
    and `prioritised()` reads only that far.
    """

    def __init__(
        self, rank: list[int], nodes: list[str], risks: list[Risk], exposure: Mapping[str, float]
    ) -> None:
        self._rank = rank
        self._nodes = nodes
        self._risks = risks
        self._exposure = exposure
        self._scores: dict[int, tuple[float, float, str | None]] = {}

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
        return self._hotspot(self._nodes[item], self._risks[item])

    def prioritised_risks(self) -> list[tuple[str, Risk]]:
        """The prioritised (site, risk) pairs in rank order, without building their hotspots."""
        chosen: list[tuple[str, Risk]] = []
        for item in self._rank:
            risk = self._risks[item]
            if risk.level < PRIORITY_LEVEL:
                break
            if is_prioritised(risk.level, baseline=risk.baseline, evidence=risk.evidence):
                chosen.append((self._nodes[item], risk))
        return chosen

    def prioritised(self) -> list[Hotspot]:
        """The prioritised hotspots in rank order (`is_prioritised`)."""
        return [self._hotspot(node, risk) for node, risk in self.prioritised_risks()]

    def _hotspot(self, node: str, risk: Risk) -> Hotspot:
        """The hotspot of `risk` at `node` (`hotspot_of`); the scores of a risk shared by many nodes are
        worked out once."""
        scores = self._scores.get(id(risk))
        if scores is None:
            scores = self._scores[id(risk)] = (severity(risk), risk.likelihood, risk.listed_good)
        return hotspot_of(node, risk, self._exposure[node], scores=scores)


def rank_hotspots(
    graph: "nx.DiGraph[str]", risks: Mapping[str, Mapping[str, Risk]], exposure: Mapping[str, float]
) -> RankedHotspots:
    """Every (node, theme) of the chain with a level and an exposure above 0, the most severe first.

    Ranked by level, then likelihood, then exposure, then irremediability, each highest first. Ties are
    broken by node id and then by theme order in THEMES, so the ranking is the same on every run: the pairs
    are listed in that order and sorted stably three times, by the last key first (irremediability, then
    exposure, then level and likelihood as one number), which gives the order of `rank_key` with less
    work. Nodes share their risk profile, so the profile's part of the sort key is computed once per
    profile.
    """
    profile_keys: dict[int, list[tuple[Risk, int, float]]] = {}
    severe: list[int] = []  # level and likelihood in one number (`_risk_class`), negated
    volume: list[float] = []  # exposure, negated
    undoable: list[float] = []  # irremediability, negated
    nodes: list[str] = []
    ranked_risks: list[Risk] = []
    for node in sorted(graph):
        profile = risks.get(node)
        node_exposure = exposure.get(node, 0.0)
        if profile is None or node_exposure <= 0.0:
            continue
        keyed = profile_keys.get(id(profile))
        if keyed is None:
            keyed = profile_keys[id(profile)] = [
                (risk, -_risk_class(risk), -IRREMEDIABILITY.get(risk.theme, 0.5))
                for risk in sorted(
                    profile.values(), key=lambda risk: _THEME_ORDER.get(risk.theme, len(THEMES))
                )
                if risk.level != Level.NONE_KNOWN
            ]
        for risk, risk_class, irremediability in keyed:
            severe.append(risk_class)
            volume.append(-node_exposure)
            undoable.append(irremediability)
            nodes.append(node)
            ranked_risks.append(risk)
    rank = sorted(range(len(severe)), key=undoable.__getitem__)
    rank.sort(key=volume.__getitem__)
    rank.sort(key=severe.__getitem__)
    return RankedHotspots(rank, nodes, ranked_risks, exposure)


def _risk_class(risk: Risk) -> int:
    """A risk's level and likelihood as one integer that orders them, level first (likelihood is 0.1-1 in
    steps far coarser than a thousandth)."""
    return int(risk.level) * 1001 + round(risk.likelihood * 1000)


def hotspots(
    graph: "nx.DiGraph[str]", risks: Mapping[str, Mapping[str, Risk]], exposure: Mapping[str, float]
) -> list[Hotspot]:
    """Every (node, theme) of the chain with a level and an exposure above 0, ranked (`rank_hotspots`)."""
    return list(rank_hotspots(graph, risks, exposure))
