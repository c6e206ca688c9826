"""What changed between two versions of a chain map: nodes, links, attributes and risk levels.

Nodes are matched by id and links by (supplier, customer), the supplier's own references, which stay the
same from one version to the next. Every list is in the natural order of the ids, as people read them
(`n2` before `n10`), so that a long list of changes can be paged through.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from chainmap.analysis.risk import Risk, node_risks
from chainmap.reference import ReferenceData
from chainmap.themes import THEMES, Lang, Level, theme_label

if TYPE_CHECKING:
    import networkx as nx

NODE_ATTRIBUTES: Final[tuple[str, ...]] = ("name", "country", "activity", "goods")
# Risks at sites that came or went are reported from this level up: the risks a plan of action follows.
REPORTED_LEVEL: Final = Level.HIGH
# The kinds of change, in the order `counts` and the review page list them.
CHANGE_KINDS: Final[tuple[str, ...]] = (
    "nodes_added",
    "nodes_removed",
    "links_added",
    "links_removed",
    "changed",
    "risk_changes",
    "risks_removed",
    "risks_added",
)

_DIGITS: Final = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for ids as people read them: `n2` before `n10`, case ignored (digit runs compare as
    numbers, text runs as folded text; the kind tag keeps the parts comparable)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold()) for part in _DIGITS.split(text) if part
    )


def _natural(ids: Iterable[str]) -> list[str]:
    """`ids` in natural order, ties (ids differing in case only) broken by the id itself."""
    return sorted(ids, key=lambda node: (natural_key(node), node))


def _link_key(link: tuple[str, str]) -> tuple[Any, ...]:
    supplier, customer = link
    return (natural_key(supplier), natural_key(customer), supplier, customer)


@dataclass(frozen=True, slots=True)
class AttributeChange:
    """A changed attribute of a node, or with `customer` set, the changed share of a link."""

    node: str
    attribute: str
    old: Any
    new: Any
    customer: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "customer": self.customer,
            "attribute": self.attribute,
            "old": list(self.old) if isinstance(self.old, tuple) else self.old,
            "new": list(self.new) if isinstance(self.new, tuple) else self.new,
        }


@dataclass(frozen=True, slots=True)
class RiskChange:
    """A risk level that went up or down at a node present in both versions."""

    node: str
    theme: str
    old_level: Level
    new_level: Level

    def as_dict(self, lang: Lang = "en") -> dict[str, Any]:
        return {
            "node": self.node,
            "theme": self.theme,
            "theme_label": theme_label(self.theme, lang),
            "old_level": int(self.old_level),
            "new_level": int(self.new_level),
            "old_label": self.old_level.label(lang),
            "new_label": self.new_level.label(lang),
        }


@dataclass(frozen=True, slots=True)
class SiteRisk:
    """A risk at a site that only one of the two versions has."""

    node: str
    theme: str
    level: Level

    def as_dict(self, lang: Lang = "en") -> dict[str, Any]:
        return {
            "node": self.node,
            "theme": self.theme,
            "theme_label": theme_label(self.theme, lang),
            "level": int(self.level),
            "label": self.level.label(lang),
        }


@dataclass(frozen=True, slots=True)
class ChainDiff:
    """The changes from an old to a new version of a chain, each list in natural order of the node ids.

    `risk_changes` are levels that went up or down at sites in both versions; `risks_added` and
    `risks_removed` the high and very high risks at sites that only the new or only the old version has,
    so that replacing a risky supplier shows as a risk gone, not only as a site removed.
    """

    nodes_added: tuple[str, ...]
    nodes_removed: tuple[str, ...]
    links_added: tuple[tuple[str, str], ...]
    links_removed: tuple[tuple[str, str], ...]
    changed: tuple[AttributeChange, ...]
    risk_changes: tuple[RiskChange, ...]
    risks_added: tuple[SiteRisk, ...] = ()
    risks_removed: tuple[SiteRisk, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many changes of each kind (CHANGE_KINDS), so a reader sees the size of each list first."""
        return {kind: len(getattr(self, kind)) for kind in CHANGE_KINDS}

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (
            self.nodes_added
            or self.nodes_removed
            or self.links_added
            or self.links_removed
            or self.changed
            or self.risk_changes
            or self.risks_added
            or self.risks_removed
        )

    def as_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """JSON-ready: links as [supplier, customer] pairs, levels as numbers with their labels."""
        return {
            "nodes_added": list(self.nodes_added),
            "nodes_removed": list(self.nodes_removed),
            "links_added": [list(link) for link in self.links_added],
            "links_removed": [list(link) for link in self.links_removed],
            "changed": [change.as_dict() for change in self.changed],
            "risk_changes": [change.as_dict(lang) for change in self.risk_changes],
            "risks_added": [risk.as_dict(lang) for risk in self.risks_added],
            "risks_removed": [risk.as_dict(lang) for risk in self.risks_removed],
        }


def diff_chains(old: "nx.DiGraph[str]", new: "nx.DiGraph[str]", *, reference: ReferenceData) -> ChainDiff:
    """The differences between two chain versions, with the risk levels that went up or down per node."""
    common = _natural(set(old) & set(new))
    changed: list[AttributeChange] = []
    for node in common:
        for attribute in NODE_ATTRIBUTES:
            before, after = old.nodes[node].get(attribute), new.nodes[node].get(attribute)
            if before != after:
                changed.append(AttributeChange(node, attribute, before, after))
    old_links, new_links = set(old.edges), set(new.edges)
    for supplier, customer in sorted(old_links & new_links, key=_link_key):
        before, after = old.edges[supplier, customer].get("share"), new.edges[supplier, customer].get("share")
        if before != after:
            changed.append(AttributeChange(supplier, "share", before, after, customer))
    changed.sort(
        key=lambda change: (
            natural_key(change.node),
            natural_key(change.customer or ""),
            change.node,
            change.customer or "",
            change.attribute,
        )
    )
    old_risks, new_risks = node_risks(old, reference=reference), node_risks(new, reference=reference)
    risk_changes = [
        RiskChange(node, theme, old_risks[node][theme].level, new_risks[node][theme].level)
        for node in common
        for theme in THEMES
        if old_risks[node][theme].level != new_risks[node][theme].level
    ]
    nodes_added, nodes_removed = _natural(set(new) - set(old)), _natural(set(old) - set(new))
    return ChainDiff(
        nodes_added=tuple(nodes_added),
        nodes_removed=tuple(nodes_removed),
        links_added=tuple(sorted(new_links - old_links, key=_link_key)),
        links_removed=tuple(sorted(old_links - new_links, key=_link_key)),
        changed=tuple(changed),
        risk_changes=tuple(risk_changes),
        risks_added=_reported_risks(nodes_added, new_risks),
        risks_removed=_reported_risks(nodes_removed, old_risks),
    )


def _reported_risks(nodes: list[str], risks: dict[str, dict[str, Risk]]) -> tuple[SiteRisk, ...]:
    """The risks at REPORTED_LEVEL or above of the given sites, by site and then in theme order."""
    return tuple(
        SiteRisk(node, theme, risks[node][theme].level)
        for node in nodes
        for theme in THEMES
        if risks[node][theme].level >= REPORTED_LEVEL
    )
