"""Which hotspots a plan of action must address: the prioritised risks (see docs/risk-model.md).

A hotspot is prioritised when its salience, rounded to 6 decimals as the JSON output shows it, is at least
PRIORITY_THRESHOLD, and it is among the first PRIORITY_LIMIT hotspots of the ranking.
"""

from collections.abc import Iterable
from typing import Final

from chainmap.analysis.hotspots import ROUNDING, Hotspot

# The salience of a very high risk of irreversible harm (forced or child labour: severity 1.0), found in a
# listing (likelihood 1.0), at a site that carries a tenth of the product (exposure 0.1). Below it even the
# worst kind of risk sits at a site that carries less than a tenth of the product.
PRIORITY_THRESHOLD: Final = 0.1
# A plan of action is a priority list the supplier can carry out and the contract manager can follow over a
# term; one action often covers several risks at one site. Risks beyond it are next in line.
PRIORITY_LIMIT: Final = 25


def is_prioritised_salience(salience: float, *, threshold: float = PRIORITY_THRESHOLD) -> bool:
    """True when the salience, rounded to 6 decimals, is at or above the threshold."""
    return round(salience, ROUNDING) >= threshold


def prioritised_risks(
    hotspots: Iterable[Hotspot], *, threshold: float = PRIORITY_THRESHOLD, limit: int = PRIORITY_LIMIT
) -> list[Hotspot]:
    """The prioritised hotspots, highest salience first: at most `limit`, each at or above `threshold`.

    `hotspots` must be in rank order, as `analyse` and `hotspots` give them; reading stops at the first
    hotspot below the threshold, so a large chain's lazy ranking is read only as far as needed. Hotspots with
    the same salience as the last one taken but ranked after it (by node id, then theme) are left out, so the
    list never exceeds `limit`.
    """
    if limit < 0:
        raise ValueError("limit must not be negative")
    chosen: list[Hotspot] = []
    for hotspot in hotspots:
        if len(chosen) >= limit or not is_prioritised_salience(hotspot.salience, threshold=threshold):
            break
        chosen.append(hotspot)
    return chosen
