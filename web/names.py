"""Country names in the page's language: English from the reference data, Dutch from the ISO 3166
translations that pycountry ships (`chainmap.reference.country_names.dutch_country_name`)."""

from functools import cache

from chainmap.reference import ReferenceData, normalise_name
from chainmap.reference.country_names import dutch_country_name
from chainmap.themes import Lang


def country_name(iso2: str, lang: Lang, *, reference: ReferenceData) -> str:
    """The country's name in `lang`; the English reference name where no translation exists."""
    english = reference.countries[iso2].name
    return english if lang == "en" else dutch_country_name(iso2, english)


@cache
def _dutch_index(reference: ReferenceData) -> dict[str, str]:
    return {
        normalise_name(country_name(iso2, "nl", reference=reference)): iso2 for iso2 in reference.countries
    }


def resolve_country_name(text: str, *, reference: ReferenceData) -> str | None:
    """The alpha-2 code for a code or a country name in English or Dutch ("Duitsland"), or None."""
    return reference.resolve_country(text) or _dutch_index(reference).get(normalise_name(text))
