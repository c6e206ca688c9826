"""The activity vocabulary: what happens at a site in the chain.

Activities are written in English keys in chain files; a Dutch label exists for every one. Origin
activities are where raw material enters the chain: a chain is traced when its volume reaches them.
"""

import difflib
from typing import Final

from chainmap.themes import Lang

ACTIVITY_LABELS: Final[dict[str, dict[Lang, str]]] = {
    "farming": {"en": "farming", "nl": "landbouw"},
    "forestry": {"en": "forestry", "nl": "bosbouw"},
    "fishing": {"en": "fishing", "nl": "visserij"},
    "mining": {"en": "mining", "nl": "mijnbouw"},
    "quarrying": {"en": "quarrying", "nl": "steenwinning"},
    "ginning": {"en": "ginning", "nl": "egreneren"},
    "spinning": {"en": "spinning", "nl": "spinnen"},
    "weaving": {"en": "weaving", "nl": "weven"},
    "knitting": {"en": "knitting", "nl": "breien"},
    "dyeing": {"en": "dyeing", "nl": "verven"},
    "tanning": {"en": "tanning", "nl": "looien"},
    "cut-make-trim": {"en": "cut-make-trim", "nl": "confectie"},
    "processing": {"en": "processing", "nl": "verwerking"},
    "manufacturing": {"en": "manufacturing", "nl": "productie"},
    "smelting": {"en": "smelting", "nl": "smelten"},
    "refining": {"en": "refining", "nl": "raffinage"},
    "assembly": {"en": "assembly", "nl": "assemblage"},
    "trading": {"en": "trading", "nl": "handel"},
    "transport": {"en": "transport", "nl": "transport"},
    "warehousing": {"en": "warehousing", "nl": "opslag"},
}

ACTIVITIES: Final[frozenset[str]] = frozenset(ACTIVITY_LABELS)

# Raw material enters the chain here (DESIGN.md: "traced share").
ORIGIN_ACTIVITIES: Final[frozenset[str]] = frozenset(
    {"farming", "forestry", "fishing", "mining", "quarrying"}
)

# The activity a look-up of one good assumes when none is given, by the good's DOL sector.
_SECTOR_ACTIVITIES: Final[dict[str, str]] = {
    "Agriculture": "farming",
    "Mining": "mining",
    "Manufacturing": "manufacturing",
}


def sector_activity(sector: str) -> str:
    """The activity that produces goods of a DOL sector (farming, mining; manufacturing otherwise)."""
    return _SECTOR_ACTIVITIES.get(sector, "manufacturing")


_SYNONYMS: Final[dict[str, str]] = {
    "cmt": "cut-make-trim",
    "cut make trim": "cut-make-trim",
    "garment manufacturing": "cut-make-trim",
    "agriculture": "farming",
    "trade": "trading",
    "logistics": "transport",
    "storage": "warehousing",
    # Dutch: the label was "steengroeve" (a quarry, the place) before "steenwinning" (the activity); files
    # written with it are still read.
    "steengroeve": "quarrying",
}


def normalise_activity(text: str) -> str | None:
    """The vocabulary key for an activity as written (English or Dutch, any case), or None."""
    key = " ".join(text.strip().casefold().replace("_", " ").split())
    if key.replace(" ", "-") in ACTIVITIES:
        return key.replace(" ", "-")
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    for activity, labels in ACTIVITY_LABELS.items():
        if labels["nl"] == key:
            return activity
    return None


def activity_label(activity: str, lang: Lang = "en") -> str:
    """The activity's name in the given language; an activity outside the vocabulary is shown as is."""
    return ACTIVITY_LABELS.get(activity, {}).get(lang, activity)


def closest_activity(text: str) -> str | None:
    """The vocabulary activity spelt most like `text` (English or Dutch), if one is close: "spining" is
    spinning. For a "did you mean" to a supplier."""
    names = {name: activity for activity, labels in ACTIVITY_LABELS.items() for name in labels.values()}
    match = difflib.get_close_matches(text.strip().casefold(), list(names), n=1, cutoff=0.8)
    return names[match[0]] if match else None
