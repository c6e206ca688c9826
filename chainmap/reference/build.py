"""Derive the compact reference tables in fixtures/reference/ from the public sources.

`build_reference(source, target)` reads the source folders (../shared/reference: dol-ilab, wgi, ilostat,
ilostat-poverty, wbl, gfw, ilo-ratifications, uflpa, cpv) and chainmap's own curated goods lists, checks
every name and code, and writes the UTF-8 CSV tables that `chainmap.reference.data` reads. The output is
deterministic: sorted rows, fixed decimals, "\\n" line endings, so two builds give byte-identical files.
Everything is read and checked before anything is written, so a failing build leaves `target` as it was.
fixtures/reference/SOURCES.md documents each source and the choices made here.
"""

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from pathlib import Path
from typing import Final

from chainmap.reference.country_names import (
    COMMON_NAMES,
    IsoCountry,
    dol_country_code,
    dutch_names,
    iso_countries,
    names_index,
)
from chainmap.reference.data import DEFAULT_DIRECTORY, INDICATORS, normalise_name

CURATED_DIRECTORY: Final = DEFAULT_DIRECTORY / "curated"

# The DOL files carry the 2022 edition of the findings; the share of working children has no survey year
# in the XML, so it is dated by the edition that reports it.
DOL_EDITION_YEAR: Final = 2022
# The partial 2024 edition of the List of Goods (dol-ilab-2024/), laid over the 2022 one per country.
DOL_OVERLAY_YEAR: Final = 2024

# Goods the 2024 transcription spells differently from the 2022 vocabulary name of the same good (beyond
# case, which is matched anyway): the vocabulary name stays the good's stable id in chain files.
DOL_2024_NAMES: Final[dict[str, str]] = {
    "Fruits (pome and stone)": "Fruit (Pome and Stone)",
    "Trona (minerals)": "Trona (mineral)",
}

# Decimals written per indicator: the precision of the source (WGI 4, ILOSTAT 2-3, WBL 3) or, for
# derived percentages, enough to tell countries apart.
DECIMALS: Final[dict[str, int]] = {
    "working_children": 1,
    "corruption_control": 4,
    "government_effectiveness": 4,
    "rule_of_law": 4,
    "voice_accountability": 4,
    "union_density": 3,
    "bargaining_coverage": 3,
    "fatal_injury_rate": 2,
    "working_poverty": 3,
    "wbl_index": 3,
    "tree_cover_loss": 4,
    "primary_forest_loss": 4,
}

# DOL lists these goods as "produced with inputs made by child or forced labour" (Derived_Labor_Exploitation)
# with the input's country but not the input itself; the input good is the DOL listing named in DOL's
# list for that derived good (cobalt for batteries, polysilicon for solar products, palm fruit for palm oil).
DERIVED_INPUTS: Final[dict[str, str]] = {
    "Lithium-Ion Batteries": "Cobalt ore (heterogenite)",
    "Photovoltaic Ingots": "Polysilicon",
    "Photovoltaic Wafers": "Polysilicon",
    "Solar Cells": "Polysilicon",
    "Solar Modules": "Polysilicon",
    "Crude Palm Oil": "Palm Fruit",
    "Crude Palm Kernel Oil": "Palm Fruit",
    "Refined Palm Oil": "Palm Fruit",
    "Refined Palm Kernel Oil": "Palm Fruit",
    "Oleochemicals": "Palm Fruit",
}

SECTORS: Final = frozenset({"Agriculture", "Manufacturing", "Mining", "Other"})
ILO_STATUSES: Final = frozenset({"ratified", "denounced", "not ratified"})
WGI_COLUMNS: Final[dict[str, str]] = {
    "cc": "corruption_control",
    "ge": "government_effectiveness",
    "rl": "rule_of_law",
    "va": "voice_accountability",
}
ILOSTAT_FILES: Final[dict[str, str]] = {
    "union_density": "ilostat/trade_union_density.csv",
    "bargaining_coverage": "ilostat/collective_bargaining_coverage.csv",
    "fatal_injury_rate": "ilostat/fatal_occupational_injury_rate.csv",
    "working_poverty": "ilostat-poverty/working_poverty_rate.csv",
}
_UFLPA_SECTION = re.compile(r"2\(d\)\(2\)\(B\)\((i|ii|iii|iv|v|vi)\)")
_ROMAN: Final[dict[str, int]] = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_XPCC_SUFFIX = re.compile(r"\s*\(XPCC\)\s*$")
# Two names joined inside one UFLPA alias cell: " and " right after an abbreviation's full stop
# ("... Transport Co. and Jiangyin United ..."); plain " and " is part of names ("Iron and Steel").
_JOINED_NAMES = re.compile(r"(?<=\.) and ")
_ALIAS_PREFIX = re.compile(r"^(?:formerly|also) known as\s+", re.IGNORECASE)
_CPV_CODE = re.compile(r"\d{8}-\d")
_DECIMAL_CONTEXT: Final = Context(prec=28, rounding=ROUND_HALF_EVEN)


class ReferenceBuildError(Exception):
    """The sources cannot be turned into reference tables; the message names the file and the value."""


@dataclass(frozen=True, slots=True)
class _Listing:
    """A row of dol_goods_countries.csv; the input fields are empty for a direct listing."""

    good: str
    iso2: str
    child: bool
    forced: bool
    forced_child: bool
    input_good: str = ""
    input_country: str = ""
    edition: int = DOL_EDITION_YEAR
    via_input: bool = False


@dataclass(slots=True)
class _CountryFacts:
    """What the sources say about one country, filled source by source."""

    region: str = ""
    dol_covered: bool = False
    dol_advancement: str = ""
    ilo_member: bool = False
    ratified: set[str] = field(default_factory=set)
    indicators: dict[str, tuple[Decimal, int]] = field(default_factory=dict)
    working_children_ages: str = ""


@dataclass(slots=True)
class _Dol:
    """What goods.xml and countries.xml give: goods with sector, listings, and every country name used."""

    goods: dict[str, str] = field(default_factory=dict)
    listings: list[_Listing] = field(default_factory=list)
    names: list[tuple[str, str]] = field(default_factory=list)


def build_reference(source: Path, target: Path, *, curated: Path = CURATED_DIRECTORY) -> list[Path]:
    """Build every reference table from `source` (and the curated goods lists) into `target`.

    Returns the paths written. Raises ReferenceBuildError, naming the file and value, when a source is
    missing or malformed or a country name maps to no ISO code; nothing is written then.
    """
    countries = iso_countries()
    by_iso3 = {country.iso3: country for country in countries}
    facts = {country.iso2: _CountryFacts() for country in countries}
    aliases: list[tuple[str, str]] = [(name, c.iso2) for c in countries for name in c.other_names]
    aliases.extend(COMMON_NAMES.items())
    aliases.extend(dutch_names(countries))

    index = names_index(countries)
    dol = _read_dol(source / "dol-ilab", index, facts, curated / "dol_corrections.csv")
    _overlay_dol_2024(source / "dol-ilab-2024", index, dol, curated / "goods_dol_2024.csv")
    aliases.extend(dol.names)
    aliases.extend(_read_ilo(source / "ilo-ratifications" / "ratifications.csv", by_iso3, facts))
    aliases.extend(_read_indicators(source, by_iso3, facts))

    listed = {listing.good for listing in dol.listings}
    goods = _goods_table(
        {name: (sector, name in listed) for name, sector in dol.goods.items()}, curated / "goods.csv"
    )
    dutch = _dutch_labels(goods, curated / "goods_nl.csv")
    goods = [[*row, dutch[row[0]]] for row in goods]
    goods_aliases = _goods_alias_rows(goods, curated / "goods_aliases.csv")
    tables: dict[str, tuple[Sequence[str], list[list[str]]]] = {
        "countries.csv": _countries_table(countries, facts),
        "country_aliases.csv": (("alias", "iso2"), _alias_rows(countries, aliases)),
        "goods.csv": (("name", "sector", "dol_listed", "label_nl"), goods),
        "goods_aliases.csv": (("alias", "good"), _with_dutch_aliases(goods_aliases, goods)),
        "dol_goods_countries.csv": _listing_table(dol.listings),
        "uflpa_entities.csv": _uflpa_table(source / "uflpa" / "entities.csv"),
        "cpv.csv": _cpv_table(source / "cpv" / "cpv2008.csv"),
    }
    target.mkdir(parents=True, exist_ok=True)
    return [_write_csv(target / name, header, rows) for name, (header, rows) in tables.items()]


# --- reading ---------------------------------------------------------------------------------------


def _read_csv(path: Path, columns: Iterable[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [column for column in columns if column not in (reader.fieldnames or ())]
            if missing:
                raise ReferenceBuildError(f"{path}: missing column(s) {', '.join(missing)}")
            return [{key: (value or "").strip() for key, value in row.items()} for row in reader]
    except FileNotFoundError as error:
        raise ReferenceBuildError(f"missing source file {path}") from error


def _parse_xml(path: Path) -> ET.Element:
    try:
        # The input is the committed public DOL file in the shared reference folder, never user input.
        return ET.parse(path).getroot()  # noqa: S314
    except FileNotFoundError as error:
        raise ReferenceBuildError(f"missing source file {path}") from error
    except ET.ParseError as error:
        raise ReferenceBuildError(f"{path}: not well-formed XML ({error})") from error


def _text(element: ET.Element, tag: str, path: Path) -> str:
    child = element.find(tag)
    if child is None:
        raise ReferenceBuildError(f"{path}: element <{element.tag}> has no <{tag}>")
    return (child.text or "").strip()


def _yes_no(element: ET.Element, tag: str, path: Path) -> bool:
    value = _text(element, tag, path)
    if value not in ("Yes", "No"):
        raise ReferenceBuildError(f"{path}: <{tag}> is {value!r}, expected Yes or No")
    return value == "Yes"


def _decimal(text: str, where: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise ReferenceBuildError(f"{where}: {text!r} is not a number") from error
    if not value.is_finite():
        raise ReferenceBuildError(f"{where}: {text!r} is not a number")
    return value


def _year(text: str, where: str) -> int:
    if not re.fullmatch(r"(19|20)\d\d", text):
        raise ReferenceBuildError(f"{where}: {text!r} is not a year")
    return int(text)


def _country_for_iso3(iso3: str, by_iso3: Mapping[str, IsoCountry], where: str) -> IsoCountry:
    if iso3 not in by_iso3:
        raise ReferenceBuildError(f"{where}: {iso3!r} is not an ISO 3166-1 alpha-3 code")
    return by_iso3[iso3]


def _dol_code(name: str, index: Mapping[str, str], path: Path) -> str:
    iso2 = dol_country_code(name, index)
    if iso2 is None:
        raise ReferenceBuildError(
            f"{path}: DOL country name {name!r} maps to no ISO 3166-1 code; "
            "add it to DOL_NAME_EXCEPTIONS in chainmap/reference/country_names.py"
        )
    return iso2


def _read_dol(
    folder: Path, index: Mapping[str, str], facts: dict[str, _CountryFacts], corrections: Path
) -> _Dol:
    """Goods with sector and good x country listings from goods.xml (with chainmap's documented corrections
    of its flags); country findings from countries.xml."""
    dol = _read_dol_goods(folder / "goods.xml", index, facts, _read_corrections(corrections, index))
    _read_dol_countries(folder / "countries.xml", index, facts, dol)
    return dol


def _flags(row: Mapping[str, str], columns: Sequence[str], where: str) -> tuple[bool, ...]:
    flags = []
    for column in columns:
        if row[column] not in ("0", "1"):
            raise ReferenceBuildError(f"{where}: {column} is {row[column]!r}, expected 0 or 1")
        flags.append(row[column] == "1")
    return tuple(flags)


def _read_corrections(path: Path, index: Mapping[str, str]) -> dict[tuple[str, str], tuple[bool, bool, bool]]:
    """Corrections of goods.xml flags, per (good, alpha-2): where DOL's own page of the same edition shows
    other flags than the XML (curated/dol_corrections.csv, each row with the page that shows it)."""
    columns = ("good", "country", "child_labour", "forced_labour", "forced_child_labour", "source_url")
    corrections: dict[tuple[str, str], tuple[bool, bool, bool]] = {}
    for row in _read_csv(path, columns):
        if not row["source_url"]:
            raise ReferenceBuildError(f"{path}: the correction of {row['good']!r} names no source page")
        iso2 = _dol_code(row["country"], index, path)
        child, forced, forced_child = _flags(row, columns[2:5], str(path))
        corrections[(row["good"], iso2)] = (child, forced, forced_child)
    return corrections


def _read_dol_goods(
    goods_path: Path,
    index: Mapping[str, str],
    facts: dict[str, _CountryFacts],
    corrections: Mapping[tuple[str, str], tuple[bool, bool, bool]],
) -> _Dol:
    """The goods, their listings, and for derived listings the flags of the input they name.

    A correction replaces the flags of its row before derived listings copy them (Indonesia's palm oils
    take palm fruit's corrected flags); a correction of a row goods.xml does not have fails the build.
    """
    dol = _Dol()
    raw: dict[tuple[str, str], tuple[bool, bool, bool, str]] = {}
    for good in _parse_xml(goods_path).findall("Good"):
        name = _text(good, "Good_Name", goods_path)
        sector = _text(good, "Good_Sector", goods_path)
        if sector not in SECTORS:
            raise ReferenceBuildError(f"{goods_path}: good {name!r} has unknown sector {sector!r}")
        if name in dol.goods:
            raise ReferenceBuildError(f"{goods_path}: good {name!r} appears twice")
        dol.goods[name] = sector
        for country in good.findall("Countries/Country"):
            country_name = _text(country, "Country_Name", goods_path)
            iso2 = _dol_code(country_name, index, goods_path)
            dol.names.append((country_name, iso2))
            region = _text(country, "Country_Region", goods_path)
            if region:
                facts[iso2].region = region
            derived = ""
            if _yes_no(country, "Derived_Labor_Exploitation", goods_path):
                derived = _dol_code(_text(country, "Derived_Country", goods_path), index, goods_path)
            if (name, iso2) in raw:
                raise ReferenceBuildError(f"{goods_path}: {name!r} is listed twice for {iso2}")
            raw[(name, iso2)] = (
                _yes_no(country, "Child_Labor", goods_path),
                _yes_no(country, "Forced_Labor", goods_path),
                _yes_no(country, "Forced_Child_Labor", goods_path),
                derived,
            )
    for key, flags in corrections.items():
        if key not in raw:
            raise ReferenceBuildError(
                f"{goods_path}: a correction names {key[0]!r} in {key[1]}, not listed there"
            )
        raw[key] = (*flags, raw[key][3])
    for (name, iso2), (child, forced, forced_child, derived) in raw.items():
        if not derived:
            dol.listings.append(_Listing(name, iso2, child, forced, forced_child))
            continue
        input_good = DERIVED_INPUTS.get(name)
        source_listing = raw.get((input_good, derived)) if input_good else None
        if input_good is None or source_listing is None or source_listing[3]:
            raise ReferenceBuildError(
                f"{goods_path}: {name!r} in {iso2} is listed for inputs from {derived}, but DERIVED_INPUTS "
                "names no directly listed input good for it there"
            )
        dol.listings.append(_Listing(name, iso2, *source_listing[:3], input_good, derived, via_input=True))
    return dol


_DOL_2024_COLUMNS: Final = (
    "good",
    "country",
    "child_labor",
    "forced_labor",
    "forced_child_labor",
    "sector",
    "input_good",
    "input_country",
    "downstream_ipcl",
    "downstream_ipfl",
)


def _overlay_dol_2024(folder: Path, index: Mapping[str, str], dol: _Dol, sectors_path: Path) -> None:
    """Lay the partial 2024 List of Goods over the 2022 listings in `dol`, per good x country.

    For each country the 2024 file covers, its 2024 rows replace all its 2022 rows: additions, changed
    flags and removals. A country the file does not cover keeps its 2022 rows; its absence is no removal.
    Good names match the vocabulary ignoring case, or through `DOL_2024_NAMES`; a good new in 2024 takes
    DOL's sector where the file gives one, else the sector of `curated/goods_dol_2024.csv` (the build fails
    when neither does). A good listed for an input ("downstream", DOL's IPCL/IPFL icons) carries the kinds
    its icons name (child labour, forced labour) and, where DOL names it, the input, which must itself be
    listed there for that kind. Fails loudly on a country name that maps to no ISO code.
    """
    path = folder / "dol_goods_2024.csv"
    rows = _read_csv(path, _DOL_2024_COLUMNS)
    curated = {row["name"]: row["sector"] for row in _read_csv(sectors_path, ("name", "sector"))}
    vocabulary = {normalise_name(name): name for name in dol.goods}
    listings: dict[tuple[str, str], _Listing] = {}
    for row in rows:
        iso2 = _dol_code(row["country"], index, path)
        dol.names.append((row["country"], iso2))
        name = DOL_2024_NAMES.get(row["good"]) or vocabulary.get(normalise_name(row["good"]))
        if name is None:
            name = row["good"]
            sector = row["sector"] or curated.get(name, "")
            if sector not in SECTORS:
                raise ReferenceBuildError(
                    f"{path}: new good {name!r} has no known sector ({sector!r}); "
                    f"give it one in {sectors_path.name}"
                )
            dol.goods[name] = sector
            vocabulary[normalise_name(name)] = name
        child, forced, forced_child, ipcl, ipfl = _flags(
            row,
            ("child_labor", "forced_labor", "forced_child_labor", "downstream_ipcl", "downstream_ipfl"),
            str(path),
        )
        via_input = ipcl or ipfl
        if via_input and (child or forced or forced_child):
            raise ReferenceBuildError(
                f"{path}: {name!r} in {row['country']} is listed both directly and for an input"
            )
        if not (via_input or child or forced or forced_child):
            raise ReferenceBuildError(f"{path}: {name!r} in {row['country']} has no flag")
        input_good = input_country = ""
        if row["input_good"]:
            input_good = vocabulary.get(normalise_name(row["input_good"]), "")
            if not input_good or not via_input:
                raise ReferenceBuildError(
                    f"{path}: {name!r} names input {row['input_good']!r}, not a listed good"
                )
            input_country = _dol_code(row["input_country"], index, path)
        if (name, iso2) in listings:
            raise ReferenceBuildError(f"{path}: {name!r} is listed twice for {iso2}")
        listings[(name, iso2)] = _Listing(
            name,
            iso2,
            child or ipcl,
            forced or ipfl,
            forced_child,
            input_good,
            input_country,
            edition=DOL_OVERLAY_YEAR,
            via_input=via_input,
        )
    for listing in listings.values():
        if listing.input_good:
            source = listings.get((listing.input_good, listing.input_country))
            if (
                source is None
                or (listing.child and not source.child)
                or (listing.forced and not source.forced)
            ):
                raise ReferenceBuildError(
                    f"{path}: {listing.good!r} in {listing.iso2} is listed for its input "
                    f"{listing.input_good!r} from {listing.input_country}, not listed there for the same kind"
                )
    covered = {iso2 for _, iso2 in listings}
    dol.listings = [listing for listing in dol.listings if listing.iso2 not in covered]
    dol.listings.extend(listings.values())


def _read_dol_countries(
    countries_path: Path, index: Mapping[str, str], facts: dict[str, _CountryFacts], dol: _Dol
) -> None:
    """Region, advancement level and working children per DOL country profile."""
    assessed: set[str] = set()
    for country in _parse_xml(countries_path).findall("Country"):
        country_name = _text(country, "Name", countries_path)
        iso2 = _dol_code(country_name, index, countries_path)
        if iso2 in assessed:
            raise ReferenceBuildError(f"{countries_path}: {country_name!r} is a second profile for {iso2}")
        assessed.add(iso2)
        dol.names.append((country_name, iso2))
        entry = facts[iso2]
        entry.region = _text(country, "Region", countries_path) or entry.region
        # Countries that appear only for their listed goods have no assessment ("Not covered in Child
        # Labor Report"): DOL's country findings do not cover them.
        entry.dol_advancement = _text(country, "Advancement_Level", countries_path)
        entry.dol_covered = bool(entry.dol_advancement)
        for good in country.findall("Goods/Good"):
            good_name = _text(good, "Good_Name", countries_path)
            if good_name not in dol.goods:
                raise ReferenceBuildError(
                    f"{countries_path}: {country_name} lists {good_name!r}, not in goods.xml"
                )
        working = _working_children(country, countries_path)
        if working is not None:
            entry.indicators["working_children"] = (working[0], DOL_EDITION_YEAR)
            entry.working_children_ages = working[1]


def _working_children(country: ET.Element, path: Path) -> tuple[Decimal, str] | None:
    """The share of working children in percent and its age range, where DOL gives one for a range.

    DOL writes a fraction (0.12 = 12%). The age range is 5-14 for most countries and narrower (6-14,
    7-14, 10-14) for a few; a value without an age range is not a working-children figure (Montserrat's
    copies its primary completion rate) and is left out.
    """
    statistics = country.find("Country_Statistics/Children_Work_Statistics")
    if statistics is None:
        return None
    share = (statistics.findtext("Total_Percentage_of_Working_Children") or "").strip()
    age_range = (statistics.findtext("Age_Range") or "").strip()
    if not share or share == "Unavailable" or not re.fullmatch(r"\d{1,2}-14", age_range):
        return None
    fraction = _decimal(share, f"{path}: working children of {country.findtext('Name')}")
    if not 0 <= fraction <= 1:
        raise ReferenceBuildError(f"{path}: working children share {share} is not a fraction")
    return fraction * 100, age_range


def _read_ilo(
    path: Path, by_iso3: Mapping[str, IsoCountry], facts: dict[str, _CountryFacts]
) -> list[tuple[str, str]]:
    """ILO membership and the fundamental instruments each member has ratified and not denounced."""
    names: list[tuple[str, str]] = []
    for row in _read_csv(path, ("iso3", "country", "convention", "status")):
        country = _country_for_iso3(row["iso3"], by_iso3, str(path))
        if row["status"] not in ILO_STATUSES:
            raise ReferenceBuildError(f"{path}: unknown status {row['status']!r} for {row['iso3']}")
        if not re.fullmatch(r"[CP]\d{3}", row["convention"]):
            raise ReferenceBuildError(f"{path}: {row['convention']!r} is not an ILO instrument code")
        entry = facts[country.iso2]
        entry.ilo_member = True
        if row["status"] == "ratified":
            entry.ratified.add(row["convention"])
        names.append((row["country"], country.iso2))
    return names


def _set_indicator(
    facts: dict[str, _CountryFacts], country: IsoCountry, key: str, value: tuple[Decimal, int], where: str
) -> None:
    if key in facts[country.iso2].indicators:
        raise ReferenceBuildError(f"{where}: two values of {key} for {country.iso3}")
    facts[country.iso2].indicators[key] = value


def _read_indicators(
    source: Path, by_iso3: Mapping[str, IsoCountry], facts: dict[str, _CountryFacts]
) -> list[tuple[str, str]]:
    """WGI, ILOSTAT, WBL and GFW values per country; returns the country names the files use."""
    names: list[tuple[str, str]] = []
    wgi = source / "wgi" / "wgi.csv"
    for row in _read_csv(wgi, ("iso3", "country", "year", *WGI_COLUMNS)):
        country = _country_for_iso3(row["iso3"], by_iso3, str(wgi))
        names.append((row["country"], country.iso2))
        year = _year(row["year"], str(wgi))
        for column, key in WGI_COLUMNS.items():
            if row[column]:
                _set_indicator(facts, country, key, (_decimal(row[column], str(wgi)), year), str(wgi))
    for key, name in ILOSTAT_FILES.items():
        path = source / name
        for row in _read_csv(path, ("iso3", "country", "year", "value")):
            country = _country_for_iso3(row["iso3"], by_iso3, str(path))
            names.append((row["country"], country.iso2))
            if row["value"]:
                value = (_decimal(row["value"], str(path)), _year(row["year"], str(path)))
                _set_indicator(facts, country, key, value, str(path))
    wbl = source / "wbl" / "wbl.csv"
    for row in _read_csv(wbl, ("iso3", "country", "year", "wbl_index")):
        country = _country_for_iso3(row["iso3"], by_iso3, str(wbl))
        names.append((row["country"], country.iso2))
        if row["wbl_index"]:
            value = (_decimal(row["wbl_index"], str(wbl)), _year(row["year"], str(wbl)))
            _set_indicator(facts, country, "wbl_index", value, str(wbl))
    names.extend(
        _read_forest_loss(
            source / "gfw" / "tree_cover_loss.csv",
            "extent_2000_ha",
            "loss_",
            "tree_cover_loss",
            by_iso3,
            facts,
        )
    )
    names.extend(
        _read_forest_loss(
            source / "gfw" / "primary_forest_loss.csv",
            "primary_extent_2001_ha",
            "primary_loss_",
            "primary_forest_loss",
            by_iso3,
            facts,
        )
    )
    return names


def _read_forest_loss(
    path: Path,
    extent_column: str,
    loss_prefix: str,
    key: str,
    by_iso3: Mapping[str, IsoCountry],
    facts: dict[str, _CountryFacts],
) -> list[tuple[str, str]]:
    """Share of the base-year extent lost over all loss years in the file, in percent, dated by the last year.

    Countries with no extent in the base year get no value: a rate of nothing says nothing.
    """
    rows = _read_csv(path, ("iso3", "country", extent_column))
    loss_columns = sorted(column for column in (rows[0] if rows else {}) if column.startswith(loss_prefix))
    if not loss_columns:
        raise ReferenceBuildError(f"{path}: no {loss_prefix}YYYY_ha columns")
    last_year = _year(loss_columns[-1].removeprefix(loss_prefix).removesuffix("_ha"), str(path))
    names: list[tuple[str, str]] = []
    for row in rows:
        country = _country_for_iso3(row["iso3"], by_iso3, str(path))
        names.append((row["country"], country.iso2))
        extent = _decimal(row[extent_column], str(path))
        if extent <= 0:
            continue
        lost = sum((_decimal(row[column], str(path)) for column in loss_columns), Decimal(0))
        rate = _DECIMAL_CONTEXT.divide(_DECIMAL_CONTEXT.multiply(lost, Decimal(100)), extent)
        _set_indicator(facts, country, key, (rate, last_year), str(path))
    return names


# --- tables ----------------------------------------------------------------------------------------


def _format(value: Decimal, decimals: int) -> str:
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN, context=_DECIMAL_CONTEXT)
    return str(abs(rounded) if rounded.is_zero() else rounded)


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _name_key(name: str) -> tuple[str, str]:
    return (normalise_name(name), name)


def _countries_table(
    countries: list[IsoCountry], facts: Mapping[str, _CountryFacts]
) -> tuple[list[str], list[list[str]]]:
    header = ["iso2", "iso3", "name", "region", "dol_covered", "dol_advancement", "ilo_member", "ratified"]
    for key in INDICATORS:
        header.extend((key, f"{key}_year"))
    header.append("working_children_ages")
    rows = []
    for country in countries:
        entry = facts[country.iso2]
        row = [
            country.iso2,
            country.iso3,
            country.name,
            entry.region,
            _flag(entry.dol_covered),
            entry.dol_advancement,
            _flag(entry.ilo_member),
            " ".join(sorted(entry.ratified)),
        ]
        for key in INDICATORS:
            if key in entry.indicators:
                value, year = entry.indicators[key]
                row.extend((_format(value, DECIMALS[key]), str(year)))
            else:
                row.extend(("", ""))
        row.append(entry.working_children_ages)
        rows.append(row)
    return header, rows


def _alias_rows(countries: list[IsoCountry], aliases: Iterable[tuple[str, str]]) -> list[list[str]]:
    """One alias per normalised spelling that the countries table itself does not already give.

    Fails when one spelling would name two countries, so that no look-up depends on which source came
    first.
    """
    own: dict[str, str] = {}
    for country in countries:
        for key in (country.iso2, country.iso3, country.name):
            own[normalise_name(key)] = country.iso2
    spellings: dict[str, dict[str, set[str]]] = {}
    for alias, iso2 in aliases:
        key = normalise_name(alias)
        if not key:
            continue
        if key in own:
            if own[key] != iso2:
                raise ReferenceBuildError(f"country name {alias!r} is given for {iso2} but names {own[key]}")
            continue
        spellings.setdefault(key, {}).setdefault(iso2, set()).add(alias)
    rows = []
    for key, by_code in spellings.items():
        if len(by_code) > 1:
            raise ReferenceBuildError(
                f"country name {key!r} is given for several countries: {sorted(by_code)}"
            )
        [(iso2, texts)] = by_code.items()
        rows.append([min(texts), iso2])
    return sorted(rows, key=lambda row: (*_name_key(row[0]), row[1]))


def _goods_table(dol_goods: Mapping[str, tuple[str, bool]], curated_path: Path) -> list[list[str]]:
    """DOL's goods with their sector and whether a listing names them, plus chainmap's curated goods.

    A DOL good whose every listing the 2024 edition removed stays in the vocabulary (chains may name it)
    with `dol_listed` 0.
    """
    rows = {
        normalise_name(name): [name, sector, _flag(listed)] for name, (sector, listed) in dol_goods.items()
    }
    for row in _read_csv(curated_path, ("name", "sector")):
        name, sector = row["name"], row["sector"]
        if sector not in SECTORS:
            raise ReferenceBuildError(f"{curated_path}: good {name!r} has unknown sector {sector!r}")
        if normalise_name(name) in rows:
            raise ReferenceBuildError(f"{curated_path}: good {name!r} is already in the vocabulary")
        rows[normalise_name(name)] = [name, sector, "0"]
    return sorted(rows.values(), key=lambda row: _name_key(row[0]))


def _goods_alias_rows(goods: list[list[str]], curated_path: Path) -> list[list[str]]:
    """The curated aliases, each checked to name a vocabulary good and to clash with no good's name."""
    names = {row[0] for row in goods}
    keys = {normalise_name(name) for name in names}
    seen: dict[str, str] = {}
    rows = []
    for row in _read_csv(curated_path, ("alias", "good")):
        alias, good = row["alias"], row["good"]
        key = normalise_name(alias)
        if good not in names:
            raise ReferenceBuildError(f"{curated_path}: alias {alias!r} names {good!r}, which is not a good")
        if key in keys:
            raise ReferenceBuildError(f"{curated_path}: alias {alias!r} is already the name of a good")
        if key in seen:
            raise ReferenceBuildError(f"{curated_path}: alias {alias!r} appears twice")
        seen[key] = good
        rows.append([alias, good])
    return sorted(rows, key=lambda row: _name_key(row[0]))


def _dutch_labels(goods: list[list[str]], path: Path) -> dict[str, str]:
    """The Dutch name of every vocabulary good from `curated/goods_nl.csv`.

    Fails naming the good when a good has no Dutch name, the file names a good that is not in the
    vocabulary, names one twice, or leaves its Dutch name empty.
    """
    names = {row[0] for row in goods}
    labels: dict[str, str] = {}
    for row in _read_csv(path, ("name", "label_nl")):
        name, label = row["name"], row["label_nl"]
        if name not in names:
            raise ReferenceBuildError(f"{path}: good {name!r} is not in the vocabulary")
        if name in labels:
            raise ReferenceBuildError(f"{path}: good {name!r} appears twice")
        if not label:
            raise ReferenceBuildError(f"{path}: good {name!r} has an empty Dutch name")
        labels[name] = label
    missing = sorted(names - set(labels), key=_name_key)
    if missing:
        raise ReferenceBuildError(f"{path}: no Dutch name for good(s) {', '.join(map(repr, missing))}")
    return labels


def _with_dutch_aliases(aliases: list[list[str]], goods: list[list[str]]) -> list[list[str]]:
    """The curated aliases plus every good's Dutch name as an alias of it, so a Dutch supplier can type it.

    A Dutch name is left out, deliberately, when it already finds its own good: it is spelt as the
    English name ("aluminium", "rubber") or a curated alias gives it already ("katoen", "kleding"). A
    Dutch name that would find a different good (another good's name or another good's alias) fails the
    build: the vocabulary must not be ambiguous.
    """
    finds = {normalise_name(row[0]): row[0] for row in goods}
    finds.update((normalise_name(alias), good) for alias, good in aliases)
    rows = list(aliases)
    for name, _sector, _listed, label in goods:
        key = normalise_name(label)
        found = finds.get(key)
        if found is None:
            finds[key] = name
            rows.append([label, name])
        elif found != name:
            raise ReferenceBuildError(f"the Dutch name {label!r} of good {name!r} already names {found!r}")
    return sorted(rows, key=lambda row: _name_key(row[0]))


def _listing_table(listings: list[_Listing]) -> tuple[list[str], list[list[str]]]:
    header = [
        "good",
        "iso2",
        "child_labour",
        "forced_labour",
        "forced_child_labour",
        "input_good",
        "input_country",
        "via_input",
        "edition",
    ]
    rows = [
        [
            listing.good,
            listing.iso2,
            _flag(listing.child),
            _flag(listing.forced),
            _flag(listing.forced_child),
            listing.input_good,
            listing.input_country,
            _flag(listing.via_input),
            str(listing.edition),
        ]
        for listing in listings
    ]
    return header, sorted(rows, key=lambda row: (*_name_key(row[0]), row[1]))


def _split_aliases(cell: str) -> list[str]:
    """Single names from a UFLPA alias cell: split on "; " and joined names, "formerly known as" dropped."""
    names = []
    for part in cell.split(";"):
        for name in _JOINED_NAMES.split(part):
            name = _ALIAS_PREFIX.sub("", name.strip()).strip()
            if name:
                names.append(name)
    return names


def _uflpa_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """One row per entity: rows of the same entity on several lists are merged.

    Rows are the same entity when their names are equal after normalisation and without the "(XPCC)"
    suffix. The name kept is the spelling most rows use (ties: the first in sort order); the other
    spellings and the suffix-free name become aliases. `date_added` is the earliest effective date.
    """
    entities: dict[str, list[dict[str, str]]] = {}
    for row in _read_csv(path, ("name", "aliases", "list", "date_added")):
        if not row["name"]:
            raise ReferenceBuildError(f"{path}: a row has no name")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", row["date_added"]):
            raise ReferenceBuildError(
                f"{path}: {row['name']!r} has date {row['date_added']!r}, not YYYY-MM-DD"
            )
        entities.setdefault(normalise_name(_XPCC_SUFFIX.sub("", row["name"])), []).append(row)
    table = []
    for rows in entities.values():
        spellings = sorted(
            {row["name"] for row in rows}, key=lambda s: (-sum(r["name"] == s for r in rows), s)
        )
        name = spellings[0]
        aliases = [*spellings[1:], _XPCC_SUFFIX.sub("", name)]
        for row in rows:
            aliases.extend(_split_aliases(row["aliases"]))
        kept: dict[str, str] = {normalise_name(name): name}
        for alias in aliases:
            kept.setdefault(normalise_name(alias), alias)
        del kept[normalise_name(name)]
        sections = set()
        for row in rows:
            match = _UFLPA_SECTION.match(row["list"])
            if match is None:
                raise ReferenceBuildError(f"{path}: {row['name']!r} is on unknown list {row['list'][:40]!r}")
            sections.add((_ROMAN[match.group(1)], match.group(0)))
        table.append(
            [
                name,
                "; ".join(sorted(kept.values(), key=_name_key)),
                "; ".join(section for _, section in sorted(sections)),
                min(row["date_added"] for row in rows),
            ]
        )
    return ["name", "aliases", "lists", "date_added"], sorted(table, key=lambda row: _name_key(row[0]))


def _cpv_table(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = []
    seen = set()
    for row in _read_csv(path, ("code", "label_en", "label_nl")):
        if not _CPV_CODE.fullmatch(row["code"]):
            raise ReferenceBuildError(f"{path}: {row['code']!r} is not a CPV code (NNNNNNNN-C)")
        if row["code"] in seen:
            raise ReferenceBuildError(f"{path}: CPV code {row['code']} appears twice")
        if not row["label_en"]:
            raise ReferenceBuildError(f"{path}: CPV code {row['code']} has no English label")
        seen.add(row["code"])
        rows.append([row["code"], row["label_en"], row["label_nl"]])
    return ["code", "label_en", "label_nl"], sorted(rows)


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path
