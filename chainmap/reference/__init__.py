"""Reference data for the risk model: countries, goods, DOL listings, UFLPA entities, CPV codes.

At run time only the compact tables in fixtures/reference/ are read (`load_reference`); they are derived
from the public sources in ../shared/reference by `chainmap reference build` (`chainmap.reference.build`).
"""

from chainmap.reference.country_names import country_label
from chainmap.reference.cpv_goods import CpvGood, CpvGoods, cpv_digits, load_cpv_goods
from chainmap.reference.data import (
    Country,
    CpvCode,
    DolListing,
    Good,
    Indicator,
    ReferenceData,
    SanctionedEntity,
    good_label,
    load_reference,
    normalise_name,
)
from chainmap.reference.screening import (
    NO_MATCH,
    PossibleMatch,
    ScreeningResult,
    company_screener,
    normalise_company_name,
    screen_company,
    screen_sites,
    screened,
)
from chainmap.reference.sources import DOL_GOODS_SOURCES, SOURCES, Source

__all__ = [
    "DOL_GOODS_SOURCES",
    "NO_MATCH",
    "SOURCES",
    "Country",
    "CpvCode",
    "CpvGood",
    "CpvGoods",
    "DolListing",
    "Good",
    "Indicator",
    "PossibleMatch",
    "ReferenceData",
    "SanctionedEntity",
    "ScreeningResult",
    "Source",
    "company_screener",
    "country_label",
    "cpv_digits",
    "good_label",
    "load_cpv_goods",
    "load_reference",
    "normalise_company_name",
    "normalise_name",
    "screen_company",
    "screen_sites",
    "screened",
]
