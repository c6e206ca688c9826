"""Typed access to the committed reference tables in fixtures/reference/.

The tables are plain UTF-8 CSV written by `chainmap.reference.build`; this module only reads them.
An empty cell means the source has no value for that country: "no finding", never "no risk".
"""

import csv
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final, TypeVar

from chainmap.themes import Lang

DEFAULT_DIRECTORY: Final = Path(__file__).resolve().parents[2] / "fixtures" / "reference"
# "Did you mean": names of more than this many characters are guessed at, with at least this similarity
# (difflib ratio); "Burmaa" finds Burma, "Cottton" Cotton, but a code like "XY" is not guessed.
MIN_GUESS_LENGTH: Final = 3
CLOSE_MATCH: Final = 0.8

# Country indicators: each is a column `<key>` with its reference year in `<key>_year`.
INDICATORS: Final[tuple[str, ...]] = (
    "working_children",  # DOL: % of children aged 5-14 working
    "corruption_control",  # WGI CC.EST, -2.5 (worst) .. 2.5 (best)
    "government_effectiveness",  # WGI GE.EST
    "rule_of_law",  # WGI RL.EST
    "voice_accountability",  # WGI VA.EST
    "union_density",  # ILOSTAT, % of employees who are union members
    "bargaining_coverage",  # ILOSTAT, % of employees covered by collective agreements
    "fatal_injury_rate",  # ILOSTAT, fatal occupational injuries per 100,000 workers
    "working_poverty",  # ILOSTAT, % of employed below US$2.15 PPP a day
    "wbl_index",  # World Bank WBL 1.0 index, 0 (worst) .. 100 (legal equality)
    "tree_cover_loss",  # GFW, % of year-2000 tree cover (>30% canopy) lost 2001-2023
    "primary_forest_loss",  # GFW, % of 2001 humid tropical primary forest lost 2002-2023
)


@dataclass(frozen=True, slots=True)
class Indicator:
    """One country indicator value with the year it refers to."""

    value: float
    year: int


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory with the indicators the risk model reads.

    `dol_covered` says whether the DOL findings report on it at all (high-income countries are not
    covered); `ilo_member` whether the ILO ratification table lists it; `ratified` holds the
    fundamental ILO instruments it has ratified, as NORMLEX lists them (C029, P029, C087, C098, C100,
    C105, C111, C138, C155, C182, C187); the table does not say whether a ratification is in force.
    `working_children_ages` is the age range of the `working_children` indicator ("5-14" for most).
    """

    iso2: str
    iso3: str
    name: str
    region: str
    dol_covered: bool
    dol_advancement: str | None
    ilo_member: bool
    ratified: frozenset[str]
    indicators: Mapping[str, Indicator]
    working_children_ages: str = "5-14"

    def indicator(self, key: str) -> Indicator | None:
        """The indicator's value, or None when its source has no value for this country."""
        if key not in INDICATORS:
            raise KeyError(key)
        return self.indicators.get(key)


@dataclass(frozen=True, slots=True)
class Good:
    """A good of the goods vocabulary, with its sector (Agriculture, Manufacturing, Mining, Other).

    `name` is the English vocabulary name (DOL's own for DOL goods), the good's stable id in chain files
    and JSON; `label_nl` is its Dutch name, lower case as a Dutch common noun ("katoen", "kobalterts
    (heterogeniet)"), from chainmap's curated list.
    """

    name: str
    sector: str
    dol_listed: bool
    label_nl: str = ""

    def label(self, lang: Lang) -> str:
        """The good's name for a reader of `lang`: the Dutch name, or the vocabulary name in English."""
        return self.label_nl if lang == "nl" and self.label_nl else self.name


@dataclass(frozen=True, slots=True)
class DolListing:
    """A good x country row of the DOL List of Goods Produced by Child Labor or Forced Labor.

    For goods DOL lists as produced with inputs made by child or forced labour (solar modules from
    polysilicon, batteries from cobalt, chocolate from cocoa), `via_input` is True and the exploitation is
    upstream, not at the listed good; `input_good` and `input_country` name that input where DOL does
    (2022: the flags are the input's own listing's; 2024: the kinds DOL's icons name). `edition` is the
    year of the DOL edition the row comes from: 2024 for the countries the partial 2024 transcription
    covers, 2022 for the others (fixtures/reference/SOURCES.md); every reason citing the row names it.
    """

    good: str
    country: str
    child_labour: bool
    forced_labour: bool
    forced_child_labour: bool
    input_good: str | None = None
    input_country: str | None = None
    edition: int = 2022
    via_input: bool = False


@dataclass(frozen=True, slots=True)
class SanctionedEntity:
    """An entry of the UFLPA Entity List: goods of this entity are presumed made with forced labour."""

    name: str
    aliases: tuple[str, ...]
    lists: tuple[str, ...]
    date_added: str


@dataclass(frozen=True, slots=True)
class CpvCode:
    """A code of the Common Procurement Vocabulary with its English and Dutch label."""

    code: str
    label_en: str
    label_nl: str


V = TypeVar("V")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_name(text: str) -> str:
    """Fold case, accents and punctuation so that names written differently compare equal.

    "Côte d'Ivoire" and "cote d ivoire" both become "cote d ivoire"; "&" reads as "and".
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " and "))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", stripped.casefold()).strip()


def _number_variants(key: str) -> tuple[str, ...]:
    """The English singular and plural spellings of a normalised name's last word: +s, +es, -s, -es."""
    variants = [key + "s", key + "es"]
    if key.endswith("s"):
        variants.append(key[:-1])
    if key.endswith("es"):
        variants.append(key[:-2])
    return tuple(variants)


class ReferenceData:
    """The reference tables, indexed for the look-ups the chain validator and risk model make."""

    def __init__(
        self,
        *,
        countries: Mapping[str, Country],
        country_aliases: Mapping[str, str],
        goods: Mapping[str, Good],
        goods_aliases: Mapping[str, str],
        listings: list[DolListing],
        entities: list[SanctionedEntity],
        cpv: Mapping[str, CpvCode],
    ) -> None:
        self.countries: Mapping[str, Country] = countries
        self.goods: Mapping[str, Good] = goods
        self.cpv: Mapping[str, CpvCode] = cpv
        self.entities: tuple[SanctionedEntity, ...] = tuple(entities)
        self._country_keys: dict[str, str] = {}
        for country in countries.values():
            for key in (country.iso2, country.iso3, country.name):
                self._country_keys[normalise_name(key)] = country.iso2
        for alias, iso2 in country_aliases.items():
            self._country_keys.setdefault(normalise_name(alias), iso2)
        self._good_keys: dict[str, str] = {normalise_name(name): name for name in goods}
        for alias, name in goods_aliases.items():
            self._good_keys.setdefault(normalise_name(alias), name)
        self._listings: dict[tuple[str, str], DolListing] = {
            (listing.good, listing.country): listing for listing in listings
        }
        self._listings_by_country: dict[str, list[DolListing]] = {}
        for listing in listings:
            self._listings_by_country.setdefault(listing.country, []).append(listing)

    def resolve_country(self, text: str) -> str | None:
        """The ISO 3166-1 alpha-2 code for an alpha-2 or alpha-3 code or a country name, any case.

        Returns None when the text names no known country. "unknown" is not a country here: callers
        decide what an unknown country means.
        """
        return self._country_keys.get(normalise_name(text))

    def closest_country(self, text: str) -> str | None:
        """The alpha-2 code of the country whose name or other name is spelt most like `text`, if any is
        close; for a "did you mean" to a supplier. Codes are too short to guess from and are not tried."""
        key = normalise_name(text)
        if len(key) <= MIN_GUESS_LENGTH:
            return None
        names = [name for name in self._country_keys if len(name) > MIN_GUESS_LENGTH]
        match = difflib.get_close_matches(key, names, n=1, cutoff=CLOSE_MATCH)
        return self._country_keys[match[0]] if match else None

    def good_names(self) -> list[tuple[str, str]]:
        """Every spelling a good is found by (normalised name or other name) with the good it names."""
        return list(self._good_keys.items())

    def closest_good(self, text: str) -> str | None:
        """The vocabulary good whose name or other name is spelt most like `text`, if any is close."""
        key = normalise_name(text)
        if len(key) <= MIN_GUESS_LENGTH:
            return None
        match = difflib.get_close_matches(key, list(self._good_keys), n=1, cutoff=CLOSE_MATCH)
        return self._good_keys[match[0]] if match else None

    def resolve_good(self, text: str) -> Good | None:
        """The vocabulary good that `text` names (case, accents and punctuation ignored), or one it names
        in the singular or plural ("Brick" is Bricks, "Tomato" Tomatoes, "Cottons" Cotton).

        The plural is tried only when the text itself names nothing, on words longer than three letters,
        and only where exactly one good answers, so a name in the vocabulary always finds itself.
        """
        key = normalise_name(text)
        name = self._good_keys.get(key)
        if name is None and len(key) > MIN_GUESS_LENGTH:
            found = {self._good_keys[other] for other in _number_variants(key) if other in self._good_keys}
            name = found.pop() if len(found) == 1 else None
        return self.goods[name] if name is not None else None

    def listing(self, good: str, country: str) -> DolListing | None:
        """The DOL listing of a vocabulary good in a country (alpha-2), if the good is listed there."""
        return self._listings.get((good, country))

    def listings_in(self, country: str) -> list[DolListing]:
        """Every DOL listing for a country (alpha-2)."""
        return list(self._listings_by_country.get(country, ()))

    def sanctioned_entity(self, company: str) -> SanctionedEntity | None:
        """The UFLPA entry whose name or alias equals the company name after `normalise_company_name`,
        wherever the company is; `chainmap.reference.screening.screen_company` is the full screening
        (the site's country, short names, close matches)."""
        from chainmap.reference.screening import exact_entity  # the screening module builds on this one

        return exact_entity(company, self)


class LazyTable(Mapping[str, V]):
    """A reference table read on first use: the CPV vocabulary (9,454 codes) is most of the reference
    data, and only the web app's contract forms read it, so the command line starts without it."""

    def __init__(self, read: Callable[[], dict[str, V]]) -> None:
        self._read = read
        self._table: dict[str, V] | None = None

    def _loaded(self) -> dict[str, V]:
        if self._table is None:
            self._table = self._read()
        return self._table

    def __getitem__(self, key: str) -> V:
        return self._loaded()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


def _read_cpv(directory: Path) -> dict[str, CpvCode]:
    return {r["code"]: CpvCode(r["code"], r["label_en"], r["label_nl"]) for r in _read(directory, "cpv.csv")}


def _read(directory: Path, name: str) -> Iterator[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def _flag(cell: str) -> bool:
    return cell == "1"


def _country(row: Mapping[str, str]) -> Country:
    indicators = {key: Indicator(float(row[key]), int(row[f"{key}_year"])) for key in INDICATORS if row[key]}
    return Country(
        iso2=row["iso2"],
        iso3=row["iso3"],
        name=row["name"],
        region=row["region"],
        dol_covered=_flag(row["dol_covered"]),
        dol_advancement=row["dol_advancement"] or None,
        ilo_member=_flag(row["ilo_member"]),
        ratified=frozenset(row["ratified"].split()),
        indicators=indicators,
        working_children_ages=row["working_children_ages"] or "5-14",
    )


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


@cache
def load_reference(directory: Path = DEFAULT_DIRECTORY) -> ReferenceData:
    """Read the reference tables once; later calls with the same directory return the same object."""
    countries = {row["iso2"]: _country(row) for row in _read(directory, "countries.csv")}
    return ReferenceData(
        countries=countries,
        country_aliases={r["alias"]: r["iso2"] for r in _read(directory, "country_aliases.csv")},
        goods={
            r["name"]: Good(r["name"], r["sector"], _flag(r["dol_listed"]), r["label_nl"])
            for r in _read(directory, "goods.csv")
        },
        goods_aliases={r["alias"]: r["good"] for r in _read(directory, "goods_aliases.csv")},
        listings=[
            DolListing(
                good=r["good"],
                country=r["iso2"],
                child_labour=_flag(r["child_labour"]),
                forced_labour=_flag(r["forced_labour"]),
                forced_child_labour=_flag(r["forced_child_labour"]),
                input_good=r["input_good"] or None,
                input_country=r["input_country"] or None,
                edition=int(r["edition"]),
                via_input=_flag(r["via_input"]),
            )
            for r in _read(directory, "dol_goods_countries.csv")
        ],
        entities=[
            SanctionedEntity(r["name"], _split(r["aliases"]), _split(r["lists"]), r["date_added"])
            for r in _read(directory, "uflpa_entities.csv")
        ],
        cpv=LazyTable(lambda: _read_cpv(directory)),
    )


def good_label(name: str, lang: Lang) -> str:
    """The label in `lang` of the vocabulary good `name`, from the committed reference tables.

    Names that are not in the vocabulary (a good a chain file names that chainmap does not know) are
    returned as they are. Labels are the vocabulary's, the same whichever reference data an analysis
    used, so this reads the default tables (once, cached by `load_reference`).
    """
    good = load_reference().goods.get(name)
    return good.label(lang) if good is not None else name
