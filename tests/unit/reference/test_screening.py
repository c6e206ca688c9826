"""UFLPA screening on real entries and real look-alikes (uflpa_cases.csv), and its rules one by one.

The case table holds variants of real entries of fixtures/reference/uflpa_entities.csv (case, spacing,
hyphens, legal forms, transliterations, aliases, Chinese names, typos) and innocent names (non-listed
companies, Xinjiang-sounding near misses, short and generic names abroad). `entity` is the entry a name
truly refers to (empty: none), `expected` what the screening says. The figures in docs/risk-model.md
("UFLPA screening") are computed from it here.
"""

import csv
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chainmap.reference import (
    NO_MATCH,
    ReferenceData,
    SanctionedEntity,
    company_screener,
    load_reference,
    normalise_company_name,
    screen_company,
    screen_sites,
    screened,
)
from chainmap.reference.screening import POSSIBLE_MATCH_SCORE, is_short_or_generic
from tests.factories.reference import make_reference

CASES: Final = Path(__file__).with_name("uflpa_cases.csv")
RISK_MODEL: Final = Path(__file__).resolve().parents[3] / "docs" / "risk-model.md"

# The figures docs/risk-model.md reports; the test fails when the screening does worse than these.
LISTING_PRECISION: Final = 1.0
LISTING_RECALL: Final = 0.797
FLAGGED_PRECISION: Final = 0.95
FLAGGED_RECALL: Final = 0.916


@dataclass(frozen=True)
class Case:
    name: str
    country: str | None
    entity: str
    expected: str
    variant: str


def cases() -> list[Case]:
    with CASES.open(encoding="utf-8", newline="") as f:
        return [
            Case(row["name"], row["country"] or None, row["entity"], row["expected"], row["variant"])
            for row in csv.DictReader(f)
        ]


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return load_reference()


def test_the_case_table_has_50_real_entries_and_50_innocent_names(reference: ReferenceData) -> None:
    table = cases()
    names = {entity.name for entity in reference.entities}
    listed = {case.entity for case in table if case.entity}
    assert listed <= names
    assert len(listed) >= 50
    assert sum(1 for case in table if not case.entity) >= 50
    assert {case.expected for case in table} == {"listing", "possible", "none"}


@pytest.mark.parametrize("case", cases(), ids=lambda case: f"{case.name}-{case.country}")
def test_each_case_is_screened_as_expected(case: Case, reference: ReferenceData) -> None:
    result = screen_company(case.name, country=case.country, reference=reference)
    assert result.outcome == case.expected
    if case.expected == "listing":
        assert result.listing is not None and result.listing.name == case.entity
    elif case.expected == "possible" and case.entity:
        assert case.entity in [match.entity.name for match in result.possible]


@dataclass(frozen=True)
class Figures:
    listing_precision: float
    listing_recall: float
    flagged_precision: float
    flagged_recall: float


def figures(reference: ReferenceData) -> Figures:
    """Precision and recall of the listings, and of listings and possible matches together ("flagged"),
    against the entity each case truly refers to: a flag for the wrong entry counts as a false one."""
    listed = listed_right = flagged = flagged_right = 0
    positives = 0
    for case in cases():
        positives += bool(case.entity)
        result = screen_company(case.name, country=case.country, reference=reference)
        if result.listing is not None:
            listed += 1
            listed_right += result.listing.name == case.entity
        candidates = [result.listing] if result.listing else [match.entity for match in result.possible]
        if candidates:
            flagged += 1
            flagged_right += case.entity in [entity.name for entity in candidates]
    return Figures(
        listing_precision=listed_right / listed,
        listing_recall=listed_right / positives,
        flagged_precision=flagged_right / flagged,
        flagged_recall=flagged_right / positives,
    )


def test_precision_and_recall_reach_the_documented_figures(reference: ReferenceData) -> None:
    found = figures(reference)
    assert found.listing_precision >= LISTING_PRECISION
    assert found.listing_recall >= LISTING_RECALL
    assert found.flagged_precision >= FLAGGED_PRECISION
    assert found.flagged_recall >= FLAGGED_RECALL


def test_the_risk_model_documents_the_figures_and_the_threshold() -> None:
    text = RISK_MODEL.read_text(encoding="utf-8")
    section = text.split("#### UFLPA screening", 1)[1].split("\n### ", 1)[0]
    for value in (LISTING_PRECISION, LISTING_RECALL, FLAGGED_PRECISION, FLAGGED_RECALL):
        assert f"{value:.3f}" in section
    assert re.search(rf"\b{POSSIBLE_MATCH_SCORE:g}\b", section)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Xinjiang Zhong Tai Chemical Co., Ltd.", "XINJIANG ZHONGTAI CHEMICAL"),
        ("Tian-Shan Aluminum", "Tianshan Aluminum Co Ltd"),
        ("Hetian Haolin", "Hotan Haolin"),
        ("He Tian Haolin", "Hotan Haolin"),
        ("Kashi Aodu Sugar", "Kashgar Aodu Sugar"),
        ("Ili Zhuowan", "Yili Zhuowan"),
        ("Akesu Huafu", "Aksu Huafu"),
        ("Wulumuqi Example", "Urumqi Example"),
        ("Sichuan Yuan’an Pharmaceutical", "Sichuan Yuanan Pharmaceutical Company Limited"),
        ("Zhuhai G&G Digital", "Zhuhai G and G Digital Corp."),
        ("The TNN Development Limited", "TNN Development Ltd"),
        ("Ürümqi Textiles", "URUMQI TEXTILES"),
        ("Example Ｔｅｘｔｉｌｅｓ", "Example Textiles"),  # full-width letters
        ("新疆中泰化学股份有限公司", "新疆中泰化学"),
        ("Union Trading GmbH", "Union Trading"),
        ("Van der Berg Textiel B.V.", "van der berg textiel"),
    ],
)
def test_spellings_of_one_name_share_a_key(one: str, other: str) -> None:
    assert normalise_company_name(one) == normalise_company_name(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Camel Group Co., Ltd.", "Camel Co., Ltd."),  # "Group" is not a legal form
        ("Xinjiang Energy (Group) Co., Ltd.", "Xinjiang Energy Co., Ltd."),
        ("紫金矿业集团股份有限公司", "紫金矿业股份有限公司"),
        ("Xinjiang Zhongtai Chemical", "Xinjiang Zhongtai Group"),
    ],
)
def test_organisation_words_and_distinct_names_keep_their_key(one: str, other: str) -> None:
    assert normalise_company_name(one) != normalise_company_name(other)


def test_a_name_of_only_a_legal_form_keeps_it() -> None:
    assert normalise_company_name("Co., Ltd.") == "co"
    assert normalise_company_name("  --  ") == ""


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("CN Bio", True),
        ("Union", True),
        ("Union Biotech Inc.", True),
        ("Western Gold", True),
        ("KTK Group", True),
        ("TBEA Co., Ltd.", True),
        ("Septwolves", False),
        ("Esquel Group", False),
        ("新疆中泰化学", False),  # Chinese characters count three each
        ("中泰", False),
        ("泰", True),
    ],
)
def test_short_or_generic_names(name: str, short: bool) -> None:
    assert is_short_or_generic(name) is short


ENTITY: Final = SanctionedEntity(
    "Xinjiang Example Cotton Co., Ltd.",
    ("XEC", "新疆示例棉业有限公司"),
    ("2(d)(2)(B)(v): facilities that source material from Xinjiang",),
    "2023-08-02",
)


@pytest.fixture
def example() -> ReferenceData:
    return make_reference(entities=[ENTITY])


@pytest.mark.parametrize(
    ("country", "outcome"), [("CN", "listing"), ("HK", "listing"), ("NL", "possible"), (None, "possible")]
)
def test_a_short_alias_is_a_listing_only_in_china_and_hong_kong(
    example: ReferenceData, country: str | None, outcome: str
) -> None:
    result = screen_company("X.E.C.", country=country, reference=example)
    assert result.outcome == outcome
    if outcome == "possible":
        (match,) = result.possible
        assert (match.entity, match.matched, match.score, match.short) == (ENTITY, "XEC", 100, True)


def test_a_long_name_is_a_listing_wherever_the_site_is(example: ReferenceData) -> None:
    for country in ("CN", "NL", None):
        result = screen_company("XINJIANG EXAMPLE COTTON", country=country, reference=example)
        assert (result.listing, result.matched) == (ENTITY, ENTITY.name)


def test_a_chinese_name_on_the_list_is_found_with_another_legal_form(example: ReferenceData) -> None:
    result = screen_company("新疆示例棉业股份有限公司", country="CN", reference=example)
    assert result.listing == ENTITY


def test_a_close_name_is_a_possible_match_with_its_score(example: ReferenceData) -> None:
    result = screen_company("Xinjiang Exampel Cotton Company", country="CN", reference=example)
    assert result.listing is None
    (match,) = result.possible
    assert match.entity == ENTITY and POSSIBLE_MATCH_SCORE <= match.score < 100 and not match.short


def test_a_name_that_differs_by_group_is_a_possible_match(example: ReferenceData) -> None:
    (match,) = screen_company("Xinjiang Example Cotton Group", country="CN", reference=example).possible
    assert (match.entity, match.score) == (ENTITY, 100)


def test_a_different_name_matches_nothing(example: ReferenceData) -> None:
    assert screen_company("Xinjiang Sample Wool", country="CN", reference=example) is NO_MATCH
    assert screen_company("", country="CN", reference=example) is NO_MATCH
    assert screen_company("XEC", country="CN", reference=make_reference()) is NO_MATCH


def test_screening_results_are_hashable_and_equal_by_value(example: ReferenceData) -> None:
    one = screen_company("Xinjiang Exampel Cotton", country="CN", reference=example)
    other = screen_company("Xinjiang Exampel Cotton Co Ltd", country="CN", reference=example)
    assert one == other and hash(one) == hash(other)
    assert screen_company("Acme", country="NL", reference=example) == NO_MATCH


def test_sanctioned_entity_uses_the_same_keys(reference: ReferenceData) -> None:
    assert reference.sanctioned_entity("Hotan Taida Apparel Company Limited") is not None
    assert reference.sanctioned_entity("CN Bio") is not None  # the exact look-up ignores the country


def test_a_chain_screens_each_site_as_screen_company_does(reference: ReferenceData) -> None:
    screen = company_screener(reference)
    for case in cases():
        assert screen(case.name, case.country) == screen_company(
            case.name, country=case.country, reference=reference
        )
    assert company_screener(make_reference())("Hotan Taida Apparel", "CN") is NO_MATCH


def test_sites_screened_ahead_read_back_as_the_screener_screens_them(reference: ReferenceData) -> None:
    sites = [(case.name, case.country) for case in cases()]
    sites += [("Site 17", "NL"), (sites[0][0], None)]  # no match, and a match's name in no country
    found = screen_sites([*sites, *sites], reference)  # each distinct site screened once
    assert found and all(result != NO_MATCH for result in found.values())
    screen, ahead = company_screener(reference), screened(found)
    assert [ahead(name, country) for name, country in sites] == [
        screen(name, country) for name, country in sites
    ]


@given(st.text(alphabet=string.ascii_letters + string.digits + " .,()/", max_size=40))
def test_plain_ascii_names_fold_as_any_other_name(name: str) -> None:
    # A trailing apostrophe sends a name through the full folding, which drops it; a plain ASCII name
    # takes the short path, which must give the same words.
    assert normalise_company_name(name) == normalise_company_name(name + "'")


@pytest.mark.parametrize(
    ("name", "key"),
    [("Wulumuqi Textile", "urumqitextile"), ("Yuepu Lake Cotton", "yuepuhucotton"), ("Ili", "yili")],
)
def test_place_names_in_plain_ascii_are_transliterated(name: str, key: str) -> None:
    assert normalise_company_name(name) == key
