"""Which hotspots a plan of action must address: the prioritised risks (see docs/risk-model.md §10).

A hotspot is prioritised when its level is high or very high and a listing or a country source set that
level, not the sector table, however small its share of the volume: the OECD guidance puts the most
severe risks first, and a very high risk at a small supplier is still very high for the people there. Plans
stay workable because the prioritised risks are gathered into risk groups (`chainmap.analysis.groups`) that
one action can cover.
"""

from collections.abc import Iterable

from chainmap.analysis.hotspots import PRIORITY_LEVEL, Hotspot, is_prioritised


def prioritised_risks(hotspots: Iterable[Hotspot]) -> list[Hotspot]:
    """The prioritised hotspots (`Hotspot.prioritised`), in rank order.

    `hotspots` must be in rank order, as `analyse` and `hotspots` give them: the most severe first, so
    reading stops at the first hotspot below PRIORITY_LEVEL and a large chain's lazy ranking is read only
    as far as needed.
    """
    chosen: list[Hotspot] = []
    for hotspot in hotspots:
        if hotspot.level < PRIORITY_LEVEL:
            break
        if is_prioritised(hotspot.level, baseline=hotspot.baseline, evidence=hotspot.evidence):
            chosen.append(hotspot)
    return chosen
