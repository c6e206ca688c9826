"""Sub-national regions: whether a site's region names Xinjiang, where the UFLPA presumes forced labour.

The region is free text in the chain file (an optional column), written by suppliers in many ways; this
module folds it and recognises Xinjiang by its names, its prefectures and its main cities. See
docs/risk-model.md §4.2.
"""

import re
import unicodedata
from enum import StrEnum
from typing import Final

# How a region names Xinjiang, folded as `_fold_region` folds it: the region itself (in any of its names,
# within a longer name too: "Xinjiang Uighur Autonomous Region", "Xinjiang, China"), and its prefectures
# and main cities, which suppliers often write instead.
_XINJIANG_PARTS: Final[tuple[str, ...]] = ("xinjiang", "sinkiang", "新疆")
_XINJIANG_WORDS: Final[frozenset[str]] = frozenset(
    {
        "xuar",
        "urumqi",
        "wulumuqi",
        "乌鲁木齐",
        "hotan",
        "hetian",
        "khotan",
        "和田",
        "kashgar",
        "kashi",
        "喀什",
        "aksu",
        "akesu",
        "阿克苏",
        "turpan",
        "tulufan",
        "吐鲁番",
        "hami",
        "kumul",
        "哈密",
        "korla",
        "kuerle",
        "库尔勒",
        "shihezi",
        "石河子",
        "karamay",
        "kelamayi",
        "克拉玛依",
        "yining",
        "ghulja",
        "伊宁",
        "changji",
        "昌吉",
        "altay",
        "aletai",
        "阿勒泰",
        "bortala",
        "boertala",
        "博尔塔拉",
        "kizilsu",
        "kezilesu",
        "克孜勒苏",
        "bayingolin",
        "bayinguoleng",
        "巴音郭楞",
        "tacheng",
        "塔城",
        "yili",
        "伊犁",
    }
)
_WORD: Final = re.compile(r"[^\W_]+")


def _fold_region(region: str) -> str:
    """A region as written, folded for comparison: Unicode NFKC, accents removed, case folded ("Xīnjiāng"
    is "xinjiang")."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", region))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def names_xinjiang(region: str) -> bool:
    """Whether a region as written names Xinjiang: a name of the region anywhere in it ("Xinjiang",
    "Sinkiang", "新疆", also within "Xinjiang Uyghur Autonomous Region" or "Xinjiang, China"), "XUAR", or a
    word that is one of its prefectures or main cities ("Hotan Prefecture", "Urumqi", "喀什")."""
    folded = _fold_region(region)
    if any(part in folded.replace(" ", "") for part in _XINJIANG_PARTS):
        return True
    return any(
        word in _XINJIANG_WORDS or any(name in word for name in _XINJIANG_WORDS if not name.isascii())
        for word in _WORD.findall(folded)
    )


class RegionCheck(StrEnum):
    """What a site's region says for the UFLPA presumption (docs/risk-model.md §4.2)."""

    NONE = ""  # no region, or one that is not Xinjiang
    XINJIANG = "xinjiang"  # Xinjiang, in China or a site of unknown country: the presumption applies
    CONFLICT = "conflict"  # Xinjiang with another country: one of the two is wrong; noted, not presumed


def region_check(region: str, country: str | None) -> RegionCheck:
    """The region of a site (as written) against its country (alpha-2, None when unknown)."""
    if not region or not names_xinjiang(region):
        return RegionCheck.NONE
    return RegionCheck.XINJIANG if country in (None, "CN") else RegionCheck.CONFLICT


def in_xinjiang(region: str, country: str | None) -> bool:
    """Whether a site with this region and country is in Xinjiang, where the UFLPA presumes forced labour:
    the region names Xinjiang (`names_xinjiang`) and the country is China or unknown. A "Xinjiang" in
    another country is taken as a mistake in one of the two and not presumed (`region_check` says so)."""
    return region_check(region, country) is RegionCheck.XINJIANG
