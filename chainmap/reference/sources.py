"""The public sources behind every risk reason, cited by key.

A risk reason names its source by one of these keys; the key resolves to a short citation that reports
and the JSON output show next to the reason. SOURCES.md in fixtures/reference gives the full citations.
"""

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Source:
    """A public data source: who publishes it, which edition chainmap uses, and under what licence."""

    key: str
    title: str
    publisher: str
    edition: str
    licence: str
    url: str

    @property
    def citation(self) -> str:
        return f"{self.publisher}, {self.title} ({self.edition})"


SOURCES: Final[dict[str, Source]] = {
    s.key: s
    for s in (
        Source(
            "dol_goods",
            "List of Goods Produced by Child Labor or Forced Labor",
            "U.S. Department of Labor, ILAB",
            "2022",
            "US Government work, public domain",
            "https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods",
        ),
        Source(
            "dol_goods_2024",
            "List of Goods Produced by Child Labor or Forced Labor",
            "U.S. Department of Labor, ILAB",
            "2024, partial: 61 of 82 countries; the others keep 2022",
            "US Government work, public domain",
            "https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods",
        ),
        Source(
            "dol_countries",
            "Findings on the Worst Forms of Child Labor",
            "U.S. Department of Labor, ILAB",
            "2022",
            "US Government work, public domain",
            "https://www.dol.gov/agencies/ilab/resources/reports/child-labor/findings",
        ),
        Source(
            "ilo_normlex",
            "Ratification of the fundamental Conventions (NORMLEX)",
            "International Labour Organization",
            "July 2026",
            "facts from ILO NORMLEX",
            "https://normlex.ilo.org",
        ),
        Source(
            "wgi",
            "Worldwide Governance Indicators",
            "World Bank",
            "2024 update, data year 2023",
            "CC BY 4.0",
            "https://www.worldbank.org/en/publication/worldwide-governance-indicators",
        ),
        Source(
            "ilostat_union_density",
            "Trade union density rate (ILR_TUMT_NOC_RT)",
            "International Labour Organization, ILOSTAT",
            "latest observation per country",
            "CC BY 4.0",
            "https://ilostat.ilo.org/data/",
        ),
        Source(
            "ilostat_bargaining",
            "Collective bargaining coverage rate (ILR_CBCT_NOC_RT)",
            "International Labour Organization, ILOSTAT",
            "latest observation per country",
            "CC BY 4.0",
            "https://ilostat.ilo.org/data/",
        ),
        Source(
            "ilostat_fatal_injuries",
            "Fatal occupational injuries per 100,000 workers (SDG 8.8.1)",
            "International Labour Organization, ILOSTAT",
            "latest observation per country",
            "CC BY 4.0",
            "https://ilostat.ilo.org/data/",
        ),
        Source(
            "ilostat_working_poverty",
            "Working poverty rate, US$2.15 PPP (SDG 1.1.1), ILO modelled estimates",
            "International Labour Organization, ILOSTAT",
            "bulk file of February 2024",
            "CC BY 4.0",
            "https://ilostat.ilo.org/data/",
        ),
        Source(
            "wbl",
            "Women, Business and the Law 1.0 index",
            "World Bank",
            "2024 edition",
            "CC BY 4.0",
            "https://wbl.worldbank.org/en/wbl-data",
        ),
        Source(
            "gfw",
            "Tree cover loss and primary forest loss (Hansen/UMD/Google/USGS/NASA)",
            "Global Forest Watch",
            "2001–2023, v20240404",
            "CC BY 4.0",
            "https://www.globalforestwatch.org",
        ),
        Source(
            "uflpa",
            "UFLPA Entity List",
            "U.S. Department of Homeland Security",
            "10 August 2026",
            "US Government work, public domain",
            "https://www.dhs.gov/uflpa-entity-list",
        ),
        Source(
            "uflpa_act",
            "Uyghur Forced Labor Prevention Act, Public Law 117-78, section 3 (rebuttable presumption)",
            "U.S. Congress",
            "23 December 2021",
            "US Government work, public domain",
            "https://www.congress.gov/bill/117th-congress/house-bill/6256/text",
        ),
        Source(
            "cpv",
            "Common Procurement Vocabulary (CPV 2008)",
            "European Union",
            "2008",
            "EU reuse permitted",
            "https://simap.ted.europa.eu/cpv",
        ),
        Source(
            "chainmap_baseline",
            "Sector baseline by activity (docs/risk-model.md)",
            "chainmap",
            "0.1",
            "EUPL-1.2",
            "docs/risk-model.md",
        ),
    )
}

# The source key of a DOL goods listing by its edition (DolListing.edition).
DOL_GOODS_SOURCES: Final[dict[int, str]] = {2022: "dol_goods", 2024: "dol_goods_2024"}
