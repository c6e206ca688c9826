"""Mitigation coverage: which prioritised risks the plan of action addresses, weighed by salience."""

from collections.abc import Iterable
from dataclasses import dataclass

from chainmap.analysis.hotspots import Hotspot
from chainmap.monitoring.actions import PlannedAction, RiskKey, risk_key
from chainmap.monitoring.priority import prioritised_risks


@dataclass(frozen=True, slots=True)
class Coverage:
    """The prioritised risks split into covered and uncovered, each list highest salience first.

    `share` is the covered part of the total salience of the prioritised risks, from 0 to 1; it is 1 when no
    risk is prioritised, because nothing is then left uncovered. `actions` gives, per covered risk, the ids
    of the actions that cover it.
    """

    prioritised: tuple[Hotspot, ...]
    covered: tuple[Hotspot, ...]
    uncovered: tuple[Hotspot, ...]
    share: float
    actions: dict[RiskKey, tuple[int, ...]]

    @property
    def total_salience(self) -> float:
        """The sum of the salience of the prioritised risks."""
        return sum(hotspot.salience for hotspot in self.prioritised)


def covering_actions(actions: Iterable[PlannedAction]) -> dict[RiskKey, tuple[int, ...]]:
    """Per risk, the ids of the actions that cover it: open, or done and not judged insufficient."""
    by_risk: dict[RiskKey, list[int]] = {}
    for action in actions:
        if action.counts_as_cover:
            for key in action.risks:
                by_risk.setdefault(key, []).append(action.id)
    return {key: tuple(ids) for key, ids in by_risk.items()}


def coverage(
    hotspots: Iterable[Hotspot],
    actions: Iterable[PlannedAction],
) -> Coverage:
    """How far the actions cover the prioritised risks of the ranked `hotspots`.

    A prioritised risk is covered when at least one action tied to it is planned, in progress, or done and
    not judged insufficient by the contract manager; cancelled actions never cover. Coverage is the covered
    share of the prioritised risks' total salience, so covering the most salient risk counts most.
    """
    prioritised = prioritised_risks(hotspots)
    cover = covering_actions(actions)
    covered = tuple(hotspot for hotspot in prioritised if risk_key(hotspot) in cover)
    uncovered = tuple(hotspot for hotspot in prioritised if risk_key(hotspot) not in cover)
    total = sum(hotspot.salience for hotspot in prioritised)
    covered_salience = sum(hotspot.salience for hotspot in covered)
    share = 1.0 if total <= 0.0 else min(1.0, covered_salience / total)
    return Coverage(
        prioritised=tuple(prioritised),
        covered=covered,
        uncovered=uncovered,
        share=share,
        actions={risk_key(hotspot): cover[risk_key(hotspot)] for hotspot in covered},
    )
