"""The loader on the committed reference tables: look-ups by code, name, DOL name, alias and entity."""

import csv

import pytest

from chainmap.reference import ReferenceData, load_reference
from chainmap.reference.data import DEFAULT_DIRECTORY, INDICATORS
from tests.factories.reference import make_reference


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return load_reference()


@pytest.mark.parametrize(
    ("text", "iso2"),
    [
        ("MM", "MM"),
        ("mm", "MM"),
        ("MMR", "MM"),
        ("mmr", "MM"),
        ("Myanmar", "MM"),
        ("MYANMAR", "MM"),
        ("Burma", "MM"),
        ("Congo, Democratic Republic of the", "CD"),
        ("Congo, Republic of the", "CG"),
        ("Turkey (Türkiye)", "TR"),
        ("türkiye", "TR"),
        ("Turkey", "TR"),
        ("Kyrgyz Republic", "KG"),
        ("Côte d'Ivoire", "CI"),
        ("cote d ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("The Gambia", "GM"),
        ("West Bank and the Gaza Strip", "PS"),
        ("Falkland Islands (Islas Malvinas)", "FK"),
        ("Saint Helena, Ascension, and Tristan da Cunha", "SH"),
        ("Kosovo", "XK"),
        ("XKX", "XK"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("South Korea", "KR"),
        ("Korea, Rep.", "KR"),
        ("Laos", "LA"),
        ("Bolivia", "BO"),
        ("Iran", "IR"),
        ("Tanzania", "TZ"),
        ("Czech Republic", "CZ"),
        ("Russia", "RU"),
        ("UK", "GB"),
        ("USA", "US"),
        ("Netherlands (Kingdom of the)", "NL"),
        ("Congo, Dem. Rep.", "CD"),
        ("Swaziland", "SZ"),
    ],
)
def test_resolve_country(reference: ReferenceData, text: str, iso2: str) -> None:
    assert reference.resolve_country(text) == iso2


@pytest.mark.parametrize("text", ["unknown", "", "Atlantis", "Korea"])
def test_resolve_country_returns_none_for_no_or_ambiguous_country(
    reference: ReferenceData, text: str
) -> None:
    assert reference.resolve_country(text) is None


def test_every_alias_and_listing_names_a_country_of_the_table(reference: ReferenceData) -> None:
    with (DEFAULT_DIRECTORY / "country_aliases.csv").open(encoding="utf-8", newline="") as f:
        aliases = list(csv.DictReader(f))
    assert aliases
    for row in aliases:
        assert reference.resolve_country(row["alias"]) == row["iso2"], row
    for country in reference.countries.values():
        for listing in reference.listings_in(country.iso2):
            assert listing.good in reference.goods
            assert listing.input_country is None or listing.input_country in reference.countries


def test_countries_table_covers_iso_3166_and_kosovo(reference: ReferenceData) -> None:
    assert len(reference.countries) == 250
    assert {"NL", "MM", "XK", "TW", "PS"} <= set(reference.countries)


def test_netherlands_has_governance_values_and_no_dol_coverage(reference: ReferenceData) -> None:
    netherlands = reference.countries["NL"]
    assert not netherlands.dol_covered
    assert netherlands.dol_advancement is None
    assert netherlands.ilo_member
    assert {"C029", "C087", "C098", "C138", "C182"} <= netherlands.ratified
    for key in ("corruption_control", "government_effectiveness", "rule_of_law", "voice_accountability"):
        indicator = netherlands.indicator(key)
        assert indicator is not None
        assert indicator.year == 2023
        assert indicator.value > 1
    assert netherlands.indicator("working_children") is None


def test_dol_country_findings(reference: ReferenceData) -> None:
    burma = reference.countries["MM"]
    assert burma.dol_covered
    assert burma.region == "Indo-Pacific"
    assert burma.dol_advancement is not None
    assert burma.dol_advancement.startswith("No Advancement")
    assert reference.countries["CN"].dol_covered is False
    working = reference.countries["BF"].indicator("working_children")
    assert working is not None
    assert (working.value, working.year) == (35.7, 2022)


def test_indicator_rejects_an_unknown_key(reference: ReferenceData) -> None:
    with pytest.raises(KeyError):
        reference.countries["NL"].indicator("happiness")
    assert len(INDICATORS) == 12


def test_cotton_from_turkmenistan_is_listed_for_forced_and_child_labour(reference: ReferenceData) -> None:
    listing = reference.listing("Cotton", "TM")
    assert listing is not None
    assert listing.child_labour
    assert listing.forced_labour
    assert reference.listing("Cotton", "NL") is None


def test_dol_list_has_all_goods_and_rows(reference: ReferenceData) -> None:
    # 169 goods of 2022, 23 new in 2024 (Lithium was a curated good), Blueberries and Fluorspar no longer
    # listed anywhere; 96 rows of the 21 countries 2024 does not cover, 406 of the 61 it does.
    listed = [good for good in reference.goods.values() if good.dol_listed]
    assert len(listed) == 169 + 23 - 2
    rows = [listing for iso2 in reference.countries for listing in reference.listings_in(iso2)]
    assert len(rows) == 96 + 406
    assert sum(listing.edition == 2024 for listing in rows) == 406
    assert len({listing.country for listing in rows if listing.edition == 2024}) == 61
    derived = [listing for listing in rows if listing.input_good is not None]
    assert len(derived) == 10 + 14
    assert sum(listing.via_input for listing in rows) == 10 + 23


def test_derived_listing_names_its_input(reference: ReferenceData) -> None:
    batteries = reference.listing("Lithium-Ion Batteries", "CN")
    assert batteries is not None
    assert (batteries.input_good, batteries.input_country) == ("Cobalt ore (heterogenite)", "CD")
    assert batteries.child_labour


@pytest.mark.parametrize(
    ("text", "good"),
    [
        ("Cotton", "Cotton"),
        ("COTTON", "Cotton"),
        ("katoen", "Cotton"),
        ("Kleding", "Garments"),
        ("cobalt", "Cobalt ore (heterogenite)"),
        ("yarn", "Thread/Yarn"),
        ("natuursteen", "Stones"),
        ("Laptops", "Electronics"),
        ("Polyester", "Polyester"),
        ("kobalterts (heterogeniet)", "Cobalt ore (heterogenite)"),
        ("Bidi's (handgerolde sigaretten)", "Bidis (hand-rolled cigarettes)"),
        ("zonnecellen", "Solar Cells"),
        # What users type for the listed goods (issue 11), English and Dutch.
        ("palm oil", "Palm Fruit"),
        ("Palmolie", "Palm Fruit"),
        ("gloves", "Gloves"),
        ("handschoenen", "Gloves"),
        ("latex gloves", "Rubber Gloves"),
        ("nitrile gloves", "Rubber Gloves"),
        ("rubberhandschoenen", "Rubber Gloves"),
        ("tomatoes", "Tomatoes"),
        ("tomato paste", "Tomato Products"),
        ("tomatenpuree", "Tomato Products"),
        ("granite", "Granite"),
        ("graniet", "Granite"),
        ("kalksteen", "Stones (limestone)"),
        ("hardsteen", "Stones (limestone)"),
        ("natural stone", "Stones"),
        ("stone", "Stones"),
        ("cacao", "Cocoa"),
        ("cacaobonen", "Cocoa"),
        ("suiker", "Sugarcane"),
        ("sugar", "Sugarcane"),
        ("koffie", "Coffee"),
        ("koffiebonen", "Coffee"),
        ("thee", "Tea"),
        ("goud", "Gold"),
        ("kobalt", "Cobalt ore (heterogenite)"),
        ("kobalterts", "Cobalt ore (heterogenite)"),
        ("steenkool", "Coal"),
        ("baksteen", "Bricks"),
        ("bakstenen", "Bricks"),
        ("garnalen", "Shrimp"),
        ("garnaal", "Shrimp"),
        ("vis", "Fish"),
        ("tabak", "Tobacco"),
        ("rijst", "Rice"),
        ("chocolade", "Chocolate"),
        ("cacaoboter", "Cocoa Butter"),
        ("geraffineerde suiker", "Refined Sugar"),
        # Singular and plural, any case.
        ("Brick", "Bricks"),
        ("TOMATO", "Tomatoes"),
        ("Cottons", "Cotton"),
        ("rubber glove", "Rubber Gloves"),
        ("Carpet", "Carpets"),
    ],
)
def test_resolve_good(reference: ReferenceData, text: str, good: str) -> None:
    resolved = reference.resolve_good(text)
    assert resolved is not None
    assert resolved.name == good


@pytest.mark.parametrize("text", ["Machinery", "machines", "software", "services", "tea", "ice"])
def test_resolve_good_finds_nothing_outside_the_vocabulary(reference: ReferenceData, text: str) -> None:
    # "tea" is Tea by its name; "ice" is too short to be read as a plural of anything.
    found = reference.resolve_good(text)
    assert found is None or (text, found.name) == ("tea", "Tea")


def test_a_plural_that_would_name_two_goods_names_none(reference: ReferenceData) -> None:
    # "Lenses" is the plural of both "Lens" (+es) and "Lense" (+s): it names neither.
    both = make_reference(goods=[("Lens", "Manufacturing"), ("Lense", "Manufacturing")])
    assert both.resolve_good("Lenses") is None
    lens = both.resolve_good("LENS")
    assert lens is not None and lens.name == "Lens"


def test_every_good_has_a_dutch_name_that_finds_it(reference: ReferenceData) -> None:
    with (DEFAULT_DIRECTORY / "goods.csv").open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert len(table) == len(reference.goods) == 186 + 22
    assert all(row["label_nl"].strip() for row in table)
    for good in reference.goods.values():
        assert good.label("en") == good.name
        assert good.label("nl") == good.label_nl
        assert reference.resolve_good(good.label_nl) == good, good.name
    labels = {good.name: good.label("nl") for good in reference.goods.values()}
    assert labels["Cotton"] == "katoen"
    assert labels["Thread/Yarn"] == "garen"
    assert labels["Garments"] == "kleding"
    assert labels["Stones"] == "natuursteen"
    assert labels["Cobalt ore (heterogenite)"] == "kobalterts (heterogeniet)"
    assert len(set(labels.values())) == len(labels)


def test_curated_goods_are_not_dol_listed(reference: ReferenceData) -> None:
    polyester = reference.goods["Polyester"]
    assert (polyester.sector, polyester.dol_listed) == ("Manufacturing", False)
    assert reference.resolve_good("moon rock") is None


@pytest.mark.parametrize(
    "company",
    [
        "XINJIANG PRODUCTION AND CONSTRUCTION CORPS",
        "Xinjiang Production and Construction Corps (XPCC)",
        "bingtuan",
        "hy solar",
        "Hoshine Silicon Industry (Shanshan) Co Ltd",
        "Xinjiang Daqo New Energy, Co. Ltd",
    ],
)
def test_sanctioned_entity_by_name_or_alias(reference: ReferenceData, company: str) -> None:
    assert reference.sanctioned_entity(company) is not None


def test_sanctioned_entity_is_merged_across_lists(reference: ReferenceData) -> None:
    entity = reference.sanctioned_entity("xpcc")
    assert entity is not None
    assert entity.lists == ("2(d)(2)(B)(i)", "2(d)(2)(B)(ii)", "2(d)(2)(B)(v)")
    assert entity.date_added == "2022-06-21"
    assert len(reference.entities) == 187
    assert reference.sanctioned_entity("Acme Textiles B.V.") is None


def test_cpv_codes_have_english_and_dutch_labels(reference: ReferenceData) -> None:
    assert len(reference.cpv) == 9454
    clothing = reference.cpv["18000000-9"]
    assert clothing.label_en.startswith("Clothing")
    assert clothing.label_nl.startswith("Kleding")
