"""The full analysis of one chain as plain data: findings, risk per node, hotspots, risk groups, structure.

`analyse` is what the command line and the web app call. `ChainAnalysis.write_json` writes the JSON
result (docs/json-format.md, format version 2) in pieces, so a chain of 100,000 sites never has its
whole text in memory; `ChainAnalysis.as_dict` is the same document as Python data, for small chains and
tests. Every reason text and source is in a table once, every distinct risk once; nodes and hotspots
refer to them by number.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from threading import Lock
from typing import TYPE_CHECKING, Any, BinaryIO, Final, Generic, NamedTuple, TypeVar

import orjson

from chainmap.analysis.flow import exposure_from, upstream_order, walk_upstream
from chainmap.analysis.groups import RiskGroup, risk_groups
from chainmap.analysis.hotspots import Hotspot, RankedHotspots, is_prioritised, rank_hotspots, severity
from chainmap.analysis.link_walk import link_levels, walk_links
from chainmap.analysis.risk import Reason, Risk, SiteProfiles, risks_of_profiles, site_profiles
from chainmap.analysis.structure import Structure, origin_nodes, structure
from chainmap.chain import ChainLinks, contractor
from chainmap.collector import collector_paused
from chainmap.findings import Finding
from chainmap.forked import start_forked
from chainmap.reference import SOURCES, ReferenceData
from chainmap.themes import THEMES, Lang

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

    from chainmap.validation import BuiltChain

ROUNDING: Final = 6
FORMAT_VERSION: Final = 2
# Items of a long array serialised at a time: large enough that orjson does the work, small enough that
# the pieces stay a few megabytes.
CHUNK: Final = 20_000
T = TypeVar("T")


class NodeResult(NamedTuple):
    """One node of the chain with its place in the chain and its risk per theme.

    A named tuple rather than a frozen dataclass: a chain of 100,000 sites makes as many, and a tuple is
    made in one step instead of one attribute at a time."""

    id: str
    name: str
    country: str | None
    activity: str
    goods: tuple[str, ...]
    tier: int
    exposure: float
    risks: Mapping[str, Risk]


def risk_as_dict(risk: Risk, lang: Lang = "en") -> dict[str, Any]:
    """A risk as JSON-ready data: {level, label, baseline, reasons, sources} with each source cited once."""
    return {
        "level": int(risk.level),
        "label": risk.level.label(lang),
        "baseline": risk.baseline,
        "reasons": [reason.text(lang) for reason in risk.reasons],
        "sources": list(dict.fromkeys(reason.citation for reason in risk.reasons)),
    }


class RiskTables:
    """The tables of the JSON result: each source, reason text and distinct risk once, numbered from 0
    in order of first use, with the number of each risk a node's profile or a hotspot refers to.

    Risks are told apart by what the result says of them, so two equal risks of different sites are one
    entry; nodes share their risk profiles, so each profile is looked at once.
    """

    def __init__(self, nodes: Iterable[NodeResult], lang: Lang) -> None:
        self.lang = lang
        self.sources: list[dict[str, Any]] = []
        self.reasons: list[dict[str, Any]] = []
        self.risks: list[dict[str, Any]] = []
        self._source_ids: dict[str, int] = {}
        self._reason_ids: dict[tuple[str, str, int], int] = {}
        self._reason_of: dict[int, int] = {}
        self._risk_ids: dict[tuple[Any, ...], int] = {}
        self._risk_of: dict[int, int] = {}
        self._profiles: dict[int, list[int | None]] = {}
        for node in nodes:
            self.profile(node.risks)

    def profile(self, risks: Mapping[str, Risk]) -> list[int | None]:
        """A node's risks as the numbers of the risk table, one per theme in THEMES order (None for a
        theme the profile lacks)."""
        found = self._profiles.get(id(risks))
        if found is None:
            found = self._profiles[id(risks)] = [
                self.risk_id(risks[theme]) if theme in risks else None for theme in THEMES
            ]
        return found

    def risk_id(self, risk: Risk) -> int:
        """The number of `risk` in the risk table, adding it when it is new."""
        found = self._risk_of.get(id(risk))
        if found is not None:
            return found
        reasons = [self._reason_id(reason) for reason in risk.reasons]
        sources = list(dict.fromkeys(self.reasons[reason]["source"] for reason in reasons))
        entry = {
            "theme": risk.theme,
            "level": int(risk.level),
            "label": risk.level.label(self.lang),
            "baseline": risk.baseline,
            "evidence": None if risk.evidence is None else risk.evidence.value,
            "severity": round(severity(risk), ROUNDING),
            "likelihood": round(risk.likelihood, ROUNDING),
            "prioritised": is_prioritised(risk.level, baseline=risk.baseline, evidence=risk.evidence),
            "reasons": reasons,
            "sources": sources,
        }
        content = (*(value if not isinstance(value, list) else tuple(value) for value in entry.values()),)
        number = self._risk_ids.get(content)
        if number is None:
            number = self._risk_ids[content] = len(self.risks)
            self.risks.append({"id": number, **entry})
        self._risk_of[id(risk)] = number
        return number

    def _reason_id(self, reason: Reason) -> int:
        found = self._reason_of.get(id(reason))
        if found is None:
            source = self._source_id(reason.source)
            text = reason.text(self.lang)
            key = (reason.code, text, source)
            found = self._reason_ids.get(key)
            if found is None:
                found = self._reason_ids[key] = len(self.reasons)
                self.reasons.append({"id": found, "code": reason.code, "text": text, "source": source})
            self._reason_of[id(reason)] = found
        return found

    def _source_id(self, key: str) -> int:
        """The number of a source; sources with the same citation are one entry, as they were one
        citation in a risk's list of sources."""
        source = SOURCES[key]
        found = self._source_ids.get(source.citation)
        if found is None:
            found = self._source_ids[source.citation] = len(self.sources)
            self.sources.append(
                {"id": found, "key": source.key, "citation": source.citation, "url": source.url}
            )
        return found


class Deferred(Generic[T]):
    """A value worked out when first read, here or, after `fork`, in a forked child meanwhile; once,
    also when two threads of the web app read it at the same time."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] | None = make
        self._made: list[T] = []
        self._making = Lock()
        self._forked = False

    def get(self) -> T:
        """The value, worked out (or waited for) on the first call; what made it is then let go (the
        analysis of a chain that a server keeps must not keep the chain's graph as well)."""
        if not self._made:
            with self._making:
                if self._make is not None:
                    self._made.append(self._make())
                    self._make = None
        return self._made[0]

    def fork(self) -> None:
        """Start working the value out in a forked child (`chainmap.forked`), unless it is known or being
        worked out there already."""
        with self._making:
            if self._make is not None and not self._forked:
                self._make = start_forked(self._make)
                self._forked = True


@dataclass(frozen=True, slots=True)
class ChainAnalysis:
    """The analysis of a chain: validation findings, every node's risks, ranked hotspots, the prioritised
    hotspots gathered into risk groups, and the structure.

    The risk groups are gathered when first read (`risk_groups`), so that `write_json` can gather them in
    a forked child while it writes the nodes and hotspots."""

    findings: tuple[Finding, ...]
    nodes: tuple[NodeResult, ...]
    hotspots: Sequence[Hotspot]
    structure: Structure
    deferred_groups: Deferred[tuple[RiskGroup, ...]]

    @property
    def risk_groups(self) -> tuple[RiskGroup, ...]:
        """The prioritised hotspots gathered into risk groups, the most severe group first."""
        return self.deferred_groups.get()

    def as_dict(self, lang: Lang = "en", *, top: int | None = None) -> dict[str, Any]:
        """The JSON result (docs/json-format.md) as Python data: what `write_json` writes, parsed."""
        result: dict[str, Any] = {
            key: list(value) if isinstance(value, Iterator) else value
            for key, value in self._sections(lang, top=top)
        }
        risks = result["hotspots"]["risk"]
        result["hotspots"]["risk"] = risks if isinstance(risks, list) else risks.tolist()
        return result

    @collector_paused()
    def write_json(
        self, stream: BinaryIO, lang: Lang = "en", *, top: int | None = None, fork: bool = False
    ) -> None:
        """Write the JSON result (docs/json-format.md) to `stream` as UTF-8, section by section and long
        arrays a few thousand items at a time; with `top` only the first `top` hotspots. With `fork` the
        risk groups, which come after the hotspots, are gathered in a forked child meanwhile (for the
        command line only, like `analyse`'s `fork`).

        Like the analysis, it runs with the cyclic garbage collector paused (`collector_paused`): it makes
        hundreds of thousands of small objects, none in cycles."""
        if fork:
            self.deferred_groups.fork()
        stream.write(b"{")
        for number, (key, value) in enumerate(self._sections(lang, top=top)):
            stream.write((b"," if number else b"") + orjson.dumps(key) + b":")
            if isinstance(value, Iterator | list):
                _write_array(stream, value)
            elif key == "hotspots":
                stream.write(b'{"count":' + orjson.dumps(value["count"]))
                for column in ("node", "risk"):
                    stream.write(b',"' + column.encode() + b'":')
                    _write_array(stream, value[column])
                stream.write(b"}")
            else:
                stream.write(orjson.dumps(value))
        stream.write(b"}\n")

    def _sections(self, lang: Lang, *, top: int | None) -> Iterator[tuple[str, Any]]:
        """The keys of the JSON result in order, each with its value; long arrays as iterators."""
        tables = RiskTables(self.nodes, lang)
        yield "format_version", FORMAT_VERSION
        yield "lang", lang
        yield "themes", list(THEMES)
        yield "sources", tables.sources
        yield "reasons", tables.reasons
        yield "risks", tables.risks
        yield "findings", (finding.as_dict(lang) for finding in self.findings)
        yield "nodes", (_node_entry(node, tables.profile(node.risks)) for node in self.nodes)
        yield "hotspots", self._hotspot_columns(tables, top=top)
        yield "risk_groups", (group.as_dict() for group in self.deferred_groups.get())
        yield "structure", self.structure.as_dict()

    def ranked_pairs(self, *, top: int | None = None) -> tuple[list[str], list[Risk]]:
        """The hotspots in rank order as the node id and the risk of each, without building `Hotspot`s;
        with `top` only the first `top`, picked without sorting the rest."""
        return self._ranked(lambda risk: risk, top=top)

    def _ranked(self, value: Callable[[Risk], T], *, top: int | None) -> tuple[list[str], list[T]]:
        """The node id of each hotspot in rank order and `value` of its risk (the first `top`, or all)."""
        ranked = self.hotspots
        if isinstance(ranked, RankedHotspots):
            return ranked.sites_and(ranked.keys() if top is None else ranked.top_keys(top), value)
        shown = ranked if top is None else ranked[:top]
        profiles = {node.id: node.risks for node in self.nodes}
        return [hotspot.node for hotspot in shown], [value(profiles[h.node][h.theme]) for h in shown]

    def _hotspot_columns(self, tables: RiskTables, *, top: int | None) -> dict[str, Any]:
        """The hotspots in rank order as two columns, the node id and the number of the risk, and how
        many hotspots the chain has (more than the columns hold when `top` cuts them). The numbers of a
        ranking's risks are a numpy array (`_write_array` writes it, `as_dict` makes it a list)."""
        ranked = self.hotspots
        if isinstance(ranked, RankedHotspots):
            keys = ranked.keys() if top is None else ranked.top_keys(top)
            nodes, numbers = ranked.sites_and_numbers(keys, tables.risk_id)
            return {"count": len(ranked), "node": nodes, "risk": numbers}
        nodes, risks = self._ranked(tables.risk_id, top=top)
        return {"count": len(ranked), "node": nodes, "risk": risks}


def _node_entry(node: NodeResult, risks: list[int | None]) -> dict[str, Any]:
    """A node of the JSON result; `risks` are the numbers of its risks in the risk table, by theme."""
    return {
        "id": node.id,
        "name": node.name,
        "country": node.country,
        "activity": node.activity,
        "goods": list(node.goods),
        "tier": node.tier,
        "exposure": round(node.exposure, ROUNDING),
        "risks": risks,
    }


def _write_array(stream: BinaryIO, items: "Iterator[Any] | list[Any] | np.ndarray[Any, Any]") -> None:
    """Write a JSON array of `items`, serialising CHUNK of them at a time: slices of a list or a numpy
    array of numbers, the next CHUNK of an iterator."""
    chunks: Iterator[Any]
    if isinstance(items, Iterator):
        chunks = iter(lambda: [item for _, item in zip(range(CHUNK), items, strict=False)], [])
    else:
        chunks = (items[start : start + CHUNK] for start in range(0, len(items), CHUNK))
    stream.write(b"[")
    for number, chunk in enumerate(chunks):
        stream.write((b"," if number else b"") + orjson.dumps(chunk, option=orjson.OPT_SERIALIZE_NUMPY)[1:-1])
    stream.write(b"]")


@collector_paused()
def analyse(
    graph: "nx.DiGraph[str]",
    *,
    reference: ReferenceData,
    findings: Sequence[Finding] = (),
    order: list[str] | None = None,
    links: ChainLinks | None = None,
    profiles: Callable[[], SiteProfiles] | None = None,
    fork: bool = False,
    fork_groups: bool | None = None,
) -> ChainAnalysis:
    """Analyse a valid chain: risks per node, exposure, hotspots, risk groups and structure, with
    `findings` passed along.

    The graph must be a valid chain (see `chainmap.validation`); `findings` are the warnings found while
    building it, kept with the result so that reports show them. `order` is `upstream_order(graph)`, or
    `BuiltChain.upstream_order` of the valid chain, when the caller has it already, and `links` its
    `BuiltChain.links`, with which the chain is walked with numpy (`chainmap.analysis.link_walk`).
    `profiles` gives `site_profiles(graph, reference=reference)` when the caller has started working them
    out (the command line does so in a forked child during validation). With `fork` the sites' risk
    profiles, unless given, are worked out in a forked child while this process walks the chain, and with
    `fork_groups` (as `fork` unless given) the risk groups in another while it lists the nodes and the
    caller writes its report (`chainmap.forked`): for the command line, which leaves `fork_groups` off
    when its report has no risk groups.
    """
    order = upstream_order(graph) if order is None else order
    if len(order) != graph.number_of_nodes() or order[:1] != [contractor(graph)]:
        raise ValueError("order must list every node of the valid chain, contractor first")
    if profiles is None and fork:
        profiles = start_forked(lambda: site_profiles(graph, reference=reference))
    origins = origin_nodes(graph)
    # Only links recorded for this graph as validation built it: a count that differs means another graph.
    recorded = links is not None and len(links.suppliers) == graph.number_of_edges()
    levels = link_levels(links, order) if recorded and links is not None else None
    walk = (
        walk_links(levels, origins=origins)
        if levels is not None
        else walk_upstream(graph, order, origins=origins)
    )
    flow = exposure_from(walk.arrived)
    risks = risks_of_profiles(
        graph,
        profiles() if profiles is not None else site_profiles(graph, reference=reference),
        reference=reference,
    )
    ranked = rank_hotspots(graph, risks, flow)
    groups = Deferred(
        lambda: tuple(
            risk_groups(graph, ranked.prioritised_risks(), order=order, exposure=flow, levels=levels)
        )
    )
    if fork if fork_groups is None else fork_groups:
        groups.fork()  # gathered in a child while this process lists the nodes and the caller reports
    shape = structure(graph, flow, order=order, walk=walk, origins=origins)
    tiers = shape.tiers
    nodes = tuple(
        map(
            NodeResult._make,
            (
                (
                    node,
                    data.get("name", node),
                    data.get("country"),
                    data.get("activity", ""),
                    tuple(data.get("goods", ())),
                    tiers[node],
                    flow[node],
                    risks[node],
                )
                for node, data in graph.nodes(data=True)
            ),
        )
    )
    return ChainAnalysis(
        findings=tuple(findings), nodes=nodes, hotspots=ranked, structure=shape, deferred_groups=groups
    )


def analyse_built(built: "BuiltChain", *, reference: ReferenceData) -> ChainAnalysis:
    """`analyse` of a valid chain as validation built it: its graph, with its findings, its upstream order
    and its recorded links."""
    return analyse(
        built.graph,
        reference=reference,
        findings=built.findings,
        order=built.upstream_order,
        links=built.links,
    )
