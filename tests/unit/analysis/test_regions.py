"""Regions: Xinjiang recognised as suppliers write it, and a Xinjiang paired with another country."""

import pytest

from chainmap.analysis import assess_site
from chainmap.analysis.regions import RegionCheck, names_xinjiang, region_check
from chainmap.themes import Level
from tests.factories.reference import make_country, make_reference


@pytest.mark.parametrize(
    "region",
    [
        "Xinjiang",
        "Xinjiang Uighur Autonomous Region",
        "Xinjiang Weiwuer Zizhiqu",
        "Xīnjiāng",
        "Xinjiang, China",
        "新疆维吾尔族自治区",
        "XUAR",
        "Urumqi",
        "Hotan Prefecture",
        "Kashgar",
        "Aksu",
        "Ili Kazakh Autonomous Prefecture (Yili)",
        "喀什地区",
        "Sinkiang",
    ],
)
def test_xinjiang_is_recognised_by_its_names_prefectures_and_cities(region: str) -> None:
    assert names_xinjiang(region)


@pytest.mark.parametrize("region", ["", "Guangdong", "Jiangxi", "Xining", "Shanghai", "Ningxia", "Tibet"])
def test_other_regions_are_not_xinjiang(region: str) -> None:
    assert not names_xinjiang(region)


def test_xinjiang_with_another_country_is_noted_and_not_presumed() -> None:
    assert region_check("Xinjiang", "CN") is RegionCheck.XINJIANG
    assert region_check("Xinjiang", None) is RegionCheck.XINJIANG
    assert region_check("Xinjiang", "US") is RegionCheck.CONFLICT
    reference = make_reference(countries=[make_country("US", name="United States")])
    risk = assess_site(
        country="US", activity="warehousing", goods=[], name="Depot", reference=reference, region="Xinjiang"
    )["forced_labour"]
    assert risk.level < Level.VERY_HIGH
    note = next(reason for reason in risk.reasons if reason.code == "reason.xinjiang_other_country")
    assert "United States" in note.text("en") and "not applied" in note.text("en")
    assert "niet toegepast" in note.text("nl")
