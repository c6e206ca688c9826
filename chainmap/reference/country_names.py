"""Country names to ISO 3166-1 codes, for the reference build.

The sources name countries in their own ways: the US DOL writes "Burma" and "Congo, Democratic Republic
of the", the World Bank "Congo, Dem. Rep.", users type "Ivory Coast" or "UK". `pycountry` knows the ISO
names; the tables here say explicitly what it does not, so that no name is guessed. Used only by
`chainmap.reference.build`; the running program reads the derived `country_aliases.csv`.
"""

import gettext
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Final

from chainmap.reference.data import load_reference, normalise_name
from chainmap.themes import Lang


@dataclass(frozen=True, slots=True)
class IsoCountry:
    """A country or territory with its ISO codes, display name and the names pycountry knows for it."""

    iso2: str
    iso3: str
    name: str
    other_names: tuple[str, ...]


# Kosovo has no ISO 3166-1 code; XK/XKX are the user-assigned codes the World Bank and the EU use.
KOSOVO: Final = IsoCountry("XK", "XKX", "Kosovo", ())

# DOL country names that pycountry's name, common name and official name do not match. Each was checked
# against the DOL country profile; DOL territories with an ISO 3166-1 code of their own (Anguilla,
# Montserrat, Niue, Tokelau, Western Sahara, ...) match pycountry by name and keep that code: DOL assesses
# them separately from the state they belong to, and so does this table.
DOL_NAME_EXCEPTIONS: Final[dict[str, str]] = {
    "Burma": "MM",
    "Congo, Democratic Republic of the": "CD",
    "Congo, Democratic Republic of the (DRC)": "CD",  # the 2024 country pages
    "Congo, Republic of the": "CG",
    "Falkland Islands (Islas Malvinas)": "FK",
    "Russia": "RU",
    "The Gambia": "GM",
    "Turkey (Türkiye)": "TR",
    # DOL reports on the West Bank and Gaza together: ISO's "Palestine, State of" covers both.
    "West Bank and the Gaza Strip": "PS",
}

# Short or older English names that people type in chain files and that no source or pycountry gives.
COMMON_NAMES: Final[dict[str, str]] = {
    "Bosnia": "BA",
    "Britain": "GB",
    "Brunei": "BN",
    "Burma": "MM",
    "Cape Verde": "CV",
    "Congo-Brazzaville": "CG",
    "Congo-Kinshasa": "CD",
    "Czech Republic": "CZ",
    "DR Congo": "CD",
    "DRC": "CD",
    "East Timor": "TL",
    "England": "GB",
    "Great Britain": "GB",
    "Holland": "NL",
    "Hong Kong": "HK",
    "Ivory Coast": "CI",
    "Kyrgyzstan": "KG",
    "Laos": "LA",
    "Macao": "MO",
    "Macau": "MO",
    "Macedonia": "MK",
    "Micronesia": "FM",
    "Northern Ireland": "GB",
    "Palestine": "PS",
    "Republic of Korea": "KR",
    "Russia": "RU",
    "Scotland": "GB",
    "Slovak Republic": "SK",
    "South Korea": "KR",
    "Swaziland": "SZ",
    "The Netherlands": "NL",
    "Turkey": "TR",
    "U.K.": "GB",
    "U.S.": "US",
    "U.S.A.": "US",
    "UAE": "AE",
    "UK": "GB",
    "US": "US",
    "USA": "US",
    "Vatican": "VA",
    "Vatican City": "VA",
    "Vietnam": "VN",
    "Wales": "GB",
}


# Display names for the ISO names that are inverted lists ("Congo, The Democratic Republic of the") and
# have no pycountry common name; the names the UN and the EU use in running text.
DISPLAY_NAMES: Final[dict[str, str]] = {
    "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia",
    "PS": "Palestine",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
}


def iso_countries() -> list[IsoCountry]:
    """Every ISO 3166-1 country from pycountry plus Kosovo, sorted by alpha-2 code.

    The display name is pycountry's common name where it has one ("Bolivia", "Taiwan"), else the
    DISPLAY_NAMES entry, else its ISO name; the other names (ISO name, official name) become aliases.
    """
    import pycountry  # loads when a name is looked up, not with every command (start-up)

    countries = [KOSOVO]
    for record in pycountry.countries:
        iso_name: str = record.name
        common: str | None = getattr(record, "common_name", None)
        official: str | None = getattr(record, "official_name", None)
        name = common or DISPLAY_NAMES.get(record.alpha_2) or iso_name
        others = tuple(n for n in (iso_name, official) if n and n != name)
        countries.append(IsoCountry(record.alpha_2, record.alpha_3, name, others))
    return sorted(countries, key=lambda country: country.iso2)


# Dutch names where the translated ISO name is an inverted list; suppliers write these.
DUTCH_NAMES: Final[dict[str, str]] = {"CD": "Democratische Republiek Congo", "XK": "Kosovo"}


@cache
def _dutch_translations() -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)


def dutch_country_name(iso2: str, english: str) -> str:
    """The Dutch name of a country (`DUTCH_NAMES`, else the translation of its common or ISO name), or
    `english` where there is none."""
    import pycountry

    if iso2 in DUTCH_NAMES:
        return DUTCH_NAMES[iso2]
    record = pycountry.countries.get(alpha_2=iso2)
    if record is None:
        return english
    for name in (getattr(record, "common_name", None), record.name):
        if name:
            translated = _dutch_translations().gettext(name)
            if translated != name or name == english:
                return translated
    return english


def dutch_names(countries: list[IsoCountry]) -> list[tuple[str, str]]:
    """Dutch names of the countries, from the ISO 3166 translations that pycountry ships, so that a
    supplier may write "Duitsland" or "Turkije" in a chain file. Names that are the English ones add
    nothing and are left out."""
    import pycountry

    translations = _dutch_translations()
    names = [(name, iso2) for iso2, name in DUTCH_NAMES.items()]
    for country in countries:
        record = pycountry.countries.get(alpha_2=country.iso2)
        if record is None:
            continue
        for english in {
            record.name,
            getattr(record, "common_name", None),
            getattr(record, "official_name", None),
        }:
            if english:
                dutch = translations.gettext(english)
                if dutch != english:
                    names.append((dutch, country.iso2))
    return names


def names_index(countries: list[IsoCountry]) -> dict[str, str]:
    """Normalised display, ISO and official names to alpha-2; the base for matching DOL names."""
    index: dict[str, str] = {}
    for country in countries:
        for name in (country.name, *country.other_names):
            index.setdefault(normalise_name(name), country.iso2)
    return index


def dol_country_code(name: str, index: Mapping[str, str]) -> str | None:
    """The alpha-2 code for a DOL country name: the exception table first, then pycountry's names."""
    if name in DOL_NAME_EXCEPTIONS:
        return DOL_NAME_EXCEPTIONS[name]
    return index.get(normalise_name(name))


def country_label(name: str, lang: Lang) -> str:
    """A country's English reference name (as reasons carry it) in `lang`: "Germany" is "Duitsland".

    A name that names no country (a test country, the code of an unknown site) is returned as it is.
    """
    if lang == "en":
        return name
    iso2 = load_reference().resolve_country(name)
    return dutch_country_name(iso2, name) if iso2 is not None else name
