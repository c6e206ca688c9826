"""Build small `ReferenceData` objects for tests, independent of the committed fixture tables."""

from collections.abc import Iterable, Mapping

from chainmap.reference import (
    Country,
    CpvCode,
    DolListing,
    Good,
    Indicator,
    ReferenceData,
    SanctionedEntity,
)


def make_country(
    iso2: str = "TM",
    *,
    iso3: str | None = None,
    name: str | None = None,
    region: str = "Europe and Eurasia",
    dol_covered: bool = True,
    dol_advancement: str | None = "Minimal Advancement",
    ilo_member: bool = True,
    ratified: Iterable[str] = ("C029", "C087", "C098", "C100", "C105", "C111", "C138", "C182"),
    indicators: Mapping[str, float] | None = None,
    year: int = 2023,
    working_children_ages: str = "5-14",
) -> Country:
    """A country; `indicators` maps indicator keys to values, all dated `year`."""
    return Country(
        iso2=iso2,
        iso3=iso3 or f"{iso2}X",
        name=name or f"Country {iso2}",
        region=region,
        dol_covered=dol_covered,
        dol_advancement=dol_advancement,
        ilo_member=ilo_member,
        ratified=frozenset(ratified),
        indicators={key: Indicator(value, year) for key, value in (indicators or {}).items()},
        working_children_ages=working_children_ages,
    )


def make_reference(
    *,
    countries: Iterable[Country] = (),
    goods: Iterable[tuple[str, str]] = (("Cotton", "Agriculture"),),
    listings: Iterable[DolListing] = (),
    entities: Iterable[SanctionedEntity] = (),
    country_aliases: Mapping[str, str] | None = None,
    goods_aliases: Mapping[str, str] | None = None,
    cpv: Iterable[CpvCode] = (),
) -> ReferenceData:
    """Reference data holding just what a test names; goods are (name, sector) pairs."""
    listing_list = list(listings)
    listed = {listing.good for listing in listing_list}
    return ReferenceData(
        countries={c.iso2: c for c in countries},
        country_aliases=dict(country_aliases or {}),
        goods={name: Good(name, sector, name in listed) for name, sector in goods},
        goods_aliases=dict(goods_aliases or {}),
        listings=listing_list,
        entities=list(entities),
        cpv={c.code: c for c in cpv},
    )


def make_listing(
    good: str = "Cotton",
    country: str = "TM",
    *,
    child: bool = False,
    forced: bool = False,
    forced_child: bool = False,
    input_good: str | None = None,
    input_country: str | None = None,
    edition: int = 2022,
    via_input: bool | None = None,
) -> DolListing:
    """A DOL good x country listing of an edition; with `input_good` (or `via_input`), one listed for an
    input made with such labour."""
    via = input_good is not None if via_input is None else via_input
    return DolListing(good, country, child, forced, forced_child, input_good, input_country, edition, via)
