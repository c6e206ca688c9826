"""The upstream walk of `chainmap.analysis.flow.walk_upstream` over a chain's link lists, with numpy.

`walk_links` gives the same `UpstreamWalk` as `walk_upstream`, to the last bit, from the `ChainLinks` that
validation records while it makes the edges. Reading a large chain's edge dicts once costs about as much
as the whole walk in Python; the link lists are at hand already, so the walk runs in a few array
operations per level of the chain instead of a loop over 300,000 links.

Exactness: `walk_upstream` adds what reaches a site customer by customer, in upstream order. Here the
sites are handled level by level (a site's level is its longest distance from the contractor, so all its
customers have lower levels) and the volume reaching the sites of one level is added up with
`numpy.add.at`, which adds one value after another in the order given: the links are put in upstream
order of their customers first, so every site adds the same numbers in the same order as the loop does.
A chain with more than LEVELS_AT_MOST levels (a long line of sites, never a real chain) would cost many
small array operations per level; `walk_links` then returns None and the caller walks the graph.
"""

from collections.abc import Collection
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from chainmap.analysis.flow import UpstreamWalk
from chainmap.chain import WHOLE_WITHIN, ChainLinks

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

LEVELS_AT_MOST: Final = 200


def walk_links(links: ChainLinks, order: list[str], *, origins: Collection[str]) -> UpstreamWalk | None:
    """`walk_upstream(graph, order, origins=origins)` of the valid chain whose links validation recorded
    as `links`; None when the chain has more than LEVELS_AT_MOST levels (see the module) or `links` do
    not index every node of `order` (they were not recorded for this chain)."""
    import numpy as np

    size = len(order)
    if len(links.index) != size:
        return None
    position = np.empty(size, dtype=np.intp)
    position[np.fromiter(map(links.index.__getitem__, order), dtype=np.intp, count=size)] = np.arange(size)
    # Every link by its customer's place in `order`; a stable sort keeps each customer's suppliers in
    # the graph's order, as the loop of `walk_upstream` meets them.
    customer = position[np.array(links.customers, dtype=np.intp)]
    by_customer = np.argsort(customer, kind="stable")
    customer = customer[by_customer]
    supplier = position[np.array(links.suppliers, dtype=np.intp)][by_customer]
    share = np.array(links.shares, dtype=np.float64)[by_customer]  # None is NaN
    levels = _levels(customer, supplier, size)
    if levels is None:
        return None
    fraction = _fractions(customer, share, size)
    # The links by their supplier's level, each level's links still in upstream order of customers.
    link_level = levels[supplier]
    by_level = np.argsort(link_level, kind="stable")
    ends = np.searchsorted(link_level[by_level], np.arange(1, int(levels.max()) + 2))
    customer, supplier, fraction = customer[by_level], supplier[by_level], fraction[by_level]
    arrived = np.zeros(size)
    held = np.zeros(size)
    tier = np.full(size, size, dtype=np.intp)
    arrived[0] = held[0] = 1.0
    tier[0] = 0
    passes_on = np.ones(size, dtype=bool)  # origins keep what reaches them from `held`
    passes_on[position[np.fromiter(map(links.index.__getitem__, origins), dtype=np.intp)]] = False
    for start, end in pairwise(ends.tolist()):
        at, to, part = customer[start:end], supplier[start:end], fraction[start:end]
        np.add.at(arrived, to, arrived[at] * part)
        np.add.at(held, to, np.where(passes_on[at], held[at], 0.0) * part)
        np.minimum.at(tier, to, tier[at] + 1)
    return UpstreamWalk(
        dict(zip(order, arrived.tolist(), strict=True)),
        dict(zip(order, held.tolist(), strict=True)),
        dict(zip(order, tier.tolist(), strict=True)),
        tuple(order[at] for at in _critical_positions(customer, supplier, size).tolist()),
    )


def _levels(
    customer: "npt.NDArray[np.intp]", supplier: "npt.NDArray[np.intp]", size: int
) -> "npt.NDArray[np.intp] | None":
    """Each node's level (by place in upstream order), found level by level from the contractor as
    Kahn's algorithm does; `customer` is sorted. None past LEVELS_AT_MOST levels."""
    import numpy as np

    starts = np.searchsorted(customer, np.arange(size + 1))
    waiting = np.bincount(supplier, minlength=size)
    levels = np.zeros(size, dtype=np.intp)
    current = np.zeros(1, dtype=np.intp)
    level = 0
    while current.size:
        levels[current] = level
        counts = starts[current + 1] - starts[current]
        total = int(counts.sum())
        if not total:
            break
        if level == LEVELS_AT_MOST:
            return None
        firsts = np.repeat(starts[current] - np.cumsum(counts) + counts, counts) + np.arange(total)
        reached = supplier[firsts]
        np.subtract.at(waiting, reached, 1)
        ready = np.zeros(size, dtype=bool)  # a site reached from several customers is next only once
        ready[reached[waiting[reached] == 0]] = True
        current = np.flatnonzero(ready)
        level += 1
    return levels


def _fractions(
    customer: "npt.NDArray[np.intp]", share: "npt.NDArray[np.float64]", size: int
) -> "npt.NDArray[np.float64]":
    """The fraction of its customer's input that each link carries, as
    `chainmap.analysis.flow.input_fractions` works it out (the same operations, so the same bits)."""
    import numpy as np

    missing = np.isnan(share)
    given = np.zeros(size)
    np.add.at(given, customer, np.where(missing, 0.0, share))  # in order, as the loop adds them
    unshared = np.bincount(customer[missing], minlength=size)
    whole = (given > 100.0) | ((unshared == 0) & (np.abs(given - 100.0) <= WHOLE_WITHIN))
    scale = np.divide(1.0, given, out=np.full(size, 0.01), where=whole)
    rest = np.divide(np.maximum(0.0, 100.0 - given), unshared, out=np.zeros(size), where=unshared > 0)
    rest /= 100.0
    return np.where(missing, rest[customer], share * scale[customer])


def _critical_positions(
    customer: "npt.NDArray[np.intp]", supplier: "npt.NDArray[np.intp]", size: int
) -> "npt.NDArray[np.intp]":
    """The places in upstream order of the critical nodes, by the difference array of `walk_upstream`."""
    import numpy as np

    suppliers = np.bincount(customer, minlength=size)
    jumps = np.zeros(size + 1, dtype=np.intp)
    jumps[1:] += suppliers
    jumps[:size] -= np.bincount(supplier, minlength=size)
    ends = np.flatnonzero(suppliers == 0)
    last = min(int(ends[0]) if ends.size else size, size - 1)
    running = np.cumsum(jumps[: last + 1])
    return np.flatnonzero(running[1:] == 0) + 1
