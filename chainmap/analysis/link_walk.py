"""The upstream walks of a chain over its link lists, with numpy.

`walk_links` gives the same `UpstreamWalk` as `chainmap.analysis.flow.walk_upstream`, to the last bit, and
`ahead_masks` the same bit sets as `chainmap.analysis.groups.combined_exposures` finds, from the
`ChainLinks` that validation records while it makes the edges, put in order once by `link_levels`.
Reading a large chain's edge dicts once costs about as much as a whole walk in Python; the link lists are
at hand already, so each walk runs in a few array operations per level of the chain instead of a loop
over 300,000 links.

Exactness: `walk_upstream` adds what reaches a site customer by customer, in upstream order. Here the
sites are handled level by level (`chainmap.levels`: all of a site's customers have lower levels) and the
volume reaching the sites of one level is added up with `numpy.add.at`, which adds one value after
another in the order given: each level's links are put in upstream order of their customers, so every
site adds the same numbers in the same order as the loop does. For a chain deeper than
`chainmap.levels.LEVELS_AT_MOST`, `link_levels` returns None and the caller walks the graph.
"""

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from chainmap.analysis.flow import UpstreamWalk
from chainmap.chain import WHOLE_WITHIN, ChainLinks
from chainmap.levels import UNREACHED, share_sums, site_levels

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class LinkLevels:
    """A valid chain's links in numpy, level by level, for `walk_links` and `ahead_masks`.

    - `order`: the chain's upstream order; a node's place in it is its number here.
    - `index`, `position`: each node's index in the recorded links (`ChainLinks.index`) and, by that
      index, its place in `order`.
    - `customer`, `supplier`, `fraction`: per link the places of its customer and its supplier and the
      fraction of the customer's input it carries; by the level of the supplier (its longest distance
      from the contractor), and within a level in upstream order of the customers.
    - `ends`: where each level's links end: those of level L (1, 2, ...) are `ends[L - 1]:ends[L]`.
    """

    order: list[str]
    index: dict[str, int]
    position: "npt.NDArray[np.intp]"
    customer: "npt.NDArray[np.intp]"
    supplier: "npt.NDArray[np.intp]"
    fraction: "npt.NDArray[np.float64]"
    ends: list[int]

    def places(self, nodes: Collection[str]) -> "npt.NDArray[np.intp]":
        """The places in `order` of `nodes`."""
        import numpy as np

        return self.position[np.fromiter(map(self.index.__getitem__, nodes), dtype=np.intp, count=len(nodes))]


def link_levels(links: ChainLinks, order: list[str]) -> LinkLevels | None:
    """The `LinkLevels` of the valid chain whose links validation recorded as `links`, `order` being its
    upstream order; None when the chain has more than LEVELS_AT_MOST levels (see `chainmap.levels`) or
    `links` do not index every node of `order` (they were not recorded for this chain)."""
    import numpy as np

    size = len(order)
    if len(links.index) != size:
        return None
    customers, suppliers, shares = links.as_arrays()
    levels = links.levels if links.levels is not None else site_levels(customers, suppliers, size)
    if levels is None or len(levels) != size or (levels == UNREACHED).any():
        return None
    position = _positions(links.index, order, levels)
    customer, supplier = position[customers], position[suppliers]
    # The links as made give each customer's suppliers in the graph's order, as `walk_upstream` adds them.
    fraction = _fractions(customer, shares, size)
    link_level = levels[suppliers]
    by_level = np.lexsort((customer, link_level))
    ends = np.searchsorted(link_level[by_level], np.arange(1, int(levels.max()) + 2))
    return LinkLevels(
        order,
        links.index,
        position,
        customer[by_level],
        supplier[by_level],
        fraction[by_level],
        ends.tolist(),
    )


def _positions(
    index: dict[str, int], order: list[str], levels: "npt.NDArray[np.intp]"
) -> "npt.NDArray[np.intp]":
    """Each node's place in `order`, by index: straight from the levels when `order` lists the nodes by
    level and then by index, as validation orders a large chain; else by looking every node up."""
    import numpy as np

    size = len(order)
    position = np.empty(size, dtype=np.intp)
    by_level = np.argsort(levels, kind="stable")
    ids = list(index)
    if list(map(ids.__getitem__, by_level.tolist())) == order:
        position[by_level] = np.arange(size)
    else:
        position[np.fromiter(map(index.__getitem__, order), dtype=np.intp, count=size)] = np.arange(size)
    return position


def walk_links(levels: LinkLevels, *, origins: Collection[str]) -> UpstreamWalk:
    """`walk_upstream(graph, order, origins=origins)` of the valid chain of `levels`."""
    import numpy as np

    order = levels.order
    size = len(order)
    customer, supplier, fraction = levels.customer, levels.supplier, levels.fraction
    arrived = np.zeros(size)
    held = np.zeros(size)
    tier = np.full(size, size, dtype=np.intp)
    arrived[0] = held[0] = 1.0
    tier[0] = 0
    passes_on = np.ones(size, dtype=bool)  # origins keep what reaches them from `held`
    passes_on[levels.places(origins)] = False
    for start, end in pairwise(levels.ends):
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


def ahead_masks(levels: LinkLevels, groups: Sequence[Sequence[str]]) -> tuple[Callable[[str], int], int]:
    """For `chainmap.analysis.groups.combined_exposures`: the groups with a site at or upstream of a
    node, as a bit set (bit i for `groups[i]`) read one node at a time, and the groups with a site
    upstream of another of their sites.

    Found from the most upstream level to the contractor with 64 groups to a word of a row per node;
    the same bit sets as `combined_exposures` finds by walking the graph."""
    import numpy as np

    words = max(1, (len(groups) + 63) // 64)
    own = np.zeros((len(levels.order), words), dtype=np.uint64)
    for number, sites in enumerate(groups):
        own[levels.places(sites), number // 64] |= np.uint64(1 << (number % 64))
    upstream = np.zeros_like(own)  # the groups with a site upstream of the node
    ahead = own.copy()
    customer, supplier = levels.customer, levels.supplier
    for start, end in reversed(list(pairwise(levels.ends))):
        to, at = customer[start:end], supplier[start:end]
        ahead[at] = upstream[at] | own[at]  # final: all of these suppliers' suppliers lie further up
        np.bitwise_or.at(upstream, to, ahead[at])
    ahead[0] = upstream[0] | own[0]
    nested = _as_int(np.bitwise_or.reduce(own & upstream, axis=0))
    position, index = levels.position, levels.index
    return (lambda node: _as_int(ahead[position[index[node]]])), nested


def _as_int(row: "npt.NDArray[np.uint64]") -> int:
    """A row of 64-bit words as one integer, the first word lowest."""
    return int.from_bytes(row.astype("<u8").tobytes(), "little")


def _fractions(
    customer: "npt.NDArray[np.intp]", share: "npt.NDArray[np.float64]", size: int
) -> "npt.NDArray[np.float64]":
    """The fraction of its customer's input that each link carries, as
    `chainmap.analysis.flow.input_fractions` works it out (the same operations, so the same bits)."""
    import numpy as np

    given, _, unshared = share_sums(customer, share, size)
    whole = (given > 100.0) | ((unshared == 0) & (np.abs(given - 100.0) <= WHOLE_WITHIN))
    scale = np.divide(1.0, given, out=np.full(size, 0.01), where=whole)
    rest = np.divide(np.maximum(0.0, 100.0 - given), unshared, out=np.zeros(size), where=unshared > 0)
    rest /= 100.0
    return np.where(np.isnan(share), rest[customer], share * scale[customer])


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
