"""The hand-made country name tables point at real codes, and DOL names resolve through them first."""

import pytest

from chainmap.reference.country_names import (
    COMMON_NAMES,
    DOL_NAME_EXCEPTIONS,
    KOSOVO,
    dol_country_code,
    iso_countries,
    names_index,
)
from chainmap.reference.data import normalise_name


def test_iso_countries_are_pycountry_plus_kosovo_sorted() -> None:
    countries = iso_countries()
    codes = [country.iso2 for country in countries]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes) == 250
    assert KOSOVO in countries


@pytest.mark.parametrize("table", [DOL_NAME_EXCEPTIONS, COMMON_NAMES], ids=["dol", "common"])
def test_hand_made_names_point_at_table_codes(table: dict[str, str]) -> None:
    codes = {country.iso2 for country in iso_countries()}
    assert set(table.values()) <= codes


def test_every_exception_is_needed_because_pycountry_does_not_know_the_name() -> None:
    index = names_index(iso_countries())
    for name in DOL_NAME_EXCEPTIONS:
        assert dol_country_code(name, {}) == DOL_NAME_EXCEPTIONS[name]
        assert normalise_name(name) not in index, name


def test_dol_names_fall_back_to_pycountry_names() -> None:
    index = names_index(iso_countries())
    assert dol_country_code("Kyrgyz Republic", index) == "KG"
    assert dol_country_code("Côte d'Ivoire", index) == "CI"
    assert dol_country_code("Vietnam", index) == "VN"
    assert dol_country_code("Kosovo", index) == "XK"
    assert dol_country_code("Atlantis", index) is None
