"""The sector baseline: the risk an activity carries per theme when no country data says more.

The levels are a global reading of where each risk concentrates (ILO and OECD sector guidance): child
labour mostly in agriculture and artisanal mining and quarrying; forced labour above all in fishing, and
at medium in farming, forestry, mining, quarrying, ginning, spinning, cut-make-trim, assembly and
transport, where recruitment fees and seasonal or migrant work are common (the DOL list adds the specific
good x country cases on top); high fatality rates in mining, quarrying, forestry, fishing, smelting and
transport; wet processing (dyeing, tanning), smelting, refining and mining as environmental hotspots; weak
bargaining, low wages and discrimination of women in cut-make-trim and low wages in farming; corruption
around licences in mining. docs/risk-model.md gives the table with its reasons; keep the two in step.
"""

from typing import Final

from chainmap.themes import THEMES, Level

_L, _M, _H = Level.LOW, Level.MEDIUM, Level.HIGH


def _row(*levels: Level) -> dict[str, Level]:
    if len(levels) != len(THEMES):
        raise ValueError("a baseline row needs one level per theme")
    return dict(zip(THEMES, levels, strict=True))


# Columns in THEMES order: child_labour, forced_labour, freedom_of_association, living_wage,
# health_safety, discrimination, environment, corruption.
SECTOR_BASELINE: Final[dict[str, dict[str, Level]]] = {
    "farming": _row(_H, _M, _M, _H, _M, _M, _M, _L),
    "forestry": _row(_M, _M, _M, _M, _H, _L, _M, _M),
    "fishing": _row(_M, _H, _M, _M, _H, _L, _M, _L),
    "mining": _row(_H, _M, _M, _M, _H, _L, _H, _H),
    "quarrying": _row(_H, _M, _M, _M, _H, _L, _M, _L),
    "ginning": _row(_M, _M, _M, _M, _M, _L, _L, _L),
    "spinning": _row(_M, _M, _M, _M, _M, _M, _L, _L),
    "weaving": _row(_M, _L, _M, _M, _M, _M, _L, _L),
    "knitting": _row(_M, _L, _M, _M, _M, _M, _L, _L),
    "dyeing": _row(_L, _L, _M, _M, _M, _M, _H, _L),
    "tanning": _row(_M, _L, _M, _M, _M, _L, _H, _L),
    "cut-make-trim": _row(_M, _M, _H, _H, _M, _H, _L, _L),
    "processing": _row(_L, _L, _M, _M, _M, _L, _M, _L),
    "manufacturing": _row(_L, _L, _M, _M, _M, _L, _M, _L),
    "smelting": _row(_L, _L, _M, _M, _H, _L, _H, _M),
    "refining": _row(_L, _L, _M, _M, _M, _L, _H, _M),
    "assembly": _row(_L, _M, _M, _M, _M, _M, _L, _L),
    "trading": _row(_L, _L, _L, _L, _L, _L, _L, _M),
    "transport": _row(_L, _M, _M, _M, _H, _L, _M, _M),
    "warehousing": _row(_L, _L, _M, _M, _M, _L, _L, _L),
}

# An activity outside the vocabulary: nothing is known about what happens there, so every theme is medium.
UNKNOWN_ACTIVITY_BASELINE: Final[dict[str, Level]] = _row(_M, _M, _M, _M, _M, _M, _M, _M)


def sector_level(activity: str, theme: str) -> Level:
    """The sector baseline level of a theme for an activity (medium for activities outside the vocabulary)."""
    return SECTOR_BASELINE.get(activity, UNKNOWN_ACTIVITY_BASELINE)[theme]
