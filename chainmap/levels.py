"""The level of every site of a chain, and its customers' share totals, from its link lists with numpy.

A site's level is its longest distance from a site without customers: 0 for the contractor, and for any
other site one more than the highest level of its customers, so that every customer has a lower level
than its suppliers. Kahn's algorithm finds the levels one level at a time from the sites without
customers, in a few array operations per level; sites on or upstream of a cycle are never reached.
Validation orders a large chain's sites by level with them, and the analysis walks the chain level by
level (`chainmap.analysis.link_walk`). A chain of more than LEVELS_AT_MOST levels (a long line of sites,
never a real chain) would cost many small array operations per level: the callers then use the graph.
"""

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

LEVELS_AT_MOST: Final = 200
UNREACHED: Final = -1


def site_levels(
    customers: "npt.NDArray[np.intp]", suppliers: "npt.NDArray[np.intp]", size: int
) -> "npt.NDArray[np.intp] | None":
    """Each of `size` sites' level (see the module), UNREACHED for a site on or upstream of a cycle, from
    the customer and the supplier of every link (site numbers 0 to `size` - 1, each link once); None
    past LEVELS_AT_MOST levels."""
    import numpy as np

    by_customer = np.argsort(customers)
    starts = np.searchsorted(customers[by_customer], np.arange(size + 1))
    supplier_of_link = suppliers[by_customer]
    waiting = np.bincount(suppliers, minlength=size)  # customers not yet given their level
    levels = np.full(size, UNREACHED, dtype=np.intp)
    current = np.flatnonzero(waiting == 0)
    level = 0
    while current.size:
        levels[current] = level
        counts = starts[current + 1] - starts[current]
        total = int(counts.sum())
        if not total:
            break
        if level + 1 == LEVELS_AT_MOST:  # the next would be one level too many
            return None
        firsts = np.repeat(starts[current] - np.cumsum(counts) + counts, counts) + np.arange(total)
        reached = supplier_of_link[firsts]
        np.subtract.at(waiting, reached, 1)
        ready = np.zeros(size, dtype=bool)  # a site reached from several customers is next only once
        ready[reached[waiting[reached] == 0]] = True
        current = np.flatnonzero(ready)
        level += 1
    return levels


def share_sums(
    customers: "npt.NDArray[np.intp]", shares: "npt.NDArray[np.float64]", size: int
) -> "tuple[npt.NDArray[np.float64], npt.NDArray[np.intp], npt.NDArray[np.intp]]":
    """For each of `size` customers, from the customer and the share (NaN where none) of every link: the
    total of the given shares, added one after another in the order of the links (so to the bit as a
    loop over them adds them), the number of links with a share and the number without."""
    import numpy as np

    missing = np.isnan(shares)
    given = np.zeros(size)
    np.add.at(given, customers, np.where(missing, 0.0, shares))
    return (
        given,
        np.bincount(customers[~missing], minlength=size),
        np.bincount(customers[missing], minlength=size),
    )
