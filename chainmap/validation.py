"""Build a chain graph from the rows of a chain file, and check it.

`build_chain` turns `ChainRow`s into a `networkx.DiGraph` following the conventions of `chainmap.chain`
and returns every problem it finds as a `Finding`; it never raises on what a supplier wrote. Errors
block import, warnings are shown but do not:

- errors: a duplicate id; a missing id, name, country or activity; `supplies_to` missing for a site that
  is not the contractor (reported as "more than one contractor"); an unknown country; a customer in
  `supplies_to` that no row has as id, or named twice; a site that supplies itself; sites that supply each
  other in a circle; a share that is not a number or lies outside 0-100; a number of shares that does not
  match the number of customers; shares of one customer's suppliers adding up to more than 100; no
  contractor or more than one; sites whose goods never reach the contractor.
- warnings: goods outside the goods vocabulary (kept as written: the vocabulary cannot list every
  product, and an unknown good only means no good x country risk is found for it); an activity outside
  the activity vocabulary (kept as written, lowercased: suppliers know activities the vocabulary lacks,
  such as embroidery, and blocking them would push them to pick a wrong activity; the risk model then
  gives that site the medium baseline on every theme where no country data speaks).

Countries are ISO 3166-1 alpha-2 or alpha-3 codes or English names in any case, resolved through the
reference data; "unknown" marks an unknown country (attribute `country` None). Shares are percentages
written as "40", "40%", "40.5" or "40,5" (Dutch decimal comma); one per customer, in the order of
`supplies_to`, where a value may be left empty ("40;;60") when it is not known.

The graph checks (`self_loop_findings`, `cycle_findings`, `share_total_findings`,
`unreachable_findings`) are separate pure functions that work on any chain graph. Every check is linear
in the size of the chain: cycles are found through strongly connected components, never by listing
simple cycles.
"""

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from sys import intern
from typing import Any, Final

import networkx as nx

from chainmap.activities import closest_activity, normalise_activity
from chainmap.chain import (
    LIST_SEPARATOR,
    UNKNOWN_COUNTRY,
    WHOLE_WITHIN,
    ChainLinks,
    ChainRow,
    customers_of,
    shares_add_up_to_whole,
    split_list,
    suppliers_of,
)
from chainmap.collector import collector_paused
from chainmap.findings import Finding, Severity, has_errors
from chainmap.levels import UNREACHED, share_sums, site_levels
from chainmap.reference import ReferenceData

# Excel keeps 15 significant digits of a number (and openpyxl writes 16), so shares keep 15.
SHARE_DIGITS: Final = 15
SHARE_MIN: Final = 0.0
SHARE_MAX: Final = 100.0
# Messages name at most this many sites or rows; the finding's `nodes` always holds all of them.
LISTED_AT_MOST: Final = 10
# A value quoted back in a message is cut to this many characters.
QUOTED_AT_MOST: Final = 80

REQUIRED_VALUES: Final[tuple[str, ...]] = ("id", "name", "country", "activity")
# From this many sites a chain is peeled with numpy (`_peeled_by_levels`); below, numpy is not worth
# loading for it.
ARRAY_PEEL_FROM: Final = 1_000

# A share cell as nearly every row of a large file has it: plain decimals of at most SHARE_DIGITS
# characters, which `float` reads as `parse_share` does.
_PLAIN_SHARES: Final = re.compile(r"\d{1,3}(?:\.\d{0,11})?(?:;\d{1,3}(?:\.\d{0,11})?)*", re.ASCII)
_SHARE_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?", re.ASCII)


@dataclass(frozen=True)
class BuiltChain:
    """A chain graph with the findings made while building and checking it.

    When `ok` is False the graph holds what could be built (for showing the problems in context) and
    must not be analysed. `upstream_order` lists the sites with every customer before its suppliers,
    contractor first, as the cycle check finds them (`chainmap.analysis.analyse` takes it as `order`); it
    is complete only when the chain has no cycle.
    """

    graph: "nx.DiGraph[str]"
    findings: list[Finding]
    upstream_order: list[str] = field(default_factory=list)
    links: ChainLinks = field(default_factory=ChainLinks)

    @property
    def ok(self) -> bool:
        """True when no finding blocks import."""
        return not has_errors(self.findings)


def quoted(text: str) -> str:
    """A value as a message shows it: cut to QUOTED_AT_MOST characters."""
    return text if len(text) <= QUOTED_AT_MOST else text[: QUOTED_AT_MOST - 1] + "…"


def listed(items: Sequence[str]) -> str:
    """Items for a message, quoted and comma-separated, at most LISTED_AT_MOST of them ("... +N")."""
    shown = ", ".join(f'"{quoted(item)}"' for item in items[:LISTED_AT_MOST])
    rest = len(items) - LISTED_AT_MOST
    return f"{shown} (+{rest})" if rest > 0 else shown


def _rows_listed(rows: Sequence[int]) -> str:
    shown = ", ".join(str(row) for row in rows[:LISTED_AT_MOST])
    rest = len(rows) - LISTED_AT_MOST
    return f"{shown} (+{rest})" if rest > 0 else shown


def parse_share(text: str) -> float | None:
    """The number a share cell item means ("40", "40%", "40.5", "40,5"), or None when it is no number.

    The number is kept to SHARE_DIGITS significant digits, as a spreadsheet keeps it, so that a share
    survives being written to and read from any chain file format unchanged. Range is not checked here:
    "-5" and "150" parse and are reported as outside 0-100 by the caller.
    """
    number = text.strip()
    if number.endswith("%"):
        number = number[:-1].rstrip()
    if len(number) <= SHARE_DIGITS and number.isascii() and number.replace(".", "", 1).isdigit():
        # Plain decimals ("40", "12.5"), nearly every share of a large file: at most SHARE_DIGITS digits
        # read as they are, which the rounding below would leave unchanged.
        return float(number)
    if not _SHARE_NUMBER.fullmatch(number):
        return None
    return float(f"{float(number.replace(',', '.')):.{SHARE_DIGITS}g}")


def share_items(cell: str, customers: int) -> list[str] | None:
    """The share cell's items aligned with `customers` targets, "" where a share is left empty.

    Returns [] for an empty cell and None when the number of items does not match the customers. A
    cell with exactly one item per customer keeps its empty items in place ("40;;60"); otherwise empty
    items are dropped, so that a trailing separator ("40;60;") does no harm.
    """
    items = [item.strip() for item in cell.split(LIST_SEPARATOR)]
    if not any(items):
        return []
    if len(items) == customers:
        return items
    filled = [item for item in items if item]
    return filled if len(filled) == customers else None


_Problem = tuple[Severity, str, str, dict[str, Any]]  # severity, code, column, params without the row


# A file full of misspellings must not cost a fuzzy search per distinct value: after this many, the
# findings name the problem without a guess.
GUESSES_AT_MOST: Final = 100


class _CellReader:
    """Reads the cells of rows into node attributes and links, memoised per distinct cell text.

    Files repeat the same countries, activities, goods and shares on many rows, so each distinct text
    is resolved once; the problems found in a cell are kept without the row and given it per row.
    """

    def __init__(self, reference: ReferenceData) -> None:
        self._reference = reference
        self._countries: dict[str, tuple[str | None, list[_Problem]]] = {}
        self._activities: dict[str, tuple[str, list[_Problem]]] = {}
        self._goods: dict[str, tuple[tuple[str, ...], list[_Problem]]] = {}
        self._shares: dict[tuple[str, int], tuple[Sequence[float | None], list[_Problem]]] = {}
        self._guesses_left = GUESSES_AT_MOST

    def _may_guess(self) -> bool:
        """Whether one more "did you mean" may be looked for (each costs a fuzzy search)."""
        self._guesses_left -= 1
        return self._guesses_left >= 0

    def country(self, text: str) -> tuple[str | None, list[_Problem]]:
        """The alpha-2 code (None for "unknown" or an unknown country) and the problems."""
        found = self._countries.get(text)
        if found is None:
            iso2 = cell_country(text, self._reference)
            unknown = iso2 is None and text.casefold() != UNKNOWN_COUNTRY
            found = (iso2, [self._unknown_country(text)] if unknown else [])
            self._countries[text] = found
        return found

    def _unknown_country(self, text: str) -> _Problem:
        guess = self._reference.closest_country(text) if self._may_guess() else None
        if guess is None:
            return (Severity.ERROR, "chain.country_unknown", "country", {"value": quoted(text)})
        name = self._reference.countries[guess].name
        params = {"value": quoted(text), "suggestion": name, "code": guess}
        return (Severity.ERROR, "chain.country_unknown_close", "country", params)

    def _unknown_good(self, text: str) -> _Problem:
        guess = self._reference.closest_good(text) if self._may_guess() else None
        if guess is None:
            return (Severity.WARNING, "chain.goods_unknown", "goods", {"value": quoted(text)})
        return (
            Severity.WARNING,
            "chain.goods_unknown_close",
            "goods",
            {"value": quoted(text), "suggestion": guess},
        )

    def activity(self, text: str) -> tuple[str, list[_Problem]]:
        """The vocabulary key, or the text lowercased with a warning."""
        found = self._activities.get(text)
        if found is None:
            key = normalise_activity(text)
            if key is not None:
                found = (key, [])
            else:
                guess = closest_activity(text) if self._may_guess() else None
                warning: _Problem = (
                    (Severity.WARNING, "chain.activity_unknown", "activity", {"value": quoted(text)})
                    if guess is None
                    else (
                        Severity.WARNING,
                        "chain.activity_unknown_close",
                        "activity",
                        {"value": quoted(text), "suggestion": guess},
                    )
                )
                found = (text.lower(), [warning])
            self._activities[text] = found
        return found

    def goods(self, cell: str) -> tuple[tuple[str, ...], list[_Problem]]:
        """The goods as vocabulary names (unknown ones as written, with a warning each), no repeats."""
        found = self._goods.get(cell)
        if found is None:
            goods: list[str] = []
            problems: list[_Problem] = []
            for text in split_list(cell):
                good = self._reference.resolve_good(text)
                if good is None:
                    problems.append(self._unknown_good(text))
                name = text if good is None else good.name
                if name not in goods:
                    goods.append(name)
            found = (tuple(goods), problems)
            self._goods[cell] = found
        return found

    def shares(self, cell: str, customers: int) -> tuple[Iterable[float | None], list[_Problem]]:
        """One share or None per customer, and the problems with the cell."""
        if not cell:
            return repeat(None, customers), []
        found = self._shares.get((cell, customers))
        if found is None:
            found = _read_shares(cell, customers)
            self._shares[(cell, customers)] = found
        return found


def _read_shares(cell: str, customers: int) -> tuple[Sequence[float | None], list[_Problem]]:
    if _PLAIN_SHARES.fullmatch(cell):
        # Plain decimals, one per customer: `parse_share` reads each as `float` does, so the whole cell
        # is read at once; anything else (and a share over 100) takes the item-by-item path below.
        plain = list(map(float, cell.split(LIST_SEPARATOR)))
        if len(plain) == customers and max(plain) <= SHARE_MAX:
            return plain, []
    shares: list[float | None] = [None] * customers
    items = share_items(cell, customers)
    if items is None:
        if customers == 0:
            return shares, [(Severity.ERROR, "chain.share_without_customer", "share", {})]
        params = {"shares": len(split_list(cell)), "customers": customers}
        return shares, [(Severity.ERROR, "chain.share_count_mismatch", "share", params)]
    problems: list[_Problem] = []
    for position, item in enumerate(items):
        if not item:
            continue
        share = parse_share(item)
        if share is None:
            problems.append((Severity.ERROR, "chain.share_invalid", "share", {"value": quoted(item)}))
        elif not (math.isfinite(share) and SHARE_MIN <= share <= SHARE_MAX):
            problems.append((Severity.ERROR, "chain.share_out_of_range", "share", {"value": quoted(item)}))
        else:
            shares[position] = share
    return shares, problems


def _error(code: str, at_row: int | None, at_column: str | None, /, **params: Any) -> Finding:
    return Finding(Severity.ERROR, code, params, row=at_row, column=at_column)


def cell_country(text: str, reference: ReferenceData) -> str | None:
    """The alpha-2 code of a country cell as validation reads it: None for "unknown" (in any case) and for
    a country the reference data do not know (an error of its own)."""
    return None if text.casefold() == UNKNOWN_COUNTRY else reference.resolve_country(text)


def site_id(text: str) -> str:
    """An id as the graph keeps it: in Unicode NFC, so that "Ş-01" typed in two ways is one id, and
    interned, so that an id written in several rows is one string object (less memory, faster look-ups)."""
    return intern(text if text.isascii() else unicodedata.normalize("NFC", text))


def _customers(cell: str) -> list[str]:
    """The customer ids of a `supplies_to` cell (see `site_id`)."""
    if LIST_SEPARATOR not in cell:
        customer = cell.strip()
        return [site_id(customer)] if customer else []
    if cell.isascii():  # NFC leaves ASCII as it is: intern the ids straight away
        return [intern(customer) for item in cell.split(LIST_SEPARATOR) if (customer := item.strip())]
    return [site_id(customer) for customer in split_list(cell)]


@collector_paused()
def build_chain(
    rows: Sequence[ChainRow],
    *,
    reference: ReferenceData,
    linked: Callable[["nx.DiGraph[str]"], object] | None = None,
) -> BuiltChain:
    """The chain graph of a chain file's rows, with every problem found in them.

    Each row with an id becomes a node (the first row of a duplicated id wins); each `supplies_to`
    target that is a node becomes an edge supplier -> customer with its share. The graph attribute
    `contractor` is set when exactly one site has no customer. Findings come sorted by row. Runs in time
    linear in rows and links.

    `linked`, when given, is called with the graph once its sites and links are made and no row had an
    error, before the checks of the whole graph: the command line starts working out a large chain's risk
    profiles there (`chainmap.analysis.site_profiles`), which read only the sites and their links.
    """
    graph: nx.DiGraph[str] = nx.DiGraph()
    if not rows:
        return BuiltChain(graph, [_error("chain.chain_empty", None, None)])
    findings: list[Finding] = []
    cells = _CellReader(reference)
    first_rows: dict[str, int] = {}
    nodes: list[tuple[str, dict[str, Any]]] = []
    links: list[tuple[str, list[str], Iterable[float | None], int]] = []
    without_customer: list[tuple[str, int]] = []
    for row in rows:
        number = row.row
        if not (row.id and row.name and row.country and row.activity):
            findings.extend(
                _error("chain.value_missing", number, column, row=number, column=column)
                for column in REQUIRED_VALUES
                if not getattr(row, column)
            )
        country, country_problems = cells.country(row.country) if row.country else (None, _NONE)
        activity, activity_problems = cells.activity(row.activity) if row.activity else ("", _NONE)
        goods, goods_problems = cells.goods(row.goods)
        customers = _customers(row.supplies_to)
        shares, share_problems = cells.shares(row.share, len(customers))
        if country_problems or activity_problems or goods_problems or share_problems:
            for severity, code, column, params in (
                *country_problems,
                *activity_problems,
                *goods_problems,
                *share_problems,
            ):
                findings.append(Finding(severity, code, {"row": number, **params}, row=number, column=column))
        if len(customers) > 1 and len(set(customers)) < len(customers):
            findings.extend(_repeated_customers(customers, number))
        node = site_id(row.id)
        if not node:
            continue
        if node in first_rows:
            findings.append(
                _error(
                    "chain.id_duplicate",
                    number,
                    "id",
                    row=number,
                    value=quoted(node),
                    first_row=first_rows[node],
                )
            )
            continue
        first_rows[node] = number
        attributes = {
            "name": row.name,
            "country": country,
            "activity": activity,
            "goods": goods,
            "row": number,
        }
        if row.region:
            attributes["region"] = row.region
        nodes.append((node, attributes))
        if customers:
            links.append((node, customers, shares, number))
        else:
            without_customer.append((node, number))
    _add_nodes(graph, nodes)
    made = ChainLinks({node: index for index, (node, _) in enumerate(nodes)})
    link_problems, named_twice = _add_links(graph, links, made)
    findings.extend(link_problems)
    findings.extend(_contractor_findings(graph, without_customer))
    if linked is not None and not has_errors(findings):
        linked(graph)
    graph_problems, order = _graph_checks(graph, _share_totals(graph, made, named_twice), made)
    findings.extend(graph_problems)
    # By row, as the supplier reads the file; findings about the whole chain last, in the order found.
    findings.sort(key=lambda finding: (finding.row is None, finding.row or 0))
    return BuiltChain(graph, findings, order, made)


_NONE: Final[tuple[_Problem, ...]] = ()


def _add_nodes(graph: "nx.DiGraph[str]", nodes: list[tuple[str, dict[str, Any]]]) -> None:
    """Add the nodes, each with its attribute dict, to an empty graph: straight into the graph's node
    and adjacency dicts, as `add_nodes_from` does without its per-node checks and dict copies (ids are
    distinct strings here). `test_validation` checks the result equals the graph `add_nodes_from` builds.
    """
    node_attributes = graph._node  # type: ignore[attr-defined]
    successors, predecessors = customers_of(graph), suppliers_of(graph)
    for node, attributes in nodes:
        node_attributes[node] = attributes
        successors[node] = {}
        predecessors[node] = {}


def _add_links(
    graph: "nx.DiGraph[str]",
    links: list[tuple[str, list[str], Iterable[float | None], int]],
    made: ChainLinks,
) -> tuple[list[Finding], set[str]]:
    """Add each site's links to its customers that are nodes as edges; a finding for each that is none,
    and the customers that a row names twice.

    `links` holds per site its customers, their shares and its row. Each link made is recorded in `made`
    (whose index is filled already). The edges go straight into the graph's adjacency dicts (successors
    and predecessors sharing one attribute dict per edge, as `add_edges_from` does): this is the hot loop
    of an import, and `add_edges_from` spends about three times as long per edge on checks that cannot
    fail here, since both ends are nodes already. `test_validation` checks the result equals the graph
    that `add_edges_from` builds.
    """
    successors, predecessors = customers_of(graph), suppliers_of(graph)
    index = made.index
    made_supplier, made_customer, made_share = (
        made.suppliers.append,
        made.customers.append,
        made.shares.append,
    )
    findings = []
    named_twice: set[str] = set()
    for supplier, customers, shares, number in links:
        supplier_customers = successors[supplier]
        supplier_index = index[supplier]
        for customer, share in zip(customers, shares, strict=True):
            customer_suppliers = predecessors.get(customer)
            if customer_suppliers is None:
                findings.append(
                    _error(
                        "chain.customer_unknown", number, "supplies_to", row=number, value=quoted(customer)
                    )
                )
                continue
            if customer in supplier_customers:  # an error of its own; the graph keeps the last share
                named_twice.add(customer)
            attributes = {"share": share}
            supplier_customers[customer] = attributes
            customer_suppliers[supplier] = attributes
            made_supplier(supplier_index)
            made_customer(index[customer])
            made_share(share)
    return findings, named_twice


def _share_totals(
    graph: "nx.DiGraph[str]", made: ChainLinks, named_twice: set[str]
) -> tuple[dict[str, float], set[str]]:
    """The total of given shares of each customer whose shares do not stand for its whole input (see
    `share_total_findings`), and the customers with a supplier without a share.

    A chain of ARRAY_PEEL_FROM sites or more has them added up with numpy from the links as validation
    made them, in the order `share_total_findings` adds them from the graph (`chainmap.levels.share_sums`);
    the customers in `named_twice` are added up again from the graph, which keeps only the last share a
    row gives one customer. A smaller chain has them added up from the graph (`_graph_share_totals`).
    """
    size = len(made.index)
    if size < ARRAY_PEEL_FROM:
        return _graph_share_totals(graph)
    import numpy as np

    ids = list(made.index)
    customers, _, link_shares = made.as_arrays()
    given, shared, unshared = share_sums(customers, link_shares, size)
    apart = np.flatnonzero((shared > 0) & (np.abs(given - 100.0) > WHOLE_WITHIN)).tolist()
    totals = dict(zip(map(ids.__getitem__, apart), given[apart].tolist(), strict=True))
    unshared_ids = {ids[at] for at in apart if unshared[at]}
    if named_twice:
        for customer in named_twice:
            totals.pop(customer, None)
            unshared_ids.discard(customer)
        recounted, recounted_unshared = _graph_share_totals(graph, named_twice)
        totals.update(recounted)
        unshared_ids |= recounted_unshared
    return totals, unshared_ids


def _repeated_customers(customers: list[str], number: int) -> list[Finding]:
    seen: set[str] = set()
    findings = []
    for customer in customers:
        if customer in seen:
            findings.append(
                _error("chain.customer_repeated", number, "supplies_to", row=number, value=quoted(customer))
            )
        seen.add(customer)
    return findings


def _contractor_findings(graph: "nx.DiGraph[str]", without_customer: list[tuple[str, int]]) -> list[Finding]:
    """Set the graph's contractor when exactly one site has no customer; otherwise say what is wrong."""
    if len(without_customer) == 1:
        graph.graph["contractor"] = without_customer[0][0]
        return []
    if not without_customer:
        return [_error("chain.no_contractor", None, "supplies_to")]
    ids = [node for node, _ in without_customer]
    rows = [row for _, row in without_customer]
    return [
        Finding(
            Severity.ERROR,
            "chain.several_contractors",
            {"rows": _rows_listed(rows), "count": len(rows)},
            row=rows[0],
            column="supplies_to",
            nodes=tuple(ids),
        )
    ]


def _node_row(graph: "nx.DiGraph[str]", node: str) -> int | None:
    row = graph.nodes[node].get("row")
    return row if isinstance(row, int) else None


def self_loop_findings(graph: "nx.DiGraph[str]") -> list[Finding]:
    """An error for every site that names itself as its own customer: a site cannot supply itself."""
    return [
        Finding(
            Severity.ERROR,
            "chain.self_loop",
            {"node": quoted(node)},
            row=_node_row(graph, node),
            column="supplies_to",
            nodes=(node,),
        )
        for node, _ in nx.selfloop_edges(graph)
    ]


def cycle_findings(graph: "nx.DiGraph[str]", remaining: set[str] | None = None) -> list[Finding]:
    """An error for every group of sites that supply each other in a circle (self-loops aside).

    Goods cannot flow in a circle towards the contractor, so a cycle is a mistake in `supplies_to`. Each
    strongly connected component of more than one site is one finding naming all its sites, in file
    order, so that a long circle gives one message rather than one per possible cycle. Sites are first
    peeled off from the customer end (a site whose customers are all peeled cannot be on a cycle); only
    what remains, nothing in a valid chain, goes through the component search. `remaining` is the result
    of that peeling when the caller has it already.
    """
    remaining = _sites_upstream_of_cycles(graph) if remaining is None else remaining
    if not remaining:
        return []
    findings = []
    for component in nx.strongly_connected_components(graph.subgraph(remaining)):
        if len(component) < 2:
            continue
        members = sorted(component, key=lambda node: (_node_row(graph, node) or 0, node))
        findings.append(
            Finding(
                Severity.ERROR,
                "chain.cycle",
                {"nodes": listed(members), "count": len(members)},
                row=_node_row(graph, members[0]),
                column="supplies_to",
                nodes=tuple(members),
            )
        )
    return findings


def _sites_upstream_of_cycles(
    graph: "nx.DiGraph[str]", sinks: list[str] | None = None, order: list[str] | None = None
) -> set[str]:
    """The sites on a cycle or supplying one: what is left after repeatedly removing sites without
    customers (Kahn's algorithm, run from the customer end). Self-loops count as cycles here.

    The sites without customers are appended to `sinks`, and the removed sites to `order` when these are
    given: level by level (`chainmap.levels`) and each level in the graph's order of sites, the order in
    which `_peeled_by_levels` lists a large chain."""
    customers_left = {node: len(customers) for node, customers in customers_of(graph).items()}
    level = [node for node, count in customers_left.items() if count == 0]
    if sinks is not None:
        sinks.extend(level)
    place = {node: number for number, node in enumerate(customers_left)} if order is not None else {}
    predecessors = suppliers_of(graph)
    while level:
        if order is not None:
            order.extend(level)
        ready = []
        for node in level:
            for supplier in predecessors[node]:
                customers_left[supplier] -= 1
                if customers_left[supplier] == 0:
                    ready.append(supplier)
        level = sorted(ready, key=place.__getitem__) if place else ready
    return {node for node, count in customers_left.items() if count > 0}


def _peeled_by_levels(made: ChainLinks) -> tuple[list[str], list[str]] | None:
    """The sites without customers and the order of `_sites_upstream_of_cycles` for a chain of
    ARRAY_PEEL_FROM sites or more, from the links recorded in `made` with numpy (`chainmap.levels`),
    whose levels are kept in `made` for the analysis; None for a smaller chain, one with a cycle or one
    deeper than `chainmap.levels.LEVELS_AT_MOST`, which are peeled over the graph."""
    size = len(made.index)
    if size < ARRAY_PEEL_FROM:
        return None
    import numpy as np

    customers, suppliers, _ = made.as_arrays()
    levels = site_levels(customers, suppliers, size)
    if levels is None or (levels == UNREACHED).any():
        return None
    made.levels = levels
    ids = list(made.index)
    order = list(map(ids.__getitem__, np.argsort(levels, kind="stable").tolist()))
    return list(map(ids.__getitem__, np.flatnonzero(levels == 0).tolist())), order


def share_total_findings(graph: "nx.DiGraph[str]") -> list[Finding]:
    """An error for every customer whose suppliers' shares add up to more than 100 percent, and a
    warning for every customer whose suppliers all have a share that add up to less.

    A share is a percentage of the customer's total input, so one customer's shares cannot exceed 100.
    When every supplier has a share and they add up to less, the rest of the input is not in the map,
    and the analysis follows only the part that is: right when the supplier knows no more, but often a
    slip (shares of 0, or a supplier left out), so the supplier is told. Shares are rounded figures, so a
    total within SHARE_ROUNDING (0.5) percentage points of 100 counts as 100 and is no finding either way
    (99.5 and 100.5 are fine, 99.49 warns and 100.51 is an error); the analysis scales such shares to 100
    (`chainmap.analysis.flow.input_fractions`).
    """
    return _share_total_findings(graph, *_graph_share_totals(graph))


def _graph_share_totals(
    graph: "nx.DiGraph[str]", customers: Iterable[str] | None = None
) -> tuple[dict[str, float], set[str]]:
    """Each customer's total of given shares (a customer of no given share has none) and the customers
    with a supplier without a share, added up from the graph's edges; of `customers` only, when given."""
    suppliers = suppliers_of(graph)
    totals: dict[str, float] = {}
    unshared: set[str] = set()
    for customer in suppliers if customers is None else customers:
        for attributes in suppliers[customer].values():
            share = attributes.get("share")
            if share is None:
                unshared.add(customer)
            else:
                totals[customer] = totals.get(customer, 0.0) + share
    return totals, unshared


def _share_total_findings(
    graph: "nx.DiGraph[str]", totals: dict[str, float], unshared: set[str]
) -> list[Finding]:
    """`share_total_findings` from each customer's total of given shares (those that stand for the
    whole input may be left out) and the customers with a supplier without a share (a customer of no
    given share has no total)."""
    findings = []
    for customer, total in totals.items():
        if shares_add_up_to_whole(total):
            continue
        if total > SHARE_MAX:
            findings.append(_share_total_finding(graph, customer, total, Severity.ERROR))
        elif customer not in unshared:
            findings.append(_share_total_finding(graph, customer, total, Severity.WARNING))
    return findings


def _share_total_finding(
    graph: "nx.DiGraph[str]", customer: str, total: float, severity: Severity
) -> Finding:
    suppliers = [
        (supplier, float(attributes["share"]))
        for supplier, _, attributes in graph.in_edges(customer, data=True)
        if isinstance(attributes.get("share"), int | float)
    ]
    parts = [f'"{quoted(supplier)}" {_percent(share)}%' for supplier, share in suppliers]
    listed_parts = ", ".join(parts[:LISTED_AT_MOST])
    if len(parts) > LISTED_AT_MOST:
        listed_parts += f" (+{len(parts) - LISTED_AT_MOST})"
    over = severity is Severity.ERROR
    return Finding(
        severity,
        "chain.share_total_over_100" if over else "chain.share_total_under_100",
        {
            "node": quoted(customer),
            "total": _percent(total),
            "rest": _percent(SHARE_MAX - total),
            "suppliers": listed_parts,
        },
        row=_node_row(graph, customer),
        column="share",
        nodes=(customer, *(supplier for supplier, _ in suppliers)),
    )


def _percent(value: float) -> str:
    return f"{value:.10g}"


def unreachable_findings(graph: "nx.DiGraph[str]", contractor: str) -> list[Finding]:
    """An error for every site from which no path of customers leads to the contractor.

    What such a site produces never reaches the contract, so its `supplies_to` is wrong or incomplete
    (a customer that does not exist, itself, or a circle). One search backwards from the contractor,
    over suppliers, finds every site that does reach it.
    """
    reaching = {contractor}
    to_visit = [contractor]
    predecessors = graph.pred
    while to_visit:
        for supplier in predecessors[to_visit.pop()]:
            if supplier not in reaching:
                reaching.add(supplier)
                to_visit.append(supplier)
    if len(reaching) == len(graph):
        return []
    return [
        Finding(
            Severity.ERROR,
            "chain.contractor_not_reached",
            {"node": quoted(node), "contractor": quoted(contractor)},
            row=_node_row(graph, node),
            column="supplies_to",
            nodes=(node,),
        )
        for node in graph
        if node not in reaching
    ]


def graph_findings(graph: "nx.DiGraph[str]") -> list[Finding]:
    """Every structural check of a chain graph built elsewhere: self-loops, cycles, share totals and,
    when the graph names its contractor, the sites that do not reach it."""
    return _graph_checks(graph)[0]


def _graph_checks(
    graph: "nx.DiGraph[str]",
    shares: tuple[dict[str, float], set[str]] | None = None,
    made: ChainLinks | None = None,
) -> tuple[list[Finding], list[str]]:
    """The findings of `graph_findings`, and the order in which peeling removed the sites.

    In a graph without cycles or self-loops every path of customers ends at a site without customers, so
    when the contractor is the only such site, every site reaches it. The self-loop search runs only when
    peeling leaves sites on or upstream of a cycle, and the reachability search only when that happens or
    another site has no customer: a valid chain needs neither. A chain of ARRAY_PEEL_FROM sites or more
    whose links validation recorded in `made` is peeled with numpy (`_peeled_by_levels`), in the same
    order; peeling falls back to the graph where that leaves sites (a cycle).
    """
    sinks: list[str] = []
    order: list[str] = []
    peeled = _peeled_by_levels(made) if made is not None else None
    if peeled is None:
        remaining = _sites_upstream_of_cycles(graph, sinks, order)
    else:
        remaining, (sinks, order) = set(), peeled
    findings = [*self_loop_findings(graph), *cycle_findings(graph, remaining)] if remaining else []
    findings.extend(share_total_findings(graph) if shares is None else _share_total_findings(graph, *shares))
    contractor = graph.graph.get("contractor")
    if (remaining or sinks != [contractor]) and isinstance(contractor, str) and contractor in graph:
        findings.extend(unreachable_findings(graph, contractor))
    return findings, order
