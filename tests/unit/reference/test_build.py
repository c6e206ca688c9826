"""The reference build on small synthetic sources: determinism, failures, and each table's content."""

import csv
from pathlib import Path

import pytest

from chainmap.reference.build import ReferenceBuildError, build_reference
from chainmap.reference.data import DEFAULT_DIRECTORY, INDICATORS, load_reference
from tests.unit.reference.sources import DOL_2024_HEADER, write_sources

TABLES = (
    "countries.csv",
    "country_aliases.csv",
    "goods.csv",
    "goods_aliases.csv",
    "dol_goods_countries.csv",
    "uflpa_entities.csv",
    "cpv.csv",
)
SHARED_REFERENCE = Path(__file__).resolve().parents[3].parent / "shared" / "reference"


def build(tmp_path: Path, **options: str) -> Path:
    source, curated = write_sources(tmp_path, **options)
    target = tmp_path / "tables"
    build_reference(source, target, curated=curated)
    return target


def rows(target: Path, name: str) -> list[dict[str, str]]:
    with (target / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def by_key(target: Path, name: str, key: str) -> dict[str, dict[str, str]]:
    return {row[key]: row for row in rows(target, name)}


def test_build_writes_every_table_and_returns_their_paths(tmp_path: Path) -> None:
    source, curated = write_sources(tmp_path)
    written = build_reference(source, tmp_path / "tables", curated=curated)
    assert [path.name for path in written] == list(TABLES)
    assert all(path.parent == tmp_path / "tables" for path in written)


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    source, curated = write_sources(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    build_reference(source, first, curated=curated)
    build_reference(source, second, curated=curated)
    build_reference(source, second, curated=curated)
    for name in TABLES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_tables_are_utf8_with_newline_line_endings(tmp_path: Path) -> None:
    target = build(tmp_path)
    for name in TABLES:
        data = (target / name).read_bytes()
        assert b"\r" not in data, name
        data.decode("utf-8")


def test_unknown_dol_country_name_fails_naming_it_and_writes_nothing(tmp_path: Path) -> None:
    source, curated = write_sources(tmp_path, extra_cotton_country="Republic of Atlantis")
    target = tmp_path / "tables"
    with pytest.raises(ReferenceBuildError, match="Republic of Atlantis"):
        build_reference(source, target, curated=curated)
    assert not target.exists()


def test_countries_has_one_row_per_iso_country_plus_kosovo(tmp_path: Path) -> None:
    countries = by_key(build(tmp_path), "countries.csv", "iso2")
    assert len(countries) == 250
    assert countries["XK"]["iso3"] == "XKX"
    assert countries["TW"]["name"] == "Taiwan"
    assert list(countries) == sorted(countries)


def test_countries_header_has_each_indicator_with_its_year(tmp_path: Path) -> None:
    header = (build(tmp_path) / "countries.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    fixed = ["iso2", "iso3", "name", "region", "dol_covered", "dol_advancement", "ilo_member", "ratified"]
    assert header[:8] == fixed
    assert header[8:-1] == [column for key in INDICATORS for column in (key, f"{key}_year")]
    assert header[-1] == "working_children_ages"


def test_dol_findings_and_working_children(tmp_path: Path) -> None:
    countries = by_key(build(tmp_path), "countries.csv", "iso2")
    burma = countries["MM"]
    assert (burma["region"], burma["dol_covered"]) == ("Indo-Pacific", "1")
    assert burma["dol_advancement"] == "No Advancement – Efforts Made but Complicit in Forced Child Labor"
    assert (burma["working_children"], burma["working_children_year"]) == ("0.4", "2022")
    assert (countries["BF"]["working_children"], countries["BF"]["working_children_ages"]) == (
        "35.7",
        "10-14",
    )
    assert burma["working_children_ages"] == "5-14"
    # Listed goods only, no country assessment: region known, not covered.
    assert (countries["CN"]["region"], countries["CN"]["dol_covered"]) == ("Indo-Pacific", "0")
    assert countries["CN"]["dol_advancement"] == ""
    # A share without an age range is not a working-children figure; "Unavailable" is no value.
    assert countries["MS"]["dol_covered"] == "1"
    assert countries["MS"]["working_children"] == ""
    assert countries["XK"]["working_children"] == ""
    assert (countries["NL"]["region"], countries["NL"]["dol_covered"]) == ("", "0")


def test_ilo_membership_and_ratifications(tmp_path: Path) -> None:
    countries = by_key(build(tmp_path), "countries.csv", "iso2")
    assert (countries["NL"]["ilo_member"], countries["NL"]["ratified"]) == ("1", "C029 C138")
    assert countries["MM"]["ratified"] == "C029 C087 C182"
    assert countries["MY"]["ratified"] == "C182"
    assert (countries["XK"]["ilo_member"], countries["XK"]["ratified"]) == ("0", "")


def test_indicators_are_rounded_and_dated(tmp_path: Path) -> None:
    countries = by_key(build(tmp_path), "countries.csv", "iso2")
    nl, mm, xk = countries["NL"], countries["MM"], countries["XK"]
    assert (nl["corruption_control"], nl["corruption_control_year"]) == ("1.8671", "2023")
    assert nl["government_effectiveness"] == "1.6255"
    assert nl["rule_of_law"] == "1.6425"
    assert nl["voice_accountability"] == "1.5563"
    assert (nl["union_density"], nl["union_density_year"]) == ("15.387", "2019")
    assert nl["bargaining_coverage"] == "75.600"
    assert (nl["fatal_injury_rate"], nl["fatal_injury_rate_year"]) == ("0.54", "2015")
    assert (mm["working_poverty"], mm["working_poverty_year"]) == ("1.881", "2023")
    assert (nl["wbl_index"], xk["wbl_index"]) == ("100.000", "91.875")
    assert (xk["voice_accountability"], xk["voice_accountability_year"]) == ("", "")
    assert nl["working_poverty"] == ""


def test_forest_loss_is_the_share_of_the_base_extent_lost(tmp_path: Path) -> None:
    countries = by_key(build(tmp_path), "countries.csv", "iso2")
    assert (countries["NL"]["tree_cover_loss"], countries["NL"]["tree_cover_loss_year"]) == ("3.0000", "2002")
    assert countries["TM"]["tree_cover_loss"] == "0.3333"
    assert countries["MC"]["tree_cover_loss"] == ""
    assert (countries["MM"]["primary_forest_loss"], countries["MM"]["primary_forest_loss_year"]) == (
        "3.0000",
        "2003",
    )


def test_country_aliases_hold_dol_and_source_names_not_the_table_names(tmp_path: Path) -> None:
    aliases = {row["alias"]: row["iso2"] for row in rows(build(tmp_path), "country_aliases.csv")}
    assert aliases["Burma"] == "MM"
    assert aliases["Netherlands (Kingdom of the)"] == "NL"
    assert aliases["Ivory Coast"] == "CI"
    assert aliases["Bolivarian Republic of Venezuela"] == "VE"
    assert "Netherlands" not in aliases
    assert "Myanmar" not in aliases


def test_goods_are_dol_goods_and_curated_goods(tmp_path: Path) -> None:
    goods = rows(build(tmp_path), "goods.csv")
    assert goods == [
        {"name": "Cotton", "sector": "Agriculture", "dol_listed": "1", "label_nl": "katoen"},
        {
            "name": "Cottonseed Oil",
            "sector": "Manufacturing",
            "dol_listed": "1",
            "label_nl": "katoenzaadolie",
        },
        {"name": "Fabric", "sector": "Manufacturing", "dol_listed": "0", "label_nl": "weefsel"},
        {"name": "Garments", "sector": "Manufacturing", "dol_listed": "1", "label_nl": "kleding"},
        {"name": "Polysilicon", "sector": "Manufacturing", "dol_listed": "1", "label_nl": "polysilicium"},
        {"name": "Solar Modules", "sector": "Manufacturing", "dol_listed": "1", "label_nl": "zonnepanelen"},
    ]


def test_goods_aliases_are_the_curated_aliases_and_the_dutch_names_sorted(tmp_path: Path) -> None:
    # "katoen" is already a curated alias of Cotton: the Dutch name is not written twice.
    assert rows(build(tmp_path), "goods_aliases.csv") == [
        {"alias": "katoen", "good": "Cotton"},
        {"alias": "katoenzaadolie", "good": "Cottonseed Oil"},
        {"alias": "kleding", "good": "Garments"},
        {"alias": "polysilicium", "good": "Polysilicon"},
        {"alias": "stof", "good": "Fabric"},
        {"alias": "weefsel", "good": "Fabric"},
        {"alias": "zonnepanelen", "good": "Solar Modules"},
    ]


def test_a_dutch_name_spelt_as_the_english_name_is_no_alias(tmp_path: Path) -> None:
    write_sources(tmp_path)
    path = tmp_path / "curated" / "goods_nl.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("polysilicium", "Polysilicon"), encoding="utf-8")
    build_reference(tmp_path / "source", tmp_path / "tables", curated=tmp_path / "curated")
    aliases = rows(tmp_path / "tables", "goods_aliases.csv")
    assert {"alias": "Polysilicon", "good": "Polysilicon"} not in aliases
    assert by_key(tmp_path / "tables", "goods.csv", "name")["Polysilicon"]["label_nl"] == "Polysilicon"


def test_dol_listings_carry_the_flags_and_derived_inputs(tmp_path: Path) -> None:
    listings = {(row["good"], row["iso2"]): row for row in rows(build(tmp_path), "dol_goods_countries.csv")}
    assert list(listings) == [
        ("Cotton", "BF"),
        ("Cotton", "TM"),
        ("Cottonseed Oil", "BF"),
        ("Garments", "MM"),
        ("Polysilicon", "CN"),
        ("Solar Modules", "CN"),
    ]
    flags = ("child_labour", "forced_labour", "forced_child_labour")
    assert [listings["Cotton", "TM"][flag] for flag in flags] == ["1", "1", "0"]
    assert listings["Cotton", "TM"]["input_good"] == ""
    solar = listings["Solar Modules", "CN"]
    assert [solar[flag] for flag in flags] == ["0", "1", "0"]
    assert (solar["input_good"], solar["input_country"], solar["via_input"]) == ("Polysilicon", "CN", "1")


def test_the_2024_edition_replaces_the_rows_of_the_countries_it_covers(tmp_path: Path) -> None:
    listings = {(row["good"], row["iso2"]): row for row in rows(build(tmp_path), "dol_goods_countries.csv")}
    flags = ("child_labour", "forced_labour", "forced_child_labour")
    # Burkina Faso's cotton: 2022 had all three flags, 2024 child labour only.
    assert [listings["Cotton", "BF"][flag] for flag in flags] == ["1", "0", "0"]
    assert listings["Cotton", "BF"]["edition"] == "2024"
    # Burma is covered and lists no cotton in 2024: the 2022 row is removed, its garments are new.
    assert ("Cotton", "MM") not in listings
    assert listings["Garments", "MM"]["edition"] == "2024"
    # Turkmenistan and China are not covered: their 2022 rows stay, with their edition.
    assert {listings[key]["edition"] for key in (("Cotton", "TM"), ("Solar Modules", "CN"))} == {"2022"}
    # A downstream good carries the kind its icon names and its input, matched ignoring case.
    oil = listings["Cottonseed Oil", "BF"]
    assert [oil[flag] for flag in flags] == ["1", "0", "0"]
    assert (oil["input_good"], oil["input_country"], oil["via_input"]) == ("Cotton", "BF", "1")


def test_a_correction_of_the_2022_flags_is_applied_before_the_overlay(tmp_path: Path) -> None:
    write_sources(tmp_path)
    corrections = tmp_path / "curated" / "dol_corrections.csv"
    corrections.write_text(
        corrections.read_text(encoding="utf-8") + "Cotton,Turkmenistan,1,1,1,https://www.dol.gov/x,page\n",
        encoding="utf-8",
    )
    build_reference(tmp_path / "source", tmp_path / "tables", curated=tmp_path / "curated")
    listings = {
        (row["good"], row["iso2"]): row for row in rows(tmp_path / "tables", "dol_goods_countries.csv")
    }
    cotton = listings["Cotton", "TM"]
    assert (cotton["forced_child_labour"], cotton["edition"]) == ("1", "2022")


def test_a_good_no_edition_lists_any_more_stays_in_the_vocabulary_unlisted(tmp_path: Path) -> None:
    write_sources(tmp_path)
    # Every country with cotton in 2022 is covered in 2024, none with cotton: Cotton stays a good, unlisted.
    # Cottonseed oil is listed for an input that DOL does not name.
    rows_2024 = [
        f"Garments,{country},1,0,0,Manufacturing,,,https://www.dol.gov/x,,0,0,p,\n"
        for country in ("Burkina Faso", "Burma", "Turkmenistan")
    ]
    rows_2024.append("Cottonseed Oil,Burkina Faso,0,0,0,,,,https://www.dol.gov/x,,0,1,p,\n")
    (tmp_path / "source" / "dol-ilab-2024" / "dol_goods_2024.csv").write_text(
        DOL_2024_HEADER + "".join(rows_2024), "utf-8"
    )
    build_reference(tmp_path / "source", tmp_path / "tables", curated=tmp_path / "curated")
    goods = by_key(tmp_path / "tables", "goods.csv", "name")
    assert (goods["Cotton"]["dol_listed"], goods["Garments"]["dol_listed"]) == ("0", "1")
    oil = by_key(tmp_path / "tables", "dol_goods_countries.csv", "good")["Cottonseed Oil"]
    assert (oil["forced_labour"], oil["input_good"], oil["via_input"]) == ("1", "", "1")


def test_uflpa_entities_are_merged_across_lists(tmp_path: Path) -> None:
    entities = by_key(build(tmp_path), "uflpa_entities.csv", "name")
    xpcc = entities["Xinjiang Production and Construction Corps (XPCC)"]
    assert xpcc == {
        "name": "Xinjiang Production and Construction Corps (XPCC)",
        "aliases": "Bingtuan; Xinjiang Production and Construction Corps; XPCC",
        "lists": "2(d)(2)(B)(i); 2(d)(2)(B)(ii); 2(d)(2)(B)(v)",
        "date_added": "2022-06-21",
    }
    hongyuan = entities["Hongyuan Green Energy Co., Ltd."]
    assert hongyuan["aliases"] == "Hoyuan Green Energy Co. Ltd.; HY Solar; Wuxi Shangji CNC Co., Ltd."
    assert len(entities) == 2


def test_cpv_codes_are_sorted_with_both_labels(tmp_path: Path) -> None:
    assert rows(build(tmp_path), "cpv.csv") == [
        {
            "code": "03000000-1",
            "label_en": "Agricultural, farming, fishing, forestry and related products",
            "label_nl": "",
        },
        {
            "code": "18000000-9",
            "label_en": "Clothing, footwear, luggage articles and accessories",
            "label_nl": "Kleding, schoeisel, bagageartikelen en accessoires",
        },
    ]


def test_the_loader_reads_a_built_directory(tmp_path: Path) -> None:
    reference = load_reference(build(tmp_path))
    assert reference.resolve_country("burma") == "MM"
    assert reference.resolve_good("KATOEN") == reference.goods["Cotton"]
    assert reference.resolve_good("weefsel") == reference.goods["Fabric"]
    assert reference.goods["Fabric"].label("nl") == "weefsel"
    listing = reference.listing("Solar Modules", "CN")
    assert listing is not None
    assert (listing.forced_labour, listing.input_good, listing.input_country) == (True, "Polysilicon", "CN")
    assert reference.sanctioned_entity("xinjiang production and construction corps") is not None


@pytest.mark.parametrize(
    ("relative", "old", "new", "message"),
    [
        ("source/wgi/wgi.csv", "NLD,Netherlands", "NLX,Netherlands", "'NLX' is not an ISO 3166-1 alpha-3"),
        ("source/wbl/wbl.csv", "100,100", "n/a,100", "'n/a' is not a number"),
        ("source/ilostat/trade_union_density.csv", "year,value", "year,amount", "missing column"),
        ("source/ilo-ratifications/ratifications.csv", "denounced", "withdrawn", "unknown status"),
        ("source/uflpa/entities.csv", "2(d)(2)(B)(i)", "2(d)(2)(B)(x)", "unknown list"),
        ("source/cpv/cpv2008.csv", "18000000-9", "1800000-9", "is not a CPV code"),
        ("source/dol-ilab/goods.xml", "<Good_Sector>Agriculture", "<Good_Sector>Farming", "unknown sector"),
        ("source/dol-ilab/goods.xml", "<Good_Name>Polysilicon", "<Good_Name>Silicon", "DERIVED_INPUTS"),
        ("source/dol-ilab/countries.xml", "<Name>Kosovo</Name>", "<Name>Burma</Name>", "second profile"),
        (
            "source/dol-ilab-2024/dol_goods_2024.csv",
            "Garments,Burma",
            "Garments,Burmah",
            "DOL country name 'Burmah' maps to no ISO",
        ),
        ("curated/goods_dol_2024.csv", "Cottonseed Oil,Manufacturing", "Cottonseed Oil,", "no known sector"),
        (
            "source/dol-ilab-2024/dol_goods_2024.csv",
            "cotton,Burkina Faso",
            "cotton,Turkmenistan",
            "not listed there for the same kind",
        ),
        ("source/dol-ilab-2024/dol_goods_2024.csv", "Burma,0,1,0", "Burma,0,0,0", "has no flag"),
        ("curated/goods_aliases.csv", "katoen,Cotton", "katoen,Katoen", "not a good"),
        ("curated/goods_aliases.csv", "stof,Fabric", "cotton,Fabric", "already the name of a good"),
        ("curated/goods.csv", "Fabric,Manufacturing", "Cotton,Agriculture", "already in the vocabulary"),
        ("curated/goods_nl.csv", "Fabric,weefsel\n", "", "no Dutch name for good.*'Fabric'"),
        (
            "curated/goods_nl.csv",
            "Fabric,weefsel",
            "Fabrik,weefsel",
            "good 'Fabrik' is not in the vocabulary",
        ),
        ("curated/goods_nl.csv", "Fabric,weefsel", "Fabric,", "good 'Fabric' has an empty Dutch name"),
        (
            "curated/goods_nl.csv",
            "Fabric,weefsel",
            "Fabric,katoen",
            "'katoen' of good 'Fabric' already names",
        ),
        (
            "curated/goods_nl.csv",
            "Fabric,weefsel",
            "Fabric,cotton",
            "'cotton' of good 'Fabric' already names",
        ),
    ],
)
def test_malformed_sources_fail_naming_the_problem(
    tmp_path: Path, relative: str, old: str, new: str, message: str
) -> None:
    write_sources(tmp_path)
    path = tmp_path / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReferenceBuildError, match=message):
        build_reference(tmp_path / "source", tmp_path / "tables", curated=tmp_path / "curated")


def test_a_missing_source_file_fails_naming_it(tmp_path: Path) -> None:
    source, curated = write_sources(tmp_path)
    (source / "gfw" / "primary_forest_loss.csv").unlink()
    with pytest.raises(ReferenceBuildError, match=r"primary_forest_loss\.csv"):
        build_reference(source, tmp_path / "tables", curated=curated)


def test_a_country_name_given_for_two_countries_fails(tmp_path: Path) -> None:
    source, curated = write_sources(tmp_path)
    wbl = source / "wbl" / "wbl.csv"
    wbl.write_text(wbl.read_text(encoding="utf-8").replace("XKX,Kosovo", "XKX,Holland"), encoding="utf-8")
    with pytest.raises(ReferenceBuildError, match="holland"):
        build_reference(source, tmp_path / "tables", curated=curated)


@pytest.mark.skipif(
    not SHARED_REFERENCE.is_dir(), reason="the public sources in ../shared/reference are absent"
)
def test_a_fresh_build_from_the_real_sources_equals_the_committed_tables(tmp_path: Path) -> None:
    written = build_reference(SHARED_REFERENCE, tmp_path / "tables")
    for path in written:
        assert path.read_bytes() == (DEFAULT_DIRECTORY / path.name).read_bytes(), path.name
