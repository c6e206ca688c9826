"""Risk themes and risk levels, after the OECD Due Diligence Guidance for Responsible Business Conduct."""

from enum import IntEnum
from typing import Final, Literal

Lang = Literal["en", "nl"]
LANGS: Final[tuple[Lang, ...]] = ("en", "nl")

THEMES: Final[tuple[str, ...]] = (
    "child_labour",
    "forced_labour",
    "freedom_of_association",
    "living_wage",
    "health_safety",
    "discrimination",
    "environment",
    "corruption",
)

THEME_LABELS: Final[dict[str, dict[Lang, str]]] = {
    "child_labour": {"en": "child labour", "nl": "kinderarbeid"},
    "forced_labour": {"en": "forced labour", "nl": "dwangarbeid"},
    "freedom_of_association": {
        "en": "freedom of association and collective bargaining",
        "nl": "vrijheid van vakvereniging en collectieve onderhandelingen",
    },
    "living_wage": {"en": "living wage", "nl": "leefbaar loon"},
    "health_safety": {"en": "health and safety", "nl": "gezondheid en veiligheid"},
    "discrimination": {"en": "discrimination", "nl": "discriminatie"},
    "environment": {"en": "environment", "nl": "milieu"},
    "corruption": {"en": "corruption", "nl": "corruptie"},
}


class Level(IntEnum):
    """How serious the known risk is, from no known risk (0) to very high (4)."""

    NONE_KNOWN = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    VERY_HIGH = 4

    def label(self, lang: Lang = "en") -> str:
        return LEVEL_LABELS[self][lang]


LEVEL_LABELS: Final[dict[Level, dict[Lang, str]]] = {
    Level.NONE_KNOWN: {"en": "none known", "nl": "geen risico bekend"},
    Level.LOW: {"en": "low", "nl": "laag"},
    Level.MEDIUM: {"en": "medium", "nl": "middel"},
    Level.HIGH: {"en": "high", "nl": "hoog"},
    Level.VERY_HIGH: {"en": "very high", "nl": "zeer hoog"},
}


def theme_label(theme: str, lang: Lang = "en") -> str:
    """The theme's name in the given language; unknown theme keys are shown as they are."""
    return THEME_LABELS.get(theme, {}).get(lang, theme)
