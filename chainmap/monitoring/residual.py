"""Residual risk: the hotspots re-scored once done and verified actions are taken into account.

Rule (docs/risk-model.md, "Mitigation coverage and residual risk"): a risk with at least one done action
that the contract manager verified is lowered by one level, never below low, and its severity and salience
are computed for that level. Unverified, insufficient, open and cancelled actions reduce nothing, and
several verified actions on one risk lower it once.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from chainmap.analysis.hotspots import Hotspot, rank_key, severity
from chainmap.analysis.risk import Risk
from chainmap.monitoring.actions import PlannedAction, RiskKey
from chainmap.themes import Level

# Mitigation reduces a risk; it rarely removes it: the country, sector and goods that carry it remain.
RESIDUAL_FLOOR: Final = Level.LOW


@dataclass(frozen=True, slots=True)
class ResidualHotspot:
    """A hotspot after verified mitigation: its residual level and scores, next to the inherent hotspot.

    `verified_actions` are the ids of the done and verified actions tied to the risk, in the order given.
    """

    inherent: Hotspot
    level: Level
    severity: float
    salience: float
    verified_actions: tuple[int, ...]

    @property
    def node(self) -> str:
        return self.inherent.node

    @property
    def theme(self) -> str:
        return self.inherent.theme

    @property
    def reduced(self) -> bool:
        """True when verified mitigation lowered the level."""
        return self.level < self.inherent.level


def residual_level(level: Level) -> Level:
    """The level one step lower, never below low (a level at or below low stays as it is)."""
    return level if level <= RESIDUAL_FLOOR else Level(level - 1)


def verified_actions(actions: Iterable[PlannedAction]) -> dict[RiskKey, tuple[int, ...]]:
    """Per risk, the ids of the done actions that the contract manager verified."""
    by_risk: dict[RiskKey, list[int]] = {}
    for action in actions:
        if action.reduces_risk:
            for key in action.risks:
                by_risk.setdefault(key, []).append(action.id)
    return {key: tuple(ids) for key, ids in by_risk.items()}


def residual_hotspot(hotspot: Hotspot, verified: tuple[int, ...] = ()) -> ResidualHotspot:
    """One hotspot re-scored: one level lower when `verified` names a verified action, else unchanged.

    Severity is computed for the lower level as for any hotspot (level / 4 x irremediability), and salience
    from it with the same likelihood and exposure, so a lowered risk ties exactly with an unmitigated one
    of the same scores.
    """
    level = residual_level(hotspot.level) if verified else hotspot.level
    if level == hotspot.level:
        return ResidualHotspot(hotspot, level, hotspot.severity, hotspot.salience, verified)
    lowered = severity(Risk(hotspot.theme, level, (), False))
    return ResidualHotspot(hotspot, level, lowered, lowered * hotspot.likelihood * hotspot.exposure, verified)


def residual_risk(hotspots: Iterable[Hotspot], actions: Iterable[PlannedAction]) -> list[ResidualHotspot]:
    """Every hotspot re-scored for the done and verified actions, ranked again by residual level.

    The ranking is the one of `hotspots` (`rank_key`): the residual level first, then likelihood, exposure,
    irremediability, node id and theme order.
    """
    verified = verified_actions(actions)
    residual = [
        residual_hotspot(hotspot, verified.get((hotspot.node, hotspot.theme), ())) for hotspot in hotspots
    ]
    residual.sort(
        key=lambda item: rank_key(
            level=item.level,
            likelihood=item.inherent.likelihood,
            exposure=item.inherent.exposure,
            theme=item.theme,
            node=item.node,
        )
    )
    return residual
