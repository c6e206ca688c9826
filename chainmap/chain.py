"""The chain map as a networkx graph, and the raw rows a chain file holds before validation.

A chain is a `networkx.DiGraph` whose edges run supplier -> customer. Node attributes:

- ``name`` (str): company or site name
- ``country`` (str | None): ISO 3166-1 alpha-2 code, None when the country is unknown
- ``activity`` (str): activity key from `chainmap.activities` (as written when outside the vocabulary)
- ``goods`` (tuple[str, ...]): goods produced there, vocabulary names where they resolve
- ``region`` (str): the sub-national region as written (e.g. "Xinjiang"); absent when the file gives none
- ``row`` (int | None): the row of the chain file the node came from

Edge attribute ``share`` (float | None): percentage (0-100) of the customer's total input that the
supplier supplies; None when the file gives none. Graph attribute ``contractor`` holds the id of the
contractor, the one node without customers (tier 0), which delivers to the buyer.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, NamedTuple

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    import numpy.typing as npt


COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "name",
    "country",
    "activity",
    "goods",
    "supplies_to",
    "share",
    "region",
)
REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("id", "name", "country", "activity", "supplies_to")
LIST_SEPARATOR: Final = ";"
UNKNOWN_COUNTRY: Final = "unknown"
# Suppliers round their shares (3 x 33.3 is 99.9): the shares of one customer's suppliers that add up to
# within SHARE_ROUNDING percentage points of 100 stand for its whole input, and SHARE_SUM_TOLERANCE absorbs
# the float error of summing many shares ("99.5" summed from parts may land at 99.49999999999999).
SHARE_ROUNDING: Final = 0.5
SHARE_SUM_TOLERANCE: Final = 1e-6
# How far from 100 the shares of a customer's suppliers may add up to and still stand for its whole input.
WHOLE_WITHIN: Final = SHARE_ROUNDING + SHARE_SUM_TOLERANCE


class ChainRow(NamedTuple):
    """One node of a chain file as written: every cell a stripped string, "" when empty.

    `row` is the spreadsheet row number (header = 1, first node = 2); for JSON files it is the 1-based
    position in the node list. List cells (goods, supplies_to, share) are still `;`-separated text.
    `region` is optional and last, so that rows stored before it existed (seven cells) still read.
    A named tuple, not a frozen dataclass: a file of 100,000 sites makes as many, and a tuple is made in
    one step (`ChainRow._make`) rather than one attribute at a time; `_replace` makes a changed copy.
    """

    row: int
    id: str
    name: str
    country: str
    activity: str
    goods: str = ""
    supplies_to: str = ""
    share: str = ""
    region: str = ""


@dataclass(slots=True)
class ChainLinks:
    """A chain's links as three parallel lists, in the order they were made: the supplier's and the
    customer's index (a node's place in `index`, the graph's node order) and the share (None where the
    file gives none). Each customer's suppliers come in the order the graph lists them.

    `chainmap.validation` records them while it makes the edges, so that the analysis of a large chain
    can walk it with numpy (`chainmap.analysis.link_walk`) instead of reading 300,000 edge dicts again.
    They describe the graph only as validation built it: a graph changed afterwards needs them made anew.
    `levels` holds each node's level by index (`chainmap.levels`) where validation worked them out.
    """

    index: dict[str, int] = field(default_factory=dict)
    suppliers: list[int] = field(default_factory=list)
    customers: list[int] = field(default_factory=list)
    shares: list[float | None] = field(default_factory=list)
    levels: "npt.NDArray[np.intp] | None" = None
    _arrays: "tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.float64]] | None" = None

    def as_arrays(self) -> "tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.float64]]":
        """The customers, the suppliers and the shares (NaN for None) as numpy arrays, made on the first
        call, which must come after the last link is recorded."""
        if self._arrays is None:
            import numpy as np

            self._arrays = (
                np.array(self.customers, dtype=np.intp),
                np.array(self.suppliers, dtype=np.intp),
                np.array(self.shares, dtype=np.float64),
            )
        return self._arrays


def shares_add_up_to_whole(total: float) -> bool:
    """Whether shares adding up to `total` percent stand for a customer's whole input: 100 give or take
    SHARE_ROUNDING (99.5 and 100.5 included), the rounding a supplier's own figures carry."""
    return abs(total - 100.0) <= WHOLE_WITHIN


def split_list(cell: str) -> list[str]:
    """The items of a `;`-separated cell, stripped, without empty items."""
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]


def contractor(graph: "nx.DiGraph[str]") -> str:
    """The id of the chain's contractor (tier 0). A graph without one is a programming error."""
    node = graph.graph.get("contractor")
    if not isinstance(node, str) or node not in graph:
        raise ValueError("chain graph has no contractor; build it with chainmap.validation.build_chain")
    return node


Adjacency = dict[str, dict[str, dict[str, Any]]]


def suppliers_of(graph: "nx.DiGraph[str]") -> Adjacency:
    """networkx's own map of each node to its suppliers and the link attributes, for reading only.

    Plain dict access is several times faster than the graph's views, which counts on 100,000 nodes.
    """
    predecessors: Adjacency = graph._pred  # type: ignore[attr-defined]
    return predecessors


def customers_of(graph: "nx.DiGraph[str]") -> Adjacency:
    """networkx's own map of each node to its customers and the link attributes, for reading only."""
    successors: Adjacency = graph._succ  # type: ignore[attr-defined]
    return successors
