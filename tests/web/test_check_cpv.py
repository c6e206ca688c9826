"""The public quick check by CPV code: the goods a code involves, each linking to its check."""

from fastapi.testclient import TestClient

EN = {"Accept-Language": "en-GB,en;q=0.9"}


def test_a_cpv_code_lists_its_goods_each_linking_to_its_check(client: TestClient) -> None:
    response = client.get("/check", params={"cpv": "18100000"}, headers=EN)
    assert response.status_code == 200
    page = response.text
    assert "18100000-0 Occupational clothing, special workwear and accessories" in page
    for good in ("Garments", "Textiles", "Cotton", "Thread/Yarn"):
        assert f'<a href="/check?goods={good}">{good}</a>' in page
    assert '<a href="/check?goods=Cotton&amp;country=TM">Turkmenistan</a>' in page
    assert "List of Goods Produced by Child Labor or Forced Labor" in page


def test_the_cpv_check_speaks_dutch_and_takes_the_check_digit(client: TestClient) -> None:
    page = client.get("/check", params={"cpv": "44912100-7"}).text
    assert "44912100-7 Graniet" in page and "Granite" in page and "Nigeria" in page
    assert "kinderarbeid" in page


def test_a_leading_part_of_a_code_is_enough(client: TestClient) -> None:
    page = client.get("/check", params={"cpv": "302"}, headers=EN).text
    assert "Electronics" in page and "Tantalum ore (coltan)" in page


def test_a_cpv_code_without_goods_and_a_wrong_code(client: TestClient) -> None:
    none = client.get("/check", params={"cpv": "45000000-7"}, headers=EN).text
    assert "names no goods for this code: no finding, not no risk" in none
    wrong = client.get("/check", params={"cpv": "katoen"}).text
    assert "&#34;katoen&#34; is geen CPV-code" in wrong and "<table" not in wrong


def test_htmx_gets_the_cpv_block_alone(client: TestClient) -> None:
    response = client.get("/check", params={"cpv": "15861000-1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text and "Coffee" in response.text and "Koffie" in response.text


def test_a_good_alone_fills_in_the_form_without_an_error(client: TestClient) -> None:
    page = client.get("/check", params={"goods": "Cotton"}).text
    assert 'value="katoen"' in page and 'role="alert"' not in page and "<table" not in page


def test_cpv_options_for_the_public_check_in_both_languages(client: TestClient) -> None:
    dutch = client.get("/check/options/cpv", params={"cpv": "koffie"}).text
    assert '<option value="15861000-1">15861000-1 Koffie</option>' in dutch
    english = client.get("/check/options/cpv", params={"cpv": "coffee"}, headers=EN).text
    assert '<option value="15861000-1">15861000-1 Coffee</option>' in english
