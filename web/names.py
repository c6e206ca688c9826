"""Country names in the page's language: English from the reference data, Dutch from the ISO 3166
translations that pycountry ships (CLDR-based), keyed by pycountry's English names."""

import gettext
from functools import cache

import pycountry

from chainmap.reference import ReferenceData, normalise_name
from chainmap.reference.country_names import DUTCH_NAMES
from chainmap.themes import Lang


@cache
def _dutch() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)


def country_name(iso2: str, lang: Lang, *, reference: ReferenceData) -> str:
    """The country's name in `lang`; the English reference name where no translation exists."""
    english = reference.countries[iso2].name
    if lang == "en":
        return english
    if iso2 in DUTCH_NAMES:
        return DUTCH_NAMES[iso2]
    record = pycountry.countries.get(alpha_2=iso2)
    if record is None:
        return english
    common = getattr(record, "common_name", None)
    for name in (common, record.name):
        if name:
            translated = _dutch().gettext(name)
            if translated != name or name == english:
                return translated
    return english


@cache
def _dutch_index(reference: ReferenceData) -> dict[str, str]:
    return {
        normalise_name(country_name(iso2, "nl", reference=reference)): iso2 for iso2 in reference.countries
    }


def resolve_country_name(text: str, *, reference: ReferenceData) -> str | None:
    """The alpha-2 code for a code or a country name in English or Dutch ("Duitsland"), or None."""
    return reference.resolve_country(text) or _dutch_index(reference).get(normalise_name(text))
