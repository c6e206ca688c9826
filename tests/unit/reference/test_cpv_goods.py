"""The CPV → goods table: every good is in the vocabulary, every prefix is a CPV code's, and a code takes
the goods of the longest prefix it starts with."""

import csv
from pathlib import Path

import pytest

from chainmap.reference import CpvGood, CpvGoods, cpv_digits, load_cpv_goods, load_reference
from chainmap.reference.cpv_goods import read_cpv_goods
from chainmap.reference.data import DEFAULT_DIRECTORY

TABLE = DEFAULT_DIRECTORY / "cpv_goods.csv"


def goods(code: str) -> list[str]:
    return [row.good for row in load_cpv_goods().goods_for(code)]


def test_every_good_named_is_in_the_goods_vocabulary() -> None:
    vocabulary = load_reference().goods
    missing = [row for row in load_cpv_goods().rows if row.good not in vocabulary]
    assert missing == []


def test_every_prefix_is_the_start_of_a_cpv_code_and_every_row_has_a_reason_in_both_languages() -> None:
    codes = list(load_reference().cpv)
    for row in load_cpv_goods().rows:
        assert row.prefix.isdigit() and 2 <= len(row.prefix) <= 8, row
        assert any(code.startswith(row.prefix) for code in codes), row
        assert row.reason.strip() and row.reason_nl.strip(), row


def test_the_table_is_sorted_by_prefix_without_repeated_rows() -> None:
    with TABLE.open(encoding="utf-8", newline="") as f:
        rows = [(r["cpv_prefix"], r["good"]) for r in csv.DictReader(f)]
    assert [prefix for prefix, _ in rows] == sorted(prefix for prefix, _ in rows)
    assert len(set(rows)) == len(rows)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("18000000-9", ["Garments", "Textiles", "Cotton", "Thread/Yarn"]),
        ("18330000-1", ["Garments", "Textiles", "Cotton", "Thread/Yarn"]),
        ("18100000-0", ["Garments", "Textiles", "Cotton", "Thread/Yarn"]),
        ("18110000-3", ["Garments", "Textiles", "Cotton", "Polyester", "Thread/Yarn"]),
        ("18130000-9", ["Garments", "Textiles", "Cotton", "Polyester", "Thread/Yarn"]),
        ("18810000-0", ["Footwear", "Leather", "Rubber"]),
        ("18830000-6", ["Footwear", "Leather", "Rubber"]),
        ("44912100-7", ["Granite", "Stones"]),
        ("44912200-8", ["Sandstone", "Stones"]),
        ("44910000-2", ["Stones", "Granite", "Sandstone", "Stones (limestone)", "Marble"]),
        ("15861000-1", ["Coffee"]),
        ("15860000-4", ["Coffee", "Tea"]),
        ("33141420-0", ["Rubber Gloves", "Gloves"]),
        ("39130000-2", ["Furniture", "Timber", "Furniture (steel)"]),
    ],
)
def test_a_code_takes_the_goods_of_its_longest_prefix(code: str, expected: list[str]) -> None:
    assert goods(code) == expected


@pytest.mark.parametrize("code", ["30213000-5", "30200000-1", "32250000-0", "32252000-4"])
def test_computers_and_mobile_phones_involve_electronics_and_their_minerals(code: str) -> None:
    assert {
        "Electronics",
        "Cobalt ore (heterogenite)",
        "Tin",
        "Tantalum ore (coltan)",
        "Gold",
    } <= set(goods(code))


def test_codes_are_read_with_or_without_check_digit_and_in_part() -> None:
    assert goods("18100000") == goods("18100000-0") == goods(" 181 ") == goods("18")
    assert cpv_digits("18100000-0") == "18100000"
    assert cpv_digits("1") is None and cpv_digits("cotton") is None and cpv_digits("18-1-1") is None


def test_a_code_no_prefix_matches_involves_no_goods() -> None:
    assert goods("45000000-7") == [] and goods("not a code") == [] and goods("") == []


def test_a_longer_prefix_replaces_a_shorter_one_without_merging(tmp_path: Path) -> None:
    table = CpvGoods(
        [CpvGood("18", "Garments", "clothing"), CpvGood("188", "Footwear", "shoes"), CpvGood("1", "X", "y")]
    )
    assert [row.good for row in table.goods_for("18800000")] == ["Footwear"]
    assert [row.good for row in table.goods_for("18200000")] == ["Garments"]
    assert [row.good for row in table.goods_for("19000000")] == ["X"]
    path = tmp_path / "cpv_goods.csv"
    path.write_text("cpv_prefix,good,reason\n30,Electronics,computers\n", encoding="utf-8")
    assert read_cpv_goods(path).goods_for("30200000-1") == (CpvGood("30", "Electronics", "computers", ""),)
