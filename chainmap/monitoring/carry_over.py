"""A new chain version during the term: which actions stay tied to their risks, and which risks are new.

Risks are matched by (node id, theme), as `chainmap.analysis.diff` matches sites by id: the supplier's own
references, which stay the same from one version to the next.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Final

from chainmap.analysis.hotspots import Hotspot
from chainmap.monitoring.actions import PlannedAction, RiskKey, risk_key
from chainmap.monitoring.coverage import covering_actions
from chainmap.monitoring.priority import prioritised_risks
from chainmap.themes import THEMES

_THEME_ORDER: Final[dict[str, int]] = {theme: index for index, theme in enumerate(THEMES)}


@dataclass(frozen=True, slots=True)
class DetachedRisk:
    """A risk an action was tied to whose site the new version no longer has."""

    action: int
    risk: RiskKey


@dataclass(frozen=True, slots=True)
class CarryOver:
    """The plan of action carried over to a new chain version.

    `actions` are the actions in the order given, each tied only to the risks whose site the new version
    still has (an action may be left with none). `detached` are the risks that were dropped, by node id,
    theme order and action id. `new_prioritised` are the risks prioritised in the new version but not in the
    old one, and `new_uncovered` those of them that no carried action covers; both highest salience first.
    """

    actions: tuple[PlannedAction, ...]
    detached: tuple[DetachedRisk, ...]
    new_prioritised: tuple[Hotspot, ...]
    new_uncovered: tuple[Hotspot, ...]


def _risk_order(key: RiskKey) -> tuple[str, int]:
    node, theme = key
    return (node, _THEME_ORDER.get(theme, len(THEMES)))


def carry_over(
    actions: Iterable[PlannedAction],
    *,
    new_nodes: Collection[str],
    old_hotspots: Iterable[Hotspot],
    new_hotspots: Iterable[Hotspot],
) -> CarryOver:
    """Carry the actions over to a new version whose node ids are `new_nodes` (a graph will do).

    An action keeps every risk whose node is still in the new version, even when that risk is no longer a
    hotspot; risks at removed nodes are reported as detached. A risk counts as new when it is prioritised in
    the ranked `new_hotspots` and was not prioritised in the ranked `old_hotspots` (a new site, a higher
    level, or a source that now backs it); it is flagged when no carried action covers it.
    """
    carried: list[PlannedAction] = []
    detached: list[DetachedRisk] = []
    for action in actions:
        kept = frozenset(key for key in action.risks if key[0] in new_nodes)
        detached.extend(DetachedRisk(action.id, key) for key in action.risks - kept)
        carried.append(action if kept == action.risks else replace(action, risks=kept))
    detached.sort(key=lambda item: (_risk_order(item.risk), item.action))
    before = {risk_key(hotspot) for hotspot in prioritised_risks(old_hotspots)}
    new_prioritised = tuple(
        hotspot for hotspot in prioritised_risks(new_hotspots) if risk_key(hotspot) not in before
    )
    cover = covering_actions(carried)
    return CarryOver(
        actions=tuple(carried),
        detached=tuple(detached),
        new_prioritised=new_prioritised,
        new_uncovered=tuple(hotspot for hotspot in new_prioritised if risk_key(hotspot) not in cover),
    )
