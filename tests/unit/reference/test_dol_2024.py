"""The 2024 DOL List of Goods laid over the 2022 edition, as the committed tables and the risk model read it.

The 2024 transcription covers 61 countries: there its rows replace 2022 (additions, flag changes,
removals); the other countries keep their 2022 rows, and every reason citing a listing names its edition.
"""

import pytest

from chainmap.analysis.risk import Risk, assess_site
from chainmap.reference import ReferenceData, load_reference
from chainmap.themes import Level


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return load_reference()


def kinds(reference: ReferenceData, good: str, country: str) -> tuple[bool, bool, bool, int]:
    listing = reference.listing(good, country)
    assert listing is not None, (good, country)
    return (listing.child_labour, listing.forced_labour, listing.forced_child_labour, listing.edition)


def risks(reference: ReferenceData, country: str | None, activity: str, good: str) -> dict[str, Risk]:
    return assess_site(country=country, activity=activity, goods=[good], name="Site", reference=reference)


def test_thai_shrimp_keeps_forced_labour_only(reference: ReferenceData) -> None:
    assert kinds(reference, "Shrimp", "TH") == (False, True, False, 2024)
    found = risks(reference, "TH", "farming", "Shrimp")
    assert found["forced_labour"].level == Level.VERY_HIGH
    assert not any(reason.code == "reason.dol_good" for reason in found["child_labour"].reasons)


def test_drc_cobalt_ore_gains_forced_labour_cited_as_2024(reference: ReferenceData) -> None:
    assert kinds(reference, "Cobalt ore (heterogenite)", "CD") == (True, True, False, 2024)
    forced = risks(reference, "CD", "mining", "Cobalt ore (heterogenite)")["forced_labour"]
    assert forced.level == Level.VERY_HIGH
    [reason] = [reason for reason in forced.reasons if reason.code == "reason.dol_good"]
    assert reason.source == "dol_goods_2024"
    assert reason.text("en").endswith("(2024).")
    assert reason.text("nl").endswith("(2024).")
    assert "2024" in reason.citation


def test_india_sugarcane_gains_forced_labour(reference: ReferenceData) -> None:
    assert kinds(reference, "Sugarcane", "IN") == (True, True, False, 2024)


def test_indonesian_palm_fruit_is_listed_for_forced_labour_too_as_2022(reference: ReferenceData) -> None:
    # Indonesia is not covered in 2024: its corrected 2022 row (DOL's own 2022 page) stands, and the palm
    # oils listed for palm fruit carry the same flags.
    assert kinds(reference, "Palm Fruit", "ID") == (True, True, False, 2022)
    assert kinds(reference, "Crude Palm Oil", "ID") == (True, True, False, 2022)
    forced = risks(reference, "ID", "farming", "Palm Fruit")["forced_labour"]
    assert forced.level == Level.VERY_HIGH
    assert any(reason.text("en").endswith("(2022).") for reason in forced.reasons)


def test_a_country_2024_does_not_cover_keeps_its_2022_listings(reference: ReferenceData) -> None:
    assert kinds(reference, "Cotton", "CN") == (True, True, True, 2022)
    child = risks(reference, "CN", "farming", "Cotton")["child_labour"]
    [reason] = [reason for reason in child.reasons if reason.code == "reason.dol_good"]
    assert reason.source == "dol_goods"
    assert reason.text("en") == (
        "Cotton from China is on the US DOL list for forced labour, child labour and forced child labour "
        "(2022)."
    )
    assert {listing.edition for listing in reference.listings_in("CN")} == {2022}


@pytest.mark.parametrize(
    ("good", "country"), [("Blueberries", "AR"), ("Salt", "KH"), ("Fluorspar (mineral)", "MN")]
)
def test_removals_dol_announced_are_gone(reference: ReferenceData, good: str, country: str) -> None:
    assert reference.listing(good, country) is None
    assert reference.goods[good] is not None


def test_argentina_blueberries_carry_no_dol_listing_reason(reference: ReferenceData) -> None:
    child = risks(reference, "AR", "farming", "Blueberries")["child_labour"]
    assert not any(reason.code == "reason.dol_good" for reason in child.reasons)
    assert not reference.goods["Blueberries"].dol_listed


@pytest.mark.parametrize("country", ["GH", "CI"])
def test_cocoa_products_are_listed_for_cocoa_from_the_same_country(
    reference: ReferenceData, country: str
) -> None:
    for good in ("Chocolate", "Cocoa Butter", "Cocoa Paste", "Cocoa Powder"):
        listing = reference.listing(good, country)
        assert listing is not None
        assert (listing.input_good, listing.input_country, listing.via_input) == ("Cocoa", country, True)
        assert (listing.child_labour, listing.forced_labour) == (True, False)
        assert reference.goods[good].sector == "Manufacturing"
    child = risks(reference, country, "processing", "Chocolate")["child_labour"]
    assert child.level == Level.HIGH
    [reason] = [reason for reason in child.reasons if reason.code == "reason.dol_good_input"]
    assert "(2024)" in reason.text("en")
    assert "cacao" in reason.text("nl")


def test_dominican_sugar_products_are_listed_for_forced_labour_in_sugarcane(reference: ReferenceData) -> None:
    for good in ("Bagasse", "Furfural", "Molasses", "Raw Sugar", "Refined Sugar", "Rum"):
        listing = reference.listing(good, "DO")
        assert listing is not None
        assert (listing.input_good, listing.input_country, listing.forced_labour) == ("Sugarcane", "DO", True)


def test_a_good_listed_for_an_unnamed_input_says_so(reference: ReferenceData) -> None:
    forced = risks(reference, "TH", "processing", "Fishmeal")["forced_labour"]
    assert forced.level == Level.VERY_HIGH
    [reason] = [reason for reason in forced.reasons if reason.code == "reason.dol_good_unnamed_input"]
    assert reason.text("en") == (
        "Fishmeal from Thailand is on the US DOL list for forced labour in its inputs, which DOL does not "
        "name (2024). Map where this site's inputs come from."
    )


def test_other_goods_reason_names_the_country_edition(reference: ReferenceData) -> None:
    covered = risks(reference, "TH", "farming", "Rice")["forced_labour"]
    [reason] = [reason for reason in covered.reasons if reason.code == "reason.dol_other_goods"]
    assert reason.text("en").endswith(", 2024).")
    not_covered = risks(reference, "VN", "farming", "Rice")["forced_labour"]
    [reason] = [reason for reason in not_covered.reasons if reason.code == "reason.dol_other_goods"]
    assert reason.text("en").endswith(", 2022).")


def test_unknown_country_names_every_edition_of_the_goods_listings(reference: ReferenceData) -> None:
    child = risks(reference, None, "farming", "Cotton")["child_labour"]
    [reason] = [reason for reason in child.reasons if reason.code == "reason.dol_good_unknown_country"]
    assert "2022/2024)" in reason.text("en")


def test_every_new_good_has_a_sector_and_a_dutch_name(reference: ReferenceData) -> None:
    new = [listing.good for iso2 in reference.countries for listing in reference.listings_in(iso2)]
    for name in new:
        good = reference.goods[name]
        assert good.sector in {"Agriculture", "Manufacturing", "Mining", "Other"}
        assert good.label_nl
