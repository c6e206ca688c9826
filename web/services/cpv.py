"""CPV codes for the pages: labels in the page's language, search as you type, and the goods a code
involves with the countries where the US DOL lists each of them, before any chain is known."""

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from chainmap.messages.reasons import LABOUR_KINDS, join_words
from chainmap.reference import CpvCode, CpvGoods, ReferenceData, cpv_digits, normalise_name
from chainmap.themes import Lang
from web.messages import web_text
from web.names import country_name

OPTIONS_SHOWN: Final = 20
FULL_CODE_DIGITS: Final = 8
_TYPED_CODE: Final = re.compile(r"^\d{1,8}(-\d?)?$")


def cpv_label(code: CpvCode, lang: Lang) -> str:
    """The code's label in `lang`; the English one where the data has no Dutch label."""
    return (code.label_nl if lang == "nl" else "") or code.label_en


@cache
def _by_digits(reference: ReferenceData) -> dict[str, CpvCode]:
    return {code.split("-")[0]: cpv for code, cpv in reference.cpv.items()}


@cache
def _search_index(reference: ReferenceData, lang: Lang) -> list[tuple[str, str, str, CpvCode]]:
    """(digits, normalised label in `lang`, normalised label in the other language, code), by code."""
    other: Lang = "en" if lang == "nl" else "nl"
    return sorted(
        (digits, normalise_name(cpv_label(cpv, lang)), normalise_name(cpv_label(cpv, other)), cpv)
        for digits, cpv in _by_digits(reference).items()
    )


def resolve_cpv(text: str, *, reference: ReferenceData) -> CpvCode | None:
    """The CPV code that `text` names: its eight digits, with or without the check digit."""
    digits = cpv_digits(text)
    if digits is None or len(digits) != FULL_CODE_DIGITS:
        return None
    return _by_digits(reference).get(digits)


def cpv_options(text: str, *, lang: Lang, reference: ReferenceData) -> list[tuple[str, str]]:
    """(code, label in `lang`) of the codes that start with the typed digits, or whose label contains the
    typed words: first those whose label in `lang` does, then those whose label in the other language does
    (a Dutch buyer may type the English term), each by code; at most OPTIONS_SHOWN."""
    typed = text.strip()
    if not typed:
        return []
    index = _search_index(reference, lang)
    if _TYPED_CODE.match(typed):
        digits = typed.split("-")[0]
        found = [cpv for code_digits, _, _, cpv in index if code_digits.startswith(digits)]
    else:
        words = normalise_name(typed)
        if not words:
            return []
        found = [cpv for _, label, _, cpv in index if words in label]
        found += [cpv for _, label, other, cpv in index if words in other and words not in label]
    return [(cpv.code, cpv_label(cpv, lang)) for cpv in found[:OPTIONS_SHOWN]]


@dataclass(frozen=True, slots=True)
class GoodListing:
    """A country where the DOL lists a good, with the kinds of labour, as the page shows it."""

    iso2: str
    country: str
    kinds: str
    via: str | None  # for a good listed for an input made with child or forced labour: that input


@dataclass(frozen=True, slots=True)
class GoodRisks:
    """A good that a CPV code involves, why, and where the DOL lists it."""

    good: str  # the vocabulary name: the good's id in links
    label: str  # its name in the page's language
    reason: str
    dol_listed: bool
    listings: tuple[GoodListing, ...]


@dataclass(frozen=True, slots=True)
class CpvGoodsView:
    """A CPV code (or what was typed for one) with the goods it involves."""

    code: str
    label: str | None
    goods: tuple[GoodRisks, ...]


def _kinds(child: bool, forced: bool, forced_child: bool, lang: Lang) -> str:
    flags = {"child_labour": child, "forced_labour": forced, "forced_child_labour": forced_child}
    return join_words([LABOUR_KINDS[kind][lang] for kind, on in flags.items() if on], lang)


def good_label(name: str, lang: Lang, *, reference: ReferenceData) -> str:
    """A good's name in `lang`; a name not in the vocabulary as it is."""
    good = reference.goods.get(name)
    return good.label(lang) if good is not None else name


def good_listings(good: str, *, lang: Lang, reference: ReferenceData) -> tuple[GoodListing, ...]:
    """Every country where the DOL lists `good`, by country name in `lang`."""
    listings = []
    for iso2 in reference.countries:
        listing = reference.listing(good, iso2)
        if listing is None:
            continue
        via = None
        if listing.input_good and listing.input_country:
            via = web_text(
                "cpv.via",
                lang,
                good=good_label(listing.input_good, lang, reference=reference),
                country=country_name(listing.input_country, lang, reference=reference),
            )
        kinds = _kinds(listing.child_labour, listing.forced_labour, listing.forced_child_labour, lang)
        listings.append(GoodListing(iso2, country_name(iso2, lang, reference=reference), kinds, via))
    return tuple(sorted(listings, key=lambda listing: normalise_name(listing.country)))


def cpv_goods_view(code: str, *, lang: Lang, reference: ReferenceData, cpv_goods: CpvGoods) -> CpvGoodsView:
    """The goods that contracts under `code` involve, each with the countries where the DOL lists it."""
    cpv = resolve_cpv(code, reference=reference)
    goods = tuple(
        GoodRisks(
            good=row.good,
            label=reference.goods[row.good].label(lang) if row.good in reference.goods else row.good,
            reason=(row.reason_nl if lang == "nl" else "") or row.reason,
            dol_listed=reference.goods[row.good].dol_listed if row.good in reference.goods else False,
            listings=good_listings(row.good, lang=lang, reference=reference),
        )
        for row in cpv_goods.goods_for(code)
    )
    return CpvGoodsView(
        code=cpv.code if cpv else code.strip(), label=cpv_label(cpv, lang) if cpv else None, goods=goods
    )
