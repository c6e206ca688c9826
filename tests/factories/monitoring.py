"""Hotspots and planned actions for the monitoring tests, built without a chain or the reference data."""

from collections.abc import Iterable
from datetime import date

from chainmap.analysis import IRREMEDIABILITY, Hotspot
from chainmap.analysis.hotspots import rank_key
from chainmap.monitoring import ActionStatus, PlannedAction, RiskKey
from chainmap.themes import Level

DUE = date(2026, 6, 30)


def make_hotspot(
    node: str,
    theme: str,
    level: Level,
    *,
    likelihood: float = 1.0,
    exposure: float = 1.0,
    baseline: bool = False,
) -> Hotspot:
    """A hotspot scored as `rank_hotspots` scores it: severity = level / 4 x irremediability."""
    severity = level / Level.VERY_HIGH * IRREMEDIABILITY.get(theme, 0.5)
    return Hotspot(
        node=node,
        theme=theme,
        level=level,
        salience=severity * likelihood * exposure,
        severity=severity,
        likelihood=likelihood,
        exposure=exposure,
        reasons=(),
        baseline=baseline,
    )


def ranked(hotspots: Iterable[Hotspot]) -> list[Hotspot]:
    """The hotspots in rank order (`rank_key`): the most severe first."""
    return sorted(
        hotspots,
        key=lambda hotspot: rank_key(
            level=hotspot.level,
            likelihood=hotspot.likelihood,
            exposure=hotspot.exposure,
            theme=hotspot.theme,
            node=hotspot.node,
        ),
    )


def make_action(
    action_id: int,
    *risks: RiskKey,
    status: ActionStatus = ActionStatus.PLANNED,
    due: date = DUE,
    verified: bool | None = None,
) -> PlannedAction:
    """An action tied to the given (node, theme) risks."""
    return PlannedAction(id=action_id, risks=frozenset(risks), status=status, due=due, verified=verified)
