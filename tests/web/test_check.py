"""The public quick check: reasons and sources, both languages, htmx partials, search as you type."""

from fastapi.testclient import TestClient

EN = {"Accept-Language": "en-GB,en;q=0.9"}


def test_cotton_from_turkmenistan_has_very_high_forced_labour_with_its_source(client: TestClient) -> None:
    response = client.get("/check", params={"goods": "Cotton", "country": "TM"}, headers=EN)
    assert response.status_code == 200
    page = response.text
    assert "Cotton from Turkmenistan (farming)" in page
    assert "is on the US DOL list for forced labour and child labour (2022)" in page
    assert "List of Goods Produced by Child Labor or Forced Labor" in page
    assert '<tr class="level-4">' in page and "very high" in page


def test_the_page_speaks_dutch_unless_the_browser_asks_for_english(client: TestClient) -> None:
    page = client.get("/check", params={"goods": "katoen", "country": "Turkmenistan"}).text
    assert '<html lang="nl">' in page
    assert "Katoen uit Turkmenistan (landbouw)" in page and "dwangarbeid" in page and "zeer hoog" in page
    assert "Katoen uit Turkmenistan staat op de lijst" in page
    assert 'value="katoen"' in page  # the form names the good in Dutch, and that resolves
    assert 'href="/check?goods=Cotton&amp;country=TM' in page  # the link keeps the vocabulary name


def test_a_dutch_page_names_every_good_in_dutch(client: TestClient) -> None:
    page = client.get("/check", params={"goods": "Thread/Yarn", "country": "CN"}).text
    assert "Garen uit China" in page and 'value="garen"' in page
    assert "Thread/Yarn uit" not in page
    english = client.get("/check", params={"goods": "garen", "country": "CN"}, headers=EN).text
    assert "Thread/Yarn from China" in english and 'value="Thread/Yarn"' in english


def test_dutch_country_names_are_understood_and_shown(client: TestClient) -> None:
    page = client.get("/check", params={"goods": "Electronics", "country": "Duitsland"}).text
    assert "Elektronica uit Duitsland" in page


def test_an_htmx_request_gets_the_result_block_alone(client: TestClient) -> None:
    response = client.get(
        "/check", params={"goods": "Cotton", "country": "TM"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" not in response.text and "dwangarbeid" in response.text


def test_unknown_input_gets_a_did_you_mean(client: TestClient) -> None:
    page = client.get("/check", params={"goods": "Cottton", "country": "Bangladsh"}, headers=EN).text
    assert "&#34;Cottton&#34; is not in the goods list" in page and "Did you mean Cotton?" in page
    assert "Did you mean Bangladesh?" in page
    assert "<table" not in page
    dutch = client.get("/check", params={"goods": "katoun", "country": "TM"}).text
    assert "katoen?" in dutch and "<table" not in dutch


def test_input_is_escaped(client: TestClient) -> None:
    page = client.get("/check", params={"goods": "<script>x</script>", "country": "NL"}).text
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page


def test_search_as_you_type_offers_goods_and_countries_in_the_page_language(client: TestClient) -> None:
    goods = client.get("/check/options/goods", params={"goods": "cott"}).text
    assert '<option value="katoen">' in goods and "Cotton" not in goods
    assert '<option value="katoen">' in client.get("/check/options/goods", params={"goods": "katoe"}).text
    english = client.get("/check/options/goods", params={"goods": "katoe"}, headers=EN).text
    assert '<option value="Cotton">' in english and "katoen" not in english
    cobalt = client.get("/check/options/goods", params={"goods": "kobalt"}).text
    assert '<option value="kobalterts (heterogeniet)">' in cobalt
    countries = client.get("/check/options/countries", params={"country": "duits"}).text
    assert '<option value="Duitsland">' in countries
    english = client.get("/check/options/countries", params={"country": "germ"}, headers=EN).text
    assert '<option value="Germany">' in english
    assert client.get("/check/options/goods", params={"goods": ""}).text.strip() == ""


def test_a_good_outside_the_vocabulary_is_assessed_from_country_and_activity_with_a_warning(
    client: TestClient,
) -> None:
    page = client.get("/check", params={"goods": "Machinery", "country": "CN"}, headers=EN).text
    assert "&#34;Machinery&#34; is not in the goods list, so no listing of a good can apply" in page
    assert "<table" in page and "forced labour" in page
    assert "US DOL list for forced labour" not in page.split("<table", 1)[1].split("Other goods", 1)[0]
    dutch = client.get("/check", params={"goods": "software", "country": "Nederland"}).text
    assert "staat niet in de goederenlijst, dus geen productlijst kan gelden" in dutch and "<table" in dutch
