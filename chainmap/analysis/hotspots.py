"""Prioritisation after the OECD guidance: (node, theme) hotspots, the most severe first.

Hotspots are ranked by severity first: a lower level never outranks a higher one. Within a level the
likelihood (evidence kind adjusted for the rule of law) and then the share of volume decide, then how hard
the harm is to undo. salience = severity x likelihood x exposure stays with each hotspot as its weight
(coverage of a plan of action sums it), but it does not rank: a very high forced-labour risk at a factory
carrying 0.2% of the volume ranks above a low risk at the contractor. See docs/risk-model.md §8.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast, overload

from chainmap.analysis.risk import Evidence, Reason, Risk
from chainmap.themes import THEMES, Lang, Level

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

# How hard the harm is to undo: harm to children, to freedom and to life cannot be reversed, environmental
# damage often only in part; lost wages, exclusion and corruption can at least partly be remedied.
IRREMEDIABILITY: Final[dict[str, float]] = {
    "child_labour": 1.0,
    "forced_labour": 1.0,
    "health_safety": 0.9,
    "environment": 0.8,
    "freedom_of_association": 0.7,
    "discrimination": 0.7,
    "living_wage": 0.6,
    "corruption": 0.5,
}
ROUNDING: Final = 6
# The lowest level a plan of action must address.
PRIORITY_LEVEL: Final = Level.HIGH
_THEME_ORDER: Final[dict[str, int]] = {theme: index for index, theme in enumerate(THEMES)}
# Rank keys up to this are numpy's 64-bit integers; a chain whose keys could be larger ranks Python integers.
_LARGEST_KEY: Final = 2**63 - 1
T = TypeVar("T")


def is_prioritised(level: Level, *, baseline: bool, evidence: Evidence | None = None) -> bool:
    """True for a risk a plan of action must address: at least PRIORITY_LEVEL, and that level set by a
    listing or a country source: not by the sector baseline where no source covers the country, nor by
    the sector level where a country source says less (`evidence` BASELINE). `evidence` None, for a
    hotspot kept without it, counts as a source."""
    return level >= PRIORITY_LEVEL and not baseline and evidence is not Evidence.BASELINE


@dataclass(frozen=True, slots=True)
class Hotspot:
    """A ranked (node, theme) pair with the parts of its salience score.

    `baseline` is True when the level rests on the sector baseline alone; `listed_good` names the good
    whose DOL listing set the level, when one did, and `evidence` is the kind of evidence behind the level;
    both place the hotspot in its risk group (`chainmap.analysis.groups`).
    """

    node: str
    theme: str
    level: Level
    salience: float
    severity: float
    likelihood: float
    exposure: float
    reasons: tuple[Reason, ...]
    baseline: bool = False
    listed_good: str | None = None
    evidence: Evidence | None = None

    @property
    def prioritised(self) -> bool:
        """True when a plan of action must address this risk (`is_prioritised`)."""
        return is_prioritised(self.level, baseline=self.baseline, evidence=self.evidence)

    def as_dict(
        self, rank: int, lang: Lang = "en", *, reason_texts: list[str] | None = None
    ) -> dict[str, Any]:
        """JSON-ready, with its 1-based rank; scores rounded to 6 decimals, reasons as text.

        `reason_texts` are the reasons already rendered in `lang`, for callers that render shared risks once.
        """
        return {
            "rank": rank,
            "node": self.node,
            "theme": self.theme,
            "level": int(self.level),
            "salience": round(self.salience, ROUNDING),
            "severity": round(self.severity, ROUNDING),
            "likelihood": round(self.likelihood, ROUNDING),
            "exposure": round(self.exposure, ROUNDING),
            "prioritised": self.prioritised,
            "reasons": [reason.text(lang) for reason in self.reasons]
            if reason_texts is None
            else reason_texts,
        }


def rank_key(
    *, level: Level, likelihood: float, exposure: float, theme: str, node: str
) -> tuple[int, float, float, float, str, int]:
    """The sort key of the ranking, smallest first: level, likelihood, exposure and irremediability, each
    highest first, then node id and theme order (docs/risk-model.md §8)."""
    return (
        -int(level),
        -likelihood,
        -exposure,
        -IRREMEDIABILITY.get(theme, 0.5),
        node,
        _THEME_ORDER.get(theme, len(THEMES)),
    )


def severity(risk: Risk) -> float:
    """How severe the risk is, 0-1: level as a fraction of very high, times the theme's irremediability."""
    return risk.level / Level.VERY_HIGH * IRREMEDIABILITY.get(risk.theme, 0.5)


def hotspot_of(
    node: str, risk: Risk, exposure: float, *, scores: tuple[float, float, str | None] | None = None
) -> Hotspot:
    """The hotspot of one risk at a node that carries `exposure` of the delivered volume; `scores` are the
    risk's (severity, likelihood, listed good) when the caller has them already."""
    risk_severity, likelihood, listed_good = scores or (severity(risk), risk.likelihood, risk.listed_good)
    return Hotspot(
        node=node,
        theme=risk.theme,
        level=risk.level,
        salience=risk_severity * likelihood * exposure,
        severity=risk_severity,
        likelihood=likelihood,
        exposure=exposure,
        reasons=risk.reasons,
        baseline=risk.baseline,
        listed_good=listed_good,
        evidence=risk.evidence,
    )


class RankedHotspots(Sequence[Hotspot]):
    """The hotspots of a chain in rank order, each built only when read.

    A 100,000-node chain has hundreds of thousands of (node, theme) pairs with some risk. Each pair is kept
    as one integer whose order is the ranking (`rank_hotspots` says how it is made), in numpy arrays, so
    the analysis sorts plain integers in compiled code, and a hotspot is built only for the ranks a report
    reads. The prioritised pairs and the others are kept apart: the prioritised ones (which the risk
    groups need) are sorted on their own, the whole ranking only when a reader goes past them, and `top`
    picks the first few without sorting the rest.
    """

    def __init__(
        self,
        *,
        prioritised_keys: "np.ndarray[Any, Any]",
        other_keys: "np.ndarray[Any, Any]",
        nodes: list[str],
        profiles: list[list[Risk]],
        exposure: Mapping[str, float],
        slots: int,
    ) -> None:
        # Sorted here, into a new array: a sort in place on first read could run in two of the web app's
        # threads at once (numpy sorts without the GIL) and leave keys lost or doubled in a kept analysis.
        self._prioritised_keys = _read_only(_sorted(prioritised_keys))
        self._other_keys = _read_only(other_keys)
        self._ranked: np.ndarray[Any, Any] | None = None
        self._nodes = nodes
        self._profiles = profiles
        self._exposure = exposure
        self._slots = slots
        self._scores: dict[int, tuple[float, float, str | None]] = {}

    def __len__(self) -> int:
        return len(self._prioritised_keys) + len(self._other_keys)

    @overload
    def __getitem__(self, index: int) -> Hotspot: ...

    @overload
    def __getitem__(self, index: slice) -> "list[Hotspot]": ...

    def __getitem__(self, index: int | slice) -> "Hotspot | list[Hotspot]":
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step == 1 and start == 0:
                return [self._hotspot(key) for key in self.top_keys(stop)]
            keys = self.keys()
            return [self._hotspot(keys[i]) for i in range(start, stop, step)]
        return self._hotspot(self.keys()[index])

    def __iter__(self) -> Iterator[Hotspot]:
        return (self._hotspot(key) for key in self.keys())

    def keys(self) -> "np.ndarray[Any, Any]":
        """Every hotspot as its rank key, in rank order (sorted on first use)."""
        import numpy as np  # loaded when a chain is ranked, not when `chainmap risk` starts

        if self._ranked is None:
            # A new array, assigned whole: two threads doing this at once both assign the same ranking.
            self._ranked = _read_only(np.sort(np.concatenate((self._prioritised_keys, self._other_keys))))
        return self._ranked

    def top_keys(self, count: int) -> list[int]:
        """The rank keys of the first `count` hotspots, without sorting the whole ranking."""
        import numpy as np  # loaded when a chain is ranked, not when `chainmap risk` starts

        if self._ranked is not None or count >= len(self):
            return cast(list[int], self.keys()[:count].tolist())
        others = self._other_keys
        if len(others) > count:
            others = np.partition(others, count - 1)[:count]
        candidates = np.concatenate((self._prioritised_keys[:count], others))
        return cast(list[int], np.sort(candidates)[:count].tolist())

    def site_and_risk(self, key: int) -> tuple[str, Risk]:
        """The node and the risk of one rank key."""
        slot, position = key % self._slots, key // self._slots % len(self._nodes)
        return self._nodes[position], self._profiles[position][slot]

    def sites_and_risks(self, keys: "Sequence[int] | np.ndarray[Any, Any]") -> tuple[list[str], list[Risk]]:
        """The nodes and the risks of rank keys, as two lists (`site_and_risk` of each key)."""
        return self.sites_and(keys, lambda risk: risk)

    def sites_and(
        self, keys: "Sequence[int] | np.ndarray[Any, Any]", value: Callable[[Risk], T]
    ) -> tuple[list[str], list[T]]:
        """The node of each rank key, and `value` of its risk; `value` is called once per distinct risk
        of each profile, not once per key.

        The last two digits of a key, the node's place and the risk's slot, give the node and, through
        the node's profile, a place in a flat table of each profile's values; both are worked out for all
        keys at once in numpy, and only the look-ups of the values themselves run in Python (`map`)."""
        positions, cells, table = self._cells(keys, value)
        values = cast(list[T], list(map(table.__getitem__, cells.tolist())))
        return list(map(self._nodes.__getitem__, positions.tolist())), values

    def sites_and_numbers(
        self, keys: "Sequence[int] | np.ndarray[Any, Any]", number: Callable[[Risk], int]
    ) -> "tuple[list[str], np.ndarray[Any, np.dtype[np.int64]]]":
        """`sites_and` for a `number` of each risk, with the numbers as a numpy array (the JSON result
        writes them straight from it)."""
        import numpy as np  # loaded when a chain is ranked, not when `chainmap risk` starts

        positions, cells, table = self._cells(keys, number)
        numbers = np.asarray([-1 if value is None else value for value in table], dtype=np.int64)[cells]
        return list(map(self._nodes.__getitem__, positions.tolist())), numbers

    def _cells(
        self, keys: "Sequence[int] | np.ndarray[Any, Any]", value: Callable[[Risk], T]
    ) -> "tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], list[T | None]]":
        """For `sites_and`: each key's node place, each key's cell in a flat table of the profiles'
        values, and that table (`slots` cells per profile, None where a profile has fewer risks)."""
        import numpy as np  # loaded when a chain is ranked, not when `chainmap risk` starts

        slots = self._slots
        profile_number: dict[int, int] = {}
        table: list[T | None] = []
        of_node = []
        for keyed in self._profiles:
            number = profile_number.get(id(keyed))
            if number is None:
                number = profile_number[id(keyed)] = len(profile_number)
                table.extend([value(risk) for risk in keyed] + [None] * (slots - len(keyed)))
            of_node.append(number)
        places = np.asarray(keys, dtype=self._prioritised_keys.dtype) % (len(self._nodes) * slots)
        positions = places // slots
        cells = np.asarray(of_node, dtype=np.int64)[positions.astype(np.int64)] * slots + places % slots
        return positions, cells, table

    def prioritised_risks(self) -> list[tuple[str, Risk]]:
        """The prioritised (site, risk) pairs in rank order, without building their hotspots."""
        return list(zip(*self.sites_and_risks(self._prioritised_keys), strict=True))

    def prioritised(self) -> list[Hotspot]:
        """The prioritised hotspots in rank order (`is_prioritised`)."""
        return [self._hotspot(key) for key in self._prioritised_keys.tolist()]

    def _hotspot(self, key: int) -> Hotspot:
        """The hotspot of one rank key (`hotspot_of`); the scores of a risk shared by many nodes are
        worked out once."""
        node, risk = self.site_and_risk(int(key))
        scores = self._scores.get(id(risk))
        if scores is None:
            scores = self._scores[id(risk)] = (severity(risk), risk.likelihood, risk.listed_good)
        return hotspot_of(node, risk, self._exposure[node], scores=scores)


def rank_hotspots(
    graph: "nx.DiGraph[str]", risks: Mapping[str, Mapping[str, Risk]], exposure: Mapping[str, float]
) -> RankedHotspots:
    """Every (node, theme) of the chain with a level and an exposure above 0, the most severe first.

    Ranked by level, then likelihood, then exposure, then irremediability, each highest first. Ties are
    broken by node id and then by theme order in THEMES, so the ranking is the same on every run.

    Each pair is one integer, the sum of a part of its risk and a part of its node, whose order is that
    of `rank_key`. From most to least significant its digits (in mixed radix) are: the rank of the risk's
    level and likelihood, the rank of the node's exposure, the rank of the theme's irremediability, the
    node's place in id order, and the place of the risk in the node's profile in theme order (its "slot",
    which also finds the risk again). The risk's digits are worked out once per profile, since nodes
    share their risk profile, and the node's once per node, in numpy; the keys are 64-bit integers, or
    Python integers in the (unreachable in practice) case that a chain's radixes overflow 64 bits.
    """
    import numpy as np  # loaded when a chain is ranked, not when `chainmap risk` starts

    nodes = sorted(node for node in graph if node in risks and exposure.get(node, 0.0) > 0.0)
    keyed_profiles: dict[int, tuple[list[Risk], list[int], list[bool]]] = {}
    profile_of: list[int] = []
    for node in nodes:
        profile = risks[node]
        profile_of.append(id(profile))
        if id(profile) not in keyed_profiles:
            ordered = sorted(profile.values(), key=lambda risk: _THEME_ORDER.get(risk.theme, len(THEMES)))
            keyed_profiles[id(profile)] = (
                [risk for risk in ordered if risk.level != Level.NONE_KNOWN],
                [],
                [],
            )
    distinct = {id(risk): risk for keyed, _, _ in keyed_profiles.values() for risk in keyed}.values()
    class_rank = _dense_rank(-_risk_class(risk) for risk in distinct)
    undo_rank = _dense_rank(-IRREMEDIABILITY.get(risk.theme, 0.5) for risk in distinct)
    exposures = np.fromiter((exposure[node] for node in nodes), dtype=np.float64, count=len(nodes))
    distinct_exposures, exposure_rank = np.unique(-exposures, return_inverse=True)
    slots = max((len(keyed) for keyed, _, _ in keyed_profiles.values()), default=0) + 1
    node_radix = len(nodes) or 1
    undo_radix = node_radix * slots
    exposure_radix = undo_radix * (len(undo_rank) or 1)
    class_radix = exposure_radix * (len(distinct_exposures) or 1)
    dtype: Any = np.int64 if class_radix * (len(class_rank) or 1) <= _LARGEST_KEY else object
    for keyed, risk_parts, chosen in keyed_profiles.values():
        for slot, risk in enumerate(keyed):
            risk_parts.append(
                class_rank[-_risk_class(risk)] * class_radix
                + undo_rank[-IRREMEDIABILITY.get(risk.theme, 0.5)] * undo_radix
                + slot
            )
            chosen.append(is_prioritised(risk.level, baseline=risk.baseline, evidence=risk.evidence))
    node_parts = (
        exposure_rank.astype(dtype) * exposure_radix
        + np.arange(len(nodes), dtype=np.int64).astype(dtype) * slots
    )
    profile_numbers = {profile_id: number for number, profile_id in enumerate(keyed_profiles)}
    of_profile = np.fromiter(map(profile_numbers.__getitem__, profile_of), dtype=np.int64, count=len(nodes))
    by_profile = np.argsort(of_profile, kind="stable")
    bounds = np.searchsorted(of_profile[by_profile], np.arange(len(keyed_profiles) + 1))
    prioritised_parts: list[np.ndarray[Any, Any]] = []
    other_parts: list[np.ndarray[Any, Any]] = []
    for number, (_, risk_parts, chosen) in enumerate(keyed_profiles.values()):
        parts = node_parts[by_profile[bounds[number] : bounds[number + 1]]]
        for risk_part, is_chosen in zip(risk_parts, chosen, strict=True):
            (prioritised_parts if is_chosen else other_parts).append(parts + risk_part)
    return RankedHotspots(
        prioritised_keys=_joined(prioritised_parts, dtype),
        other_keys=_joined(other_parts, dtype),
        nodes=nodes,
        profiles=[keyed_profiles[profile_id][0] for profile_id in profile_of],
        exposure=exposure,
        slots=slots,
    )


def _joined(parts: "list[np.ndarray[Any, Any]]", dtype: Any) -> "np.ndarray[Any, Any]":
    """The rank keys of `parts` in one array (an empty one of `dtype` when there are none)."""
    import numpy as np

    return np.concatenate(parts) if parts else np.empty(0, dtype=dtype)


def _read_only(keys: "np.ndarray[Any, Any]") -> "np.ndarray[Any, Any]":
    """`keys`, made read-only: a kept ranking is shared by threads, and a change in place fails loudly."""
    keys.flags.writeable = False
    return keys


def _sorted(keys: "np.ndarray[Any, Any]") -> "np.ndarray[Any, Any]":
    """`keys` sorted, as a new array."""
    import numpy as np

    return np.sort(keys)


def _dense_rank(values: Iterable[float]) -> dict[float, int]:
    """Each distinct value with its place among them, the smallest 0."""
    return {value: rank for rank, value in enumerate(sorted(set(values)))}


def _risk_class(risk: Risk) -> int:
    """A risk's level and likelihood as one integer that orders them, level first (likelihood is 0.1-1 in
    steps far coarser than a thousandth)."""
    return int(risk.level) * 1001 + round(risk.likelihood * 1000)


def hotspots(
    graph: "nx.DiGraph[str]", risks: Mapping[str, Mapping[str, Risk]], exposure: Mapping[str, float]
) -> list[Hotspot]:
    """Every (node, theme) of the chain with a level and an exposure above 0, ranked (`rank_hotspots`)."""
    return list(rank_hotspots(graph, risks, exposure))
