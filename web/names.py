"""Country names in the page's language: English from the reference data, Dutch from the ISO 3166
translations that pycountry ships (`chainmap.reference.country_names.dutch_country_name`)."""

from chainmap.reference import ReferenceData
from chainmap.reference.country_names import dutch_country_name
from chainmap.themes import Lang


def country_name(iso2: str, lang: Lang, *, reference: ReferenceData) -> str:
    """The country's name in `lang`; the English reference name where no translation exists."""
    english = reference.countries[iso2].name
    return english if lang == "en" else dutch_country_name(iso2, english)
